/**
 * The third layer of `StoreDatabase` (see database.ts): the site's users and groups (the
 * `principals` table), group memberships, and role assignments at the web, a list or an
 * item, with breaking and resetting inheritance. Every change bumps `permissionsVersion`.
 */
import { invalidArgument, SharePointError } from '../http/errors';
import type { StoreGroup, StoreUser } from '../records';
import { BasePermissions, ROLE_DEFINITIONS, RoleDefinition } from '../security/permissionMasks';
import type { Row } from './connection';
import { ListStore } from './listStore';
import { itemScope, listScope, WEB_SCOPE } from './scopes';

export interface NewUser {
  readonly email: string;
  readonly title?: string;
  readonly isSiteAdmin?: boolean;
}

function loginNameOf(email: string): string {
  return `i:0#.f|membership|${email.toLowerCase()}`;
}

/** `anne.dupont@cpas.example` → `Anne Dupont`, for a user known only by e-mail. */
export function displayNameFromEmail(email: string): string {
  return email
    .split('@')[0]
    .split(/[._-]+/)
    .filter((p) => p !== '')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join(' ');
}

export abstract class PrincipalStore extends ListStore {
  // ------------------------------------------------------------------ users

  private userFromRow(row: Row): StoreUser {
    return {
      id: row.id as number,
      email: row.email as string,
      title: row.title as string,
      loginName: row.login_name as string,
      isSiteAdmin: row.is_site_admin === 1,
    };
  }

  /** The user with this e-mail, created if unknown; `title`/`isSiteAdmin` update an existing one when given. */
  ensureUser(input: NewUser): StoreUser {
    const email = input.email.trim();
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw invalidArgument('The user does not exist or is not unique.');
    const existing = this.getUserByEmail(email);
    if (existing) {
      const title = input.title ?? existing.title;
      const isSiteAdmin = input.isSiteAdmin ?? existing.isSiteAdmin;
      if (title !== existing.title || isSiteAdmin !== existing.isSiteAdmin) {
        this.prepare('UPDATE principals SET title = ?, is_site_admin = ? WHERE id = ?').run(title, isSiteAdmin ? 1 : 0, existing.id);
        this.permissionsVersion++;
        return { ...existing, title, isSiteAdmin };
      }
      return existing;
    }
    const result = this.prepare("INSERT INTO principals(kind, title, email, login_name, is_site_admin) VALUES ('user', ?, ?, ?, ?)")
      .run(input.title ?? displayNameFromEmail(email), email, loginNameOf(email), input.isSiteAdmin ? 1 : 0);
    this.permissionsVersion++;
    return this.getUserById(Number(result.lastInsertRowid))!;
  }

  /** Same as ensureUser: adding a known user changes nothing, as `web/ensureuser` does. */
  addUser(input: NewUser): StoreUser {
    return this.ensureUser(input);
  }

  getUserById(id: number): StoreUser | undefined {
    const row = this.prepare("SELECT * FROM principals WHERE kind = 'user' AND id = ?").get(id);
    return row ? this.userFromRow(row) : undefined;
  }

  getUserByEmail(email: string): StoreUser | undefined {
    const row = this.prepare("SELECT * FROM principals WHERE kind = 'user' AND email = ?").get(email.trim());
    return row ? this.userFromRow(row) : undefined;
  }

  /** By e-mail, claims login (`i:0#.f|membership|x@y`) or plain login. */
  findUserByLogin(login: string): StoreUser | undefined {
    const email = login.includes('|') ? login.substring(login.lastIndexOf('|') + 1) : login;
    return this.getUserByEmail(email);
  }

  listUsers(): StoreUser[] {
    return this.prepare("SELECT * FROM principals WHERE kind = 'user' ORDER BY id").all().map((r) => this.userFromRow(r));
  }

  // ------------------------------------------------------------------ groups

  private groupFromRow(row: Row): StoreGroup {
    return { id: row.id as number, title: row.title as string, description: row.description as string, ownerId: (row.owner_id as number | null) ?? null };
  }

