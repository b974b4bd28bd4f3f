import { dashboardFigures } from '../../src/domain/dashboard';
import { createAction, Plan } from '../../src/domain/model';
import { parsePeriod, isParseError } from '../../src/domain/parsing';

const TODAY = '2026-11-23';
const period = (text: string) => {
  const p = parsePeriod(text);
  if (!p || isParseError(p)) throw new Error(text);
  return p;
};
const plan: Plan = { id: 1, title: 'PST', organisation: null, startYear: 2025, endYear: 2030 };
const lead = { id: 7, displayName: 'Sophie Lambert', email: 'sophie.lambert@cpas.example' };

const input = {
  plan,
  sections: [],
  strategicObjectives: [
    { id: 1, code: '1', title: 'Accueil', volet: 'externe' as const, order: 1 },
    { id: 2, code: '2', title: 'Ressources humaines', volet: 'interne' as const, order: 2 },
  ],
  operationalObjectives: [
    { id: 11, code: '1.1', title: 'Guichet', strategicObjectiveId: 1, order: 1 },
    { id: 12, code: '1.2', title: 'Téléphone', strategicObjectiveId: 1, order: 2 },
    { id: 21, code: '2.1', title: 'Formation', strategicObjectiveId: 2, order: 1 },
  ],
  actions: [
    createAction({ id: 1, code: '1.1.1', title: 'A', operationalObjectiveIds: [11], status: 'EN_COURS', progressPercent: 50, plannedEnd: period('01/10/2026'), department: 'Accueil', projectLead: lead }),
    createAction({ id: 2, code: '1.1.2', title: 'B', operationalObjectiveIds: [11], status: 'TERMINE', plannedEnd: period('15/03/2026'), department: 'Accueil' }),
    createAction({ id: 3, code: '1.2.1', title: 'C', operationalObjectiveIds: [12, 11], status: 'PROBLEME', progressPercent: 20, plannedEnd: period('10/02/2027'), department: 'Informatique' }),
    createAction({ id: 4, code: '2.1.1', title: 'D', operationalObjectiveIds: [21], status: 'ANNULE_ABANDONNE', plannedEnd: period('2026') }),
    createAction({ id: 5, code: '2.1.2', title: 'E', operationalObjectiveIds: [21], department: 'Crèche', plannedEnd: period('09/2026') }),
  ],
};

describe('dashboardFigures', () => {
  const figures = dashboardFigures(input, TODAY);

  it('counts each action once at plan level, the transversal one included', () => {
    expect(figures.plan.total).toBe(5);
    expect(figures.plan.done).toBe(1);
    expect(figures.plan.cancelled).toBe(1);
    expect(figures.plan.blocked).toBe(1);
    // A (01/10/2026) and E (30/09/2026) are overdue; D is cancelled, B done, C not due
    expect(figures.plan.late).toBe(2);
    // done over non-cancelled: 1 / 4
    expect(figures.plan.realisationRate).toBeCloseTo(0.25);
    // progress over non-cancelled: (50 + 100 + 20 + 0) / 4
    expect(figures.plan.progress).toBeCloseTo(42.5);
  });

  it('gives the progress of each OS and OO, the shared action counting in both OO', () => {
    const os1 = figures.strategicObjectives.find((o) => o.id === 1)!;
    expect(os1.stats.total).toBe(3);
    expect(os1.stats.progress).toBeCloseTo((50 + 100 + 20) / 3);
    const oo11 = figures.operationalObjectives.find((o) => o.id === 11)!;
    const oo12 = figures.operationalObjectives.find((o) => o.id === 12)!;
    expect(oo11.stats.total).toBe(3);
    expect(oo12.stats.total).toBe(1);
    expect(oo12.strategicObjectiveId).toBe(1);
    const os2 = figures.strategicObjectives.find((o) => o.id === 2)!;
    expect(os2.stats.progress).toBe(0);
  });

  it('distributes statuses, unknown apart', () => {
    const count = (s: string | null) => figures.statusDistribution.find((d) => d.status === s)!.count;
    expect(count('EN_COURS')).toBe(1);
    expect(count('TERMINE')).toBe(1);
    expect(count('PROBLEME')).toBe(1);
    expect(count('ANNULE_ABANDONNE')).toBe(1);
    expect(count(null)).toBe(1);
    expect(count('NON_COMMENCE')).toBe(0);
  });

  it('lists late actions with their lead, most days late first', () => {
    expect(figures.lateActions.map((l) => [l.action.code, l.daysLate, l.lead?.displayName ?? null])).toEqual([
      ['2.1.2', 54, null],
      ['1.1.1', 53, 'Sophie Lambert'],
    ]);
  });

  it('groups by service, actions without one under an empty name', () => {
    expect(figures.services.map((s) => [s.service, s.stats.total])).toEqual([
      ['Accueil', 2],
      ['', 1],
      ['Crèche', 1],
      ['Informatique', 1],
    ]);
  });

  it('counts planned ends per quarter, with empty quarters in between and cancelled actions left out', () => {
    expect(figures.quarters.map((q) => [q.key, q.planned, q.done])).toEqual([
      ['2026-T1', 1, 1],
      ['2026-T2', 0, 0],
      ['2026-T3', 1, 0],
      ['2026-T4', 1, 0],
      ['2027-T1', 1, 0],
    ]);
  });

  it('has no quarters and no late actions for a plan without dates', () => {
    const empty = dashboardFigures({ ...input, actions: [createAction({ id: 9, title: 'X', operationalObjectiveIds: [11] })] }, TODAY);
    expect(empty.quarters).toEqual([]);
    expect(empty.lateActions).toEqual([]);
    expect(empty.plan.progress).toBe(0);
  });
});

describe('dashboard figures for the tiles and the blocked table', () => {
  it('counts the actions without a recent check-in and lists blocked then at-risk actions', () => {
    const figuresOf = dashboardFigures;
    const make = createAction;
    const lead = { displayName: 'Julien Leclercq' };
    const f = figuresOf(
      {
        plan: { id: 1, title: 'PST', organisation: null, startYear: 2025, endYear: 2030 },
        strategicObjectives: [{ id: 1, code: '1', title: 'OS', volet: null, order: 1 }],
        operationalObjectives: [{ id: 2, code: '1.1', title: 'OO', strategicObjectiveId: 1, order: 1 }],
        actions: [
          make({ id: 1, code: '1.1.3', title: 'À risque', operationalObjectiveIds: [2], status: 'EN_COURS', health: 'risque', lastCheckInDate: '2026-11-01', projectLead: lead }),
          make({ id: 2, code: '1.1.2', title: 'Problème', operationalObjectiveIds: [2], status: 'PROBLEME', lastCheckInDate: '2026-06-01' }),
          make({ id: 3, code: '1.1.1', title: 'Terminée à risque', operationalObjectiveIds: [2], status: 'TERMINE', health: 'risque' }),
          make({ id: 4, code: '1.1.4', title: 'Suivie', operationalObjectiveIds: [2], status: 'EN_COURS', lastCheckInDate: '2026-11-20' }),
        ],
      },
      '2026-11-23',
    );
    expect(f.stale).toBe(1);
    expect(f.attentionActions.map((a) => [a.action.id, a.kind, a.lastCheckInDate])).toEqual([
      [2, 'blocked', '2026-06-01'],
      [1, 'atRisk', '2026-11-01'],
    ]);
    expect(f.attentionActions[1].lead).toEqual(lead);
  });
});
