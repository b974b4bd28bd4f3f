/**
 * Numbering schemes read from the whole document before the profile: bare hundreds
 * ("100 …" / "1. …" then "101 …", "102 …", projects "101.1 …" or "1011 …", with no OS/OO
 * prefix) and bare roman numerals, letters and numbers ("I.", "A)", "a.", "1.") when
 * they repeat like levels (each restarting under the one above) and are not a list inside
 * a sheet (a run after "Publics visés :"). The lines of an accepted scheme are rewritten
 * in the keyword form ("Objectif opérationnel 101 : …"), as a rules file would, so the
 * parser reads them like any keyword document. Linear in the number of lines.
 */
import { Level, headingCandidates } from '../lines/headings';
import { matchLabel } from '../lines/fieldLabels';
import type { Line } from '../lines/sourceLines';

export interface SchemeLevel {
  /** The shape of the lines, as the coordinator sees it: « 101 … », « I. … ». */
  readonly shape: string;
  readonly level: Level;
  /** A rules expression matching these lines (the browser view offers to re-assign it). */
  readonly pattern: string;
}

export interface SchemeReading {
  readonly lines: Line[];
  readonly levels: readonly SchemeLevel[];
}

const KEYWORD_FORM: { readonly [L in Level]: string } = {
  os: 'Objectif stratégique',
  oo: 'Objectif opérationnel',
  action: 'Action',
  subAction: 'Sous-action',
};
const LEVEL_ORDER: readonly Level[] = ['os', 'oo', 'action', 'subAction'];
const TITLE_START = /^[\p{Lu}«"“]/u;

function content(line: Line): boolean {
  return !line.blank && !line.noise;
}

/** The line's text with a list marker the reader took as a bullet ("1) ", "a) ") put back. */
function printed(line: Line): string {
  return line.bullet && /^[a-z\d]{1,4}\)$/i.test(line.bullet) ? `${line.bullet} ${line.text}` : line.text;
}

function rewrite(line: Line, level: Level, code: string, title: string): Line {
  // "Action n° 2011" keeps a four-digit code from reading as a year.
  const sign = /^\d{4}$/.test(code) ? 'n° ' : '';
  return { ...line, text: `${KEYWORD_FORM[level]} ${sign}${code} : ${title}`, bullet: null };
}

export function readNumberingSchemes(source: readonly Line[]): SchemeReading {
  const keywordLevels = new Map<string, number>();
  source.forEach((line) => {
    if (!content(line)) return;
    for (const c of headingCandidates(line.text)) {
      if (c.kind === 'keyword' && c.level !== 'axis') keywordLevels.set(c.level, (keywordLevels.get(c.level) || 0) + 1);
    }
  });
  const named = (level: Level) => (keywordLevels.get(level) || 0) >= 2;
  let lines = source.slice();
  const levels: SchemeLevel[] = [];
  if (!named('oo')) {
    const hundreds = readHundreds(lines);
    if (hundreds) {
      lines = hundreds.lines;
      levels.push(...hundreds.levels);
    }
  }
  if (levels.length === 0 && !named('action')) {
    const ranked = readRankedSchemes(lines, named('os'), named('oo'));
    if (ranked) {
      lines = ranked.lines;
      levels.push(...ranked.levels);
    }
  }
  return { lines, levels };
}

// ---- hundreds ------------------------------------------------------------------------

const HUNDRED_OO = /^([1-9]\d{2})\.?\s*(?:[-–—:]\s*)?\s(\S.*)$/u;
const HUNDRED_ACTION = /^([1-9]\d{2}\.\d{1,2}|[1-9]\d{3})\.?\s*(?:[-–—:]\s*)?\s(\S.*)$/u;
const HUNDRED_SUB = /^([1-9]\d{2}\.\d{1,2}\.\d{1,2})\.?\s*(?:[-–—:]\s*)?\s(\S.*)$/u;
const SINGLE_OS = /^([1-9])\s*(?:[.)]|\s[-–—:])\s*(\S.*)$/u;

