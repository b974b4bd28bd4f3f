/** Small builders for domain tests: the lists as SharePoint would return them. */
import {
  Action,
  OperationalObjective,
  Period,
  Plan,
  Section,
  StrategicObjective,
  createAction,
  isParseError,
  parsePeriod,
} from '../../src/domain';

export const PLAN: Plan = { id: 1, title: 'PST test', organisation: 'CPAS de Test', startYear: 2019, endYear: 2024 };

/** A period that must be readable (the test is wrong otherwise). */
export function period(text: string): Period {
  const result = parsePeriod(text);
  if (result === null || isParseError(result)) throw new Error(`test fixture: unreadable period ${text}`);
  return result;
}

export function section(id: number, fields: Partial<Section> = {}): Section {
  return { id, code: null, title: `Section ${id}`, volet: null, parentSectionId: null, order: 0, ...fields };
}

export function os(id: number, fields: Partial<StrategicObjective> = {}): StrategicObjective {
  return { id, code: null, title: `OS ${id}`, volet: null, sectionId: null, order: 0, ...fields };
}

export function oo(id: number, strategicObjectiveId: number, fields: Partial<OperationalObjective> = {}): OperationalObjective {
  return { id, code: null, title: `OO ${id}`, strategicObjectiveId, order: 0, ...fields };
}

export function action(id: number, operationalObjectiveIds: number[], fields: Partial<Action> = {}): Action {
  return createAction({ id, title: `Action ${id}`, operationalObjectiveIds, ...fields });
}

export function subAction(id: number, parentActionId: number, fields: Partial<Action> = {}): Action {
  return createAction({ id, title: `Sous-action ${id}`, operationalObjectiveIds: [], parentActionId, ...fields });
}
