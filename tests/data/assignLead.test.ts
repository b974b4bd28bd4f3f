/**
 * Giving an action a new project lead, as the coordination group does it (a member of
 * « PST – Coordination », not a site owner), against the embedded store with the
 * solution's permissions: people search, the lead saved, the new lead may record check-ins
 * on the action (never edit its item) and the previous one may not any more; a stale
 * version is a conflict.
 */
import { startEmbeddedStore, roleBasedAuthorizer, EmbeddedStore } from '../../src/node/store';
import { SharePointPstRepository } from '../../src/data/SharePointPstRepository';
import { ConflictError } from '../../src/data/errors';
import { addUserToPstGroup, grantActionToLead } from '../../src/data/permissions';
import { createNodeSp } from '../../src/node/sp/nodeSp';
import { createAction } from '../../src/domain/model';
import '@pnp/sp/site-users/web';

jest.setTimeout(60_000);

const OWNER = 'it@cpas.example';
const COORDINATOR = 'elise.martin@cpas.example';
const SOPHIE = 'sophie.lambert@cpas.example';
const MARC = 'marc.dubois@cpas.example';
/** Not in any PST group yet: named lead for the first time. */
const NADIA = 'nadia.elamrani@cpas.example';
const as = (store: EmbeddedStore, email: string) => new SharePointPstRepository(createNodeSp(store.siteUrl, async () => `local:${email}`), '/sites/pst');

let store: EmbeddedStore;
let actionId: number;
let sophieId: number;

beforeAll(async () => {
  store = await startEmbeddedStore({ dataFile: ':memory:', authorize: roleBasedAuthorizer });
  store.db.ensureUser({ email: OWNER, title: 'Service informatique', isSiteAdmin: true });
  store.db.ensureUser({ email: COORDINATOR, title: 'Élise Martin' });
  store.db.ensureUser({ email: SOPHIE, title: 'Sophie Lambert' });
  store.db.ensureUser({ email: MARC, title: 'Marc Dubois' });
  store.db.ensureUser({ email: NADIA, title: 'Nadia El Amrani' });
  const sp = createNodeSp(store.siteUrl, async () => `local:${OWNER}`);
  // What the web part's « Créer les listes du PST ici » does: lists, then groups and roles.
  const first = await as(store, OWNER).provisionLists();
  expect(first.permissionChanges).toEqual(expect.arrayContaining(['groupe créé : PST – Coordination']));
  await addUserToPstGroup(sp, 'coordination', COORDINATOR);
  for (const email of [SOPHIE, MARC]) await addUserToPstGroup(sp, 'leads', email);
  sophieId = ((await sp.web.ensureUser(SOPHIE)) as { Id: number }).Id;
  const imported = await as(store, OWNER).importPlan({
    plan: { id: 1, title: 'PST', organisation: 'CPAS', startYear: 2025, endYear: 2030 },
    sections: [],
    strategicObjectives: [{ id: 1, code: '1', title: 'Accueil', volet: 'externe', order: 1 }],
    operationalObjectives: [{ id: 1, code: '1.1', title: 'Guichet', strategicObjectiveId: 1, order: 1 }],
    actions: [createAction({ id: 1, code: '1.1.1', title: 'Horaires', operationalObjectiveIds: [1], projectLead: { id: sophieId, displayName: 'Sophie Lambert', email: SOPHIE } })],
  });
  actionId = imported.ids.actions.get(1)!;
  await grantActionToLead(sp, '/sites/pst', actionId, sophieId);
});

afterAll(async () => {
  await store?.close();
});

