/**
 * Text of a Word document (.docx) read with fflate and a walk over word/document.xml:
 * one line per paragraph (soft line breaks give several lines), a blank line between
 * paragraphs, table cells one after the other (each line of a cell says which table,
 * row and column it is in). What Word computes is rebuilt so that
 * the outline parser sees what a reader sees:
 * - heading styles (built-in "heading 1…9"/"Titre 1…9", or an outline level) become
 *   markdown "#" marks;
 * - automatic numbering (numbering.xml) is rendered ("1.1.2.", "a)") and bullets become
 *   "- " with two spaces per list level;
 * - deleted revisions, field codes and the VML fallback copies of text boxes are skipped.
 * Headers, footers and footnotes live in other parts and are not read.
 */
import { strFromU8, unzipSync } from 'fflate';
import { ImportError } from '../errors';
import type { SourceLine, TableCell } from '../lines/sourceLines';
import { walkXml } from './xml';

interface StyleInfo {
  readonly name: string;
  readonly basedOn: string | null;
  readonly outlineLevel: number | null;
  readonly numId: string | null;
  readonly ilvl: number | null;
}

interface LevelFormat {
  readonly format: string;
  readonly text: string;
  readonly start: number;
}

interface Numbering {
  /** numId → abstractNumId */
  readonly nums: Map<string, { abstractId: string; startOverrides: Map<number, number> }>;
  /** abstractNumId → levels */
  readonly abstracts: Map<string, Map<number, LevelFormat>>;
}

function readParts(bytes: Uint8Array): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, {
      filter: (file) => file.name === 'word/document.xml' || file.name === 'word/styles.xml' || file.name === 'word/numbering.xml',
    });
  } catch {
    throw new ImportError('unreadable', "Le fichier Word est abîmé : l'archive .docx ne peut pas être ouverte. Ouvrez-le dans Word et enregistrez-le à nouveau.");
  }
}

function readStyles(xml: string | null): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!xml) return styles;
  let current: { id: string; name: string; basedOn: string | null; outlineLevel: number | null; numId: string | null; ilvl: number | null } | null = null;
  walkXml(xml, (event) => {
    if (event.type === 'open') {
      if (event.name === 'w:style') current = { id: event.attributes['w:styleId'] || '', name: '', basedOn: null, outlineLevel: null, numId: null, ilvl: null };
      else if (current && event.name === 'w:name') current.name = event.attributes['w:val'] || '';
      else if (current && event.name === 'w:basedOn') current.basedOn = event.attributes['w:val'] || null;
      else if (current && event.name === 'w:outlineLvl') current.outlineLevel = Number(event.attributes['w:val']);
      else if (current && event.name === 'w:numId') current.numId = event.attributes['w:val'] || null;
      else if (current && event.name === 'w:ilvl') current.ilvl = Number(event.attributes['w:val']);
    } else if (event.type === 'close' && event.name === 'w:style' && current) {
      styles.set(current.id, { name: current.name, basedOn: current.basedOn, outlineLevel: current.outlineLevel, numId: current.numId, ilvl: current.ilvl });
      current = null;
    }
  });
  return styles;
}

