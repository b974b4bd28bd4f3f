import { buildReport, REPORT_VARIANTS } from '../../src/domain/report';
import { reportInput, TODAY } from '../export/report/reportFixture';

describe('the report model', () => {
  const input = reportInput();

  it('summarises the plan with the dashboard counts, late actions most days late first, blocked ones with their reason', () => {
    const model = buildReport(input, { variant: 'complet', today: TODAY });
    expect(model.summary.plan.total).toBe(5); // top-level actions only, the transversal one once
    expect(model.summary.late.map((a) => [a.code, a.daysLate])).toEqual([
      ['1.1.1', 54],
      ['2.1.1', 23],
    ]);
    expect(model.summary.blocked.map((a) => [a.code, a.blockedReason])).toEqual([['1.1.2', 'En attente de l’avis de la tutelle']]);
    // in the tree's order: the internal part (OS 2) before the external one (OS 1)
    expect(model.summary.strategicObjectives.map((o) => o.code)).toEqual(['2', '1']);
  });

  it('complet: OS → OO → actions with sub-actions after their parent, the newest check-in and the indicators', () => {
    const model = buildReport(input, { variant: 'complet', today: TODAY });
    const [second, first] = model.groups;
    expect([first.volet, second.volet]).toEqual(['externe', 'interne']);
    expect(first.operationalObjectives.map((o) => o.code)).toEqual(['1.1', '1.2']);
    const rows = first.operationalObjectives[0].actions;
    expect(rows.map((r) => [r.code, r.depth])).toEqual([
      ['1.1.1', 0],
      ['1.1.2', 0],
      ['1.1.2.1', 1],
    ]);
    expect(rows[0].lastCheckIn).toEqual({ date: '2026-10-15', author: 'Marie Dupont', comment: 'Marché public relancé' });
    expect(rows[0].indicators[0]).toMatchObject({ label: 'Visiteurs accueillis', current: 1234.5 });
    expect(rows[1].transversal).toBe(true);
    // the transversal action also sits under its second OO
    expect(second.operationalObjectives[0].actions.map((r) => r.code)).toEqual(['1.1.2', '1.1.2.1', '2.1.1']);
    expect(second.operationalObjectives[0].actions[2]).toMatchObject({ status: null, statusText: 'Indéterminé', indicatorsText: 'Nombre de dossiers scannés' });
  });

  it('avancement lists the objectives without their actions; retards only late and blocked; services and chefs group by service and lead', () => {
    const short = buildReport(input, { variant: 'avancement', today: TODAY });
    expect(short.withActions).toBe(false);
    expect(short.groups.every((g) => g.operationalObjectives.every((oo) => oo.actions.length === 0))).toBe(true);

    const late = buildReport(input, { variant: 'retards', today: TODAY });
    expect(late.groups.map((g) => [g.kind, g.actions.map((a) => a.code)])).toEqual([
      ['late', ['1.1.1', '2.1.1']],
      ['blocked', ['1.1.2']],
    ]);

    const services = buildReport(input, { variant: 'services', today: TODAY });
    expect(services.groups.map((g) => [g.title, g.actions.length])).toEqual([
      ['Informatique', 1],
      ['Ressources humaines', 2],
      ['Service social', 1],
      ['', 1],
    ]);
    const leads = buildReport(input, { variant: 'chefs', today: TODAY });
    expect(leads.groups.map((g) => [g.title, g.actions.map((a) => a.code)])).toEqual([
      ['Jean Martin', ['1.1.2', '2.1.1']],
      ['Marie Dupont', ['1.1.1', '1.2.1']],
      ['', ['1.2.2']],
    ]);
  });

  it('moves with the date of the data: before the deadlines, nothing is late; later check-ins are not shown', () => {
    const early = buildReport(input, { variant: 'retards', today: '2026-01-10' });
    const midYear = buildReport(input, { variant: 'complet', today: '2026-07-01' });
    expect(midYear.groups[1].operationalObjectives[0].actions[0].lastCheckIn?.comment).toBe('Ancien commentaire');
    expect(early.summary.late).toEqual([]);
    expect(early.groups[0].actions).toEqual([]);
    for (const variant of REPORT_VARIANTS) expect(buildReport(input, { variant, today: TODAY }).variant).toBe(variant);
  });
});
