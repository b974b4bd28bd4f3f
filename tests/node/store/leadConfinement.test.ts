/**
 * Issue 17, point 1: the attempts an attacker with a lead's account made with a REST
 * client (PnPjs here, as any REST client would send them), replayed as a lead, a reader
 * (site visitor) and a member of the steering committee against the embedded store set up
 * as provisioning sets up SharePoint. Every one is refused with SharePoint's 403 and
 * changes nothing; the two a lead may send on their own items (re-pointing their own
 * check-in or progress item) go through and change nothing anyone sees. The coordination's
 * and the reminder job's paths still work.
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/security';
import { listUrl } from '../../../src/data/sharePointPaths';
import { checkInFolderPath } from '../../../src/data/actionSpaces';
import { actionsList, checkInsList, progressList } from '../../../src/schema/listSchema';
import { checkInToItem } from '../../../src/schema/mapping';
import { COMMITTEE, COORDINATOR, LEAD, OTHER_LEAD, PstSite, READER, startPstSite, storeState, WEB } from './pstSiteFixture';
import { sharePointErrorOf } from './storeTestSupport';

jest.setTimeout(120_000);

const DENIED = {
  status: 403,
  code: '-2147024891, System.UnauthorizedAccessException',
  message: 'Access denied. You do not have permission to perform this action or access this resource.',
};

let site: PstSite;

beforeAll(async () => {
  site = await startPstSite();
});
afterAll(() => site.store.close());

const list = (email: string, def: { urlName: string }) => site.sp(email).web.getList(listUrl(WEB, def as typeof actionsList));
/** The check-in the action's first lead wrote when the site was set up. */
const idOf = async (_email: string, def: typeof checkInsList, actionId: number): Promise<number> => {
  const author = site.store.db.getUserByEmail(actionId === site.ownAction ? LEAD : OTHER_LEAD)!.id;
  const items: { Id: number; FileSystemObjectType: number; AuthorId: number }[] = await list(COORDINATOR, def)
    .items.select('Id', 'FileSystemObjectType', 'AuthorId')
    .filter(`PstActionId eq ${actionId}`)();
  return items.find((i) => i.FileSystemObjectType === 0 && i.AuthorId === author)!.Id;
};
const progressIdOf = async (actionId: number): Promise<number> =>
  ((await list(COORDINATOR, actionsList).items.getById(actionId).select('PstProgressItem')()) as { PstProgressItem: number }).PstProgressItem;
const folderIdOf = async (actionId: number): Promise<number> =>
  ((await site.sp(COORDINATOR).web.getFolderByServerRelativePath(checkInFolderPath(WEB, actionId)).listItemAllFields.select('Id')()) as { Id: number }).Id;

type Attempt = [string, (email: string) => Promise<unknown>];

/** The attempts of the issue (and their neighbours), each on the lead's own action where it has one. */
function attempts(): Attempt[] {
  const own = (): number => site.ownAction;
  const other = (): number => site.otherAction;
  const action = (email: string) => list(email, actionsList).items.getById(own());
  const newCheckIn = (actionId: number) => checkInToItem({ actionId, date: '2025-04-01', status: 'TERMINE', percent: 100, health: 'bon', comment: 'forgé' });
  const formValues = (actionId: number) => [
    { FieldName: 'Title', FieldValue: 'forgé' },
    { FieldName: 'PstAction', FieldValue: String(actionId) },
    { FieldName: 'PstCheckInDate', FieldValue: '01/04/2025' },
    { FieldName: 'PstStatus', FieldValue: 'TERMINE' },
  ];
  return [
    ['change the title of their action', (e) => action(e).update({ Title: 'Renommée' })],
    ['change its code', (e) => action(e).update({ PstCode: '9.9.9' })],
    ['change its OO links', (e) => action(e).update({ PstOperationalObjectivesId: site.planOo })],
    ['move it under another lead’s action', (e) => action(e).update({ PstParentActionId: other() })],
    ['change its budget', (e) => action(e).update({ PstBudget: 5_000_000 })],
    ['set its weight to 1,000,000', (e) => action(e).update({ PstWeight: 1_000_000 })],
    ['hand it to another lead', (e) => action(e).update({ PstProjectLeadId: site.store.db.getUserByEmail(OTHER_LEAD)!.id })],
    ['re-point the action to another progress item', (e) => action(e).update({ PstProgressItem: 1 })],
    ['delete it', (e) => action(e).delete()],
    ['send it to the recycle bin', (e) => action(e).recycle()],
    ['add a check-in into another lead’s folder', (e) => list(e, checkInsList).addValidateUpdateItemUsingPath(formValues(other()), checkInFolderPath(WEB, other()))],
    ['add a check-in straight into the check-ins list', (e) => list(e, checkInsList).items.add(newCheckIn(other()))],
    ['add a check-in at the root with their own action', (e) => list(e, checkInsList).items.add(newCheckIn(own()))],
    ['edit another lead’s check-in', async (e) => list(e, checkInsList).items.getById(await idOf(e, checkInsList, other())).update({ PstComment: 'x' })],
    ['edit another lead’s progress item', async (e) => list(e, progressList).items.getById(await progressIdOf(other())).update({ PstProgress: 100 })],
    ['delete their progress item', async (e) => list(e, progressList).items.getById(await progressIdOf(own())).delete()],
    ['delete their check-in', async (e) => list(e, checkInsList).items.getById(await idOf(e, checkInsList, own())).delete()],
    ['rename their check-in folder', async (e) => list(e, checkInsList).items.getById(await folderIdOf(own())).update({ Title: String(other()) })],
    ['create a folder of their own', (e) => list(e, checkInsList).addValidateUpdateItemUsingPath([{ FieldName: 'Title', FieldValue: '999' }], listUrl(WEB, checkInsList), false, '', { leafName: '999', objectType: 1 })],
    ['give themselves more on their folder', async (e) => list(e, checkInsList).items.getById(await folderIdOf(own())).roleAssignments.add(site.store.db.getUserByEmail(e)!.id, 1073741829)],
    ['break inheritance of another lead’s check-in', async (e) => list(e, checkInsList).items.getById(await idOf(e, checkInsList, other())).breakRoleInheritance(true)],
    ['add an action', (e) => list(e, actionsList).items.add({ Title: 'Action pirate' })],
    ['create a permission level', (e) => site.sp(e).web.roleDefinitions.add('Pirate', '', 1, { High: 2147483647, Low: 4294967295 })],
  ];
}