function readHundreds(source: readonly Line[]): SchemeReading | null {
  interface Found {
    readonly i: number;
    readonly level: Level;
    readonly code: string;
    readonly title: string;
    readonly hundred: number;
  }
  const found: Found[] = [];
  let os: number | null = null;
  let oo: string | null = null;
  let consistent = 0;
  let ooCount = 0;
  let actionCount = 0;
  source.forEach((line, i) => {
    if (!content(line)) return;
    const text = printed(line);
    const sub = HUNDRED_SUB.exec(text);
    if (sub && TITLE_START.test(sub[2])) {
      if (oo !== null && sub[1].startsWith(oo + '.')) found.push({ i, level: 'subAction', code: sub[1], title: sub[2], hundred: Math.floor(Number(oo) / 100) });
      return;
    }
    const action = HUNDRED_ACTION.exec(text);
    if (action && TITLE_START.test(action[2])) {
      const code = action[1];
      const parent = code.includes('.') ? code.split('.')[0] : code.slice(0, 3);
      if (oo !== null && parent === oo) {
        found.push({ i, level: 'action', code, title: action[2], hundred: Math.floor(Number(oo) / 100) });
        actionCount++;
      }
      return;
    }
    const three = HUNDRED_OO.exec(text);
    if (three && TITLE_START.test(three[2])) {
      const value = Number(three[1]);
      const hundred = Math.floor(value / 100);
      if (value % 100 === 0) {
        os = hundred;
        oo = null;
        found.push({ i, level: 'os', code: three[1], title: three[2], hundred });
        return;
      }
      ooCount++;
      if (os === null || os === hundred) consistent++;
      oo = three[1];
      found.push({ i, level: 'oo', code: three[1], title: three[2], hundred });
      return;
    }
    const single = SINGLE_OS.exec(text);
    if (single && TITLE_START.test(single[2])) {
      found.push({ i, level: 'os', code: single[1], title: single[2], hundred: Number(single[1]) });
      os = Number(single[1]);
      oo = null;
    }
  });
  // A scheme: several OO in the hundreds of their OS, with projects under them.
  if (ooCount < 2 || consistent < ooCount * 0.8 || actionCount < 2) return null;
  // A single-digit "1. …" is an OS only when the next OO is in its hundred.
  const kept = found.filter((f, k) => {
    if (f.level !== 'os' || f.code.length !== 1) return true;
    const next = found.slice(k + 1).find((g) => g.level !== 'os' || g.code.length === 1);
    return next !== undefined && next.level === 'oo' && next.hundred === f.hundred;
  });
  const lines = source.slice();
  kept.forEach((f) => (lines[f.i] = rewrite(source[f.i], f.level, f.code, f.title)));
  const levels: SchemeLevel[] = [];
  const has = (test: (f: Found) => boolean) => kept.some(test);
  if (has((f) => f.level === 'os' && f.code.length === 3)) levels.push({ shape: '« 100 … »', level: 'os', pattern: '^[1-9]00\\.?\\s' });
  if (has((f) => f.level === 'os' && f.code.length === 1)) levels.push({ shape: '« 1. … »', level: 'os', pattern: '^[1-9][.)]?\\s' });
  levels.push({ shape: '« 101 … »', level: 'oo', pattern: '^[1-9]\\d[1-9]\\.?\\s|^[1-9][1-9]\\d\\.?\\s' });
  if (has((f) => f.level === 'action' && f.code.includes('.'))) levels.push({ shape: '« 101.1 … »', level: 'action', pattern: '^[1-9]\\d{2}\\.\\d{1,2}\\.?\\s' });
  if (has((f) => f.level === 'action' && !f.code.includes('.'))) levels.push({ shape: '« 1011 … »', level: 'action', pattern: '^[1-9]\\d{3}\\.?\\s' });
  if (has((f) => f.level === 'subAction')) levels.push({ shape: '« 101.1.1 … »', level: 'subAction', pattern: '^[1-9]\\d{2}\\.\\d{1,2}\\.\\d{1,2}\\.?\\s' });
  return { lines, levels };
}

// ---- roman numerals, letters, numbers ------------------------------------------------

type Kind = 'roman' | 'upper' | 'lower' | 'number';

interface Token {
  readonly i: number;
  readonly kind: Kind;
  readonly mark: string;
  readonly value: number;
  readonly code: string;
  readonly title: string;
}

const ROMAN_VALUES: readonly string[] = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];
const MARKED = /^([IVX]{1,5}|[A-Z]|\d{1,2})\s*([.)]|\s[-–—:])\s*(\S.*)$/u;
/** "a. …", "b) …": a lower-case letter takes a period or a bracket, never a dash ("a - b"). */
const LOWER_MARKED = /^([a-z])\s?([.)])\s+(\S.*)$/u;

