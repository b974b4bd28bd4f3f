import { ensurePstLists, inspectPstLists } from '../../src/data/provisioning';
import { createNodeSp } from '../../src/node/sp/nodeSp';
import { PST_LISTS, actionsList, checkInsList, plansList } from '../../src/schema/listSchema';
import { RecordingSharePoint } from '../support/recordingSharePoint';

const SITE = 'http://sharepoint.test/sites/pst';

function setup() {
  const server = new RecordingSharePoint(SITE);
  const sp = createNodeSp(SITE).using(server.behavior());
  return { server, sp };
}

const createdFieldCount = (list: { fields: object }) =>
  Object.values(list.fields).filter((f: { builtIn?: boolean }) => !f.builtIn).length;

describe('ensurePstLists on an empty site', () => {
  it('sends, for the first list, exactly: look up by URL, create, rename, read fields, add each field', async () => {
    const { server, sp } = setup();
    await ensurePstLists(sp, '/sites/pst');

    const planRequests = server.requests.slice(0, 4 + createdFieldCount(plansList));
    expect(planRequests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /_api/web/getList('/sites/pst/Lists/PstPlans')?$select=Id",
      'POST /_api/web/lists',
      "MERGE /_api/web/lists('00000000-0000-0000-0000-000000000001')",
      "GET /_api/web/lists('00000000-0000-0000-0000-000000000001')/fields?$select=InternalName,Indexed",
      "POST /_api/web/lists('00000000-0000-0000-0000-000000000001')/fields/createfieldasxml",
      "POST /_api/web/lists('00000000-0000-0000-0000-000000000001')/fields/createfieldasxml",
      "POST /_api/web/lists('00000000-0000-0000-0000-000000000001')/fields/createfieldasxml",
      "POST /_api/web/lists('00000000-0000-0000-0000-000000000001')/fields/createfieldasxml",
      "POST /_api/web/lists('00000000-0000-0000-0000-000000000001')/fields/createfieldasxml",
      "POST /_api/web/lists('00000000-0000-0000-0000-000000000001')/fields/createfieldasxml",
      "POST /_api/web/lists('00000000-0000-0000-0000-000000000001')/fields/createfieldasxml",
    ]);
    expect(planRequests[1].body).toEqual({
      AllowContentTypes: false,
      BaseTemplate: 100,
      ContentTypesEnabled: false,
      Description: plansList.description,
      Title: 'PstPlans',
      EnableVersioning: true,
    });
    expect(planRequests[2].body).toEqual({ Title: 'PST – Plans' });
    expect(planRequests[4].body).toEqual({
      parameters: {
        SchemaXml:
          '<Field Type="Text" Name="PstOrganisation" StaticName="PstOrganisation" DisplayName="Organisation" Required="FALSE" MaxLength="255" />',
        Options: 24,
      },
    });
  });

  it('creates every list of the schema, in dependency order, with all its fields', async () => {
    const { server, sp } = setup();
    const report = await ensurePstLists(sp, '/sites/pst');

    expect(server.lists.map((l) => l.url)).toEqual(PST_LISTS.map((l) => `/sites/pst/Lists/${l.urlName}`));
    expect(server.lists.map((l) => l.Title)).toEqual(PST_LISTS.map((l) => l.title.fr));
    // per list: create + rename + each field; plus indexing the built-in Author of check-ins and of the change log
    const expectedWrites = PST_LISTS.reduce((n, l) => n + 2 + createdFieldCount(l), 0) + 2;
    expect(server.writes()).toHaveLength(expectedWrites);
    expect(report.changes.filter((c) => c.kind === 'listCreated')).toHaveLength(PST_LISTS.length);
    expect(report.changes.filter((c) => c.kind === 'fieldIndexed')).toEqual([
      { kind: 'fieldIndexed', list: 'checkIns', field: 'Author' },
      { kind: 'fieldIndexed', list: 'changeLog', field: 'Author' },
    ]);
    for (const list of PST_LISTS) {
      const created = server.listByUrlName(list.urlName)!;
      for (const field of Object.values(list.fields) as { internalName: string; builtIn?: boolean }[]) {
        expect(created.fields.map((f) => f.InternalName)).toContain(field.internalName);
      }
    }
  });

  it('points lookups at the id of their target list, including self-lookups', async () => {
    const { server, sp } = setup();
    await ensurePstLists(sp, '/sites/pst');
    const actions = server.listByUrlName(actionsList.urlName)!;
    const operational = server.listByUrlName('PstOperationalObjectives')!;
    const xmlOf = (name: string) => actions.fields.find((f) => f.InternalName === name)!.SchemaXml;

    expect(xmlOf('PstOperationalObjectives')).toContain(`Type="LookupMulti"`);
    expect(xmlOf('PstOperationalObjectives')).toContain(`List="{${operational.Id}}"`);
    expect(xmlOf('PstOperationalObjectives')).toContain('Mult="TRUE"');
    expect(xmlOf('PstOperationalObjectives')).not.toContain('Indexed=');
    expect(xmlOf('PstParentAction')).toContain(`List="{${actions.Id}}"`);
    expect(xmlOf('PstProjectLead')).toContain('Type="User"');
    expect(xmlOf('PstProjectLead')).toContain('Indexed="TRUE"');
    expect(xmlOf('PstDescription')).toContain('RichText="TRUE"');
    expect(xmlOf('PstStatus')).toContain('<CHOICE>EN_COURS</CHOICE>');
    expect(xmlOf('PstSdgs')).toContain('Type="MultiChoice"');
    expect(xmlOf('PstBudget')).toContain('LCID="2060"');
  });
});

