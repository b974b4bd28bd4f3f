/**
 * The one filter of the PST views: the tree, the project cards and the dashboard read the
 * same `PstFilter` and filter the data through `filterPlanData` BEFORE building the tree and
 * rolling it up, so that every figure on the page counts the same actions.
 *
 * Rules
 * - Every criterion that is set must hold (AND); inside a criterion, any value will do (OR).
 *   An empty list, a blank search or `mine: false` is no criterion.
 * - `search`: every word of the search (accent-, case- and apostrophe-insensitive, see
 *   `normalizeText`) must appear in the title or code of the action, of its OO or of its OS.
 *   Codes are also compared without their spaces ("os100" finds "OS 100").
 * - `volets`: the volet of the action's OS, or the volet of that OS's section (the one the tree
 *   shows it under).
 * - `departments`, `labels`: equal after `normalizeText`. `leads`: the lead's e-mail when known
 *   (case-insensitive), else the display name (see `leadKey`).
 * - `statuses`: `'unknown'` selects actions without a status.
 * - `lateness` at `today`, read as the flags of `classifyLateness`: an action that is overdue and
 *   without a recent check-in matches both `'overdue'` and `'stale'`; `'unscheduled'` covers the
 *   actions without planned end that are neither done nor cancelled; `'onTrack'` is the state.
 * - `mine`: the project lead or a team member is `me`, compared by e-mail when both have one,
 *   else by user id when both have one, else by display name. Without `me`, nothing is mine.
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
import type {
  Action,
  ActionStatus,
  Health,
  IsoDate,
  OperationalObjective,
  Person,
  Priority,
  Section,
  StrategicObjective,
  Volet,
} from '../model';
import { ACTION_STATUSES, HEALTHS, PRIORITIES, SDG_NUMBERS, VOLETS, isActionStatus, isHealth, isPriority, isVolet, normalizeText } from '../vocabularies';
import type { LatenessState, LatenessThresholds } from '../lateness';
import { classifyLateness } from '../lateness';

export type StatusFilterValue = ActionStatus | 'unknown';

export interface PstFilter {
  /** In titles and codes of actions AND of their OS/OO, accent/case-insensitive. */
  search?: string;
  /** Of the action's OS (or of its section). */
  volets?: Volet[];
  /** Action.department (service pilote), exact after normalisation. */
  departments?: string[];
  /** Lead e-mail when known, else display name (see leadKey). */
  leads?: string[];
  statuses?: StatusFilterValue[];
  healths?: Health[];
  priorities?: Priority[];
  /** Action.labels. */
  labels?: string[];
  /** ODD 1..17. */
  sdgs?: number[];
  /** At `today`, e.g. ['overdue']. */
  lateness?: LatenessState[];
  /** Lead or team member is `me`. */
  mine?: boolean;
}

export const LATENESS_STATES: readonly LatenessState[] = ['overdue', 'dueSoon', 'stale', 'onTrack', 'unscheduled', 'done', 'cancelled'];

export interface FilterRunOptions {
  /** The signed-in user, for `mine`. */
  me?: Person | null;
  /** The day lateness is evaluated at. */
  today: IsoDate;
  thresholds?: Partial<LatenessThresholds>;
}

/** What `actionMatches` needs: the filter, who and when, and lookups to the action's OO and OS. */
export interface ActionMatchContext extends FilterRunOptions {
  filter: PstFilter;
  operationalObjectives?: ReadonlyMap<number, OperationalObjective>;
  strategicObjectives?: ReadonlyMap<number, StrategicObjective>;
  sections?: ReadonlyMap<number, Section>;
  /** To find the top-level action (and so the OO) of a sub-action. */
  actions?: ReadonlyMap<number, Action>;
}

/** The flat lists of a PST (PlanTreeInput, PlanData, PstSnapshot all fit). */
export interface FilterableData {
  sections?: readonly Section[];
  strategicObjectives: readonly StrategicObjective[];
  operationalObjectives: readonly OperationalObjective[];
  actions: readonly Action[];
}

// ---------------------------------------------------------------- the filter itself

function hasValues(values: readonly unknown[] | undefined): boolean {
  return values != null && values.length > 0;
}

function isBlank(text: string | undefined): boolean {
  return text == null || normalizeText(text) === '';
}

/** No criterion at all: every action is kept. */
export function isEmptyFilter(filter: PstFilter | null | undefined): boolean {
  return activeCriteriaCount(filter) === 0;
}

