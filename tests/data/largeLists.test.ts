/**
 * Every read of the data layer past the list view threshold, against the embedded store
 * (which refuses, as SharePoint Online does, a query over 5,000 items that no index serves,
 * and pages by `$skiptoken` / `odata.nextLink`): the snapshot and the plan writer's read of a
 * plan of 6,000 actions, the reminder ledger at 12,000 entries, batches of 100 requests.
 */
import { ensurePstLists } from '../../src/data/provisioning';
import { SharePointPstRepository } from '../../src/data/SharePointPstRepository';
import { SharePointReminderLedger } from '../../src/data/SharePointReminderLedger';
import { loadStoredPst } from '../../src/data/planWriter';
import { addDays, Person } from '../../src/domain/model';
import { isMine } from '../../src/domain/filter/people';
import type { ListKey } from '../../src/schema/listSchema';
import { reminderLedgerList } from '../../src/schema/listSchema';
import { dayToSharePoint } from '../../src/schema/mapping';
import { insertGeneratedPlan } from '../bench/generatedPlan';
import { COORDINATOR, LEAD, startTestStore, TestStore } from '../node/store/storeTestSupport';

jest.setTimeout(120_000);

const TODAY = '2026-11-23';
const ACTIONS = 6000;
const LEDGER = 12000;

let t: TestStore;
let listIds: Record<ListKey, string>;
let lead: Person;
let coordinatorId: number;

beforeAll(async () => {
  t = await startTestStore();
  listIds = (await ensurePstLists(t.sp(), t.webPath)).listIds;
  coordinatorId = t.store.db.getUserByEmail(COORDINATOR)!.id;
  const leadUser = t.store.db.getUserByEmail(LEAD)!;
  lead = { id: leadUser.id, displayName: leadUser.title, email: LEAD };
  const coordinator: Person = { id: coordinatorId, displayName: 'Anne Dupont', email: COORDINATOR };
  insertGeneratedPlan(t.store, listIds, coordinatorId, { os: 10, oo: 100, actions: ACTIONS, checkIns: 0, leads: [lead, coordinator, lead] }, TODAY);
});
afterAll(() => t.store.close());

const requestsDuring = async <T>(work: () => Promise<T>) => {
  const from = t.store.requests.length;
  const result = await work();
  return { result, requests: t.store.requests.slice(from) };
};

describe('the snapshot of a plan past 5,000 actions', () => {
  it('loads all 6,000 actions: one $batch for the first pages, then the next page by its link', async () => {
    const repository = new SharePointPstRepository(t.sp(), t.webPath);
    const { result: snapshot, requests } = await requestsDuring(() => repository.loadSnapshot());
    expect(snapshot.actions).toHaveLength(ACTIONS);
    expect(new Set(snapshot.actions.map((a) => a.id)).size).toBe(ACTIONS);
    expect(snapshot.operationalObjectives).toHaveLength(100);
    expect(requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      'POST /sites/pst/_api/$batch',
      "GET /sites/pst/_api/web/getList('/sites/pst/Lists/PstActions')/items",
    ]);
    expect(requests[1].path).toContain('$skiptoken=Paged=TRUE&p_ID=5000');
    expect(requests.every((r) => r.status === 200)).toBe(true);
  });

  it('carries what the views show and leaves the long texts and people they do not show to the panel', async () => {
    const repository = new SharePointPstRepository(t.sp(), t.webPath);
    const snapshot = await repository.loadSnapshot();
    const last = snapshot.actions.find((a) => a.id === ACTIONS)!;
    expect(last).toEqual(expect.objectContaining({ code: `A${ACTIONS}`, status: expect.any(String), description: null }));
    expect(last.projectLead).toEqual({ displayName: 'Marc Dubois', email: LEAD });
    expect(snapshot.indicators).toEqual([]);
    // The team travels as ids: enough for « Mes actions » (the viewer is matched by id).
    const withTeam = snapshot.actions.find((a) => a.team.some((m) => m.id === coordinatorId) && a.projectLead?.email !== COORDINATOR)!;
    expect(withTeam).toBeDefined();
    expect(isMine(withTeam, snapshot.viewer!.user)).toBe(true);
    const details = await repository.loadActionDetails(withTeam.id);
    expect(details.action.description).toContain('Description');
    expect(details.action.team.map((p) => p.email)).toContain(COORDINATOR);
  });

  it('the plan writer reads the 6,000 actions with their long texts, pages followed', async () => {
    const { result: stored, requests } = await requestsDuring(() => loadStoredPst(t.sp(), t.webPath));
    expect(stored.actions).toHaveLength(ACTIONS);
    expect(stored.actions[ACTIONS - 1].description).toContain('Description');
    expect(requests).toHaveLength(2);
  });
});

describe('the reminder ledger past 5,000 entries', () => {
  const f = reminderLedgerList.fields;
  const ledger = () => new SharePointReminderLedger(t.sp(), t.webPath);

  beforeAll(() => {
    // 12,000 entries, one run a day over 1,200 days (10 a day): the last 800 days hold 8,000.
    const entries = Array.from({ length: LEDGER }, (_, i) => ({
      [f.title.internalName]: `stale:${i}:${TODAY}`,
      [f.recipient.internalName]: LEAD,
      [f.kind.internalName]: 'stale',
      [f.runDate.internalName]: dayToSharePoint(addDays(TODAY, -1200 + Math.floor(i / 10))),
      [f.messageId.internalName]: `<m${i}@cpas.example>`,
    }));
    t.store.db.addItems(listIds.reminderLedger, entries, { authorId: coordinatorId });
  });

  it('reads the keys of the last 800 days, newest first by the ID index, never the whole list', async () => {
    const { result: keys, requests } = await requestsDuring(() => ledger().sentKeys(TODAY));
    const expected = Array.from({ length: LEDGER }, (_, i) => i).filter((i) => addDays(TODAY, -1200 + Math.floor(i / 10)) >= addDays(TODAY, -800));
    expect(expected).toHaveLength(8000);
    expect(keys).toEqual(new Set(expected.map((i) => `stale:${i}:${TODAY}`)));
    // Two pages of 5,000 cover the window: the third page (the older entries) is never asked for.
    expect(requests).toHaveLength(2);
    for (const r of requests) {
      expect(r.status).toBe(200);
      expect(r.path).toMatch(/\$orderby=ID[+ ]desc/);
    }
  });

  it('records entries in batches of 100 requests', async () => {
    const entries = Array.from({ length: 250 }, (_, i) => ({ key: `dueSoon:${i}:${TODAY}`, recipient: LEAD, kind: 'dueSoon' as const, runDate: TODAY, messageId: `<n${i}@cpas.example>` }));
    const { requests } = await requestsDuring(() => ledger().record(entries));
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(Array(3).fill('POST /sites/pst/_api/$batch'));
    const keys = await ledger().sentKeys(TODAY);
    for (const e of entries) expect(keys.has(e.key)).toBe(true);
  });
});
