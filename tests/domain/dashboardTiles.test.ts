import { activeTile, filterForTile } from '../../src/domain/dashboardTiles';
import { filterFromQuery, filterToQuery } from '../../src/domain/links/filterQuery';
import { filterPlanData } from '../../src/domain/filter';
import { createAction } from '../../src/domain/model';

describe('dashboard tiles as filters', () => {
  it('sets the criterion of the tile, keeps the other criteria, and drops it on a second click', () => {
    const late = filterForTile({ search: 'accueil', mine: true }, 'late');
    expect(late).toEqual({ search: 'accueil', mine: true, lateness: ['overdue'] });
    expect(activeTile(late)).toBe('late');
    expect(filterForTile(late, 'late')).toEqual({ search: 'accueil', mine: true });
    expect(activeTile({ search: 'accueil' })).toBe('all');
  });

  it('lets one tile replace another, and « all » clear them', () => {
    const blocked = filterForTile(filterForTile({}, 'late'), 'blocked');
    expect(blocked).toEqual({ blocked: true });
    const stale = filterForTile(blocked, 'stale');
    expect(stale).toEqual({ lateness: ['stale'] });
    const done = filterForTile(stale, 'done');
    expect(done).toEqual({ statuses: ['TERMINE'] });
    expect(filterForTile({ ...done, departments: ['Accueil'] }, 'all')).toEqual({ departments: ['Accueil'] });
  });

  it('leaves a choice of the filter bar that is no tile alone, unless a tile on the same criterion is chosen', () => {
    const twoStatuses = { statuses: ['EN_COURS', 'PROBLEME'] } as const;
    expect(activeTile({ statuses: [...twoStatuses.statuses] })).toBe('all');
    expect(filterForTile({ statuses: [...twoStatuses.statuses] }, 'late')).toEqual({ statuses: ['EN_COURS', 'PROBLEME'], lateness: ['overdue'] });
    expect(filterForTile({ statuses: [...twoStatuses.statuses] }, 'done')).toEqual({ statuses: ['TERMINE'] });
  });

  it('writes the blocked tile in the URL and reads it back', () => {
    expect(filterToQuery({ blocked: true, lateness: ['overdue'] })).toBe('pst-echeance=retard&pst-bloque=1');
    expect(filterFromQuery('?pst-bloque=1')).toEqual({ blocked: true });
    expect(filterFromQuery('?pst-bloque=0')).toEqual({});
  });

  it('keeps blocked actions: status PROBLEME, or health blocage while open', () => {
    const data = {
      strategicObjectives: [{ id: 1, code: '1', title: 'OS', volet: null, order: 1 }],
      operationalObjectives: [{ id: 2, code: '1.1', title: 'OO', strategicObjectiveId: 1, order: 1 }],
      sections: [],
      actions: [
        createAction({ id: 1, title: 'Problème', operationalObjectiveIds: [2], status: 'PROBLEME' }),
        createAction({ id: 2, title: 'Blocage', operationalObjectiveIds: [2], status: 'EN_COURS', health: 'blocage' }),
        createAction({ id: 3, title: 'Terminée en blocage', operationalObjectiveIds: [2], status: 'TERMINE', health: 'blocage' }),
        createAction({ id: 4, title: 'En cours', operationalObjectiveIds: [2], status: 'EN_COURS' }),
      ],
    };
    expect(filterPlanData(data, { blocked: true }, { today: '2026-11-23' }).actions.map((a) => a.id)).toEqual([1, 2]);
  });
});
