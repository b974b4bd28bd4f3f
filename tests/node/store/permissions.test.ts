/**
 * Who may do what. One authorizer decides both the operation (403
 * System.UnauthorizedAccessException otherwise, https://learn.microsoft.com/en-us/openspecs/sharepoint_protocols/ms-csomspt/d647eab8-3c4a-4121-b248-35d7423a11da)
 * and EffectiveBasePermissions, read by PnPjs `currentUserHasPermissions` as `{ High, Low }`
 * (node_modules/@pnp/sp/security/funcs.js) — so the UI's "may I edit?" and the write agree.
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/security';
import { PermissionKind } from '@pnp/sp/security';
import { ensurePstLists } from '../../../src/data/provisioning';
import { addUserToPstGroup, ensurePstPermissions, grantActionToLead } from '../../../src/data/permissions';
import { SharePointPstRepository } from '../../../src/data/SharePointPstRepository';
import { listUrl } from '../../../src/data/sharePointPaths';
import { actionsList, checkInsList, ListKey } from '../../../src/schema/listSchema';
import { actionToItem, checkInToItem } from '../../../src/schema/mapping';
import { createAction } from '../../../src/domain/model';
import { Authorizer, FULL_MASK, roleBasedAuthorizer } from '../../../src/node/store';
import { COORDINATOR, LEAD, READER, sharePointErrorOf, startTestStore, TestStore } from './storeTestSupport';

const DENIED = {
  status: 403,
  code: '-2147024891, System.UnauthorizedAccessException',
  message: 'Access denied. You do not have permission to perform this action or access this resource.',
};

describe('authentication', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await startTestStore();
  });
  afterAll(() => t.store.close());

  it('answers 401 "Access denied." for a missing or unknown account, and accepts the pst-user cookie', async () => {
    const variants: Record<string, string>[] = [{}, { Authorization: 'Bearer local:nobody@cpas.example' }, { Authorization: 'Bearer eyJ0eXAi' }];
    for (const headers of variants) {
      const response = await fetch(`${t.store.siteUrl}/_api/web`, { headers: { Accept: 'application/json', ...headers } });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ 'odata.error': { code: '-2147024891, System.UnauthorizedAccessException', message: { lang: 'en-US', value: 'Access denied.' } } });
    }
    const byCookie = await fetch(`${t.store.siteUrl}/_api/web/currentuser?$select=Title`, { headers: { Accept: 'application/json', Cookie: `pst-user=${encodeURIComponent(LEAD)}` } });
    expect(((await byCookie.json()) as { Title: string }).Title).toBe('Marc Dubois');
  });

  it('names the same account when the token carries the key of a running npm start (a store without a key ignores it)', async () => {
    // what a job sends when `npm start` runs beside the tests: `local:<key>:<email>`
    const keyed = await fetch(`${t.store.siteUrl}/_api/web/currentuser?$select=Title`, { headers: { Accept: 'application/json', Authorization: 'Bearer local:k3y-of-npm-start:marc.dubois@cpas.example' } });
    expect(keyed.status).toBe(200);
    expect(((await keyed.json()) as { Title: string }).Title).toBe('Marc Dubois');
    const unknown = await fetch(`${t.store.siteUrl}/_api/web`, { headers: { Accept: 'application/json', Authorization: 'Bearer local:k3y:nobody@cpas.example' } });
    expect(unknown.status).toBe(401);
    const empty = await fetch(`${t.store.siteUrl}/_api/web`, { headers: { Accept: 'application/json', Authorization: 'Bearer local:k3y:' } });
    expect(empty.status).toBe(401);
  });

  it('gives full control to everyone when no authorizer is set', async () => {
    const web = (await t.sp(READER).web.getCurrentUserEffectivePermissions()) as unknown as { High: string; Low: string };
    expect(web).toEqual(expect.objectContaining(FULL_MASK));
    expect(await t.sp(READER).web.currentUserHasPermissions(PermissionKind.ManageLists)).toBe(true);
  });
});

describe('a custom authorizer', () => {
  let t: TestStore;
  let listIds: Record<ListKey, string>;
  let leadId: number;

  // Leads edit the actions they lead; the coordinator does everything; others read.
  const authorize: Authorizer = ({ user, operation, item, list }) => {
    if (user.email === COORDINATOR || operation === 'read') return { allowed: true };
    if (operation === 'editItem' && list?.title === actionsList.title.fr && item?.values.PstProjectLead === user.id) return { allowed: true };
    return { allowed: false };
  };

  beforeAll(async () => {
    t = await startTestStore({ authorize });
    listIds = (await ensurePstLists(t.sp(), t.webPath)).listIds;
    leadId = t.store.db.getUserByEmail(LEAD)!.id;
    const coordinator = t.store.db.getUserByEmail(COORDINATOR)!.id;
    t.store.db.addItems(
      listIds.actions,
      [
        actionToItem(createAction({ id: 1, title: 'Menée par Marc', projectLead: { id: leadId, displayName: 'Marc Dubois' } })),
        actionToItem(createAction({ id: 2, title: 'Menée par Anne', projectLead: { id: coordinator, displayName: 'Anne Dupont' } })),
      ],
      { authorId: coordinator },
    );
  });
  afterAll(() => t.store.close());

  const actions = (email: string) => t.sp(email).web.getList(listUrl(t.webPath, actionsList)).items;

  it('denies an edit with 403 and SharePoint\'s message, and EffectiveBasePermissions say the same', async () => {
    expect(await sharePointErrorOf(actions(LEAD).getById(2).update({ Title: 'pris' }))).toEqual(DENIED);
    expect(await actions(LEAD).getById(1).update({ Title: 'ok' })).toEqual({ etag: '"2"' });
    expect(await actions(LEAD).getById(2).currentUserHasPermissions(PermissionKind.EditListItems)).toBe(false);
    expect(await actions(LEAD).getById(1).currentUserHasPermissions(PermissionKind.EditListItems)).toBe(true);
    expect(await actions(LEAD).getById(1).currentUserHasPermissions(PermissionKind.DeleteListItems)).toBe(false);
    expect(await t.sp(LEAD).web.currentUserHasPermissions(PermissionKind.ManageLists)).toBe(false);
    expect(await t.sp(COORDINATOR).web.currentUserHasPermissions(PermissionKind.ManageLists)).toBe(true);
    // `$select=EffectiveBasePermissions` on items gives the same answer per item.
    const rows: { Id: number; EffectiveBasePermissions: { High: string; Low: string } }[] = await actions(LEAD).select('Id', 'EffectiveBasePermissions')();
    const canEdit = (mask: { High: string; Low: string }) => (Number(mask.Low) & (1 << (PermissionKind.EditListItems - 1))) !== 0;
    expect(rows.map((r) => [r.Id, canEdit(r.EffectiveBasePermissions)])).toEqual([
      [1, true],
      [2, false],
    ]);
    // The repository's panel flag comes from the same answer.
    const repository = new SharePointPstRepository(t.sp(LEAD), t.webPath);
    expect((await repository.loadActionDetails(2)).canEdit).toBe(false);
    expect((await repository.loadActionDetails(1)).canEdit).toBe(true);
  });

  it('passes the authorizer\'s own message', async () => {
    await t.store.close();
    t = await startTestStore({ authorize: () => ({ allowed: false, message: 'Lecture seule.' }) });
    expect(await sharePointErrorOf(t.sp().web())).toEqual({ ...DENIED, message: 'Lecture seule.' });
  });
});

describe('SharePoint\'s role model (roleBasedAuthorizer) set up by the product\'s permissions code', () => {
  let t: TestStore;
  const COMMITTEE = 'pierre.lemaire@cpas.example';
  let actionIds: number[];

  beforeAll(async () => {
    t = await startTestStore({ authorize: roleBasedAuthorizer });
    t.store.db.ensureUser({ email: COMMITTEE, title: 'Pierre Lemaire' });
    const sp = t.sp(COORDINATOR);
    const listIds = (await ensurePstLists(sp, t.webPath)).listIds;
    await ensurePstPermissions(sp, t.webPath);
    await addUserToPstGroup(sp, 'leads', LEAD);
    await addUserToPstGroup(sp, 'committee', COMMITTEE);
    const coordinator = t.store.db.getUserByEmail(COORDINATOR)!.id;
    actionIds = t.store.db
      .addItems(listIds.actions, [actionToItem(createAction({ id: 1, title: 'A' })), actionToItem(createAction({ id: 2, title: 'B' }))], { authorId: coordinator })
      .map((i) => i.id);
    await grantActionToLead(sp, t.webPath, actionIds[0], t.store.db.getUserByEmail(LEAD)!.id);
    t.store.db.addItem(listIds.checkIns, checkInToItem({ actionId: actionIds[0], date: '2025-01-01', status: 'EN_COURS', percent: 1, health: null, comment: null }), { authorId: coordinator });
  });
  afterAll(() => t.store.close());

  const list = (email: string, def: typeof actionsList | typeof checkInsList) => t.sp(email).web.getList(listUrl(t.webPath, def));

  it('runs ensurePstPermissions twice: the second run changes nothing', async () => {
    const again = await ensurePstPermissions(t.sp(COORDINATOR), t.webPath);
    expect(again.changes).toEqual([]);
  });

  it('lets a lead record check-ins in the folder of the action granted to them only; the action item stays read-only', async () => {
    // The action item: read-only for its lead (the old item-level Contribute let them rename, re-parent, delete it).
    expect(await sharePointErrorOf(list(LEAD, actionsList).items.getById(actionIds[0]).update({ PstProgress: 30 }))).toEqual(DENIED);
    expect(await sharePointErrorOf(list(LEAD, actionsList).items.getById(actionIds[1]).update({ PstProgress: 30 }))).toEqual(DENIED);
    expect(await list(LEAD, actionsList).items.getById(actionIds[0]).currentUserHasPermissions(PermissionKind.EditListItems)).toBe(false);
    // Not in the root folder of the check-ins…
    expect(await sharePointErrorOf(list(LEAD, checkInsList).items.add(checkInToItem({ actionId: actionIds[0], date: '2025-02-01', status: 'EN_COURS', percent: 30, health: 'bon', comment: null })))).toEqual(DENIED);
    // …but in their action's folder, where they edit what they wrote (never delete it).
    const repository = new SharePointPstRepository(t.sp(LEAD), t.webPath);
    const details = await repository.loadActionDetails(actionIds[0]);
    expect(details.canEdit).toBe(true);
    const { checkIn } = await repository.addCheckIn({ actionId: actionIds[0], date: '2025-02-01', status: 'EN_COURS', percent: 30, health: 'bon', comment: null }, details.etag);
    expect(await list(LEAD, checkInsList).items.getById(checkIn.id).update({ PstComment: 'ok' })).toEqual({ etag: '"2"' });
    expect(await sharePointErrorOf(list(LEAD, checkInsList).items.getById(checkIn.id).delete())).toEqual(DENIED);
    // Check-ins: WriteSecurity 2, a lead edits only the check-ins they created.
    expect(await sharePointErrorOf(list(LEAD, checkInsList).items.getById(1).update({ PstComment: 'non' }))).toEqual(DENIED);
    expect((await repository.loadActionDetails(actionIds[1])).canEdit).toBe(false);
    expect(await t.sp(LEAD).web.currentUserHasPermissions(PermissionKind.ManageLists)).toBe(false);
  });

  it('lets the committee read but not write; a user in no group cannot even open the site', async () => {
    expect(await list(COMMITTEE, actionsList).items.select('Title')()).toHaveLength(2);
    expect(await sharePointErrorOf(list(COMMITTEE, checkInsList).items.add({ Title: 'x' }))).toEqual(DENIED);
    expect(await sharePointErrorOf(t.sp(READER).web())).toEqual(DENIED);
    expect(await t.sp(COORDINATOR).web.currentUserHasPermissions(PermissionKind.ManageLists)).toBe(true);
  });
});
