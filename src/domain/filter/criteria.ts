/**
 * The criteria of the PST filter, as one table: for each criterion of `PstFilter`, when it
 * counts as set, how it is normalised, how it matches an action and how it is written in a
 * URL. `isEmptyFilter`, `activeCriteriaCount`, `normalizeFilter`, the matching (match.ts)
 * and the URL form (../links/filterQuery.ts) all read `CRITERIA`; a new criterion is one
 * more row.
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
 * - `blocked`: the action is blocked (status PROBLEME, or health `blocage` while open: see
 *   `isBlocked` in ../rollup.ts), the dashboard's « Bloquées » tile.
 * - `mine`: the project lead or a team member is `me`, compared by e-mail when both have one,
 *   else by user id when both have one, else by display name. Without `me`, nothing is mine.
 */
import type { Action, ActionStatus, Health, IsoDate, Person, Priority, Volet } from '../model';
import type { LatenessState, LatenessThresholds } from '../lateness';
import { classifyLateness } from '../lateness';
import { SDG_NUMBERS, isActionStatus, isHealth, isPriority, isVolet, normalizeText } from '../vocabularies';
import { isBlocked } from '../rollup';
import { isMine, leadKey, normalizedLeadKey } from './people';
import type { Placement, PlanLookups } from './placement';
import { voletsOfObjective } from './placement';

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
  /** Blocked (the dashboard's tile): status PROBLEME or health `blocage`. */
  blocked?: boolean;
}

export type CriterionKey = keyof PstFilter;

export const LATENESS_STATES: readonly LatenessState[] = ['overdue', 'dueSoon', 'stale', 'onTrack', 'unscheduled', 'done', 'cancelled'];

export interface FilterRunOptions {
  /** The signed-in user, for `mine`. */
  me?: Person | null;
  /** The day lateness is evaluated at. */
  today: IsoDate;
  thresholds?: Partial<LatenessThresholds>;
}

/** What a criterion is tested with: who and when, and the lookups to the action's OO and OS. */
export type MatchScope = FilterRunOptions & PlanLookups;

/**
 * One row of the table: a criterion whose value in `PstFilter` is `V`, written in a URL as
 * items `T` (the value itself, or the items of a list), and prepared for matching as `C`.
 */
export interface CriterionRow<V, T, C> {
  /**
   * How the URL form writes it: `text`, the value as one parameter value; `list`, the items
   * separated by commas; `flag`, a switch (read as written, not decoded).
   */
  readonly form: 'text' | 'list' | 'flag';
  /** The query parameter. */
  readonly param: string;
  /** An item as written in the URL. */
  toParam(item: T): string;
  /** An item read from the URL (decoded, but for a flag), or null when it means nothing. */
  fromParam(text: string): T | null;
  /** Whether the value is a criterion at all (counted, kept, matched, written). */
  isSet(value: V | undefined): boolean;
  /** The value `normalizeFilter` keeps, when set. */
  normalize(value: V): V;
  /** Prepared once per filter, for matching. */
  compile(value: V): C;
  /** Tested once per action: criteria on the action's own fields. */
  matchesAction?(compiled: C, action: Action, scope: MatchScope): boolean;
  /** Tested at each place of the action: criteria on its OO and OS. */
  matchesPlacement?(compiled: C, action: Action, placement: Placement, scope: MatchScope): boolean;
}

/** A row of the table, its types erased: what the generic code (matching, URL form) reads. */
export interface Criterion extends CriterionRow<unknown, unknown, unknown> {
  readonly key: CriterionKey;
}

// ---------------------------------------------------------------- helpers of the rows

function hasValues(values: readonly unknown[] | undefined): boolean {
  return values != null && values.length > 0;
}

function isBlank(text: string | undefined): boolean {
  return text == null || normalizeText(text) === '';
}

