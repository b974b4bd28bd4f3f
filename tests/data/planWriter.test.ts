/**
 * Writing an imported plan through PnPjs (src/data/planSync.ts) against an in-memory
 * site that answers like SharePoint, $batch included: a new plan, the same document
 * again (no write), a corrected document (only the changed columns), and an import
 * interrupted by a server error, then resumed until it converges.
 */
import * as fs from 'fs';
import * as path from 'path';
import { importPlanToSite } from '../../src/data/planWriter';
import type { PlanData } from '../../src/domain/model';
import { planFromOutline } from '../../src/import/toPlan';
import { parseOutline } from '../../src/import/outline/outlineParser';
import { linesOfText } from '../../src/import/lines/sourceLines';
import { createNodeSp } from '../../src/node/sp/nodeSp';
import { FakeListsSite } from '../import/support/fakeListsSite';

const SITE = 'http://sharepoint.test/sites/pst';
const SAMPLES = path.resolve(__dirname, '../../../shared/samples');

function sampleText(prefix: string): string {
  const file = fs.readdirSync(SAMPLES).find((f) => f.startsWith(prefix) && f.endsWith('.txt')) as string;
  return fs.readFileSync(path.join(SAMPLES, file), 'utf8');
}

function planOf(text: string): PlanData {
  // A PlanFromOutline is a PlanData with warnings, which the sync does not read.
  return planFromOutline(parseOutline(linesOfText(text)).outline);
}

function setup() {
  const site = new FakeListsSite(SITE);
  const sp = createNodeSp(SITE).using(site.behavior());
  return { site, sp };
}

