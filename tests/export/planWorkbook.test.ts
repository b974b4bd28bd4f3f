/**
 * The plan workbook read back: the sheets' cells (unzipped sheet XML), the print setup Excel
 * keeps in the file, the highlighted rows, and the round trip through the importer — an
 * unedited export changes nothing (planSync), an edited cell changes that field only.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { planWorkbook } from '../../src/export/planWorkbook';
import { writeXlsx } from '../../src/export/xlsx';
import { analyseDocument } from '../../src/import/importDocument';
import { planSync, syncTotals } from '../../src/domain/planSync';
import type { PstSnapshot } from '../../src/domain/snapshot';
import type { PlanData } from '../../src/domain/model';
import { walkXml } from '../../src/import/read/xml';
import { buildSamplePst } from '../../src/node/local/samplePst';
import { readMeansLines } from '../../src/import/toPlan';
import type { OutlineDocument } from '../../src/import/toPlan';
import sampleOutline from '../../src/node/local/sample/binche-2019-2024.outline.json';
import { TEMPLATE_COLUMNS } from '../../src/export/templateColumns';
import { reportInput, TODAY } from './report/reportFixture';

type Files = Record<string, string>;

function open(bytes: Uint8Array): Files {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

/** Every row of a worksheet as texts (inline strings and numbers), and each row's cell styles. */
function sheetRows(xml: string): { cells: string[][]; styles: number[][] } {
  const cells: string[][] = [];
  const styles: number[][] = [];
  let column = -1;
  let inValue = false;
  const columnOf = (ref: string) => ref.replace(/\d+$/, '').split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  walkXml(xml, (event) => {
    if (event.type === 'open' && event.name === 'row') {
      cells.push([]);
      styles.push([]);
    } else if (event.type === 'open' && event.name === 'c') {
      column = columnOf(event.attributes.r);
      styles[styles.length - 1][column] = Number(event.attributes.s || 0);
      cells[cells.length - 1][column] = '';
    } else if (event.type === 'open' && (event.name === 't' || event.name === 'v')) inValue = true;
    else if (event.type === 'close' && (event.name === 't' || event.name === 'v')) inValue = false;
    else if (event.type === 'text' && inValue) cells[cells.length - 1][column] += event.text;
  });
  return { cells, styles };
}

/** The fill index of each cellXfs entry (to tell a highlighted cell). */
function fillsOfStyles(stylesXml: string): number[] {
  const fills: number[] = [];
  let inCellXfs = false;
  walkXml(stylesXml, (event) => {
    if (event.type === 'open' && event.name === 'cellXfs') inCellXfs = true;
    if (event.type === 'close' && event.name === 'cellXfs') inCellXfs = false;
    if (event.type === 'open' && event.name === 'xf' && inCellXfs) fills.push(Number(event.attributes.fillId));
  });
  return fills;
}

function snapshotOf(data: PlanData): PstSnapshot {
  return { plans: [data.plan], sections: data.sections, strategicObjectives: data.strategicObjectives, operationalObjectives: data.operationalObjectives, actions: data.actions, indicators: [] };
}

/** The report fixture, with the orders an import gives and means per year on one action. */
function richInput() {
  const input = reportInput();
  const parentKey = (a: { parentActionId?: number | null; operationalObjectiveIds: number[] }) => (a.parentActionId != null ? `a${a.parentActionId}` : `oo${a.operationalObjectiveIds[0]}`);
  const actions = input.actions.map((a) => {
    const order = input.actions.filter((b) => b.id <= a.id && parentKey(b) === parentKey(a)).length;
    return a.id === 101
      ? {
          ...a,
          order,
          description: 'Un guichet accessible\net confidentiel.',
          partners: ['Commune', 'Service technique'],
          risks: ['Délais du marché public'],
          sdgs: [10, 16],
          resources: {
            ...a.resources,
            lines: [
              { year: 2026, service: 'extraordinaire' as const, direction: 'depense' as const, source: 'region' as const, article: '844/724-60', planned: 20000, actual: 12500, etp: 0.5 },
              { year: 2027, service: 'extraordinaire' as const, direction: 'depense' as const, source: 'cpas' as const, article: '844/724-60', planned: 5000, actual: null, etp: 0.2 },
              { year: 2026, service: 'ordinaire' as const, direction: 'recette' as const, source: 'region' as const, article: '844/465-01', planned: 10000, actual: 10000, etp: null },
            ],
          },
        }
      : a.parentActionId != null
        ? { ...a, order, operationalObjectiveIds: input.actions.find((p) => p.id === a.parentActionId)!.operationalObjectiveIds }
        : { ...a, order };
  });
  // The transversal action (102) also sits under OO 21: its place there comes after 201.
  return {
    ...input,
    strategicObjectives: input.strategicObjectives.map((o, i) => ({ ...o, order: i + 1 })),
    operationalObjectives: input.operationalObjectives.map((o) => ({ ...o, order: input.operationalObjectives.filter((p) => p.strategicObjectiveId === o.strategicObjectiveId && p.id <= o.id).length })),
    actions,
  };
}

