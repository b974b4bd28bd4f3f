/**
 * The columns of a PST spreadsheet: those of the import template (French headers, in
 * order) and the recognition of a sheet's header row, whatever words its headers use
 * ("Intitulé" or "Titre", "Objectif stratégique" or "OS", the field labels of a
 * document).
 */
import { FieldTarget, matchLabel } from '../lines/fieldLabels';
import { foldChars, squeeze } from '../../text/normalize';

export type ColumnKey = 'level' | 'code' | 'title' | 'parent' | 'volet' | 'section' | 'osTitle' | 'ooTitle' | 'subActionTitle' | FieldTarget;

interface TemplateColumn {
  readonly key: ColumnKey;
  readonly header: string;
  readonly width: number;
}

/** The template's columns, in order; headers are what people see and type. */
export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  { key: 'level', header: 'Niveau', width: 14 },
  { key: 'code', header: 'Code', width: 10 },
  { key: 'title', header: 'Intitulé', width: 50 },
  { key: 'parent', header: 'Parent (code ou intitulé)', width: 22 },
  { key: 'volet', header: 'Volet', width: 14 },
  { key: 'section', header: 'Section / axe', width: 24 },
  { key: 'description', header: 'Description', width: 40 },
  { key: 'start', header: 'Début', width: 12 },
  { key: 'end', header: 'Fin', width: 12 },
  { key: 'department', header: 'Service pilote', width: 20 },
  { key: 'projectLead', header: 'Chef de projet', width: 20 },
  { key: 'team', header: 'Équipe', width: 24 },
  { key: 'pilot', header: 'Pilote (CODIR)', width: 18 },
  { key: 'mandatary', header: 'Mandataire', width: 18 },
  { key: 'partners', header: 'Partenaires', width: 24 },
  { key: 'servicesInvolved', header: 'Services associés', width: 24 },
  { key: 'priority', header: 'Priorité', width: 12 },
  { key: 'status', header: 'État', width: 16 },
  { key: 'progress', header: 'Avancement (%)', width: 14 },
  { key: 'indicators', header: 'Indicateurs', width: 30 },
  { key: 'risks', header: 'Risques', width: 30 },
  { key: 'deliverables', header: 'Livrables', width: 24 },
  { key: 'resources', header: 'Ressources (ETP, budget)', width: 28 },
  { key: 'sdgs', header: 'ODD', width: 10 },
  { key: 'labels', header: 'Labels / plans', width: 18 },
  { key: 'policyObjective', header: 'Objectif politique', width: 28 },
  { key: 'synergies', header: 'Synergies commune/CPAS', width: 24 },
  { key: 'context', header: 'Contexte', width: 30 },
  { key: 'steps', header: 'Étapes', width: 30 },
  { key: 'comments', header: 'Commentaires', width: 30 },
];

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
  if (/^(?:objectif strategique|os|objectifs strategiques)$/.test(folded)) return 'osTitle';
  if (/^(?:objectif operationnel|oo|objectifs operationnels)$/.test(folded)) return 'ooTitle';
  if (/^(?:action|actions|projet|projets|intitule de l'action|action \/ projet|projet \/ action)$/.test(folded)) return 'title';
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
      if (key && !columns.has(key)) columns.set(key, c);
      else if (!key) unknown.push(squeeze(cell));
    });
    const usable = (columns.has('title') && (columns.has('level') || columns.has('code') || columns.has('ooTitle'))) || (columns.has('osTitle') && columns.has('ooTitle'));
    if (usable && (!best || columns.size > best.columns.size)) best = { rowIndex: r, columns, unknown };
  }
  return best;
}
