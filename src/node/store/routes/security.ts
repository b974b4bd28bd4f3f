/**
 * Permissions as src/data/permissions.ts sets them up through PnPjs
 * (node_modules/@pnp/sp/security): role definitions (`getbytype(n)`), role assignments of
 * the web, a list or an item (`roleassignments`, `addroleassignment(principalid=…,
 * roledefid=…)`), `breakroleinheritance(copyroleassignments=…, clearsubscopes=…)`.
 * The store records them; whether they restrict anyone is up to the authorizer given to
 * the store (see security/roleAuthorizer.ts for one that applies them as SharePoint does).
 */
import type { RouteResult } from '../http/apiTypes';
import { badRequest, SharePointError } from '../http/errors';
import { firstArgument, PathSegment } from '../odata/path';
import type { ItemRecord, ListRecord } from '../records';
import type { RoleDefinition } from '../security/permissionMasks';
import type { RequestContext } from './context';
import { roleAssignmentEntities, roleDefinitionEntity } from './entityBuilders';
import { collectionResult, entityResult, isRead, OK_EMPTY, unsupported } from './results';

function notFound(message: string): SharePointError {
  return new SharePointError(404, '-2146232832, Microsoft.SharePoint.SPException', message);
}

function roleDefinitionRoute(ctx: RequestContext, definition: RoleDefinition | undefined, rest: readonly PathSegment[]): RouteResult {
  if (!definition) throw notFound('Cannot find the role definition.');
  if (rest.length > 0 || !isRead(ctx)) return unsupported(ctx, rest);
  return entityResult(ctx, roleDefinitionEntity(definition));
}

/**
 * `POST web/roledefinitions` as PnPjs `roleDefinitions.add(name, description, order, basePermissions)`
 * sends it: a custom permission level; needs Manage Permissions on the web.
 */
function addRoleDefinition(ctx: RequestContext): RouteResult {
  ctx.demand('managePermissions');
  const body = ctx.body();
  const mask = body.BasePermissions as { High?: unknown; Low?: unknown } | undefined;
  if (typeof body.Name !== 'string' || body.Name.trim() === '' || !mask) throw badRequest('A role definition needs a Name and BasePermissions.');
  const isMaskPart = (v: unknown): boolean => /^\d+$/.test(String(v)) && Number(v) <= 4294967295;
  if (!isMaskPart(mask.High) || !isMaskPart(mask.Low)) throw badRequest('BasePermissions High and Low are unsigned 32-bit numbers.');
  const definition = ctx.db.addRoleDefinition({
    name: body.Name,
    description: typeof body.Description === 'string' ? body.Description : '',
    order: Number(body.Order ?? 0) || 0,
    basePermissions: { High: String(mask.High), Low: String(mask.Low) },
  });
  return entityResult(ctx, roleDefinitionEntity(definition), 201);
}

/** `web/roledefinitions`, `…/getbytype(n)`, `…/getbyname('Edit')`, `…/getbyid(n)`, `roledefinitions(n)`. */
export function roleDefinitionsRoute(ctx: RequestContext, segment: PathSegment, rest: readonly PathSegment[]): RouteResult {
  const definitions = ctx.db.roleDefinitions();
  if (segment.called) return roleDefinitionRoute(ctx, definitions.find((d) => d.id === Number(firstArgument(segment))), rest);
  if (rest.length === 0) {
    if (ctx.method === 'POST') return addRoleDefinition(ctx);
    if (!isRead(ctx)) return unsupported(ctx, [segment]);
    return collectionResult(ctx, definitions.map(roleDefinitionEntity));
  }
  const [next, ...deeper] = rest;
  const argument = firstArgument(next);
  switch (next.name) {
    case 'getbytype':
      return roleDefinitionRoute(ctx, definitions.find((d) => d.roleTypeKind === Number(argument)), deeper);
    case 'getbyname':
      return roleDefinitionRoute(ctx, definitions.find((d) => d.name.toLowerCase() === String(argument).toLowerCase()), deeper);
    case 'getbyid':
      return roleDefinitionRoute(ctx, definitions.find((d) => d.id === Number(argument)), deeper);
    default:
      return unsupported(ctx, rest);
  }
}

