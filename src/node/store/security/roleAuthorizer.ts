/**
 * An authorizer that applies the permissions recorded in the store the way SharePoint
 * does, for hosts that want SharePoint's model rather than their own rules:
 * - a site collection administrator may do everything;
 * - otherwise the user's permissions at an object are the union of the role definitions
 *   assigned, at the object's effective scope (its own if it has unique permissions, else
 *   inherited from the list, then the web), to the user or to a group they belong to;
 * - a principal with a role somewhere below the web has Limited Access on the web (enough
 *   to open it and reach the lists shared with them), as SharePoint grants it;
 * - items in a folder inherit the folder's permissions when it has its own;
 * - a list with WriteSecurity 2 lets anyone without *Override List Behaviors*
 *   (CancelCheckout, in Design and Full Control only; Edit and Contribute lack it) edit or
 *   delete only the items they created ("Create items and edit items that were created by
 *   the user"), whatever group they are in.
 *   https://www.formsandflows.nl/2023/10/23/item-level-permissions/
 * https://learn.microsoft.com/en-us/sharepoint/understanding-permission-levels
 */
import type { StoreDatabase } from '../db/database';
import { WEB_SCOPE } from '../db/scopes';
import type { ItemRecord, ListRecord, StoreUser } from '../records';
import type { Authorizer, AuthorizationContext, Operation } from './authorization';
import { kindsOf, PermissionKind, ROLE_DEFINITIONS } from './permissionMasks';


const LIMITED_ACCESS = ROLE_DEFINITIONS.find((d) => d.roleTypeKind === 1)!;

/** The permission kind an operation needs, at a list/item or at the web. */
function requiredKind(operation: Operation, atWeb: boolean): number {
  switch (operation) {
    case 'read':
      return atWeb ? PermissionKind.Open : PermissionKind.ViewListItems;
    case 'addItem':
      return PermissionKind.AddListItems;
    case 'editItem':
      return PermissionKind.EditListItems;
    case 'deleteItem':
      return PermissionKind.DeleteListItems;
    case 'manageLists':
      return PermissionKind.ManageLists;
    case 'managePermissions':
      return PermissionKind.ManagePermissions;
  }
}

class RoleResolver {
  private version = -1;
  private readonly kinds = new Map<string, Set<number>>();

  constructor(private readonly db: StoreDatabase) {}

  private scopeOf(list?: ListRecord, item?: ItemRecord): string {
    return list ? this.db.effectiveScope(list.id, item?.id) : WEB_SCOPE;
  }

  kindsAt(user: StoreUser, list?: ListRecord, item?: ItemRecord): Set<number> {
    if (this.version !== this.db.permissionsVersion) {
      this.kinds.clear();
      this.version = this.db.permissionsVersion;
    }
    const scope = this.scopeOf(list, item);
    const key = `${user.id}|${scope}|${list ? 'object' : 'web'}`;
    let kinds = this.kinds.get(key);
    if (!kinds) {
      kinds = this.compute(user, scope, !list);
      this.kinds.set(key, kinds);
    }
    return kinds;
  }

  private compute(user: StoreUser, scope: string, atWeb: boolean): Set<number> {
    const principals = [user.id, ...this.db.groupsOfUser(user.id).map((g) => g.id)];
    const placeholders = principals.map(() => '?').join(',');
    const roleIds = (
      this.db.sql
        .prepare(`SELECT DISTINCT role_definition_id AS id FROM role_assignments WHERE scope = ? AND principal_id IN (${placeholders})`)
        .all(scope, ...principals) as { id: number }[]
    ).map((r) => r.id);
    if (atWeb) {
      const below = this.db.sql
        .prepare(`SELECT 1 AS x FROM role_assignments WHERE scope <> ? AND principal_id IN (${placeholders}) LIMIT 1`)
        .get(WEB_SCOPE, ...principals);
      if (below) roleIds.push(LIMITED_ACCESS.id);
    }
    const kinds = new Set<number>();
    for (const id of roleIds) {
      const definition = this.db.roleDefinition(id);
      if (definition) for (const k of kindsOf(definition.basePermissions)) kinds.add(k);
    }
    return kinds;
  }
}

const resolvers = new WeakMap<StoreDatabase, RoleResolver>();

export const roleBasedAuthorizer: Authorizer = (context: AuthorizationContext) => {
  const { user, operation, list, item, db } = context;
  if (user.isSiteAdmin) return { allowed: true };
  let resolver = resolvers.get(db);
  if (!resolver) {
    resolver = new RoleResolver(db);
    resolvers.set(db, resolver);
  }
  const kinds = resolver.kindsAt(user, list, item);
  if (!kinds.has(requiredKind(operation, !list))) return { allowed: false };
  if (
    list &&
    item &&
    list.writeSecurity === 2 &&
    (operation === 'editItem' || operation === 'deleteItem') &&
    item.authorId !== user.id &&
    !kinds.has(PermissionKind.CancelCheckout)
  ) {
    return { allowed: false };
  }
  return { allowed: true };
};
