/**
 * The PST filter shared by every PST web part of the page: a change in one of them (the
 * filter bar, a dashboard tile) is sent to the others with a window event, and written in
 * the page's URL (`?pst-echeance=retard…`, see domain/links/filterQuery.ts) so that the
 * filtered page can be bookmarked and shared. On load, the URL's filter wins over the
 * property pane's default filter.
 */
import * as React from 'react';
import { isEmptyFilter, PstFilter } from '../../domain/filter';
import { filterFromQuery, filterToQuery, replaceFilterInQuery } from '../../domain/links/filterQuery';

/** Window event: the filter changed in one web part; `detail` is `{ source, query }`. */
export const PST_FILTER_CHANGED = 'pst-filter-changed';

interface FilterChange {
  readonly source: string;
  readonly query: string;
}

let instances = 0;

function urlFilter(): PstFilter {
  return typeof window === 'undefined' ? {} : filterFromQuery(window.location.search);
}

function writeUrl(filter: PstFilter): void {
  try {
    const { pathname, search, hash } = window.location;
    const next = replaceFilterInQuery(search, filter);
    if (next !== search) window.history.replaceState(window.history.state, '', `${pathname}${next}${hash}`);
  } catch {
    // a sandboxed frame may refuse: the filter still applies on the page
  }
}

export interface SharedFilter {
  readonly filter: PstFilter;
  /** A change made by the user: applied here, sent to the other web parts, written in the URL. */
  readonly setFilter: (filter: PstFilter) => void;
  /**
   * A default chosen once the user is known (« Mes actions » for a project lead): applied
   * here only, and only while the filter is still the empty one the page started with.
   */
  readonly applyDefault: (filter: PstFilter) => void;
}

export function useSharedFilter(defaultFilterQuery: string | undefined): SharedFilter {
  const [source] = React.useState(() => `pst-filter-${++instances}`);
  const [filter, setLocal] = React.useState<PstFilter>(() => {
    const fromUrl = urlFilter();
    return isEmptyFilter(fromUrl) ? filterFromQuery(defaultFilterQuery ?? '') : fromUrl;
  });
  // Once the user or another web part has chosen, or a default was applied, no default applies.
  const settled = React.useRef(!isEmptyFilter(filter));

  React.useEffect(() => {
    const onChange = (event: Event): void => {
      const change = (event as CustomEvent<FilterChange>).detail;
      if (!change || change.source === source) return;
      settled.current = true;
      setLocal(filterFromQuery(change.query));
    };
    window.addEventListener(PST_FILTER_CHANGED, onChange);
    return () => window.removeEventListener(PST_FILTER_CHANGED, onChange);
  }, [source]);

  const setFilter = React.useCallback(
    (next: PstFilter): void => {
      settled.current = true;
      setLocal(next);
      writeUrl(next);
      window.dispatchEvent(new CustomEvent<FilterChange>(PST_FILTER_CHANGED, { detail: { source, query: filterToQuery(next) } }));
    },
    [source],
  );

  const applyDefault = React.useCallback((next: PstFilter): void => {
    if (settled.current) return;
    settled.current = true;
    setLocal(next);
  }, []);

  return { filter, setFilter, applyDefault };
}
