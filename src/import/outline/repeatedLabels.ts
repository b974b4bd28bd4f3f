/**
 * Labels a document repeats on its sheets: "Priorité du projet :", "Partenaires
 * extérieurs pressentis :" are longer than the labels the importer knows, but a text
 * before a colon that recurs at the start of lines of several sheets, and begins with a
 * known label, is that label here. Without this, such a line runs into the field before it.
 */
import { FieldTarget, colonLabelPrefix, labelKey, targetOfLabelKey } from '../lines/fieldLabels';
import type { DocumentLines } from './documentLines';

/** Labels that carry the structure are never learned: they keep their own rules. */
const NOT_LEARNED: readonly FieldTarget[] = ['title', 'code', 'strategicObjective', 'operationalObjective'];
const MIN_REPEATS = 3;

export function repeatedLabels(doc: DocumentLines): Map<string, FieldTarget> {
  const counts = new Map<string, number>();
  doc.lines.forEach((line, i) => {
    if (line.blank || line.noise || line.bullet || doc.candidates[i].some((c) => c.kind === 'keyword')) return;
    const prefix = colonLabelPrefix(line.text);
    if (!prefix) return;
    const key = labelKey(prefix);
    if (key.split(' ').length >= 2) counts.set(key, (counts.get(key) || 0) + 1);
  });
  const learned = new Map<string, FieldTarget>();
  counts.forEach((count, key) => {
    if (count < MIN_REPEATS) return;
    const target = targetOfLabelKey(key);
    if (target && NOT_LEARNED.indexOf(target) < 0) learned.set(key, target);
  });
  return learned;
}
