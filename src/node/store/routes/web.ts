/**
 * `_api/web` and what hangs from it besides lists: the current user, site users
 * (`siteusers`, `getById(n)`, `getByEmail('x')`, `getByLoginName`), `ensureuser`
 * (body `{ logonName }`, node_modules/@pnp/sp/site-users/web.js), site groups and their
 * members (node_modules/@pnp/sp/site-groups/types.js), role definitions and assignments,
 * and EffectiveBasePermissions. https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/complete-basic-operations-using-sharepoint-rest-endpoints
 */
import { WEB_SCOPE } from '../db/scopes';
import type { RouteResult } from '../http/apiTypes';
import { badRequest, SharePointError } from '../http/errors';
import { firstArgument, PathSegment } from '../odata/path';
import type { StoreGroup, StoreUser } from '../records';
import type { RequestContext } from './context';
import { folderByPathRoute, REGIONAL_SETTINGS } from './folders';
import { groupEntity, userEntity, webEntity } from './entityBuilders';
import { getListRoute, listsRoute } from './lists';
import { collectionResult, entityResult, isRead, OK_EMPTY, unsupported } from './results';
import { roleAssignmentsRoute, roleDefinitionsRoute } from './security';

function userNotFound(): SharePointError {
  return new SharePointError(404, '-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.');
}

function groupNotFound(): SharePointError {
  return new SharePointError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Group cannot be found.');
}

function loginOf(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw badRequest('A login name is required.');
  return value.trim();
}

/**
 * The user a login names, created when it is an e-mail address (local accounts have no
 * directory). Adding a user to the site is granting access to it: as on SharePoint, only
 * who may manage the site's permissions (site owners, site collection administrators) may,
 * unless `asGroupMember` (a group's owners add members to their group, new to the site or
 * not). Anyone who may read the site gets a user already there (issue #17: a lead and a
 * reader created site users for outside addresses).
 */
function ensureUserFromLogin(ctx: RequestContext, login: string, asGroupMember = false): StoreUser {
  const known = ctx.db.findUserByLogin(login);
  if (known) return known;
  if (!asGroupMember) ctx.demand('managePermissions');
  const email = login.includes('|') ? login.substring(login.lastIndexOf('|') + 1) : login;
  if (!email.includes('@')) {
    throw new SharePointError(500, '-2146232832, Microsoft.SharePoint.SPException', `The specified user ${login} could not be found.`);
  }
  return ctx.db.ensureUser({ email });
}

function userEntityOf(ctx: RequestContext, user: StoreUser) {
  return userEntity(user, (u) => ctx.db.groupsOfUser(u.id));
}

function groupEntityOf(ctx: RequestContext, group: StoreGroup) {
  const owner = group.ownerId ? ctx.db.getUserById(group.ownerId) ?? ctx.db.getGroupById(group.ownerId) : undefined;
  return groupEntity(group, (g) => ctx.db.groupMembers(g.id), owner?.title ?? '');
}

function userRoute(ctx: RequestContext, user: StoreUser | undefined, rest: readonly PathSegment[]): RouteResult {
  if (!user) throw userNotFound();
  ctx.demand('read');
  if (rest.length === 0 && isRead(ctx)) return entityResult(ctx, userEntityOf(ctx, user));
  if (rest.length === 1 && rest[0].name === 'groups' && isRead(ctx)) {
    return collectionResult(ctx, ctx.db.groupsOfUser(user.id).map((g) => groupEntityOf(ctx, g)));
  }
  return unsupported(ctx, rest);
}