  addGroup(input: { title: string; description?: string; ownerId?: number }): StoreGroup {
    if (this.getGroupByTitle(input.title)) {
      throw new SharePointError(500, '-2130575293, Microsoft.SharePoint.SPException', `The specified name is already in use.`);
    }
    const result = this.prepare("INSERT INTO principals(kind, title, description, owner_id) VALUES ('group', ?, ?, ?)")
      .run(input.title, input.description ?? '', input.ownerId ?? null);
    this.permissionsVersion++;
    return this.getGroupById(Number(result.lastInsertRowid))!;
  }

  getGroupById(id: number): StoreGroup | undefined {
    const row = this.prepare("SELECT * FROM principals WHERE kind = 'group' AND id = ?").get(id);
    return row ? this.groupFromRow(row) : undefined;
  }

  getGroupByTitle(title: string): StoreGroup | undefined {
    const row = this.prepare("SELECT * FROM principals WHERE kind = 'group' AND title = ? COLLATE NOCASE").get(title);
    return row ? this.groupFromRow(row) : undefined;
  }

  listGroups(): StoreGroup[] {
    return this.prepare("SELECT * FROM principals WHERE kind = 'group' ORDER BY id").all().map((r) => this.groupFromRow(r));
  }

  /** `SetUserAsOwner(id)`: the owner is a user or a group. */
  setGroupOwner(groupId: number, ownerId: number): void {
    this.prepare("UPDATE principals SET owner_id = ? WHERE kind = 'group' AND id = ?").run(ownerId, groupId);
    this.permissionsVersion++;
  }

  addGroupMember(groupId: number, userId: number): void {
    this.prepare('INSERT OR IGNORE INTO group_members(group_id, user_id) VALUES (?, ?)').run(groupId, userId);
    this.permissionsVersion++;
  }

  removeGroupMember(groupId: number, userId: number): void {
    this.prepare('DELETE FROM group_members WHERE group_id = ? AND user_id = ?').run(groupId, userId);
    this.permissionsVersion++;
  }

  groupMembers(groupId: number): StoreUser[] {
    return this.prepare('SELECT p.* FROM principals p JOIN group_members m ON m.user_id = p.id WHERE m.group_id = ? ORDER BY p.id')
      .all(groupId)
      .map((r) => this.userFromRow(r));
  }

  groupsOfUser(userId: number): StoreGroup[] {
    return this.prepare('SELECT p.* FROM principals p JOIN group_members m ON m.group_id = p.id WHERE m.user_id = ? ORDER BY p.id')
      .all(userId)
      .map((r) => this.groupFromRow(r));
  }

  // ------------------------------------------------------------------ role definitions

  /** SharePoint's built-in permission levels, then the site's custom ones (`roleDefinitions.add`). */
  roleDefinitions(): RoleDefinition[] {
    const custom = this.prepare('SELECT * FROM role_definitions ORDER BY id')
      .all()
      .map((r) => ({
        id: r.id as number,
        name: r.name as string,
        description: r.description as string,
        // SP.RoleType.None: a custom level has no role type.
        roleTypeKind: 0,
        order: r.sort_order as number,
        basePermissions: { High: r.high as string, Low: r.low as string },
      }));
    return [...ROLE_DEFINITIONS, ...custom];
  }

  roleDefinition(id: number): RoleDefinition | undefined {
    return this.roleDefinitions().find((d) => d.id === id);
  }

