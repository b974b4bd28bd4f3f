/**
 * Indicators against the embedded store set up as provisioning sets up SharePoint: the
 * coordination edits them, the lead records values for their own actions only (the store
 * refuses the rest), the history is kept, and a site from before the values list is upgraded.
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { checkInFolderPath } from '../../src/data/actionSpaces';
import { ConflictError } from '../../src/data/errors';
import { listUrl } from '../../src/data/sharePointPaths';
import { indicatorSeries } from '../../src/domain/indicators';
import type { Indicator } from '../../src/domain/model';
import { indicatorValuesList } from '../../src/schema/listSchema';
import { COORDINATOR, LEAD, OTHER_LEAD, OWNER, PstSite, READER, startPstSite, storeState, WEB } from '../node/store/pstSiteFixture';

jest.setTimeout(120_000);

let site: PstSite;
beforeAll(async () => {
  site = await startPstSite();
});
afterAll(() => site?.store.close());

const indicator = (fields: Partial<Indicator>): Indicator => ({ id: 0, actionId: 0, label: 'Appels décrochés', unit: '%', baseline: 60, target: 90, current: null, year: 2026, ...fields });

describe('the coordination edits an action’s indicators', () => {
  it('adds, updates and removes them with a version check', async () => {
    const coordinator = site.repository(COORDINATOR);
    const opened = await coordinator.loadActionDetails(site.ownAction);
    expect(opened.indicators).toEqual([]);
    const saved = await coordinator.saveIndicators(site.ownAction, [indicator({}), indicator({ label: 'Délai de réponse', unit: 'jours', baseline: 30, target: 10 })], opened.indicatorsVersion!);
    expect(saved.indicators.map((i) => [i.label, i.unit, i.baseline, i.target, i.year])).toEqual([
      ['Appels décrochés', '%', 60, 90, 2026],
      ['Délai de réponse', 'jours', 30, 10, 2026],
    ]);
    const [calls, delay] = saved.indicators;
    const updated = await coordinator.saveIndicators(site.ownAction, [{ ...calls, target: 95 }, delay], saved.indicatorsVersion!);
    expect(updated.indicators.map((i) => i.target)).toEqual([95, 10]);

    await expect(coordinator.saveIndicators(site.ownAction, [calls], saved.indicatorsVersion!)).rejects.toBeInstanceOf(ConflictError);
    expect((await coordinator.loadActionDetails(site.ownAction)).indicators).toHaveLength(2);
  });

  it('is refused to a lead, by the repository in French and by the store', async () => {
    const lead = site.repository(LEAD);
    const details = await lead.loadActionDetails(site.ownAction);
    await expect(lead.saveIndicators(site.ownAction, [], details.indicatorsVersion!)).rejects.toThrow('Seule la coordination du PST peut modifier les indicateurs d’une action.');
    const status = await site
      .sp(LEAD)
      .web.getList(listUrl(WEB, { urlName: 'PstIndicators' } as never))
      .items.getById(details.indicators[0].id)
      .update({ PstTarget: 1 })
      .then(
        () => 200,
        (e: { status?: number }) => e.status,
      );
    expect(status).toBe(403);
  });
});

describe('the lead records indicator values', () => {
  it('adds values to the history of their own action; the latest of a year is the one shown', async () => {
    const lead = site.repository(LEAD);
    const { indicators } = await lead.loadActionDetails(site.ownAction);
    const [calls, delay] = indicators;
    await lead.addIndicatorValues(site.ownAction, [{ indicatorId: calls.id, year: 2025, value: 70 }, { indicatorId: delay.id, year: 2025, value: 25 }], '2025-12-15');
    const after = await lead.addIndicatorValues(site.ownAction, [{ indicatorId: calls.id, year: 2025, value: 72.5 }, { indicatorId: calls.id, year: 2026, value: 80 }], '2026-01-10');
    expect(after.indicatorValues!.map((v) => [v.indicatorId === calls.id ? 'calls' : 'delay', v.year, v.value, v.date, v.author?.displayName])).toEqual([
      ['calls', 2025, 70, '2025-12-15', 'Marc Dubois'],
      ['delay', 2025, 25, '2025-12-15', 'Marc Dubois'],
      ['calls', 2025, 72.5, '2026-01-10', 'Marc Dubois'],
      ['calls', 2026, 80, '2026-01-10', 'Marc Dubois'],
    ]);
    expect(indicatorSeries(calls.id, after.indicatorValues!)).toEqual([
      { year: 2025, value: 72.5 },
      { year: 2026, value: 80 },
    ]);
  });

  it('cannot record values for another lead’s action, nor a reader for any: the store refuses and nothing changes', async () => {
    const state = storeState(site.store);
    await expect(site.repository(LEAD).addIndicatorValues(site.otherAction, [{ indicatorId: 1, year: 2026, value: 1 }], '2026-01-10')).rejects.toThrow(
      'Seuls le chef de projet de cette action et la coordination du PST peuvent en saisir les indicateurs.',
    );
    await expect(site.repository(READER).addIndicatorValues(site.ownAction, [{ indicatorId: 1, year: 2026, value: 1 }], '2026-01-10')).rejects.toThrow();
    // With a REST client, straight into the other action's folder.
    const result = await site
      .sp(LEAD)
      .web.getList(listUrl(WEB, indicatorValuesList))
      .addValidateUpdateItemUsingPath([{ FieldName: 'PstValue', FieldValue: '1' }], checkInFolderPath(WEB, site.otherAction, indicatorValuesList))
      .then(
        () => 200,
        (e: { status?: number }) => e.status,
      );
    expect(result).toBe(403);
    expect(storeState(site.store)).toBe(state);
  });
});

describe('the provisioning upgrade', () => {
  it('creates the values list and each led action’s folder, given to its lead; a second run changes nothing', async () => {
    const values: { Id: string } = await site.sp(OWNER).web.getList(listUrl(WEB, indicatorValuesList)).select('Id')();
    await site.sp(OWNER).web.lists.getById(values.Id).delete();
    const report = await site.repository(OWNER).provisionLists();
    expect(report.changes).toContainEqual({ kind: 'listCreated', list: 'indicatorValues' });
    // The other lead may now record values on their action.
    const other = site.repository(OTHER_LEAD);
    const { indicators } = await site.repository(COORDINATOR).loadActionDetails(site.otherAction);
    const coordinator = site.repository(COORDINATOR);
    const withIndicator = await coordinator.saveIndicators(site.otherAction, [...indicators, indicator({ label: 'Bornes installées', unit: null, baseline: 0, target: 3 })], (await coordinator.loadActionDetails(site.otherAction)).indicatorsVersion!);
    const saved = await other.addIndicatorValues(site.otherAction, [{ indicatorId: withIndicator.indicators[0].id, year: 2026, value: 1 }], '2026-02-01');
    expect(saved.indicatorValues!.map((v) => v.value)).toEqual([1]);

    const state = storeState(site.store);
    const second = await site.repository(OWNER).provisionLists();
    expect(second.changes).toEqual([]);
    expect(second.permissionChanges).toEqual([]);
    expect(storeState(site.store)).toBe(state);
  });
});
