/**
 * `POST /_api/$batch`: OData batch as SharePoint Online implements it
 * (https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/make-batch-requests-with-the-rest-apis)
 * and as PnPjs v4 writes it (node_modules/@pnp/sp/batching.js): a `multipart/mixed` body
 * with boundary `batch_<guid>`; each GET is a part of its own, consecutive writes share a
 * `changeset_<guid>` part; every part is `Content-Type: application/http`, a request line
 * `METHOD <absolute url> HTTP/1.1` (MERGE/DELETE already in the verb), headers, a blank
 * line and the body.
 *
 * The response lists one `--batchresponse_<guid>` part per request, in request order and
 * flat (changesets are not nested in the answer), each `HTTP/1.1 <status> <text>`, its
 * headers and its JSON body — the shape PnPjs's `parseResponse` reads. Requests are not
 * transactional: a failing part (404, 400, 412…) fails alone, the others still apply.
 * Lines end with LF: PnPjs splits on "\n" and hands the status text to `new Response`,
 * which refuses a trailing CR.
 */
import { randomUUID } from 'node:crypto';
import { badRequest } from './errors';
import { MAX_BATCH_PARTS, MAX_CHANGESET_OPERATIONS, tooManyBatchParts, tooManyChangesetOperations } from './limits';
import { ApiRequest, ApiResponse, STATUS_TEXT } from './apiTypes';

export interface BatchPart {
  readonly method: string;
  readonly url: string;
  readonly headers: Map<string, string>;
  readonly body: string;
}

function boundaryOf(contentType: string | undefined): string | undefined {
  const match = /boundary=("?)([^";]+)\1/i.exec(contentType ?? '');
  return match ? match[2] : undefined;
}

/** The raw text of each part between `--boundary` lines. */
function splitMultipart(body: string, boundary: string): string[] {
  const lines = body.split(/\r?\n/);
  const parts: string[] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === `--${boundary}--`) {
      if (current) parts.push(current.join('\n'));
      current = undefined;
      break;
    }
    if (trimmed === `--${boundary}`) {
      if (current) parts.push(current.join('\n'));
      current = [];
      continue;
    }
    current?.push(line);
  }
  return parts;
}

/** Headers up to the first blank line, then the rest. */
function splitHeaders(text: string): [Map<string, string>, string] {
  const lines = text.split('\n');
  const headers = new Map<string, string>();
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i].trimEnd();
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
  }
  return [headers, lines.slice(i + 1).join('\n')];
}

function parseHttpPart(content: string): BatchPart {
  const lines = content.replace(/^\n+/, '').split('\n');
  const requestLine = /^([A-Z]+)\s+(\S+)\s+HTTP\/\d(\.\d)?$/i.exec(lines[0].trim());
  if (!requestLine) throw badRequest(`The batch request line '${lines[0].trim()}' is not valid.`);
  const [headers, rest] = splitHeaders(lines.slice(1).join('\n'));
  return { method: requestLine[1].toUpperCase(), url: requestLine[2], headers, body: rest.replace(/\n+$/, '').trim() };
}

/** The requests of a batch body, changesets flattened, in order. */
export function parseBatch(body: string, contentType: string | undefined): BatchPart[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw badRequest('The batch request has no multipart boundary.');
  const requests: BatchPart[] = [];
  const parts = splitMultipart(body, boundary);
  // SharePoint's OData quotas, checked before any part runs (see limits.ts).
  if (parts.length > MAX_BATCH_PARTS) throw tooManyBatchParts(MAX_BATCH_PARTS);
  for (const part of parts) {
    const [headers, content] = splitHeaders(part.replace(/^\n+/, ''));
    const type = headers.get('content-type') ?? '';
    if (/^multipart\/mixed/i.test(type)) {
      const changeset = boundaryOf(type);
      if (!changeset) throw badRequest('A changeset of the batch has no boundary.');
      const operations = splitMultipart(content, changeset);
      if (operations.length > MAX_CHANGESET_OPERATIONS) throw tooManyChangesetOperations(MAX_CHANGESET_OPERATIONS);
      for (const inner of operations) {
        const [, innerContent] = splitHeaders(inner.replace(/^\n+/, ''));
        requests.push(parseHttpPart(innerContent));
      }
    } else if (/^application\/http/i.test(type)) {
      requests.push(parseHttpPart(content));
    } else {
      throw badRequest(`A part of the batch has the unsupported content type '${type}'.`);
    }
  }
  return requests;
}

export function toApiRequest(part: BatchPart, base: URL): ApiRequest {
  const url = new URL(part.url, base);
  const override = part.headers.get('x-http-method');
  return { method: (part.method === 'POST' && override ? override : part.method).toUpperCase(), url, headers: part.headers, body: part.body };
}

/** The multipart answer to a batch, one part per response in request order. */
export function formatBatchResponse(responses: readonly ApiResponse[]): { contentType: string; body: string } {
  const boundary = `batchresponse_${randomUUID()}`;
  const chunks: string[] = [];
  for (const response of responses) {
    chunks.push(`--${boundary}\n`, 'Content-Type: application/http\n', 'Content-Transfer-Encoding: binary\n', '\n');
    chunks.push(`HTTP/1.1 ${response.status} ${STATUS_TEXT[response.status] ?? 'Unknown'}\n`);
    for (const [name, value] of Object.entries(response.headers)) chunks.push(`${name.toUpperCase() === 'CONTENT-TYPE' ? 'CONTENT-TYPE' : name}: ${value}\n`);
    chunks.push('\n', `${response.body}\n`);
  }
  chunks.push(`--${boundary}--\n`);
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: chunks.join('') };
}
