/**
 * Whether two mentions name the same objective: a summary line "OO 101 – Mettre en
 * oeuvre …" and a sheet's "Objectif opérationnel : 101. Mettre en œuvre …". Accents,
 * ligatures, case and final punctuation never matter (`titleKey`); when both mentions
 * have a code, the codes decide and the titles need only agree on most of their words
 * (a title shortened or reworded in a sheet); without a code on one side, the titles must agree.
 */
import { titleKey } from '../../domain/vocabularies';

const STOP = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'a', 'au', 'aux', 'en', 'un', 'une', 'pour', 'par', 'sur', 'dans']);

function words(title: string): string[] {
  return titleKey(title)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !STOP.has(w));
}

/** Share of the shorter title's words found in the longer one. */
export function titleOverlap(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.length === 0 || y.length === 0) return 0;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const pool = new Set(long);
  return short.filter((w) => pool.has(w)).length / short.length;
}

export function sameObjective(a: { code?: string | null; title?: string | null }, b: { code?: string | null; title?: string | null }): boolean {
  const codeA = a.code || null;
  const codeB = b.code || null;
  // Two codes that differ decide at once: looking up a mention among thousands of
  // objectives compares titles only with the objectives of its own code.
  if (codeA !== null && codeB !== null && codeA !== codeB) return false;
  const titleA = a.title || '';
  const titleB = b.title || '';
  const sameTitle = titleA !== '' && titleKey(titleA) === titleKey(titleB);
  if (codeA !== null && codeB !== null) {
    return titleA === '' || titleB === '' || sameTitle || titleOverlap(titleA, titleB) >= 0.6;
  }
  if (codeA === null && codeB === null) return sameTitle;
  return sameTitle || (titleA !== '' && titleB !== '' && titleOverlap(titleA, titleB) >= 0.9 && Math.abs(words(titleA).length - words(titleB).length) <= 1);
}