/** `siteusers` of the web, or `users` of a group (`members` given). */
function usersRoute(ctx: RequestContext, segment: PathSegment, rest: readonly PathSegment[], members?: StoreGroup): RouteResult {
  const pool = (): StoreUser[] => (members ? ctx.db.groupMembers(members.id) : ctx.db.listUsers());
  const inPool = (user: StoreUser | undefined): StoreUser | undefined => (user && pool().some((u) => u.id === user.id) ? user : undefined);
  if (segment.called) return userRoute(ctx, inPool(ctx.db.findUserByLogin(String(firstArgument(segment)))), rest);
  if (rest.length === 0) {
    if (isRead(ctx)) {
      ctx.demand('read');
      return collectionResult(ctx, pool().map((u) => userEntityOf(ctx, u)));
    }
    if (ctx.method === 'POST') {
      // `siteUsers.add(login)` / `siteGroups.getByName(…).users.add(login)`: body `{ LoginName }`.
      if (members) demandMembershipEdit(ctx, members);
      else ctx.demand('read');
      const user = ensureUserFromLogin(ctx, loginOf(ctx.body().LoginName), members !== undefined);
      if (members) ctx.db.addGroupMember(members.id, user.id);
      return entityResult(ctx, userEntityOf(ctx, user), 201);
    }
    return unsupported(ctx, [segment]);
  }
  const [next, ...deeper] = rest;
  const argument = firstArgument(next);
  switch (next.name) {
    case 'getbyid':
      return userRoute(ctx, inPool(ctx.db.getUserById(Number(argument))), deeper);
    case 'getbyemail':
      return userRoute(ctx, inPool(ctx.db.getUserByEmail(String(argument))), deeper);
    case 'getbyloginname':
      return userRoute(ctx, inPool(ctx.db.findUserByLogin(String(argument))), deeper);
    case 'removebyid':
    case 'removebyloginname': {
      if (ctx.method !== 'POST' || !members) return unsupported(ctx, rest);
      demandMembershipEdit(ctx, members);
      const user = next.name === 'removebyid' ? ctx.db.getUserById(Number(argument)) : ctx.db.findUserByLogin(String(argument));
      if (!user) throw userNotFound();
      ctx.db.removeGroupMember(members.id, user.id);
      return OK_EMPTY;
    }
    default:
      return unsupported(ctx, rest);
  }
}

function groupRoute(ctx: RequestContext, group: StoreGroup | undefined, rest: readonly PathSegment[]): RouteResult {
  if (!group) throw groupNotFound();
  if (rest.length === 0) {
    if (!isRead(ctx)) return unsupported(ctx, rest);
    ctx.demand('read');
    return entityResult(ctx, groupEntityOf(ctx, group));
  }
  const [next, ...deeper] = rest;
  if (next.name === 'users') return usersRoute(ctx, next, deeper, group);
  if (next.name === 'setuserasowner' && deeper.length === 0 && ctx.method === 'POST') {
    demandMembershipEdit(ctx, group);
    const ownerId = Number(firstArgument(next));
    if (!ctx.db.getUserById(ownerId) && !ctx.db.getGroupById(ownerId)) throw userNotFound();
    ctx.db.setGroupOwner(group.id, ownerId);
    return OK_EMPTY;
  }
  return unsupported(ctx, rest);
}

/**
 * Who may change a group's members or owner: whoever may manage the site's permissions,
 * the group's owner, or the members of the group that owns it (SharePoint's rule for an
 * owner group, « Who can edit the membership of the group? – Group Owner »).
 */
function demandMembershipEdit(ctx: RequestContext, group: StoreGroup): void {
  const owner = group.ownerId;
  if (owner !== null && (owner === ctx.user.id || ctx.db.groupMembers(owner).some((u) => u.id === ctx.user.id))) return;
  ctx.demand('managePermissions');
}

function siteGroupsRoute(ctx: RequestContext, segment: PathSegment, rest: readonly PathSegment[]): RouteResult {
  if (segment.called) return groupRoute(ctx, ctx.db.getGroupById(Number(firstArgument(segment))), rest);
  if (rest.length === 0) {
    if (isRead(ctx)) {
      ctx.demand('read');
      return collectionResult(ctx, ctx.db.listGroups().map((g) => groupEntityOf(ctx, g)));
    }
    if (ctx.method === 'POST') {
      // `siteGroups.add({ Title, Description })`.
      ctx.demand('managePermissions');
      const body = ctx.body();
      if (typeof body.Title !== 'string' || body.Title.trim() === '') throw badRequest('The group title is required.');
      const group = ctx.db.addGroup({
        title: body.Title.trim(),
        description: typeof body.Description === 'string' ? body.Description : '',
        ownerId: ctx.user.id,
      });
      return entityResult(ctx, groupEntityOf(ctx, group), 201);
    }
    return unsupported(ctx, [segment]);
  }
  const [next, ...deeper] = rest;
  const argument = firstArgument(next);
  switch (next.name) {
    case 'getbyid':
      return groupRoute(ctx, ctx.db.getGroupById(Number(argument)), deeper);
    case 'getbyname':
      return groupRoute(ctx, ctx.db.getGroupByTitle(String(argument)), deeper);
    default:
      return unsupported(ctx, rest);
  }
}