  /** A custom permission level; SharePoint refuses a name already in use. */
  addRoleDefinition(input: { name: string; description: string; order: number; basePermissions: BasePermissions }): RoleDefinition {
    if (this.roleDefinitions().some((d) => d.name.toLowerCase() === input.name.trim().toLowerCase())) {
      throw new SharePointError(400, '-2146232832, Microsoft.SharePoint.SPException', 'The permission level name is already in use.');
    }
    const max = this.prepare('SELECT MAX(id) AS id FROM role_definitions').get() as { id: number | null } | undefined;
    const id = Math.max(max?.id ?? 0, 1073741923) + 1;
    this.prepare('INSERT INTO role_definitions(id, name, description, sort_order, high, low) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, input.name.trim(), input.description, input.order, input.basePermissions.High, input.basePermissions.Low);
    this.permissionsVersion++;
    return this.roleDefinition(id)!;
  }

  // ------------------------------------------------------------------ role assignments

  /** The assignments that apply at a scope: its own if it has unique permissions, else its parent's. */
  effectiveScope(listId?: string, itemId?: number): string {
    if (listId !== undefined && itemId !== undefined) {
      // An item inherits from its folder, the folder from its parent folder, then the list.
      let row: Row | undefined = this.prepare("SELECT id, unique_permissions, json_extract(data, '$.FileDirRef') AS dir FROM items WHERE list_id = ? AND id = ?").get(listId, itemId);
      for (let depth = 0; row && depth < 64; depth++) {
        if (row.unique_permissions === 1) return itemScope(listId, row.id as number);
        if (typeof row.dir !== 'string') break;
        row = this.folderRow(listId, row.dir);
      }
    }
    if (listId !== undefined && this.getList(listId)?.hasUniqueRoleAssignments) return listScope(listId);
    return WEB_SCOPE;
  }

  /** The folder item at a server-relative path (`/sites/pst/Lists/X/12`), if any. */
  protected folderRow(listId: string, path: string): Row | undefined {
    return this.prepare(
      "SELECT id, unique_permissions, json_extract(data, '$.FileDirRef') AS dir FROM items WHERE list_id = ? AND json_extract(data, '$.FSObjType') = 1 AND json_extract(data, '$.FileDirRef') || '/' || json_extract(data, '$.FileLeafRef') = ? COLLATE NOCASE",
    ).get(listId, path.replace(/\/+$/, ''));
  }

  roleAssignments(scope: string): { principalId: number; roleDefinitionId: number }[] {
    return this.prepare('SELECT principal_id, role_definition_id FROM role_assignments WHERE scope = ? ORDER BY principal_id, role_definition_id')
      .all(scope)
      .map((r) => ({ principalId: r.principal_id as number, roleDefinitionId: r.role_definition_id as number }));
  }

  addRoleAssignment(scope: string, principalId: number, roleDefinitionId: number): void {
    this.prepare('INSERT OR IGNORE INTO role_assignments(scope, principal_id, role_definition_id) VALUES (?, ?, ?)').run(scope, principalId, roleDefinitionId);
    this.permissionsVersion++;
  }

  removeRoleAssignment(scope: string, principalId: number, roleDefinitionId: number): void {
    this.prepare('DELETE FROM role_assignments WHERE scope = ? AND principal_id = ? AND role_definition_id = ?').run(scope, principalId, roleDefinitionId);
    this.permissionsVersion++;
  }

  /** Gives a list or an item its own permissions, optionally copied from those it inherited. */
  breakRoleInheritance(listId: string, itemId: number | undefined, copyRoleAssignments: boolean): void {
    this.transaction(() => {
      const inherited = this.effectiveScope(listId, itemId);
      const scope = itemId === undefined ? listScope(listId) : itemScope(listId, itemId);
      if (inherited === scope) return;
      if (copyRoleAssignments) {
        for (const a of this.roleAssignments(inherited)) this.addRoleAssignment(scope, a.principalId, a.roleDefinitionId);
      }
      if (itemId === undefined) {
        this.prepare('UPDATE lists SET unique_permissions = 1 WHERE id = ?').run(listId);
        this.refreshList(listId);
      } else {
        this.prepare('UPDATE items SET unique_permissions = 1 WHERE list_id = ? AND id = ?').run(listId, itemId);
      }
      this.permissionsVersion++;
    });
  }

  resetRoleInheritance(listId: string, itemId: number | undefined): void {
    this.transaction(() => {
      const scope = itemId === undefined ? listScope(listId) : itemScope(listId, itemId);
      this.prepare('DELETE FROM role_assignments WHERE scope = ?').run(scope);
      if (itemId === undefined) {
        this.prepare('UPDATE lists SET unique_permissions = 0 WHERE id = ?').run(listId);
        this.refreshList(listId);
      } else {
        this.prepare('UPDATE items SET unique_permissions = 0 WHERE list_id = ? AND id = ?').run(listId, itemId);
      }
      this.permissionsVersion++;
    });
  }
}
