/**
 * The totals a document states about itself ("8 objectifs stratégiques, 29 objectifs
 * opérationnels et 97 projets"): the report compares them with what was found, so that
 * a loss never goes unseen.
 */
import { foldChars } from '../../text/normalize';
import type { Line } from '../lines/sourceLines';

export interface StatedTotals {
  readonly strategicObjectives?: number;
  readonly operationalObjectives?: number;
  readonly actions?: number;
  /** The line where the statement begins. */
  readonly line: number;
}

const WORDS: { readonly [word: string]: number } = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10,
  onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, trente: 30, quarante: 40, cinquante: 50,
};
const NUMBER = `(\\d{1,4}|${Object.keys(WORDS).join('|')})`;
const KINDS: readonly [keyof Omit<StatedTotals, 'line'>, RegExp][] = [
  ['strategicObjectives', new RegExp(`\\b${NUMBER}\\s+objectifs?\\s+strategiques?\\b`)],
  ['operationalObjectives', new RegExp(`\\b${NUMBER}\\s+objectifs?\\s+operationnels?\\b`)],
  ['actions', new RegExp(`\\b${NUMBER}\\s+(?:projets|actions|fiches(?:[- ](?:projets?|actions?))?)\\b`)],
];

function value(text: string): number {
  return /^\d/.test(text) ? Number(text) : WORDS[text];
}

function totalsIn(content: readonly Line[], k: number): { [key: string]: number } {
  const text = foldChars(content.slice(k, k + 3).map((l) => l.text).join(' '));
  const found: { [key: string]: number } = {};
  if (!/objectifs?\s+(?:strategiques?|operationnels?)/.test(text)) return found;
  for (const [key, pattern] of KINDS) {
    const match = pattern.exec(text);
    if (match) found[key] = value(match[1]);
  }
  return found;
}

/**
 * The first place where the document states at least two of its totals, within three
 * lines (a sentence wraps anywhere); the next window is preferred when it states more.
 */
export function findStatedTotals(lines: readonly Line[]): StatedTotals | null {
  const content = lines.filter((l) => !l.blank && !l.noise);
  for (let k = 0; k < content.length; k++) {
    const found = totalsIn(content, k);
    if (Object.keys(found).length < 2) continue;
    const next = totalsIn(content, k + 1);
    return Object.keys(next).length > Object.keys(found).length ? { ...next, line: content[k + 1].n } : { ...found, line: content[k].n };
  }
  return null;
}
