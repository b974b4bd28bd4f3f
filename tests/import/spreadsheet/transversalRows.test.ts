/** A transversal action in the template: one row with its fields, others repeating its code and title under other OO. */
import { outlineFromRows } from '../../../src/import/spreadsheet/rowsToOutline';
import { planFromOutline } from '../../../src/import/toPlan';

const HEADER = ['Niveau', 'Code', 'Intitulé', 'Parent (code ou intitulé)', 'Service pilote'];

function planOf(rows: string[][]) {
  return planFromOutline(outlineFromRows([HEADER, ...rows]).outline);
}

describe('transversal action rows', () => {
  const os = ['Objectif stratégique', '1', 'Un CPAS proche', '', ''];
  const oo1 = ['Objectif opérationnel', '1.1', 'Accueillir', '1', ''];
  const oo2 = ['Objectif opérationnel', '1.2', 'Informer', '1', ''];

  it('the row with the fields first: one action, its OO first', () => {
    const plan = planOf([os, oo1, ['Action', '1.1.1', 'Borne', '1.1', 'Informatique'], oo2, ['Action', '1.1.1', 'Borne', '1.2', '']]);
    expect(plan.actions).toHaveLength(1);
    expect(plan.actions[0]).toMatchObject({ operationalObjectiveIds: [1, 2], department: 'Informatique', order: 1 });
  });

  it('the row with the fields after a row listing it: still one action, the OO of the fields first', () => {
    const plan = planOf([
      os,
      oo1,
      ['Action', '1.1.0', 'Autre', '1.1', ''],
      ['Action', '1.2.1', 'Borne', '1.1', ''],
      oo2,
      ['Action', '1.2.1', 'Borne', '1.2', 'Informatique'],
    ]);
    expect(plan.actions.map((a) => a.title)).toEqual(['Autre', 'Borne']);
    expect(plan.actions[1]).toMatchObject({ operationalObjectiveIds: [2, 1], department: 'Informatique', order: 1 });
  });

  it('the same code with another title is not the same action', () => {
    const parsed = outlineFromRows([HEADER, os, oo1, ['Action', '1.1.1', 'Borne', '1.1', ''], oo2, ['Action', '1.1.1', 'Guichet', '1.2', '']]);
    expect(planFromOutline(parsed.outline).actions).toHaveLength(2);
    expect(parsed.anomalies.some((a) => a.kind === 'duplicateCode')).toBe(true);
  });
});