interface SecurableScope {
  readonly list?: ListRecord;
  readonly item?: ItemRecord;
}

function inheritsPermissions(ctx: RequestContext, scope: string, securable: SecurableScope): boolean {
  if (!securable.list) return false;
  return ctx.db.effectiveScope(securable.list.id, securable.item?.id) !== scope;
}

/** `…/roleassignments` of the web (scope 'web'), a list or an item. */
export function roleAssignmentsRoute(
  ctx: RequestContext,
  scope: string,
  ownerPath: string,
  segment: PathSegment,
  rest: readonly PathSegment[],
  securable: SecurableScope,
): RouteResult {
  if (segment.called || rest.length === 0) {
    if (!isRead(ctx)) return unsupported(ctx, [segment, ...rest]);
    ctx.demand('read', securable);
    // An object that inherits shows its parent's assignments, as SharePoint does.
    const effective = securable.list ? ctx.db.effectiveScope(securable.list.id, securable.item?.id) : scope;
    const entities = roleAssignmentEntities(ctx, effective, ownerPath);
    if (segment.called) {
      const principalId = Number(firstArgument(segment));
      const found = entities.find((e) => e.properties.PrincipalId === principalId);
      if (!found) throw notFound('Can not find the principal with id: ' + principalId + '.');
      return entityResult(ctx, found);
    }
    return collectionResult(ctx, entities);
  }
  const [next, ...deeper] = rest;
  if (deeper.length > 0) return unsupported(ctx, rest);
  if (next.name === 'getbyprincipalid') {
    if (!isRead(ctx)) return unsupported(ctx, rest);
    return roleAssignmentsRoute(ctx, scope, ownerPath, { ...next, name: 'roleassignments', called: true }, [], securable);
  }
  if (next.name !== 'addroleassignment' && next.name !== 'removeroleassignment') return unsupported(ctx, rest);
  if (ctx.method !== 'POST') return unsupported(ctx, rest);
  ctx.demand('managePermissions', securable);
  const principalId = Number(firstArgument(next, 'principalid'));
  const roleDefinitionId = Number(next.named.roledefid ?? next.args[1]);
  if (!ctx.db.getUserById(principalId) && !ctx.db.getGroupById(principalId)) throw notFound('Can not find the principal with id: ' + principalId + '.');
  if (!ctx.db.roleDefinition(roleDefinitionId)) throw notFound('Cannot find the role definition.');
  if (inheritsPermissions(ctx, scope, securable)) {
    throw new SharePointError(400, '-2146232832, Microsoft.SharePoint.SPException', 'This operation is not allowed on an object that inherits permissions.');
  }
  if (next.name === 'addroleassignment') ctx.db.addRoleAssignment(scope, principalId, roleDefinitionId);
  else ctx.db.removeRoleAssignment(scope, principalId, roleDefinitionId);
  return OK_EMPTY;
}

export function breakInheritanceRoute(ctx: RequestContext, segment: PathSegment, securable: SecurableScope): RouteResult {
  if (ctx.method !== 'POST') return unsupported(ctx, [segment]);
  if (!securable.list) throw badRequest('The web of the embedded store always has unique permissions.');
  ctx.demand('managePermissions', securable);
  const copy = firstArgument(segment, 'copyroleassignments');
  ctx.db.breakRoleInheritance(securable.list.id, securable.item?.id, copy === true || copy === 'true');
  return OK_EMPTY;
}

export function resetInheritanceRoute(ctx: RequestContext, securable: SecurableScope): RouteResult {
  if (ctx.method !== 'POST') return unsupported(ctx, []);
  if (!securable.list) throw badRequest('The web of the embedded store has no parent to inherit from.');
  ctx.demand('managePermissions', securable);
  ctx.db.resetRoleInheritance(securable.list.id, securable.item?.id);
  return OK_EMPTY;
}
