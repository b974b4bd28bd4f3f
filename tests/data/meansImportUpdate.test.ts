/**
 * An import that updates a plan already on the site (« mise à jour de … ») and its means
 * lines, against the embedded store: the previous import's lines are replaced by the
 * document's, the coordination's are kept, the preview shows old → new, and neither the same
 * document again nor an import resumed after a crash writes a line twice.
 */
import type { Queryable } from '@pnp/queryable';
import { ensurePstLists } from '../../src/data/provisioning';
import { importPlanToSite, loadStoredPst, writeNewPlan } from '../../src/data/planWriter';
import { readAllMeans } from '../../src/data/meansLines';
import { SharePointPstRepository } from '../../src/data/SharePointPstRepository';
import type { MeansLine } from '../../src/domain/means';
import type { PlanData } from '../../src/domain/model';
import { syncChanges } from '../../src/domain/syncChanges';
import { createNodeSp } from '../../src/node/sp/nodeSp';
import { COORDINATOR, startTestStore, TestStore } from '../node/store/storeTestSupport';
import { PLAN, action, oo, os } from '../domain/fixtures';

jest.setTimeout(120_000);

const line = (fields: Partial<MeansLine>): MeansLine => ({ year: 2025, service: 'ordinaire', direction: 'depense', source: 'commune', article: null, planned: 1000, actual: null, etp: null, ...fields });

function documentWith(guichet: MeansLine[], borne: MeansLine[]): PlanData {
  return {
    plan: PLAN,
    sections: [],
    strategicObjectives: [os(1, { code: '1', title: 'Accueil', order: 1 })],
    operationalObjectives: [oo(11, 1, { code: '1.1', title: 'Rénover l’accueil', order: 1 })],
    actions: [
      action(101, [11], { code: '1.1.1', title: 'Refaire le guichet', order: 1, resources: { text: null, lines: guichet } }),
      action(102, [11], { code: '1.1.2', title: 'Borne numérique', order: 2, resources: { text: null, lines: borne } }),
    ],
  };
}

const firstDocument = documentWith([line({ year: 2025, planned: 1000 }), line({ year: 2026, planned: 2000 })], []);
const key = (l: MeansLine) => [l.year, l.source, l.planned, l.actual, l.fromDocument ?? false];

async function linesOf(t: TestStore): Promise<Map<string, unknown[][]>> {
  // Every plan, an unfinished one too (the views do not show it).
  const snapshot = await loadStoredPst(t.sp(), t.webPath);
  const means = await readAllMeans(t.sp(), t.webPath);
  return new Map(snapshot.actions.map((a) => [a.code ?? '', (means.get(a.id) ?? []).map(key).sort()]));
}

describe('an update from a document and the means lines', () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await startTestStore();
    await ensurePstLists(t.sp(), t.webPath);
  });
  afterEach(() => t.store.close());

  it('replaces the previous import’s lines, keeps the coordinator’s, previews old → new, and a second run writes nothing', async () => {
    await writeNewPlan(t.sp(), t.webPath, firstDocument);
    const repository = new SharePointPstRepository(t.sp(COORDINATOR), t.webPath);
    const guichetId = (await repository.loadSnapshot()).actions.find((a) => a.code === '1.1.1')!.id;
    const opened = await repository.loadActionDetails(guichetId);
    // The coordinator adds a line and records the actual amount of the 2026 one.
    await repository.saveMeansLines(
      guichetId,
      [...opened.action.resources.lines!.map((l) => (l.year === 2026 ? { ...l, actual: 1800 } : l)), line({ year: 2027, source: 'region', planned: 50 })],
      opened.meansVersion!,
    );

    const corrected = documentWith([line({ year: 2025, planned: 1500 }), line({ year: 2026, planned: 2500 })], [line({ year: 2026, source: 'europe', planned: 300 })]);
    const preview = await importPlanToSite(t.sp(), t.webPath, corrected, { dryRun: true });
    expect(preview.mode).toBe('sync');
    const rows = syncChanges(preview.stored!, preview.sync!).filter((r) => r.field === 'meansLines');
    expect(rows.map((r) => [r.item, r.before, r.after])).toEqual([
      ['1.1.1 Refaire le guichet', '2025 · Dépense · Service ordinaire · Commune · prévu 1\u00a0000 €', '2025 · Dépense · Service ordinaire · Commune · prévu 1\u00a0500 €'],
      ['1.1.2 Borne numérique', '–', '2026 · Dépense · Service ordinaire · Europe · prévu 300 €'],
    ]);
    expect(await linesOf(t)).toEqual(
      new Map([
        ['1.1.1', [[2025, 'commune', 1000, null, true], [2026, 'commune', 2000, 1800, false], [2027, 'region', 50, null, false]]],
        ['1.1.2', []],
      ]),
    );

    const result = await importPlanToSite(t.sp(), t.webPath, corrected);
    expect(result).toMatchObject({ mode: 'sync', complete: true, failures: [] });
    const after = new Map([
      // 2025: the document's new figure; 2026: the coordinator's line (with its actual) stands, the document's 2 500 is not added next to it.
      ['1.1.1', [[2025, 'commune', 1500, null, true], [2026, 'commune', 2000, 1800, false], [2027, 'region', 50, null, false]]],
      ['1.1.2', [[2026, 'europe', 300, null, true]]],
    ]);
    expect(await linesOf(t)).toEqual(after);

    const again = await importPlanToSite(t.sp(), t.webPath, corrected, { dryRun: true });
    expect(again.sync!.means).toEqual([]);
    await importPlanToSite(t.sp(), t.webPath, corrected);
    expect(await linesOf(t)).toEqual(after);
  });

  it('a new plan interrupted before its lines is completed by the next import, each line once', async () => {
    // The process dies at the means lines' write (after the plan, OS, OO and actions).
    let writes = 0;
    const dying = createNodeSp(t.store.siteUrl, async () => `local:${COORDINATOR}`).using((instance: Queryable) => {
      instance.on.auth(async (url, init) => {
        const body = typeof init.body === 'string' ? init.body : '';
        if (url.toString().includes('$batch') && /PstMeans/.test(body) && /^POST /m.test(body)) throw new Error('processus interrompu');
        if (String(init.method ?? 'GET') !== 'GET') writes++;
        return [url, init];
      });
      return instance;
    });
    await expect(importPlanToSite(dying, t.webPath, firstDocument)).resolves.toMatchObject({ complete: false });
    expect(writes).toBeGreaterThan(0);
    const plans = (await loadStoredPst(t.sp(), t.webPath)).plans;
    expect(plans.filter((p) => p.importInProgress === true)).toHaveLength(1);
    expect(await linesOf(t)).toEqual(new Map([['1.1.1', []], ['1.1.2', []]]));

    const resumed = await importPlanToSite(t.sp(), t.webPath, firstDocument);
    expect(resumed).toMatchObject({ mode: 'sync', complete: true });
    const complete = new Map([['1.1.1', [[2025, 'commune', 1000, null, true], [2026, 'commune', 2000, null, true]]], ['1.1.2', []]]);
    expect(await linesOf(t)).toEqual(complete);
    await importPlanToSite(t.sp(), t.webPath, firstDocument);
    expect(await linesOf(t)).toEqual(complete);
  });
});
