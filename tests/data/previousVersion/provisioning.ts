/**
 * The provisioning of the lists as the version before issue 13 did it (commit e71254e,
 * `src/data/provisioning.ts` ensurePstLists, frozen here with that version's listSchema.ts
 * and fieldXml.ts): the upgrade test builds a site of that version with it. Do not update
 * these files with the schema: they are what existing sites hold.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import { listUrl } from '../../../src/data/sharePointPaths';
import { isNotFound } from '../../../src/data/errors';
import { ListDef, ListKey, PST_LISTS } from './listSchema';
import { fieldXml } from './fieldXml';

const ADD_FIELD_OPTIONS = 8 | 16;
const GENERIC_LIST_TEMPLATE = 100;

async function findList(sp: SPFI, webServerRelativeUrl: string, list: ListDef): Promise<{ Id: string } | undefined> {
  try {
    return await sp.web.getList(listUrl(webServerRelativeUrl, list)).select('Id')();
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** That version's lists and columns on a new site. */
export async function provisionPreviousVersion(sp: SPFI, webServerRelativeUrl: string): Promise<void> {
  const listIds: Partial<Record<ListKey, string>> = {};
  for (const list of PST_LISTS) {
    let found = await findList(sp, webServerRelativeUrl, list);
    if (!found) {
      const created: { Id: string } = await sp.web.lists.add(list.urlName, list.description, GENERIC_LIST_TEMPLATE, false, { EnableVersioning: true });
      await sp.web.lists.getById(created.Id).update({ Title: list.title.fr });
      found = created;
    }
    listIds[list.key] = found.Id;
    const fields = sp.web.lists.getById(found.Id).fields;
    for (const field of Object.values(list.fields)) {
      if (field.builtIn) continue;
      await fields.createFieldAsXml({ SchemaXml: fieldXml(field, listIds), Options: ADD_FIELD_OPTIONS });
    }
  }
}