describe('ensurePstLists is idempotent', () => {
  it('a second run only reads: one look-up and one field read per list, no write', async () => {
    const { server, sp } = setup();
    await ensurePstLists(sp, '/sites/pst');
    server.requests.length = 0;

    const second = await ensurePstLists(sp, '/sites/pst');

    expect(second.changes).toEqual([]);
    expect(server.writes()).toEqual([]);
    expect(server.requests).toHaveLength(PST_LISTS.length * 2);
  });

  it('adds a field that the schema gained since the last run, and nothing else', async () => {
    const { server, sp } = setup();
    await ensurePstLists(sp, '/sites/pst');
    const actions = server.listByUrlName(actionsList.urlName)!;
    actions.fields = actions.fields.filter((f) => f.InternalName !== 'PstSynergies');
    server.requests.length = 0;

    const report = await ensurePstLists(sp, '/sites/pst');

    expect(report.changes).toEqual([{ kind: 'fieldAdded', list: 'actions', field: 'PstSynergies' }]);
    expect(server.writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /_api/web/lists('${actions.Id}')/fields/createfieldasxml`,
    ]);
  });

  it('indexes a filtered column that someone un-indexed', async () => {
    const { server, sp } = setup();
    await ensurePstLists(sp, '/sites/pst');
    const checkIns = server.listByUrlName(checkInsList.urlName)!;
    checkIns.fields.find((f) => f.InternalName === 'PstCheckInDate')!.Indexed = false;
    server.requests.length = 0;

    const report = await ensurePstLists(sp, '/sites/pst');

    expect(report.changes).toEqual([
      { kind: 'fieldIndexed', list: 'checkIns', field: 'PstCheckInDate' },
    ]);
    expect(server.writes()).toEqual([
      {
        method: 'MERGE',
        path: `/_api/web/lists('${checkIns.Id}')/fields/getByInternalNameOrTitle('PstCheckInDate')`,
        body: { Indexed: true },
      },
    ]);
  });
});

describe('inspectPstLists', () => {
  it('reports missing lists on an empty site and nothing once provisioned, without writing', async () => {
    const { server, sp } = setup();
    const before = await inspectPstLists(sp, '/sites/pst');
    expect(before.missingLists).toEqual(PST_LISTS.map((l) => l.key));
    expect(before.upToDate).toBe(false);

    await ensurePstLists(sp, '/sites/pst');
    server.requests.length = 0;
    const after = await inspectPstLists(sp, '/sites/pst');
    expect(after).toEqual({ missingLists: [], missingFields: [], upToDate: true });
    expect(server.writes()).toEqual([]);
  });
});
