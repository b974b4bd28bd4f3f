/**
 * A recording stand-in for the few SharePoint REST endpoints that provisioning calls,
 * answering with SharePoint Online's JSON shapes. It lets the tests assert the exact
 * requests PnPjs sends.
 */
import { Queryable } from '@pnp/queryable';

export interface RecordedRequest {
  method: string;
  /** Path and query after the site URL, decoded: `/_api/web/lists('…')/fields`. */
  path: string;
  body?: unknown;
}

interface FakeField {
  InternalName: string;
  Indexed: boolean;
  SchemaXml: string;
}

interface FakeList {
  Id: string;
  Title: string;
  url: string;
  fields: FakeField[];
}

const BUILT_IN_FIELDS = ['ID', 'Title', 'Author', 'Editor', 'Created', 'Modified', 'Attachments', 'ContentType'];

export class RecordingSharePoint {
  readonly requests: RecordedRequest[] = [];
  readonly lists: FakeList[] = [];
  private nextId = 1;

  constructor(readonly siteUrl: string) {}

  /** PnPjs behaviour that sends every request here instead of the network. */
  behavior() {
    return (instance: Queryable) => {
      instance.on.send.replace(async (url: URL, init: RequestInit) => this.handle(url.toString(), init));
      return instance;
    };
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  listByUrlName(urlName: string): FakeList | undefined {
    return this.lists.find((l) => l.url.endsWith(`/Lists/${urlName}`));
  }

  private handle(url: string, init: RequestInit): Response {
    const path = decodeURIComponent(url.substring(this.siteUrl.length));
    const headers = new Headers(init.headers as HeadersInit | undefined);
    const override = headers.get('X-HTTP-Method') ?? undefined;
    const method = override ?? init.method ?? 'GET';
    const body = typeof init.body === 'string' && init.body.length > 0 ? JSON.parse(init.body) : undefined;
    this.requests.push(body === undefined ? { method, path } : { method, path, body });

    let match: RegExpMatchArray | null;
    if ((match = path.match(/^\/_api\/web\/getList\('([^']+)'\)/)) && method === 'GET') {
      const list = this.lists.find((l) => l.url === match![1]);
      return list ? json({ Id: list.Id }) : notFound();
    }
    if (path.startsWith('/_api/web/lists') && !path.includes("lists('") && method === 'POST') {
      const b = body as { Title: string };
      const webPath = new URL(this.siteUrl).pathname;
      const list: FakeList = {
        Id: `00000000-0000-0000-0000-${String(this.nextId++).padStart(12, '0')}`,
        Title: b.Title,
        url: `${webPath}/Lists/${b.Title}`,
        fields: BUILT_IN_FIELDS.map((n) => ({ InternalName: n, Indexed: false, SchemaXml: '' })),
      };
      this.lists.push(list);
      return json({ Id: list.Id, Title: list.Title }, 201);
    }
    if ((match = path.match(/^\/_api\/web\/lists\('([^']+)'\)(.*)$/))) {
      const list = this.lists.find((l) => l.Id === match![1]);
      if (!list) return notFound();
      const rest = match[2];
      if (rest === '' && method === 'MERGE') {
        list.Title = (body as { Title: string }).Title;
        return new Response(null, { status: 204 });
      }
      if (rest.startsWith('/fields/createfieldasxml') && method === 'POST') {
        const xml = (body as { parameters: { SchemaXml: string } }).parameters.SchemaXml;
        const name = /Name="([^"]+)"/.exec(xml)![1];
        list.fields.push({ InternalName: name, Indexed: /Indexed="TRUE"/.test(xml), SchemaXml: xml });
        return json({ InternalName: name }, 201);
      }
      if ((match = rest.match(/^\/fields\/getByInternalNameOrTitle\('([^']+)'\)$/)) && method === 'MERGE') {
        const field = list.fields.find((f) => f.InternalName === match![1]);
        if (!field) return notFound();
        Object.assign(field, body);
        return new Response(null, { status: 204 });
      }
      if (rest.startsWith('/fields') && method === 'GET') {
        return json({ value: list.fields.map(({ InternalName, Indexed }) => ({ InternalName, Indexed })) });
      }
    }
    return json({ 'odata.error': { code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', message: { lang: 'en-US', value: `Unexpected ${method} ${path}` } } }, 400);
  }
}

function json(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json;odata=nometadata' } });
}

function notFound(): Response {
  return json(
    {
      'odata.error': {
        code: '-2147024894, System.IO.FileNotFoundException',
        message: { lang: 'en-US', value: 'File Not Found.' },
      },
    },
    404,
  );
}
