/**
 * The plan's change log: one entry per structure command (who, when, what, before → after).
 * The sentence is written once, in French (the language of the CPAS's records), when the
 * change is made; the values before and after are kept as they were.
 */
import type { Person } from './model';
import type { PlanState } from './vocabularies';
import type { StructureFields, StructureItem, StructureKind, StructureRef } from './structure';

export type ChangeKind = 'create' | 'edit' | 'move' | 'reorder' | 'archive' | 'restore' | 'link' | 'unlink' | 'renumber' | 'planState' | 'newPlan';

export interface ChangeLogEntry {
  readonly id: number;
  /** ISO date-time of the change. */
  readonly at: string;
  readonly author: Person | null;
  readonly kind: ChangeKind | null;
  readonly item: StructureRef | null;
  /** « Renommé : OO 1.2 « Accueil » → « Accueil social » ». */
  readonly summary: string;
  readonly before: string | null;
  readonly after: string | null;
}

const KIND_FR: { readonly [K in StructureKind]: string } = {
  section: 'la section',
  strategicObjective: "l'OS",
  operationalObjective: "l'OO",
  action: "l'action",
};

export const PLAN_STATE_FR: { readonly [S in PlanState]: string } = {
  projet: 'projet',
  adopte: 'adopté',
  enVigueur: 'en vigueur',
  cloture: 'clôturé',
};

/** Titles in a log sentence: long ones shortened (the values before and after are kept whole). */
const MAX_TITLE_IN_SENTENCE = 80;

function short(title: string): string {
  return title.length > MAX_TITLE_IN_SENTENCE ? `${title.slice(0, MAX_TITLE_IN_SENTENCE - 1).trimEnd()}…` : title;
}

/** « l'OO 1.2 « Accueil » », « la sous-action « Horaires » ». */
export function itemLabelFr(item: Pick<StructureItem, 'kind' | 'code' | 'title' | 'parentId'>): string {
  const what = item.kind === 'action' && item.parentId != null ? 'la sous-action' : KIND_FR[item.kind];
  const code = item.code && item.code.trim() !== '' ? ` ${item.code.trim()}` : '';
  return `${what}${code} « ${short(item.title)} »`;
}

const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The sentence of a change of one item. `target` names where a move, link or unlink goes;
 * `count` is the number of codes a renumbering changed; `side` and `target` say where a
 * reorder put the item (next to a sibling), else `direction` (one place up or down).
 */
export function describeChange(
  kind: ChangeKind,
  item: Pick<StructureItem, 'kind' | 'code' | 'title' | 'parentId'>,
  changes: Partial<StructureFields> = {},
  extra: { target?: string; count?: number; direction?: 'up' | 'down'; side?: 'before' | 'after' } = {},
): string {
  const label = itemLabelFr(item);
  switch (kind) {
    case 'create':
      return `Ajout de ${label}`;
    case 'edit': {
      const parts: string[] = [];
      if (changes.title !== undefined) parts.push(`nouvel intitulé « ${short(changes.title.trim())} »`);
      if (changes.code !== undefined) parts.push(`code ${item.code || '(aucun)'} → ${changes.code || '(aucun)'}`);
      return `${cap(label)} : ${parts.join(' ; ') || 'aucun changement'}`;
    }
    case 'move':
      return `${cap(label)} déplacé${extra.target ? ` vers ${extra.target}` : ' au premier niveau'}`;
    case 'reorder':
      if (extra.side && extra.target) return `${cap(label)} placé ${extra.side === 'before' ? 'avant' : 'après'} ${extra.target}`;
      return `${cap(label)} ${extra.direction === 'down' ? 'descendu' : 'monté'} d'une place`;
    case 'archive':
      return `${cap(label)} archivé`;
    case 'restore':
      return `${cap(label)} restauré`;
    case 'link':
      return `${cap(label)} lié aussi à ${extra.target ?? "un autre OO"}`;
    case 'unlink':
      return `${cap(label)} n'est plus lié à ${extra.target ?? 'cet OO'}`;
    case 'renumber':
      return `Renumérotation sous ${label} : ${extra.count ?? 0} code(s) modifié(s)`;
    case 'planState':
    case 'newPlan':
      return label;
  }
}

/** « État du plan « PST 2025-2030 » : projet → en vigueur (adopté le 31/12/2024) ». */
export function describePlanState(title: string, before: PlanState | null, after: PlanState, adoptedOnFr: string | null): string {
  const from = before ? PLAN_STATE_FR[before] : '(aucun)';
  return `État du plan « ${title} » : ${from} → ${PLAN_STATE_FR[after]}${adoptedOnFr ? ` (adopté le ${adoptedOnFr})` : ''}`;
}

export function describeNewPlan(title: string, fromTitle: string): string {
  return `Nouveau plan « ${title} » commencé à partir de la structure de « ${fromTitle} »`;
}
