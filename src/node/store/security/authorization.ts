/**
 * One authorizer decides both what a caller may do and what SharePoint says they may do:
 * every operation asks it before acting (denial → 403, System.UnauthorizedAccessException),
 * and `EffectiveBasePermissions` of the web, a list or an item is the mask of the
 * permission kinds it allows there — so a UI asking "may I edit this item?"
 * (PnPjs `currentUserHasPermissions(PermissionKind.EditListItems)`) gets the answer the
 * write itself would get.
 */
import type { StoreDatabase } from '../db/database';
import { accessDenied } from '../http/errors';
import type { ItemRecord, ListRecord, StoreUser } from '../records';
import { BasePermissions, EMPTY_MASK, FULL_MASK, maskOf, PermissionKind, READ_KINDS } from './permissionMasks';

export type Operation = 'read' | 'addItem' | 'editItem' | 'deleteItem' | 'manageLists' | 'managePermissions';

export interface AuthorizationContext {
  readonly user: StoreUser;
  readonly operation: Operation;
  readonly list?: ListRecord;
  readonly item?: ItemRecord;
  /** What a write would set (normalized values by internal name). */
  readonly changes?: Record<string, unknown>;
  /** The store's data, for authorizers that look at groups, role assignments or other items. */
  readonly db: StoreDatabase;
}

export type AuthorizationResult = { allowed: true } | { allowed: false; message?: string };

/** Called before every operation; EffectiveBasePermissions are derived from it too. */
export type Authorizer = (context: AuthorizationContext) => AuthorizationResult;

export const allowEverything: Authorizer = () => ({ allowed: true });

/** The permission kinds each operation stands for in the mask. */
const KINDS_OF_OPERATION: Readonly<Record<Operation, readonly number[]>> = {
  read: READ_KINDS,
  addItem: [PermissionKind.AddListItems],
  editItem: [PermissionKind.EditListItems],
  deleteItem: [PermissionKind.DeleteListItems, PermissionKind.DeleteVersions],
  manageLists: [PermissionKind.ManageLists, PermissionKind.ManagePersonalViews],
  managePermissions: [PermissionKind.ManagePermissions, PermissionKind.EnumeratePermissions],
};

const OPERATIONS = Object.keys(KINDS_OF_OPERATION) as Operation[];

export class Permissions {
  constructor(
    private readonly db: StoreDatabase,
    private readonly authorizer: Authorizer = allowEverything,
  ) {}

  /** Throws SharePoint's 403 unless the authorizer allows the operation. */
  demand(
    user: StoreUser,
    operation: Operation,
    scope: { list?: ListRecord; item?: ItemRecord; changes?: Record<string, unknown> } = {},
  ): void {
    const result = this.authorizer({ user, operation, ...scope, db: this.db });
    if (!result.allowed) throw accessDenied(result.message);
  }

  allows(user: StoreUser, operation: Operation, scope: { list?: ListRecord; item?: ItemRecord } = {}): boolean {
    return this.authorizer({ user, operation, ...scope, db: this.db }).allowed;
  }

  /** The caller's EffectiveBasePermissions at the web (no list), a list, or an item. */
  effective(user: StoreUser, scope: { list?: ListRecord; item?: ItemRecord } = {}): BasePermissions {
    const allowed = OPERATIONS.filter((operation) => {
      // Adding applies to a list, not to an existing item.
      const target = operation === 'addItem' ? { list: scope.list } : scope;
      return this.allows(user, operation, target);
    });
    if (allowed.length === OPERATIONS.length) return FULL_MASK;
    if (!allowed.includes('read')) return EMPTY_MASK;
    return maskOf(allowed.flatMap((operation) => KINDS_OF_OPERATION[operation]));
  }
}
