/**
 * Every XML the product writes is well-formed, whatever the plan holds: a plan full of
 * characters XML 1.0 forbids (U+FFFF, U+FFFE, U+0001, lone surrogates) and of texts that
 * start like a formula is exported, and every part is read back with a strict XML parser
 * (jsdom's DOMParser, saxes underneath, which refuses what XML 1.0 forbids). The test runs
 * in Node, not in Jest's jsdom environment: there fflate finds no TextEncoder and its own
 * UTF-8 encoder writes U+1F600 wrongly (browsers and Node have TextEncoder).
 * Issue #17: a title holding U+FFFF made the worksheet XML not well-formed.
 */
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { writeXlsx, MAX_CELL_CHARACTERS } from '../../src/export/xlsx';
import { dashboardWorkbook } from '../../src/export/dashboardWorkbook';
import { dashboardFigures } from '../../src/domain/dashboard';
import { createAction } from '../../src/domain/model';
import { isParseError, parsePeriod } from '../../src/domain/parsing';
import { writeTemplate } from '../../src/import/spreadsheet/template';
import { fieldXml } from '../../src/schema/fieldXml';
import { PST_LISTS, FieldDef } from '../../src/schema/listSchema';

const FORBIDDEN = ['\uFFFF', '\uFFFE', '\u0001', '\u0008', '\u000B', '\u001F', '\uD800', '\uDC00', 'a\uDBFFb'];
const FORMULAS = ['=SOMME(A1:A9)', '+32 2 555 12 12', '-1+1', '@SUM(1)', '=HYPERLINK("http://x","y")'];
const hostile = (label: string, i: number): string => `${FORMULAS[i % FORMULAS.length]} ${label}${FORBIDDEN[i % FORBIDDEN.length]} <&"'> ]]> 😀`;

const { DOMParser } = new JSDOM('').window;

function parse(xml: string, part: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`${part} is not well-formed: ${error.textContent}`);
  return doc;
}

function hostilePlan() {
  const end = parsePeriod('01/10/2026');
  if (!end || isParseError(end)) throw new Error('date');
  const actions = Array.from({ length: 12 }, (_, i) =>
    createAction({
      id: 100 + i,
      code: `1.1.${i + 1}`,
      title: hostile('action', i),
      operationalObjectiveIds: [2],
      status: i % 2 ? 'EN_COURS' : 'PROBLEME',
      progressPercent: 10,
      plannedEnd: end,
      department: hostile('service', i + 3),
      projectLead: { displayName: hostile('chef', i + 5) },
    }),
  );
  return dashboardFigures(
    {
      plan: { id: 1, title: hostile('plan', 0), organisation: hostile('CPAS', 1), startYear: 2025, endYear: 2030 },
      strategicObjectives: [{ id: 1, code: '=1', title: hostile('OS', 2), volet: null, order: 1 }],
      operationalObjectives: [{ id: 2, code: '+1.1', title: hostile('OO', 4), strategicObjectiveId: 1, order: 1 }],
      actions,
    },
    '2026-11-23',
  );
}

function readParts(bytes: Uint8Array): Map<string, Document> {
  const parts = new Map<string, Document>();
  for (const [name, data] of Object.entries(unzipSync(bytes))) parts.set(name, parse(strFromU8(data), name));
  return parts;
}

describe('the XLSX exports', () => {
  it('writes a dashboard of a hostile plan whose every part parses, texts kept minus forbidden characters', () => {
    const sheets = dashboardWorkbook(hostilePlan(), { planTitle: hostile('plan', 0), filterLines: FORMULAS.map((f, i) => hostile(f, i)) });
    const parts = readParts(writeXlsx([...sheets, { name: `=feuille\uFFFF'`, rows: [[hostile('x', 0)], [hostile('x', 8)]] }]));
    expect(parts.size).toBeGreaterThanOrEqual(10);

    const worksheets = [...parts].filter(([name]) => name.startsWith('xl/worksheets/'));
    const texts = worksheets.flatMap(([, doc]) => Array.from(doc.getElementsByTagName('t')).map((t) => t.textContent ?? ''));
    expect(texts.some((t) => t.startsWith('=SOMME(A1:A9) action'))).toBe(true);
    expect(texts.some((t) => t.includes('chef') && t.startsWith('@SUM(1)'))).toBe(true);
    // eslint-disable-next-line no-control-regex
    for (const text of texts) expect(text).not.toMatch(/[\uFFFE\uFFFF\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(texts).toContain('@SUM(1) xab <&"\'> ]]> 😀');

    // No formula anywhere: every non-empty text cell is an inline string, no <f> element.
    for (const [name, doc] of worksheets) {
      expect({ name, formulas: doc.getElementsByTagName('f').length }).toEqual({ name, formulas: 0 });
      for (const cell of Array.from(doc.getElementsByTagName('c'))) {
        if (cell.getElementsByTagName('t').length > 0) expect(cell.getAttribute('t')).toBe('inlineStr');
        else expect(cell.getAttribute('t')).toBeNull();
      }
    }
    const names = Array.from(parts.get('xl/workbook.xml')!.getElementsByTagName('sheet')).map((s) => s.getAttribute('name'));
    expect(names[names.length - 1]).toBe('=feuille');
  });

  it('cuts a cell at Excel’s 32,767 characters without splitting a surrogate pair', () => {
    const long = 'a'.repeat(MAX_CELL_CHARACTERS - 1) + '😀😀';
    const sheet = readParts(writeXlsx([{ name: 'S', rows: [[long]] }])).get('xl/worksheets/sheet1.xml')!;
    const text = sheet.getElementsByTagName('t')[0].textContent!;
    expect(text).toBe('a'.repeat(MAX_CELL_CHARACTERS - 1));
  });

  it('writes the import template whose every part parses', () => {
    expect(readParts(writeTemplate()).size).toBe(7);
  });
});

describe('the field XML of provisioning', () => {
  it('parses for every field of every list, and for a field whose texts hold forbidden characters', () => {
    const listIds = Object.fromEntries(PST_LISTS.map((l) => [l.key, '00000000-0000-0000-0000-000000000001']));
    const fields: FieldDef[] = PST_LISTS.flatMap((l) => Object.values(l.fields) as FieldDef[]).filter((f) => !f.builtIn);
    const strange: FieldDef = { internalName: 'PstStrange', kind: 'choice', title: { fr: hostile('titre', 0), en: 'x' }, choices: FORBIDDEN.map((c, i) => hostile(c, i)) };
    for (const field of [...fields, strange]) parse(fieldXml(field, listIds), field.internalName);
    const doc = parse(fieldXml(strange, listIds), 'strange');
    expect(doc.documentElement.getAttribute('DisplayName')).toBe(`=SOMME(A1:A9) titre <&"'> ]]> 😀`);
    expect(doc.getElementsByTagName('CHOICE')).toHaveLength(FORBIDDEN.length);
  });
});
