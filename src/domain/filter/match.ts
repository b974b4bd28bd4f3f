/**
 * Matching: which actions a filter keeps, and where. The criteria themselves are the rows of
 * criteria.ts; this file applies them to the places of an action and to the tree of actions.
 *
 * Placement. An action under several OO (transversal) is tested under each of them; it keeps
 * only the OO where it matches (filtering on "Volet interne" shows it under its internal OO,
 * not under its external one; a search that matches only the title of one of its OO keeps it
 * under that OO). When the action itself matches (its own title, its status…) it stays under
 * all its OO. Sub-actions share the OO of their top-level action.
 *
 * Sub-actions. A sub-action is kept when it, one of its parents or one of its own sub-actions
 * matches; a parent is kept when one of its sub-actions matches (its progress is then rolled up
 * from the sub-actions that are kept).
 */
import type { Action, OperationalObjective, Section, StrategicObjective } from '../model';
import type { FilterRunOptions, MatchScope, PstFilter } from './criteria';
import { CRITERIA, isEmptyFilter, placementSearchText } from './criteria';
import type { FilterableData, Placement, PlanLookups } from './placement';
import { mapById, placementsOf } from './placement';

/** What `actionMatches` needs: the filter, who and when, and lookups to the action's OO and OS. */
export interface ActionMatchContext extends FilterRunOptions, PlanLookups {
  filter: PstFilter;
}

/** A filter ready to test: the tests of its criteria that are set. */
interface CompiledFilter {
  empty: boolean;
  /** On the action's own fields: tested once per action. */
  ofAction: ((action: Action, scope: MatchScope) => boolean)[];
  /** On its OO and OS: tested at each of its places. */
  ofPlacement: ((action: Action, placement: Placement, scope: MatchScope) => boolean)[];
}

const compiledFilters = new WeakMap<PstFilter, CompiledFilter>();

function compile(filter: PstFilter): CompiledFilter {
  const known = compiledFilters.get(filter);
  if (known) return known;
  const compiled: CompiledFilter = { empty: true, ofAction: [], ofPlacement: [] };
  for (const criterion of CRITERIA) {
    const value = filter[criterion.key];
    if (!criterion.isSet(value)) continue;
    compiled.empty = false;
    const prepared = criterion.compile(value);
    if (criterion.matchesAction) compiled.ofAction.push((action, scope) => criterion.matchesAction!(prepared, action, scope));
    if (criterion.matchesPlacement) {
      compiled.ofPlacement.push((action, placement, scope) => criterion.matchesPlacement!(prepared, action, placement, scope));
    }
  }
  compiledFilters.set(filter, compiled);
  return compiled;
}

/** The OO ids (null: no OO) under which the action matches by itself; empty when it does not. */
function matchingPlacements(action: Action, ctx: ActionMatchContext, places: (action: Action) => Placement[] = (a) => placementsOf(a, ctx)): (number | null)[] {
  const compiled = compile(ctx.filter);
  if (compiled.empty) return places(action).map((p) => p.operationalObjectiveId);
  if (!compiled.ofAction.every((test) => test(action, ctx))) return [];
  return places(action)
    .filter((placement) => compiled.ofPlacement.every((test) => test(action, placement, ctx)))
    .map((p) => p.operationalObjectiveId);
}

/** The lookups of one data object, made once (the lists are immutable snapshots). */
interface DataLookups extends PlanLookups {
  readonly operationalObjectives: Map<number, OperationalObjective>;
  readonly strategicObjectives: Map<number, StrategicObjective>;
  readonly sections: Map<number, Section>;
  readonly actions: Map<number, Action>;
  /** Each action's places, found once per action (a search tests them at every key typed). */
  readonly places: WeakMap<Action, Placement[]>;
}

const dataLookups = new WeakMap<FilterableData, DataLookups>();

function lookupsOf(data: FilterableData): DataLookups {
  let lookups = dataLookups.get(data);
  if (!lookups) {
    lookups = {
      operationalObjectives: mapById(data.operationalObjectives),
      strategicObjectives: mapById(data.strategicObjectives),
      sections: mapById(data.sections),
      actions: mapById(data.actions),
      places: new WeakMap(),
    };
    dataLookups.set(data, lookups);
  }
  return lookups;
}

function placesOf(action: Action, lookups: DataLookups): Placement[] {
  let places = lookups.places.get(action);
  if (!places) {
    places = placementsOf(action, lookups);
    lookups.places.set(action, places);
  }
  return places;
}

/**
 * The action matches the filter by itself (under at least one of its OO), not counting its
 * parent or sub-actions (filterPlanData adds those). Without the lookups of `ctx`, criteria on
 * the OS/OO (volet, search in their titles) see no OS/OO.
 */
export function actionMatches(action: Action, ctx: ActionMatchContext): boolean {
  return matchingPlacements(action, ctx).length > 0;
}

