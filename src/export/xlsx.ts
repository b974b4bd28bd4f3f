/**
 * A small XLSX (Office Open XML spreadsheet) writer: enough for the PST exports
 * (strings, numbers, percentages, euros, dates, a bold header) without shipping a
 * spreadsheet library in the web part bundle. Zipping is done by fflate.
 */
import { strToU8, zipSync } from 'fflate';
import { escapeAttribute, withoutXmlForbidden } from '../text/htmlEntities';

export type CellStyle = 'text' | 'bold' | 'title' | 'percent' | 'euro' | 'date' | 'integer' | 'decimal' | 'wrap' | 'header';

/** A row's background: late actions in orange, blocked ones in red (with a text that says so: colour is never alone). */
export type Highlight = 'late' | 'blocked';

export interface StyledCell {
  readonly value: string | number | null;
  readonly style: CellStyle;
}

export type Cell = string | number | null | StyledCell;

/** How a sheet prints: Excel keeps it in the file, so "Imprimer" needs no setting. */
export interface PrintSetup {
  readonly landscape?: boolean;
  /** Every column on the page width, as many pages down as needed. */
  readonly fitToWidth?: boolean;
  /** The row (1-based) of the column headers: repeated at the top of every printed page, frozen on screen with the rows above it. */
  readonly headerRow?: number;
  /** An autofilter on the header row. */
  readonly filter?: boolean;
}

export interface Sheet {
  /** At most 31 characters, without : \ / ? * [ ] (Excel's rule). */
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
  /** Column widths in characters. */
  readonly columnWidths?: readonly number[];
  /** One per row (or none): the row's background. */
  readonly highlights?: readonly (Highlight | null)[];
  readonly print?: PrintSetup;
}

// cellXfs are every base style × every background, in this order: index = base + count × background.
const BASE_STYLES: readonly CellStyle[] = ['text', 'bold', 'title', 'percent', 'euro', 'date', 'integer', 'decimal', 'wrap', 'header'];
const BACKGROUNDS: readonly (Highlight | null)[] = [null, 'late', 'blocked'];

function styleIndex(style: CellStyle, highlight: Highlight | null): number {
  return BASE_STYLES.indexOf(style) + BASE_STYLES.length * BACKGROUNDS.indexOf(highlight);
}

/** numFmt, font, wrap of each base style; fills: 0 none, 1 gray125 (required), 2 header, 3 late, 4 blocked. */
const BASE_XF: Record<CellStyle, { numFmt: number; font: number; wrap: boolean }> = {
  text: { numFmt: 0, font: 0, wrap: false },
  bold: { numFmt: 0, font: 1, wrap: false },
  title: { numFmt: 0, font: 2, wrap: false },
  percent: { numFmt: 9, font: 0, wrap: false },
  euro: { numFmt: 164, font: 0, wrap: false },
  date: { numFmt: 165, font: 0, wrap: false },
  integer: { numFmt: 1, font: 0, wrap: false },
  decimal: { numFmt: 2, font: 0, wrap: false },
  wrap: { numFmt: 0, font: 0, wrap: true },
  header: { numFmt: 0, font: 1, wrap: true },
};

function xf(style: CellStyle, highlight: Highlight | null): string {
  const base = BASE_XF[style];
  const fill = highlight === 'late' ? 3 : highlight === 'blocked' ? 4 : style === 'header' ? 2 : 0;
  const border = style === 'header' ? 1 : 0;
  const attributes =
    `numFmtId="${base.numFmt}" fontId="${base.font}" fillId="${fill}" borderId="${border}" xfId="0"` +
    (base.numFmt ? ' applyNumberFormat="1"' : '') +
    (base.font ? ' applyFont="1"' : '') +
    (fill ? ' applyFill="1"' : '') +
    (border ? ' applyBorder="1"' : '');
  return base.wrap ? `<xf ${attributes} applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>` : `<xf ${attributes}/>`;
}

const solidFill = (argb: string): string => `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`;

const CELL_XFS = BACKGROUNDS.flatMap((highlight) => BASE_STYLES.map((style) => xf(style, highlight)));