describe('importing a PST into a site', () => {
  const text = sampleText('003');
  const plan = planOf(text);

  it('creates a new plan with importPlan, in batches of at most 100 requests', async () => {
    const { site, sp } = setup();
    const result = await importPlanToSite(sp, '/sites/pst', plan);
    expect(result).toMatchObject({ mode: 'new', complete: true, failures: [] });
    expect(site.items('PstPlans')).toHaveLength(1);
    expect(site.items('PstStrategicObjectives')).toHaveLength(6);
    expect(site.items('PstOperationalObjectives')).toHaveLength(29);
    expect(site.items('PstActions')).toHaveLength(102);
    expect(site.writes().every((r) => r.batched)).toBe(true);
  });

  it('importing the same document twice changes nothing', async () => {
    const { site, sp } = setup();
    await importPlanToSite(sp, '/sites/pst', plan);
    const before = site.writes().length;
    const again = await importPlanToSite(sp, '/sites/pst', planOf(text));
    expect(again.mode).toBe('sync');
    expect(again.complete).toBe(true);
    expect(site.writes().length).toBe(before);
    expect(again.written.actions).toEqual({ added: 0, updated: 0 });
  });

  it('a corrected document updates only what changed, with the changed columns only', async () => {
    const { site, sp } = setup();
    await importPlanToSite(sp, '/sites/pst', plan);
    const before = site.writes().length;
    const corrected = text
      .replace('Action 2.1.3 : Offrir un accueil de qualité à tous les citoyens ;', 'Action 2.1.3 : Offrir un accueil de grande qualité à tous les citoyens ;')
      .replace(' Action 6.10.1 : Informer les citoyens', ' Action 6.10.2 : Créer un fonds de legs\n\n Action 6.10.1 : Informer les citoyens');
    const result = await importPlanToSite(sp, '/sites/pst', planOf(corrected));
    expect(result.written.actions).toEqual({ added: 1, updated: 2 });
    const writes = site.writes().slice(before);
    const merges = writes.filter((w) => w.method === 'MERGE');
    expect(merges.map((m) => m.body)).toEqual(
      expect.arrayContaining([{ Title: 'Offrir un accueil de grande qualité à tous les citoyens ;' }, { PstSortOrder: 2 }]),
    );
    const added = writes.filter((w) => w.method === 'POST');
    expect(added).toHaveLength(1);
    expect(added[0].body).toMatchObject({ Title: 'Créer un fonds de legs', PstCode: '6.10.2' });
    // The new action points at the stored OO 6.10.
    const oo = site.items('PstOperationalObjectives').find((o) => o.PstCode === '6.10');
    expect(added[0].body?.PstOperationalObjectivesId).toEqual([oo?.Id]);
  });

  it('a failure half-way stops, says what was and was not written, and the next run converges', async () => {
    const { site, sp } = setup();
    // The first run creates the plan; a corrected document then adds 120 actions, and the server fails on the 50th add.
    await importPlanToSite(sp, '/sites/pst', plan);
    const extra = Array.from({ length: 120 }, (_v, k) => `\n Action 6.10.${k + 2} : Nouvelle action numéro ${k + 2}\n`).join('');
    const corrected = text.replace(/\n\s*$/, '') + extra;
    const start = site.writes().length;
    site.failWhen = (_request, index) => index === start + 49;
    const interrupted = await importPlanToSite(sp, '/sites/pst', planOf(corrected));
    expect(interrupted.complete).toBe(false);
    expect(interrupted.failures[0]).toMatch(/actions « Nouvelle action numéro 51 » : .*Erreur simulée/);
    // The batch of 100 ran except the failed request; the 20 others were not sent.
    expect(interrupted.written.actions.added).toBe(99);
    expect(interrupted.notWritten).toBe(21);
    expect(site.items('PstActions')).toHaveLength(102 + 99);

    site.failWhen = null;
    const resumed = await importPlanToSite(sp, '/sites/pst', planOf(corrected));
    expect(resumed.complete).toBe(true);
    expect(resumed.written.actions.added).toBe(21);
    expect(site.items('PstActions')).toHaveLength(102 + 120);

    const before = site.writes().length;
    const third = await importPlanToSite(sp, '/sites/pst', planOf(corrected));
    expect(third.complete).toBe(true);
    expect(site.writes().length).toBe(before);
  });

  it('an interrupted creation of a new plan is resumed by the same command', async () => {
    const { site, sp } = setup();
    site.failWhen = (request) => request.path.includes('PstActions') && request.body?.Title === 'Créer un pool senior au sein de la MR';
    const interrupted = await importPlanToSite(sp, '/sites/pst', plan);
    expect(interrupted).toMatchObject({ mode: 'new', complete: false });
    expect(interrupted.failures[0]).toMatch(/Création du plan interrompue/);
    site.failWhen = null;
    const resumed = await importPlanToSite(sp, '/sites/pst', plan);
    expect(resumed).toMatchObject({ mode: 'sync', complete: true });
    expect(site.items('PstPlans')).toHaveLength(1);
    expect(site.items('PstActions')).toHaveLength(102);
    expect(site.items('PstActions').filter((a) => a.Title === 'Créer un pool senior au sein de la MR')).toHaveLength(1);
  });

  it("another CPAS's PST on the same site is a new plan, not an update of the only plan", async () => {
    const { site, sp } = setup();
    await importPlanToSite(sp, '/sites/pst', plan);
    const other = await importPlanToSite(sp, '/sites/pst', planOf(sampleText('004')));
    expect(other).toMatchObject({ mode: 'new', complete: true });
    expect(site.items('PstPlans')).toHaveLength(2);
    // Its OS point at the second plan; the first plan is untouched.
    expect(new Set(site.items('PstStrategicObjectives').map((o) => o.PstPlanId))).toEqual(new Set([1, other.planId]));
  });

  it('--dry-run against a site reads only and tells what would change', async () => {
    const { site, sp } = setup();
    await importPlanToSite(sp, '/sites/pst', plan);
    const before = site.writes().length;
    const result = await importPlanToSite(sp, '/sites/pst', planOf(text.replace('Action 1.1.2 : Faire', 'Action 1.1.2 : Dresser')), { dryRun: true });
    expect(site.writes().length).toBe(before);
    expect(result.sync?.actions.updates).toHaveLength(1);
  });
});
