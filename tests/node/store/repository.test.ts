/**
 * The product's repository (src/data/SharePointPstRepository.ts) against the embedded store,
 * unchanged: the snapshot in ONE `$batch` request (OData batch, https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/make-batch-requests-with-the-rest-apis),
 * an action's details, ETag-checked updates with a 412 on a stale ETag
 * (https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/working-with-lists-and-list-items-with-rest,
 * "Using ETag values to determine document and list item versioning"), check-ins.
 */
import { performance } from 'node:perf_hooks';
import { ensurePstLists } from '../../../src/data/provisioning';
import { ConflictError } from '../../../src/data/errors';
import { SharePointPstRepository } from '../../../src/data/SharePointPstRepository';
import type { ListKey } from '../../../src/schema/listSchema';
import { loadSampleDirectly, LoadedSample } from './sampleFixture';
import { startTestStore, TestStore } from './storeTestSupport';

describe('SharePointPstRepository on the embedded store (Binche sample)', () => {
  let t: TestStore;
  let listIds: Record<ListKey, string>;
  let sample: LoadedSample;
  let repository: SharePointPstRepository;

  beforeAll(async () => {
    t = await startTestStore();
    listIds = (await ensurePstLists(t.sp(), t.webPath)).listIds;
    sample = loadSampleDirectly(t.store, listIds);
    repository = new SharePointPstRepository(t.sp(), t.webPath);
  });
  afterAll(() => t.store.close());

  it('loads the snapshot in one $batch request', async () => {
    const before = t.store.requests.length;
    const started = performance.now();
    const snapshot = await repository.loadSnapshot();
    const elapsed = performance.now() - started;
    const requests = t.store.requests.slice(before);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /sites/pst/_api/$batch']);
    expect(requests[0].status).toBe(200);
    expect(snapshot.actions).toHaveLength(sample.counts.actions);
    expect(snapshot.operationalObjectives).toHaveLength(sample.counts.operationalObjectives);
    expect(snapshot.strategicObjectives).toHaveLength(sample.counts.strategicObjectives);
    expect(snapshot.sections).toHaveLength(sample.counts.sections);
    expect(snapshot.plans).toHaveLength(1);
    // People are expanded (Title, EMail) and lookups read as ids.
    const withLead = snapshot.actions.find((a) => a.projectLead?.email);
    expect(withLead?.projectLead).toEqual(expect.objectContaining({ displayName: expect.any(String), email: expect.stringContaining('@cpas.example') }));
    expect(snapshot.actions.every((a) => a.operationalObjectiveIds.length > 0 || a.parentActionId !== null)).toBe(true);
    console.log(`loadSnapshot (Binche sample: ${sample.counts.actions} actions): ${elapsed.toFixed(0)} ms, ${requests[0].bytes} bytes`);
  });

  it('loads an action with its check-ins (newest first) and its ETag; a stale ETag gives ConflictError and writes nothing', async () => {
    const actionId = [...sample.actionIds.values()][0];
    const details = await repository.loadActionDetails(actionId);
    expect(details.etag).toBe('"1"');
    expect(details.canEdit).toBe(true);
    const dates = details.checkIns.map((c) => c.date);
    expect(dates).toEqual([...dates].sort().reverse());

    const newEtag = await repository.updateAction(actionId, { progressPercent: 42 }, details.etag);
    expect(newEtag).toBe('"2"');
    const after = await repository.loadActionDetails(actionId);
    expect(after.action.progressPercent).toBe(42);

    const writesBefore = t.store.requests.filter((r) => r.method !== 'GET' && !r.path.endsWith('$batch')).length;
    await expect(repository.updateAction(actionId, { progressPercent: 50 }, details.etag)).rejects.toBeInstanceOf(ConflictError);
    const rejected = t.store.requests.filter((r) => r.status === 412);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].method).toBe('MERGE');
    expect(t.store.db.getItem(listIds.actions, actionId)!.values.PstProgress).toBe(42);
    expect(t.store.requests.filter((r) => r.method !== 'GET' && !r.path.endsWith('$batch')).length).toBe(writesBefore + 1);
  });

  it('records a check-in: the action takes its status and date, the history grows, Author is the caller', async () => {
    const actionId = [...sample.actionIds.values()][1];
    const { etag } = await repository.loadActionDetails(actionId);
    const { checkIn, actionEtag } = await repository.addCheckIn(
      { actionId, date: '2025-06-14', status: 'PROBLEME', percent: 55, health: 'blocage', comment: 'Bloqué.' },
      etag,
    );
    expect(checkIn).toEqual(expect.objectContaining({ actionId, date: '2025-06-14', status: 'PROBLEME', percent: 55, author: expect.objectContaining({ displayName: 'Anne Dupont' }) }));
    const details = await repository.loadActionDetails(actionId);
    expect(details.etag).toBe(actionEtag);
    expect(details.action.status).toBe('PROBLEME');
    expect(details.action.lastCheckInDate).toBe('2025-06-14');
    expect(details.checkIns[0]).toEqual(expect.objectContaining({ date: '2025-06-14', comment: 'Bloqué.', author: expect.objectContaining({ displayName: 'Anne Dupont' }) }));
  });
});
