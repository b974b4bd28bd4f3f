import { strFromU8, unzipSync } from 'fflate';
import { columnName, excelSerialDay, safeSheetName, writeXlsx } from '../../src/export/xlsx';
import { dashboardWorkbook } from '../../src/export/dashboardWorkbook';
import { dashboardFigures } from '../../src/domain/dashboard';
import { createAction } from '../../src/domain/model';
import { parsePeriod, isParseError } from '../../src/domain/parsing';

function open(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

describe('writeXlsx', () => {
  it('writes the parts Excel requires, one worksheet per sheet', () => {
    const files = open(writeXlsx([{ name: 'Synthèse', rows: [['a']] }, { name: 'Par objectif', rows: [[1]] }]));
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    expect(files['xl/workbook.xml']).toContain('<sheet name="Synthèse" sheetId="1" r:id="rId1"/>');
    expect(files['[Content_Types].xml']).toContain('/xl/worksheets/sheet2.xml');
  });

  it('writes strings inline and escaped, numbers as numbers, styles by index, dates as serial days', () => {
    const files = open(
      writeXlsx([
        {
          name: 'S',
          rows: [
            ['R&D <test> "x"', 12.5, { value: 0.35, style: 'percent' }],
            [null, { value: '2024-12-31', style: 'date' }, { value: 1234.5, style: 'euro' }],
          ],
        },
      ]),
    );
    const sheet = files['xl/worksheets/sheet1.xml'];
    expect(sheet).toContain('<c r="A1" t="inlineStr"><is><t xml:space="preserve">R&amp;D &lt;test&gt; &quot;x&quot;</t></is></c>');
    expect(sheet).toContain('<c r="B1"><v>12.5</v></c>');
    expect(sheet).toContain('<c r="C1" s="3"><v>0.35</v></c>');
    expect(sheet).toContain(`<c r="B2" s="5"><v>45657</v></c>`);
    expect(sheet).toContain('<c r="C2" s="4"><v>1234.5</v></c>');
    expect(sheet).not.toContain('r="A2"');
  });

  it('numbers columns and days as Excel does', () => {
    expect([columnName(0), columnName(25), columnName(26), columnName(701), columnName(702)]).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(excelSerialDay('1900-03-01')).toBe(61);
    expect(excelSerialDay('2024-02-29')).toBe(45351);
  });

  it('makes sheet names valid and unique (31 characters, no : / ? * [ ])', () => {
    const taken = new Set<string>();
    expect(safeSheetName('Échéances/par trimestre: 2026', taken)).toBe('Échéances par trimestre  2026');
    expect(safeSheetName('x'.repeat(40), taken)).toHaveLength(31);
    expect(safeSheetName('x'.repeat(40), taken)).toBe('x'.repeat(27) + ' (2)');
  });

  it('refuses an empty workbook with a French message', () => {
    expect(() => writeXlsx([])).toThrow('Un classeur contient au moins une feuille.');
  });
});

describe('dashboardWorkbook', () => {
  const end = parsePeriod('01/10/2026');
  if (!end || isParseError(end)) throw new Error('date');
  const figures = dashboardFigures(
    {
      plan: { id: 1, title: 'PST 2025-2030', organisation: null, startYear: 2025, endYear: 2030 },
      strategicObjectives: [{ id: 1, code: '1', title: 'Accueil', volet: null, order: 1 }],
      operationalObjectives: [{ id: 2, code: '1.1', title: 'Guichet', strategicObjectiveId: 1, order: 1 }],
      actions: [
        createAction({ id: 3, code: '1.1.1', title: 'Horaires', operationalObjectiveIds: [2], status: 'EN_COURS', progressPercent: 40, plannedEnd: end, projectLead: { displayName: 'Marc Dubois' } }),
      ],
    },
    '2026-11-23',
  );

  it('puts the plan, the export date and the filters at the top of every sheet', () => {
    const sheets = dashboardWorkbook(figures, { planTitle: 'PST 2025-2030', filterLines: ['Statut : En cours', 'Service : Accueil'] });
    expect(sheets.map((s) => s.name)).toEqual(['Synthèse', 'Par objectif', 'Statuts', 'En retard', 'Par service', 'Échéances par trimestre']);
    for (const sheet of sheets) {
      expect(sheet.rows[1]).toEqual(['Exporté le', '23/11/2026']);
      expect(sheet.rows[2]).toEqual(['Filtres', 'Statut : En cours ; Service : Accueil']);
    }
  });

  it('lists the late action with its lead, due date and days late', () => {
    const late = dashboardWorkbook(figures, { planTitle: 'PST', filterLines: [] }).find((s) => s.name === 'En retard')!;
    expect(late.rows[2]).toEqual(['Filtres', 'aucun (tout le PST)']);
    expect(late.rows[5]).toEqual(['1.1.1', 'Horaires', 'Marc Dubois', { value: '2026-10-01', style: 'date' }, { value: 53, style: 'integer' }]);
  });

  it('writes the OS then its OO with their progress as a fraction', () => {
    const objectives = dashboardWorkbook(figures, { planTitle: 'PST', filterLines: [] }).find((s) => s.name === 'Par objectif')!;
    expect(objectives.rows.slice(5)).toEqual([
      ['OS', '1', 'Accueil', ...[1, 0, 1, 0].map((value) => ({ value, style: 'integer' })), { value: 0.4, style: 'percent' }],
      ['OO', '1.1', 'Guichet', ...[1, 0, 1, 0].map((value) => ({ value, style: 'integer' })), { value: 0.4, style: 'percent' }],
    ]);
  });
});