function tokenOf(line: Line, i: number, lastUpper: number): Token | null {
  const lower = LOWER_MARKED.exec(printed(line));
  if (lower) return TITLE_START.test(lower[3]) ? { i, kind: 'lower', mark: lower[2], value: lower[1].charCodeAt(0) - 96, code: lower[1], title: lower[3] } : null;
  const match = MARKED.exec(printed(line));
  if (!match || !TITLE_START.test(match[3])) return null;
  const [, code, rawMark, title] = match;
  const mark = rawMark.trim() === '' ? '-' : rawMark.trim().replace(/[–—:]/, '-');
  if (/^\d+$/.test(code)) return { i, kind: 'number', mark, value: Number(code), code, title };
  const letter = code.length === 1 ? code.charCodeAt(0) - 64 : 0;
  const roman = ROMAN_VALUES.indexOf(code);
  // "I", "V", "X" continue a letter run that has just reached "H", "U", "W".
  if (letter > 0 && (roman <= 0 || lastUpper === letter - 1)) return { i, kind: 'upper', mark, value: letter, code, title };
  if (roman > 0) return { i, kind: 'roman', mark, value: roman, code, title };
  return null;
}

/** Whether the line before a run of marked lines announces a list ("Publics visés :"). */
function opensList(source: readonly Line[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    if (!content(source[j])) continue;
    return /[:：]\s*$/.test(source[j].text);
  }
  return false;
}

function readRankedSchemes(source: readonly Line[], osNamed: boolean, ooNamed: boolean): SchemeReading | null {
  const tokens: Token[] = [];
  let lastUpper = 0;
  let inList = false;
  let previous: Token | null = null;
  let previousLine = -1;
  source.forEach((line, i) => {
    if (!content(line)) return;
    let token = tokenOf(line, i, lastUpper);
    // "a. Ensuite …" right under a long line that ends mid-sentence is that sentence wrapped, not an item.
    if (token && token.kind === 'lower' && i > 0 && continuesSentence(source[i - 1])) token = null;
    if (!token) {
      previousLine = i;
      return;
    }
    const continuesRun = previous !== null && previous.kind === token.kind && previousLine === previous.i;
    if (!continuesRun) inList = opensList(source, i);
    if (token.kind === 'upper') lastUpper = token.value;
    previous = token;
    previousLine = i;
    if (!inList) tokens.push(token);
  });
  // A scheme repeats like a level: its values go up by one and restart at one, and it
  // reaches a second item at least twice.
  const schemes: Kind[] = [];
  for (const kind of ['roman', 'upper', 'lower', 'number'] as Kind[]) {
    const own = tokens.filter((t) => t.kind === kind);
    if (own.length < 2) continue;
    let fits = 0;
    let last = 0;
    own.forEach((t) => {
      if (t.value === last + 1 || t.value === 1) fits++;
      last = t.value;
    });
    if (fits >= own.length * 0.9 && own.filter((t) => t.value === 2).length >= 1) schemes.push(kind);
  }
  const marked = schemes.filter((k) => k !== 'number');
  if (marked.length === 0) return null;
  // The bare numbers take part only below a roman or letter level (alone, they are the numbering the profile reads).
  const firstMarked = Math.min(...marked.map((k) => tokens.find((t) => t.kind === k)!.i));
  const ordered = schemes
    .filter((k) => k !== 'number' || tokens.some((t) => t.kind === 'number' && t.i > firstMarked))
    .sort((a, b) => tokens.find((t) => t.kind === a)!.i - tokens.find((t) => t.kind === b)!.i);
  // An inner level restarts under each item of the one above.
  for (let k = 1; k < ordered.length; k++) {
    const outer = tokens.filter((t) => t.kind === ordered[k - 1]);
    const restarts = outer.filter((o, n) => {
      const end = n + 1 < outer.length ? outer[n + 1].i : Infinity;
      const first = tokens.find((t) => t.kind === ordered[k] && t.i > o.i && t.i < end);
      return first === undefined || first.value === 1;
    }).length;
    if (restarts < outer.length * 0.8) return null;
  }
  // The first scheme sits one level below the headings it comes under ("1.1." OO, then "a." projects).
  const parent = parentLevel(source, tokens.filter((t) => t.kind === ordered[0]), tokens);
  const start = parent !== null ? parent + 1 : ooNamed ? LEVEL_ORDER.indexOf('action') : osNamed ? LEVEL_ORDER.indexOf('oo') : 0;
  let assigned = LEVEL_ORDER.slice(start, start + ordered.length);
  if (!osNamed && !ooNamed && ordered.length === 2 && fieldsFollow(source, tokens.filter((t) => t.kind === ordered[1]))) assigned = ['oo', 'action'];
  if (assigned.length < ordered.length) return null;
  const levelOf = new Map<Kind, Level>(ordered.map((k, n) => [k, assigned[n]]));
  const lines = source.slice();
  tokens.forEach((t) => {
    const level = levelOf.get(t.kind);
    if (level) lines[t.i] = rewrite(source[t.i], level, t.code, t.title);
  });
  const sample: { readonly [K in Kind]: string } = { roman: 'I', upper: 'A', lower: 'a', number: '1' };
  const classOf: { readonly [K in Kind]: string } = { roman: '[IVX]{1,5}', upper: '[A-Z]', lower: '[a-z]', number: '\\d{1,2}' };
  const levels = ordered.map((k) => {
    const mark = (tokens.find((t) => t.kind === k) as Token).mark;
    const shown = mark === '-' ? ' –' : mark;
    const markPattern = mark === '-' ? '\\s*[-–—:]' : `\\${mark}`;
    return { shape: `« ${sample[k]}${shown} … »`, level: levelOf.get(k) as Level, pattern: `^(?<code>${classOf[k]})${markPattern}\\s+(?<titre>.*)$` };
  });
  return { lines, levels };
}

