/**
 * The repository against the embedded store, with SharePoint's permission model as
 * provisioned by the solution: concurrent edits, and who may change what.
 */
import { startEmbeddedStore, roleBasedAuthorizer, EmbeddedStore } from '../../src/node/store';
import { SharePointPstRepository } from '../../src/data/SharePointPstRepository';
import { ConflictError } from '../../src/data/errors';
import { ensurePstLists } from '../../src/data/provisioning';
import { addUserToPstGroup, ensurePstPermissions, grantActionToLead } from '../../src/data/permissions';
import { createNodeSp } from '../../src/node/sp/nodeSp';
import { createAction } from '../../src/domain/model';
import '@pnp/sp/site-users/web';

jest.setTimeout(60_000);

const COORDINATOR = 'anne.dupont@cpas.example';
const SOPHIE = 'sophie.lambert@cpas.example';
const MARC = 'marc.dubois@cpas.example';
const as = (store: EmbeddedStore, email: string) => new SharePointPstRepository(createNodeSp(store.siteUrl, async () => `local:${email}`), '/sites/pst');

let store: EmbeddedStore;
let sophiesAction: number;
let marcsAction: number;

beforeAll(async () => {
  store = await startEmbeddedStore({ dataFile: ':memory:', authorize: roleBasedAuthorizer });
  store.db.ensureUser({ email: COORDINATOR, title: 'Anne Dupont', isSiteAdmin: true });
  store.db.ensureUser({ email: SOPHIE, title: 'Sophie Lambert' });
  store.db.ensureUser({ email: MARC, title: 'Marc Dubois' });
  const sp = createNodeSp(store.siteUrl, async () => `local:${COORDINATOR}`);
  await ensurePstLists(sp, '/sites/pst');
  await ensurePstPermissions(sp, '/sites/pst');
  const ids: Record<string, number> = {};
  for (const email of [SOPHIE, MARC]) {
    ids[email] = ((await sp.web.ensureUser(email)) as { Id: number }).Id;
    await addUserToPstGroup(sp, 'leads', email);
  }
  const imported = await as(store, COORDINATOR).importPlan({
    plan: { id: 1, title: 'PST', organisation: 'CPAS', startYear: 2025, endYear: 2030 },
    sections: [],
    strategicObjectives: [{ id: 1, code: '1', title: 'Accueil', volet: 'externe', order: 1 }],
    operationalObjectives: [{ id: 1, code: '1.1', title: 'Guichet', strategicObjectiveId: 1, order: 1 }],
    actions: [
      createAction({ id: 1, code: '1.1.1', title: 'Horaires', operationalObjectiveIds: [1], status: 'EN_COURS', progressPercent: 20, projectLead: { id: ids[SOPHIE], displayName: 'Sophie Lambert', email: SOPHIE } }),
      createAction({ id: 2, code: '1.1.2', title: 'Borne', operationalObjectiveIds: [1], status: 'EN_COURS', progressPercent: 10, projectLead: { id: ids[MARC], displayName: 'Marc Dubois', email: MARC } }),
    ],
  });
  sophiesAction = imported.ids.actions.get(1)!;
  marcsAction = imported.ids.actions.get(2)!;
  await grantActionToLead(sp, '/sites/pst', sophiesAction, ids[SOPHIE]);
  await grantActionToLead(sp, '/sites/pst', marcsAction, ids[MARC]);
});

afterAll(async () => {
  await store?.close();
});

