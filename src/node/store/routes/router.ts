/**
 * The entry of one REST call: path → route → SharePoint-shaped response. Used for plain
 * HTTP requests and for each part of a `$batch` alike.
 */
import { PEOPLE_PICKER_SEARCH, peoplePickerSearchRoute } from './peoplePicker';
import type { StoreDatabase } from '../db/database';
import type { ApiRequest, ApiResponse, RouteResult } from '../http/apiTypes';
import { invalidExpression, isSharePointError, SharePointError } from '../http/errors';
import { serializeError, serializeResult } from '../http/serialize';
import { parseApiPath } from '../odata/path';
import type { StoreUser } from '../records';
import type { Permissions } from '../security/authorization';
import { RequestContext } from './context';
import { entityResult } from './results';
import { contextInfoRoute, webRoute } from './web';

/** The part of a URL path after `_api/`, or undefined when the path is not under `_api`. */
export function apiPathOf(pathname: string, sitePath: string): string | undefined {
  const decoded = safeDecode(pathname);
  const lower = decoded.toLowerCase();
  const site = sitePath.replace(/\/+$/, '').toLowerCase();
  for (const prefix of [`${site}/_api`, '/_api']) {
    if (lower === prefix) return '';
    if (lower.startsWith(`${prefix}/`)) return decoded.substring(prefix.length + 1);
  }
  return undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function siteRoute(ctx: RequestContext): RouteResult {
  ctx.demand('read');
  return entityResult(ctx, {
    type: 'SP.Site',
    path: 'Site',
    properties: { Id: ctx.db.webId, ServerRelativeUrl: ctx.db.sitePath, Url: ctx.webAbsoluteUrl },
  });
}

function route(ctx: RequestContext, apiPath: string): RouteResult {
  const segments = parseApiPath(apiPath, ctx.request.url.searchParams);
  const [first, ...rest] = segments;
  switch (first?.name) {
    case 'web':
      return webRoute(ctx, rest);
    case 'site':
      if (rest.length === 0) return siteRoute(ctx);
      if (rest[0].name === 'rootweb') return webRoute(ctx, rest.slice(1));
      throw invalidExpression(apiPath);
    case 'contextinfo':
      return contextInfoRoute(ctx);
    case PEOPLE_PICKER_SEARCH:
      return peoplePickerSearchRoute(ctx);
    default:
      throw invalidExpression(apiPath);
  }
}

export class ApiRouter {
  constructor(
    private readonly db: StoreDatabase,
    private readonly permissions: Permissions,
  ) {}

  handle(request: ApiRequest, user: StoreUser): ApiResponse {
    const accept = request.headers.get('accept');
    try {
      const apiPath = apiPathOf(request.url.pathname, this.db.sitePath);
      if (apiPath === undefined) throw invalidExpression(request.url.pathname);
      const ctx = new RequestContext(this.db, user, request, this.permissions);
      return serializeResult(route(ctx, apiPath), accept, ctx.apiUrl);
    } catch (error) {
      if (isSharePointError(error)) return serializeError(error, accept);
      const message = error instanceof Error ? error.message : String(error);
      return serializeError(new SharePointError(500, '-2146233088, System.InvalidOperationException', message), accept);
    }
  }
}
