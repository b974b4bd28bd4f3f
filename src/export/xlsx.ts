/**
 * A small XLSX (Office Open XML spreadsheet) writer: enough for the PST exports
 * (strings, numbers, percentages, euros, dates, a bold header) without shipping a
 * spreadsheet library in the web part bundle. Zipping is done by fflate.
 */
import { strToU8, zipSync } from 'fflate';
import { escapeAttribute, withoutXmlForbidden } from '../text/htmlEntities';

export type CellStyle = 'text' | 'bold' | 'title' | 'percent' | 'euro' | 'date' | 'integer' | 'decimal';

export interface StyledCell {
  readonly value: string | number | null;
  readonly style: CellStyle;
}

export type Cell = string | number | null | StyledCell;

export interface Sheet {
  /** At most 31 characters, without : \ / ? * [ ] (Excel's rule). */
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
  /** Column widths in characters. */
  readonly columnWidths?: readonly number[];
}

// Style indexes in styles.xml below, in this order.
const STYLE_INDEX: Record<CellStyle, number> = { text: 0, bold: 1, title: 2, percent: 3, euro: 4, date: 5, integer: 6, decimal: 7 };

const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.00\\ &quot;€&quot;"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts>' +
  '<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="14"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="8">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** Excel's limit on the characters of a cell; a longer text makes Excel repair the file. */
export const MAX_CELL_CHARACTERS = 32767;

/**
 * Cell text and sheet names: escaped, without the characters XML 1.0 forbids (a pasted
 * U+FFFF or control character made the worksheet not well-formed).
 */
function xmlText(text: string): string {
  return escapeAttribute(withoutXmlForbidden(text));
}

/** The first `length` UTF-16 units of a text, never cutting a surrogate pair in two. */
function prefix(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.substring(0, length);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.substring(0, length - 1) : cut;
}

/** At most Excel's 32,767 characters. */
function cellText(text: string): string {
  return prefix(withoutXmlForbidden(text), MAX_CELL_CHARACTERS);
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Excel's serial day number of an ISO day (1900 date system, as Excel counts it). */
export function excelSerialDay(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

function cellXml(cell: Cell, ref: string): string {
  if (cell === null || cell === undefined) return '';
  const { value, style } = typeof cell === 'object' ? cell : { value: cell, style: 'text' as CellStyle };
  if (value === null || value === '') return '';
  const s = STYLE_INDEX[style] ? ` s="${STYLE_INDEX[style]}"` : '';
  if (style === 'date' && typeof value === 'string') return `<c r="${ref}"${s}><v>${excelSerialDay(value)}</v></c>`;
  if (typeof value === 'number') return isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : '';
  // An inline string is text whatever it starts with ("=SOMME(A1)", "+32…", "-", "@"):
  // no cell is ever written as a formula (`<f>`), so nothing in a title is evaluated.
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(cellText(value))}</t></is></c>`;
}

function sheetXml(sheet: Sheet): string {
  const cols = sheet.columnWidths?.length
    ? `<cols>${sheet.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const rows = sheet.rows
    .map((row, r) => `<row r="${r + 1}">${row.map((cell, c) => cellXml(cell, `${columnName(c)}${r + 1}`)).join('')}</row>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `${cols}<sheetData>${rows}</sheetData></worksheet>`
  );
}

export function safeSheetName(name: string, taken: Set<string>): string {
  // Excel also refuses a name starting or ending with an apostrophe.
  const cleaned = withoutXmlForbidden(name).replace(/[:\\/?*[\]]/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
  const base = prefix(cleaned, 31) || 'Feuille';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = prefix(base, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

export function writeXlsx(sheets: readonly Sheet[]): Uint8Array {
  if (sheets.length === 0) throw new Error('Un classeur contient au moins une feuille.');
  const taken = new Set<string>();
  const names = sheets.map((s) => safeSheetName(s.name, taken));
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        sheets
          .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
          .join('') +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `<sheets>${names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>` +
        '</workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheets
          .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
          .join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        '</Relationships>',
    ),
    'xl/styles.xml': strToU8(STYLES_XML),
  };
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet));
  });
  return zipSync(files, { level: 6 });
}