/** A long line of prose that stops without punctuation: the next line goes on with its sentence. */
function continuesSentence(line: Line): boolean {
  return content(line) && line.text.length >= 50 && !/[.:;!?»)]$/.test(line.text) && matchLabel(line.text, null, { allowUpperCaseWithoutColon: false }) === null;
}

/**
 * The level (index in os, oo, action, subAction) of the structural lines the items of a
 * scheme come under, when most of them agree: a keyword heading gives its level, a
 * dotted number ("1.1.") its depth counted from the OS codes' depth. Null when nothing
 * structural precedes them. Linear.
 */
function parentLevel(source: readonly Line[], items: readonly Token[], allTokens: readonly Token[]): number | null {
  const itemLines = new Set(items.map((t) => t.i));
  // The items of the other schemes are no parents: they are levels of the same numbering.
  const tokenLines = new Set(allTokens.map((t) => t.i));
  const readings = source.map((line, i) => (content(line) && !tokenLines.has(i) ? headingCandidates(line.text) : []));
  const osDepths = readings.flatMap((found) => found.flatMap((c) => (c.kind === 'keyword' && c.level === 'os' && c.code && /^\d+(?:\.\d+)*$/.test(c.code) ? [c.code.split('.').length] : [])));
  const osDepth = osDepths.length > 0 ? Math.min(...osDepths) : 1;
  const counts = new Map<number, number>();
  let last: number | null = null;
  source.forEach((line, i) => {
    if (!content(line)) return;
    if (itemLines.has(i)) {
      if (last !== null) counts.set(last, (counts.get(last) || 0) + 1);
      return;
    }
    for (const c of readings[i]) {
      if (c.kind === 'keyword' && c.level !== 'axis') {
        last = LEVEL_ORDER.indexOf(c.level);
        return;
      }
      if (c.kind === 'numbered' && c.parts.length >= osDepth) {
        last = c.parts.length - osDepth;
        return;
      }
    }
  });
  const best = Array.from(counts.entries()).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= items.length * 0.6 ? best[0] : null;
}

/** Most items of the level are followed by a field label: they are actions, not objectives. */
function fieldsFollow(source: readonly Line[], items: readonly Token[]): boolean {
  const withFields = items.filter((t) => {
    for (let j = t.i + 1; j < source.length; j++) {
      if (!content(source[j])) continue;
      const next = j + 1 < source.length ? source[j + 1].text : null;
      return matchLabel(source[j].text, next, { allowUpperCaseWithoutColon: false }) !== null;
    }
    return false;
  }).length;
  return withFields >= items.length / 2;
}
