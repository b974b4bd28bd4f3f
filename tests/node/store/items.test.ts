/**
 * Items through PnPjs v4 as the product uses it (node_modules/@pnp/sp/items/types.js):
 * add, read, MERGE with If-Match, delete; `$select`, `$expand`, `$filter`, `$orderby`,
 * `$top`; value checks; SharePoint's error shapes.
 * - https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/working-with-lists-and-list-items-with-rest
 * - https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/use-odata-query-operations-in-sharepoint-rest-requests
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import '@pnp/sp/items';
import type { SPFI } from '@pnp/sp';
import { COORDINATOR, LEAD, sharePointErrorOf, startTestStore, TestStore } from './storeTestSupport';

const FIELDS = [
  '<Field Type="Text" Name="Code" StaticName="Code" DisplayName="Code" Indexed="TRUE" MaxLength="10" />',
  '<Field Type="Number" Name="Progress" StaticName="Progress" DisplayName="Avancement" Min="0" Max="100" />',
  '<Field Type="Choice" Name="Status" StaticName="Status" DisplayName="Statut" Indexed="TRUE"><CHOICES><CHOICE>EN_COURS</CHOICE><CHOICE>TERMINE</CHOICE></CHOICES></Field>',
  '<Field Type="MultiChoice" Name="Sdgs" StaticName="Sdgs" DisplayName="ODD"><CHOICES><CHOICE>1</CHOICE><CHOICE>3</CHOICE><CHOICE>17</CHOICE></CHOICES></Field>',
  '<Field Type="Boolean" Name="Done" StaticName="Done" DisplayName="Fait" />',
  '<Field Type="DateTime" Name="Due" StaticName="Due" DisplayName="Échéance" Format="DateOnly" Indexed="TRUE" />',
  '<Field Type="DateTime" Name="Seen" StaticName="Seen" DisplayName="Vu le" />',
  '<Field Type="User" Name="Lead" StaticName="Lead" DisplayName="Chef" Indexed="TRUE" />',
  '<Field Type="UserMulti" Name="Team" StaticName="Team" DisplayName="Équipe" Mult="TRUE" />',
  '<Field Type="Note" Name="Notes" StaticName="Notes" DisplayName="Notes" Required="TRUE" />',
];

describe('items', () => {
  let t: TestStore;
  let sp: SPFI;
  let leadId: number;
  let coordinatorId: number;

  beforeEach(async () => {
    t = await startTestStore();
    sp = t.sp();
    const parents = await sp.web.lists.add('Parents');
    await sp.web.lists.getById(parents.Id).items.add({ Title: 'Parent A' });
    const tasks = await sp.web.lists.add('Tasks', 'test list', 100, false);
    const fields = sp.web.lists.getById(tasks.Id).fields;
    for (const xml of FIELDS) await fields.createFieldAsXml(xml);
    await fields.createFieldAsXml(`<Field Type="Lookup" Name="Parent" StaticName="Parent" DisplayName="Parent" List="{${parents.Id}}" ShowField="Title" Indexed="TRUE" />`);
    leadId = t.store.db.getUserByEmail(LEAD)!.id;
    coordinatorId = t.store.db.getUserByEmail(COORDINATOR)!.id;
  });
  afterEach(() => t.store.close());

  const tasks = () => sp.web.lists.getByTitle('Tasks').items;

  it('adds an item: 201 with SharePoint\'s default properties, odata metadata and ETag', async () => {
    const added = await tasks().add({ Title: 'Une tâche', Code: 'A1', Progress: 10, Status: 'EN_COURS', Sdgs: ['1', '17'], Done: false, LeadId: leadId, TeamId: [leadId, coordinatorId], ParentId: 1, Notes: 'n' });
    expect(added).toEqual(
      expect.objectContaining({
        'odata.type': 'SP.Data.TasksListItem',
        'odata.etag': '"1"',
        'odata.editLink': expect.stringMatching(/^Web\/Lists\(guid'[0-9a-f-]+'\)\/Items\(1\)$/),
        Id: 1,
        ID: 1,
        Title: 'Une tâche',
        Code: 'A1',
        Progress: 10,
        Status: 'EN_COURS',
        Sdgs: ['1', '17'],
        Done: false,
        LeadId: leadId,
        LeadStringId: String(leadId),
        TeamId: [leadId, coordinatorId],
        ParentId: 1,
        AuthorId: coordinatorId,
        EditorId: coordinatorId,
        Created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      }),
    );
    const response = await fetch(`${t.store.siteUrl}/_api/web/lists/getByTitle('Tasks')/items(1)?$select=Title`, {
      headers: { Accept: 'application/json', Authorization: `Bearer local:${COORDINATOR}` },
    });
    expect(response.headers.get('ETag')).toBe('"1"');
    expect(await response.json()).toEqual(expect.objectContaining({ Title: 'Une tâche', 'odata.etag': '"1"' }));
  });

  it('updates with If-Match: new version, new ETag; a stale ETag is refused with 412 and SharePoint\'s message; * always matches', async () => {
    await tasks().add({ Title: 'v1', Notes: 'n' });
    const item = tasks().getById(1);
    const first = await item.update({ Title: 'v2' }, '"1"');
    expect(first).toEqual({ etag: '"2"' });
    expect(await sharePointErrorOf(item.update({ Title: 'v3' }, '"1"'))).toEqual({
      status: 412,
      code: '-1, Microsoft.SharePoint.Client.ClientServiceException',
      message: `The request ETag value '"1"' does not match the object's ETag value '"2"'.`,
    });
    expect((await item.select('Title')()).Title).toBe('v2');
    expect(await item.update({ Title: 'v3' })).toEqual({ etag: '"3"' });
    const read = await item.select('Title', 'Modified', 'EditorId')();
    expect(read).toEqual(expect.objectContaining({ Title: 'v3', EditorId: coordinatorId, 'odata.etag': '"3"' }));
  });

  it('deletes with If-Match; the item is then 404 "Item does not exist"', async () => {
    await tasks().add({ Title: 'x', Notes: 'n' });
    expect(await sharePointErrorOf(tasks().getById(1).delete('"7"'))).toEqual(expect.objectContaining({ status: 412 }));
    await tasks().getById(1).delete('"1"');
    expect(await sharePointErrorOf(tasks().getById(1)())).toEqual({
      status: 404,
      code: '-2147024809, System.ArgumentException',
      message: 'Item does not exist. It may have been deleted by another user.',
    });
    // Ids are never reused.
    expect((await tasks().add({ Title: 'y' })).Id).toBe(2);
  });

  it('refuses unknown fields: in $select, $filter, $orderby (SPException) and in a write body (InvalidClientQueryException)', async () => {
    const unknown = { status: 400, code: '-1, Microsoft.SharePoint.SPException', message: "The field or property 'Nope' does not exist." };
    expect(await sharePointErrorOf(tasks().select('Title', 'Nope')())).toEqual(unknown);
    expect(await sharePointErrorOf(tasks().filter("Nope eq 'x'")())).toEqual(unknown);
    expect(await sharePointErrorOf(tasks().orderBy('Nope')())).toEqual(unknown);
    expect(await sharePointErrorOf(tasks().add({ Title: 'x', Nope: 1 }))).toEqual({
      status: 400,
      code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
      message: "The property 'Nope' does not exist on type 'SP.Data.TasksListItem'. Make sure to only use property names that are defined by the type.",
    });
    expect(await sharePointErrorOf(tasks().select('Lead/Title')())).toEqual({
      status: 400,
      code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
      message: "The query to field 'Lead/Title' is not valid. The $select query string must specify the target fields and the $expand query string must contains Lead.",
    });
  });

  it('checks values as SharePoint\'s REST service does: types, text length, users, lookups', async () => {
    expect(await sharePointErrorOf(tasks().add({ Title: 'x', Progress: 'beaucoup' }))).toEqual({
      status: 400,
      code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
      message: "Cannot convert a primitive value to the expected type 'Edm.Double'. See the inner exception for more details.",
    });
    expect((await sharePointErrorOf(tasks().add({ Title: 'x', Due: 'demain' }))).message).toContain("'Edm.DateTime'");
    expect((await sharePointErrorOf(tasks().add({ Title: 'x', Code: '12345678901' }))).status).toBe(400);
    expect(await sharePointErrorOf(tasks().add({ Title: 'x', LeadId: 999 }))).toEqual(expect.objectContaining({ status: 400, message: 'The user does not exist or is not unique.' }));
    expect((await sharePointErrorOf(tasks().add({ Title: 'x', ParentId: 999 }))).message).toMatch(/^Invalid lookup value/);
    // Not checked by SharePoint's REST service (only by its forms): choices, required, Min/Max.
    // https://github.com/SharePoint/PnP-JS-Core/issues/376
    expect((await tasks().add({ Status: 'AUTRE', Progress: 120 })).Status).toBe('AUTRE');
  });

  it("in strict validation, also refuses what SharePoint's forms refuse: choices, required columns, Min/Max", async () => {
    await t.store.close();
    t = await startTestStore({ validation: 'strict' });
    sp = t.sp();
    const list = await sp.web.lists.add('Strict');
    const fields = sp.web.lists.getById(list.Id).fields;
    await fields.createFieldAsXml(FIELDS[2]);
    await fields.createFieldAsXml(FIELDS[1]);
    const items = sp.web.lists.getById(list.Id).items;
    expect(await sharePointErrorOf(items.add({ Title: 'x', Status: 'AUTRE' }))).toEqual({
      status: 400,
      code: '-2130575155, Microsoft.SharePoint.SPFieldValidationException',
      message: "The value 'AUTRE' is not one of the choices of the field 'Statut' (Status).",
    });
    expect((await sharePointErrorOf(items.add({ Status: 'EN_COURS' }))).message).toBe("The field 'Title' (Title) is required and cannot be empty.");
    expect((await sharePointErrorOf(items.add({ Title: 'x', Progress: 101 }))).message).toBe("The value of the field 'Avancement' (Progress) must be at most 100.");
    const added = await items.add({ Title: 'x', Status: 'TERMINE' });
    expect((await sharePointErrorOf(items.getById(added.Id).update({ Title: '' }))).status).toBe(400);
  });

  it('keeps date-only values as local midnight in Brussels, in UTC (winter +1, summer +2)', async () => {
    const winter = await tasks().add({ Title: 'w', Due: '2024-12-31T12:00:00Z', Seen: '2024-12-31T12:34:56.789Z' });
    const summer = await tasks().add({ Title: 's', Due: '2024-07-01T12:00:00Z' });
    const plainDay = await tasks().add({ Title: 'p', Due: '2024-03-31' });
    expect(winter.Due).toBe('2024-12-30T23:00:00Z');
    expect(winter.Seen).toBe('2024-12-31T12:34:56Z');
    expect(summer.Due).toBe('2024-06-30T22:00:00Z');
    // 31 March 2024 is the last Sunday of March: local midnight is still winter time.
    expect(plainDay.Due).toBe('2024-03-30T23:00:00Z');
  });

  describe('queries', () => {
    beforeEach(async () => {
      const rows = [
        { Title: 'Alpha', Code: 'A', Progress: 10, Status: 'EN_COURS', Sdgs: ['1'], Done: false, Due: '2024-01-10', LeadId: leadId, ParentId: 1 },
        { Title: "L'été", Code: 'B', Progress: 50, Status: 'TERMINE', Sdgs: ['1', '3'], Done: true, Due: '2024-06-10', LeadId: coordinatorId },
        { Title: 'alphabet', Code: 'C', Progress: 90, Status: 'EN_COURS', Sdgs: [], Done: null, Due: null, LeadId: leadId, ParentId: 1 },
      ];
      for (const row of rows) await tasks().add(row);
    });
    const titles = (items: { Title: string }[]) => items.map((i) => i.Title);

    it('filters with eq/ne/lt/ge, and/or/not, parentheses, null, booleans, dates, quotes', async () => {
      expect(titles(await tasks().filter("Status eq 'EN_COURS'")())).toEqual(['Alpha', 'alphabet']);
      expect(titles(await tasks().filter("status eq 'x'").select('Title')().catch(() => [{ Title: 'refused' }]))).toEqual(['refused']);
      expect(titles(await tasks().filter('Progress ge 50 and not (Progress gt 60)')())).toEqual(["L'été"]);
      expect(titles(await tasks().filter("(Code eq 'A' or Code eq 'C') and Progress lt 50")())).toEqual(['Alpha']);
      expect(titles(await tasks().filter('Due eq null')())).toEqual(['alphabet']);
      expect(titles(await tasks().filter('Due ne null')())).toEqual(['Alpha', "L'été"]);
      expect(titles(await tasks().filter('Done eq true')())).toEqual(["L'été"]);
      expect(titles(await tasks().filter('Done eq 0')())).toEqual(['Alpha', 'alphabet']);
      expect(titles(await tasks().filter("Due ge datetime'2024-06-01T00:00:00Z'")())).toEqual(["L'été"]);
      expect(titles(await tasks().filter("Due lt '2024-06-01T00:00:00Z'")())).toEqual(['Alpha']);
      expect(titles(await tasks().filter("Title eq 'L''été'")())).toEqual(["L'été"]);
      // Text compares case-insensitively, as SharePoint's collation does.
      expect(titles(await tasks().filter("Title eq 'ALPHA'")())).toEqual(['Alpha']);
    });

    it('filters on multi-choice (eq = contains), lookups and people by id, people by e-mail with $expand, startswith, substringof', async () => {
      expect(titles(await tasks().filter("Sdgs eq '1'")())).toEqual(['Alpha', "L'été"]);
      expect(titles(await tasks().filter("Sdgs eq '3'")())).toEqual(["L'été"]);
      expect(titles(await tasks().filter('ParentId eq 1')())).toEqual(['Alpha', 'alphabet']);
      expect(titles(await tasks().filter('Parent/Id eq 1')())).toEqual(['Alpha', 'alphabet']);
      expect(titles(await tasks().filter(`LeadId eq ${coordinatorId}`)())).toEqual(["L'été"]);
      expect(titles(await tasks().filter(`Author/Id eq ${coordinatorId}`)())).toHaveLength(3);
      expect(titles(await tasks().filter(`Lead/EMail eq '${LEAD}'`).expand('Lead')())).toEqual(['Alpha', 'alphabet']);
      expect(titles(await tasks().filter(`Author/EMail eq '${COORDINATOR}'`).expand('Author')())).toHaveLength(3);
      expect(titles(await tasks().filter("Parent/Title eq 'Parent A'").expand('Parent')())).toEqual(['Alpha', 'alphabet']);
      expect(titles(await tasks().filter("startswith(Title,'alpha')")())).toEqual(['Alpha', 'alphabet']);
      expect(titles(await tasks().filter("substringof('été',Title)")())).toEqual(["L'été"]);
      // PnPjs's fluent filter builder writes the same grammar.
      expect(titles(await tasks().filter((f) => f.text('Status').equals('TERMINE').or().number('Progress').lessThan(20))())).toEqual(['Alpha', "L'été"]);
    });

    it('refuses syntax it does not know with a 400 that says why', async () => {
      const error = await sharePointErrorOf(tasks().filter("endswith(Title,'a')")());
      expect(error.status).toBe(400);
      expect(error.message).toBe(`The $filter expression "endswith(Title,'a')" is not valid: the function endswith() is not supported.`);
      expect((await sharePointErrorOf(tasks().filter('Progress add 1 eq 2')())).message).toMatch(/expected a comparison operator/);
      expect((await sharePointErrorOf(tasks().filter("Title eq 'open")())).message).toMatch(/unterminated string literal/);
    });

    it('expands people and lookups to the selected fields of the target', async () => {
      const items = await tasks().select('Title', 'Lead/Title', 'Lead/EMail', 'Lead/Id', 'Parent/Title', 'TeamId', 'Author/Title').expand('Lead', 'Parent', 'Author').orderBy('Code')();
      expect(items[0]).toEqual(
        expect.objectContaining({
          Title: 'Alpha',
          Lead: expect.objectContaining({ Title: 'Marc Dubois', EMail: LEAD, Id: leadId }),
          Parent: expect.objectContaining({ Title: 'Parent A' }),
          Author: expect.objectContaining({ Title: 'Anne Dupont' }),
          TeamId: [],
        }),
      );
      expect(items[1].Parent).toBeNull();
    });

    it('orders by several keys, ascending and descending', async () => {
      expect(titles(await tasks().orderBy('Status', true).orderBy('Progress', false)())).toEqual(['alphabet', 'Alpha', "L'été"]);
      expect(titles(await tasks().orderBy('Due', false)())).toEqual(["L'été", 'Alpha', 'alphabet']);
    });

    it('returns 100 items by default with odata.nextLink, and pages with $skiptoken (Paged=TRUE&p_ID=…)', async () => {
      t.store.db.addItems(t.store.db.getListByTitle('Tasks')!.id, Array.from({ length: 120 }, (_, i) => ({ Title: `n${i}` })), { authorId: coordinatorId });
      const response = await fetch(`${t.store.siteUrl}/_api/web/lists/getByTitle('Tasks')/items?$select=Id`, {
        headers: { Accept: 'application/json', Authorization: `Bearer local:${COORDINATOR}` },
      });
      const page = (await response.json()) as { value: { Id: number }[]; 'odata.nextLink': string };
      expect(page.value).toHaveLength(100);
      const next = new URL(page['odata.nextLink']);
      expect(next.searchParams.get('$skiptoken')).toBe('Paged=TRUE&p_ID=100');
      expect(next.searchParams.get('$select')).toBe('Id');
      const second = (await (await fetch(next, { headers: { Accept: 'application/json', Authorization: `Bearer local:${COORDINATOR}` } })).json()) as {
        value: { Id: number }[];
        'odata.nextLink'?: string;
      };
      expect(second.value.map((i) => i.Id)).toEqual(Array.from({ length: 23 }, (_, i) => 101 + i));
      expect(second['odata.nextLink']).toBeUndefined();
      // PnPjs `skip(id)`.
      expect((await tasks().select('Id').skip(120).top(2)()).map((i: { Id: number }) => i.Id)).toEqual([121, 122]);
    });

    it('pages in order of another column too (the sort value is in the skiptoken)', async () => {
      const seen: string[] = [];
      for await (const page of tasks().select('Title').orderBy('Title', false).top(2)) seen.push(...titles(page));
      expect(seen).toEqual(["L'été", 'alphabet', 'Alpha']);
    });

    it('answers odata=verbose and odata=nometadata too', async () => {
      const verbose = (await (
        await fetch(`${t.store.siteUrl}/_api/web/lists/getByTitle('Tasks')/items?$select=Title,Sdgs&$top=1`, {
          headers: { Accept: 'application/json;odata=verbose', Authorization: `Bearer local:${COORDINATOR}` },
        })
      ).json()) as { d: { results: { __metadata: { type: string; etag: string }; Title: string; Sdgs: { results: string[] } }[]; __next: string } };
      expect(verbose.d.results[0]).toEqual({ __metadata: expect.objectContaining({ type: 'SP.Data.TasksListItem', etag: '"1"' }), Title: 'Alpha', Sdgs: { results: ['1'] } });
      expect(verbose.d.__next).toContain('%24skiptoken=');
      const none = (await (
        await fetch(`${t.store.siteUrl}/_api/web/lists/getByTitle('Tasks')/items?$select=Title&$top=1`, {
          headers: { Accept: 'application/json;odata=nometadata', Authorization: `Bearer local:${COORDINATOR}` },
        })
      ).json()) as { value: object[] };
      expect(none.value).toEqual([{ Title: 'Alpha' }]);
    });
  });
});
