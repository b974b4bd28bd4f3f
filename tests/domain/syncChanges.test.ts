import { createAction, PlanData } from '../../src/domain/model';
import { parsePeriod, isParseError } from '../../src/domain/parsing';
import { planSync } from '../../src/domain/planSync';
import type { PstSnapshot } from '../../src/domain/snapshot';
import { syncChanges, valueText } from '../../src/domain/syncChanges';

const period = (text: string) => {
  const p = parsePeriod(text);
  if (!p || isParseError(p)) throw new Error(text);
  return p;
};

const stored: PstSnapshot = {
  plans: [{ id: 1, title: 'PST 2025-2030', organisation: 'CPAS', startYear: 2025, endYear: 2030 }],
  sections: [],
  strategicObjectives: [{ id: 10, code: '1', title: 'Accueil', volet: 'externe', order: 1, planId: 1 }],
  operationalObjectives: [{ id: 20, code: '1.1', title: 'Guichet', strategicObjectiveId: 10, order: 1 }],
  actions: [createAction({ id: 30, code: '1.1.1', title: 'Horaires', operationalObjectiveIds: [20], department: 'Accueil', plannedEnd: period('2026') })],
  indicators: [],
};

const document: PlanData = {
  plan: { id: -1, title: 'PST 2025-2030', organisation: 'CPAS', startYear: 2025, endYear: 2030 },
  sections: [],
  strategicObjectives: [{ id: -10, code: '1', title: 'Accueil', volet: 'externe', order: 1 }],
  operationalObjectives: [
    { id: -20, code: '1.1', title: 'Guichet unique', strategicObjectiveId: -10, order: 1 },
    { id: -21, code: '1.2', title: 'Permanences', strategicObjectiveId: -10, order: 2 },
  ],
  actions: [createAction({ id: -30, code: '1.1.1', title: 'Horaires', operationalObjectiveIds: [-20], department: 'Service social', plannedEnd: period('06/2027') })],
};

describe('syncChanges', () => {
  it('lists each change old → new and each addition, parents first', () => {
    const rows = syncChanges(stored, planSync(stored, document, { planId: 1 }), 'PST 2025-2030');
    expect(rows).toEqual(
      expect.arrayContaining([
        { kind: 'operationalObjective', item: '1.2 Permanences', field: null, before: '–', after: 'ajouté' },
        { kind: 'operationalObjective', item: '1.1 Guichet', field: 'title', before: 'Guichet', after: 'Guichet unique' },
        { kind: 'action', item: '1.1.1 Horaires', field: 'department', before: 'Accueil', after: 'Service social' },
        { kind: 'action', item: '1.1.1 Horaires', field: 'plannedEnd', before: '2026', after: '06/2027' },
      ]),
    );
    const kinds = rows.map((r) => r.kind);
    expect(kinds.indexOf('operationalObjective')).toBeLessThan(kinds.indexOf('action'));
  });
  it('the same document again changes nothing', () => {
    const same: PlanData = { ...document, operationalObjectives: [{ ...document.operationalObjectives[0], title: 'Guichet' }], actions: [createAction({ ...stored.actions[0], id: -30, operationalObjectiveIds: [-20] })] };
    expect(syncChanges(stored, planSync(stored, same, { planId: 1 }))).toEqual([]);
  });
  it('shows values as people read them', () => {
    expect(valueText(null)).toBe('–');
    expect(valueText([])).toBe('–');
    expect(valueText(['PCS', 'PPI'])).toBe('PCS, PPI');
    expect(valueText({ displayName: 'Sophie Lambert' })).toBe('Sophie Lambert');
    expect(valueText(true)).toBe('oui');
    expect(valueText(12.5)).toBe('12,5');
    expect(valueText(1234.5)).toMatch(/^1\s234,5$/);
  });
});
