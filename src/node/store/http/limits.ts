/**
 * What the store accepts in one request, as SharePoint Online bounds it, so that no client
 * can exhaust the process (issue #17: a 560 MB POST, a `$batch` of 10,000 parts):
 *
 * - a request body of at most 2 MiB (2,097,152 bytes), the message size SharePoint's client
 *   service accepts ("The request message is too big. The server does not allow messages
 *   larger than 2097152 bytes."); Microsoft does not document a separate figure for REST
 *   JSON bodies, and file uploads (which could be larger) are not supported here. The store
 *   answers 413 in SharePoint's error shape, reads no more of the body and closes the
 *   connection;
 * - a `$batch` of at most 100 top-level parts (queries and changesets) and 1,000 operations
 *   per changeset: the quotas of Microsoft.Data.OData (`ODataMessageQuotas.MaxPartsPerBatch`,
 *   `MaxOperationsPerChangeset`, https://learn.microsoft.com/en-us/previous-versions/dotnet/wcf-data-services/mt138014(v=vs.113)),
 *   which SharePoint's REST service uses, refused with a 400 ODataException before any part
 *   is run, so that nothing changes.
 */
import type { IncomingMessage } from 'node:http';
import { SharePointError } from './errors';

export const MAX_REQUEST_BYTES = 2 * 1024 * 1024;
export const MAX_BATCH_PARTS = 100;
export const MAX_CHANGESET_OPERATIONS = 1000;

const ODATA_EXCEPTION = '-1, Microsoft.Data.OData.ODataException';

export function requestTooLarge(limit: number): SharePointError {
  return new SharePointError(
    413,
    '-1, Microsoft.SharePoint.Client.ClientServiceException',
    `The request message is too big. The server does not allow messages larger than ${limit} bytes.`,
    { Connection: 'close' },
  );
}

export function tooManyBatchParts(limit: number): SharePointError {
  return new SharePointError(
    400,
    ODATA_EXCEPTION,
    `The current batch message contains too many parts. Only batch messages with a maximum number of '${limit}' query operations and change sets are allowed.`,
  );
}

export function tooManyChangesetOperations(limit: number): SharePointError {
  return new SharePointError(
    400,
    ODATA_EXCEPTION,
    `The current change set contains too many operations. Only change sets with a maximum number of '${limit}' operations are allowed.`,
  );
}

export type BodyResult = { readonly ok: true; readonly body: string } | { readonly ok: false };

/**
 * The body as text, or `{ ok: false }` as soon as it is known to exceed `limit` bytes: from
 * Content-Length before anything is read, else while reading (the rest is never buffered).
 */
export function readLimitedBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve({ ok: false });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve({ ok: false });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve({ ok: true, body: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', reject);
  });
}
