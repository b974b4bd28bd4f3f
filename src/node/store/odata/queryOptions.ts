/**
 * The system query options of a request: `$select`, `$expand`, `$filter`, `$orderby`,
 * `$top`, `$skiptoken` (https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/use-odata-query-operations-in-sharepoint-rest-requests).
 * PnPjs writes them with URLSearchParams (spaces as `+`), which URL decoding undoes.
 */
import { badRequest } from '../http/errors';
import { FilterNode, parseFilter } from './filter';

export interface OrderKey {
  readonly property: string;
  readonly descending: boolean;
}

export interface QueryOptions {
  /** Property paths as written (`Title`, `Author/EMail`); empty = the default set. */
  readonly select: readonly string[];
  /** Navigation properties to expand (`Author`, `PstAction`). */
  readonly expand: readonly string[];
  readonly filter?: FilterNode;
  readonly filterText?: string;
  readonly orderBy: readonly OrderKey[];
  readonly top?: number;
  /** Raw `$skiptoken` (e.g. `Paged=TRUE&p_ID=5000`). */
  readonly skipToken?: string;
}

function splitList(value: string | null): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export function parseQueryOptions(params: URLSearchParams): QueryOptions {
  const filterText = params.get('$filter') ?? undefined;
  const topText = params.get('$top');
  let top: number | undefined;
  if (topText !== null) {
    top = Number(topText);
    if (!Number.isInteger(top) || top < 0) throw badRequest(`The $top query option requires a non-negative integer; '${topText}' is not one.`);
  }
  const orderBy = splitList(params.get('$orderby')).map((part) => {
    const [property, direction = 'asc', ...rest] = part.split(/\s+/);
    const lower = direction.toLowerCase();
    if (rest.length > 0 || (lower !== 'asc' && lower !== 'desc')) throw badRequest(`The $orderby expression '${part}' is not valid.`);
    return { property, descending: lower === 'desc' };
  });
  return {
    select: splitList(params.get('$select')),
    expand: splitList(params.get('$expand')),
    filter: filterText !== undefined && filterText.trim() !== '' ? parseFilter(filterText) : undefined,
    filterText,
    orderBy,
    top,
    skipToken: params.get('$skiptoken') ?? undefined,
  };
}