describe('SharePointPstRepository on the embedded store', () => {
  it('loads the whole plan and who is looking in one batched request', async () => {
    store.requests.length = 0;
    const snapshot = await as(store, SOPHIE).loadSnapshot();
    expect(store.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual(['POST /sites/pst/_api/$batch']);
    expect(snapshot.actions.map((a) => a.code)).toEqual(['1.1.1', '1.1.2']);
    expect(snapshot.viewer).toEqual({ user: expect.objectContaining({ displayName: 'Sophie Lambert', email: SOPHIE }), canEditAllActions: false });
  });

  it('tells a lead they may edit their action and not another lead’s; the coordinator may edit all', async () => {
    expect((await as(store, SOPHIE).loadActionDetails(sophiesAction)).canEdit).toBe(true);
    expect((await as(store, SOPHIE).loadActionDetails(marcsAction)).canEdit).toBe(false);
    expect((await as(store, COORDINATOR).loadSnapshot()).viewer!.canEditAllActions).toBe(true);
  });

  it('refuses a lead’s check-in on another lead’s action, and writes nothing', async () => {
    const repo = as(store, SOPHIE);
    const { etag } = await repo.loadActionDetails(marcsAction);
    await expect(repo.addCheckIn({ actionId: marcsAction, date: '2026-11-20', status: 'TERMINE', percent: 100, health: 'bon', comment: 'pas à moi' }, etag)).rejects.toMatchObject({ status: 403 });
    const after = await as(store, COORDINATOR).loadActionDetails(marcsAction);
    expect(after.action.progressPercent).toBe(10);
    expect(after.checkIns).toEqual([]);
  });

  it('turns a concurrent edit into a conflict that carries the other version, and loses nothing', async () => {
    const lead = as(store, SOPHIE);
    const coordinator = as(store, COORDINATOR);
    const seenByCoordinator = await coordinator.loadActionDetails(sophiesAction);
    const seenByLead = await lead.loadActionDetails(sophiesAction);

    // the lead records a check-in first…
    await lead.addCheckIn({ actionId: sophiesAction, date: '2026-11-20', status: 'EN_COURS', percent: 60, health: 'risque', comment: 'Devis reçus' }, seenByLead.etag);

    // …then the coordinator saves an edit made on the version they had loaded
    let conflict: unknown;
    try {
      await coordinator.updateAction(sophiesAction, { comments: 'Revoir le budget' }, seenByCoordinator.etag);
    } catch (error) {
      conflict = error;
    }
    expect(conflict).toBeInstanceOf(ConflictError);
    const current = (conflict as ConflictError).current;
    expect(current.action.progressPercent).toBe(60);
    expect(current.modifiedBy?.displayName).toBe('Sophie Lambert');

    // nothing was overwritten, and the coordinator can re-save on top of the new version
    await coordinator.updateAction(sophiesAction, { comments: 'Revoir le budget' }, current.etag);
    const final = await coordinator.loadActionDetails(sophiesAction);
    expect(final.action.progressPercent).toBe(60);
    expect(final.action.comments).toBe('Revoir le budget');
    expect(final.checkIns.map((c) => c.comment)).toEqual(['Devis reçus']);
  });

  it('reads the check-ins of several actions in one batched request, newest first, as the panel has them', async () => {
    const coordinator = as(store, COORDINATOR);
    const { etag } = await coordinator.loadActionDetails(sophiesAction);
    await coordinator.addCheckIn({ actionId: sophiesAction, date: '2026-11-25', status: 'EN_COURS', percent: 65, health: 'bon', comment: 'Marché attribué' }, etag);
    const panel = (await coordinator.loadActionDetails(sophiesAction)).checkIns;
    store.requests.length = 0;
    const found = await coordinator.loadCheckInsOf([sophiesAction, marcsAction, sophiesAction]);
    expect(store.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual(['POST /sites/pst/_api/$batch']);
    expect(found.get(sophiesAction)!.map((c) => c.comment)).toEqual(['Marché attribué', 'Devis reçus']);
    expect(found.get(sophiesAction)).toEqual(panel);
    expect(found.get(marcsAction)).toEqual([]);
    expect([...found.keys()]).toEqual([sophiesAction, marcsAction]);
    store.requests.length = 0;
    expect((await coordinator.loadCheckInsOf([])).size).toBe(0);
    expect(store.requests).toEqual([]);
  });
});

describe('loadActionDetails', () => {
  it('expands people: the lead with name and e-mail, and who saved last', async () => {
    const details = await as(store, COORDINATOR).loadActionDetails(marcsAction);
    expect(details.action.projectLead).toEqual(expect.objectContaining({ displayName: 'Marc Dubois', email: MARC }));
    expect(details.modifiedBy?.displayName).toBe('Anne Dupont');
  });
});
