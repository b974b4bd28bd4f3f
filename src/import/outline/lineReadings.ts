/** What the profile makes of one line: a label, a heading strong enough to end a sheet, a section ahead. */
import { LabelMatch, matchLabel } from '../lines/fieldLabels';
import { KeywordHeading, NumberedHeading, looksLikeCapitalisedTitle } from '../lines/headings';
import type { Line } from '../lines/sourceLines';
import { foldChars } from '../../text/normalize';
import type { DocumentLines } from './documentLines';
import type { Profile } from './profile';

/** "PROGRAMME STRATÉGIQUE TRANSVERSAL 2019-2024": the document's title, not a section. */
export function isDocumentTitle(text: string): boolean {
  const folded = foldChars(text);
  return /\b(?:programme strategique|plan strategique|pst)\b/.test(folded) || /\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b/.test(folded);
}

export const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/i;

/** The sheet label a line starts with; table sheets write labels in capitals, without colon. */
export function labelAt(profile: Profile, line: Line, next: Line | null): LabelMatch | null {
  // A heading style is a depth hint: "### TITRE 1.1.1 → …" is still a label, unless headings at that level carry the structure.
  if (line.bullet || (line.headingLevel && profile.headingRole.has(line.headingLevel))) return null;
  return matchLabel(line.text, next ? next.text : null, { allowUpperCaseWithoutColon: profile.tableSheets, requireUpperCase: profile.tableSheets, learned: profile.learnedLabels });
}

/** Structural lines that end a sheet even when they could be read as a label. */
export function isStrongHeading(doc: DocumentLines, profile: Profile, index: number, label: LabelMatch): boolean {
  const candidates = doc.candidates[index];
  if (profile.numberedLines.has(index)) {
    const numbered = doc.numberedAt(index) as NumberedHeading;
    const role = profile.numberedRole.get(numbered.parts.length);
    if (role && role !== 'listItem') return true;
  }
  if (label.target === 'title') return false;
  const keyword = candidates.find((c): c is KeywordHeading => c.kind === 'keyword');
  if (!keyword) return false;
  if (keyword.level === 'os' || keyword.level === 'oo') return profile.parentLabelsPrecedeTitle;
  return keyword.code !== null;
}

export function nextIsStructural(doc: DocumentLines, profile: Profile, index: number): boolean {
  return doc.candidates[index].some((c) => c.kind !== 'section') || profile.numberedLines.has(index);
}

/** Whether the line after `index` (skipping text) opens an OS, a section or a volet. */
export function sectionFollows(doc: DocumentLines, profile: Profile, index: number | null): boolean {
  if (index === null) return false;
  for (let j = index, seen = 0; j < doc.lines.length && seen < 3; j++) {
    const line = doc.lines[j];
    if (line.blank || line.noise) continue;
    seen++;
    const found = doc.candidates[j];
    if (found.some((c) => c.kind === 'volet' || c.kind === 'section' || (c.kind === 'keyword' && (c.level === 'os' || c.level === 'axis')))) return true;
    if (profile.numberedLines.has(j)) {
      const role = profile.numberedRole.get((doc.numberedAt(j) as NumberedHeading).parts.length);
      return role === 'section' || role === 'os';
    }
    if (line.headingLevel) return true;
    if (!looksLikeCapitalisedTitle(line.text)) return false;
  }
  return false;
}
