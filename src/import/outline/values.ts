/**
 * Value assembly: the lines captured under a sheet label become a field value (one line,
 * paragraphs or a list), and the first pages give the organisation and the period.
 */
import type { FieldTarget } from '../lines/fieldLabels';
import { joinWrapped, squeeze, startsUpperCase } from '../../text/normalize';

/** Fields whose value is one short line: what follows it on the next lines is something else. */
export const SINGLE_VALUE_FIELDS: readonly FieldTarget[] = ['progress', 'status', 'start', 'end', 'priority', 'health', 'department', 'team', 'projectLead', 'pilot', 'partners', 'mandatary'];

export const MULTILINE_FIELDS: readonly FieldTarget[] = ['context', 'steps', 'resources', 'comments', 'deliverables', 'indicators', 'policyObjective', 'synergies', 'timing'];

const PRIVATE_BULLETS = /^[\uf000-\uf0ff]$/;

export function bulletGlyph(glyph: string): string {
  if (glyph === '' ) return '';
  return PRIVATE_BULLETS.test(glyph) ? '•' : glyph;
}

/** Lines joined into paragraphs: a bullet or a sentence ending then a capital starts a new one. */
export function paragraphs(items: readonly { text: string; bullet: string | null }[]): string {
  const out: string[] = [];
  for (const item of items) {
    const text = item.bullet ? `${bulletGlyph(item.bullet)} ${item.text}`.trim() : item.text;
    const last = out.length > 0 ? out[out.length - 1] : null;
    if (last === null || item.bullet || (/[.!?:;…]$/.test(last) && startsUpperCase(item.text))) out.push(text);
    else out[out.length - 1] = joinWrapped([last, text]);
  }
  return out.join('\n');
}

export function listItems(items: readonly { text: string; bullet: string | null }[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    if (item.bullet || out.length === 0) out.push(item.text);
    else out[out.length - 1] = joinWrapped([out[out.length - 1], item.text]);
  }
  return out.filter((t) => t !== '');
}

const CONNECTORS = /\b(?:de|du|des|la|le|les|l'|d'|et|ou|en|à|au|aux|pour|par|avec|sur|dans|un|une|qui|que|afin|ainsi|vers)$/i;

/** The leading title phrase of a sheet title that holds more (a second sentence, a list). */
export function shortTitleOf(lines: readonly string[]): string | null {
  if (lines.length === 0) return null;
  const full = joinWrapped(lines);
  // A sentence end followed by a capitalised word ("… du C.P.A.S. Offrir une solution …").
  const sentence = /^(.{15,}?[^A-Z.][.!?])\s+(?=\p{Lu}\p{Ll})/u.exec(full) || /^(.{15,}?\p{Lu}\.)\s+(?=\p{Lu}\p{Ll})/u.exec(full);
  // A line break before a capitalised line, when the line before does not run on.
  let byLine: string | null = null;
  let acc = '';
  for (let k = 0; k < lines.length - 1; k++) {
    acc = joinWrapped([acc, lines[k]]);
    const nextLine = squeeze(lines[k + 1]);
    if (/^\p{Lu}\p{Ll}/u.test(nextLine) && !CONNECTORS.test(acc) && !/[,(-]$/.test(acc) && acc.length >= 8) {
      byLine = acc;
      break;
    }
  }
  const candidates = [sentence ? sentence[1] : null, byLine].filter((c): c is string => c !== null && c.length < full.length);
  if (candidates.length === 0) return null;
  return candidates.sort((a, b) => a.length - b.length)[0];
}

/** "1.1 Améliorer …" → code and title; a text without code is all title. */
export function splitCodedTitle(text: string): { code: string | null; title: string } {
  const match = /^(?:(?:objectif\s+(?:strat[ée]gique|op[ée]rationnel)|OS|OO|O\.S\.|O\.O\.)\.?\s*(?:n°\s*)?)?(\d+(?:\.\d+)*)\.?\s*[-–:]?\s+(\S.*)$/i.exec(text.trim());
  if (match) return { code: match[1], title: match[2].trim() };
  return { code: null, title: text.trim() };
}

export function findPeriod(lines: readonly string[]): string | null {
  for (const text of lines) {
    const match = /\b((?:19|20)\d\d)\s*[-–—/à]\s*((?:19|20)\d\d)\b/.exec(text);
    if (!match) continue;
    const start = Number(match[1]);
    const end = Number(match[2]);
    if (end - start >= 3 && end - start <= 7) return `${start}-${end}`;
  }
  return null;
}

const ORGANISATION = /\b(?:CPAS|C\.P\.A\.S\.?|Centre [Pp]ublic d['’][Aa]ction [Ss]ociale)\s+(?:de\s+la\s+|de\s+|d['’]|du\s+)([A-ZÉÈÀÂÊÎÔÛÇ][\p{L}'’-]+(?:[\s-](?:lez|lès|sur|en|le|la|[A-ZÉÈÀÂÊÎÔÛÇ][\p{L}'’-]+))*)/u;

export function findOrganisation(head: readonly string[], all: readonly string[]): string | null {
  const count = (lines: readonly string[]): Map<string, number> => {
    const found = new Map<string, number>();
    for (const text of lines) {
      const pattern = new RegExp(ORGANISATION.source, 'gu');
      let match: RegExpExecArray | null;
      while ((match = pattern.exec(text)) !== null) {
        const name = match[1].replace(/[’]/g, "'").replace(/\s+(?:en|le|la|lez|lès|sur)$/, '');
        const canonical = name.charAt(0) + name.slice(1).toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
        const key = name === name.toUpperCase() ? canonical : name;
        found.set(key, (found.get(key) || 0) + 1);
      }
    }
    return found;
  };
  const best = (found: Map<string, number>): string | null => {
    let top: string | null = null;
    let n = 0;
    found.forEach((value, key) => {
      if (value > n) {
        top = key;
        n = value;
      }
    });
    return top;
  };
  const name = best(count(head)) || best(count(all));
  if (!name) return null;
  return /^[AEIOUYÉÈH]/.test(name) ? `CPAS d'${name}` : `CPAS de ${name}`;
}
