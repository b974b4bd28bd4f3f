/**
 * The upgrade of a site created by the version before the means lines (issue 13), against
 * the embedded store. The site is built by that version's own provisioning and schema,
 * frozen in tests/data/previousVersion/ (copied from commit e71254e), and given items
 * holding single budget / ETP values in the action columns. Then the current provisioning:
 * the new lists and columns appear, each action's single values become one means line,
 * the single columns are emptied, nothing else of the items changes; a second run sends no
 * write at all.
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/fields';
import type { Queryable } from '@pnp/queryable';
import { SPFI } from '@pnp/sp';
import { provisionPst } from '../../src/data/provisioning';
import { readAllMeans } from '../../src/data/meansLines';
import { listUrl } from '../../src/data/sharePointPaths';
import { PST_LISTS } from '../../src/schema/listSchema';
import { createNodeSp } from '../../src/node/sp/nodeSp';
import * as previous from './previousVersion/listSchema';
import { provisionPreviousVersion } from './previousVersion/provisioning';
import { COORDINATOR, startTestStore, TestStore } from '../node/store/storeTestSupport';

jest.setTimeout(120_000);

const SINGLE = ['PstBudget', 'PstEtp', 'PstBudgetService'];

/** An sp that counts the requests that write (a `$batch` counts when it holds a write). */
function counting(t: TestStore) {
  const counter = { writes: 0, requests: 0 };
  const sp = createNodeSp(t.store.siteUrl, async () => `local:${COORDINATOR}`).using((instance: Queryable) => {
    instance.on.auth(async (url, init) => {
      const method = String((init.headers as Record<string, string>)['X-HTTP-Method'] ?? init.method ?? 'GET');
      const body = typeof init.body === 'string' ? init.body : '';
      counter.requests++;
      if (method !== 'GET' && (!url.toString().includes('$batch') || /^(POST|PATCH|MERGE|PUT|DELETE) /m.test(body))) counter.writes++;
      return [url, init];
    });
    return instance;
  });
  return { sp, counter };
}

const items = (sp: SPFI, list: previous.ListDef) => sp.web.getList(listUrl('/sites/pst', list)).items;

/** Every item of the previous version's lists, in its columns (lookups and people as ids). */
async function previousItems(sp: SPFI): Promise<Record<string, Record<string, unknown>[]>> {
  const all: Record<string, Record<string, unknown>[]> = {};
  for (const list of previous.PST_LISTS) {
    const select = ['Id', ...Object.values(list.fields as Record<string, previous.FieldDef>)
      .filter((f) => !f.builtIn || f.internalName === 'Title')
      .map((f) => (['lookup', 'lookupMulti', 'person', 'personMulti'].includes(f.kind) ? `${f.internalName}Id` : f.internalName))];
    all[list.key] = await items(sp, list).select(...select).orderBy('Id')();
    for (const item of all[list.key]) for (const key of Object.keys(item)) if (key.startsWith('odata.') || key === '__metadata') delete item[key];
  }
  return all;
}

async function fieldsOf(sp: SPFI, urlName: string): Promise<string[]> {
  const fields: { InternalName: string }[] = await sp.web.getList(`/sites/pst/Lists/${urlName}`).fields.select('InternalName')();
  return fields.map((f) => f.InternalName);
}

