/**
 * An eComptes XML read as a plan through the import pipeline: the export read back gives the
 * same plan (what the format carries), a malformed or foreign XML is refused in French.
 */
import { strToU8 } from 'fflate';
import { ecomptesXml } from '../../../src/export/ecomptes/ecomptesXml';
import { analyseDocument } from '../../../src/import/importDocument';
import { formatReport } from '../../../src/import/report';
import { isImportError } from '../../../src/import/errors';
import { etpOfYear } from '../../../src/domain/meansFigures';
import type { Action, Period, PlanData } from '../../../src/domain/model';
import { parsePeriod, periodOfDay } from '../../../src/domain/parsing';
import type { PlanTreeInput } from '../../../src/domain/tree';
import { buildSamplePst } from '../../../src/node/local/samplePst';
import type { OutlineDocument } from '../../../src/import/toPlan';
import sampleOutline from '../../../src/node/local/sample/binche-2019-2024.outline.json';
import { validateEcomptes } from '../../../src/node/ecomptes/validateEcomptes';
import { reportInput, TODAY } from '../../export/report/reportFixture';

jest.setTimeout(60_000);

const civilityOf = () => 'MADAME' as const;

function fixture() {
  const input = reportInput();
  return {
    ...input,
    actions: input.actions.map((a) =>
      a.id === 101
        ? {
            ...a,
            labels: ['PCS'],
            partners: ['Commune', 'Service technique'],
            plannedStart: { text: '01/02/2026', start: '2026-02-01', end: '2026-02-01', precision: 'day' as const },
            resources: {
              ...a.resources,
              lines: [
                { year: 2026, service: 'extraordinaire' as const, direction: 'depense' as const, source: 'region' as const, article: '844/724-60', planned: 20000, actual: null, etp: null },
                { year: 2026, service: 'extraordinaire' as const, direction: 'depense' as const, source: 'cpas' as const, article: null, planned: 5000, actual: null, etp: null },
                { year: 2027, service: 'extraordinaire' as const, direction: 'depense' as const, source: 'cpas' as const, article: null, planned: 7000, actual: null, etp: null },
                { year: 2026, service: 'ordinaire' as const, direction: 'recette' as const, source: 'region' as const, article: '844/465-01', planned: 10000, actual: null, etp: null },
              ],
            },
          }
        : a,
    ),
  };
}

/** What the eComptes format carries of an action, comparable across ids. */
function carried(data: PlanTreeInput) {
  const ooCode = new Map(data.operationalObjectives.map((o) => [o.id, o.code]));
  const actionCode = new Map(data.actions.map((a) => [a.id, a.code]));
  // A sub-action serves its parent's OO (the fixtures leave its own list empty).
  const ooOf = (a: Action): number[] => (a.parentActionId != null ? ooOf(data.actions.find((p) => p.id === a.parentActionId)!) : a.operationalObjectiveIds);
  return data.actions
    .map((a: Action) => ({
      code: a.code,
      title: a.title,
      oo: ooOf(a).map((id) => ooCode.get(id)),
      parent: a.parentActionId != null ? actionCode.get(a.parentActionId) : null,
      status: a.status,
      statusText: a.status === null ? a.statusText : null,
      start: a.plannedStart?.start ?? null,
      end: a.plannedEnd?.end ?? null,
      department: a.department,
      partners: a.partners,
      labels: a.labels,
      lead: a.projectLead ? { displayName: a.projectLead.displayName, email: a.projectLead.email } : null,
      // One ETP per element and exercise: that of the export's year (etpOfYear).
      etp: etpOfYear(a.resources.lines ?? [], Number(TODAY.slice(0, 4))),
      lines: (a.resources.lines ?? []).filter((l) => l.planned !== null).map((l) => `${l.year} ${l.service} ${l.direction} ${l.source} ${l.article} ${l.planned}`).sort(),
      description: a.description,
    }))
    .sort((x, y) => String(x.code).localeCompare(String(y.code)));
}

function objectives(data: PlanTreeInput) {
  return {
    os: data.strategicObjectives.map((o) => [o.code, o.title, o.volet]).sort(),
    oo: data.operationalObjectives.map((o) => [o.code, o.title, data.strategicObjectives.find((s) => s.id === o.strategicObjectiveId)!.code]).sort(),
  };
}

function roundTrip(input: ReturnType<typeof fixture> | (PlanData & { checkIns?: never[] })) {
  const { xml } = ecomptesXml(input, { today: TODAY, ins: 56011, civilityOf });
  return { xml, analysis: analyseDocument('pst-ecomptes.xml', strToU8(xml)) };
}

