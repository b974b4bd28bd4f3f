import { hasNameOnlyLead, leadNamesToDesignate } from '../../src/domain/leadNames';
import { createAction } from '../../src/domain/model';

describe('the names the leads grid lists', () => {
  const actions = [
    createAction({ id: 1, title: 'a', projectLead: { displayName: 'LECLERCQ Julien' } }),
    createAction({ id: 2, title: 'b', projectLead: { displayName: 'Julien Leclercq ' } }),
    createAction({ id: 3, title: 'c', projectLead: { displayName: 'Élise Martin' } }),
    createAction({ id: 4, title: 'd', projectLead: { id: 9, displayName: 'Marc Dubois', email: 'marc@cpas.example' } }),
    createAction({ id: 5, title: 'e', projectLead: null }),
    createAction({ id: 6, title: 'f', projectLead: { displayName: '  ' } }),
    createAction({ id: 7, title: 'g', projectLead: { displayName: 'Directeur général' } }),
  ];

  it('keeps only names without an account', () => {
    expect(actions.filter(hasNameOnlyLead).map((a) => a.id)).toEqual([1, 2, 3, 7]);
  });

  it('one row per person however the name was written, every action listed, sorted the French way', () => {
    const rows = leadNamesToDesignate(actions);
    expect(rows.map((r) => [r.name, r.writtenAs, r.actions.map((a) => a.id)])).toEqual([
      ['Directeur général', ['Directeur général'], [7]],
      ['Élise Martin', ['Élise Martin'], [3]],
      ['LECLERCQ Julien', ['LECLERCQ Julien', 'Julien Leclercq'], [1, 2]],
    ]);
    expect(leadNamesToDesignate([])).toEqual([]);
  });
});
