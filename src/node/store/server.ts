/**
 * The embedded store's HTTP server on 127.0.0.1: `<sitePath>/_api/…` is SharePoint
 * Online's REST API on the SQLite file; any other path goes to `extraRoutes` (the local
 * page, Graph stand-ins), else 404.
 *
 * Per `/_api` request, in this order: the body is read (at most 2 MiB, else 413 and
 * nothing more is read, see http/limits.ts); the fault injector may answer
 * 429/503 (before anything is decided or written, so a retried write is never applied
 * twice); the caller is resolved (401 when unknown); then the request, or each part of a
 * `$batch`, is routed.
 */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type { StoreValidation } from './db/connection';
import { StoreDatabase } from './db/database';
import type { ApiRequest, ApiResponse } from './http/apiTypes';
import { defaultResolveUser } from './http/auth';
import { formatBatchResponse, parseBatch, toApiRequest } from './http/batch';
import { badRequest, isSharePointError, unauthenticated } from './http/errors';
import { FaultInjector, FaultOptions } from './http/faults';
import { MAX_REQUEST_BYTES, readLimitedBody, requestTooLarge } from './http/limits';
import { serializeError } from './http/serialize';
import { apiPathOf, ApiRouter } from './routes/router';
import type { StoreUser } from './records';
import { allowEverything, Authorizer, Permissions } from './security/authorization';

export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** Bytes of the body on the wire: compressed when the client asked for gzip. */
  readonly bytes: number;
  /** Bytes of the body before compression. */
  readonly bodyBytes: number;
}

export type ExtraRoutes = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => boolean | Promise<boolean>;

export interface EmbeddedStoreOptions {
  /** SQLite file path, or ':memory:'. */
  readonly dataFile: string;
  /** 0 = a free port (default). */
  readonly port?: number;
  /** Server-relative URL of the site (default `/sites/pst`). */
  readonly sitePath?: string;
  /** Title of the web (default `PST`); also names the Owners/Members/Visitors groups. */
  readonly webTitle?: string;
  /** The e-mail of the caller; default: `Authorization: Bearer local:<email>`, else cookie `pst-user`. */
  readonly resolveUser?: (req: http.IncomingMessage) => string | undefined;
  /** Permission hook called before every operation; default allows everything. */
  readonly authorize?: Authorizer;
  readonly faults?: FaultOptions;
  /** 'sharepoint' (default): writes checked as SharePoint's REST service checks them; 'strict': as its forms do. */
  readonly validation?: StoreValidation;
  /** Other routes of the same origin; return true when handled. */
  readonly extraRoutes?: ExtraRoutes;
  /** Site API paths the host answers itself, before the store (the SPFx workbench's GetClientSideComponents); true when handled. */
  readonly hostApiRoutes?: ExtraRoutes;
  /** Largest request body accepted, in bytes (default 2 MiB, see http/limits.ts). */
  readonly maxRequestBytes?: number;
  /** Entries the request log keeps at most (default 20,000; the oldest half goes when full). */
  readonly requestLogSize?: number;
}

export interface EmbeddedStore {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** `url` + sitePath, what `createNodeSp` takes. */
  readonly siteUrl: string;
  readonly db: StoreDatabase;
  setFaults(faults: FaultOptions): void;
  /** The `/_api` requests served, in order (a `$batch` is one entry; the last 10,000–20,000 are kept, paths cut at 512 characters). */
  readonly requests: RequestLogEntry[];
  close(): Promise<void>;
}

/**
 * The request log is bounded in entries and in bytes: at most MAX_LOGGED_REQUESTS entries
 * (the oldest half goes when full, so each request costs O(1) amortized), each path cut at
 * MAX_LOGGED_PATH characters (issue #17: +73 MB per 5,000 long requests).
 */
const MAX_LOGGED_REQUESTS = 20_000;
const MAX_LOGGED_PATH = 512;

