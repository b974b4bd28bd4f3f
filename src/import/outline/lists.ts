/** Lists of actions ("Actions :" then bullets): their items, nesting and timing sub-headings. */
import { isParseError, parsePeriod } from '../../domain/parsing';
import type { Line } from '../lines/sourceLines';
import type { OutlineAction } from '../toPlan';
import { foldChars } from '../../text/normalize';

export interface ListContext {
  readonly level: 'action' | 'subAction';
  /** Glyphs in order of first appearance: their rank is the nesting level when indentation is lost. */
  readonly glyphs: string[];
  /** Indentations in order of first appearance. */
  readonly indents: number[];
  timing: string | null;
  sawBullet: boolean;
  lastItem: OutlineAction | null;
  lastItemLevel: number;
  lastLine: Line | null;
  blankSince: boolean;
  /** Heading level of the list's items when they use a heading style (Word's Heading 3 for each action). */
  itemHeadingLevel: number | null;
}

export function newList(level: ListContext['level']): ListContext {
  return { level, glyphs: [], indents: [], timing: null, sawBullet: false, lastItem: null, lastItemLevel: 0, lastLine: null, blankSince: false, itemHeadingLevel: null };
}

/** The nesting level of a bullet line in its list (0 for a top item). */
export function listLevelOf(list: ListContext | null, line: Line): number {
  if (!list || line.bullet === null) return 0;
  // A heading level is a depth hint: under items in a heading style, a plain bullet is one level down.
  if (line.headingLevel !== null) {
    if (list.itemHeadingLevel === null || line.headingLevel < list.itemHeadingLevel) list.itemHeadingLevel = line.headingLevel;
    if (line.headingLevel === list.itemHeadingLevel) return 0;
  } else if (list.itemHeadingLevel !== null) return 1;
  // "a)", "b)" are one kind of item; so are "1)", "2)".
  const glyph = line.bullet.replace(/^[a-z]\)$/, 'a)').replace(/^\d+\)$/, '1)');
  if (list.indents.indexOf(line.indent) < 0) list.indents.push(line.indent);
  if (list.glyphs.indexOf(glyph) < 0) list.glyphs.push(glyph);
  const indents = list.indents.slice().sort((a, b) => a - b);
  // Indentation tells the nesting when it varies; otherwise the glyph does (• then o then ▪).
  const byIndent = indents.filter((n) => n < line.indent - 1).length;
  const indentLevels = indents.filter((n, k) => k === 0 || n - indents[k - 1] > 1).length;
  if (indentLevels > 1) {
    let level = 0;
    for (let k = 1; k < indents.length; k++) if (indents[k] - indents[k - 1] > 1 && indents[k] <= line.indent) level++;
    return Math.min(level, byIndent);
  }
  return list.glyphs.indexOf(glyph);
}

const TIMING_LINE =
  /^(?:depuis|a partir|des |au cours|courant|d'ici|avant|apres|en |pour |fin |debut|mi-|premier|1er|second|deuxieme|2e|troisieme|dernier|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|trimestre|semestre|quadrimestre|annee)\b.*\b(?:19|20)\d\d\b/;

export function isTimingLine(text: string): boolean {
  const folded = foldChars(text).trim();
  if (folded.split(/\s+/).length > 12 || /[.;]$/.test(folded)) return false;
  if (TIMING_LINE.test(folded)) return true;
  const period = parsePeriod(text);
  return period !== null && !isParseError(period);
}
