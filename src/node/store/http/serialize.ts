/**
 * SharePoint Online's JSON formats, chosen by the Accept header
 * (https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/get-to-know-the-sharepoint-rest-service):
 * - `application/json` or `odata=minimalmetadata` (what PnPjs sends): JSON light, entities
 *   with `odata.type`/`odata.id`/`odata.etag`/`odata.editLink`, collections as `{ value }`
 *   plus `odata.nextLink` when paged;
 * - `odata=nometadata`: the same without the `odata.*` annotations;
 * - `odata=verbose`: `{ d: … }`, `__metadata`, collections and multi-values as `{ results }`.
 */
import type { ApiResponse, Json, RouteResult } from './apiTypes';
import type { SharePointError } from './errors';

type Format = 'minimal' | 'none' | 'verbose';

export function formatOf(accept: string | undefined): Format {
  const value = (accept ?? '').toLowerCase();
  if (value.includes('odata=verbose')) return 'verbose';
  if (value.includes('odata=nometadata')) return 'none';
  return 'minimal';
}

const CONTENT_TYPE: Record<Format, string> = {
  minimal: 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8',
  none: 'application/json;odata=nometadata;streaming=true;charset=utf-8',
  verbose: 'application/json;odata=verbose;charset=utf-8',
};

function withoutAnnotations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutAnnotations);
  if (value === null || typeof value !== 'object') return value;
  const result: Json = {};
  for (const [key, v] of Object.entries(value as Json)) {
    if (key.startsWith('odata.')) continue;
    result[key] = withoutAnnotations(v);
  }
  return result;
}

function verbose(value: unknown): unknown {
  if (Array.isArray(value)) return { results: value.map(verbose) };
  if (value === null || typeof value !== 'object') return value;
  const source = value as Json;
  const result: Json = {};
  if (typeof source['odata.type'] === 'string') {
    const metadata: Json = { id: source['odata.id'], uri: source['odata.id'], type: source['odata.type'] };
    if (source['odata.etag'] !== undefined) metadata.etag = source['odata.etag'];
    result.__metadata = metadata;
  }
  for (const [key, v] of Object.entries(source)) {
    if (key.startsWith('odata.')) continue;
    result[key] = verbose(v);
  }
  return result;
}

function bodyOf(result: RouteResult, format: Format, apiUrl: string): Json | undefined {
  const metadataUrl = (name: string | undefined): Json => (name ? { 'odata.metadata': `${apiUrl}/$metadata#${name}` } : {});
  switch (result.kind) {
    case 'empty':
      return undefined;
    case 'entity':
      if (format === 'verbose') return { d: verbose(result.json) };
      if (format === 'none') return withoutAnnotations(result.json) as Json;
      return { ...metadataUrl(result.metadata), ...result.json };
    case 'primitive':
      // A method returning a string or a number: `{ d: { Name: v } }`, else `{ value: v }`.
      if (format === 'verbose') return { d: { [result.name]: result.value } };
      return { ...(format === 'none' ? {} : metadataUrl(result.metadata)), value: result.value };
    case 'value':
      if (format === 'verbose') return { d: { [result.name]: verbose(result.json) } };
      if (format === 'none') return withoutAnnotations(result.json) as Json;
      return { ...metadataUrl(result.metadata), ...result.json };
    case 'collection': {
      if (format === 'verbose') {
        const d: Json = { results: result.items.map(verbose) };
        if (result.nextLink) d.__next = result.nextLink;
        return { d };
      }
      const body: Json = format === 'none' ? {} : metadataUrl(result.metadata);
      body.value = format === 'none' ? result.items.map(withoutAnnotations) : result.items;
      if (result.nextLink) body['odata.nextLink'] = result.nextLink;
      return body;
    }
  }
}

export function serializeResult(result: RouteResult, accept: string | undefined, apiUrl: string): ApiResponse {
  const format = formatOf(accept);
  const body = bodyOf(result, format, apiUrl);
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = CONTENT_TYPE[format];
  const etag = result.kind === 'entity' || result.kind === 'empty' ? result.etag : undefined;
  if (etag) headers.ETag = etag;
  const status = result.kind === 'empty' ? result.status : result.kind === 'entity' ? result.status ?? 200 : 200;
  return { status, headers, body: body === undefined ? '' : JSON.stringify(body) };
}

export function serializeError(error: SharePointError, accept: string | undefined): ApiResponse {
  const format = formatOf(accept);
  const body =
    format === 'verbose'
      ? JSON.stringify({ error: { code: error.code, message: { lang: 'en-US', value: error.message } } })
      : error.toJson();
  return { status: error.status, headers: { 'Content-Type': CONTENT_TYPE[format === 'verbose' ? 'verbose' : 'minimal'], ...error.headers }, body };
}
