/**
 * A PST site as provisioning configures SharePoint, on the embedded store with
 * SharePoint's role model: an owner (site collection administrator) provisions, a member
 * of « PST – Coordination » (not an owner) imports a plan and names the leads, two leads
 * record a check-in each; a member of the committee and a site visitor only read.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/site-users/web';
import { SharePointPstRepository } from '../../../src/data/SharePointPstRepository';
import { addUserToPstGroup } from '../../../src/data/permissions';
import { createNodeSp } from '../../../src/node/sp/nodeSp';
import { createAction } from '../../../src/domain/model';
import { EmbeddedStore, EmbeddedStoreOptions, roleBasedAuthorizer, startEmbeddedStore } from '../../../src/node/store';

export const OWNER = 'it@cpas.example';
export const COORDINATOR = 'elise.martin@cpas.example';
export const LEAD = 'marc.dubois@cpas.example';
export const OTHER_LEAD = 'sophie.lambert@cpas.example';
export const COMMITTEE = 'pierre.lemaire@cpas.example';
export const READER = 'lucie.moreau@cpas.example';
export const WEB = '/sites/pst';

export interface PstSite {
  readonly store: EmbeddedStore;
  sp(email: string): SPFI;
  repository(email: string): SharePointPstRepository;
  /** Action led by LEAD, then the one led by OTHER_LEAD. */
  readonly ownAction: number;
  readonly otherAction: number;
  readonly planOo: number[];
}

export async function startPstSite(options: Partial<EmbeddedStoreOptions> = {}): Promise<PstSite> {
  const store = await startEmbeddedStore({ dataFile: ':memory:', authorize: roleBasedAuthorizer, ...options });
  return setUpPstSite(store);
}

export async function setUpPstSite(store: EmbeddedStore): Promise<PstSite> {
  store.db.ensureUser({ email: OWNER, title: 'Service informatique', isSiteAdmin: true });
  for (const [email, title] of [
    [COORDINATOR, 'Élise Martin'],
    [LEAD, 'Marc Dubois'],
    [OTHER_LEAD, 'Sophie Lambert'],
    [COMMITTEE, 'Pierre Lemaire'],
    [READER, 'Lucie Moreau'],
  ]) {
    store.db.ensureUser({ email, title });
  }
  const sp = (email: string) => createNodeSp(store.siteUrl, async () => `local:${email}`);
  const repository = (email: string) => new SharePointPstRepository(sp(email), WEB);
  await repository(OWNER).provisionLists();
  await addUserToPstGroup(sp(OWNER), 'coordination', COORDINATOR);
  await addUserToPstGroup(sp(OWNER), 'committee', COMMITTEE);
  await sp(OWNER).web.associatedVisitorGroup.users.add(READER);
  const imported = await repository(COORDINATOR).importPlan({
    plan: { id: 1, title: 'PST', organisation: 'CPAS', startYear: 2025, endYear: 2030 },
    sections: [],
    strategicObjectives: [{ id: 1, code: '1', title: 'Accueil', volet: 'externe', order: 1 }],
    operationalObjectives: [
      { id: 1, code: '1.1', title: 'Guichet', strategicObjectiveId: 1, order: 1 },
      { id: 2, code: '1.2', title: 'Numérique', strategicObjectiveId: 1, order: 2 },
    ],
    actions: [
      createAction({ id: 1, code: '1.1.1', title: 'Horaires', operationalObjectiveIds: [1], status: 'EN_COURS', progressPercent: 20, weight: 1 }),
      createAction({ id: 2, code: '1.2.1', title: 'Borne', operationalObjectiveIds: [2], status: 'EN_COURS', progressPercent: 10, weight: 1 }),
    ],
  });
  const ownAction = imported.ids.actions.get(1)!;
  const otherAction = imported.ids.actions.get(2)!;
  const coordinator = repository(COORDINATOR);
  for (const [actionId, email, name] of [
    [ownAction, LEAD, 'Marc Dubois'],
    [otherAction, OTHER_LEAD, 'Sophie Lambert'],
  ] as const) {
    const { etag } = await coordinator.loadActionDetails(actionId);
    const assigned = await coordinator.assignLead(actionId, { displayName: name, email }, etag);
    if (assigned.permissionError) throw new Error(assigned.permissionError);
    const lead = repository(email);
    const details = await lead.loadActionDetails(actionId);
    await lead.addCheckIn({ actionId, date: '2025-03-01', status: 'EN_COURS', percent: 25, health: 'bon', comment: `Premier suivi de ${name}` }, details.etag);
  }
  return { store, sp, repository, ownAction, otherAction, planOo: [...imported.ids.operationalObjectives.values()] };
}

/** Every item of every list (version and values) and every role assignment: "nothing changed" is this, unchanged. */
export function storeState(store: EmbeddedStore): string {
  const items = store.db.sql.prepare('SELECT list_id, id, version, unique_permissions, data FROM items ORDER BY list_id, id').all();
  const roles = store.db.sql.prepare('SELECT * FROM role_assignments ORDER BY scope, principal_id, role_definition_id').all();
  const principals = store.db.sql.prepare('SELECT id, kind, title, email FROM principals ORDER BY id').all();
  const members = store.db.sql.prepare('SELECT * FROM group_members ORDER BY group_id, user_id').all();
  const lists = store.db.sql.prepare('SELECT id, write_security, unique_permissions FROM lists ORDER BY id').all();
  return JSON.stringify({ items, roles, principals, members, lists });
}