/** The words of a search, normalised; empty when the search is blank. */
export function searchTerms(search: string | null | undefined): string[] {
  if (search == null) return [];
  const normalized = normalizeText(search);
  return normalized === '' ? [] : normalized.split(' ');
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

// The texts a search reads at one place of an action, joined once per place object (the
// filter keeps the places of an action as long as its lookups live: see match.ts).
const placementTexts = new WeakMap<Placement, { readonly action: Action; readonly text: string }>();

export function placementSearchText(action: Action, placement: Placement): string {
  const known = placementTexts.get(placement);
  if (known !== undefined && known.action === action) return known.text;
  const texts = [searchTextOf(action)];
  if (placement.operationalObjective) texts.push(searchTextOf(placement.operationalObjective));
  if (placement.strategicObjective) texts.push(searchTextOf(placement.strategicObjective));
  const text = texts.join('\n');
  placementTexts.set(placement, { action, text });
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

/** A switch in the URL: `1`, `oui` or `true`. */
const readFlag = (text: string): true | null => (text === '1' || text === 'oui' || text === 'true' ? true : null);

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

/** An item written and read as it is. */
const asIs = (text: string): string => text;
/** An item read in lower case, when `accept` knows it. */
const lowerCaseIn =
  <T>(accept: (value: unknown) => value is T) =>
  (text: string): T | null => {
    const lower = text.toLowerCase();
    return accept(lower) ? lower : null;
  };

/** A list criterion: set when not empty, normalised as a copy, items written as they are unless told. */
function list<T, C>(
  row: Pick<CriterionRow<T[], T, C>, 'param' | 'fromParam' | 'compile' | 'matchesAction' | 'matchesPlacement'> &
    Partial<Pick<CriterionRow<T[], T, C>, 'toParam'>>,
): CriterionRow<T[], T, C> {
  return { form: 'list', toParam: String, isSet: hasValues, normalize: (values) => values.slice(), ...row };
}

/** A set of the values (mapped) of a list criterion. */
const setOf =
  <T, U = T>(map?: (value: T) => U) =>
  (values: T[]): Set<U> =>
    new Set(values.map((v) => (map ? map(v) : (v as unknown as U))));

// ---------------------------------------------------------------- the table

type RowOf<V> = [V] extends [readonly (infer T)[]] ? CriterionRow<V, T, unknown> : CriterionRow<V, V, unknown>;

/** Every criterion of `PstFilter` has its row, in the order of `PstFilter` (the URL order). */
const ROWS: { readonly [K in CriterionKey]-?: RowOf<NonNullable<PstFilter[K]>> } = {
  search: {
    form: 'text',
    param: 'pst-q',
    toParam: asIs,
    fromParam: asIs,
    isSet: (search: string | undefined) => !isBlank(search),
    normalize: (search: string) => search,
    compile: searchTerms,
    matchesPlacement(terms: string[], action: Action, placement: Placement): boolean {
      const haystack = placementSearchText(action, placement);
      return terms.every((term) => haystack.indexOf(term) >= 0);
    },
  },
  volets: list<Volet, Set<Volet>>({
    param: 'pst-volet',
    fromParam: lowerCaseIn(isVolet),
    compile: setOf(),
    matchesPlacement(volets, action, placement, scope) {
      const os = placement.strategicObjective;
      return os !== null && voletsOfObjective(os, scope.sections).some((v) => volets.has(v));
    },
  }),
  departments: list<string, Set<string>>({
    param: 'pst-service',
    fromParam: asIs,
    compile: setOf(normalizeText),
    matchesAction: (departments, action) => action.department != null && departments.has(normalizeText(action.department)),
  }),
  leads: list<string, Set<string>>({
    param: 'pst-chef',
    fromParam: asIs,
    compile: setOf(normalizedLeadKey),
    matchesAction(leads, action) {
      const key = leadKey(action.projectLead);
      return key !== null && leads.has(normalizedLeadKey(key));
    },
  }),
  statuses: list<StatusFilterValue, Set<StatusFilterValue>>({
    param: 'pst-statut',
    toParam: (status) => (status === 'unknown' ? UNKNOWN_STATUS_PARAM : status),
    fromParam(text) {
      const upper = text.toUpperCase();
      if (upper === UNKNOWN_STATUS_PARAM || text === 'unknown') return 'unknown';
      return isActionStatus(upper) ? upper : null;
    },
    compile: setOf(),
    matchesAction: (statuses, action) => statuses.has(action.status ?? 'unknown'),
  }),
  healths: list<Health, Set<Health>>({
    param: 'pst-sante',
    fromParam: lowerCaseIn(isHealth),
    compile: setOf(),
    matchesAction: (healths, action) => action.health != null && healths.has(action.health),
  }),
  priorities: list<Priority, Set<Priority>>({
    param: 'pst-priorite',
    fromParam: lowerCaseIn(isPriority),
    compile: setOf(),
    matchesAction: (priorities, action) => action.priority != null && priorities.has(action.priority),
  }),
  labels: list<string, Set<string>>({
    param: 'pst-label',
    fromParam: asIs,
    compile: setOf(normalizeText),
    matchesAction: (labels, action) => (action.labels || []).some((label) => labels.has(normalizeText(label))),
  }),
  sdgs: list<number, Set<number>>({
    param: 'pst-odd',
    fromParam(text) {
      if (!/^\d{1,2}$/.test(text.trim())) return null;
      const n = Number(text.trim());
      return (SDG_NUMBERS as readonly number[]).indexOf(n) >= 0 ? n : null;
    },
    compile: setOf(),
    matchesAction: (sdgs, action) => (action.sdgs || []).some((sdg) => sdgs.has(sdg)),
  }),
  lateness: list<LatenessState, Set<LatenessState>>({
    param: 'pst-echeance',
    toParam: (state) => LATENESS_PARAMS[state],
    fromParam(text) {
      for (const state of LATENESS_STATES) if (LATENESS_PARAMS[state] === text.toLowerCase() || state === text) return state;
      return null;
    },
    compile: setOf(),
    matchesAction: (states, action, scope) => latenessMatches(action, states, scope),
  }),
  mine: {
    form: 'flag',
    param: 'pst-mes',
    toParam: () => '1',
    fromParam: readFlag,
    isSet: (mine: boolean | undefined) => !!mine,
    normalize: () => true,
    compile: () => true,
    matchesAction: (_: unknown, action: Action, scope: MatchScope) => isMine(action, scope.me),
  },
  blocked: {
    form: 'flag',
    param: 'pst-bloque',
    toParam: () => '1',
    fromParam: readFlag,
    isSet: (blocked: boolean | undefined) => !!blocked,
    normalize: () => true,
    compile: () => true,
    matchesAction: (_: unknown, action: Action) => isBlocked(action),
  },
};

/** The criteria, in the order of `PstFilter`. */
export const CRITERIA: readonly Criterion[] = (Object.keys(ROWS) as CriterionKey[]).map((key): Criterion => ({ key, ...ROWS[key] }));

// ---------------------------------------------------------------- the filter as a whole

/** How many criteria are set (a search counts as one), e.g. for a "3 filtres" badge. */
export function activeCriteriaCount(filter: PstFilter | null | undefined): number {
  if (!filter) return 0;
  return CRITERIA.filter((criterion) => criterion.isSet(filter[criterion.key])).length;
}

/** No criterion at all: every action is kept. */
export function isEmptyFilter(filter: PstFilter | null | undefined): boolean {
  return activeCriteriaCount(filter) === 0;
}

/** The same filter without its empty criteria (what `filterFromQuery(filterToQuery(f))` returns). */
export function normalizeFilter(filter: PstFilter | null | undefined): PstFilter {
  const result: { [K in CriterionKey]?: unknown } = {};
  if (!filter) return result as PstFilter;
  for (const criterion of CRITERIA) {
    const value = filter[criterion.key];
    if (criterion.isSet(value)) result[criterion.key] = criterion.normalize(value);
  }
  return result as PstFilter;
}
