/**
 * Creates or upgrades the PST lists from the list schema, through PnPjs.
 *
 * A tenant-wide package ignores feature XML, so this code is the only provisioning:
 * it runs from the web parts ("Créer les listes du PST ici") and from
 * `npm run provision`. It is idempotent: it reads first and writes only what is
 * missing, so a second run sends no write at all and a field added to the schema is
 * added on the next run.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import { ListDef, ListKey, PST_LISTS } from '../schema/listSchema';
import { fieldXml, sharePointFieldType } from '../schema/fieldXml';
import { listUrl } from './sharePointPaths';
import { isNotFound } from './errors';
import { ensurePstPermissions } from './permissions';
import { ensureActionSpaces } from './actionSpaces';
import { migrateSingleFigures } from './meansLines';

/** SP.AddFieldOptions: AddFieldInternalNameHint (8) keeps `Name` as the internal name; AddFieldToDefaultView (16). */
const ADD_FIELD_OPTIONS = 8 | 16;
const GENERIC_LIST_TEMPLATE = 100;

export type ProvisioningChange =
  | { kind: 'listCreated'; list: ListKey }
  | { kind: 'fieldAdded'; list: ListKey; field: string }
  | { kind: 'fieldIndexed'; list: ListKey; field: string };

export interface ProvisioningReport {
  readonly changes: ProvisioningChange[];
  readonly listIds: Record<ListKey, string>;
  /** What `ensurePstPermissions` changed (groups, roles), in French; absent when not run. */
  readonly permissionChanges?: string[];
}

export interface ProvisioningState {
  readonly missingLists: ListKey[];
  readonly missingFields: { list: ListKey; field: string }[];
  readonly upToDate: boolean;
}

interface ExistingField {
  InternalName: string;
  Indexed: boolean;
}

async function findList(sp: SPFI, webServerRelativeUrl: string, list: ListDef): Promise<{ Id: string } | undefined> {
  try {
    return await sp.web.getList(listUrl(webServerRelativeUrl, list)).select('Id')();
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

async function readFields(sp: SPFI, listId: string): Promise<Map<string, ExistingField>> {
  const fields: ExistingField[] = await sp.web.lists.getById(listId).fields.select('InternalName', 'Indexed')();
  return new Map(fields.map((f) => [f.InternalName, f]));
}

/** What is missing, without changing anything: drives the web parts' "create the lists" prompt. */
export async function inspectPstLists(sp: SPFI, webServerRelativeUrl: string): Promise<ProvisioningState> {
  const missingLists: ListKey[] = [];
  const missingFields: { list: ListKey; field: string }[] = [];
  for (const list of PST_LISTS) {
    const found = await findList(sp, webServerRelativeUrl, list);
    if (!found) {
      missingLists.push(list.key);
      continue;
    }
    const existing = await readFields(sp, found.Id);
    for (const field of Object.values(list.fields)) {
      if (!field.builtIn && !existing.has(field.internalName)) missingFields.push({ list: list.key, field: field.internalName });
    }
  }
  return { missingLists, missingFields, upToDate: missingLists.length === 0 && missingFields.length === 0 };
}

export async function ensurePstLists(sp: SPFI, webServerRelativeUrl: string): Promise<ProvisioningReport> {
  const changes: ProvisioningChange[] = [];
  const listIds: Partial<Record<ListKey, string>> = {};

  for (const list of PST_LISTS) {
    let found = await findList(sp, webServerRelativeUrl, list);
    if (!found) {
      // Created under its URL name, then given its French title: the URL stays clean
      // and stable even if someone renames the list later.
      const created: { Id: string } = await sp.web.lists.add(list.urlName, list.description, GENERIC_LIST_TEMPLATE, false, {
        EnableVersioning: true,
      });
      await sp.web.lists.getById(created.Id).update({ Title: list.title.fr });
      changes.push({ kind: 'listCreated', list: list.key });
      found = created;
    }
    listIds[list.key] = found.Id;

    const existing = await readFields(sp, found.Id);
    const fields = sp.web.lists.getById(found.Id).fields;
    for (const field of Object.values(list.fields)) {
      const current = existing.get(field.internalName);
      if (!current) {
        if (field.builtIn) continue;
        await fields.createFieldAsXml({ SchemaXml: fieldXml(field, listIds), Options: ADD_FIELD_OPTIONS });
        changes.push({ kind: 'fieldAdded', list: list.key, field: field.internalName });
      } else if (field.indexed && !current.Indexed) {
        await fields.getByInternalNameOrTitle(field.internalName).update({ Indexed: true }, sharePointFieldType(field.kind));
        changes.push({ kind: 'fieldIndexed', list: list.key, field: field.internalName });
      }
    }
  }
  return { changes, listIds: listIds as Record<ListKey, string> };
}

/**
 * Everything a site needs for the PST: the lists and columns, then the PST groups with
 * their roles on the lists (see permissions.ts), then each led action's folder and progress
 * item (actionSpaces.ts, which also upgrades sites set up before them), then the single
 * budget and ETP of each action as its first means line (meansLines.ts). Idempotent: a
 * second run changes nothing.
 */
export async function provisionPst(sp: SPFI, webServerRelativeUrl: string): Promise<ProvisioningReport> {
  const report = await ensurePstLists(sp, webServerRelativeUrl);
  const permissions = await ensurePstPermissions(sp, webServerRelativeUrl);
  const spaces = await ensureActionSpaces(sp, webServerRelativeUrl);
  const means = await migrateSingleFigures(sp, webServerRelativeUrl);
  return { ...report, permissionChanges: [...permissions.changes, ...spaces, ...means] };
}
