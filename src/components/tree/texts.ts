/** Plural forms and the text pieces of the tree (French first; Belgian number format). */
import * as strings from 'PstStrings';
import type { ProgressStats } from '../../domain/rollup';
import { formatNumber } from '../../domain/parsing';
import type { Lang } from '../../domain/vocabularies';
import { normalizeText } from '../../domain/vocabularies';
import { formatMessage } from '../../text/format';

/**
 * `forms` is `one|other` or `zero|one|other` (each with `{0}`). French uses the singular for
 * 0 and 1 (« 0 terminée », « 1 terminée », « 2 terminées »), English for 1 only.
 */
export function plural(forms: string, count: number, lang: Lang): string {
  const parts = forms.split('|');
  let form: string;
  if (parts.length >= 3 && count === 0) form = parts[0];
  else {
    const [one, other] = parts.length >= 3 ? [parts[1], parts[2]] : [parts[0], parts[parts.length - 1]];
    const singular = lang === 'fr' ? Math.abs(count) < 2 : Math.abs(count) === 1;
    form = singular ? one : other;
  }
  return formatMessage(form, formatNumber(count));
}

/** « 12 actions · 3 terminées · 2 en retard · 1 bloquée » (parts at zero are left out). */
export function countsLine(stats: ProgressStats, lang: Lang, noun: 'actions' | 'subActions' = 'actions'): string {
  const parts = [plural(noun === 'actions' ? strings.TreeCountActions : strings.TreeCountSubActions, stats.total, lang)];
  if (stats.done > 0) parts.push(plural(strings.TreeCountDone, stats.done, lang));
  if (stats.late > 0) parts.push(plural(strings.TreeCountLate, stats.late, lang));
  if (stats.blocked > 0) parts.push(plural(strings.TreeCountBlocked, stats.blocked, lang));
  return parts.join(' · ');
}

export interface TextPiece {
  readonly text: string;
  readonly match: boolean;
}

/**
 * Splits `text` into the pieces that match one of the (normalised) search terms and the rest,
 * comparing as `normalizeText` does (accents, case, apostrophes) but keeping the original text.
 */
export function highlightPieces(text: string, terms: readonly string[]): TextPiece[] {
  if (terms.length === 0 || text === '') return [{ text, match: false }];
  // Normalised text, one char at a time, with the index of the original char of each.
  let normalized = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const mapped = /\s/.test(c) ? ' ' : normalizeText(c);
    for (let j = 0; j < mapped.length; j++) {
      normalized += mapped.charAt(j);
      origin.push(i);
    }
  }
  const marked = new Array<boolean>(text.length).fill(false);
  for (const term of terms) {
    if (term === '') continue;
    let from = normalized.indexOf(term);
    while (from >= 0) {
      for (let k = from; k < from + term.length; k++) marked[origin[k]] = true;
      from = normalized.indexOf(term, from + 1);
    }
  }
  const pieces: TextPiece[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = pieces[pieces.length - 1];
    if (last && last.match === marked[i]) pieces[pieces.length - 1] = { text: last.text + text.charAt(i), match: marked[i] };
    else pieces.push({ text: text.charAt(i), match: marked[i] });
  }
  return pieces;
}
