/**
 * Issue 17, point 2: the store is killed between the two writes of a check-in (and of a
 * lead assignment), or right after the last one before its answer arrives; after a restart
 * on the same SQLite file the form's retry (same key, same ETag) completes the save:
 * exactly one check-in, the action consistent with it, the lead saved once.
 */
import type { SPFI } from '@pnp/sp';
import type { Queryable } from '@pnp/queryable';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { SharePointPstRepository } from '../../src/data/SharePointPstRepository';
import { ConflictError } from '../../src/data/errors';
import { createNodeSp } from '../../src/node/sp/nodeSp';
import { EmbeddedStore, roleBasedAuthorizer, startEmbeddedStore } from '../../src/node/store';
import { COORDINATOR, LEAD, OTHER_LEAD, PstSite, setUpPstSite, WEB } from '../node/store/pstSiteFixture';
import { temporaryDataFile } from '../node/store/storeTestSupport';

jest.setTimeout(120_000);

const data = temporaryDataFile('crash.sqlite');
let store: EmbeddedStore;
let site: PstSite;
let port: number;

/** Kills the store when the matching request is about to leave (`before`) or once it has been answered (`after`). */
function crashing(email: string, when: 'before' | 'after', matches: (url: string, method: string) => boolean): { sp: SPFI; crashed: () => boolean } {
  let armed = true;
  let crashed = false;
  const kill = async (): Promise<never> => {
    armed = false;
    crashed = true;
    await store.close();
    throw new Error('La connexion au serveur a été interrompue.');
  };
  const methods = new Map<string, string>();
  const sp = createNodeSp(`http://127.0.0.1:${port}${WEB}`, async () => `local:${email}`).using((instance: Queryable) => {
    instance.on.auth(async (url, init) => {
      const method = String((init.headers as Record<string, string>)['X-HTTP-Method'] ?? init.method ?? 'GET');
      methods.set(url.toString(), method);
      if (armed && when === 'before' && matches(url.toString(), method)) await kill();
      return [url, init];
    });
    instance.on.post(async (url, result) => {
      if (armed && when === 'after' && matches(url.toString(), methods.get(url.toString()) ?? 'GET')) await kill();
      return [url, result];
    });
    return instance;
  });
  return { sp, crashed: () => crashed };
}

async function restart(): Promise<void> {
  store = await startEmbeddedStore({ dataFile: data.file, port, authorize: roleBasedAuthorizer });
}

const checkInsWithKey = (key: string): number => {
  const checkIns = store.db.listLists().find((l) => l.url.endsWith('/PstCheckIns'))!;
  return (store.db.sql.prepare("SELECT COUNT(*) AS n FROM items WHERE list_id = ? AND json_extract(data, '$.PstCheckInKey') = ?").get(checkIns.id, key) as { n: number }).n;
};
const isProgressMerge = (url: string, method: string): boolean => method === 'MERGE' && url.includes('PstActionProgress');
const isActionMerge = (url: string, method: string): boolean => method === 'MERGE' && url.includes('PstActions');

beforeAll(async () => {
  store = await startEmbeddedStore({ dataFile: data.file, authorize: roleBasedAuthorizer });
  port = Number(new URL(store.url).port);
  site = await setUpPstSite(store);
});
afterAll(async () => {
  await store.close().catch(() => undefined);
  data.cleanup();
});