/** How many criteria are set (a search counts as one), e.g. for a "3 filtres" badge. */
export function activeCriteriaCount(filter: PstFilter | null | undefined): number {
  if (!filter) return 0;
  let count = isBlank(filter.search) ? 0 : 1;
  for (const values of [
    filter.volets,
    filter.departments,
    filter.leads,
    filter.statuses,
    filter.healths,
    filter.priorities,
    filter.labels,
    filter.sdgs,
    filter.lateness,
  ]) {
    if (hasValues(values)) count += 1;
  }
  if (filter.mine) count += 1;
  return count;
}

/** The same filter without its empty criteria (what `filterFromQuery(filterToQuery(f))` returns). */
export function normalizeFilter(filter: PstFilter | null | undefined): PstFilter {
  const result: PstFilter = {};
  if (!filter) return result;
  if (!isBlank(filter.search)) result.search = filter.search;
  if (hasValues(filter.volets)) result.volets = filter.volets!.slice();
  if (hasValues(filter.departments)) result.departments = filter.departments!.slice();
  if (hasValues(filter.leads)) result.leads = filter.leads!.slice();
  if (hasValues(filter.statuses)) result.statuses = filter.statuses!.slice();
  if (hasValues(filter.healths)) result.healths = filter.healths!.slice();
  if (hasValues(filter.priorities)) result.priorities = filter.priorities!.slice();
  if (hasValues(filter.labels)) result.labels = filter.labels!.slice();
  if (hasValues(filter.sdgs)) result.sdgs = filter.sdgs!.slice();
  if (hasValues(filter.lateness)) result.lateness = filter.lateness!.slice();
  if (filter.mine) result.mine = true;
  return result;
}

/** The words of a search, normalised; empty when the search is blank. */
export function searchTerms(search: string | null | undefined): string[] {
  if (search == null) return [];
  const normalized = normalizeText(search);
  return normalized === '' ? [] : normalized.split(' ');
}

/** The key a lead is filtered by: the e-mail (lower case) when known, else the display name. */
export function leadKey(person: Person | null | undefined): string | null {
  if (!person) return null;
  const email = person.email ? person.email.trim().toLowerCase() : '';
  if (email !== '') return email;
  const name = (person.displayName || '').trim();
  return name === '' ? null : name;
}

/** Same person: by e-mail when both have one, else by id when both have one, else by display name. */
export function isSamePerson(a: Person | null | undefined, b: Person | null | undefined): boolean {
  if (!a || !b) return false;
  const emailA = a.email ? a.email.trim().toLowerCase() : '';
  const emailB = b.email ? b.email.trim().toLowerCase() : '';
  if (emailA !== '' && emailB !== '') return emailA === emailB;
  if (a.id != null && b.id != null) return a.id === b.id;
  const nameA = normalizeText(a.displayName || '');
  return nameA !== '' && nameA === normalizeText(b.displayName || '');
}

/** The lead or a team member of the action is `me`. */
export function isMine(action: Pick<Action, 'projectLead' | 'team'>, me: Person | null | undefined): boolean {
  if (!me) return false;
  if (isSamePerson(action.projectLead, me)) return true;
  return (action.team || []).some((member) => isSamePerson(member, me));
}

interface CompiledFilter {
  empty: boolean;
  terms: string[];
  volets: Set<Volet> | null;
  departments: Set<string> | null;
  leads: Set<string> | null;
  statuses: Set<StatusFilterValue> | null;
  healths: Set<Health> | null;
  priorities: Set<Priority> | null;
  labels: Set<string> | null;
  sdgs: Set<number> | null;
  lateness: Set<LatenessState> | null;
  mine: boolean;
}

const compiledFilters = new WeakMap<PstFilter, CompiledFilter>();

function setOf<T, U = T>(values: readonly T[] | undefined, map?: (value: T) => U): Set<U> | null {
  if (!hasValues(values)) return null;
  return new Set((values as T[]).map((v) => (map ? map(v) : (v as unknown as U))));
}

function normalizedLeadKey(value: string): string {
  return value.indexOf('@') >= 0 ? value.trim().toLowerCase() : normalizeText(value);
}

