/**
 * Issue 13, point 1, against the embedded store: the mandataire, pilot and team chosen in
 * people pickers (an address from the people search) are saved as site users, and free text
 * (a body, a name the directory lacks) is kept next to them.
 */
import { COORDINATOR, LEAD, OTHER_LEAD, PstSite, startPstSite } from '../node/store/pstSiteFixture';

jest.setTimeout(120_000);

let site: PstSite;
beforeAll(async () => {
  site = await startPstSite();
});
afterAll(async () => {
  await site?.store.close();
});

describe('people pickers on the action sheet', () => {
  it('saves the accounts picked and keeps the free text', async () => {
    const coordinator = site.repository(COORDINATOR);
    const [sophie] = await coordinator.searchPeople('sophie');
    const [marc] = await coordinator.searchPeople('dubois');
    const { etag } = await coordinator.loadActionDetails(site.ownAction);
    await coordinator.updateAction(
      site.ownAction,
      { pilot: sophie, team: [marc, { displayName: 'Service des travaux' }], mandatary: "Conseil de l'action sociale" },
      etag,
    );
    let details = await coordinator.loadActionDetails(site.ownAction);
    expect(details.action.pilot).toMatchObject({ id: expect.any(Number), displayName: 'Sophie Lambert', email: OTHER_LEAD });
    expect(details.action.team).toEqual([expect.objectContaining({ id: expect.any(Number), email: LEAD }), { displayName: 'Service des travaux' }]);
    expect(details.action.mandatary).toBe("Conseil de l'action sociale");

    // An elected official who has an account, and a pilot given as text.
    await coordinator.updateAction(site.ownAction, { mandatary: sophie, pilot: { displayName: 'Directeur général' } }, details.etag);
    details = await coordinator.loadActionDetails(site.ownAction);
    expect(details.action.mandatary).toMatchObject({ id: expect.any(Number), displayName: 'Sophie Lambert', email: OTHER_LEAD });
    expect(details.action.pilot).toEqual({ displayName: 'Directeur général' });
  });

  it('a lead cannot change them (the store refuses)', async () => {
    const lead = site.repository(LEAD);
    const details = await lead.loadActionDetails(site.ownAction);
    await expect(lead.updateAction(site.ownAction, { mandatary: 'Moi' }, details.etag)).rejects.toMatchObject({ status: 403 });
  });
});
