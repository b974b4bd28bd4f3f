/**
 * A stand-in for the list-item endpoints of a SharePoint site as PnPjs calls them:
 * reading items (`getList(url)/items?$select…`), adding (POST), updating (MERGE), and
 * `$batch` requests (multipart bodies parsed and answered the way SharePoint Online
 * does). Items are kept in memory; a request can be made to fail to test interrupted
 * imports. Lists exist as soon as they are used.
 */
import { Queryable } from '@pnp/queryable';

export interface SentRequest {
  readonly method: string;
  /** Path after the site URL, decoded, without the query string. */
  readonly path: string;
  readonly body?: Record<string, unknown>;
  /** Whether it came inside a $batch. */
  readonly batched: boolean;
}

type Item = Record<string, unknown> & { Id: number };

export class FakeListsSite {
  readonly requests: SentRequest[] = [];
  readonly lists = new Map<string, Item[]>();
  /** Returns true for a write that must fail (HTTP 500), e.g. the 30th add. */
  failWhen: ((request: SentRequest, writeIndex: number) => boolean) | null = null;
  private writeCount = 0;
  private nextId = 1;

  constructor(readonly siteUrl: string) {}

  behavior() {
    return (instance: Queryable) => {
      instance.on.send.replace(async (url: URL, init: RequestInit) => this.handle(url.toString(), init));
      return instance;
    };
  }

  writes(): SentRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  items(urlName: string): Item[] {
    for (const [url, items] of this.lists) if (url.endsWith(`/Lists/${urlName}`)) return items;
    return [];
  }

  private listOf(url: string): Item[] {
    let items = this.lists.get(url);
    if (!items) {
      items = [];
      this.lists.set(url, items);
    }
    return items;
  }

  private handle(url: string, init: RequestInit): Response {
    const relative = decodeURIComponent(url.substring(this.siteUrl.length));
    if (relative.startsWith('/_api/$batch')) return this.batch(String(init.body || ''));
    const headers = new Headers(init.headers as HeadersInit | undefined);
    const method = headers.get('X-HTTP-Method') ?? init.method ?? 'GET';
    const body = typeof init.body === 'string' && init.body.length > 0 ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    const result = this.dispatch(method, relative, body, false);
    return new Response(result.status === 204 ? null : JSON.stringify(result.json), { status: result.status, headers: { 'Content-Type': 'application/json;odata=nometadata' } });
  }

  private dispatch(method: string, relative: string, body: Record<string, unknown> | undefined, batched: boolean): { status: number; json?: unknown } {
    const path = relative.split('?')[0];
    const request: SentRequest = body === undefined ? { method, path, batched } : { method, path, body, batched };
    this.requests.push(request);
    if (method !== 'GET') {
      const index = this.writeCount++;
      if (this.failWhen && this.failWhen(request, index)) {
        return { status: 500, json: { 'odata.error': { code: '-1, System.Exception', message: { lang: 'fr-FR', value: 'Erreur simulée du serveur.' } } } };
      }
    }
    const match = /^\/_api\/web\/getList\('([^']+)'\)\/items(?:\((\d+)\))?$/.exec(path);
    if (!match) return { status: 400, json: { 'odata.error': { message: { value: `Unexpected ${method} ${path}` } } } };
    const items = this.listOf(match[1]);
    if (method === 'GET' && !match[2]) return { status: 200, json: { value: items.map((i) => ({ ...i })) } };
    if (method === 'POST' && !match[2]) {
      const item: Item = { ...(body || {}), Id: this.nextId++ };
      items.push(item);
      return { status: 201, json: { ...item } };
    }
    if ((method === 'MERGE' || method === 'PATCH') && match[2]) {
      const item = items.find((i) => i.Id === Number(match[2]));
      if (!item) return { status: 404, json: { 'odata.error': { message: { value: 'Item does not exist.' } } } };
      Object.assign(item, body || {});
      return { status: 204 };
    }
    return { status: 400, json: { 'odata.error': { message: { value: `Unexpected ${method} ${path}` } } } };
  }

  /** Parses a multipart $batch body (with change sets) and answers each request in order. */
  private batch(body: string): Response {
    const lines = body.split('\n');
    const responses: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const request = /^(GET|POST|MERGE|PATCH|DELETE) (\S+) HTTP\/1\.1$/.exec(lines[i].trim());
      if (!request) continue;
      // Headers until a blank line, then an optional JSON body line.
      let j = i + 1;
      while (j < lines.length && lines[j].trim() !== '') j++;
      let json: Record<string, unknown> | undefined;
      if (lines[j + 1] && lines[j + 1].trim().startsWith('{')) json = JSON.parse(lines[j + 1]) as Record<string, unknown>;
      const relative = decodeURIComponent(request[2].substring(this.siteUrl.length));
      const result = this.dispatch(request[1], relative, json, true);
      responses.push(
        '--batchresponse_1\nContent-Type: application/http\nContent-Transfer-Encoding: binary\n\n' +
          `HTTP/1.1 ${result.status} ${result.status < 300 ? 'OK' : 'Error'}\nContent-Type: application/json;odata=nometadata\n\n` +
          (result.status === 204 ? '' : JSON.stringify(result.json)) +
          '\n',
      );
      i = j;
    }
    return new Response(responses.join('') + '--batchresponse_1--\n', { status: 200, headers: { 'Content-Type': 'multipart/mixed; boundary=batchresponse_1' } });
  }
}