function exported(input: ReturnType<typeof richInput> | PlanData): Files {
  return open(writeXlsx(planWorkbook(input, TODAY)));
}

/** Replaces the text of one cell of the PST sheet (as a user would in Excel) and zips the workbook again. */
function editCell(bytes: Uint8Array, rowStartsWith: string, columnHeader: string, value: string): Uint8Array {
  const files = unzipSync(bytes);
  const xml = strFromU8(files['xl/worksheets/sheet1.xml']);
  const rows = sheetRows(xml).cells;
  const rowIndex = rows.findIndex((r) => r[1] === rowStartsWith);
  const column = rows[3].indexOf(columnHeader);
  if (rowIndex < 0 || column < 0) throw new Error(`no cell ${rowStartsWith} × ${columnHeader}`);
  const ref = `${String.fromCharCode(65 + column)}${rowIndex + 1}`;
  const pattern = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`);
  if (!pattern.test(xml)) throw new Error(`cell ${ref} not found`);
  const edited = xml.replace(pattern, `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`);
  return zipSync({ ...files, 'xl/worksheets/sheet1.xml': strToU8(edited) });
}

describe('the plan workbook', () => {
  it('has the PST sheet in the template columns (plan above the headers), then Actions, means and indicators', () => {
    const files = exported(richInput());
    expect(files['xl/workbook.xml']).toMatch(/<sheet name="PST".*<sheet name="Actions".*<sheet name="Moyens par année".*<sheet name="Indicateurs"/);
    const pst = sheetRows(files['xl/worksheets/sheet1.xml']).cells;
    expect(pst[0]).toEqual(['Plan', 'PST 2025-2030']);
    expect(pst[1]).toEqual(['Organisation', 'CPAS de Testville']);
    expect(pst[2]).toEqual(['Période', '2025-2030']);
    expect(pst[3]).toEqual(TEMPLATE_COLUMNS.map((c) => c.header));
    const column = (header: string) => pst[3].indexOf(header);
    const guichet = pst.find((r) => r[1] === '1.1.1')!;
    expect(guichet[column('Niveau')]).toBe('Action');
    expect(guichet[column('Parent (code ou intitulé)')]).toBe('1.1');
    expect(guichet[column('Partenaires')]).toBe('Commune\nService technique');
    expect(guichet[column('Fin')]).toBe('30/09/2026');
    expect(guichet[column('État')]).toBe('En cours');
    expect(guichet[column('Avancement (%)')]).toBe('40 %');
    // No text as written: the means lines, in the words the import reads back as the same lines.
    const resources = guichet[column('Ressources (ETP, budget)')] as string;
    expect(resources).toBe('2026 : 20\u00a0000 € (Région wallonne)\n2027 : 5\u00a0000 € (Fonds propres du CPAS)\n2026 : 10\u00a0000 € (Région wallonne) – recette');
    expect(readMeansLines(resources).map((l) => [l.year, l.direction, l.source, l.planned])).toEqual([
      [2026, 'depense', 'region', 20000],
      [2027, 'depense', 'cpas', 5000],
      [2026, 'recette', 'region', 10000],
    ]);
    // The transversal action: a second row under OO 2.1 with its code and title only.
    const borne = pst.filter((r) => r[1] === '1.1.2');
    expect(borne.map((r) => r[column('Parent (code ou intitulé)')])).toEqual(['1.1', '2.1']);
    expect(borne[0][column('État')]).toBe('Problème');
    expect(borne[1][column('État')] || '').toBe('');
    expect(pst.find((r) => r[1] === '1.1.2.1')![column('Niveau')]).toBe('Sous-action');
  });

  it('lists every action once with its follow-up, last comment, indicators and means per year', () => {
    const files = exported(richInput());
    const actions = sheetRows(files['xl/worksheets/sheet2.xml']).cells;
    const headers = actions[0];
    expect(headers).toEqual(expect.arrayContaining(['Dernier commentaire', 'Indicateurs', '2026 prévu (€)', '2026 réalisé (€)', '2027 prévu (€)']));
    // No single budget or ETP column: the means are the lines (per year here, in detail in « Moyens »).
    expect(headers).not.toContain('Budget (€)');
    expect(headers).not.toContain('ETP');
    expect(actions.filter((r) => r[0] === '1.1.2')).toHaveLength(1);
    const guichet = actions.find((r) => r[0] === '1.1.1')!;
    const at = (h: string) => guichet[headers.indexOf(h)];
    expect(at('Dernier commentaire')).toBe('Marché public relancé');
    expect(at('Indicateurs')).toBe('Visiteurs accueillis : 1\u00a0234,5 / 1\u00a0500 pers. (2026)');
    expect(at('Attention')).toBe('En retard (54 j)');
    // Expenses per year only (the receipt is in the means sheet).
    expect([at('2026 prévu (€)'), at('2026 réalisé (€)'), at('2027 prévu (€)')]).toEqual(['20000', '12500', '5000']);
    const means = sheetRows(files['xl/worksheets/sheet3.xml']).cells;
    expect(means.filter((r) => r[0] === '1.1.1').map((r) => [r[2], r[4], r[5], r[6], r[7]])).toEqual([
      ['2026', 'Dépense', 'Région wallonne', '844/724-60', '20000'],
      ['2027', 'Dépense', 'Fonds propres du CPAS', '844/724-60', '5000'],
      ['2026', 'Recette', 'Région wallonne', '844/465-01', '10000'],
    ]);
    const indicators = sheetRows(files['xl/worksheets/sheet4.xml']).cells;
    expect(indicators[1]).toEqual(['1.1.1', 'Refaire le guichet', 'Visiteurs accueillis', 'pers.', '800', '1500', '1234.5', '2026']);
  });

  it('prints landscape on the page width, headers repeated, text wrapped; late and blocked rows coloured', () => {
    const files = exported(richInput());
    for (let i = 1; i <= 4; i++) {
      const sheet = files[`xl/worksheets/sheet${i}.xml`];
      expect(sheet).toContain('<pageSetUpPr fitToPage="1"/>');
      expect(sheet).toMatch(/<pageSetup [^>]*orientation="landscape" fitToWidth="1" fitToHeight="0"/);
      expect(sheet).toContain('state="frozen"');
    }
    expect(files['xl/workbook.xml']).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'PST'!$4:$4</definedName>`);
    expect(files['xl/workbook.xml']).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">'Actions'!$1:$1</definedName>`);
    expect(files['xl/styles.xml']).toContain('<alignment wrapText="1" vertical="top"/>');
    const fills = fillsOfStyles(files['xl/styles.xml']);
    const { cells, styles } = sheetRows(files['xl/worksheets/sheet2.xml']);
    const fillOfRow = (code: string) => new Set(styles[cells.findIndex((r) => r[0] === code)].filter((s) => s !== undefined).map((s) => fills[s]));
    expect(fillOfRow('1.1.1')).toEqual(new Set([3])); // late: every cell orange
    expect(fillOfRow('1.1.2')).toEqual(new Set([4])); // blocked: red
    expect(fillOfRow('1.2.1')).toEqual(new Set([0])); // done: none
  });

  it('re-imported unedited, changes nothing (the report fixture)', () => {
    const input = richInput();
    const analysis = analyseDocument('pst.xlsx', writeXlsx(planWorkbook(input, TODAY)));
    const sync = planSync(snapshotOf({ ...input, sections: [] }), analysis.plan);
    expect([sync.plan.changes, sync.strategicObjectives.updates, sync.operationalObjectives.updates, sync.actions.updates]).toEqual([{}, [], [], []]);
    expect(syncTotals(sync)).toEqual({ adds: 0, updates: 0, unchanged: 2 + 3 + 6, absent: 0 });
    expect(sync.plan.changes).toEqual({});
  });

  it('re-imported unedited, changes nothing (the sample PST: 9 OS, 23 OO, 47 actions, follow-up by check-ins)', () => {
    const sample = buildSamplePst(sampleOutline as OutlineDocument, TODAY).data;
    const analysis = analyseDocument('pst.xlsx', writeXlsx(planWorkbook(sample, TODAY)));
    const totals = syncTotals(planSync(snapshotOf(sample), analysis.plan));
    expect(totals.adds + totals.updates + totals.absent).toBe(0);
    expect(totals.unchanged).toBe(sample.sections.length + 9 + 23 + sample.actions.length);
  });

  it('re-imported after one edited cell, changes that field only', () => {
    const input = richInput();
    const bytes = writeXlsx(planWorkbook(input, TODAY));
    const snapshot = snapshotOf({ ...input, sections: [] });

    const department = planSync(snapshot, analyseDocument('pst.xlsx', editCell(bytes, '1.2.1', 'Service pilote', 'Direction générale')).plan);
    expect(department.actions.updates).toEqual([{ existingId: 104, incomingId: expect.any(Number), changes: { department: 'Direction générale' } }]);
    expect(syncTotals(department).updates).toBe(1);

    const end = planSync(snapshot, analyseDocument('pst.xlsx', editCell(bytes, '1.1.1', 'Fin', '31/12/2026')).plan);
    expect(end.actions.updates).toHaveLength(1);
    expect(Object.keys(end.actions.updates[0].changes).sort()).toEqual(['plannedEnd', 'plannedEndText']);
    expect(end.actions.updates[0].changes.plannedEnd).toMatchObject({ end: '2026-12-31' });

    const title = planSync(snapshot, analyseDocument('pst.xlsx', editCell(bytes, '2.1', 'Intitulé', 'Numériser tous les dossiers')).plan);
    expect(title.operationalObjectives.updates).toEqual([{ existingId: 21, incomingId: expect.any(Number), changes: { title: 'Numériser tous les dossiers' } }]);
    expect(syncTotals(title).updates).toBe(1);
  });
});