describe('assigning a project lead', () => {
  it('provisioning twice changes nothing the second time, permissions included', async () => {
    const again = await as(store, OWNER).provisionLists();
    expect(again.changes).toEqual([]);
    expect(again.permissionChanges).toEqual([]);
  });

  it('finds people by the start of their names or address, accents aside', async () => {
    const coordinator = as(store, COORDINATOR);
    expect(await coordinator.searchPeople('dub')).toEqual([{ displayName: 'Marc Dubois', email: MARC }]);
    expect(await coordinator.searchPeople('sophie lam')).toEqual([{ displayName: 'Sophie Lambert', email: SOPHIE }]);
    expect((await coordinator.searchPeople('elise')).map((p) => p.displayName)).toEqual(['Élise Martin']);
    expect(await coordinator.searchPeople('zzz')).toEqual([]);
    expect(await coordinator.searchPeople('  ')).toEqual([]);
  });

  it('the coordination group saves the new lead, who may now edit the action, and the previous lead may not', async () => {
    const coordinator = as(store, COORDINATOR);
    expect((await as(store, SOPHIE).loadActionDetails(actionId)).canEdit).toBe(true);
    expect((await as(store, MARC).loadActionDetails(actionId)).canEdit).toBe(false);

    const { etag } = await coordinator.loadActionDetails(actionId);
    const result = await coordinator.assignLead(actionId, { displayName: 'Marc Dubois', email: MARC }, etag);
    expect(result.permissionError).toBeNull();
    expect(result.lead).toMatchObject({ displayName: 'Marc Dubois', email: MARC });
    expect(result.lead.id).toBeGreaterThan(0);

    const marc = await as(store, MARC).loadActionDetails(actionId);
    expect(marc.action.projectLead).toMatchObject({ id: result.lead.id, displayName: 'Marc Dubois', email: MARC });
    expect(marc.canEdit).toBe(true);
    // A lead updates their action through check-ins; its item (title, budget, lead…) stays the coordination's.
    await as(store, MARC).addCheckIn({ actionId, date: '2026-11-21', status: 'EN_COURS', percent: 30, health: 'bon', comment: null }, marc.etag);
    expect((await as(store, MARC).loadActionDetails(actionId)).action.progressPercent).toBe(30);
    const marcAgain = await as(store, MARC).loadActionDetails(actionId);
    await expect(as(store, MARC).updateAction(actionId, { title: 'Pris par Marc', weight: 1_000_000 }, marcAgain.etag)).rejects.toMatchObject({ status: 403 });

    const sophie = await as(store, SOPHIE).loadActionDetails(actionId);
    expect(sophie.canEdit).toBe(false);
    await expect(as(store, SOPHIE).addCheckIn({ actionId, date: '2026-11-21', status: 'TERMINE', percent: 100, health: 'bon', comment: null }, sophie.etag)).rejects.toMatchObject({ status: 403 });
    expect((await as(store, MARC).loadActionDetails(actionId)).action.progressPercent).toBe(30);
  });

  it('a version saved by someone else in between is a conflict, and the lead does not change', async () => {
    const coordinator = as(store, COORDINATOR);
    const stale = (await coordinator.loadActionDetails(actionId)).etag;
    // Another member of the coordination saves the sheet meanwhile (a lead's check-in does not
    // touch the action item, so it does not make the choice of a lead stale).
    const other = as(store, OWNER);
    await other.updateAction(actionId, { title: 'Horaires élargis' }, (await other.loadActionDetails(actionId)).etag);
    await expect(coordinator.assignLead(actionId, { displayName: 'Sophie Lambert', email: SOPHIE }, stale)).rejects.toBeInstanceOf(ConflictError);
    expect((await coordinator.loadActionDetails(actionId)).action.projectLead?.email).toBe(MARC);
  });

  it('a project lead cannot give their action to someone else', async () => {
    const marc = as(store, MARC);
    const { etag } = await marc.loadActionDetails(actionId);
    await expect(marc.assignLead(actionId, { displayName: 'Sophie Lambert', email: SOPHIE }, etag)).rejects.toThrow("Seule la coordination du PST peut changer le chef de projet d'une action.");
    expect((await marc.loadActionDetails(actionId)).action.projectLead?.email).toBe(MARC);
  });

  it('a lead named for the first time joins « PST – Chefs de projet » and can add check-ins', async () => {
    const coordinator = as(store, COORDINATOR);
    const nadia = as(store, NADIA);
    const leadsGroup = store.db.getGroupByTitle('PST – Chefs de projet')!;
    expect(store.db.groupMembers(leadsGroup.id).map((u) => u.email)).not.toContain(NADIA);
    const { etag } = await coordinator.loadActionDetails(actionId);
    const result = await coordinator.assignLead(actionId, { displayName: 'Nadia El Amrani', email: NADIA }, etag);
    expect(result.permissionError).toBeNull();
    const details = await nadia.loadActionDetails(actionId);
    expect(details.canEdit).toBe(true);
    expect(store.db.groupMembers(leadsGroup.id).map((u) => u.email)).toContain(NADIA);
    const saved = await nadia.addCheckIn({ actionId, date: '2026-11-23', status: 'EN_COURS', percent: 45, health: 'bon', comment: 'Première mise à jour' }, details.etag);
    expect(saved.checkIn.percent).toBe(45);
  });

  it('the coordination group owns the leads group: a coordinator adds members, a lead cannot', async () => {
    const sp = (email: string) => createNodeSp(store.siteUrl, async () => `local:${email}`);
    await addUserToPstGroup(sp(COORDINATOR), 'leads', 'new.lead@cpas.example');
    await expect(addUserToPstGroup(sp(MARC), 'leads', 'someone@cpas.example')).rejects.toMatchObject({ status: 403 });
  });
});
