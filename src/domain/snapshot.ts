/**
 * What every view starts from: the plans of the site and their items, as the data layer
 * reads them (one batched round trip, and the next pages of a list past 5,000 items). A type of the domain, so that the rules that compare or
 * roll up plans need not know where it comes from.
 */
import type { Action, Indicator, OperationalObjective, Person, Plan, Section, StrategicObjective } from './model';

/** Who is looking, read in the same round trip as the plan. */
export interface PstViewer {
  readonly user: Person;
  /** May edit every action (coordination), not only those they lead. */
  readonly canEditAllActions: boolean;
}

/**
 * The structure and the action sheets of the PST: what every view starts from. Only what the
 * views show travels (the schema's `summary` fields): the long texts of the sheets, the OS/OO
 * descriptions, the indicators (empty here) and the people the views do not show are left to
 * the panel; team members carry their id only (enough to match the viewer).
 */
export interface PstSnapshot {
  readonly viewer?: PstViewer;
  readonly plans: Plan[];
  readonly sections: Section[];
  readonly strategicObjectives: StrategicObjective[];
  readonly operationalObjectives: OperationalObjective[];
  readonly actions: Action[];
  readonly indicators: Indicator[];
}

/**
 * The snapshot after a save of one action (a check-in, a sheet edit, a new lead): the
 * action as written takes the place of the one loaded, nothing else is read again.
 */
export function withSavedAction(snapshot: PstSnapshot, action: Action): PstSnapshot {
  const index = snapshot.actions.findIndex((a) => a.id === action.id);
  const actions = index < 0 ? [...snapshot.actions, action] : snapshot.actions.map((a, i) => (i === index ? action : a));
  return { ...snapshot, actions };
}
