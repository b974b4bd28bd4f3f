/**
 * The site most integration tests start from: an embedded store in a temporary folder, with
 * SharePoint's permissions, the sample users (the coordinator as site admin) and the sample PST.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmbeddedStore, roleBasedAuthorizer, EmbeddedStore } from '../../../src/node/store';
import { seedSamplePst } from '../../../src/node/local/seed';
import { SAMPLE_USERS } from '../../../src/node/local/samplePst';

export interface SampleSite {
  /** The temporary folder (removed after the tests), for the store and the files a test writes. */
  readonly folder: string;
  readonly store: EmbeddedStore;
}

/** Starts the site before the file's tests (beforeAll) and removes it after them (afterAll). */
export function useSampleSite(folderPrefix: string, today: string): SampleSite {
  const site = {} as { folder: string; store: EmbeddedStore };
  beforeAll(async () => {
    site.folder = fs.mkdtempSync(path.join(os.tmpdir(), folderPrefix));
    site.store = await startEmbeddedStore({ dataFile: path.join(site.folder, 'pst.sqlite'), authorize: roleBasedAuthorizer });
    for (const user of SAMPLE_USERS) site.store.db.ensureUser({ email: user.email, title: user.displayName, isSiteAdmin: user.role === 'coordinator' });
    await seedSamplePst(site.store.siteUrl, today);
  });
  afterAll(async () => {
    await site.store?.close();
    if (site.folder) fs.rmSync(site.folder, { recursive: true, force: true });
  });
  return site;
}
