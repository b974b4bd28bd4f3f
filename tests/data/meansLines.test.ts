/**
 * Means per year against the embedded store set up as provisioning sets up SharePoint:
 * the upgrade of a site whose actions hold single figures (one line each, a second run
 * changes nothing), the coordination's save with its version check, and a lead or a reader
 * refused by the store itself.
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { ConflictError } from '../../src/data/errors';
import { listUrl } from '../../src/data/sharePointPaths';
import type { MeansLine } from '../../src/domain/means';
import { actionsList, meansList } from '../../src/schema/listSchema';
import { meansLineToItem } from '../../src/schema/mapping';
import { COORDINATOR, LEAD, OWNER, PstSite, READER, startPstSite, storeState, WEB } from '../node/store/pstSiteFixture';
import { sharePointErrorOf } from '../node/store/storeTestSupport';

jest.setTimeout(120_000);

let site: PstSite;
beforeAll(async () => {
  site = await startPstSite();
});
afterAll(() => site?.store.close());

const line = (fields: Partial<MeansLine>): MeansLine => ({
  year: 2026,
  service: 'ordinaire',
  direction: 'depense',
  source: 'commune',
  article: null,
  planned: null,
  actual: null,
  etp: null,
  ...fields,
});

const meansItems = (email: string) => site.sp(email).web.getList(listUrl(WEB, meansList)).items;

const actionItems = (email: string) => site.sp(email).web.getList(listUrl(WEB, actionsList)).items;
const SINGLE = [actionsList.fields.budget, actionsList.fields.etp, actionsList.fields.budgetService].map((f) => f.internalName);
const singleFiguresOf = async (actionId: number) => {
  const item: Record<string, unknown> = await actionItems(OWNER).getById(actionId).select(...SINGLE)();
  return SINGLE.map((name) => item[name] ?? null);
};

describe('the provisioning upgrade of single figures', () => {
  it('turns an action’s budget and ETP into one line, empties the columns, and a second run changes nothing', async () => {
    // A site from before the means list: its single figures in the action's columns, no list yet.
    await actionItems(OWNER).getById(site.otherAction).update({ PstBudget: 120000, PstEtp: 0.5, PstBudgetService: 'extraordinaire' });
    const means: { Id: string } = await site.sp(OWNER).web.getList(listUrl(WEB, meansList)).select('Id')();
    await site.sp(OWNER).web.lists.getById(means.Id).delete();

    const report = await site.repository(OWNER).provisionLists();
    expect(report.changes).toContainEqual({ kind: 'listCreated', list: 'means' });
    expect(report.permissionChanges).toContain(`action ${site.otherAction} : budget et ETP repris en une ligne de moyens (2025)`);
    const details = await site.repository(COORDINATOR).loadActionDetails(site.otherAction);
    expect(details.action.resources.lines).toEqual([
      // The single figures were the document's: an update from it may replace their line.
      { id: expect.any(Number), year: 2025, service: 'extraordinaire', direction: 'depense', source: null, article: null, planned: 120000, actual: null, etp: 0.5, fromDocument: true },
    ]);
    // Once the line is written the columns are emptied: never taken as a line again.
    expect(await singleFiguresOf(site.otherAction)).toEqual([null, null, null]);

    const state = storeState(site.store);
    const second = await site.repository(OWNER).provisionLists();
    expect(second.changes).toEqual([]);
    expect(second.permissionChanges).toEqual([]);
    expect(storeState(site.store)).toBe(state);
  });
});

describe('the coordination saves an action’s lines', () => {
  it('adds, updates and deletes lines, and the lines survive a reload in year order', async () => {
    const coordinator = site.repository(COORDINATOR);
    const opened = await coordinator.loadActionDetails(site.otherAction);
    const [migrated] = opened.action.resources.lines!;
    const saved = await coordinator.saveMeansLines(
      site.otherAction,
      [
        line({ year: 2027, planned: 5000, source: 'region', article: '844/124-48' }),
        { ...migrated, actual: 100000, source: 'commune' },
        line({ year: 2026, direction: 'recette', source: 'europe', planned: 40000 }),
      ],
      opened.meansVersion!,
    );
    expect(saved.action.resources.lines!.map((l) => [l.year, l.direction, l.source, l.planned, l.actual])).toEqual([
      [2025, 'depense', 'commune', 120000, 100000],
      [2026, 'recette', 'europe', 40000, null],
      [2027, 'depense', 'region', 5000, null],
    ]);
    expect(saved.action.resources.lines![0].id).toBe(migrated.id);
    // The migrated line, changed by hand, is the coordination's now: an update from the document keeps it.
    expect(saved.action.resources.lines!.map((l) => l.fromDocument ?? false)).toEqual([false, false, false]);

    const removed = await coordinator.saveMeansLines(site.otherAction, saved.action.resources.lines!.slice(1), saved.meansVersion!);
    expect(removed.action.resources.lines!.map((l) => l.year)).toEqual([2026, 2027]);
    // Read for the whole site too (the financial director's view).
    expect((await coordinator.loadMeans()).get(site.otherAction)!.map((l) => l.year)).toEqual([2026, 2027]);
    // Deleting the migrated line does not bring it back at the next upgrade run.
    expect((await site.repository(OWNER).provisionLists()).permissionChanges).toEqual([]);
    expect((await coordinator.loadMeans()).get(site.otherAction)!.map((l) => l.year)).toEqual([2026, 2027]);
  });

  it('refuses a save based on lines someone changed since, and shows the stored version', async () => {
    const coordinator = site.repository(COORDINATOR);
    const opened = await coordinator.loadActionDetails(site.ownAction);
    await coordinator.saveMeansLines(site.ownAction, [line({ year: 2028, planned: 10 })], opened.meansVersion!);

    const stale = coordinator.saveMeansLines(site.ownAction, [line({ year: 2029, planned: 99 })], opened.meansVersion!);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const error = (await stale.catch((e: unknown) => e)) as ConflictError;
    expect(error.current.action.resources.lines!.map((l) => [l.year, l.planned])).toEqual([[2028, 10]]);
    expect((await coordinator.loadActionDetails(site.ownAction)).action.resources.lines!.map((l) => l.year)).toEqual([2028]);
  });
});

describe('a lead and a reader cannot change the means', () => {
  it('the repository says why in French, before any write', async () => {
    const lead = site.repository(LEAD);
    const details = await lead.loadActionDetails(site.ownAction);
    expect(details.action.resources.lines).toHaveLength(1);
    const state = storeState(site.store);
    await expect(lead.saveMeansLines(site.ownAction, [], details.meansVersion!)).rejects.toThrow('Seule la coordination du PST peut modifier les moyens d’une action.');
    expect(storeState(site.store)).toBe(state);
  });

  it.each([
    ['a lead, on their own action', LEAD],
    ['a reader', READER],
  ])('the store refuses %s a line added, updated or deleted with a REST client', async (_who, email) => {
    const state = storeState(site.store);
    const [stored] = (await meansItems(COORDINATOR).select('Id').filter(`PstActionId eq ${site.ownAction}`)()) as { Id: number }[];
    for (const attempt of [
      () => meansItems(email).add(meansLineToItem(line({ planned: 1 }), site.ownAction)),
      () => meansItems(email).getById(stored.Id).update({ PstPlannedAmount: 1 }),
      () => meansItems(email).getById(stored.Id).delete(),
    ]) {
      expect((await sharePointErrorOf(attempt())).status).toBe(403);
    }
    expect(storeState(site.store)).toBe(state);
  });
});
