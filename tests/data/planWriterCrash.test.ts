/**
 * Issue 17: an import interrupted at any step of writing a new plan, against the embedded
 * store. Before each write of a full import in turn (the plan, each generation of
 * sections and actions, OS, OO, indicators, the last write that shows the plan) the
 * request fails as if the process died: the site then still shows the previous plan and
 * nothing of the new one; the next import of the same document completes the unfinished
 * plan (no second plan, no duplicate item) and only then shows it.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Queryable } from '@pnp/queryable';
import { ensurePstLists } from '../../src/data/provisioning';
import { importPlanToSite, loadStoredPst, writeNewPlan } from '../../src/data/planWriter';
import { SharePointPstRepository } from '../../src/data/SharePointPstRepository';
import type { PlanData } from '../../src/domain/model';
import { currentPlan, itemsOfPlan } from '../../src/domain/plans';
import { planFromOutline } from '../../src/import/toPlan';
import { parseOutline } from '../../src/import/outline/outlineParser';
import { linesOfText } from '../../src/import/lines/sourceLines';
import { createNodeSp } from '../../src/node/sp/nodeSp';
import { COORDINATOR, startTestStore, TestStore } from '../node/store/storeTestSupport';

jest.setTimeout(300_000);

const TODAY = '2026-11-23';
const SAMPLES = path.resolve(__dirname, '../../../shared/samples');
const text = fs.readFileSync(path.join(SAMPLES, fs.readdirSync(SAMPLES).find((f) => f.startsWith('003') && f.endsWith('.txt'))!), 'utf8');
const parsed: PlanData = planFromOutline(parseOutline(linesOfText(text)).outline);
// The document as the new legislature's plan (sub-actions make a second generation of actions).
const newPlan: PlanData = {
  ...parsed,
  plan: { ...parsed.plan, title: 'PST 2025-2030', startYear: 2025, endYear: 2030 },
  actions: parsed.actions.map((a, i) => (i === 1 ? { ...a, parentActionId: parsed.actions[0].id } : a)),
};
const oldPlan: PlanData = { ...parsed, plan: { ...parsed.plan, title: 'PST 2019-2024', startYear: 2019, endYear: 2024 } };

/** A site with last legislature's plan; `failAt`: the write request (1-based) that fails as if the process died. */
async function siteWithOldPlan(): Promise<{ t: TestStore; oldPlanId: number }> {
  const t = await startTestStore();
  await ensurePstLists(t.sp(), t.webPath);
  const { planId } = await writeNewPlan(t.sp(), t.webPath, oldPlan);
  return { t, oldPlanId: planId };
}

/** An sp whose `failAt`-th write (1-based; a `$batch` counts when it holds a write) fails as if the process died. */
function failingAt(t: TestStore, failAt: number) {
  const counter = { writes: 0 };
  const sp = createNodeSp(t.store.siteUrl, async () => `local:${COORDINATOR}`).using((instance: Queryable) => {
    instance.on.auth(async (url, init) => {
      const method = String((init.headers as Record<string, string>)['X-HTTP-Method'] ?? init.method ?? 'GET');
      const body = typeof init.body === 'string' ? init.body : '';
      const isWrite = method !== 'GET' && (!url.toString().includes('$batch') || /^(POST|PATCH|MERGE|PUT|DELETE) /m.test(body));
      if (isWrite && ++counter.writes === failAt) throw new Error('processus interrompu');
      return [url, init];
    });
    return instance;
  });
  return { sp, counter };
}

async function shown(t: TestStore) {
  const snapshot = await new SharePointPstRepository(t.sp(), t.webPath).loadSnapshot();
  return { snapshot, current: currentPlan(snapshot.plans, TODAY) };
}

let fullImportWrites = 0;

beforeAll(async () => {
  const { t } = await siteWithOldPlan();
  const counting = failingAt(t, Infinity);
  const result = await importPlanToSite(counting.sp, t.webPath, newPlan);
  expect(result).toMatchObject({ mode: 'new', complete: true });
  fullImportWrites = counting.counter.writes;
  await t.store.close();
});

describe('a new plan whose import is interrupted', () => {
  it('takes several writes (the steps tested below)', () => {
    // the plan, its OS, its OO, two generations of actions, the last write (no sections or indicators in this document)
    expect(fullImportWrites).toBeGreaterThanOrEqual(6);
  });

  it('at every step: the previous plan stays the one shown, and the next import completes the new one once', async () => {
    for (let step = 1; step <= fullImportWrites; step++) {
      const { t, oldPlanId } = await siteWithOldPlan();
      try {
        const interrupted = await importPlanToSite(failingAt(t, step).sp, t.webPath, newPlan);
        expect({ step, complete: interrupted.complete }).toEqual({ step, complete: false });

        const during = await shown(t);
        expect({ step, plans: during.snapshot.plans.map((p) => p.id) }).toEqual({ step, plans: [oldPlanId] });
        expect(during.current?.id).toBe(oldPlanId);
        expect(during.snapshot.strategicObjectives).toHaveLength(oldPlan.strategicObjectives.length);
        expect(during.snapshot.actions).toHaveLength(oldPlan.actions.length);

        const resumed = await importPlanToSite(t.sp(), t.webPath, newPlan);
        expect({ step, complete: resumed.complete, failures: resumed.failures }).toEqual({ step, complete: true, failures: [] });

        const after = await shown(t);
        expect(after.snapshot.plans).toHaveLength(2);
        expect(after.current?.title).toBe('PST 2025-2030');
        const items = itemsOfPlan(after.snapshot, after.current!.id);
        expect({ step, os: items.strategicObjectives.length, oo: items.operationalObjectives.length, actions: items.actions.length }).toEqual({
          step,
          os: newPlan.strategicObjectives.length,
          oo: newPlan.operationalObjectives.length,
          actions: newPlan.actions.length,
        });
        const stored = await loadStoredPst(t.sp(), t.webPath);
        expect(stored.plans.every((p) => p.importInProgress !== true)).toBe(true);
        expect(stored.actions).toHaveLength(oldPlan.actions.length + newPlan.actions.length);
      } finally {
        await t.store.close();
      }
    }
  });
});
