/**
 * The lines of a document, cleaned for structure recognition: markdown-like markup
 * removed (headings, bold, italics, <sup> tags, rules), the bullet glyph and the
 * indentation kept apart from the text, and the noise of printed pages recognised
 * (page numbers, running headers and footers repeated on every page, template
 * placeholders). Source line numbers are kept for the report.
 */
import { foldChars, squeeze } from '../../text/normalize';
import { matchLabel } from './fieldLabels';
import { headingCandidates } from './headings';
import { actionTableLines } from './actionTables';

/** One line as a reader produced it (1-based line number in the extracted text). */
export interface SourceLine {
  readonly text: string;
  readonly line: number;
  /** Page of a PDF, when known (for the report). */
  readonly page?: number;
  /** The table cell the line is in, when the reader knows (a Word table). */
  readonly cell?: TableCell;
}

/** Where a line of a table is: which table of the document (from 1), which row and column (from 0). */
export interface TableCell {
  readonly table: number;
  readonly row: number;
  readonly column: number;
}

export type NoiseKind = 'pageNumber' | 'runningHeader' | 'placeholder' | 'rule' | 'tableOfContents';

export interface Line {
  readonly n: number;
  readonly page?: number;
  readonly raw: string;
  /** Text without markup, bullet glyph and surrounding spaces; '' for a blank line. */
  readonly text: string;
  /** Leading spaces of the raw line (a tab counts 4). */
  readonly indent: number;
  /** The bullet glyph ("-", "•", "▪", "o"…), null when the line is not a list item. */
  readonly bullet: string | null;
  /** Markdown heading level (1–6) or a heading style of a Word document. */
  readonly headingLevel: number | null;
  /** The whole line was bold (**…**) in the source. */
  readonly emphasized: boolean;
  readonly blank: boolean;
  readonly noise: NoiseKind | null;
}

// Bullet glyphs seen in extracted PST documents, including the private-use glyphs of the
// Symbol and Wingdings fonts that PDF extraction leaves for Word bullets.
const BULLET = /^(?:([-*+–—→⇒])\s+|([•▪◦○●■□►▸▹➢➤✓✔✗·‣⁃\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf02d\uf06e\uf071\uf0e0\uf0f0])(?:\s+|(?=\p{L})))/u;
/** "o " as a bullet (Word's second-level glyph): only before a word, never "o." alone. */
const LETTER_O_BULLET = /^o\s+(?=\S{2,})/;
/** "a) ", "1) ", "i) ": list items, treated as bullets. */
const PAREN_ITEM = /^(?:[a-z]|\d{1,2}|[ivx]{1,4})\)\s+/;

const PLACEHOLDER = new RegExp(
  [
    '^\\[[^\\]]{0,80}\\]$', // [Titre de l'action]
    '^<[^>]{0,80}>$', // <à compléter>
    '^\\{[^}]{0,80}\\}$',
    '^(?:\\.{3,}|…+|_{3,}|x{3,}|-{1,3}|\\?+)$',
    '^(?:a|à) (?:completer|compléter)\\.?$',
    '^(?:lorem ipsum.*)$',
    '^cliquez (?:ou appuyez )?ici pour (?:entrer|taper|saisir) (?:du|le|un) texte\\.?$',
    '^click or tap here to enter text\\.?$',
    '^(?:texte|texte a saisir|saisir le texte|votre texte ici)\\.?$',
    '^(?:your (?:content|text) (?:goes )?here|insert (?:your )?text here|type (?:your )?text here|ins[ée]re[zr] (?:votre|le|du) texte(?: ici)?|(?:votre|le) contenu (?:ici|à venir)|texte à venir)\\.?$',
  ].join('|'),
  'i',
);

/** Text of a template placeholder, read as "no value". */
export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(squeeze(text));
}

function indentOf(raw: string): number {
  let width = 0;
  for (const ch of raw) {
    if (ch === ' ' || ch === '\u00a0') width += 1;
    else if (ch === '\t') width += 4;
    else break;
  }
  return width;
}