const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.00\\ &quot;€&quot;"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts>' +
  '<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="14"/><name val="Calibri"/></font></fonts>' +
  // Light backgrounds under black text: contrast above 12:1 for all three.
  `<fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${solidFill('FFD9E1F2')}${solidFill('FFFCE4D6')}${solidFill('FFFFC7CE')}</fills>` +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  `<cellXfs count="${CELL_XFS.length}">${CELL_XFS.join('')}</cellXfs>` +
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

function cellXml(cell: Cell, ref: string, highlight: Highlight | null): string {
  const { value, style } = cell !== null && typeof cell === 'object' ? cell : { value: cell ?? null, style: 'text' as CellStyle };
  const index = styleIndex(style, highlight);
  const s = index ? ` s="${index}"` : '';
  // An empty cell of a highlighted row is written too, so that the whole row is coloured.
  if (value === null || value === '') return highlight ? `<c r="${ref}"${s}/>` : '';
  if (style === 'date' && typeof value === 'string') return `<c r="${ref}"${s}><v>${excelSerialDay(value)}</v></c>`;
  if (typeof value === 'number') return isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : '';
  // An inline string is text whatever it starts with ("=SOMME(A1)", "+32…", "-", "@"):
  // no cell is ever written as a formula (`<f>`), so nothing in a title is evaluated.
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(cellText(value))}</t></is></c>`;
}

/** The last column of a sheet (for the filter range and the highlighted rows). */
function widthOf(sheet: Sheet): number {
  return Math.max(sheet.columnWidths?.length ?? 0, ...sheet.rows.map((r) => r.length), 1);
}

function sheetXml(sheet: Sheet): string {
  const print = sheet.print ?? {};
  const headerRows = print.headerRow ?? 0;
  const width = widthOf(sheet);
  const cols = sheet.columnWidths?.length
    ? `<cols>${sheet.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const rows = sheet.rows
    .map((row, r) => {
      const highlight = sheet.highlights?.[r] ?? null;
      const cells = highlight ? Array.from({ length: Math.max(width, row.length) }, (_, c) => row[c] ?? null) : row;
      return `<row r="${r + 1}">${cells.map((cell, c) => cellXml(cell, `${columnName(c)}${r + 1}`, highlight)).join('')}</row>`;
    })
    .join('');
  const sheetPr = print.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '';
  const views =
    headerRows > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRows}" topLeftCell="A${headerRows + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
      : '';
  const filter = print.filter && headerRows > 0 ? `<autoFilter ref="${filterRange(sheet)}"/>` : '';
  const setup = sheet.print
    ? '<printOptions gridLines="1"/><pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/>' +
      `<pageSetup paperSize="9" orientation="${print.landscape ? 'landscape' : 'portrait'}"${print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>` +
      // Footer: the sheet's name on the left, "Page 2 / 5" on the right.
      '<headerFooter><oddFooter>&amp;L&amp;A&amp;RPage &amp;P / &amp;N</oddFooter></headerFooter>'
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `${sheetPr}${views}${cols}<sheetData>${rows}</sheetData>${filter}${setup}</worksheet>`
  );
}

function filterRange(sheet: Sheet): string {
  const headerRow = sheet.print?.headerRow ?? 1;
  return `A${headerRow}:${columnName(widthOf(sheet) - 1)}${Math.max(sheet.rows.length, headerRow)}`;
}

/** A sheet name inside a formula: 'Name', its apostrophes doubled. */
const quotedSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** Print titles (the repeated header rows) and filter ranges, per sheet. */
function definedNames(sheets: readonly Sheet[], names: readonly string[]): string {
  const defined = sheets.flatMap((sheet, i) => {
    const headerRow = sheet.print?.headerRow ?? 0;
    const out: string[] = [];
    if (sheet.print?.filter && headerRow > 0) {
      const [from, to] = filterRange(sheet).split(':').map((ref) => ref.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'));
      out.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(quotedSheet(names[i]))}!${from}:${to}</definedName>`);
    }
    if (headerRow > 0) out.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(quotedSheet(names[i]))}!$${headerRow}:$${headerRow}</definedName>`);
    return out;
  });
  return defined.length > 0 ? `<definedNames>${defined.join('')}</definedNames>` : '';
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
        definedNames(sheets, names) +
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