describe('a site of the previous version, upgraded by the current provisioning', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await startTestStore();
  });
  afterAll(() => t?.store.close());

  it('gets the new lists and columns, one means line per action with single values, nothing else changed; a second run writes nothing', async () => {
    const sp = t.sp();
    await provisionPreviousVersion(sp, t.webPath);
    const plan = await items(sp, previous.plansList).add({ Title: 'PST 2025-2030', PstOrganisation: 'CPAS de Test', PstPeriodStart: 2025, PstPeriodEnd: 2030 });
    const os = await items(sp, previous.strategicObjectivesList).add({ Title: 'Accueil', PstCode: '1', PstPlanId: plan.Id });
    const oo = await items(sp, previous.operationalObjectivesList).add({ Title: 'Rénover l’accueil', PstCode: '1.1', PstStrategicObjectiveId: os.Id });
    const dated = await items(sp, previous.actionsList).add({ Title: 'Refaire le guichet', PstCode: '1.1.1', PstOperationalObjectivesId: [oo.Id], PstPlannedStart: '2026-03-01T12:00:00Z', PstBudget: 120000, PstEtp: 0.5, PstBudgetService: 'extraordinaire', PstResourcesText: 'Budgétaires (€) : 120.000 €' });
    const undated = await items(sp, previous.actionsList).add({ Title: 'Former les agents', PstCode: '1.1.2', PstOperationalObjectivesId: [oo.Id], PstEtp: 1 });
    const none = await items(sp, previous.actionsList).add({ Title: 'Borne', PstCode: '1.1.3', PstOperationalObjectivesId: [oo.Id] });
    await items(sp, previous.indicatorsList).add({ Title: 'Visiteurs accueillis', PstActionId: dated.Id, PstTarget: 1500 });
    const before = await previousItems(sp);
    const previousLists = new Set<string>(previous.PST_LISTS.map((l) => l.urlName));

    const first = counting(t);
    const report = await provisionPst(first.sp, t.webPath);
    // The lists of this version that the previous one did not have, the columns it added to the others.
    const created = report.changes.filter((c) => c.kind === 'listCreated').map((c) => c.list);
    expect(created.sort()).toEqual(PST_LISTS.filter((l) => !previousLists.has(l.urlName)).map((l) => l.key).sort());
    expect(created).toContain('means');
    for (const list of PST_LISTS.filter((l) => previousLists.has(l.urlName))) {
      const present = await fieldsOf(sp, list.urlName);
      for (const field of Object.values(list.fields)) if (!field.builtIn) expect(present).toContain(field.internalName);
    }
    expect(report.changes.filter((c) => c.kind === 'fieldAdded').map((c) => c.kind === 'fieldAdded' && c.field)).toEqual(expect.arrayContaining(['PstArchived', 'PstMandataryPerson']));

    // Each action's single values, one line: on its planned start year, else the plan's first year.
    const means = await readAllMeans(sp, t.webPath);
    expect(means.get(dated.Id)).toEqual([{ id: expect.any(Number), year: 2026, service: 'extraordinaire', direction: 'depense', source: null, article: null, planned: 120000, actual: null, etp: 0.5, fromDocument: true }]);
    expect(means.get(undated.Id)).toEqual([{ id: expect.any(Number), year: 2025, service: null, direction: 'depense', source: null, article: null, planned: null, actual: null, etp: 1, fromDocument: true }]);
    expect(means.has(none.Id)).toBe(false);
    expect(report.permissionChanges).toEqual(expect.arrayContaining([`action ${dated.Id} : budget et ETP repris en une ligne de moyens (2026)`, `action ${undated.Id} : budget et ETP repris en une ligne de moyens (2025)`]));

    // Nothing else of the items changed: only the single columns, now empty.
    const after = await previousItems(sp);
    const withoutSingle = (all: Record<string, Record<string, unknown>[]>) =>
      Object.fromEntries(Object.entries(all).map(([key, list]) => [key, list.map((item) => Object.fromEntries(Object.entries(item).filter(([name]) => !SINGLE.includes(name))))]));
    expect(withoutSingle(after)).toEqual(withoutSingle(before));
    expect(after.actions.map((a) => SINGLE.map((name) => a[name] ?? null))).toEqual([[null, null, null], [null, null, null], [null, null, null]]);
    expect(before.actions.map((a) => SINGLE.map((name) => a[name] ?? null))).toEqual([[120000, 0.5, 'extraordinaire'], [null, 1, null], [null, null, null]]);
    expect(first.counter.writes).toBeGreaterThan(0);

    // A second run: the same answer, not one write.
    const second = counting(t);
    const again = await provisionPst(second.sp, t.webPath);
    expect(again.changes).toEqual([]);
    expect(again.permissionChanges).toEqual([]);
    expect(second.counter.writes).toBe(0);
    expect(await previousItems(sp)).toEqual(after);
    expect(await readAllMeans(sp, t.webPath)).toEqual(means);
    // eslint-disable-next-line no-console
    console.log(`upgrade: ${first.counter.requests} requests (${first.counter.writes} writes); second run: ${second.counter.requests} requests, ${second.counter.writes} writes`);
  });
});