function readNumbering(xml: string | null): Numbering {
  const numbering: Numbering = { nums: new Map(), abstracts: new Map() };
  if (!xml) return numbering;
  let abstractId: string | null = null;
  let level: { ilvl: number; format: string; text: string; start: number } | null = null;
  let num: { id: string; abstractId: string; startOverrides: Map<number, number> } | null = null;
  let overrideLevel: number | null = null;
  walkXml(xml, (event) => {
    if (event.type === 'open') {
      const a = event.attributes;
      switch (event.name) {
        case 'w:abstractNum':
          abstractId = a['w:abstractNumId'];
          numbering.abstracts.set(abstractId, new Map());
          break;
        case 'w:lvl':
          level = { ilvl: Number(a['w:ilvl'] || 0), format: 'decimal', text: '', start: 1 };
          break;
        case 'w:start':
          if (level) level.start = Number(a['w:val'] || 1);
          break;
        case 'w:numFmt':
          if (level) level.format = a['w:val'] || 'decimal';
          break;
        case 'w:lvlText':
          if (level) level.text = a['w:val'] || '';
          break;
        case 'w:num':
          num = { id: a['w:numId'], abstractId: '', startOverrides: new Map() };
          break;
        case 'w:abstractNumId':
          if (num) num.abstractId = a['w:val'];
          break;
        case 'w:lvlOverride':
          overrideLevel = Number(a['w:ilvl'] || 0);
          break;
        case 'w:startOverride':
          if (num && overrideLevel !== null) num.startOverrides.set(overrideLevel, Number(a['w:val'] || 1));
          break;
      }
    } else if (event.type === 'close') {
      if (event.name === 'w:lvl' && level && abstractId !== null) {
        const levels = numbering.abstracts.get(abstractId);
        if (levels) levels.set(level.ilvl, { format: level.format, text: level.text, start: level.start });
        level = null;
      } else if (event.name === 'w:abstractNum') abstractId = null;
      else if (event.name === 'w:num' && num) {
        numbering.nums.set(num.id, { abstractId: num.abstractId, startOverrides: num.startOverrides });
        num = null;
      } else if (event.name === 'w:lvlOverride') overrideLevel = null;
    }
  });
  return numbering;
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, letters] of table) while (n >= value) {
    out += letters;
    n -= value;
  }
  return out;
}

function letters(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(97 + ((k - 1) % 26)) + out;
  return out;
}

function formatCounter(value: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(value);
    case 'upperLetter':
      return letters(value).toUpperCase();
    case 'lowerRoman':
      return roman(value).toLowerCase();
    case 'upperRoman':
      return roman(value);
    case 'decimalZero':
      return value < 10 ? '0' + value : String(value);
    case 'none':
      return '';
    default:
      return String(value);
  }
}

/** Word's automatic numbering: counters per list, deeper levels restart when a level advances. */
class NumberingCounter {
  private readonly counters = new Map<string, number[]>();
  private readonly started = new Set<string>();

  constructor(private readonly numbering: Numbering) {}

  /** The rendered label ("1.2.", "a)") or a bullet marker; null when the list is unknown. */
  next(numId: string, ilvl: number): { label: string; bullet: boolean } | null {
    const num = this.numbering.nums.get(numId);
    if (!num || numId === '0') return null;
    const levels = this.numbering.abstracts.get(num.abstractId);
    if (!levels) return null;
    const format = levels.get(ilvl) || { format: 'decimal', text: `%${ilvl + 1}.`, start: 1 };
    if (format.format === 'bullet') return { label: '-', bullet: true };
    const key = num.abstractId;
    let values = this.counters.get(key);
    if (!values || (!this.started.has(numId) && num.startOverrides.size > 0)) {
      values = [];
      this.counters.set(key, values);
    }
    this.started.add(numId);
    for (let k = 0; k <= ilvl; k++) {
      if (values[k] === undefined) {
        const levelFormat = levels.get(k);
        const start = num.startOverrides.has(k) ? (num.startOverrides.get(k) as number) : levelFormat ? levelFormat.start : 1;
        values[k] = k === ilvl ? start - 1 : start;
      }
    }
    values[ilvl] += 1;
    values.length = ilvl + 1;
    const label = format.text.replace(/%(\d)/g, (_m, digit: string) => {
      const k = Number(digit) - 1;
      const levelFormat = levels.get(k);
      return formatCounter(values ? values[k] || 1 : 1, levelFormat ? levelFormat.format : 'decimal');
    });
    return { label, bullet: false };
  }
}

function headingLevelOf(styleId: string | null, styles: Map<string, StyleInfo>, outlineLevel: number | null): number | null {
  if (outlineLevel !== null && outlineLevel >= 0 && outlineLevel < 9) return outlineLevel + 1;
  let id = styleId;
  for (let depth = 0; id && depth < 10; depth++) {
    const style = styles.get(id);
    const name = (style ? style.name : id).toLowerCase();
    const match = /^(?:heading|titre|berschrift|kop)\s*(\d)$/.exec(name) || /^(?:heading|titre)(\d)$/.exec(id.toLowerCase());
    if (match) return Number(match[1]);
    if (name === 'title' || name === 'titre') return 1;
    if (style && style.outlineLevel !== null && style.outlineLevel < 9) return style.outlineLevel + 1;
    id = style ? style.basedOn : null;
  }
  return null;
}

