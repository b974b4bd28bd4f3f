/**
 * The web and its users, as PnPjs reads them (node_modules/@pnp/sp/webs, site-users):
 * `_api/web`, `currentuser`, `siteusers`, `getById(n)`, `getByEmail('x')`, `ensureuser`,
 * and SharePoint's JSON light shape (https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/get-to-know-the-sharepoint-rest-service).
 */
import '@pnp/sp/webs';
import '@pnp/sp/site-users/web';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/security';
import { COORDINATOR, LEAD, sharePointErrorOf, startTestStore, TestStore } from './storeTestSupport';

describe('web and users', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await startTestStore();
  });
  afterAll(() => t.store.close());

  it('answers _api/web with Title, Id, Url, ServerRelativeUrl', async () => {
    const web: Record<string, unknown> = await t.sp().web.select('Title', 'Id', 'Url', 'ServerRelativeUrl')();
    expect(web).toEqual(
      expect.objectContaining({ 'odata.type': 'SP.Web', Title: 'PST', Id: t.store.db.webId, Url: t.store.siteUrl, ServerRelativeUrl: '/sites/pst' }),
    );
  });

  it('answers the current user and site users by id and e-mail', async () => {
    const me: { Id: number; Title: string; Email: string; IsSiteAdmin: boolean; LoginName: string } = await t.sp(LEAD).web.currentUser();
    expect(me).toEqual(expect.objectContaining({ Title: 'Marc Dubois', Email: LEAD, IsSiteAdmin: false, LoginName: `i:0#.f|membership|${LEAD}` }));
    expect(((await t.sp().web.siteUsers.getById(me.Id)()) as { Email: string }).Email).toBe(LEAD);
    expect(((await t.sp().web.siteUsers.getByEmail(LEAD)()) as { Id: number }).Id).toBe(me.Id);
    const all: { Email: string }[] = await t.sp().web.siteUsers.select('Email').filter("substringof('cpas.example',Email)")();
    expect(all.map((u) => u.Email)).toEqual(expect.arrayContaining([COORDINATOR, LEAD]));
    expect((await sharePointErrorOf(t.sp().web.siteUsers.getById(9999)())).status).toBe(404);
  });

  it('ensures a user by e-mail or claims login: known users come back, new e-mails are created', async () => {
    const known: { Id: number } = await t.sp().web.ensureUser(LEAD);
    expect(known.Id).toBe(t.store.db.getUserByEmail(LEAD)!.id);
    const created: { Id: number; Title: string; Email: string } = await t.sp().web.ensureUser('i:0#.f|membership|julie.noel@cpas.example');
    expect(created).toEqual(expect.objectContaining({ Title: 'Julie Noel', Email: 'julie.noel@cpas.example' }));
    expect(t.store.db.getUserByEmail('julie.noel@cpas.example')!.id).toBe(created.Id);
    expect((await sharePointErrorOf(t.sp().web.ensureUser('pas-un-email'))).status).toBe(500);
  });

  it('has the Owners, Members and Visitors groups and SharePoint\'s role definitions', async () => {
    const groups: { Title: string }[] = await t.sp().web.siteGroups.select('Title')();
    expect(groups.map((g) => g.Title)).toEqual(['PST Owners', 'PST Visitors', 'PST Members']);
    const contributor: { Id: number; Name: string } = await t.sp().web.roleDefinitions.getByType(3).select('Id', 'Name')();
    expect(contributor).toEqual(expect.objectContaining({ Id: 1073741827, Name: 'Contribute' }));
  });

  it('answers an unknown path with 400 and a path SharePoint has but the store does not with 501', async () => {
    const headers = { Accept: 'application/json', Authorization: `Bearer local:${COORDINATOR}` };
    const unknown = await fetch(`${t.store.siteUrl}/_api/nothing`, { headers });
    expect(unknown.status).toBe(400);
    const missing = await fetch(`${t.store.siteUrl}/_api/web/folders`, { headers });
    expect(missing.status).toBe(501);
    expect(((await missing.json()) as { 'odata.error': { message: { value: string } } })['odata.error'].message.value).toMatch(/^Not implemented by the embedded store/);
  });
});