describe.each([
  ['a lead', LEAD],
  ['a reader (site visitor)', READER],
  ['a member of the steering committee', COMMITTEE],
])('%s', (_who, email) => {
  it.each(attempts().map(([name], index) => [name, index] as const))('cannot %s: 403, nothing changed', async (_name, index) => {
    const [, attempt] = attempts()[index];
    const before = storeState(site.store);
    expect(await sharePointErrorOf(attempt(email))).toEqual(DENIED);
    expect(storeState(site.store)).toBe(before);
  });
});

describe('what a lead may send on their own items changes nothing anyone sees', () => {
  it('re-pointing their own check-in to another lead’s action: the folder decides, it is ignored', async () => {
    const before = await site.repository(COORDINATOR).loadActionDetails(site.otherAction);
    const mine = await idOf(LEAD, checkInsList, site.ownAction);
    await list(LEAD, checkInsList).items.getById(mine).update({ PstActionId: site.otherAction });
    const after = await site.repository(COORDINATOR).loadActionDetails(site.otherAction);
    expect(after.checkIns).toEqual(before.checkIns);
    expect(after.action).toEqual(before.action);
    // …and it no longer counts for their own action either (its lookup disagrees with its folder).
    expect((await site.repository(COORDINATOR).loadActionDetails(site.ownAction)).checkIns.map((c) => c.id)).not.toContain(mine);
  });

  it('re-pointing their progress item to another lead’s action: the action points to its own, it is ignored', async () => {
    const before = (await site.repository(COMMITTEE).loadSnapshot()).actions.find((a) => a.id === site.otherAction);
    await list(LEAD, progressList).items.getById(await progressIdOf(site.ownAction)).update({ PstActionId: site.otherAction, PstProgress: 100, PstStatus: 'TERMINE' });
    const after = (await site.repository(COMMITTEE).loadSnapshot()).actions.find((a) => a.id === site.otherAction);
    expect(after).toEqual(before);
  });
});

describe('the coordination and the job still do their work', () => {
  it('the coordination edits the sheet, records a check-in on any action and names another lead', async () => {
    const coordinator = site.repository(COORDINATOR);
    let details = await coordinator.loadActionDetails(site.otherAction);
    await coordinator.updateAction(site.otherAction, { title: 'Borne interactive', progressPercent: 35 }, details.etag);
    details = await coordinator.loadActionDetails(site.otherAction);
    expect(details.action).toMatchObject({ title: 'Borne interactive', progressPercent: 35 });
    await coordinator.addCheckIn({ actionId: site.otherAction, date: '2025-04-02', status: 'EN_ATTENTE', percent: 40, health: 'risque', comment: 'Par la coordination' }, details.etag);
    details = await coordinator.loadActionDetails(site.otherAction);
    expect(details.action).toMatchObject({ status: 'EN_ATTENTE', progressPercent: 40 });
    // Item-level write security binds the coordination too (Edit has no Override List Behaviors).
    const sophies = await idOf(COORDINATOR, checkInsList, site.otherAction);
    const sophiesItem = site.store.db.getItem(site.store.db.listLists().find((l) => l.url.endsWith('/PstCheckIns'))!.id, sophies)!;
    expect(sophiesItem.authorId).toBe(site.store.db.getUserByEmail(OTHER_LEAD)!.id);
    expect(await sharePointErrorOf(list(COORDINATOR, checkInsList).items.getById(sophies).update({ PstComment: 'x' }))).toEqual(DENIED);
    // Naming another lead: the new one records check-ins there, the previous one no longer can.
    details = await coordinator.loadActionDetails(site.otherAction);
    await coordinator.assignLead(site.otherAction, { displayName: 'Marc Dubois', email: LEAD }, details.etag);
    const marc = await site.repository(LEAD).loadActionDetails(site.otherAction);
    expect(marc.canEdit).toBe(true);
    await site.repository(LEAD).addCheckIn({ actionId: site.otherAction, date: '2025-04-03', status: 'EN_COURS', percent: 45, health: 'bon', comment: null }, marc.etag);
    const sophie = await site.repository(OTHER_LEAD).loadActionDetails(site.otherAction);
    expect(sophie.canEdit).toBe(false);
    await expect(site.repository(OTHER_LEAD).addCheckIn({ actionId: site.otherAction, date: '2025-04-04', status: 'TERMINE', percent: 100, health: 'bon', comment: null }, sophie.etag)).rejects.toMatchObject({ status: 403 });
  });

  it('the reminder job (app-only, site-wide write) reads the plan with the leads’ progress', async () => {
    const snapshot = await site.repository(OWNER_APP).loadSnapshot();
    expect(snapshot.actions.find((a) => a.id === site.otherAction)).toMatchObject({ status: 'EN_COURS', progressPercent: 45, lastCheckInDate: '2025-04-03' });
  });
});

const OWNER_APP = 'it@cpas.example';
