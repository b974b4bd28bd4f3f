/** The SQLite file keeps everything across a restart: lists, fields, indexes, items, users, permissions. */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { ensurePstLists } from '../../../src/data/provisioning';
import { listUrl } from '../../../src/data/sharePointPaths';
import { plansList } from '../../../src/schema/listSchema';
import { startEmbeddedStore } from '../../../src/node/store';
import { createNodeSp } from '../../../src/node/sp/nodeSp';
import { COORDINATOR, temporaryDataFile } from './storeTestSupport';

describe('persistence', () => {
  it('finds the data again after close and restart on the same file', async () => {
    const { file, cleanup } = temporaryDataFile('pst.sqlite');
    try {
      let store = await startEmbeddedStore({ dataFile: file });
      store.db.ensureUser({ email: COORDINATOR, title: 'Anne Dupont', isSiteAdmin: true });
      let sp = createNodeSp(store.siteUrl, async () => `local:${COORDINATOR}`);
      const first = await ensurePstLists(sp, '/sites/pst');
      const plans = () => sp.web.getList(listUrl('/sites/pst', plansList)).items;
      await plans().add({ Title: 'PST 2025-2030', PstPeriodStart: 2025 });
      await plans().getById(1).update({ PstOrganisation: 'CPAS' });
      const webId = store.db.webId;
      await store.close();

      store = await startEmbeddedStore({ dataFile: file });
      sp = createNodeSp(store.siteUrl, async () => `local:${COORDINATOR}`);
      expect(store.db.webId).toBe(webId);
      const second = await ensurePstLists(sp, '/sites/pst');
      expect(second.changes).toEqual([]);
      expect(second.listIds).toEqual(first.listIds);
      const item = await plans().getById(1).select('Title', 'PstOrganisation', 'PstPeriodStart', 'AuthorId')();
      expect(item).toEqual(expect.objectContaining({ Title: 'PST 2025-2030', PstOrganisation: 'CPAS', PstPeriodStart: 2025, 'odata.etag': '"2"' }));
      expect((await plans().add({ Title: 'suivant' })).Id).toBe(2);
      await store.close();
    } finally {
      cleanup();
    }
  });
});
