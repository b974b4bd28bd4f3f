/**
 * Issue 13, point 2, against the embedded store with SharePoint's role model: the leads an
 * import gave as names are found with SharePoint's people search and matched, then the
 * grid is applied in one go — lead saved, rights given, leads group joined — per person,
 * with a failure reported for its person only, and a second run changing nothing.
 */
import '@pnp/sp/webs';
import '@pnp/sp/site-groups/web';
import { PST_GROUPS } from '../../src/data/permissions';
import { createAction } from '../../src/domain/model';
import { rankByName, searchWordOf } from '../../src/text/personNames';
import { COORDINATOR, LEAD, OTHER_LEAD, PstSite, startPstSite, storeState } from '../node/store/pstSiteFixture';

jest.setTimeout(120_000);

const JULIEN = 'julien.leclercq@cpas.example';
const JEANNE = 'jeanne.leclercq@cpas.example';
let site: PstSite;
let ids: Map<number, number>;

beforeAll(async () => {
  site = await startPstSite();
  site.store.db.ensureUser({ email: JULIEN, title: 'Julien Leclercq' });
  site.store.db.ensureUser({ email: JEANNE, title: 'Jeanne Leclercq' });
  const imported = await site.repository(COORDINATOR).importPlan({
    plan: { id: 1, title: 'PST importé', organisation: 'CPAS', startYear: 2025, endYear: 2030 },
    sections: [],
    strategicObjectives: [{ id: 1, code: '5', title: 'Social', volet: 'externe', order: 1 }],
    operationalObjectives: [{ id: 1, code: '5.1', title: 'Logement', strategicObjectiveId: 1, order: 1 }],
    actions: [
      createAction({ id: 1, code: '5.1.1', title: 'Logements de transit', operationalObjectiveIds: [1], projectLead: { displayName: 'LECLERCQ Julien' } }),
      createAction({ id: 2, code: '5.1.2', title: 'Capteurs de logement', operationalObjectiveIds: [1], projectLead: { displayName: 'Julien Leclercq' } }),
      createAction({ id: 3, code: '5.1.3', title: 'Guichet énergie', operationalObjectiveIds: [1], projectLead: { displayName: 'M. Dubois' } }),
      createAction({ id: 4, code: '5.1.4', title: 'Fonds social', operationalObjectiveIds: [1], projectLead: { displayName: 'Directeur général' } }),
    ],
  });
  ids = imported.ids.actions;
});
afterAll(async () => {
  await site?.store.close();
});

describe("the people search answers as SharePoint's does, and the names are matched", () => {
  it('finds the accounts a written name may be, best first', async () => {
    const coordinator = site.repository(COORDINATOR);
    const found = await coordinator.searchPeople(searchWordOf('Leclercq J.')!);
    expect(found.map((p) => p.email).sort()).toEqual([JEANNE, JULIEN]);
    expect(rankByName('LECLERCQ Julien', found).map((m) => m.person.email)).toEqual([JULIEN]);
    expect(rankByName('M. Dubois', await coordinator.searchPeople(searchWordOf('M. Dubois')!)).map((m) => m.person.email)).toEqual([LEAD]);
    expect(await coordinator.searchPeople(searchWordOf('Directeur général')!)).toEqual([]);
  });

  it('reads the text-only leads of the import back as names without an account', async () => {
    const details = await site.repository(COORDINATOR).loadActionDetails(ids.get(1)!);
    expect(details.action.projectLead).toEqual({ displayName: 'LECLERCQ Julien' });
  });
});

describe('applying the grid', () => {
  it('makes each person the lead of their actions, with the rights and the group, reporting per person', async () => {
    const coordinator = site.repository(COORDINATOR);
    const progress: string[] = [];
    const results = await coordinator.designateLeads(
      [
        { lead: { displayName: 'Julien Leclercq', email: JULIEN }, actionIds: [ids.get(1)!, ids.get(2)!] },
        // An action that is not there: this person's failure, not the others'.
        { lead: { displayName: 'Marc Dubois', email: LEAD }, actionIds: [ids.get(3)!, 999_999] },
      ],
      (done, total) => progress.push(`${done}/${total}`),
    );
    expect(progress).toEqual(['1/2', '2/2']);
    expect(results[0]).toMatchObject({ lead: { displayName: 'Julien Leclercq', email: JULIEN, id: expect.any(Number) }, assigned: [ids.get(1), ids.get(2)], unchanged: [], failed: [], permissionErrors: [] });
    expect(results[1].assigned).toEqual([ids.get(3)]);
    expect(results[1].failed).toEqual([{ actionId: 999_999, message: expect.any(String) }]);

    const details = await coordinator.loadActionDetails(ids.get(2)!);
    expect(details.action.projectLead).toMatchObject({ displayName: 'Julien Leclercq', email: JULIEN });
    // The name nobody matched stays as the document wrote it.
    expect((await coordinator.loadActionDetails(ids.get(4)!)).action.projectLead).toEqual({ displayName: 'Directeur général' });

    const leadsGroup = await site.sp(COORDINATOR).web.siteGroups.getByName(PST_GROUPS.leads.title).users.select('Email')();
    expect(leadsGroup.map((u: { Email: string }) => u.Email)).toEqual(expect.arrayContaining([JULIEN, LEAD]));

    // Julien now updates his action; Sophie still cannot.
    const julien = site.repository(JULIEN);
    const his = await julien.loadActionDetails(ids.get(1)!);
    expect(his.canEdit).toBe(true);
    await julien.addCheckIn({ actionId: ids.get(1)!, date: '2025-06-01', status: 'EN_COURS', percent: 10, health: 'bon', comment: 'Démarrage' }, his.etag);
    const sophie = site.repository(OTHER_LEAD);
    await expect(
      sophie.addCheckIn({ actionId: ids.get(1)!, date: '2025-06-02', status: 'EN_COURS', percent: 90, health: 'bon', comment: null }, (await sophie.loadActionDetails(ids.get(1)!)).etag),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('a second run changes nothing and says the actions already were theirs', async () => {
    const before = storeState(site.store);
    const results = await site.repository(COORDINATOR).designateLeads([{ lead: { displayName: 'Julien Leclercq', email: JULIEN }, actionIds: [ids.get(1)!, ids.get(2)!] }]);
    expect(results[0]).toMatchObject({ assigned: [], unchanged: [ids.get(1), ids.get(2)], failed: [] });
    expect(storeState(site.store)).toBe(before);
  });

  it('a lead cannot apply it: refused, nothing changed', async () => {
    const before = storeState(site.store);
    const results = await site.repository(LEAD).designateLeads([{ lead: { displayName: 'Marc Dubois', email: LEAD }, actionIds: [ids.get(4)!] }]);
    expect(results[0].assigned).toEqual([]);
    expect(results[0].failed[0].message).toContain('Seule la coordination');
    expect(storeState(site.store)).toBe(before);
  });
});
