/**
 * Where an action sits in the plan: under the OO of its top-level action (a sub-action shares
 * them), hence under their OS, and the volets such an OS is shown under. The criteria on the
 * OO and OS (volet, search in their titles) are tested at each of these places.
 */
import type { Action, OperationalObjective, Section, StrategicObjective, Volet } from '../model';

/** The flat lists of a PST (PlanTreeInput, PlanData, PstSnapshot all fit). */
export interface FilterableData {
  sections?: readonly Section[];
  strategicObjectives: readonly StrategicObjective[];
  operationalObjectives: readonly OperationalObjective[];
  actions: readonly Action[];
}

/** The same lists by id. Without them, an action is seen without its OO and OS. */
export interface PlanLookups {
  operationalObjectives?: ReadonlyMap<number, OperationalObjective>;
  strategicObjectives?: ReadonlyMap<number, StrategicObjective>;
  sections?: ReadonlyMap<number, Section>;
  /** To find the top-level action (and so the OO) of a sub-action. */
  actions?: ReadonlyMap<number, Action>;
}

export function mapById<T extends { id: number }>(items: readonly T[] | undefined): Map<number, T> {
  const map = new Map<number, T>();
  for (const item of items || []) map.set(item.id, item);
  return map;
}

/** One place of an action: one of its OO, and that OO's OS. */
export interface Placement {
  /** The OO id as the action gives it (the OO may be unknown); null when the action has none. */
  operationalObjectiveId: number | null;
  operationalObjective: OperationalObjective | null;
  strategicObjective: StrategicObjective | null;
}

function topLevelActionOf(action: Action, actions: ReadonlyMap<number, Action> | undefined): Action {
  let current = action;
  const seen = new Set<number>([action.id]);
  while (current.parentActionId != null && actions) {
    const parent = actions.get(current.parentActionId);
    if (!parent || seen.has(parent.id)) break;
    seen.add(parent.id);
    current = parent;
  }
  return current;
}

/** The places of an action, one per OO of its top-level action; one place without OO when it has none. */
export function placementsOf(action: Action, lookups: PlanLookups): Placement[] {
  const top = topLevelActionOf(action, lookups.actions);
  const ids: number[] = [];
  for (const id of top.operationalObjectiveIds || []) if (ids.indexOf(id) < 0) ids.push(id);
  if (ids.length === 0) return [{ operationalObjectiveId: null, operationalObjective: null, strategicObjective: null }];
  return ids.map((id) => {
    const oo = lookups.operationalObjectives ? lookups.operationalObjectives.get(id) ?? null : null;
    const os = oo && lookups.strategicObjectives ? lookups.strategicObjectives.get(oo.strategicObjectiveId) ?? null : null;
    return { operationalObjectiveId: id, operationalObjective: oo, strategicObjective: os };
  });
}

function sectionVolet(sectionId: number | null | undefined, sections: ReadonlyMap<number, Section> | undefined): Volet | null {
  const seen = new Set<number>();
  let id = sectionId;
  while (id != null && sections && !seen.has(id)) {
    seen.add(id);
    const section = sections.get(id);
    if (!section) return null;
    if (section.volet != null) return section.volet;
    id = section.parentSectionId;
  }
  return null;
}

/** The volets an OS is shown under or declares: its own and its section's. */
export function voletsOfObjective(os: StrategicObjective, sections: ReadonlyMap<number, Section> | undefined): Volet[] {
  const result: Volet[] = [];
  if (os.volet != null) result.push(os.volet);
  const fromSection = sectionVolet(os.sectionId, sections);
  if (fromSection != null && result.indexOf(fromSection) < 0) result.push(fromSection);
  return result;
}
