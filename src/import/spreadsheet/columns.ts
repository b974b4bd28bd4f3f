/**
 * The columns of a PST spreadsheet: those of the import template (French headers, in
 * order) and the recognition of a sheet's header row, whatever words its headers use
 * ("Intitulé" or "Titre", "Objectif stratégique" or "OS", the field labels of a
 * document).
 */
import { FieldTarget, matchLabel } from '../lines/fieldLabels';
import { foldChars, squeeze } from '../../text/normalize';
import { TemplateColumnKey } from '../../export/templateColumns';

// The template's columns are the export's too (the plan workbook is re-importable).
export { TEMPLATE_COLUMNS } from '../../export/templateColumns';

export type ColumnKey = TemplateColumnKey | 'osTitle' | 'ooTitle' | 'osCode' | 'ooCode' | 'subActionTitle' | FieldTarget;

/** Rows whose title starts with this are the template's examples: skipped on import. */
export const EXAMPLE_PREFIX = 'Exemple';

function columnOfHeader(header: string): ColumnKey | null {
  const folded = foldChars(squeeze(header)).replace(/[*:]+$/, '').trim();
  if (folded === '') return null;
  if (/^(?:niveau|type|type d'element|element|niveau hierarchique|categorie)$/.test(folded)) return 'level';
  if (/^(?:code|n°|no|numero|num|ref|reference|code de l'element)$/.test(folded)) return 'code';
  if (/^(?:intitule|titre|libelle|nom|intitule de l'element|denomination)$/.test(folded)) return 'title';
  if (/^parent\b|^rattach|^element parent|^niveau superieur/.test(folded)) return 'parent';
  if (/^volet\b/.test(folded)) return 'volet';
  if (/^(?:section|axe|section \/ axe|axe \/ section|theme|thematique|domaine)\b/.test(folded)) return 'section';
  // "N° OS", "Code OO": the objective's code in a column of its own.
  if (/^(?:n°|no|num|numero|code|ref)\.?\s*(?:de l'|du |de |d')?(?:os|objectif strategique)$/.test(folded)) return 'osCode';
  if (/^(?:n°|no|num|numero|code|ref)\.?\s*(?:de l'|du |de |d')?(?:oo|objectif operationnel)$/.test(folded)) return 'ooCode';
  if (/^(?:objectifs? strategiques?|os|intitule (?:de l'|des? )?(?:os|objectifs? strategiques?))$/.test(folded)) return 'osTitle';
  if (/^(?:objectifs? operationnels?|oo|intitule (?:de l'|des? )?(?:oo|objectifs? operationnels?))$/.test(folded)) return 'ooTitle';
  if (/^(?:actions?|projets?|intitule de l'action|intitule du projet|libelle de l'action|actions? a mener|action \/ projet|projet \/ action)$/.test(folded)) return 'title';
  if (/^(?:sous[- ]actions?|etapes? \/ sous[- ]actions?)$/.test(folded)) return 'subActionTitle';
  // The template's own "Labels / plans" (a "/" is not a label's separator).
  if (/^(?:labels?|plans?)(?:\s*\/\s*(?:labels?|plans?))?$/.test(folded)) return 'labels';
  const label = matchLabel(header.replace(/\s*\([^)]*\)\s*$/, ''), null, { allowUpperCaseWithoutColon: true }) || matchLabel(header, null, { allowUpperCaseWithoutColon: true });
  if (label && label.rest === '' && label.target !== 'title' && label.target !== 'code') return label.target;
  return null;
}

interface HeaderMap {
  readonly rowIndex: number;
  readonly columns: Map<ColumnKey, number>;
  readonly unknown: string[];
}

export function findHeader(rows: readonly string[][]): HeaderMap | null {
  let best: HeaderMap | null = null;
  for (let r = 0; r < Math.min(rows.length, 15); r++) {
    const columns = new Map<ColumnKey, number>();
    const unknown: string[] = [];
    rows[r].forEach((cell, c) => {
      if (squeeze(cell) === '') return;
      const key = columnOfHeader(cell);
      // "OS" then "Objectif stratégique": the first of two columns of one objective is its code.
      if ((key === 'osTitle' || key === 'ooTitle') && columns.has(key)) {
        const code: ColumnKey = key === 'osTitle' ? 'osCode' : 'ooCode';
        if (!columns.has(code)) {
          columns.set(code, columns.get(key) as number);
          columns.set(key, c);
          return;
        }
      }
      // A merged header covers several columns: its copies are not new columns.
      if (key && columns.has(key) && squeeze(rows[r][c - 1] || '') === squeeze(cell)) return;
      if (key && !columns.has(key)) columns.set(key, c);
      else if (!key) unknown.push(squeeze(cell));
    });
    const usable = (columns.has('title') && (columns.has('level') || columns.has('code') || columns.has('ooTitle'))) || (columns.has('osTitle') && columns.has('ooTitle'));
    if (usable && (!best || columns.size > best.columns.size)) best = { rowIndex: r, columns, unknown };
  }
  return best;
}
