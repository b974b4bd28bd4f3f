/**
 * The product's provisioning (src/data/provisioning.ts) against the embedded store, through
 * PnPjs: lists created under `Lists/<urlName>` then renamed, fields from the schema's field
 * XML, indexes; a second run reads only.
 * Lists and fields REST: https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/working-with-lists-and-list-items-with-rest
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import { ensurePstLists, inspectPstLists } from '../../../src/data/provisioning';
import { FieldDef, PST_LISTS, actionsList, checkInsList } from '../../../src/schema/listSchema';
import { sharePointErrorOf, startTestStore, TestStore, writesIn } from './storeTestSupport';

describe('provisioning against the embedded store', () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await startTestStore();
  });
  afterEach(() => t.store.close());

  it('creates every PST list at Lists/<urlName> with its French title, then a second run sends no write', async () => {
    const sp = t.sp();
    const first = await ensurePstLists(sp, t.webPath);
    expect(first.changes.filter((c) => c.kind === 'listCreated')).toHaveLength(PST_LISTS.length);

    const lists = t.store.db.listLists();
    expect(lists.map((l) => l.url)).toEqual(PST_LISTS.map((l) => `/sites/pst/Lists/${l.urlName}`));
    expect(lists.map((l) => l.title)).toEqual(PST_LISTS.map((l) => l.title.fr));

    const before = t.store.requests.length;
    const second = await ensurePstLists(sp, t.webPath);
    expect(second.changes).toEqual([]);
    expect(second.listIds).toEqual(first.listIds);
    expect(writesIn(t.store, before)).toEqual([]);
    expect(await inspectPstLists(sp, t.webPath)).toEqual({ missingLists: [], missingFields: [], upToDate: true });
  });

  it('reads the field XML: types, choices, lookups to the target list, indexes (with an SQLite index behind them)', async () => {
    const report = await ensurePstLists(t.sp(), t.webPath);
    const db = t.store.db;
    const actions = db.getField(report.listIds.actions, 'PstOperationalObjectives')!;
    expect(actions).toMatchObject({ type: 'LookupMulti', lookupList: report.listIds.operationalObjectives, indexed: false });
    expect(db.getField(report.listIds.actions, 'PstStatus')).toMatchObject({ type: 'Choice', indexed: true, choices: expect.arrayContaining(['EN_COURS']) });
    expect(db.getField(report.listIds.actions, 'PstProjectLead')).toMatchObject({ type: 'User', indexed: true });
    expect(db.getField(report.listIds.actions, 'PstTeam')).toMatchObject({ type: 'UserMulti' });
    expect(db.getField(report.listIds.actions, 'PstPlannedEnd')).toMatchObject({ type: 'DateTime', dateOnly: true });
    expect(db.getField(report.listIds.actions, 'PstLabels')).toMatchObject({ type: 'MultiChoice', fillInChoice: true });
    // The built-in Author of check-ins is indexed by provisioning (field MERGE { Indexed: true }).
    expect(db.getField(report.listIds.checkIns, 'Author')).toMatchObject({ indexed: true, builtIn: true });
    const indexes = (db.sql.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'items'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['ix_items_PstAction', 'ix_items_PstCheckInDate', 'ix_items_author_id', 'ix_items_PstStatus_ci']));
  });

  it('answers fields with $select and $filter, built-in fields included (Title required)', async () => {
    const report = await ensurePstLists(t.sp(), t.webPath);
    const fields: { InternalName: string; Required: boolean; TypeAsString: string }[] = await t
      .sp()
      .web.lists.getById(report.listIds.checkIns)
      .fields.select('InternalName', 'Required', 'TypeAsString')
      .filter("ReadOnlyField eq false and Hidden eq false")();
    const names = fields.map((f) => f.InternalName);
    expect(names).toEqual(expect.arrayContaining(['Title', ...Object.values(checkInsList.fields as Record<string, FieldDef>).filter((f) => !f.builtIn).map((f) => f.internalName)]));
    expect(names).not.toContain('ID');
    expect(fields.find((f) => f.InternalName === 'Title')).toEqual(expect.objectContaining({ Required: true, TypeAsString: 'Text' }));
    const all: { InternalName: string }[] = await t.sp().web.lists.getById(report.listIds.checkIns).fields.select('InternalName')();
    expect(all.map((f) => f.InternalName)).toEqual(expect.arrayContaining(['ID', 'Title', 'Author', 'Editor', 'Created', 'Modified', 'Attachments', 'ContentType']));
  });

  it('keeps the URL when a list is renamed, and finds it by title, by id (both forms) and by URL', async () => {
    const report = await ensurePstLists(t.sp(), t.webPath);
    const sp = t.sp();
    const id = report.listIds.actions;
    await sp.web.lists.getById(id).update({ Title: 'Actions renommées', Description: 'autre' });
    const byTitle: { Id: string; Title: string; ItemCount: number } = await sp.web.lists.getByTitle('Actions renommées').select('Id', 'Title', 'ItemCount')();
    expect(byTitle).toEqual(expect.objectContaining({ Id: id, Title: 'Actions renommées', ItemCount: 0 }));
    const byUrl: { Id: string } = await sp.web.getList(`/sites/pst/Lists/${actionsList.urlName}`).select('Id')();
    expect(byUrl.Id).toBe(id);
    const response = await fetch(`${t.store.siteUrl}/_api/web/lists(guid'${id}')?$select=Title,RootFolder/ServerRelativeUrl&$expand=RootFolder`, {
      headers: { Accept: 'application/json', Authorization: 'Bearer local:anne.dupont@cpas.example' },
    });
    const json = (await response.json()) as { Title: string; RootFolder: { ServerRelativeUrl: string }; 'odata.type': string };
    expect(json).toEqual(expect.objectContaining({ Title: 'Actions renommées', 'odata.type': 'SP.List', RootFolder: expect.objectContaining({ ServerRelativeUrl: '/sites/pst/Lists/PstActions' }) }));
  });

  it('answers unknown lists as SharePoint Online does: getByTitle → 404 SPException, getList → 404 FileNotFoundException', async () => {
    const sp = t.sp();
    expect(await sharePointErrorOf(sp.web.lists.getByTitle('Nope')())).toEqual({
      status: 404,
      code: '-2130575322, Microsoft.SharePoint.SPException',
      message: `List 'Nope' does not exist at site with URL '${t.store.siteUrl}'.`,
    });
    expect(await sharePointErrorOf(sp.web.getList('/sites/pst/Lists/Nope')())).toEqual({
      status: 404,
      code: '-2147024894, System.IO.FileNotFoundException',
      message: 'File Not Found.',
    });
    await ensurePstLists(sp, t.webPath);
    expect(await sharePointErrorOf(sp.web.getList('/sites/pst/Lists/PstActions').fields.getByInternalNameOrTitle('Nope')())).toEqual({
      status: 400,
      code: '-2147024809, System.ArgumentException',
      message: "Column 'Nope' does not exist. It may have been deleted by another user.",
    });
  });
});
