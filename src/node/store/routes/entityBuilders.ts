/**
 * SharePoint's entities other than items, with the properties SharePoint Online returns
 * for them (SP.Web, SP.List, SP.Field*, SP.User, SP.Group, SP.RoleDefinition,
 * SP.RoleAssignment, SP.Folder). Properties SharePoint leaves out of the default set
 * (EffectiveBasePermissions, HasUniqueRoleAssignments) are computed only when selected.
 */
import type { Entity } from '../odata/entities';
import type { FieldRecord, FieldType, ListRecord, StoreGroup, StoreUser } from '../records';
import type { RoleDefinition } from '../security/permissionMasks';
import type { RequestContext } from './context';

/** Site language: French (1036), the users' language. */
const WEB_LANGUAGE = 1036;

export function webEntity(ctx: RequestContext): Entity {
  const db = ctx.db;
  return {
    type: 'SP.Web',
    path: 'Web',
    properties: {
      AllowRssFeeds: false,
      Created: db.webCreated,
      Description: '',
      Id: db.webId,
      Language: WEB_LANGUAGE,
      LastItemModifiedDate: db.listLists().reduce((latest, l) => (l.lastItemModified > latest ? l.lastItemModified : latest), db.webCreated),
      ServerRelativeUrl: db.sitePath,
      Title: db.webTitle,
      UIVersion: 15,
      Url: ctx.webAbsoluteUrl,
      WebTemplate: 'STS',
    },
    onDemand: {
      EffectiveBasePermissions: () => ctx.permissionsAt(),
      HasUniqueRoleAssignments: () => true,
    },
    navigation: {
      CurrentUser: () => userEntity(ctx.user),
    },
  };
}

export function listPath(list: ListRecord): string {
  return `Web/Lists(guid'${list.id}')`;
}

export function listEntity(ctx: RequestContext, list: ListRecord): Entity {
  const db = ctx.db;
  return {
    type: 'SP.List',
    path: listPath(list),
    etag: '"1"',
    properties: {
      AllowContentTypes: true,
      BaseTemplate: list.baseTemplate,
      BaseType: 0,
      ContentTypesEnabled: false,
      Created: list.created,
      DefaultViewUrl: `${list.url}/AllItems.aspx`,
      Description: list.description,
      Direction: 'none',
      EnableAttachments: true,
      EnableFolderCreation: false,
      EnableVersioning: list.enableVersioning,
      EntityTypeName: db.listEntityName(list),
      Hidden: false,
      Id: list.id,
      ItemCount: db.itemCount(list.id),
      LastItemModifiedDate: list.lastItemModified,
      LastItemUserModifiedDate: list.lastItemModified,
      ListItemEntityTypeFullName: db.itemEntityTypeName(list),
      ParentWebUrl: db.sitePath,
      Title: list.title,
      WriteSecurity: list.writeSecurity,
      ReadSecurity: 1,
    },
    onDemand: {
      EffectiveBasePermissions: () => ctx.permissionsAt({ list }),
      HasUniqueRoleAssignments: () => list.hasUniqueRoleAssignments,
    },
    navigation: {
      RootFolder: () => rootFolderEntity(ctx, list),
      ParentWeb: () => webEntity(ctx),
      RoleAssignments: () => roleAssignmentEntities(ctx, db.effectiveScope(list.id), listPath(list)),
    },
  };
}

export function rootFolderEntity(ctx: RequestContext, list: ListRecord): Entity {
  return {
    type: 'SP.Folder',
    path: `${listPath(list)}/RootFolder`,
    properties: {
      Exists: true,
      ItemCount: ctx.db.itemCount(list.id),
      Name: list.url.substring(list.url.lastIndexOf('/') + 1),
      ServerRelativeUrl: list.url,
      TimeCreated: list.created,
      TimeLastModified: list.lastItemModified,
      UniqueId: list.id,
      WelcomePage: '',
    },
  };
}

const FIELD_TYPE_KIND: Readonly<Record<FieldType, number>> = {
  Counter: 5,
  Text: 2,
  Note: 3,
  DateTime: 4,
  Choice: 6,
  Lookup: 7,
  LookupMulti: 7,
  Boolean: 8,
  Number: 9,
  Currency: 10,
  Computed: 12,
  Guid: 14,
  MultiChoice: 15,
  Attachments: 19,
  User: 20,
  UserMulti: 20,
  ContentTypeId: 25,
};

const FIELD_ENTITY_TYPE: Partial<Readonly<Record<FieldType, string>>> = {
  Text: 'SP.FieldText',
  Note: 'SP.FieldMultiLineText',
  Number: 'SP.FieldNumber',
  Currency: 'SP.FieldCurrency',
  DateTime: 'SP.FieldDateTime',
  Choice: 'SP.FieldChoice',
  MultiChoice: 'SP.FieldMultiChoice',
  User: 'SP.FieldUser',
  UserMulti: 'SP.FieldUser',
  Lookup: 'SP.FieldLookup',
  LookupMulti: 'SP.FieldLookup',
  Computed: 'SP.FieldComputed',
  Counter: 'SP.Field',
};