describe('a check-in', () => {
  it('killed between its two writes: the retry completes it, one check-in, the action takes it', async () => {
    const { sp, crashed } = crashing(LEAD, 'before', isProgressMerge);
    const lead = new SharePointPstRepository(sp, WEB);
    const details = await lead.loadActionDetails(site.ownAction);
    const checkIn = { actionId: site.ownAction, date: '2025-05-02', status: 'PROBLEME' as const, percent: 30, health: 'blocage' as const, comment: 'Fournisseur en faillite', key: 'essai-panne-1' };
    await expect(lead.addCheckIn(checkIn, details.etag)).rejects.toThrow();
    expect(crashed()).toBe(true);

    await restart();
    expect(checkInsWithKey('essai-panne-1')).toBe(1);
    // Written, not yet applied: the action still shows the previous check-in.
    expect((await site.repository(COORDINATOR).loadActionDetails(site.ownAction)).action.status).toBe('EN_COURS');

    const saved = await new SharePointPstRepository(createNodeSp(store.siteUrl, async () => `local:${LEAD}`), WEB).addCheckIn(checkIn, details.etag);
    expect(saved.checkIn).toMatchObject({ actionId: site.ownAction, date: '2025-05-02', status: 'PROBLEME', author: expect.objectContaining({ displayName: 'Marc Dubois' }) });
    expect(checkInsWithKey('essai-panne-1')).toBe(1);
    const after = await site.repository(COORDINATOR).loadActionDetails(site.ownAction);
    expect(after.action).toMatchObject({ status: 'PROBLEME', progressPercent: 30, health: 'blocage', lastCheckInDate: '2025-05-02' });
    expect(after.checkIns.filter((c) => c.comment === 'Fournisseur en faillite')).toHaveLength(1);
    expect(after.etag).toBe(saved.actionEtag);
  });

  it('killed after its last write, before the answer: the retry reports success and writes nothing', async () => {
    const { sp, crashed } = crashing(LEAD, 'after', isProgressMerge);
    const lead = new SharePointPstRepository(sp, WEB);
    const details = await lead.loadActionDetails(site.ownAction);
    const checkIn = { actionId: site.ownAction, date: '2025-05-03', status: 'EN_COURS' as const, percent: 35, health: 'risque' as const, comment: 'Repris', key: 'essai-panne-2' };
    await expect(lead.addCheckIn(checkIn, details.etag)).rejects.toThrow();
    expect(crashed()).toBe(true);
    await restart();
    const before = store.requests.length;
    await new SharePointPstRepository(createNodeSp(store.siteUrl, async () => `local:${LEAD}`), WEB).addCheckIn(checkIn, details.etag);
    expect(store.requests.slice(before).filter((r) => r.method !== 'GET' && !r.path.endsWith('$batch'))).toEqual([]);
    expect(checkInsWithKey('essai-panne-2')).toBe(1);
    expect((await site.repository(COORDINATOR).loadActionDetails(site.ownAction)).action).toMatchObject({ status: 'EN_COURS', progressPercent: 35 });
  });

  it('sends no request after its last write (the current user is read first)', async () => {
    const lead = site.repository(LEAD);
    const details = await lead.loadActionDetails(site.ownAction);
    const from = store.requests.length;
    await lead.addCheckIn({ actionId: site.ownAction, date: '2025-05-04', status: 'EN_COURS', percent: 40, health: 'bon', comment: null, key: 'sans-requete-apres' }, details.etag);
    const sent = store.requests.slice(from).map((r) => `${r.method} ${r.path.split('?')[0]}`);
    expect(sent[sent.length - 1]).toMatch(/^MERGE .*PstActionProgress.*items\(\d+\)$/);
  });
});

describe('a lead assignment', () => {
  it('killed before its last write: the retry completes it, one progress item, the previous lead loses the action', async () => {
    const { sp, crashed } = crashing(COORDINATOR, 'before', (url, method) => isActionMerge(url, method));
    const coordinator = new SharePointPstRepository(sp, WEB);
    const details = await coordinator.loadActionDetails(site.otherAction);
    await expect(coordinator.assignLead(site.otherAction, { displayName: 'Marc Dubois', email: LEAD }, details.etag)).rejects.toThrow();
    expect(crashed()).toBe(true);

    await restart();
    const retry = await site.repository(COORDINATOR).assignLead(site.otherAction, { displayName: 'Marc Dubois', email: LEAD }, details.etag);
    expect(retry.permissionError).toBeNull();
    const after = await site.repository(COORDINATOR).loadActionDetails(site.otherAction);
    expect(after.action.projectLead?.email).toBe(LEAD);
    const progressList = store.db.listLists().find((l) => l.url.endsWith('/PstActionProgress'))!;
    const progressItems = store.db.sql.prepare("SELECT COUNT(*) AS n FROM items WHERE list_id = ? AND json_extract(data, '$.PstAction') = ?").get(progressList.id, site.otherAction) as { n: number };
    expect(progressItems.n).toBe(1);
    expect((await site.repository(LEAD).loadActionDetails(site.otherAction)).canEdit).toBe(true);
    expect((await site.repository(OTHER_LEAD).loadActionDetails(site.otherAction)).canEdit).toBe(false);
  });

  it('killed after its last write: the retry answers as the assignment did, without a conflict or a second write', async () => {
    const { sp, crashed } = crashing(COORDINATOR, 'after', isActionMerge);
    const coordinator = new SharePointPstRepository(sp, WEB);
    const details = await coordinator.loadActionDetails(site.otherAction);
    await expect(coordinator.assignLead(site.otherAction, { displayName: 'Sophie Lambert', email: OTHER_LEAD }, details.etag)).rejects.toThrow();
    expect(crashed()).toBe(true);
    await restart();
    const before = store.requests.length;
    const retry = await site.repository(COORDINATOR).assignLead(site.otherAction, { displayName: 'Sophie Lambert', email: OTHER_LEAD }, details.etag);
    expect(retry.lead.email).toBe(OTHER_LEAD);
    expect(store.requests.slice(before).filter((r) => r.method !== 'GET' && !r.path.endsWith('$batch') && !r.path.includes('ensureuser'))).toEqual([]);
    expect((await site.repository(OTHER_LEAD).loadActionDetails(site.otherAction)).canEdit).toBe(true);
  });
});

