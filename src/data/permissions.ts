/**
 * Who may do what, set up with SharePoint's own permissions so that SharePoint (or the
 * embedded store, which implements the same model) enforces it, not only the UI:
 *
 * | who | structure lists (plan, sections, OS, OO, indicators) | actions | check-ins |
 * | --- | --- | --- | --- |
 * | PST – Coordination (référent PST, DG) | Edit | Full Control (to give a new lead their action) | Edit |
 * | PST – Chefs de projet | Read | Read, and Contribute on the actions they lead (item-level) | Contribute, editing only their own check-ins |
 * | PST – Comité de pilotage, site visitors | Read | Read | Read |
 * | site owners | Full Control (kept) | | |
 *
 * The lists break inheritance copying the site's assignments, so that owners keep
 * control; the site's Members group should be the coordination team, staff are Visitors.
 * A lead gets Contribute on an action item when they become its lead (`grantActionToLead`),
 * and the previous lead loses it; they join *PST – Chefs de projet* (to add check-ins),
 * which the coordination group owns so that its members may add them. Changing an item's permissions needs Manage Permissions,
 * which Edit lacks: the coordination group has Full Control on the actions list only (it
 * adds Manage Permissions to what Edit already allows there), nothing more on the site.
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

/** SP.RoleType */
export const enum RoleType {
  Reader = 2,
  Contributor = 3,
  Administrator = 5,
  Editor = 6,
}

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

/** The role each group gets on each list. */
export function roleOf(group: PstGroupKey, list: ListKey): RoleType {
  if (group === 'coordination') return list === 'actions' ? RoleType.Administrator : RoleType.Editor;
  if (group === 'leads' && list === 'checkIns') return RoleType.Contributor;
  return RoleType.Reader;
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

  const roleIds = new Map<RoleType, number>();
  const roleId = async (type: RoleType): Promise<number> => {
    if (!roleIds.has(type)) roleIds.set(type, ((await sp.web.roleDefinitions.getByType(type).select('Id')()) as { Id: number }).Id);
    return roleIds.get(type)!;
  };

  for (const listDef of PST_LISTS) {
    const list = sp.web.getList(listUrl(webServerRelativeUrl, listDef));
    const info: { HasUniqueRoleAssignments: boolean; WriteSecurity?: number } = await list.select('HasUniqueRoleAssignments', 'WriteSecurity')();
    if (!info.HasUniqueRoleAssignments) {
      await list.breakRoleInheritance(true, false);
      changes.push(`permissions propres : ${listDef.title.fr}`);
    }
    if (listDef.key === 'checkIns' && info.WriteSecurity !== WRITE_OWN_ITEMS_ONLY) {
      await list.update({ WriteSecurity: WRITE_OWN_ITEMS_ONLY });
      changes.push(`${listDef.title.fr} : chacun ne modifie que ses propres suivis`);
    }
    const assignments: { PrincipalId: number; RoleDefinitionBindings: { Id: number }[] }[] = await list.roleAssignments
      .select('PrincipalId', 'RoleDefinitionBindings/Id')
      .expand('RoleDefinitionBindings')();
    for (const key of Object.keys(PST_GROUPS) as PstGroupKey[]) {
      const wanted = await roleId(roleOf(key, listDef.key));
      const current = assignments.find((a) => a.PrincipalId === groupIds[key]);
      if (current?.RoleDefinitionBindings.some((r) => r.Id === wanted)) continue;
      await list.roleAssignments.add(groupIds[key], wanted);
      changes.push(`${PST_GROUPS[key].title} : rôle ${roleOf(key, listDef.key)} sur ${listDef.title.fr}`);
    }
  }
  return { groupIds, changes };
}

/**
 * Gives a project lead Contribute on one action item (its permissions become unique,
 * copied from the list), and takes it back from the previous lead.
 */
export async function grantActionToLead(
  sp: SPFI,
  webServerRelativeUrl: string,
  actionId: number,
  leadUserId: number,
  previousLeadUserId: number | null = null,
): Promise<void> {
  const actions = PST_LISTS.find((l) => l.key === 'actions')!;
  const item = sp.web.getList(listUrl(webServerRelativeUrl, actions)).items.getById(actionId);
  const info: { HasUniqueRoleAssignments: boolean } = await item.select('HasUniqueRoleAssignments')();
  if (!info.HasUniqueRoleAssignments) await item.breakRoleInheritance(true, false);
  const contributor = ((await sp.web.roleDefinitions.getByType(RoleType.Contributor).select('Id')()) as { Id: number }).Id;
  if (previousLeadUserId !== null && previousLeadUserId !== leadUserId) {
    try {
      await item.roleAssignments.remove(previousLeadUserId, contributor);
    } catch (error) {
      // The previous lead may never have had the role (set before the PST groups existed).
      if (!isNotFound(error)) throw error;
    }
  }
  await item.roleAssignments.add(leadUserId, contributor);
}

/** Adds a user (by e-mail or login) to a PST group. */
export async function addUserToPstGroup(sp: SPFI, group: PstGroupKey, loginName: string): Promise<void> {
  await sp.web.siteGroups.getByName(PST_GROUPS[group].title).users.add(loginName);
}
