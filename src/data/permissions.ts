/**
 * Who may do what, set up with SharePoint's own permissions so that SharePoint (or the
 * embedded store, which implements the same model) enforces it, not only the UI. The
 * README's "Who may do what" says what each group can do with a REST client.
 *
 * | who | structure lists, actions, indicators | check-ins | progress (« Avancement des actions ») |
 * | --- | --- | --- | --- |
 * | PST – Coordination | Edit | « PST – Modification et autorisations » (Edit + Manage Permissions) | same |
 * | PST – Chefs de projet | Read | Read; « PST – Collaboration sans suppression » in the folder of each action they lead | Read; the same level on the progress item of each action they lead |
 * | PST – Comité de pilotage, site visitors | Read | Read | Read |
 * | (change log « Journal des modifications ») | coordination: « Collaboration sans suppression », own items only; others Read | | |
 * | site owners | Full Control (kept) | | |
 *
 * SharePoint has no column-level permissions: whoever may edit an item may change every
 * column, delete it and re-point its lookups. So the action item (title, code, OO links,
 * parent, budget, weight, lead…) is read-only for its lead; what a lead changes lives in
 * items of their own (actionSpaces.ts): the check-ins in the action's folder (the folder,
 * not the lookup, says which action a check-in is about), and the action's progress item.
 * The lead level has no Delete, and the check-ins list lets each one edit only the items
 * they created (WriteSecurity 2, which binds every group but Design and Full Control).
 * Manage Permissions (to give a new lead their folder and progress item) is on those two
 * lists only; Edit lacks it.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/security';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/site-users/web';
import { ListKey, PST_LISTS } from '../schema/listSchema';
import { listUrl } from './sharePointPaths';
import { isNotFound } from './errors';
import { LEAD_LEVEL_NAME } from './actionSpaces';

export { grantActionToLead } from './actionSpaces';

/** SP.RoleType */
export const enum RoleType {
  Reader = 2,
  Contributor = 3,
  Administrator = 5,
  Editor = 6,
}

/** The two permission levels the PST adds to the site (SharePoint: `roleDefinitions.add`). */
export type PstLevelKey = 'leadWithoutDelete' | 'editAndGrant';

export const PST_LEVELS: Record<PstLevelKey, { name: string; description: string; order: number; basePermissions: { High: number; Low: number } }> = {
  // Contribute (High 432, Low 1011028719) without Delete Items (4) and Delete Versions (8).
  leadWithoutDelete: {
    name: LEAD_LEVEL_NAME,
    description: 'Chef de projet : lit, ajoute et modifie, sans jamais supprimer.',
    order: 65,
    basePermissions: { High: 432, Low: 1011028719 - 8 - 128 },
  },
  // Edit (High 432, Low 1011030767) with Manage Permissions (26) and Enumerate Permissions (63).
  editAndGrant: {
    name: 'PST – Modification et autorisations',
    description: 'Coordination du PST : modifie les éléments et donne leurs suivis aux chefs de projet.',
    order: 47,
    basePermissions: { High: 432 + 1073741824, Low: 1011030767 + 33554432 },
  },
};

/** A list role: a built-in role type or one of the PST's levels. */
export type PstRole = RoleType | PstLevelKey;

export type PstGroupKey = 'coordination' | 'leads' | 'committee';

export const PST_GROUPS: Record<PstGroupKey, { title: string; description: string }> = {
  coordination: {
    title: 'PST – Coordination',
    description: 'Référent PST et direction générale : modifient la structure du PST et toutes les actions.',
  },
  leads: {
    title: 'PST – Chefs de projet',
    description: 'Chefs de projet : lisent le PST, mettent à jour leurs actions et ajoutent des suivis.',
  },
  committee: {
    title: 'PST – Comité de pilotage',
    description: 'CODIR et comité de pilotage : lisent le PST et le tableau de bord.',
  },
};

/** The lists where leads get an item or folder of their own (actionSpaces.ts): the coordination grants them. */
export const LEAD_WRITABLE_LISTS: readonly ListKey[] = ['checkIns', 'progress', 'indicatorValues'];

/** The role each group gets on each list (leads get more on their own folder and progress item only). */
export function roleOf(group: PstGroupKey, list: ListKey): PstRole {
  // The change log is written, never rewritten: the coordination adds to it and deletes nothing.
  if (group === 'coordination' && list === 'changeLog') return 'leadWithoutDelete';
  if (group === 'coordination') return LEAD_WRITABLE_LISTS.indexOf(list) >= 0 ? 'editAndGrant' : RoleType.Editor;
  return RoleType.Reader;
}

/** SharePoint's Limited Access, given by SharePoint itself: never removed. */
const LIMITED_ACCESS_ID = 1073741825;