describe("the coordinator's sheet edit (progress item, then action item)", () => {
  const coordinatorAfterRestart = () => new SharePointPstRepository(createNodeSp(store.siteUrl, async () => `local:${COORDINATOR}`), WEB);
  const nonReads = (from: number) => store.requests.slice(from).filter((r) => r.method !== 'GET' && !r.path.endsWith('$batch'));

  it('killed between its two writes: the retry with the same ETag completes it, no conflict with itself', async () => {
    const { sp, crashed } = crashing(COORDINATOR, 'before', isActionMerge);
    const coordinator = new SharePointPstRepository(sp, WEB);
    const details = await coordinator.loadActionDetails(site.ownAction);
    const changes = { status: 'EN_ATTENTE' as const, progressPercent: 45, title: 'Titre revu après panne' };
    await expect(coordinator.updateAction(site.ownAction, changes, details.etag)).rejects.toThrow();
    expect(crashed()).toBe(true);

    await restart();
    const half = await site.repository(COORDINATOR).loadActionDetails(site.ownAction);
    expect(half.action).toMatchObject({ status: 'EN_ATTENTE', progressPercent: 45 });
    expect(half.action.title).toBe(details.action.title);

    const from = store.requests.length;
    const etag = await coordinatorAfterRestart().updateAction(site.ownAction, changes, details.etag);
    expect(nonReads(from).map((r) => r.path.includes('PstActions'))).toEqual([true]);
    const after = await site.repository(COORDINATOR).loadActionDetails(site.ownAction);
    expect(after.action).toMatchObject(changes);
    expect(after.etag).toBe(etag);
  });

  it('killed after its last write: the retry reports success and writes nothing', async () => {
    const { sp, crashed } = crashing(COORDINATOR, 'after', isActionMerge);
    const coordinator = new SharePointPstRepository(sp, WEB);
    const details = await coordinator.loadActionDetails(site.ownAction);
    const changes = { status: 'EN_COURS' as const, progressPercent: 50, title: 'Titre revu deux fois' };
    await expect(coordinator.updateAction(site.ownAction, changes, details.etag)).rejects.toThrow();
    expect(crashed()).toBe(true);
    await restart();
    const from = store.requests.length;
    const etag = await coordinatorAfterRestart().updateAction(site.ownAction, changes, details.etag);
    expect(nonReads(from)).toEqual([]);
    const after = await site.repository(COORDINATOR).loadActionDetails(site.ownAction);
    expect(after.action).toMatchObject(changes);
    expect(after.etag).toBe(etag);
  });

  it("still refuses to overwrite a lead's check-in recorded since the sheet was opened", async () => {
    const coordinator = site.repository(COORDINATOR);
    const opened = await coordinator.loadActionDetails(site.ownAction);
    const lead = site.repository(LEAD);
    const leadView = await lead.loadActionDetails(site.ownAction);
    await lead.addCheckIn({ actionId: site.ownAction, date: '2025-05-10', status: 'PROBLEME', percent: 55, health: 'blocage', comment: 'Bloqué', key: 'pendant-la-fiche' }, leadView.etag);
    await expect(coordinator.updateAction(site.ownAction, { status: 'TERMINE', progressPercent: 100 }, opened.etag)).rejects.toBeInstanceOf(ConflictError);
    expect((await coordinator.loadActionDetails(site.ownAction)).action).toMatchObject({ status: 'PROBLEME', progressPercent: 55 });
  });
});

describe('a correction of the latest check-in (issue 13)', () => {
  it('killed between its two writes: the retry completes it, one earlier version kept, the action takes it', async () => {
    const lead = site.repository(LEAD);
    const details = await lead.loadActionDetails(site.ownAction);
    const latest = details.checkIns[0];
    const { sp, crashed } = crashing(LEAD, 'before', isProgressMerge);
    const correction = { checkInId: latest.id, actionId: site.ownAction, date: latest.date, status: 'EN_COURS' as const, percent: 12, health: 'bon' as const, comment: 'Corrigé après panne', key: 'correction-panne' };
    await expect(new SharePointPstRepository(sp, WEB).correctCheckIn(correction, details.etag)).rejects.toThrow();
    expect(crashed()).toBe(true);

    await restart();
    const retried = await new SharePointPstRepository(createNodeSp(store.siteUrl, async () => `local:${LEAD}`), WEB).correctCheckIn(correction, details.etag);
    expect(retried.checkIn).toMatchObject({ id: latest.id, percent: 12 });
    const after = await site.repository(COORDINATOR).loadActionDetails(site.ownAction);
    expect(after.action).toMatchObject({ progressPercent: 12, health: 'bon' });
    const stored = after.checkIns.find((c) => c.id === latest.id)!;
    expect(stored).toMatchObject({ percent: 12, comment: 'Corrigé après panne' });
    expect(stored.corrections).toHaveLength(1);
    expect(stored.corrections![0]).toMatchObject({ percent: latest.percent, comment: latest.comment });
    expect(after.checkIns).toHaveLength(details.checkIns.length);
  });
});
