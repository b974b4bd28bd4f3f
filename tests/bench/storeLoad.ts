/**
 * `npm run bench:store`: what the dashboard and an action's panel cost on a large PST,
 * through the product's own PnPjs repository against the embedded store.
 * Plan: 50 OS, 500 OO, 5,000 actions (with leads and teams), 50,000 check-ins (sizes can be
 * given as arguments: `npm run bench:store -- 10 100 1000 10000`). Prints requests, bytes
 * and milliseconds; the last line is JSON:
 * `{"actionsTotal","actionsLoaded","requests","snapshotBytes","shownFieldBytes","loadMs",
 * "trendRequests","trendBytes","trendReadMs","trendComputeMs","trendMonths"}` (the trend: the
 * whole check-in history read, then the progress over time computed from it).
 * `snapshotBytes` are the bytes on the wire (gzip, as a browser asks); `shownFieldBytes` the
 * JSON of the fields the views show, and nothing else, for the same items (see `shownFields`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startEmbeddedStore, roleBasedAuthorizer } from '../../src/node/store';
import { ensurePstLists } from '../../src/data/provisioning';
import { SharePointPstRepository } from '../../src/data/SharePointPstRepository';
import { createNodeSp } from '../../src/node/sp/nodeSp';
import { insertGeneratedPlan } from './generatedPlan';
import { dashboardFigures } from '../../src/domain/dashboard';
import { progressTrend } from '../../src/domain/trend';
import type { Person } from '../../src/domain/model';
import type { PstSnapshot } from '../../src/domain/snapshot';
import { actionToItem, operationalObjectiveToItem, planToItem, sectionToItem, strategicObjectiveToItem } from '../../src/schema/mapping';

/**
 * What the tree, the cards, the dashboard and the filters show or compute from, by list (the
 * lead as name and e-mail, the team as ids: it is only matched against the viewer).
 */
const SHOWN_FIELDS = {
  plans: ['Title', 'PstOrganisation', 'PstPeriodStart', 'PstPeriodEnd'],
  sections: ['Title', 'PstCode', 'PstVolet', 'PstPlanId', 'PstParentSectionId', 'PstSortOrder'],
  strategicObjectives: ['Title', 'PstCode', 'PstVolet', 'PstSectionId', 'PstPlanId', 'PstSortOrder'],
  operationalObjectives: ['Title', 'PstCode', 'PstStrategicObjectiveId', 'PstSortOrder'],
  actions: ['Title', 'PstCode', 'PstOperationalObjectivesId', 'PstParentActionId', 'PstSortOrder', 'PstPlannedStart', 'PstPlannedEnd', 'PstDepartment', 'PstTeamId', 'PstPriority', 'PstStatus', 'PstHealth', 'PstProgress', 'PstSdgs', 'PstLabels', 'PstWeight', 'PstLastCheckIn'],
};

/** Bytes of `{"value":[…]}` per list, each item holding its Id and its shown fields only. */
function shownFieldBytes(snapshot: PstSnapshot): number {
  const pick = (id: number, payload: Record<string, unknown>, names: readonly string[], extra: Record<string, unknown> = {}) => ({
    Id: id,
    ...Object.fromEntries(names.map((n) => [n, payload[n] ?? null])),
    ...extra,
  });
  const lead = (p: Person | null) => (p && p.email ? { PstProjectLead: { Title: p.displayName, EMail: p.email } } : {});
  const lists = [
    snapshot.plans.map((p) => pick(p.id, planToItem(p), SHOWN_FIELDS.plans)),
    snapshot.sections.map((x) => pick(x.id, sectionToItem(x, x.planId), SHOWN_FIELDS.sections)),
    snapshot.strategicObjectives.map((x) => pick(x.id, strategicObjectiveToItem(x, x.planId), SHOWN_FIELDS.strategicObjectives)),
    snapshot.operationalObjectives.map((x) => pick(x.id, operationalObjectiveToItem(x), SHOWN_FIELDS.operationalObjectives)),
    snapshot.actions.map((a) => pick(a.id, actionToItem(a), SHOWN_FIELDS.actions, lead(a.projectLead))),
  ];
  return lists.reduce((sum, value) => sum + Buffer.byteLength(JSON.stringify({ value }), 'utf8'), 0);
}