describe('importing an eComptes XML', () => {
  it('reads back the plan the export wrote: structure, statuses, dates, people, partners, plans, ETP, means per year', async () => {
    const input = fixture();
    const { xml, analysis } = roundTrip(input);
    expect((await validateEcomptes(xml)).valid).toBe(true);
    expect(analysis.format).toBe('xml');
    expect(analysis.plan.plan).toMatchObject({ title: 'PST 2025-2030', startYear: 2025, endYear: 2030 });
    expect(objectives(analysis.plan)).toEqual(objectives({ ...input, sections: [] }));
    // Civility known for everyone here, so every lead is written.
    expect(carried(analysis.plan)).toEqual(carried({ ...input, sections: [] }));
  });

  it('keeps the state as written of an action whose status is unknown, and the transversal action once', () => {
    const { analysis } = roundTrip(fixture());
    const unknown = analysis.plan.actions.find((a) => a.code === '2.1.1')!;
    expect([unknown.status, unknown.statusText]).toEqual([null, 'Indéterminé']);
    expect(analysis.plan.actions.filter((a) => a.code === '1.1.2')).toHaveLength(1);
    expect(analysis.plan.actions.find((a) => a.code === '1.1.2.1')!.parentActionId).toBe(analysis.plan.actions.find((a) => a.code === '1.1.2')!.id);
  });

  it('keeps a start or end written as a year or a span, and a mandatary that is a body (the schema holds neither)', async () => {
    const input = fixture();
    const year = parsePeriod('2026') as Period;
    const span = parsePeriod('2027-28') as Period;
    const monthEnd = parsePeriod('09/2027') as Period;
    expect([year.precision, span.precision, monthEnd.precision]).toEqual(['year', 'years', 'month']);
    const edited = {
      ...input,
      actions: input.actions.map((a, i) =>
        i === 0
          ? { ...a, plannedStart: year, plannedEnd: span, mandatary: "Conseil de l'action sociale" }
          : i === 1
            ? { ...a, plannedStart: periodOfDay('2026-03-15'), plannedEnd: monthEnd, mandatary: { displayName: 'Marie Lejeune', email: 'marie.lejeune@ciney.be' } }
            : a,
      ),
    };
    const { xml, analysis } = roundTrip(edited);
    // Still valid: DateDebut / DateFin hold the first and last day, RemarqueStatut what they stand for.
    const validation = await validateEcomptes(xml);
    expect(validation.errors ?? []).toEqual([]);
    expect(validation.valid).toBe(true);
    expect(xml).toContain(`<DateDebut>${year.start}</DateDebut><DateFin>${span.end}</DateFin>`);
    expect(xml).toContain('Début indiqué : 2026');
    expect(xml).toMatch(/Mandataire \(organe\) : Conseil de l(?:'|&apos;|&#39;)action sociale/);
    expect(ecomptesXml(edited, { today: TODAY, ins: 56011, civilityOf }).warnings.join('\n')).not.toMatch(/organe/);
    const byCode = (code: string | null) => analysis.plan.actions.find((a) => a.code === code)!;
    const first = byCode(edited.actions[0].code);
    expect(first.plannedStart).toEqual(year);
    expect(first.plannedEnd).toEqual(span);
    expect(first.mandatary).toBe("Conseil de l'action sociale");
    const second = byCode(edited.actions[1].code);
    expect(second.plannedStart).toEqual(periodOfDay('2026-03-15'));
    expect(second.plannedEnd).toEqual(monthEnd);
    expect(second.mandatary).toBe('Marie Lejeune');
    // Neither line is left in the comments.
    expect(first.comments ?? '').not.toMatch(/indiqué|organe/);
  });

  it('takes the day the schema holds when the remark does not agree with it', () => {
    const input = fixture();
    const { xml } = roundTrip({ ...input, actions: input.actions.map((a, i) => (i === 0 ? { ...a, plannedStart: parsePeriod('2026') as Period } : a)) });
    const tampered = xml.replace('<DateDebut>2026-01-01</DateDebut>', '<DateDebut>2026-04-01</DateDebut>');
    expect(tampered).not.toBe(xml);
    const analysis = analyseDocument('pst-ecomptes.xml', strToU8(tampered));
    expect(analysis.plan.actions.find((a) => a.code === input.actions[0].code)!.plannedStart).toEqual(periodOfDay('2026-04-01'));
  });

  it('reads the sample PST back whole (9 OS, 23 OO, 47 actions) and reports it like any document', () => {
    const sample = buildSamplePst(sampleOutline as OutlineDocument, TODAY).data;
    const { analysis } = roundTrip(sample);
    expect([analysis.plan.strategicObjectives.length, analysis.plan.operationalObjectives.length, analysis.plan.actions.length]).toEqual([9, 23, sample.actions.length]);
    expect(objectives(analysis.plan)).toEqual(objectives(sample));
    expect(carried(analysis.plan).map((a) => [a.code, a.title, a.oo, a.status, a.start, a.end])).toEqual(carried(sample).map((a) => [a.code, a.title, a.oo, a.status, a.start, a.end]));
    const report = formatReport(analysis);
    expect(report).toContain('export eComptes (XML)');
  });

  it('refuses a malformed XML and an XML that is not an eComptes PST, in French', () => {
    const attempt = (text: string) => {
      try {
        analyseDocument('pst.xml', strToU8(text));
        return null;
      } catch (error) {
        return isImportError(error) ? error.message : `not an ImportError: ${String(error)}`;
      }
    };
    expect(attempt('<?xml version="1.0"?><dataroot><PST><Volets></dataroot>')).toMatch(/n'est pas un XML bien formé \(ligne 1/);
    expect(attempt('<?xml version="1.0"?><facture><total>12</total></facture>')).toMatch(/pas un export eComptes du PST/);
  });
});
