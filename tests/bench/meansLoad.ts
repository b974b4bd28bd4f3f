/**
 * What the financial director's means view costs on a large PST: every means line of the
 * site read through the product's repository (`loadMeans`, pages of 5,000 past the list view
 * threshold) against the embedded store, then summed (`meansFigures`). Run:
 * `npx tsx tests/bench/meansLoad.ts [ACTIONS] [LINES_PER_ACTION]` (default 5,000 × 3).
 * Prints requests, bytes and milliseconds; the last line is JSON.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startEmbeddedStore, roleBasedAuthorizer } from '../../src/node/store';
import { ensurePstLists } from '../../src/data/provisioning';
import { SharePointPstRepository } from '../../src/data/SharePointPstRepository';
import { createNodeSp } from '../../src/node/sp/nodeSp';
import { FUNDING_SOURCES, MeansLine } from '../../src/domain/means';
import { meansFigures } from '../../src/domain/meansFigures';
import { meansLineToItem } from '../../src/schema/mapping';
import { insertGeneratedPlan } from './generatedPlan';

const [actionCount, linesPerAction] = (process.argv.slice(2).length === 2 ? process.argv.slice(2) : ['5000', '3']).map(Number);
const COORDINATOR = 'anne.dupont@cpas.example';
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} Ko`;

async function main(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pst-bench-means-'));
  const store = await startEmbeddedStore({ dataFile: path.join(folder, 'bench.sqlite'), authorize: roleBasedAuthorizer });
  try {
    const admin = store.db.ensureUser({ email: COORDINATOR, title: 'Anne Dupont', isSiteAdmin: true });
    const sp = createNodeSp(store.siteUrl, async () => `local:${COORDINATOR}`);
    const ids = (await ensurePstLists(sp, '/sites/pst')).listIds;
    insertGeneratedPlan(store, ids, admin.id, { os: 50, oo: 500, actions: actionCount, checkIns: 0, leads: [] }, '2026-11-23');
    const lines: Record<string, unknown>[] = [];
    for (let action = 1; action <= actionCount; action++) {
      for (let n = 0; n < linesPerAction; n++) {
        const line: MeansLine = {
          year: 2025 + n,
          service: n % 2 === 0 ? 'ordinaire' : 'extraordinaire',
          direction: n === 2 ? 'recette' : 'depense',
          source: FUNDING_SOURCES[(action + n) % FUNDING_SOURCES.length],
          article: `${800 + (action % 90)}/124-48`,
          planned: 1000 + ((action * 37 + n * 11) % 50000),
          actual: n === 0 ? 900 + (action % 700) : null,
          etp: n === 0 ? 0.5 : null,
        };
        lines.push(meansLineToItem(line, action));
      }
    }
    store.db.addItems(ids.means, lines, { authorId: admin.id });
    const repository = new SharePointPstRepository(sp, '/sites/pst');
    const snapshot = await repository.loadSnapshot();
    await repository.loadMeans(); // warm-up

    store.requests.length = 0;
    let t = performance.now();
    const byAction = await repository.loadMeans();
    const loadMs = performance.now() - t;
    const requests = store.requests.slice();
    t = performance.now();
    const figures = meansFigures({ ...snapshot, linesByAction: byAction });
    const figuresMs = performance.now() - t;
    store.requests.length = 0;
    t = performance.now();
    const details = await repository.loadActionDetails(Math.floor(actionCount / 2));
    const panelMs = performance.now() - t;
    const panelRequests = store.requests.slice();

    const bytes = requests.reduce((s, r) => s + r.bytes, 0);
    const read = Array.from(byAction.values()).reduce((s, l) => s + l.length, 0);
    console.log(`Plan généré : ${actionCount} actions, ${lines.length} lignes de moyens`);
    console.log('');
    console.log('| lecture | requêtes HTTP | octets reçus | durée |');
    console.log('| --- | --- | --- | --- |');
    console.log(`| toutes les lignes (loadMeans) | ${requests.length} | ${kb(bytes)} | ${loadMs.toFixed(0)} ms |`);
    console.log(`| sommes du directeur financier (meansFigures) | 0 | – | ${figuresMs.toFixed(0)} ms |`);
    console.log(`| panneau d'une action, lignes comprises (loadActionDetails) | ${panelRequests.length} | ${kb(panelRequests.reduce((s, r) => s + r.bytes, 0))} | ${panelMs.toFixed(0)} ms |`);
    console.log('');
    console.log(`Vérification : ${read} lignes lues, ${figures.actionsWithMeans} actions avec moyens, ${figures.years.length} années ; panneau : ${details.action.resources.lines?.length ?? 0} lignes.`);
    console.log(JSON.stringify({ actions: actionCount, lines: lines.length, linesRead: read, requests: requests.length, bytes, loadMs: Math.round(loadMs), figuresMs: Math.round(figuresMs), panelRequests: panelRequests.length }));
  } finally {
    await store.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
