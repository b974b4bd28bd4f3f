/** Readings of the texts of an outline, kept as written when nothing more can be said. */
import type { Person } from '../../domain/model';
import { interpretVoletText, normalizeText } from '../../domain/vocabularies';

export const clean = (value: string | null | undefined): string | null => {
  if (value == null) return null;
  const trimmed = String(value).trim();
  return trimmed === '' ? null : trimmed;
};

export function shortLabel(code: string | null | undefined, title: string | null | undefined): string {
  const c = clean(code);
  if (c) return c;
  const t = clean(title) || '(sans intitulé)';
  return t.length > 50 ? t.slice(0, 49) + '…' : t;
}

export function splitList(text: string | null | undefined, separators: RegExp): string[] {
  const value = clean(text);
  if (!value) return [];
  return value
    .split(separators)
    .map((part) => part.replace(/^[\s•\-–*]+/, '').trim())
    .filter((part) => part !== '');
}

export const LIST_SEPARATORS = /\n|\/|;|•|\s[–—]\s/;
export const PEOPLE_SEPARATORS = /\n|\/|;|•|\s[–—]\s|\s[+&]\s?|\s?[+&]\s/;

export function toList(value: string[] | string | null | undefined): string[] {
  if (value == null) return [];
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter((v) => v !== '');
  return splitList(value, /\n|•|;/);
}

export function person(text: string | null | undefined): Person | null {
  const name = clean(text);
  return name ? { displayName: name } : null;
}

export function isVoletHeading(text: string): boolean {
  return /\b(partie|volet|voilet)\b/.test(normalizeText(text)) && interpretVoletText(text) !== null;
}

/** "I.II RESSOURCES HUMAINES" → code I.II; "1. LE SERVICE" → code 1; trailing " :" dropped. */
export function splitSectionHeading(text: string): { code: string | null; title: string } {
  const trimmed = text.trim().replace(/\s*:$/, '');
  const match = /^((?:[IVXLC]+|\d+)(?:\.(?:[IVXLC]+|\d+))*)\.?\s+(.+)$/.exec(trimmed);
  return match ? { code: match[1], title: match[2].trim() } : { code: null, title: trimmed };
}

/** The SDG numbers (1 to 17) a cell names, each once. */
export function sdgNumbers(value: (number | string)[] | string | null | undefined): number[] {
  if (value == null) return [];
  const texts = Array.isArray(value) ? value.map(String) : [value];
  const numbers: number[] = [];
  for (const text of texts) {
    for (const match of text.match(/\d+/g) || []) {
      const n = Number(match);
      if (n >= 1 && n <= 17 && numbers.indexOf(n) < 0) numbers.push(n);
    }
  }
  return numbers;
}
