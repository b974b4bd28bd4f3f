/**
 * Issue 15, point 3: the trend of a generated plan with 50,000 check-ins, computed from
 * the check-in history read against the embedded store (which refuses, as SharePoint
 * Online does, a query over 5,000 items that no index serves): every page within the
 * threshold, every check-in read once, the trend ending on today's figures.
 */
import { ensurePstLists } from '../../src/data/provisioning';
import { SharePointPstRepository } from '../../src/data/SharePointPstRepository';
import { currentPlan, itemsOfPlan } from '../../src/domain/plans';
import { progressTrend } from '../../src/domain/trend';
import { MAX_PAGE_SIZE } from '../../src/domain/limits';
import { insertGeneratedPlan } from '../bench/generatedPlan';
import { COORDINATOR, startTestStore, TestStore } from '../node/store/storeTestSupport';

jest.setTimeout(180_000);

const TODAY = '2026-11-23';
const CHECK_INS = 50_000;
let t: TestStore;

beforeAll(async () => {
  t = await startTestStore();
  const { listIds } = await ensurePstLists(t.sp(), t.webPath);
  insertGeneratedPlan(t.store, listIds, t.store.db.getUserByEmail(COORDINATOR)!.id, { os: 10, oo: 100, actions: 1000, checkIns: CHECK_INS }, TODAY);
});
afterAll(() => t.store.close());

describe('the check-in history past 5,000 items', () => {
  it('is read whole in pages of at most 5,000, none refused', async () => {
    const repository = new SharePointPstRepository(t.sp(), t.webPath);
    const from = t.store.requests.length;
    const history = await repository.loadCheckInHistory();
    const requests = t.store.requests.slice(from);
    expect(history).toHaveLength(CHECK_INS);
    expect(new Set(history.map((c) => c.id)).size).toBe(CHECK_INS);
    expect(requests).toHaveLength(CHECK_INS / MAX_PAGE_SIZE);
    expect(requests.every((r) => r.status === 200 && r.method === 'GET')).toBe(true);
    expect(requests.slice(1).every((r) => r.path.includes('$skiptoken=Paged=TRUE'))).toBe(true);
    expect(history[0]).toEqual({ id: 1, actionId: 1, date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), status: 'EN_COURS', percent: 0, health: 'bon' });
  });

  it('gives the plan trend month by month, ending on the dashboard figures of today', async () => {
    const repository = new SharePointPstRepository(t.sp(), t.webPath);
    const snapshot = await repository.loadSnapshot();
    const plan = currentPlan(snapshot.plans, TODAY)!;
    const items = itemsOfPlan(snapshot, plan.id);
    const input = { plan, strategicObjectives: items.strategicObjectives, operationalObjectives: items.operationalObjectives, actions: items.actions };
    const trend = progressTrend(input, await repository.loadCheckInHistory(), `${plan.startYear}-01-01`, TODAY);
    expect(trend.plan).toHaveLength((2026 - 2025) * 12 + 11);
    expect(trend.strategicObjectives.size).toBe(10);
    // The generated history sets a check-in per month back from today: the last point is today's state of the check-ins.
    const last = trend.plan[trend.plan.length - 1];
    expect(last.asOf).toBe(TODAY);
    expect(last.progress).not.toBeNull();
    expect(trend.plan.every((p) => p.progress === null || (p.progress >= 0 && p.progress <= 100))).toBe(true);
  });
});
