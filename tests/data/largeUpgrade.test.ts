/**
 * The provisioning upgrade (actionSpaces.ensureActionSpaces) on a site past the list view
 * threshold: the actions are read page after page, so an action past the first 5,000 gets
 * its check-in folder and progress item like the others, and no request is refused.
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { ensurePstLists, provisionPst } from '../../src/data/provisioning';
import { actionsList, ListKey } from '../../src/schema/listSchema';
import { listUrl } from '../../src/data/sharePointPaths';
import { insertGeneratedPlan } from '../bench/generatedPlan';
import { COORDINATOR, LEAD, startTestStore, TestStore } from '../node/store/storeTestSupport';

jest.setTimeout(120_000);

const ACTIONS = 5100;
let t: TestStore;
let listIds: Record<ListKey, string>;

beforeAll(async () => {
  t = await startTestStore();
  listIds = (await ensurePstLists(t.sp(), t.webPath)).listIds;
  const coordinatorId = t.store.db.getUserByEmail(COORDINATOR)!.id;
  insertGeneratedPlan(t.store, listIds, coordinatorId, { os: 10, oo: 100, actions: ACTIONS, checkIns: 0 }, '2026-11-23');
  // Two led actions, one on each side of the first page.
  const leadId = t.store.db.getUserByEmail(LEAD)!.id;
  const actions = t.sp().web.getList(listUrl(t.webPath, actionsList));
  for (const id of [3, 5050]) await actions.items.getById(id).update({ [`${actionsList.fields.projectLead.internalName}Id`]: leadId });
});
afterAll(() => t.store.close());

describe('the provisioning upgrade past 5,000 actions', () => {
  it('gives every led action its space, the one after the first page too, without a refused request', async () => {
    const from = t.store.requests.length;
    const report = await provisionPst(t.sp(), t.webPath);
    const requests = t.store.requests.slice(from);
    const spaces = (report.permissionChanges ?? []).filter((c) => c.includes('dossier de suivis'));
    expect(spaces.map((c) => Number(/^action (\d+)/.exec(c)![1])).sort((a, b) => a - b)).toEqual([3, 5050]);
    const actionPages = requests.filter((r) => r.method === 'GET' && r.path.includes('PstActions') && r.path.includes('/items?'));
    expect(actionPages.some((r) => r.path.includes('$skiptoken=Paged=TRUE&p_ID=5000'))).toBe(true);
    // 404s are the upgrade looking for what it creates; a query over the threshold would be refused otherwise.
    expect(requests.filter((r) => r.status >= 400 && r.status !== 404)).toEqual([]);

    const action = await t.sp().web.getList(listUrl(t.webPath, actionsList)).items.getById(5050).select(actionsList.fields.progressItem.internalName)();
    expect(action[actionsList.fields.progressItem.internalName]).toBeGreaterThan(0);
  });

  it('changes nothing on a second run', async () => {
    const report = await provisionPst(t.sp(), t.webPath);
    expect((report.permissionChanges ?? []).filter((c) => c.startsWith('action '))).toEqual([]);
  });
});
