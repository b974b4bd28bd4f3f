/**
 * Starting the embedded store inside a test, on a free port, with PnPjs as the product
 * creates it (`createNodeSp`, src/node/nodeSp.ts) and a local account's bearer token.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SPFI } from '@pnp/sp';
import { createNodeSp } from '../../../src/node/sp/nodeSp';
import { EmbeddedStore, EmbeddedStoreOptions, startEmbeddedStore } from '../../../src/node/store';

export const COORDINATOR = 'anne.dupont@cpas.example';
export const LEAD = 'marc.dubois@cpas.example';
export const READER = 'lucie.moreau@cpas.example';

export interface TestStore {
  readonly store: EmbeddedStore;
  /** PnPjs as the given local account (default: the coordinator). */
  sp(email?: string): SPFI;
  /** Server-relative URL of the site, `/sites/pst`. */
  readonly webPath: string;
}

export async function startTestStore(options: Partial<EmbeddedStoreOptions> = {}): Promise<TestStore> {
  const store = await startEmbeddedStore({ dataFile: ':memory:', ...options });
  store.db.ensureUser({ email: COORDINATOR, title: 'Anne Dupont', isSiteAdmin: true });
  store.db.ensureUser({ email: LEAD, title: 'Marc Dubois' });
  store.db.ensureUser({ email: READER, title: 'Lucie Moreau' });
  return {
    store,
    sp: (email = COORDINATOR) => createNodeSp(store.siteUrl, async () => `local:${email}`),
    webPath: '/sites/pst',
  };
}

export function temporaryDataFile(name: string): { file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pst-store-'));
  return { file: path.join(dir, name), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The `odata.error` of a rejected PnPjs call: status and SharePoint's code and message. */
export async function sharePointErrorOf(promise: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { status?: number; response?: Response; message?: string };
    const text = e.response ? await e.response.clone().text() : '';
    const body = text ? (JSON.parse(text) as { 'odata.error'?: { code: string; message: { value: string } } }) : {};
    return { status: e.status ?? 0, code: body['odata.error']?.code ?? '', message: body['odata.error']?.message.value ?? e.message ?? '' };
  }
  throw new Error('Expected the call to fail');
}

export function writesIn(store: EmbeddedStore, from = 0): { method: string; path: string }[] {
  return store.requests.slice(from).filter((r) => r.method !== 'GET');
}
