/**
 * Does a name as a document writes it ("Leclercq J.", "Mme DUPONT", "Élise Martin") name
 * this person of the directory ("Julien Leclercq", "elise.martin@…")? Accents, case, word
 * order and civilities do not matter; an initial matches a word starting with it. Used to
 * propose accounts for the leads an import gave as plain text.
 */
import { foldChars } from './normalize';

/** Civilities and titles written before names; they say nothing about who it is. */
const CIVILITIES = new Set(['m', 'mr', 'mme', 'mlle', 'melle', 'madame', 'monsieur', 'mademoiselle', 'dr', 'docteur', 'me', 'maitre', 'mrs', 'ms', 'miss']);

export interface NameWords {
  /** Whole words, folded ("leclercq", "jean", "pierre"). */
  readonly words: string[];
  /** Initials written as such ("J." → "j"). */
  readonly initials: string[];
}

/** The words of a name: folded, split on spaces, dots, dashes and apostrophes, civilities left out. */
export function nameWords(name: string): NameWords {
  const words: string[] = [];
  const initials: string[] = [];
  // "J.-P." and "J.P." are two initials; "Jean-Pierre" two words.
  for (const raw of foldChars(name).split(/[\s.,;:()'/_-]+/)) {
    const token = raw.replace(/[^\p{L}\p{N}]/gu, '');
    if (token === '') continue;
    if (token.length === 1) initials.push(token);
    else if (!CIVILITIES.has(token)) words.push(token);
  }
  return { words, initials };
}

/** The words a directory entry is known by: its display name and the local part of its address. */
export function personWords(displayName: string, email?: string): string[] {
  const fromName = nameWords(displayName);
  const fromEmail = email ? nameWords(email.split('@')[0]) : { words: [], initials: [] };
  const all = [...fromName.words, ...fromName.initials, ...fromEmail.words];
  return all.filter((w, i) => all.indexOf(w) === i);
}

/**
 * How well `written` names the person (0: not them). Every whole word written must be one of
 * theirs and every initial must start one of their other words; at least one whole word is
 * needed ("J." alone names nobody). More words written and matched score higher, a name
 * that covers all their words highest.
 */
export function nameMatchScore(written: string, displayName: string, email?: string): number {
  const { words, initials } = nameWords(written);
  if (words.length === 0) return 0;
  const theirs = personWords(displayName, email);
  const used = new Set<string>();
  for (const word of words) {
    if (theirs.indexOf(word) < 0) return 0;
    used.add(word);
  }
  for (const initial of initials) {
    const match = theirs.find((w) => !used.has(w) && w.startsWith(initial));
    // "M." is Monsieur as often as an initial: unmatched, it says nothing.
    if (!match && initial === 'm') continue;
    if (!match) return 0;
    used.add(match);
  }
  const nameOnly = nameWords(displayName);
  const coversName = [...nameOnly.words, ...nameOnly.initials].every((w) => used.has(w));
  return words.length * 2 + initials.length + (coversName ? 1 : 0);
}

export interface NameMatch<P> {
  readonly person: P;
  readonly score: number;
}

/** The people `written` may name, best first (ties in the order given). */
export function rankByName<P extends { displayName: string; email?: string }>(written: string, people: readonly P[]): NameMatch<P>[] {
  return people
    .map((person) => ({ person, score: nameMatchScore(written, person.displayName, person.email) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score);
}

/** The word to search the directory with: the longest whole word written (a surname, most often). */
export function searchWordOf(written: string): string | null {
  const { words } = nameWords(written);
  return words.reduce<string | null>((best, w) => (best === null || w.length > best.length ? w : best), null);
}

/** One key per way of writing the same name: "LECLERCQ Julien" and "julien leclercq" group together. */
export function nameKey(written: string): string {
  const { words, initials } = nameWords(written);
  return [...words].sort().join(' ') + (initials.length > 0 ? ` ${[...initials].sort().join('')}.` : '');
}