function headerMap(req: http.IncomingMessage): Map<string, string> {
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** Smaller bodies are sent as they are: compressing them gains nothing. */
const MIN_COMPRESSED_BYTES = 1024;

/** Whether `Accept-Encoding` takes gzip (`gzip`, `gzip;q=0.8`, `*`; not `gzip;q=0`). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  return acceptEncoding.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.substring(2)) > 0;
  });
}

/**
 * Sends the response; JSON and `$batch` bodies gzip-compressed when the client accepts it, as
 * SharePoint Online does (browsers and Node's fetch ask for it). Returns the bytes sent and
 * the bytes of the body before compression.
 */
function send(res: http.ServerResponse, response: ApiResponse, acceptEncoding?: string): { bytes: number; bodyBytes: number } {
  const raw = Buffer.from(response.body, 'utf8');
  const type = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  const compress = raw.length >= MIN_COMPRESSED_BYTES && /json|multipart|text|xml/i.test(type) && acceptsGzip(acceptEncoding);
  const body = compress ? gzipSync(raw) : raw;
  res.writeHead(response.status, {
    ...response.headers,
    ...(compress ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
    'Content-Length': String(body.length),
    'X-SharePointHealthScore': '0',
    SPRequestGuid: randomUUID(),
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
  return { bytes: body.length, bodyBytes: raw.length };
}

function readablePath(url: URL): string {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname + url.search);
  } catch {
    path = url.pathname + url.search;
  }
  return path.length > MAX_LOGGED_PATH ? `${path.substring(0, MAX_LOGGED_PATH - 1)}…` : path;
}

export async function startEmbeddedStore(options: EmbeddedStoreOptions): Promise<EmbeddedStore> {
  const sitePath = (options.sitePath ?? '/sites/pst').replace(/\/+$/, '') || '/';
  const db = StoreDatabase.open(options.dataFile, { sitePath, webTitle: options.webTitle, validation: options.validation });
  const router = new ApiRouter(db, new Permissions(db, options.authorize ?? allowEverything));
  const faults = new FaultInjector(options.faults);
  const resolveUser = options.resolveUser ?? defaultResolveUser;
  const requests: RequestLogEntry[] = [];
  const maxRequestBytes = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const logSize = Math.max(2, options.requestLogSize ?? MAX_LOGGED_REQUESTS);

  const serveApi = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL, apiPath: string): Promise<void> => {
    const headers = headerMap(req);
    const override = headers.get('x-http-method');
    const method = (req.method === 'POST' && override ? override : req.method ?? 'GET').toUpperCase();
    const log = (response: ApiResponse, sent: { bytes: number; bodyBytes: number }): void => {
      requests.push({ method, path: readablePath(url), status: response.status, ...sent });
      // A long-running local server keeps the last requests only.
      if (requests.length > logSize) requests.splice(0, requests.length - Math.floor(logSize / 2));
    };
    const answer = (response: ApiResponse): void => log(response, send(res, response, headers.get('accept-encoding')));
    const read = await readLimitedBody(req, maxRequestBytes);
    if (!read.ok) return answer(serializeError(requestTooLarge(maxRequestBytes), headers.get('accept')));
    const body = read.body;

    const fault = faults.decide();
    if (fault) return answer(fault);

    const email = resolveUser(req);
    const user: StoreUser | undefined = email ? db.getUserByEmail(email) : undefined;
    if (!user) return answer(serializeError(unauthenticated(), headers.get('accept')));

    if (apiPath.toLowerCase() === '$batch') {
      if (method !== 'POST') return answer(serializeError(badRequest('The $batch endpoint accepts POST only.'), headers.get('accept')));
      let parts;
      try {
        parts = parseBatch(body, headers.get('content-type'));
      } catch (error) {
        if (isSharePointError(error)) return answer(serializeError(error, headers.get('accept')));
        throw error;
      }
      const responses = parts.map((part) => router.handle(toApiRequest(part, url), user));
      const batch = formatBatchResponse(responses);
      return answer({ status: 200, headers: { 'Content-Type': batch.contentType }, body: batch.body });
    }
    const request: ApiRequest = { method, url, headers, body };
    return answer(router.handle(request, user));
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const apiPath = apiPathOf(url.pathname, sitePath);
    const work = async (): Promise<void> => {
      if (apiPath !== undefined) {
        if (options.hostApiRoutes && (await options.hostApiRoutes(req, res, url))) return;
        return serveApi(req, res, url, apiPath);
      }
      if (options.extraRoutes && (await options.extraRoutes(req, res, url))) return;
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    };
    work().catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`Internal error: ${error instanceof Error ? error.message : String(error)}`);
      } else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    siteUrl: `${url}${sitePath === '/' ? '' : sitePath}`,
    db,
    requests,
    setFaults: (f: FaultOptions) => faults.set(f),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          try {
            db.close();
          } catch {
            // already closed
          }
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}