function styleNumbering(styleId: string | null, styles: Map<string, StyleInfo>): { numId: string | null; ilvl: number | null } {
  let id = styleId;
  for (let depth = 0; id && depth < 10; depth++) {
    const style = styles.get(id);
    if (!style) break;
    if (style.numId) return { numId: style.numId, ilvl: style.ilvl };
    id = style.basedOn;
  }
  return { numId: null, ilvl: null };
}

interface Paragraph {
  styleId: string | null;
  outlineLevel: number | null;
  numId: string | null;
  ilvl: number | null;
  /** Text of the paragraph; '\n' for soft line breaks. */
  text: string;
}

export function readDocxLines(bytes: Uint8Array): SourceLine[] {
  const parts = readParts(bytes);
  const document = parts['word/document.xml'];
  if (!document) throw new ImportError('unreadable', "Ce fichier n'est pas un document Word (.docx) : word/document.xml est absent.");
  const styles = readStyles(parts['word/styles.xml'] ? strFromU8(parts['word/styles.xml']) : null);
  const counter = new NumberingCounter(readNumbering(parts['word/numbering.xml'] ? strFromU8(parts['word/numbering.xml']) : null));

  const output: string[] = [];
  /** Index in `output` of the blank line after each paragraph with text. */
  const paragraphEnds: number[] = [];
  let emptyParagraphs = 0;
  const stack: Paragraph[] = [];
  let inText = false;
  let skipDepth = 0;
  let inPPr = 0;
  /** The outermost table being read: its number, its rows so far, where the current cell's output starts. */
  let table: { number: number; row: number; column: number; cellStart: number } | null = null;
  let tableCount = 0;
  let tableDepth = 0;
  /** The lines of each cell of an outermost table, by output index (lines/ reads tables of actions from them). */
  const cells: { start: number; end: number; cell: TableCell }[] = [];

  const emit = (paragraph: Paragraph) => {
    const text = paragraph.text.replace(/[ \t]+\n/g, '\n');
    const numbering = paragraph.numId !== null ? { numId: paragraph.numId, ilvl: paragraph.ilvl } : styleNumbering(paragraph.styleId, styles);
    const heading = headingLevelOf(paragraph.styleId, styles, paragraph.outlineLevel);
    const ilvl = numbering.ilvl || 0;
    const number = numbering.numId !== null && text.trim() !== '' ? counter.next(numbering.numId, ilvl) : null;
    const lines = text.split('\n');
    let first = lines[0];
    if (number) {
      if (number.bullet) first = `${'  '.repeat(ilvl)}- ${first.trim()}`;
      else if (number.label !== '') first = `${number.label} ${first.trim()}`;
    }
    if (heading !== null && first.trim() !== '') first = `${'#'.repeat(Math.min(heading, 6))} ${first.trim()}`;
    output.push(first, ...lines.slice(1));
    if (text.trim() !== '') paragraphEnds.push(output.length);
    else emptyParagraphs++;
    output.push('');
  };

  walkXml(strFromU8(document), (event) => {
    if (skipDepth > 0) {
      if (event.type === 'open' && !event.selfClosing && (event.name === 'mc:Fallback' || event.name === 'w:del')) skipDepth++;
      if (event.type === 'close' && (event.name === 'mc:Fallback' || event.name === 'w:del')) skipDepth--;
      return;
    }
    const paragraph = stack.length > 0 ? stack[stack.length - 1] : null;
    if (event.type === 'open') {
      switch (event.name) {
        case 'mc:Fallback':
        case 'w:del':
          if (!event.selfClosing) skipDepth = 1;
          break;
        case 'w:p':
          if (!event.selfClosing) stack.push({ styleId: null, outlineLevel: null, numId: null, ilvl: null, text: '' });
          else output.push('');
          break;
        case 'w:pPr':
          inPPr++;
          break;
        case 'w:pStyle':
          if (paragraph && inPPr > 0) paragraph.styleId = event.attributes['w:val'] || null;
          break;
        case 'w:outlineLvl':
          if (paragraph && inPPr > 0) paragraph.outlineLevel = Number(event.attributes['w:val']);
          break;
        case 'w:numId':
          if (paragraph && inPPr > 0) paragraph.numId = event.attributes['w:val'] || null;
          break;
        case 'w:ilvl':
          if (paragraph && inPPr > 0) paragraph.ilvl = Number(event.attributes['w:val'] || 0);
          break;
        case 'w:tbl':
          if (event.selfClosing) break;
          tableDepth++;
          if (tableDepth === 1) table = { number: ++tableCount, row: -1, column: -1, cellStart: output.length };
          break;
        case 'w:tr':
          if (table && tableDepth === 1 && !event.selfClosing) {
            table.row++;
            table.column = -1;
          }
          break;
        case 'w:tc':
          if (table && tableDepth === 1) {
            table.column++;
            table.cellStart = output.length;
          }
          break;
        case 'w:t':
          inText = !event.selfClosing;
          break;
        case 'w:tab':
          if (paragraph && inPPr === 0) paragraph.text += '\t';
          break;
        case 'w:br':
        case 'w:cr':
          if (paragraph) paragraph.text += '\n';
          break;
        case 'w:noBreakHyphen':
          if (paragraph) paragraph.text += '-';
          break;
        case 'w:sym':
          if (paragraph) paragraph.text += '•';
          break;
      }
    } else if (event.type === 'close') {
      if (event.name === 'w:t') inText = false;
      else if (event.name === 'w:pPr') inPPr = Math.max(0, inPPr - 1);
      else if (event.name === 'w:p') {
        const done = stack.pop();
        if (done) emit(done);
      } else if (event.name === 'w:tc' || event.name === 'w:tr') {
        if (event.name === 'w:tc' && table && tableDepth === 1) {
          cells.push({ start: table.cellStart, end: output.length, cell: { table: table.number, row: table.row, column: table.column } });
        }
        output.push('');
      } else if (event.name === 'w:tbl') {
        tableDepth = Math.max(0, tableDepth - 1);
        if (tableDepth === 0) table = null;
      }
    } else if (event.type === 'text' && inText && paragraph) {
      paragraph.text += event.text;
    }
  });
  const cellOf: (TableCell | undefined)[] = [];
  for (const { start, end, cell } of cells) for (let i = start; i < end; i++) cellOf[i] = cell;
  return keptLines(output, paragraphEnds, emptyParagraphs).map((index, k) => {
    const cell = cellOf[index];
    return cell ? { text: output[index], line: k + 1, cell } : { text: output[index], line: k + 1 };
  });
}

/**
 * A PDF converted to Word has one paragraph per printed line: a sentence goes on in the
 * next paragraph, in lower case, and the gaps between paragraphs are empty paragraphs.
 * When many paragraphs do either, paragraphs are lines: no blank line between them
 * (an empty paragraph still gives one), as in the text of the PDF.
 */
function keptLines(output: string[], paragraphEnds: readonly number[], emptyParagraphs: number): number[] {
  let continued = 0;
  for (const end of paragraphEnds) {
    const next = output[end + 1];
    if (next !== undefined && /^\s*\p{Ll}/u.test(next) && !/[.;:!?]\s*$/.test(output[end - 1] || '')) continued++;
  }
  const lineLike = continued >= paragraphEnds.length * 0.1 || emptyParagraphs >= (paragraphEnds.length + emptyParagraphs) * 0.25;
  const all = output.map((_text, index) => index);
  if (paragraphEnds.length < 20 || !lineLike) return all;
  const drop = new Set(paragraphEnds);
  return all.filter((index) => !drop.has(index));
}