function compile(filter: PstFilter): CompiledFilter {
  const known = compiledFilters.get(filter);
  if (known) return known;
  const compiled: CompiledFilter = {
    empty: isEmptyFilter(filter),
    terms: searchTerms(filter.search),
    volets: setOf(filter.volets),
    departments: setOf(filter.departments, normalizeText),
    leads: setOf(filter.leads, normalizedLeadKey),
    statuses: setOf(filter.statuses),
    healths: setOf(filter.healths),
    priorities: setOf(filter.priorities),
    labels: setOf(filter.labels, normalizeText),
    sdgs: setOf(filter.sdgs),
    lateness: setOf(filter.lateness),
    mine: filter.mine === true,
  };
  compiledFilters.set(filter, compiled);
  return compiled;
}

// Normalised "title + code" texts, cached per object (the lists are immutable snapshots).
const searchTexts = new WeakMap<object, string>();

function searchTextOf(item: { code: string | null; title: string }): string {
  const known = searchTexts.get(item);
  if (known !== undefined) return known;
  const code = item.code ? normalizeText(item.code) : '';
  const text = [normalizeText(item.title || ''), code, code.replace(/ /g, '')].join('\n');
  searchTexts.set(item, text);
  return text;
}

function latenessMatches(action: Action, states: Set<LatenessState>, options: FilterRunOptions): boolean {
  const lateness = classifyLateness(action, options.today, options.thresholds);
  if (states.has(lateness.state)) return true;
  const flags = lateness.flags;
  if (states.has('overdue') && flags.overdue) return true;
  if (states.has('dueSoon') && flags.dueSoon) return true;
  if (states.has('stale') && flags.stale) return true;
  if (states.has('unscheduled') && flags.unscheduled && !flags.done && !flags.cancelled) return true;
  return false;
}

/** The criteria that do not depend on where the action sits. */
function ownCriteriaMatch(action: Action, compiled: CompiledFilter, options: FilterRunOptions): boolean {
  if (compiled.statuses && !compiled.statuses.has(action.status ?? 'unknown')) return false;
  if (compiled.healths && (action.health == null || !compiled.healths.has(action.health))) return false;
  if (compiled.priorities && (action.priority == null || !compiled.priorities.has(action.priority))) return false;
  if (compiled.departments && (action.department == null || !compiled.departments.has(normalizeText(action.department)))) {
    return false;
  }
  if (compiled.leads) {
    const key = leadKey(action.projectLead);
    if (key === null || !compiled.leads.has(normalizedLeadKey(key))) return false;
  }
  if (compiled.labels && !(action.labels || []).some((label) => compiled.labels!.has(normalizeText(label)))) return false;
  if (compiled.sdgs && !(action.sdgs || []).some((sdg) => compiled.sdgs!.has(sdg))) return false;
  if (compiled.mine && !isMine(action, options.me)) return false;
  if (compiled.lateness && !latenessMatches(action, compiled.lateness, options)) return false;
  return true;
}

