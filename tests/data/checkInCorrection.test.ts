/**
 * Issue 13, point 6, against the embedded store with SharePoint's role model: the
 * repository refuses a check-in that breaks a guardrail, and a lead corrects their own
 * latest check-in (the earlier version kept), never someone else's nor an older one.
 */
import { InvalidRequestError } from '../../src/data/errors';
import { COORDINATOR, LEAD, OTHER_LEAD, PstSite, startPstSite } from '../node/store/pstSiteFixture';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';

jest.setTimeout(120_000);

let site: PstSite;
beforeAll(async () => {
  site = await startPstSite();
});
afterAll(async () => {
  await site?.store.close();
});

const checkInsOf = (actionId: number) => site.repository(COORDINATOR).loadActionDetails(actionId).then((d) => d.checkIns);

describe('the guardrails, where the data is written', () => {
  it('refuses "Terminé" below 100 % and a blocked health without a reason, writing nothing', async () => {
    const lead = site.repository(LEAD);
    const details = await lead.loadActionDetails(site.ownAction);
    const before = (await checkInsOf(site.ownAction)).length;
    await expect(lead.addCheckIn({ actionId: site.ownAction, date: '2025-04-01', status: 'TERMINE', percent: 80, health: 'bon', comment: null }, details.etag)).rejects.toThrow(
      InvalidRequestError,
    );
    await expect(lead.addCheckIn({ actionId: site.ownAction, date: '2025-04-01', status: 'EN_COURS', percent: 30, health: 'blocage', comment: ' ' }, details.etag)).rejects.toThrow(
      '« Bloqué » demande une raison',
    );
    expect(await checkInsOf(site.ownAction)).toHaveLength(before);
    const saved = await lead.addCheckIn({ actionId: site.ownAction, date: '2025-04-01', status: 'TERMINE', percent: 100, health: 'bon', comment: null }, details.etag);
    expect(saved.checkIn.status).toBe('TERMINE');
  });
});

describe('a lead corrects their latest check-in', () => {
  it('takes the new values, keeps the earlier version and moves the action with it', async () => {
    const lead = site.repository(LEAD);
    let details = await lead.loadActionDetails(site.ownAction);
    const first = await lead.addCheckIn({ actionId: site.ownAction, date: '2025-04-10', status: 'EN_COURS', percent: 60, health: 'bon', comment: 'Soixante' }, details.etag);
    details = await lead.loadActionDetails(site.ownAction);
    const corrected = await lead.correctCheckIn(
      { checkInId: first.checkIn.id, actionId: site.ownAction, date: '2025-04-10', status: 'EN_COURS', percent: 45, health: 'risque', comment: 'Quarante-cinq, pas soixante', key: 'corr-1' },
      details.etag,
    );
    expect(corrected.checkIn).toMatchObject({ id: first.checkIn.id, percent: 45, health: 'risque', corrections: [expect.objectContaining({ percent: 60, comment: 'Soixante', health: 'bon' })] });

    const after = await site.repository(COORDINATOR).loadActionDetails(site.ownAction);
    expect(after.action).toMatchObject({ progressPercent: 45, health: 'risque', lastCheckInDate: '2025-04-10' });
    expect(after.etag).toBe(corrected.actionEtag);
    const stored = after.checkIns.find((c) => c.id === first.checkIn.id)!;
    expect(stored).toMatchObject({ percent: 45, comment: 'Quarante-cinq, pas soixante' });
    expect(stored.corrections).toEqual([{ correctedOn: expect.any(String), date: '2025-04-10', status: 'EN_COURS', percent: 60, health: 'bon', comment: 'Soixante' }]);
    // One check-in, corrected in place: the history does not count it twice.
    expect(after.checkIns.filter((c) => c.date === '2025-04-10')).toHaveLength(1);

    // A retry of the same correction (its answer lost) writes nothing more.
    const requestsBefore = site.store.requests.length;
    const retried = await lead.correctCheckIn(
      { checkInId: first.checkIn.id, actionId: site.ownAction, date: '2025-04-10', status: 'EN_COURS', percent: 45, health: 'risque', comment: 'Quarante-cinq, pas soixante', key: 'corr-1' },
      details.etag,
    );
    expect(site.store.requests.slice(requestsBefore).filter((r) => r.method !== 'GET' && !r.path.endsWith('$batch'))).toEqual([]);
    expect(retried.checkIn.corrections).toHaveLength(1);

    // A second correction keeps both earlier versions, oldest first.
    const again = await lead.correctCheckIn(
      { checkInId: first.checkIn.id, actionId: site.ownAction, date: '2025-04-09', status: 'EN_COURS', percent: 50, health: 'bon', comment: 'Bon finalement', key: 'corr-2' },
      (await lead.loadActionDetails(site.ownAction)).etag,
    );
    expect(again.checkIn.corrections?.map((c) => c.percent)).toEqual([60, 45]);
  });

  it('refuses an older check-in, another lead\'s check-in, and a check-in that breaks a guardrail', async () => {
    const lead = site.repository(LEAD);
    const checkIns = await checkInsOf(site.ownAction);
    const older = checkIns[checkIns.length - 1];
    const details = await lead.loadActionDetails(site.ownAction);
    await expect(
      lead.correctCheckIn({ checkInId: older.id, actionId: site.ownAction, date: older.date, status: 'EN_COURS', percent: 5, health: 'bon', comment: null }, details.etag),
    ).rejects.toThrow('Seul le dernier suivi');

    const sophies = (await checkInsOf(site.otherAction))[0];
    const asMarc = await lead.loadActionDetails(site.otherAction);
    await expect(
      lead.correctCheckIn({ checkInId: sophies.id, actionId: site.otherAction, date: sophies.date, status: 'EN_COURS', percent: 99, health: 'bon', comment: null }, asMarc.etag),
    ).rejects.toThrow('Seul son auteur');

    const latest = checkIns[0];
    await expect(
      lead.correctCheckIn({ checkInId: latest.id, actionId: site.ownAction, date: latest.date, status: 'TERMINE', percent: 70, health: 'bon', comment: null }, details.etag),
    ).rejects.toThrow(InvalidRequestError);
    expect((await checkInsOf(site.ownAction))[0]).toMatchObject({ id: latest.id, percent: latest.percent });
  });

  it('the store lets only the author write a check-in, whatever a REST client sends', async () => {
    const sophies = (await checkInsOf(site.otherAction))[0];
    const list = site.sp(LEAD).web.getList('/sites/pst/Lists/PstCheckIns');
    await expect(list.items.getById(sophies.id).update({ PstProgress: 99 })).rejects.toMatchObject({ status: 403 });
    const own = site.sp(OTHER_LEAD).web.getList('/sites/pst/Lists/PstCheckIns');
    await expect(own.items.getById(sophies.id).update({ PstComment: 'Par Sophie' })).resolves.toBeDefined();
  });
});
