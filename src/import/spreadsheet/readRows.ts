/**
 * The rows of a spreadsheet, every cell as text: .xlsx read with fflate and the sheet
 * XML (shared strings, dates and percentages by the cell's number format, merged cells
 * filled with their value), .csv with
 * ";" or "," or tab, quoted cells, UTF-8 or Windows-1252.
 */
import { strFromU8, unzipSync } from 'fflate';
import { ImportError } from '../errors';
import { decodeText } from '../read/text';
import { walkXml } from '../read/xml';

/** Excel serial day → "31/12/2024" (1900 date system). */
function serialToDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  const date = new Date(ms);
  const two = (n: number) => (n < 10 ? '0' + n : String(n));
  return `${two(date.getUTCDate())}/${two(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 30, 36, 45, 46, 47, 50, 57]);
const BUILT_IN_PERCENT_FORMATS = new Set([9, 10]);

function cellStyles(stylesXml: string | null): { date: Set<number>; percent: Set<number> } {
  const date = new Set<number>();
  const percent = new Set<number>();
  if (!stylesXml) return { date, percent };
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let index = 0;
  walkXml(stylesXml, (event) => {
    if (event.type === 'open' && event.name === 'numFmt') custom.set(Number(event.attributes.numFmtId), event.attributes.formatCode || '');
    if (event.type === 'open' && event.name === 'cellXfs') inCellXfs = true;
    if (event.type === 'close' && event.name === 'cellXfs') inCellXfs = false;
    if (event.type === 'open' && event.name === 'xf' && inCellXfs) {
      const id = Number(event.attributes.numFmtId || 0);
      const code = (custom.get(id) || '').replace(/"[^"]*"|\[[^\]]*\]/g, '');
      if (BUILT_IN_DATE_FORMATS.has(id) || (/[dmy]/i.test(code) && !/%/.test(code))) date.add(index);
      if (BUILT_IN_PERCENT_FORMATS.has(id) || /%/.test(code)) percent.add(index);
      index++;
    }
  });
  return { date, percent };
}

function columnIndex(reference: string): number {
  const letters = /^[A-Z]+/.exec(reference);
  if (!letters) return -1;
  let n = 0;
  for (const ch of letters[0]) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Rows of the first sheet of a workbook, every cell as text. */
export function readXlsxRows(bytes: Uint8Array): string[][] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name.indexOf('xl/') === 0 && !/\.(?:png|jpe?g|emf|wmf|bin)$/i.test(f.name) });
  } catch {
    throw new ImportError('unreadable', "Le classeur Excel est abîmé : l'archive .xlsx ne peut pas être ouverte.");
  }
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : null);
  const workbook = text('xl/workbook.xml');
  if (!workbook) throw new ImportError('unreadable', "Ce fichier n'est pas un classeur Excel (.xlsx) : xl/workbook.xml est absent.");
  let firstSheetRel: string | null = null;
  walkXml(workbook, (event) => {
    if (event.type === 'open' && event.name === 'sheet' && firstSheetRel === null) firstSheetRel = event.attributes['r:id'] || null;
  });
  let sheetPath = 'xl/worksheets/sheet1.xml';
  const rels = text('xl/_rels/workbook.xml.rels');
  if (rels && firstSheetRel) {
    walkXml(rels, (event) => {
      if (event.type === 'open' && event.name === 'Relationship' && event.attributes.Id === firstSheetRel) {
        const target = event.attributes.Target || '';
        sheetPath = target.charAt(0) === '/' ? target.slice(1) : 'xl/' + target.replace(/^\.\//, '');
      }
    });
  }
  const sheet = text(sheetPath);
  if (!sheet) throw new ImportError('unreadable', 'La première feuille du classeur est introuvable.');

  const shared: string[] = [];
  const sharedXml = text('xl/sharedStrings.xml');
  if (sharedXml) {
    let current: string | null = null;
    let inText = false;
    let inPhonetic = false;
    walkXml(sharedXml, (event) => {
      if (event.type === 'open') {
        if (event.name === 'si') current = '';
        else if (event.name === 't') inText = !event.selfClosing;
        else if (event.name === 'rPh') inPhonetic = true;
      } else if (event.type === 'close') {
        if (event.name === 'si') {
          shared.push(current || '');
          current = null;
        } else if (event.name === 't') inText = false;
        else if (event.name === 'rPh') inPhonetic = false;
      } else if (inText && !inPhonetic && current !== null) current += event.text;
    });
  }
  const styles = cellStyles(text('xl/styles.xml'));

  const rows: string[][] = [];
  const merges: string[] = [];
  let row: string[] | null = null;
  let cell: { column: number; type: string; style: number; value: string } | null = null;
  let inValue = false;
  walkXml(sheet, (event) => {
    if (event.type === 'open') {
      if (event.name === 'mergeCell' && event.attributes.ref) merges.push(event.attributes.ref);
      else if (event.name === 'row') {
        row = [];
        const r = Number(event.attributes.r || rows.length + 1);
        while (rows.length < r - 1) rows.push([]);
      } else if (event.name === 'c' && row) {
        cell = { column: event.attributes.r ? columnIndex(event.attributes.r) : row.length, type: event.attributes.t || 'n', style: Number(event.attributes.s || 0), value: '' };
      } else if ((event.name === 'v' || event.name === 't') && cell) inValue = !event.selfClosing;
    } else if (event.type === 'close') {
      if (event.name === 'v' || event.name === 't') inValue = false;
      else if (event.name === 'c' && cell && row) {
        let value = cell.value;
        if (cell.type === 's') value = shared[Number(value)] || '';
        else if (cell.type === 'b') value = value === '1' ? 'VRAI' : 'FAUX';
        else if (cell.type === 'n' && value !== '') {
          const number = Number(value);
          if (styles.date.has(cell.style)) value = serialToDate(number);
          else if (styles.percent.has(cell.style)) value = `${Math.round(number * 1000) / 10} %`;
          else value = String(Math.round(number * 1e9) / 1e9).replace('.', ',');
        }
        while (row.length < cell.column) row.push('');
        row[cell.column] = value;
        cell = null;
      } else if (event.name === 'row' && row) {
        rows.push(row);
        row = null;
      }
    } else if (event.type === 'text' && inValue && cell) cell.value += event.text;
  });
  fillMergedCells(rows, merges);
  return rows;
}

/**
 * A merged range shows its first cell's value in every cell it covers (an OS written once
 * beside all its rows): each cell of the range gets that value, as a reader sees it.
 */
function fillMergedCells(rows: string[][], merges: readonly string[]): void {
  for (const ref of merges) {
    const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
    if (!match) continue;
    const [firstColumn, firstRow, lastColumn, lastRow] = [columnIndex(match[1]), Number(match[2]) - 1, columnIndex(match[3]), Number(match[4]) - 1];
    const value = (rows[firstRow] || [])[firstColumn] || '';
    if (value === '' || lastRow - firstRow > 10000) continue;
    for (let r = firstRow; r <= lastRow; r++) {
      while (rows.length <= r) rows.push([]);
      for (let c = firstColumn; c <= lastColumn; c++) {
        while (rows[r].length < c) rows[r].push('');
        if (!rows[r][c]) rows[r][c] = value;
      }
    }
  }
}

/** Rows of a CSV file: the separator is the one of ";", "," or tab that the header uses most. */
export function readCsvRows(bytes: Uint8Array): string[][] {
  const text = decodeText(bytes).replace(/^\ufeff/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] || '';
  const count = (separator: string) => firstLine.split(separator).length - 1;
  const separator = [';', '\t', ','].sort((a, b) => count(b) - count(a))[0];
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"') {
        if (text.charAt(i + 1) === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text.charAt(i + 1) === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