export function fieldEntity(list: ListRecord, field: FieldRecord): Entity {
  const properties: Record<string, unknown> = {
    CanBeDeleted: !field.builtIn,
    DefaultValue: null,
    Description: '',
    EntityPropertyName: field.internalName,
    FieldTypeKind: FIELD_TYPE_KIND[field.type],
    Filterable: true,
    Group: field.builtIn ? '_Hidden' : 'Custom Columns',
    Hidden: field.hidden,
    Id: field.id,
    Indexed: field.indexed,
    InternalName: field.internalName,
    ReadOnlyField: field.readOnly,
    Required: field.required,
    SchemaXml: field.schemaXml,
    Sealed: field.builtIn,
    Sortable: field.type !== 'MultiChoice' && field.type !== 'UserMulti' && field.type !== 'LookupMulti' && field.type !== 'Note',
    StaticName: field.internalName,
    Title: field.title,
    TypeAsString: field.type,
    TypeDisplayName: field.type,
  };
  if (field.type === 'Text') properties.MaxLength = field.maxLength ?? 255;
  if (field.type === 'Note') properties.RichText = field.richText ?? false;
  if (field.type === 'Number' || field.type === 'Currency') {
    properties.MinimumValue = field.min ?? -1.7976931348623157e308;
    properties.MaximumValue = field.max ?? 1.7976931348623157e308;
  }
  if (field.type === 'DateTime') properties.DisplayFormat = field.dateOnly ? 0 : 1;
  if (field.type === 'Choice' || field.type === 'MultiChoice') {
    properties.Choices = field.choices ?? [];
    properties.FillInChoice = field.fillInChoice ?? false;
  }
  if (field.type === 'Lookup' || field.type === 'LookupMulti' || field.type === 'User' || field.type === 'UserMulti') {
    properties.AllowMultipleValues = field.type === 'LookupMulti' || field.type === 'UserMulti';
    properties.LookupField = field.showField ?? (field.type.startsWith('User') ? 'ImnName' : 'Title');
    properties.LookupList = field.lookupList ? `{${field.lookupList}}` : '';
  }
  return {
    type: FIELD_ENTITY_TYPE[field.type] ?? 'SP.Field',
    path: `${listPath(list)}/Fields(guid'${field.id}')`,
    properties,
  };
}

export function userEntity(user: StoreUser, groupsOf?: (user: StoreUser) => StoreGroup[]): Entity {
  return {
    type: 'SP.User',
    path: `Web/GetUserById(${user.id})`,
    properties: {
      Id: user.id,
      IsHiddenInUI: false,
      LoginName: user.loginName,
      Title: user.title,
      PrincipalType: 1,
      Email: user.email,
      Expiration: '',
      IsEmailAuthenticationGuestUser: false,
      IsShareByEmailGuestUser: false,
      IsSiteAdmin: user.isSiteAdmin,
      UserId: { NameId: user.email.toLowerCase(), NameIdIssuer: 'urn:federation:microsoftonline' },
      UserPrincipalName: user.email,
    },
    navigation: groupsOf ? { Groups: () => groupsOf(user).map((g) => groupEntity(g)) } : undefined,
  };
}

export function groupEntity(group: StoreGroup, membersOf?: (group: StoreGroup) => StoreUser[], ownerTitle = ''): Entity {
  return {
    type: 'SP.Group',
    path: `Web/SiteGroups/GetById(${group.id})`,
    properties: {
      Id: group.id,
      IsHiddenInUI: false,
      LoginName: group.title,
      Title: group.title,
      PrincipalType: 8,
      AllowMembersEditMembership: false,
      AllowRequestToJoinLeave: false,
      AutoAcceptRequestToJoinLeave: false,
      Description: group.description,
      OnlyAllowMembersViewMembership: true,
      OwnerTitle: ownerTitle,
      RequestToJoinLeaveEmailSetting: null,
    },
    navigation: membersOf ? { Users: () => membersOf(group).map((u) => userEntity(u)) } : undefined,
  };
}

export function roleDefinitionEntity(definition: RoleDefinition): Entity {
  return {
    type: 'SP.RoleDefinition',
    path: `Web/RoleDefinitions(${definition.id})`,
    properties: {
      BasePermissions: { ...definition.basePermissions },
      Description: definition.description,
      Hidden: false,
      Id: definition.id,
      Name: definition.name,
      Order: definition.order,
      RoleTypeKind: definition.roleTypeKind,
    },
  };
}

/** The role assignments of a scope ('web', 'list:…', 'item:…'), one entity per principal. */
export function roleAssignmentEntities(ctx: RequestContext, scope: string, ownerPath: string): Entity[] {
  const byPrincipal = new Map<number, number[]>();
  for (const a of ctx.db.roleAssignments(scope)) byPrincipal.set(a.principalId, [...(byPrincipal.get(a.principalId) ?? []), a.roleDefinitionId]);
  return [...byPrincipal.entries()].map(([principalId, roleIds]) => ({
    type: 'SP.RoleAssignment',
    path: `${ownerPath}/RoleAssignments/GetByPrincipalId(${principalId})`,
    properties: { PrincipalId: principalId },
    navigation: {
      Member: () => {
        const user = ctx.db.getUserById(principalId);
        if (user) return userEntity(user);
        const group = ctx.db.getGroupById(principalId);
        return group ? groupEntity(group) : null;
      },
      RoleDefinitionBindings: () =>
        roleIds
          .map((id) => ctx.db.roleDefinition(id))
          .filter((d): d is RoleDefinition => d !== undefined)
          .map(roleDefinitionEntity),
    },
  }));
}
