/**
 * The one filter of the PST views: the tree, the project cards and the dashboard read the
 * same `PstFilter` and filter the data through `filterPlanData` BEFORE building the tree and
 * rolling it up, so that every figure on the page counts the same actions.
 *
 * - criteria.ts: the criteria as one table (when set, normalised, matched, written in a URL);
 * - match.ts: which actions a filter keeps, and under which OO (placement, sub-actions);
 * - placement.ts: where an action sits (its OO, their OS, the volets); people.ts: leads and "me";
 * - options.ts: the values to offer in the filter controls.
 * The URL form of a filter is ../links/filterQuery.ts.
 */
export type { CriterionKey, FilterRunOptions, PstFilter, StatusFilterValue } from './criteria';
export { LATENESS_STATES, activeCriteriaCount, isEmptyFilter, normalizeFilter, searchTerms } from './criteria';
export type { ActionMatchContext } from './match';
export { actionMatches, createMatchContext, filterPlanData, prepareSearch } from './match';
export type { FilterChoice, PstFilterOptions } from './options';
export { filterOptions } from './options';
export { isMine, isSamePerson, leadKey } from './people';
export type { FilterableData } from './placement';
