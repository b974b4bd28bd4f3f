/**
 * One REST call as the routes see it, whether it came alone over HTTP or as a part of a
 * `$batch`: the effective method (with `X-HTTP-Method` applied), the absolute URL, the
 * headers (lower-case names) and the body text.
 */
export interface ApiRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export type Json = Record<string, unknown>;

/** What a route produces; serialize.ts gives it SharePoint's JSON shape for the Accept header. */
export type RouteResult =
  | { readonly kind: 'entity'; readonly json: Json; readonly status?: number; readonly etag?: string; readonly metadata?: string }
  | { readonly kind: 'collection'; readonly items: Json[]; readonly nextLink?: string; readonly metadata?: string }
  /** A complex value (BasePermissions, context info), named as its property for verbose mode. */
  | { readonly kind: 'value'; readonly name: string; readonly json: Json; readonly metadata?: string }
  | { readonly kind: 'primitive'; readonly name: string; readonly value: string | number | boolean; readonly metadata?: string }
  | { readonly kind: 'empty'; readonly status: number; readonly etag?: string };

export const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  412: 'Precondition Failed',
  413: 'Request Entity Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};