const [osCount, ooCount, actionCount, checkInCount] = (process.argv.slice(2).length === 4 ? process.argv.slice(2) : ['50', '500', '5000', '50000']).map(Number);
const COORDINATOR = 'anne.dupont@cpas.example';
const TODAY = '2026-11-23';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} Ko`;

async function main(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pst-bench-'));
  const store = await startEmbeddedStore({ dataFile: path.join(folder, 'bench.sqlite'), authorize: roleBasedAuthorizer });
  try {
    const admin = store.db.ensureUser({ email: COORDINATOR, title: 'Anne Dupont', isSiteAdmin: true });
    const leads: Person[] = Array.from({ length: 50 }, (_, i) => {
      const email = `chef${i + 1}@cpas.example`;
      return { id: store.db.ensureUser({ email, title: `Chef de projet ${i + 1}` }).id, displayName: `Chef de projet ${i + 1}`, email };
    });
    const sp = createNodeSp(store.siteUrl, async () => `local:${COORDINATOR}`);
    const report = await ensurePstLists(sp, '/sites/pst');
    const ids = report.listIds;

    let t = performance.now();
    insertGeneratedPlan(store, ids, admin.id, { os: osCount, oo: ooCount, actions: actionCount, checkIns: checkInCount, leads }, TODAY);
    const seedMs = performance.now() - t;

    const repository = new SharePointPstRepository(sp, '/sites/pst');
    await repository.loadSnapshot(); // warm-up (SQLite caches, JIT)

    store.requests.length = 0;
    t = performance.now();
    const snapshot = await repository.loadSnapshot();
    const loadMs = performance.now() - t;
    const dashboardRequests = store.requests.slice();
    t = performance.now();
    const figures = dashboardFigures({ ...snapshot, plan: snapshot.plans[0] }, TODAY);
    const figuresMs = performance.now() - t;

    store.requests.length = 0;
    t = performance.now();
    const details = await repository.loadActionDetails(Math.floor(actionCount / 2));
    const panelMs = performance.now() - t;
    const panelRequests = store.requests.slice();

    store.requests.length = 0;
    t = performance.now();
    const history = await repository.loadCheckInHistory();
    const trendReadMs = performance.now() - t;
    const trendRequests = store.requests.slice();
    const plan = snapshot.plans[0];
    t = performance.now();
    const trend = progressTrend({ ...snapshot, plan }, history, `${plan.startYear}-01-01`, TODAY);
    const trendComputeMs = performance.now() - t;

    const sum = (entries: { bytes: number }[]) => entries.reduce((s, e) => s + e.bytes, 0);
    const snapshotBytes = sum(dashboardRequests);
    const bodyBytes = dashboardRequests.reduce((s, e) => s + e.bodyBytes, 0);
    const shown = shownFieldBytes(snapshot);
    console.log(`Plan généré : ${osCount} OS, ${ooCount} OO, ${actionCount} actions, ${checkInCount} suivis (insertion : ${seedMs.toFixed(0)} ms)`);
    console.log('');
    console.log('| chargement | requêtes HTTP | octets reçus | durée |');
    console.log('| --- | --- | --- | --- |');
    console.log(`| tableau de bord (loadSnapshot) | ${dashboardRequests.length} (${dashboardRequests.map((r) => r.path.split('?')[0]).join(', ')}) | ${kb(sum(dashboardRequests))} | ${loadMs.toFixed(0)} ms |`);
    console.log(`| calcul des chiffres du tableau de bord | 0 | – | ${figuresMs.toFixed(0)} ms |`);
    console.log(`| panneau d'une action (loadActionDetails) | ${panelRequests.length} (${panelRequests.map((r) => r.path.split('?')[0]).join(', ')}) | ${kb(sum(panelRequests))} | ${panelMs.toFixed(0)} ms |`);
    console.log(`| avancement dans le temps : historique des suivis (loadCheckInHistory) | ${trendRequests.length} (${trendRequests.map((r) => r.status).join(', ')}) | ${kb(sum(trendRequests))} | ${trendReadMs.toFixed(0)} ms |`);
    console.log(`| calcul de l'avancement dans le temps (${trend.plan.length} mois, ${trend.strategicObjectives.size} OS) | 0 | – | ${trendComputeMs.toFixed(0)} ms |`);
    console.log('');
    console.log(`Vérification : ${history.length} suivis lus pour la tendance, ${trendRequests.filter((r) => r.status !== 200).length} requête(s) refusée(s).`);
    console.log(`Vérification : ${snapshot.actions.length} actions lues, ${figures.plan.total} comptées, ${figures.plan.late} en retard ; panneau : ${details.checkIns.length} suivis.`);
    console.log(
      `Octets du chargement : ${kb(snapshotBytes)} sur le réseau (gzip), ${kb(bodyBytes)} décompressés ; champs affichés : ${kb(shown)} ` +
        `(rapports : ${(snapshotBytes / shown).toFixed(2)} compressé, ${(bodyBytes / shown).toFixed(2)} décompressé).`,
    );
    console.log(
      JSON.stringify({
        actionsTotal: actionCount,
        actionsLoaded: snapshot.actions.length,
        requests: dashboardRequests.length,
        snapshotBytes,
        shownFieldBytes: shown,
        loadMs: Math.round(loadMs),
        trendRequests: trendRequests.length,
        trendBytes: sum(trendRequests),
        trendReadMs: Math.round(trendReadMs),
        trendComputeMs: Math.round(trendComputeMs),
        trendMonths: trend.plan.length,
      }),
    );
  } finally {
    await store.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
