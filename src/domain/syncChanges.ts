/**
 * What an update of a plan from a document changes, item by item and field by field
 * (old → new), for the coordinator to read before anything is written. Built from the
 * plan comparison (planSync.ts) and the items stored now.
 */
import type { Action, OperationalObjective, Period, Person, Section, StrategicObjective } from './model';
import type { ItemUpdate, PlanSync } from './planSync';
import { formatNumber } from './parsing';
import type { MeansLine } from './means';
import { ActionMeansSync, meansLineText } from './meansSync';

export type SyncItemKind = 'plan' | 'section' | 'strategicObjective' | 'operationalObjective' | 'action';

export interface SyncChange {
  readonly kind: SyncItemKind;
  /** « 1.2 Accueil »: the item as stored (or as the document gives it, for an addition). */
  readonly item: string;
  /** The field (model name), null for an addition. */
  readonly field: string | null;
  readonly before: string;
  readonly after: string;
}

export interface StoredItems {
  readonly sections: readonly Section[];
  readonly strategicObjectives: readonly StrategicObjective[];
  readonly operationalObjectives: readonly OperationalObjective[];
  readonly actions: readonly Action[];
}

/** A value as the coordinator reads it: periods as written, people by name, lists joined. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (Array.isArray(value)) return value.length === 0 ? '–' : value.map(valueText).join(', ');
  if (typeof value === 'object') {
    const period = value as Partial<Period>;
    if (typeof period.text === 'string' && typeof period.start === 'string') return period.text;
    const person = value as Partial<Person>;
    if (typeof person.displayName === 'string') return person.displayName;
    return JSON.stringify(value);
  }
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') return formatNumber(value, { maxDecimals: 2 });
  return String(value);
}

const label = (item: { code?: string | null; title: string } | undefined, fallback: string): string => (item ? (item.code ? `${item.code} ${item.title}` : item.title) : fallback);

/** Fields that point to other items (incoming ids): shown as « déplacé », not as numbers. */
const REFERENCES = new Set(['strategicObjectiveId', 'operationalObjectiveIds', 'parentActionId', 'sectionId', 'parentSectionId', 'planId']);

function updates<T extends { id: number; code?: string | null; title: string }>(kind: SyncItemKind, stored: readonly T[], list: readonly ItemUpdate<T>[]): SyncChange[] {
  const byId = new Map(stored.map((s) => [s.id, s]));
  const changes: SyncChange[] = [];
  for (const update of list) {
    const before = byId.get(update.existingId);
    for (const field of Object.keys(update.changes)) {
      const after = (update.changes as Record<string, unknown>)[field];
      const old = before ? (before as unknown as Record<string, unknown>)[field] : undefined;
      changes.push({
        kind,
        item: label(before, `n° ${update.existingId}`),
        field,
        before: REFERENCES.has(field) ? 'emplacement actuel' : valueText(old),
        after: REFERENCES.has(field) ? 'emplacement du document' : valueText(after),
      });
    }
  }
  return changes;
}

function additions<T extends { code?: string | null; title: string }>(kind: SyncItemKind, list: readonly T[]): SyncChange[] {
  return list.map((item) => ({ kind, item: label(item, ''), field: null, before: '–', after: 'ajouté' }));
}

/** The field of a means change (not a column of the action: the lines of « PST – Moyens »). */
export const MEANS_LINES_FIELD = 'meansLines';

/** Per action, the previous import's lines the update replaces → the document's lines. */
function meansChanges(stored: readonly Action[], means: readonly ActionMeansSync[]): SyncChange[] {
  const byId = new Map(stored.map((a) => [a.id, a]));
  const text = (lines: readonly MeansLine[]): string => (lines.length === 0 ? '–' : lines.map(meansLineText).join('\n'));
  return means.map((m) => ({ kind: 'action' as const, item: label(byId.get(m.existingId), `n° ${m.existingId}`), field: MEANS_LINES_FIELD, before: text(m.removed), after: text(m.added) }));
}

/** Every change an update would make, parents first: the plan, sections, OS, OO, actions. */
export function syncChanges(stored: StoredItems, sync: PlanSync, planTitle = ''): SyncChange[] {
  const plan: SyncChange[] = Object.keys(sync.plan.changes).map((field) => ({
    kind: 'plan' as const,
    item: planTitle,
    field,
    before: '',
    after: valueText((sync.plan.changes as Record<string, unknown>)[field]),
  }));
  return [
    ...plan,
    ...additions('section', sync.sections.adds),
    ...updates('section', stored.sections, sync.sections.updates),
    ...additions('strategicObjective', sync.strategicObjectives.adds),
    ...updates('strategicObjective', stored.strategicObjectives, sync.strategicObjectives.updates),
    ...additions('operationalObjective', sync.operationalObjectives.adds),
    ...updates('operationalObjective', stored.operationalObjectives, sync.operationalObjectives.updates),
    ...additions('action', sync.actions.adds),
    ...updates('action', stored.actions, sync.actions.updates),
    ...meansChanges(stored.actions, sync.means ?? []),
  ];
}
