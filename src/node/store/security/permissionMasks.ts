/**
 * SharePoint's base permissions: a 64-bit mask whose bit `k - 1` is SP.PermissionKind `k`
 * (the numbering of PermissionKind in node_modules/@pnp/sp/security/types.js), sent as
 * `{ High, Low }`, two unsigned 32-bit halves written as strings
 * (https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-csom/ee556747(v=office.15)).
 * PnPjs's `hasPermissions` (security/funcs.js) tests `Low` for kinds 1…32 and `High` for 33…64.
 */

export const PermissionKind = {
  ViewListItems: 1,
  AddListItems: 2,
  EditListItems: 3,
  DeleteListItems: 4,
  ApproveItems: 5,
  OpenItems: 6,
  ViewVersions: 7,
  DeleteVersions: 8,
  /** "Override List Behaviors": bypasses a list's item-level permissions (WriteSecurity). */
  CancelCheckout: 9,
  ManagePersonalViews: 10,
  ManageLists: 12,
  ViewFormPages: 13,
  Open: 17,
  ViewPages: 18,
  BrowseDirectories: 27,
  BrowseUserInfo: 28,
  ManagePermissions: 26,
  UseClientIntegration: 37,
  UseRemoteAPIs: 38,
  CreateAlerts: 40,
  EditMyUserInfo: 41,
  EnumeratePermissions: 63,
} as const;

export interface BasePermissions {
  readonly High: string;
  readonly Low: string;
}

/** Full Control: every permission (SharePoint's FullMask). */
export const FULL_MASK: BasePermissions = { High: '2147483647', Low: '4294967295' };
export const EMPTY_MASK: BasePermissions = { High: '0', Low: '0' };

export function maskOf(kinds: Iterable<number>): BasePermissions {
  let low = 0;
  let high = 0;
  for (const kind of new Set(kinds)) {
    if (kind >= 1 && kind <= 32) low += Math.pow(2, kind - 1);
    else if (kind >= 33 && kind <= 64) high += Math.pow(2, kind - 33);
  }
  return { High: String(high), Low: String(low) };
}

export function kindsOf(mask: BasePermissions): Set<number> {
  const kinds = new Set<number>();
  const low = Number(mask.Low);
  const high = Number(mask.High);
  for (let k = 1; k <= 32; k++) if (Math.floor(low / Math.pow(2, k - 1)) % 2 === 1) kinds.add(k);
  for (let k = 33; k <= 64; k++) if (Math.floor(high / Math.pow(2, k - 33)) % 2 === 1) kinds.add(k);
  return kinds;
}

export function hasKind(mask: BasePermissions, kind: number): boolean {
  return kindsOf(mask).has(kind);
}

/** What "Read" grants (SharePoint's Read role definition). */
export const READ_KINDS: readonly number[] = [1, 6, 7, 13, 17, 18, 23, 28, 37, 38, 40];

/**
 * SharePoint Online's built-in role definitions, with their ids and masks as a site
 * returns them from `_api/web/roledefinitions`.
 */
export interface RoleDefinition {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly roleTypeKind: number;
  readonly order: number;
  readonly basePermissions: BasePermissions;
}

export const ROLE_DEFINITIONS: readonly RoleDefinition[] = [
  { id: 1073741829, name: 'Full Control', description: 'Has full control.', roleTypeKind: 5, order: 1, basePermissions: FULL_MASK },
  {
    id: 1073741828,
    name: 'Design',
    description: 'Can view, add, update, delete, approve, and customize.',
    roleTypeKind: 4,
    order: 32,
    basePermissions: { High: '432', Low: '1012866047' },
  },
  {
    id: 1073741830,
    name: 'Edit',
    description: 'Can add, edit and delete lists; can view, add, update and delete list items and documents.',
    roleTypeKind: 6,
    order: 48,
    basePermissions: { High: '432', Low: '1011030767' },
  },
  {
    id: 1073741827,
    name: 'Contribute',
    description: 'Can view, add, update, and delete list items and documents.',
    roleTypeKind: 3,
    order: 64,
    basePermissions: { High: '432', Low: '1011028719' },
  },
  { id: 1073741826, name: 'Read', description: 'Can view pages and list items and download documents.', roleTypeKind: 2, order: 128, basePermissions: { High: '176', Low: '138612833' } },
  {
    id: 1073741825,
    name: 'Limited Access',
    description: 'Can view specific lists, document libraries, list items, folders, or documents when given permissions.',
    roleTypeKind: 1,
    order: 160,
    basePermissions: { High: '48', Low: '134287360' },
  },
];