function associatedGroup(ctx: RequestContext, suffix: 'Owners' | 'Members' | 'Visitors'): StoreGroup | undefined {
  return ctx.db.getGroupByTitle(`${ctx.db.webTitle} ${suffix}`);
}

/** `_api/web/…` */
export function webRoute(ctx: RequestContext, rest: readonly PathSegment[]): RouteResult {
  if (rest.length === 0) {
    if (!isRead(ctx)) return unsupported(ctx, rest);
    ctx.demand('read');
    return entityResult(ctx, webEntity(ctx));
  }
  const [segment, ...deeper] = rest;
  switch (segment.name) {
    case 'lists':
      return listsRoute(ctx, segment, deeper);
    case 'getlist':
      return getListRoute(ctx, segment, deeper);
    case 'currentuser':
      return userRoute(ctx, ctx.user, deeper);
    case 'siteusers':
      return usersRoute(ctx, segment, deeper);
    case 'getuserbyid':
      return userRoute(ctx, ctx.db.getUserById(Number(firstArgument(segment))), deeper);
    case 'ensureuser': {
      if (ctx.method !== 'POST' || deeper.length > 0) return unsupported(ctx, rest);
      ctx.demand('read');
      const body = ctx.body();
      const user = ensureUserFromLogin(ctx, loginOf(body.logonName ?? firstArgument(segment)));
      return entityResult(ctx, userEntityOf(ctx, user));
    }
    case 'effectivebasepermissions':
      if (!isRead(ctx) || deeper.length > 0) return unsupported(ctx, rest);
      return { kind: 'value', name: 'EffectiveBasePermissions', json: { ...ctx.permissionsAt() }, metadata: 'SP.ApiData.BasePermissions' };
    case 'sitegroups':
      return siteGroupsRoute(ctx, segment, deeper);
    case 'associatedownergroup':
      return groupRoute(ctx, associatedGroup(ctx, 'Owners'), deeper);
    case 'associatedmembergroup':
      return groupRoute(ctx, associatedGroup(ctx, 'Members'), deeper);
    case 'associatedvisitorgroup':
      return groupRoute(ctx, associatedGroup(ctx, 'Visitors'), deeper);
    case 'roledefinitions':
      return roleDefinitionsRoute(ctx, segment, deeper);
    case 'getfolderbyserverrelativepath':
      return folderByPathRoute(ctx, segment, deeper);
    case 'regionalsettings':
      if (!isRead(ctx) || deeper.length > 0) return unsupported(ctx, rest);
      ctx.demand('read');
      return entityResult(ctx, { type: 'SP.RegionalSettings', path: 'Web/RegionalSettings', properties: { ...REGIONAL_SETTINGS }, navigation: {} });
    case 'roleassignments':
      return roleAssignmentsRoute(ctx, WEB_SCOPE, 'Web', segment, deeper, {});
    default:
      return unsupported(ctx, rest);
  }
}

/** `_api/contextinfo`: the form digest SharePoint requires on writes from a page (not checked here). */
export function contextInfoRoute(ctx: RequestContext): RouteResult {
  if (ctx.method !== 'POST') return unsupported(ctx, []);
  return {
    kind: 'value',
    name: 'GetContextWebInformation',
    json: {
      FormDigestTimeoutSeconds: 1800,
      FormDigestValue: `0x${'0'.repeat(16)},${new Date().toUTCString()}`,
      LibraryVersion: '16.0.0.0',
      SiteFullUrl: ctx.webAbsoluteUrl,
      SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
      WebFullUrl: ctx.webAbsoluteUrl,
    },
    metadata: 'SP.ContextWebInformation',
  };
}