interface Placement {
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

function placementsOf(action: Action, ctx: ActionMatchContext): Placement[] {
  const top = topLevelActionOf(action, ctx.actions);
  const ids: number[] = [];
  for (const id of top.operationalObjectiveIds || []) if (ids.indexOf(id) < 0) ids.push(id);
  if (ids.length === 0) return [{ operationalObjectiveId: null, operationalObjective: null, strategicObjective: null }];
  return ids.map((id) => {
    const oo = ctx.operationalObjectives ? ctx.operationalObjectives.get(id) ?? null : null;
    const os = oo && ctx.strategicObjectives ? ctx.strategicObjectives.get(oo.strategicObjectiveId) ?? null : null;
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
function voletsOfObjective(os: StrategicObjective, sections: ReadonlyMap<number, Section> | undefined): Volet[] {
  const result: Volet[] = [];
  if (os.volet != null) result.push(os.volet);
  const fromSection = sectionVolet(os.sectionId, sections);
  if (fromSection != null && result.indexOf(fromSection) < 0) result.push(fromSection);
  return result;
}

function placementMatches(action: Action, placement: Placement, compiled: CompiledFilter, ctx: ActionMatchContext): boolean {
  if (compiled.volets) {
    const os = placement.strategicObjective;
    if (!os || !voletsOfObjective(os, ctx.sections).some((v) => compiled.volets!.has(v))) return false;
  }
  if (compiled.terms.length > 0) {
    const texts = [searchTextOf(action)];
    if (placement.operationalObjective) texts.push(searchTextOf(placement.operationalObjective));
    if (placement.strategicObjective) texts.push(searchTextOf(placement.strategicObjective));
    const haystack = texts.join('\n');
    if (!compiled.terms.every((term) => haystack.indexOf(term) >= 0)) return false;
  }
  return true;
}

/** The OO ids (null: no OO) under which the action matches by itself; empty when it does not. */
function matchingPlacements(action: Action, ctx: ActionMatchContext): (number | null)[] {
  const compiled = compile(ctx.filter);
  if (compiled.empty) return placementsOf(action, ctx).map((p) => p.operationalObjectiveId);
  if (!ownCriteriaMatch(action, compiled, ctx)) return [];
  return placementsOf(action, ctx)
    .filter((placement) => placementMatches(action, placement, compiled, ctx))
    .map((p) => p.operationalObjectiveId);
}

/**
 * The action matches the filter by itself (under at least one of its OO), not counting its
 * parent or sub-actions (filterPlanData adds those). Without the lookups of `ctx`, criteria on
 * the OS/OO (volet, search in their titles) see no OS/OO.
 */
export function actionMatches(action: Action, ctx: ActionMatchContext): boolean {
  return matchingPlacements(action, ctx).length > 0;
}

function mapById<T extends { id: number }>(items: readonly T[] | undefined): Map<number, T> {
  const map = new Map<number, T>();
  for (const item of items || []) map.set(item.id, item);
  return map;
}

/** A match context with the lookups built from the lists. */
export function createMatchContext(data: FilterableData, filter: PstFilter, options: FilterRunOptions): ActionMatchContext {
  return {
    ...options,
    filter,
    operationalObjectives: mapById(data.operationalObjectives),
    strategicObjectives: mapById(data.strategicObjectives),
    sections: mapById(data.sections),
    actions: mapById(data.actions),
  };
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
  const ctx = createMatchContext(input, filter, options);
  const actionsById = ctx.actions as Map<number, Action>;

  const childrenOf = new Map<number, Action[]>();
  for (const action of input.actions) {
    if (action.parentActionId == null || !actionsById.has(action.parentActionId)) continue;
    const list = childrenOf.get(action.parentActionId);
    if (list) list.push(action);
    else childrenOf.set(action.parentActionId, [action]);
  }

  const own = new Map<number, Set<string>>();
  for (const action of input.actions) own.set(action.id, new Set(matchingPlacements(action, ctx).map(placementKey)));

  // Placements where the action or one of its descendants matches (cycles cut).
  const subtree = new Map<number, Set<string>>();
  const subtreeOf = (action: Action, path: Set<number>): Set<string> => {
    const known = subtree.get(action.id);
    if (known) return known;
    const result = new Set(own.get(action.id));
    const inner = new Set(path).add(action.id);
    for (const child of childrenOf.get(action.id) || []) {
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

  const sectionsById = ctx.sections as Map<number, Section>;
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

// ---------------------------------------------------------------- the values to offer

export interface FilterChoice {
  /** The value to put in the filter. */
  key: string;
  /** What to show. */
  text: string;
  /** Actions (sub-actions included) that carry it. */
  count: number;
}

export interface PstFilterOptions {
  volets: Volet[];
  departments: FilterChoice[];
  leads: FilterChoice[];
  statuses: StatusFilterValue[];
  healths: Health[];
  priorities: Priority[];
  labels: FilterChoice[];
  sdgs: number[];
}

function compareTexts(a: string, b: string): number {
  return a.localeCompare(b, 'fr', { sensitivity: 'base', numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);
}

class ChoiceCollector {
  private readonly byKey = new Map<string, FilterChoice>();

  add(identity: string, key: string, text: string): void {
    const known = this.byKey.get(identity);
    if (known) known.count += 1;
    else this.byKey.set(identity, { key, text, count: 1 });
  }

  list(): FilterChoice[] {
    return Array.from(this.byKey.values()).sort((a, b) => compareTexts(a.text, b.text) || compareTexts(a.key, b.key));
  }
}

/** The distinct values present in the data, in display order, to fill the filter controls. */
export function filterOptions(data: FilterableData): PstFilterOptions {
  const sections = mapById(data.sections);
  const volets = new Set<Volet>();
  for (const objective of data.strategicObjectives) voletsOfObjective(objective, sections).forEach((v) => volets.add(v));

  const departments = new ChoiceCollector();
  const leads = new ChoiceCollector();
  const labels = new ChoiceCollector();
  const statuses = new Set<StatusFilterValue>();
  const healths = new Set<Health>();
  const priorities = new Set<Priority>();
  const sdgs = new Set<number>();
  for (const action of data.actions) {
    if (action.department && action.department.trim() !== '') {
      const text = action.department.trim();
      departments.add(normalizeText(text), text, text);
    }
    const key = leadKey(action.projectLead);
    if (key !== null && action.projectLead) {
      leads.add(normalizedLeadKey(key), key, action.projectLead.displayName || key);
    }
    const seenLabels = new Set<string>();
    for (const label of action.labels || []) {
      const text = label.trim();
      const identity = normalizeText(text);
      if (identity === '' || seenLabels.has(identity)) continue;
      seenLabels.add(identity);
      labels.add(identity, text, text);
    }
    statuses.add(action.status ?? 'unknown');
    if (action.health) healths.add(action.health);
    if (action.priority) priorities.add(action.priority);
    for (const sdg of action.sdgs || []) sdgs.add(sdg);
  }
  const leadChoices = leads.list();
  // Two leads with the same name (one known by e-mail): show the e-mail to tell them apart.
  const names = new Map<string, number>();
  for (const choice of leadChoices) names.set(normalizeText(choice.text), (names.get(normalizeText(choice.text)) || 0) + 1);
  for (const choice of leadChoices) {
    if ((names.get(normalizeText(choice.text)) as number) > 1 && choice.key !== choice.text) choice.text = `${choice.text} (${choice.key})`;
  }
  return {
    volets: VOLETS.filter((v) => volets.has(v)),
    departments: departments.list(),
    leads: leadChoices,
    statuses: [...ACTION_STATUSES, 'unknown' as const].filter((s) => statuses.has(s)),
    healths: HEALTHS.filter((h) => healths.has(h)),
    priorities: PRIORITIES.filter((p) => priorities.has(p)),
    labels: labels.list(),
    sdgs: Array.from(sdgs).sort((a, b) => a - b),
  };
}

// ---------------------------------------------------------------- URL form

/** The query parameters of a filter, in the order `filterToQuery` writes them. */
export const FILTER_QUERY_PARAMS = {
  search: 'pst-q',
  volets: 'pst-volet',
  departments: 'pst-service',
  leads: 'pst-chef',
  statuses: 'pst-statut',
  healths: 'pst-sante',
  priorities: 'pst-priorite',
  labels: 'pst-label',
  sdgs: 'pst-odd',
  lateness: 'pst-echeance',
  mine: 'pst-mes',
} as const;

const UNKNOWN_STATUS_PARAM = 'INCONNU';

const LATENESS_PARAMS: { readonly [S in LatenessState]: string } = {
  overdue: 'retard',
  dueSoon: 'proche',
  stale: 'sans-suivi',
  onTrack: 'dans-les-temps',
  unscheduled: 'sans-echeance',
  done: 'termine',
  cancelled: 'annule',
};

function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%40/g, '@').replace(/%20/g, '+');
}

function decodeValue(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/**
 * The filter as a compact query string, without the leading `?`:
 * `pst-statut=EN_COURS,PROBLEME&pst-service=Service+social&pst-q=accueil&pst-mes=1`.
 * Values are separated by commas (a comma inside a value is encoded); empty criteria are left
 * out, so an empty filter gives ''. `filterFromQuery` reads it back exactly (normalizeFilter).
 */
export function filterToQuery(filter: PstFilter | null | undefined): string {
  const f = normalizeFilter(filter);
  const parts: string[] = [];
  const list = (name: string, values: readonly (string | number)[] | undefined): void => {
    if (values && values.length > 0) parts.push(`${name}=${values.map((v) => encodeValue(String(v))).join(',')}`);
  };
  if (f.search !== undefined) parts.push(`${FILTER_QUERY_PARAMS.search}=${encodeValue(f.search)}`);
  list(FILTER_QUERY_PARAMS.volets, f.volets);
  list(FILTER_QUERY_PARAMS.departments, f.departments);
  list(FILTER_QUERY_PARAMS.leads, f.leads);
  list(FILTER_QUERY_PARAMS.statuses, f.statuses && f.statuses.map((s) => (s === 'unknown' ? UNKNOWN_STATUS_PARAM : s)));
  list(FILTER_QUERY_PARAMS.healths, f.healths);
  list(FILTER_QUERY_PARAMS.priorities, f.priorities);
  list(FILTER_QUERY_PARAMS.labels, f.labels);
  list(FILTER_QUERY_PARAMS.sdgs, f.sdgs);
  list(FILTER_QUERY_PARAMS.lateness, f.lateness && f.lateness.map((s) => LATENESS_PARAMS[s]));
  if (f.mine) parts.push(`${FILTER_QUERY_PARAMS.mine}=1`);
  return parts.join('&');
}

function queryPart(query: string): string {
  let text = query;
  const question = text.indexOf('?');
  if (question >= 0) text = text.substring(question + 1);
  else if (text.charAt(0) === '#') text = text.substring(1);
  const hash = text.indexOf('#');
  return hash >= 0 ? text.substring(0, hash) : text;
}

/**
 * Reads the `pst-*` parameters of a query string (`?…`, `…`, or a whole URL); other parameters
 * and unknown values are ignored. A parameter given twice: the last one wins.
 */
export function filterFromQuery(query: string | null | undefined): PstFilter {
  const raw = new Map<string, string>();
  for (const pair of queryPart(query || '').split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decodeValue(equals >= 0 ? pair.substring(0, equals) : pair);
    raw.set(name, equals >= 0 ? pair.substring(equals + 1) : '');
  }
  const values = (name: string): string[] => {
    const value = raw.get(name);
    if (value === undefined || value === '') return [];
    return value
      .split(',')
      .map(decodeValue)
      .filter((v) => v.trim() !== '');
  };

  const filter: PstFilter = {};
  const search = raw.get(FILTER_QUERY_PARAMS.search);
  if (search !== undefined && !isBlank(decodeValue(search))) filter.search = decodeValue(search);
  const volets = values(FILTER_QUERY_PARAMS.volets).map((v) => v.toLowerCase()).filter(isVolet);
  if (volets.length) filter.volets = volets;
  const departments = values(FILTER_QUERY_PARAMS.departments);
  if (departments.length) filter.departments = departments;
  const leads = values(FILTER_QUERY_PARAMS.leads);
  if (leads.length) filter.leads = leads;
  const statuses = values(FILTER_QUERY_PARAMS.statuses)
    .map((v): StatusFilterValue | null => {
      const upper = v.toUpperCase();
      if (upper === UNKNOWN_STATUS_PARAM || v === 'unknown') return 'unknown';
      return isActionStatus(upper) ? upper : null;
    })
    .filter((v): v is StatusFilterValue => v !== null);
  if (statuses.length) filter.statuses = statuses;
  const healths = values(FILTER_QUERY_PARAMS.healths).map((v) => v.toLowerCase()).filter(isHealth);
  if (healths.length) filter.healths = healths;
  const priorities = values(FILTER_QUERY_PARAMS.priorities).map((v) => v.toLowerCase()).filter(isPriority);
  if (priorities.length) filter.priorities = priorities;
  const labels = values(FILTER_QUERY_PARAMS.labels);
  if (labels.length) filter.labels = labels;
  const sdgs = values(FILTER_QUERY_PARAMS.sdgs)
    .filter((v) => /^\d{1,2}$/.test(v.trim()))
    .map((v) => Number(v.trim()))
    .filter((n) => (SDG_NUMBERS as readonly number[]).indexOf(n) >= 0);
  if (sdgs.length) filter.sdgs = sdgs;
  const lateness = values(FILTER_QUERY_PARAMS.lateness)
    .map((v) => {
      for (const state of LATENESS_STATES) if (LATENESS_PARAMS[state] === v.toLowerCase() || state === v) return state;
      return null;
    })
    .filter((v): v is LatenessState => v !== null);
  if (lateness.length) filter.lateness = lateness;
  const mine = raw.get(FILTER_QUERY_PARAMS.mine);
  if (mine === '1' || mine === 'oui' || mine === 'true') filter.mine = true;
  return filter;
}

/**
 * `search` (with or without `?`) with its `pst-*` filter parameters replaced by those of
 * `filter`, the other parameters kept in place; returns '' or a string starting with '?'.
 */
export function replaceFilterInQuery(search: string, filter: PstFilter | null | undefined): string {
  const names = Object.keys(FILTER_QUERY_PARAMS).map((k) => FILTER_QUERY_PARAMS[k as keyof typeof FILTER_QUERY_PARAMS]) as string[];
  const text = search.charAt(0) === '?' ? search.substring(1) : search;
  const kept = text.split('&').filter((pair) => {
    if (pair === '') return false;
    const equals = pair.indexOf('=');
    return names.indexOf(decodeValue(equals >= 0 ? pair.substring(0, equals) : pair)) < 0;
  });
  const query = filterToQuery(filter);
  if (query !== '') kept.push(query);
  return kept.length ? `?${kept.join('&')}` : '';
}