/**
 * Makes, ahead of the first search, what every search of `data` reads: the lookups, each
 * action's places and their normalised texts (the page calls it when idle after showing
 * the plan, so the first key typed does not pay for it). Searching works without it.
 */
export function prepareSearch(data: FilterableData): void {
  const lookups = lookupsOf(data);
  for (const action of data.actions) for (const place of placesOf(action, lookups)) placementSearchText(action, place);
}

/** A match context with the lookups built from the lists. */
export function createMatchContext(data: FilterableData, filter: PstFilter, options: FilterRunOptions): ActionMatchContext {
  const { operationalObjectives, strategicObjectives, sections, actions } = lookupsOf(data);
  return { ...options, filter, operationalObjectives, strategicObjectives, sections, actions };
}

const NO_OO = 'none';
const placementKey = (id: number | null): string => (id === null ? NO_OO : String(id));

/**
 * The same lists keeping only the matching actions (see the module comment for sub-actions and
 * transversal actions) and the OO, OS and sections that still hold one. An empty filter returns
 * `input` itself (same reference), empty OO included. Other fields of `input` (plan, plans,
 * indicators…) are passed through untouched.
 */
export function filterPlanData<T extends FilterableData>(input: T, filter: PstFilter | null | undefined, options: FilterRunOptions): T {
  if (!filter || isEmptyFilter(filter)) return input;
  const lookups = lookupsOf(input);
  const ctx = createMatchContext(input, filter, options);
  const actionsById = lookups.actions;

  const childrenOf = new Map<number, Action[]>();
  for (const action of input.actions) {
    if (action.parentActionId == null || !actionsById.has(action.parentActionId)) continue;
    const list = childrenOf.get(action.parentActionId);
    if (list) list.push(action);
    else childrenOf.set(action.parentActionId, [action]);
  }

  const own = new Map<number, Set<string>>();
  const places = (action: Action): Placement[] => placesOf(action, lookups);
  for (const action of input.actions) own.set(action.id, new Set(matchingPlacements(action, ctx, places).map(placementKey)));

  // Placements where the action or one of its descendants matches (cycles cut).
  const subtree = new Map<number, Set<string>>();
  const subtreeOf = (action: Action, path: Set<number>): Set<string> => {
    const known = subtree.get(action.id);
    if (known) return known;
    const children = childrenOf.get(action.id);
    // most actions have no sub-action: their own matches are the subtree's
    if (!children) return own.get(action.id) as Set<string>;
    const result = new Set(own.get(action.id));
    const inner = new Set(path).add(action.id);
    for (const child of children) {
      if (inner.has(child.id)) continue;
      subtreeOf(child, inner).forEach((key) => result.add(key));
    }
    subtree.set(action.id, result);
    return result;
  };

  const ancestorMatches = (action: Action): boolean => {
    const seen = new Set<number>([action.id]);
    let parentId = action.parentActionId;
    while (parentId != null && !seen.has(parentId)) {
      const parent = actionsById.get(parentId);
      if (!parent) return false;
      if ((own.get(parent.id) as Set<string>).size > 0) return true;
      seen.add(parentId);
      parentId = parent.parentActionId;
    }
    return false;
  };

  const actions: Action[] = [];
  for (const action of input.actions) {
    const isSub = action.parentActionId != null && actionsById.has(action.parentActionId);
    const matched = subtreeOf(action, new Set());
    if (isSub) {
      if (matched.size > 0 || ancestorMatches(action)) actions.push(action);
      continue;
    }
    if (matched.size === 0) continue;
    const ids = action.operationalObjectiveIds || [];
    const keptIds = ids.filter((id) => matched.has(placementKey(id)));
    actions.push(keptIds.length === ids.length ? action : { ...action, operationalObjectiveIds: keptIds });
  }

  const keptOo = new Set<number>();
  for (const action of actions) {
    if (action.parentActionId != null && actionsById.has(action.parentActionId)) continue;
    for (const id of action.operationalObjectiveIds || []) keptOo.add(id);
  }
  const operationalObjectives = input.operationalObjectives.filter((o) => keptOo.has(o.id));
  const keptOs = new Set(operationalObjectives.map((o) => o.strategicObjectiveId));
  const strategicObjectives = input.strategicObjectives.filter((o) => keptOs.has(o.id));

  const sectionsById = lookups.sections;
  const keptSections = new Set<number>();
  for (const objective of strategicObjectives) {
    let id = objective.sectionId;
    while (id != null && !keptSections.has(id) && sectionsById.has(id)) {
      keptSections.add(id);
      id = (sectionsById.get(id) as Section).parentSectionId;
    }
  }

  const result: FilterableData = {
    ...input,
    strategicObjectives,
    operationalObjectives,
    actions,
  };
  if (input.sections) result.sections = input.sections.filter((s) => keptSections.has(s.id));
  return result as T;
}