/** Creates the PST's permission levels that are missing; their ids. */
async function ensurePstLevels(sp: SPFI, changes: string[]): Promise<Record<PstLevelKey, number>> {
  const existing: { Id: number; Name: string }[] = await sp.web.roleDefinitions.select('Id', 'Name')();
  const ids = {} as Record<PstLevelKey, number>;
  for (const key of Object.keys(PST_LEVELS) as PstLevelKey[]) {
    const level = PST_LEVELS[key];
    const found = existing.find((d) => d.Name === level.name);
    if (found) {
      ids[key] = found.Id;
      continue;
    }
    const created = (await sp.web.roleDefinitions.add(level.name, level.description, level.order, level.basePermissions)) as unknown as { Id?: number; data?: { Id: number } };
    ids[key] = created.Id ?? created.data?.Id ?? ((await sp.web.roleDefinitions.getByName(level.name).select('Id')()) as { Id: number }).Id;
    changes.push(`niveau d'autorisation créé : ${level.name}`);
  }
  return ids;
}

/** SP.List.WriteSecurity: 2 = users may edit only the items they created. */
const WRITE_OWN_ITEMS_ONLY = 2;

export interface PermissionsReport {
  readonly groupIds: Record<PstGroupKey, number>;
  readonly changes: string[];
}

async function ensureGroup(sp: SPFI, key: PstGroupKey, changes: string[]): Promise<number> {
  const { title, description } = PST_GROUPS[key];
  try {
    const group: { Id: number } = await sp.web.siteGroups.getByName(title).select('Id')();
    return group.Id;
  } catch (error) {
    if (!isNotFound(error)) throw error;
    const created: { Id: number } = await sp.web.siteGroups.add({ Title: title, Description: description });
    changes.push(`groupe créé : ${title}`);
    return created.Id;
  }
}

/** Creates the PST groups and gives them their roles on the PST lists; idempotent. */
export async function ensurePstPermissions(sp: SPFI, webServerRelativeUrl: string): Promise<PermissionsReport> {
  const changes: string[] = [];
  const groupIds = {} as Record<PstGroupKey, number>;
  for (const key of Object.keys(PST_GROUPS) as PstGroupKey[]) groupIds[key] = await ensureGroup(sp, key, changes);
  // The coordination names leads: as owner of the leads group, its members add them to it.
  const leadsGroup = sp.web.siteGroups.getById(groupIds.leads);
  const { OwnerTitle } = (await leadsGroup.select('OwnerTitle')()) as { OwnerTitle?: string };
  if (OwnerTitle !== PST_GROUPS.coordination.title) {
    await leadsGroup.setUserAsOwner(groupIds.coordination);
    changes.push(`propriétaire de ${PST_GROUPS.leads.title} : ${PST_GROUPS.coordination.title}`);
  }

  const levels = await ensurePstLevels(sp, changes);
  const roleIds = new Map<PstRole, number>();
  const roleId = async (role: PstRole): Promise<number> => {
    if (typeof role === 'string') return levels[role];
    if (!roleIds.has(role)) roleIds.set(role, ((await sp.web.roleDefinitions.getByType(role).select('Id')()) as { Id: number }).Id);
    return roleIds.get(role)!;
  };

  for (const listDef of PST_LISTS) {
    const list = sp.web.getList(listUrl(webServerRelativeUrl, listDef));
    const info: { HasUniqueRoleAssignments: boolean; WriteSecurity?: number } = await list.select('HasUniqueRoleAssignments', 'WriteSecurity')();
    if (!info.HasUniqueRoleAssignments) {
      await list.breakRoleInheritance(true, false);
      changes.push(`permissions propres : ${listDef.title.fr}`);
    }
    if ((listDef.key === 'checkIns' || listDef.key === 'indicatorValues' || listDef.key === 'changeLog') && info.WriteSecurity !== WRITE_OWN_ITEMS_ONLY) {
      await list.update({ WriteSecurity: WRITE_OWN_ITEMS_ONLY });
      changes.push(`${listDef.title.fr} : chacun ne modifie que ses propres éléments`);
    }
    const assignments: { PrincipalId: number; RoleDefinitionBindings: { Id: number }[] }[] = await list.roleAssignments
      .select('PrincipalId', 'RoleDefinitionBindings/Id')
      .expand('RoleDefinitionBindings')();
    for (const key of Object.keys(PST_GROUPS) as PstGroupKey[]) {
      const wanted = await roleId(roleOf(key, listDef.key));
      const current = assignments.find((a) => a.PrincipalId === groupIds[key]);
      // An upgraded site loses what earlier versions gave (Contribute to leads on the
      // check-ins, Full Control to the coordination on the actions).
      for (const binding of current?.RoleDefinitionBindings ?? []) {
        if (binding.Id === wanted || binding.Id === LIMITED_ACCESS_ID) continue;
        await list.roleAssignments.remove(groupIds[key], binding.Id);
        changes.push(`${PST_GROUPS[key].title} : rôle ${binding.Id} retiré sur ${listDef.title.fr}`);
      }
      if (current?.RoleDefinitionBindings.some((r) => r.Id === wanted)) continue;
      await list.roleAssignments.add(groupIds[key], wanted);
      changes.push(`${PST_GROUPS[key].title} : rôle ${String(roleOf(key, listDef.key))} sur ${listDef.title.fr}`);
    }
  }
  return { groupIds, changes };
}

/** Adds a user (by e-mail or login) to a PST group. */
export async function addUserToPstGroup(sp: SPFI, group: PstGroupKey, loginName: string): Promise<void> {
  await sp.web.siteGroups.getByName(PST_GROUPS[group].title).users.add(loginName);
}
