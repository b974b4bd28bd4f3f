import { assessmentOf, comparePlans, differingAssessments, evaluationKey, freezePlan, objectiveAssessmentKey, parseAssessments, parseFrozenPlan, serializeAssessments, snapshotKey } from '../../src/domain/evaluation';
import { reportInput, TODAY } from '../export/report/reportFixture';
import { action, period } from './fixtures';

describe('frozen plans and their comparison', () => {
  it('a snapshot taken before a change still reports the old values', () => {
    const input = reportInput();
    const frozen = freezePlan(input, { takenOn: '2026-06-30', kind: 'miParcours' });
    const stored = JSON.stringify(frozen);
    // The plan changes afterwards: in place, as a careless caller would.
    input.actions[0].title = 'Nouveau titre';
    input.actions[0].status = 'TERMINE';
    input.actions[0].progressPercent = 100;
    input.indicators[0].current = 1600;
    const read = parseFrozenPlan(stored);
    for (const snapshot of [frozen, read]) {
      const guichet = snapshot.actions.find((a) => a.id === 101)!;
      expect([guichet.title, guichet.status, guichet.progressPercent]).toEqual(['Refaire le guichet', 'EN_COURS', 40]);
      expect(snapshot.indicators[0].current).toBe(1234.5);
      expect(snapshot.figures.actions['101'].progress).toBe(40);
    }
    expect(frozen.key).toBe(snapshotKey(input.plan.id, '2026-06-30', 'miParcours'));
    expect(frozen.label).toBe('Évaluation à mi-parcours');
  });

  it('tells what progressed, was completed, added, archived and postponed; indicators against targets; means per year', () => {
    const input = reportInput();
    const withMeans = (year: number, planned: number, actual: number | null) => ({ year, service: 'ordinaire' as const, direction: 'depense' as const, source: null, article: null, planned, actual, etp: 0.5 });
    const before = freezePlan(
      { ...input, actions: input.actions.map((a) => (a.id === 101 ? { ...a, resources: { ...a.resources, lines: [withMeans(2026, 1000, null)] } } : a)) },
      { takenOn: '2026-06-30', kind: 'miParcours' },
    );
    const later = input.actions
      .filter((a) => a.id !== 201)
      .map((a) => {
        if (a.id === 101) return { ...a, progressPercent: 70, plannedEnd: period('31/12/2026'), resources: { ...a.resources, lines: [withMeans(2026, 1200, 900), withMeans(2027, 500, null)] } };
        if (a.id === 102) return { ...a, status: 'TERMINE' as const, progressPercent: 100 };
        if (a.id === 104) return { ...a, priority: 'postpose' as const };
        if (a.id === 105) return a;
        return a;
      })
      .concat([action(301, [12], { code: '1.2.3', title: 'Nouvelle action', status: 'NON_COMMENCE' })]);
    const after = freezePlan(
      { ...input, actions: later.map((a) => (a.id === 103 ? { ...a, status: 'ANNULE_ABANDONNE' as const } : a)), indicators: [{ ...input.indicators[0], current: 1400 }] },
      { takenOn: TODAY, kind: 'finDeLegislature' },
    );
    const c = comparePlans(before, after);
    expect(c.progressed.map((p) => [p.code, p.before, p.after])).toEqual([['1.1.1', 40, 70]]);
    expect(c.completed.map((p) => p.code)).toEqual(['1.1.2']);
    expect(c.added.map((a) => a.code)).toEqual(['1.2.3']);
    expect(c.removed.map((a) => a.code)).toEqual(['2.1.1']);
    expect(c.archived.map((a) => a.code)).toEqual(['1.1.2.1']);
    expect(c.postponed.map((p) => [p.code, p.endBefore, p.endAfter])).toEqual([
      ['1.1.1', '2026-09-30', '2026-12-31'],
      ['1.2.1', '2025-12-31', '2025-12-31'],
    ]);
    expect(c.indicators).toEqual([expect.objectContaining({ label: 'Visiteurs accueillis', before: 1234.5, after: 1400, target: 1500, reached: 85.7 })]);
    expect(c.means).toEqual([
      { year: 2026, plannedBefore: 1000, plannedAfter: 1200, spent: 900, etp: 0.5 },
      { year: 2027, plannedBefore: 0, plannedAfter: 500, spent: 0, etp: 0.5 },
    ]);
    const os1 = c.objectives.find((o) => o.level === 'os' && o.id === 1)!;
    // The objectives carry each snapshot's own frozen figures.
    expect([os1.before, os1.after]).toEqual([before.figures.strategicObjectives['1'], after.figures.strategicObjectives['1']]);
    expect(c.objectives.find((o) => o.level === 'oo' && o.id === 12)!.after!.total).toBe(3);
    expect(assessmentOf({ objectives: { '1': ' Bon avancement. ' }, synergies: '' }, os1)).toBe('Bon avancement.');
    expect(assessmentOf({ objectives: { 'oo:11': 'Accueil rénové.' }, synergies: '' }, { level: 'oo', id: 11, code: null })).toBe('Accueil rénové.');
  });

  it('refuses what is not a frozen plan, in French', () => {
    expect(() => parseFrozenPlan('{')).toThrow('Le cliché du PST est illisible');
    expect(() => parseFrozenPlan('{"format":2}')).toThrow("n'est pas au format attendu");
  });
});

describe('the coordinator’s assessments', () => {
  it('belong to the pair compared: a later snapshot, or today', () => {
    expect(evaluationKey('1-2026-06-30-miParcours', '1-2029-06-30-finDeLegislature')).toBe('1-2026-06-30-miParcours>1-2029-06-30-finDeLegislature');
    expect(evaluationKey('1-2026-06-30-miParcours', null)).toBe('1-2026-06-30-miParcours>aujourdhui');
  });

  it('are written by objective id, read back by assessmentOf, and the code written by the CLI still counts', () => {
    const os = { level: 'os' as const, id: 4, code: '2' };
    expect(objectiveAssessmentKey(os)).toBe('os:4');
    expect(assessmentOf({ objectives: { 'os:4': ' Atteint. ' }, synergies: '' }, os)).toBe('Atteint.');
    expect(assessmentOf({ objectives: { '2': 'Par code' }, synergies: '' }, os)).toBe('Par code');
    expect(assessmentOf({ objectives: { 'oo:4': 'Un OO' }, synergies: '' }, os)).toBeNull();
  });

  it('survive the JSON stored, without the empty texts', () => {
    const json = serializeAssessments({ objectives: { 'os:1': 'Bien « avancé »\nà poursuivre', 'oo:2': '   ' }, synergies: 'Un agent partagé' });
    expect(parseAssessments(json)).toEqual({ objectives: { 'os:1': 'Bien « avancé »\nà poursuivre' }, synergies: 'Un agent partagé' });
  });

  it('refuse in French what is not stored assessments', () => {
    expect(() => parseAssessments('{abîmé')).toThrow('Les appréciations enregistrées sont illisibles (JSON abîmé).');
    expect(() => parseAssessments('{"format":2,"objectives":{},"synergies":""}')).toThrow('pas au format attendu (format 2)');
  });

  it('say which texts differ between two versions (what a conflict shows)', () => {
    const mine = { objectives: { 'os:1': 'Le mien', 'oo:2': 'Pareil' }, synergies: 'Bilan' };
    const theirs = { objectives: { 'oo:2': 'Pareil ', 'oo:3': 'Le leur' }, synergies: 'Autre bilan' };
    expect(differingAssessments(mine, theirs)).toEqual(['oo:3', 'os:1', 'synergies']);
    expect(differingAssessments(mine, mine)).toEqual([]);
  });
});