/** Removes markdown-like markup; returns the text and whether it was all bold. */
export function stripMarkup(text: string): { text: string; emphasized: boolean } {
  let value = text
    .replace(/<\/?(?:sup|sub|b|i|u|em|strong|span|font|br|p|div)\b[^>]*>/gi, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1');
  const trimmed = value.trim();
  const emphasized = /^(\*\*|__)(?=\S)[\s\S]*\S\1[:.]?$/.test(trimmed) || /^\*\*\*[\s\S]+\*\*\*$/.test(trimmed);
  value = value
    .replace(/\*\*\*|\*\*|__/g, '')
    // Single-star italics: "*texte*" (a lone star between spaces is kept: "5 * 3").
    .replace(/(^|[\s(«"'])\*(?=\S)([^*]*?\S)\*(?=$|[\s).,;:!?»"'])/g, '$1$2')
    .replace(/^\*(?=\S)(.*\S)\*$/, '$1')
    // Emphasis spanning several lines leaves a lone marker at one end.
    .replace(/^\s*[*_](?=[^\s*_])(?!.*[*_]\s*$)/, '')
    .replace(/([^\s*_])[*_]\s*$/, (match, last: string) => (/[*_]/.test(value.trim().charAt(0)) ? match : last))
    .replace(/(^|\s)_(?=\S)([^_]*?\S)_(?=$|[\s).,;:!?])/g, '$1$2');
  return { text: value, emphasized };
}

const PAGE_NUMBER = /^(?:-\s*)?(?:page|p\.)?\s*\d{1,3}(?:\s*(?:\/|sur|de|of)\s*\d{1,3})?(?:\s*-)?$/i;

export function prepareLines(source: readonly SourceLine[]): Line[] {
  const lines: Line[] = [];
  const tabTables = tabTableLines(source);
  for (let i = 0; i < source.length; i++) {
    const sheets = actionTableAt(source, i);
    if (sheets) {
      sheets.lines.forEach((s) => lines.push(prepareOne(s)));
      i = sheets.last;
      continue;
    }
    const cells = tabTables.has(i) ? (tabCells(source[i].text) || []).map((text) => ({ ...source[i], text })) : tableCells(source[i]);
    for (const cell of cells) lines.push(prepareOne(cell));
  }
  return markTableOfContents(markRunningHeaders(withoutParagraphBlanks(lines)));
}

const TABLE_ROW = /^\|.*\|$/;
const TABLE_RULE = /^\|[\s:|-]+\|$/;

/** The cells of a markdown table row ("| a | b |"). */
function rowCells(text: string): string[] {
  return text
    .trim()
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.replace(/<br\s*\/?>/gi, '\n').trim());
}

/** A Word table (its lines tagged with their cells) whose rows are actions, from its first line. */
function wordActionTableAt(source: readonly SourceLine[], start: number): { lines: SourceLine[]; last: number } | null {
  const first = source[start].cell as TableCell;
  if (start > 0 && source[start - 1].cell && (source[start - 1].cell as TableCell).table === first.table) return null;
  const rows: string[][] = [];
  const rowLines: SourceLine[] = [];
  let last = start;
  const inTable = (j: number) => source[j].cell !== undefined && (source[j].cell as TableCell).table === first.table;
  for (let j = start; j < source.length; j++) {
    if (!inTable(j)) {
      // The blank lines between cells and rows are the table's too.
      let next = j;
      while (next < source.length && !source[next].cell && source[next].text.trim() === '') next++;
      if (next < source.length && next > j && inTable(next)) {
        j = next - 1;
        continue;
      }
      break;
    }
    const { row, column } = source[j].cell as TableCell;
    last = j;
    while (rows.length <= row) rows.push([]);
    if (!rowLines[row]) rowLines[row] = source[j];
    const text = source[j].text.trim();
    if (text !== '') rows[row][column] = rows[row][column] ? `${rows[row][column]}\n${text}` : text;
  }
  const full = rows.map((row) => Array.from(row, (cell) => cell || ''));
  if (full.length < 2 || actionTableLines([full[0], []]) === null) return null;
  const lines: SourceLine[] = [];
  full.slice(1).forEach((row, k) => {
    const at = rowLines[k + 1] || source[start];
    for (const text of actionTableLines([full[0], row]) || []) lines.push({ text, line: at.line, page: at.page });
  });
  return { lines, last };
}

/**
 * The rows of tables whose cells are separated by tabs (a PDF table, a table copied as text):
 * consecutive lines of several cells, one of them at least three ("1.1.1<tab>Titre" lines
 * alone are numbered titles, not a table). Each cell is then a line, as in a Word table.
 */
function tabTableLines(source: readonly SourceLine[]): Set<number> {
  const found = new Set<number>();
  for (let i = 0; i < source.length; ) {
    let end = i;
    let widest = 0;
    for (; end < source.length; end++) {
      const cells = source[end].text.indexOf('\t') >= 0 ? tabCells(source[end].text) : null;
      if (!cells) break;
      widest = Math.max(widest, cells.length);
    }
    if (end - i >= 2 && widest >= 3) for (let k = i; k < end; k++) found.add(k);
    i = Math.max(end, i + 1);
  }
  return found;
}

/** Cells separated by tabs (a table copied as text, or a PDF table row): null for a line of one cell. */
function tabCells(text: string): string[] | null {
  const cells = text.trim().split(/\t+/).map((cell) => cell.trim());
  return cells.length >= 2 ? cells : null;
}

/**
 * A table starting at line `start` whose rows are actions, in markdown ("| Action | Pilote |")
 * or with tab-separated cells: its sheet lines, each with the line of its row.
 */
function actionTableAt(source: readonly SourceLine[], start: number): { lines: SourceLine[]; last: number } | null {
  if (source[start].cell) return wordActionTableAt(source, start);
  const text = source[start].text;
  const markdown = TABLE_ROW.test(text.trim());
  if (!markdown && text.indexOf('\t') < 0) return null;
  const cellsOf = (line: string): string[] | null => (markdown ? (TABLE_ROW.test(line.trim()) ? rowCells(line) : null) : tabCells(line));
  const header = cellsOf(text);
  if (!header || (start > 0 && cellsOf(source[start - 1].text) !== null) || actionTableLines([header, []]) === null) return null;
  const lines: SourceLine[] = [];
  let last = start;
  for (let j = start + 1; j < source.length; j++) {
    const cells = cellsOf(source[j].text);
    if (!cells) break;
    last = j;
    if (markdown && TABLE_RULE.test(source[j].text.trim())) continue;
    for (const line of actionTableLines([header, cells]) || []) lines.push({ ...source[j], text: line });
  }
  return { lines, last };
}

/**
 * A document where a blank line follows nearly every line (every printed line its own
 * Word paragraph, as PDFs converted to Word are): the blank after each line says
 * nothing there, so it is dropped; the blank lines after it still separate blocks.
 */
function withoutParagraphBlanks(lines: Line[]): Line[] {
  let content = 0;
  let followedByBlank = 0;
  lines.forEach((line, i) => {
    if (line.blank) return;
    content++;
    if (i + 1 < lines.length && lines[i + 1].blank) followedByBlank++;
  });
  if (content < 20 || followedByBlank < content * 0.99) return lines;
  // The blank that closes each paragraph goes; an empty paragraph still separates blocks.
  return lines.filter((line, i) => !(line.blank && line.noise === null && i > 0 && !lines[i - 1].blank));
}

/**
 * A markdown table row ("| Chef de projet | Marie Dupont |", as converters write Word
 * tables) gives one line per cell, like a table read from Word; "|---|" rows are blank.
 */
function tableCells(source: SourceLine): SourceLine[] {
  const trimmed = source.text.trim();
  if (!/^\|.*\|$/.test(trimmed) || trimmed.length < 3) return [source];
  if (/^\|[\s:|-]+\|$/.test(trimmed)) return [{ ...source, text: '' }];
  const cells = trimmed
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.replace(/<br\s*\/?>/gi, ' ').trim());
  return cells.filter((cell) => cell !== '').map((cell) => ({ ...source, text: cell }));
}

/**
 * Running headers and footers: the same line printed on many pages. A line counts as
 * one only when it repeats at least three times and most of its occurrences touch a page
 * boundary (a change of PDF page, a form feed, a page number line): a value repeated in
 * many action sheets ("Améliorer le service à la population.") is not a header. Neither
 * is what a sheet says at its top or bottom: a numbered heading ("Objectif opérationnel
 * 1.1 : …", repeated by every sheet of that OO), a "label : value" line, or the value
 * under a label ("Chef de projet :" / "Marie Dupont", the same lead on three sheets).
 */
function markRunningHeaders(lines: Line[]): Line[] {
  const numbered = numberedRunningLines(lines);
  const boundary = new Set<number>(numbered);
  lines.forEach((line, i) => {
    if (line.noise === 'pageNumber' || /\f/.test(line.raw)) boundary.add(i);
    if (i > 0 && line.page !== undefined && lines[i - 1].page !== undefined && line.page !== lines[i - 1].page) {
      boundary.add(i);
      boundary.add(i - 1);
    }
  });
  if (boundary.size === 0) return lines;
  const nearBoundary = (index: number): boolean => {
    for (const step of [-1, 1]) {
      let seen = 0;
      for (let j = index; j >= 0 && j < lines.length && seen <= 2; j += step) {
        if (boundary.has(j)) return true;
        if (j !== index && !lines[j].blank && !lines[j].noise) seen++;
      }
    }
    return false;
  };
  const occurrences = new Map<string, number[]>();
  lines.forEach((line, i) => {
    if (line.blank || line.noise || line.bullet || line.text.length > 120 || !/\p{L}{3}/u.test(line.text)) return;
    // "Échéance : 2026" on three sheets that end a page is a value, not a running header.
    if (/[:：]\s*\S/.test(line.text) && matchLabel(line.text, null, { allowUpperCaseWithoutColon: false })) return;
    const key = foldChars(line.text);
    const list = occurrences.get(key);
    if (list) list.push(i);
    else occurrences.set(key, [i]);
  });
  const headers = new Set<number>([...numbered, ...pageEdgeLines(lines)]);
  occurrences.forEach((indexes) => {
    if (indexes.length < 3) return;
    const near = indexes.filter(nearBoundary).length;
    if (near < indexes.length * 0.6 || readsAsContent(lines, indexes[0])) return;
    const values = indexes.filter((i) => followsALabel(lines, i)).length;
    if (values < indexes.length * 0.5) indexes.forEach((i) => headers.add(i));
  });
  return lines.map((line, i) => (headers.has(i) ? { ...line, noise: 'runningHeader' } : line));
}

/**
 * In a PDF of two pages or more, the same line first (or last) on every page is its
 * running header (or footer), even when there are too few pages for it to repeat three times.
 */
function pageEdgeLines(lines: readonly Line[]): number[] {
  const firsts = new Map<number, number>();
  const lasts = new Map<number, number>();
  lines.forEach((line, i) => {
    if (line.page === undefined || line.blank || line.noise) return;
    if (!firsts.has(line.page)) firsts.set(line.page, i);
    lasts.set(line.page, i);
  });
  if (firsts.size < 2) return [];
  const found: number[] = [];
  for (const edge of [firsts, lasts]) {
    const indexes = Array.from(edge.values());
    const keys = new Set(indexes.map((i) => foldChars(lines[i].text)));
    // A value under its label ("Chef de projet :" / "Marie Dupont") that ends every page is no footer.
    if (keys.size !== 1 || !/\p{L}{3}/u.test(lines[indexes[0]].text) || readsAsContent(lines, indexes[0])) continue;
    if (!indexes.some((i) => followsALabel(lines, i))) found.push(...indexes);
  }
  return found;
}

const PAGE_AT_END = [
  /(?:^|\s)(?:page|p\.)\s*(\d{1,3})(?:\s*(?:\/|sur|de|of)\s*\d{1,3})?$/i,
  /(?:^|\s)(\d{1,3})\s*(?:\/|sur)\s*\d{1,3}$/i,
  /\s[|–—]\s*(\d{1,3})$/,
  /\S\s{3,}(\d{1,3})$/,
];
const PAGE_AT_START = [
  /^(?:page|p\.)\s*(\d{1,3})(?:\s*(?:\/|sur|de|of)\s*\d{1,3})?\s+(?=\S)/i,
  /^(\d{1,3})\s*(?:\/|sur)\s*\d{1,3}\s+(?=\S)/i,
  /^(\d{1,3})\s*[|–—]\s*(?=\S)/,
  /^(\d{1,3})\s{3,}(?=\S)/,
];

/** A line that carries a page number at one end ("PST 2025 – CPAS de X    page 3/40", "3 | Programme"): its other text and the number. */
function pageMark(raw: string): { rest: string; page: string } | null {
  const text = raw.trim();
  for (const pattern of PAGE_AT_END) {
    const match = pattern.exec(text);
    if (match && match.index > 0) return { rest: text.slice(0, match.index), page: match[1] };
  }
  for (const pattern of PAGE_AT_START) {
    const match = pattern.exec(text);
    if (match && match[0].length < text.length) return { rest: text.slice(match[0].length), page: match[1] };
  }
  return null;
}

/**
 * Running headers and footers that print the page number on their own line ("PST
 * 2025-2030 – CPAS de X    page 3/40", "3 | Programme stratégique"): the same text at
 * least three times with at least two different numbers. A value repeated near page
 * ends keeps its own number, or has none.
 */
function numberedRunningLines(lines: readonly Line[]): number[] {
  const groups = new Map<string, { indexes: number[]; pages: Set<string> }>();
  lines.forEach((line, i) => {
    if (line.blank || line.noise || line.bullet || line.text.length > 160) return;
    const mark = pageMark(line.raw);
    if (!mark || !/\p{L}{3}/u.test(mark.rest)) return;
    const key = foldChars(squeeze(stripMarkup(mark.rest).text));
    const group = groups.get(key) || groups.set(key, { indexes: [], pages: new Set() }).get(key)!;
    group.indexes.push(i);
    group.pages.add(mark.page);
  });
  const found: number[] = [];
  groups.forEach((group) => {
    if (group.indexes.length >= 3 && group.pages.size >= 2 && !readsAsContent(lines, group.indexes[0])) found.push(...group.indexes);
  });
  return found;
}

/** "Objectif stratégique 1 : … ........ 3": a dot leader before a page number. */
const TOC_LEADER = /(?:\.{4,}|…{2,}|(?:\s\.){3,}|_{4,})\s*\d{1,3}$/;
const TOC_HEADING = /^(?:table des matieres|sommaire|table of contents|contents|index)\s*:?$/;
/** A title followed by its page number ("Méthodologie   4"). */
const TOC_ENTRY = /\p{L}.*\s\d{1,3}$/u;

/**
 * Tables of contents repeat the headings with their page numbers: they are not the plan.
 * A line with a dot leader is an entry wherever it is; after a "Table des matières"
 * heading, so is every line ending with a page number, until two lines in a row are not.
 */
function markTableOfContents(lines: Line[]): Line[] {
  const toc = new Set<number>();
  lines.forEach((line, i) => {
    if (!line.blank && !line.noise && TOC_LEADER.test(line.text)) toc.add(i);
  });
  lines.forEach((line, i) => {
    if (line.blank || line.noise || !TOC_HEADING.test(foldChars(line.text))) return;
    const entries: number[] = [];
    let misses = 0;
    for (let j = i + 1; j < lines.length && misses < 2; j++) {
      const next = lines[j];
      if (next.blank || next.noise) continue;
      if (toc.has(j) || TOC_ENTRY.test(next.text)) {
        entries.push(j);
        misses = 0;
      } else misses++;
    }
    if (entries.length >= 2) [i].concat(entries).forEach((k) => toc.add(k));
  });
  if (toc.size === 0) return lines;
  // An entry wrapped over two lines: the page number is on the second one, which goes on in
  // lower case ("OS 2 - Soutenir le maintien" / "à domicile ....... 6").
  Array.from(toc)
    .sort((a, b) => b - a)
    .forEach((j) => {
      for (let k = j; /^\p{Ll}/u.test(lines[k].text); ) {
        const previous = k - 1;
        if (previous < 0 || lines[previous].blank || lines[previous].noise || toc.has(previous) || /[.;:!?]$/.test(lines[previous].text)) break;
        toc.add(previous);
        k = previous;
      }
    });
  return lines.map((line, i) => (toc.has(i) ? { ...line, noise: 'tableOfContents' } : line));
}

const LABEL_CONTEXT = { allowUpperCaseWithoutColon: false };

/** A numbered heading or a sheet label ("Chef de projet :", "Échéance : 2027"): what a sheet repeats, never page furniture. */
function readsAsContent(lines: readonly Line[], index: number): boolean {
  const text = lines[index].text;
  if (headingCandidates(text).some((c) => c.kind === 'keyword' && c.level !== 'axis' && c.code !== null)) return true;
  return matchLabel(text, null, LABEL_CONTEXT) !== null;
}

/** The previous line with text (on the same page) is a label alone ("Chef de projet :"). */
function followsALabel(lines: readonly Line[], index: number): boolean {
  for (let j = index - 1; j >= 0 && index - j <= 4; j--) {
    const line = lines[j];
    if (line.blank || line.noise) continue;
    if (line.page !== lines[index].page) return false;
    if (/[:：]$/.test(line.text)) return true;
    const label = matchLabel(line.text, null, LABEL_CONTEXT);
    return label !== null && label.rest === '';
  }
  return false;
}

function prepareOne(source: SourceLine): Line {
  const raw = source.text.replace(/\r$/, '');
  const base = { n: source.line, page: source.page, raw, indent: indentOf(raw) };
  let body = raw.replace(/^[\s\u00a0]+/, '');
  if (/^(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$/.test(body) || /^\f+$/.test(body)) {
    return { ...base, text: '', bullet: null, headingLevel: null, emphasized: false, blank: true, noise: 'rule' };
  }
  // Markdown heading "## Titre", blockquote "> …".
  let headingLevel: number | null = null;
  const heading = /^(#{1,6})\s+/.exec(body);
  if (heading) {
    headingLevel = heading[1].length;
    body = body.slice(heading[0].length).replace(/\s+#+\s*$/, '');
  }
  body = body.replace(/^>\s?/, '');

  // A heading style is a depth hint, not a kind: "### - Recruter …" is still a list item.
  let bullet: string | null = null;
  // Bold or italic markers may wrap the bullet: "**- texte**" is rare, "- **texte**" usual.
  const bulletMatch = BULLET.exec(body) || LETTER_O_BULLET.exec(body) || PAREN_ITEM.exec(body);
  if (bulletMatch && !/^-\d/.test(body) && !/^\*\*/.test(body)) {
    bullet = bulletMatch[0].trim() || bulletMatch[0];
    body = body.slice(bulletMatch[0].length);
  }
  const stripped = stripMarkup(body);
  let text = squeeze(stripped.text);
  // "• INTRODUCTION •": the closing glyph is decoration.
  if (bullet) text = text.replace(/\s*[•▪◦●■]$/, '').trim();
  if (text === '' && bullet === null) {
    return { ...base, text: '', bullet: null, headingLevel: null, emphasized: false, blank: true, noise: null };
  }
  let noise: NoiseKind | null = null;
  if (bullet === null && headingLevel === null && PAGE_NUMBER.test(text)) noise = 'pageNumber';
  // A lone bullet glyph is kept (a title may print it); it holds no text.
  else if (text !== '' && isPlaceholder(text)) noise = 'placeholder';
  return { ...base, text, bullet, headingLevel, emphasized: stripped.emphasized, blank: false, noise };
}

/** Splits a text into source lines numbered from 1. */
export function linesOfText(text: string): SourceLine[] {
  return text.split(/\r\n|\r|\n/).map((line, index) => ({ text: line, line: index + 1 }));
}
