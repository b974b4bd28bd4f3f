/**
 * The filter in the URL: `…/Arbre.aspx?pst-statut=EN_COURS,PROBLEME&pst-q=accueil`, so that a
 * filtered view can be bookmarked and shared. Each criterion's parameter and the spelling of
 * its values are in its row of ../filter/criteria.ts; this file writes and reads the query.
 */
import type { Criterion, CriterionKey, PstFilter } from '../filter/criteria';
import { CRITERIA, normalizeFilter } from '../filter/criteria';

/** The query parameters of a filter, in the order `filterToQuery` writes them. */
export const FILTER_QUERY_PARAMS: { readonly [K in CriterionKey]: string } = CRITERIA.reduce(
  (params, criterion) => ({ ...params, [criterion.key]: criterion.param }),
  {} as { [K in CriterionKey]: string },
);

const PARAM_NAMES: readonly string[] = CRITERIA.map((criterion) => criterion.param);

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

/** `name=value` of a criterion that is set (normalised). */
function queryPair(criterion: Criterion, value: unknown): string {
  const written = criterion.form === 'list' ? (value as unknown[]).map((item) => encodeValue(criterion.toParam(item))).join(',') : encodeValue(criterion.toParam(value));
  return `${criterion.param}=${written}`;
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
  for (const criterion of CRITERIA) {
    const value = f[criterion.key];
    if (value !== undefined) parts.push(queryPair(criterion, value));
  }
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

/** The value of a criterion in its raw parameter value, or undefined when none is readable. */
function readValue(criterion: Criterion, raw: string): unknown {
  if (criterion.form === 'list') {
    if (raw === '') return undefined;
    return raw
      .split(',')
      .map(decodeValue)
      .filter((v) => v.trim() !== '')
      .map((v) => criterion.fromParam(v))
      .filter((v) => v !== null);
  }
  const value = criterion.fromParam(criterion.form === 'flag' ? raw : decodeValue(raw));
  return value === null ? undefined : value;
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
  const filter: { [K in CriterionKey]?: unknown } = {};
  for (const criterion of CRITERIA) {
    const text = raw.get(criterion.param);
    if (text === undefined) continue;
    const value = readValue(criterion, text);
    if (value !== undefined && criterion.isSet(value)) filter[criterion.key] = value;
  }
  return filter as PstFilter;
}

/**
 * `search` (with or without `?`) with its `pst-*` filter parameters replaced by those of
 * `filter`, the other parameters kept in place; returns '' or a string starting with '?'.
 */
export function replaceFilterInQuery(search: string, filter: PstFilter | null | undefined): string {
  const text = search.charAt(0) === '?' ? search.substring(1) : search;
  const kept = text.split('&').filter((pair) => {
    if (pair === '') return false;
    const equals = pair.indexOf('=');
    return PARAM_NAMES.indexOf(decodeValue(equals >= 0 ? pair.substring(0, equals) : pair)) < 0;
  });
  const query = filterToQuery(filter);
  if (query !== '') kept.push(query);
  return kept.length ? `?${kept.join('&')}` : '';
}
