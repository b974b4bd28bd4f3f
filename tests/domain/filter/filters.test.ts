import { Action, PlanTreeInput, buildPlanTree, rollUp } from '../../../src/domain';
import {
  PstFilter,
  actionMatches,
  activeCriteriaCount,
  createMatchContext,
  filterOptions,
  filterPlanData,
  isEmptyFilter,
  isMine,
  isSamePerson,
  leadKey,
  normalizeFilter,
  prepareSearch,
  searchTerms,
} from '../../../src/domain/filter';
import { PLAN, action, oo, os, period, section, subAction } from '../fixtures';

const TODAY = '2024-06-15';
const ME = { id: 7, displayName: 'Marie Dupont', email: 'Marie.Dupont@cpas-test.be' };

/**
 * Section 100 (volet interne) ⊃ OS 1 "Améliorer l'accueil" (code 1) → OO 11 "Accueil téléphonique" (1.1), OO 12 "Élaboration du plan" (1.2)
 * OS 2 "Renforcer l'insertion" (OS 200, volet externe) → OO 21 "Insertion socio-professionnelle" (OO 201), OO 22 (empty)
 */
function data(actions: Action[]): PlanTreeInput {
  return {
    plan: PLAN,
    sections: [section(100, { title: 'Ressources', volet: 'interne' }), section(101, { title: 'Vide', volet: 'interne' })],
    strategicObjectives: [
      os(1, { code: '1', title: "Améliorer l'accueil", volet: null, sectionId: 100 }),
      os(2, { code: 'OS 200', title: "Renforcer l'insertion", volet: 'externe' }),
    ],
    operationalObjectives: [
      oo(11, 1, { code: '1.1', title: 'Accueil téléphonique' }),
      oo(12, 1, { code: '1.2', title: 'Élaboration du plan' }),
      oo(21, 2, { code: 'OO 201', title: 'Insertion socio-professionnelle' }),
      oo(22, 2, { code: 'OO 202', title: 'Logement' }),
    ],
    actions,
  };
}

const ACTIONS: Action[] = [
  // transversal: serves OO 11 (interne) and OO 21 (externe)
  action(1, [11, 21], {
    code: '1.1.1',
    title: 'Guichet unique',
    status: 'EN_COURS',
    progressPercent: 40,
    department: 'Service social',
    projectLead: { displayName: 'Marie Dupont', email: 'marie.dupont@cpas-test.be' },
    labels: ['PCS'],
    sdgs: [1, 10],
    plannedEnd: period('31/03/2024'),
  }),
  action(2, [11], {
    code: '1.1.2',
    title: 'Téléphonie',
    status: 'TERMINE',
    department: 'Service informatique',
    projectLead: { displayName: 'Jean Martin' },
    priority: 'niveau1',
    plannedEnd: period('2023'),
  }),
  action(3, [12], {
    code: '1.2.1',
    title: 'Réécriture des procédures',
    status: null,
    statusText: 'Indéterminé',
    department: 'service  SOCIAL',
    team: [{ displayName: 'Marie Dupont' }],
    health: 'risque',
    plannedEnd: period('12/2024'),
  }),
  action(4, [21], {
    code: 'OO 201.1',
    title: 'Ateliers emploi',
    status: 'PROBLEME',
    progressPercent: 10,
    health: 'blocage',
    department: 'Insertion',
    projectLead: { id: 7, displayName: 'M. Dupont' },
    labels: ['Etats généraux', 'PCS'],
    sdgs: [8],
    plannedEnd: period('05/2024'),
  }),
  // sub-actions of 4
  subAction(41, 4, { title: 'Recrutement formateur', status: 'TERMINE', department: 'GRH' }),
  subAction(42, 4, { title: 'Salle équipée', status: 'EN_COURS', progressPercent: 20, priority: 'obligatoire' }),
  // orphan: no OO
  action(5, [], { title: 'Action sans objectif', status: 'NON_COMMENCE' }),
];

const INPUT = data(ACTIONS);
const run = (filter: PstFilter, options: { me?: typeof ME | null; today?: string } = {}) =>
  filterPlanData(INPUT, filter, { today: options.today ?? TODAY, me: options.me === undefined ? ME : options.me });
const ids = (items: readonly { id: number }[]) => items.map((i) => i.id);
const actionOf = (result: PlanTreeInput, id: number) => result.actions.find((a) => a.id === id);

describe('isEmptyFilter / normalizeFilter / activeCriteriaCount', () => {
  it('treats undefined, empty lists, blank search and mine:false as no criterion', () => {
    expect(isEmptyFilter(undefined)).toBe(true);
    expect(isEmptyFilter({})).toBe(true);
    expect(isEmptyFilter({ search: '  \u00a0 ', volets: [], statuses: [], sdgs: [], mine: false })).toBe(true);
    expect(isEmptyFilter({ search: 'a' })).toBe(false);
    expect(isEmptyFilter({ statuses: ['unknown'] })).toBe(false);
    expect(isEmptyFilter({ mine: true })).toBe(false);
    expect(isEmptyFilter({ lateness: ['overdue'] })).toBe(false);
  });

  it('counts criteria and drops the empty ones', () => {
    expect(activeCriteriaCount({ search: 'x', volets: ['interne'], departments: [], mine: true })).toBe(3);
    expect(normalizeFilter({ search: ' ', volets: [], labels: ['PCS'], mine: false })).toEqual({ labels: ['PCS'] });
  });

  it('returns the input itself when the filter is empty (memo-friendly, empty OO kept)', () => {
    expect(run({})).toBe(INPUT);
    expect(run({ search: '   ', statuses: [] })).toBe(INPUT);
    expect(ids(run({}).operationalObjectives)).toEqual([11, 12, 21, 22]);
  });
});

describe('search: titles and codes of actions and of their OS/OO, accent- and case-insensitive', () => {
  it('finds an action by an accent-less, lower-case word of its title', () => {
    const result = run({ search: 'telephonie' });
    expect(ids(result.actions)).toEqual([2]);
    expect(ids(result.operationalObjectives)).toEqual([11]);
    expect(ids(result.strategicObjectives)).toEqual([1]);
    expect(ids(result.sections!)).toEqual([100]);
  });

  it('finds by code, including a code written with spaces', () => {
    expect(ids(run({ search: '1.2.1' }).actions)).toEqual([3]);
    expect(ids(run({ search: 'oo 201.1' }).actions)).toEqual([4, 41, 42]);
    expect(ids(run({ search: 'OO201.1' }).actions)).toEqual([4, 41, 42]);
  });

  it('matches accents in the search against plain text and curly apostrophes', () => {
    expect(ids(run({ search: 'RÉÉCRITURE' }).actions)).toEqual([3]);
    expect(ids(run({ search: 'améliorer l’accueil' }).actions)).toEqual([1, 2, 3]);
  });

  it('requires every word, each found in the action or in its OO/OS', () => {
    // "guichet" is in the action, "insertion" in its external OO/OS only
    const result = run({ search: 'guichet insertion' });
    expect(ids(result.actions)).toEqual([1]);
    expect(actionOf(result, 1)!.operationalObjectiveIds).toEqual([21]);
    expect(ids(run({ search: 'guichet logement' }).actions)).toEqual([]);
  });

  it('a match on the OO title keeps every action of that OO, and OS titles work too', () => {
    expect(ids(run({ search: 'elaboration' }).actions)).toEqual([3]);
    expect(ids(run({ search: 'OS 200' }).actions)).toEqual([1, 4, 41, 42]);
  });

  it('a transversal action matched by its own title stays under both OO', () => {
    const result = run({ search: 'guichet' });
    expect(actionOf(result, 1)!.operationalObjectiveIds).toEqual([11, 21]);
    expect(actionOf(result, 1)).toBe(ACTIONS[0]);
    expect(ids(result.operationalObjectives)).toEqual([11, 21]);
    expect(ids(result.strategicObjectives)).toEqual([1, 2]);
  });

  it('a transversal action matched only through one OO keeps only that OO', () => {
    const result = run({ search: 'telephonique' });
    expect(ids(result.actions)).toEqual([1, 2]);
    expect(actionOf(result, 1)!.operationalObjectiveIds).toEqual([11]);
    expect(ids(result.operationalObjectives)).toEqual([11]);
  });

  it('splits the search into normalised words', () => {
    expect(searchTerms('  Œuvre   d’ART ')).toEqual(['oeuvre', "d'art"]);
    expect(searchTerms(' ')).toEqual([]);
  });
});

describe('search index made ahead (prepareSearch)', () => {
  it('keeps exactly what a search without it keeps, for the same data and for a copy', () => {
    const prepared = data(ACTIONS);
    prepareSearch(prepared);
    for (const search of ['accueil', 'guichet', 'os200', 'insertion guichet', 'zzz']) {
      const fresh = filterPlanData(data(ACTIONS), { search }, { today: TODAY });
      const ahead = filterPlanData(prepared, { search }, { today: TODAY });
      expect(ahead.actions.map((a) => [a.id, a.operationalObjectiveIds])).toEqual(fresh.actions.map((a) => [a.id, a.operationalObjectiveIds]));
    }
    expect(filterPlanData(prepared, { search: 'guichet' }, { today: TODAY }).actions.length).toBeGreaterThan(0);
  });
});

describe('sub-actions', () => {
  it('a parent is kept when one of its sub-actions matches, with only that sub-action', () => {
    const result = run({ search: 'recrutement' });
    expect(ids(result.actions)).toEqual([4, 41]);
    expect(ids(result.operationalObjectives)).toEqual([21]);
  });

  it('a sub-action matches when its parent does', () => {
    expect(ids(run({ statuses: ['PROBLEME'] }).actions)).toEqual([4, 41, 42]);
  });

  it('a sub-action is tested under the OO of its parent (volet, OO title)', () => {
    expect(ids(run({ volets: ['externe'], departments: ['GRH'] }).actions)).toEqual([4, 41]);
    expect(ids(run({ volets: ['interne'], departments: ['GRH'] }).actions)).toEqual([]);
    expect(ids(run({ search: 'insertion salle' }).actions)).toEqual([4, 42]);
  });

  it('the parent progress is then rolled up from the kept sub-actions only', () => {
    const result = run({ priorities: ['obligatoire'] });
    expect(ids(result.actions)).toEqual([4, 42]);
    const rollup = rollUp(buildPlanTree(result), { today: TODAY });
    expect(rollup.actions.get(4)!.progress).toBe(20);
    expect(rollup.operationalObjectives.get(21)!.total).toBe(1);
  });

  it('actionMatches looks at the action alone', () => {
    const ctx = createMatchContext(INPUT, { search: 'recrutement' }, { today: TODAY });
    expect(actionMatches(ACTIONS[3], ctx)).toBe(false);
    expect(actionMatches(ACTIONS[4], ctx)).toBe(true);
  });
});

describe('volets', () => {
  it('uses the OS volet, or the volet of its section', () => {
    const interne = run({ volets: ['interne'] });
    expect(ids(interne.actions)).toEqual([1, 2, 3]);
    expect(actionOf(interne, 1)!.operationalObjectiveIds).toEqual([11]);
    expect(ids(interne.strategicObjectives)).toEqual([1]);
    expect(ids(interne.sections!)).toEqual([100]);
    const externe = run({ volets: ['externe'] });
    expect(ids(externe.actions)).toEqual([1, 4, 41, 42]);
    expect(actionOf(externe, 1)!.operationalObjectiveIds).toEqual([21]);
    expect(externe.sections).toEqual([]);
  });

  it('an action without OO has no volet', () => {
    expect(run({ volets: ['interne', 'externe', 'transversal'] }).actions.map((a) => a.id)).not.toContain(5);
  });

  it('without lookups, actionMatches sees no OS and no volet', () => {
    expect(actionMatches(ACTIONS[1], { filter: { volets: ['interne'] }, today: TODAY })).toBe(false);
    expect(actionMatches(ACTIONS[1], { filter: { search: 'téléphonie' }, today: TODAY })).toBe(true);
  });
});

describe('fields of the action', () => {
  it('departments: exact after normalisation (case, spaces, accents), not a substring', () => {
    expect(ids(run({ departments: ['Service social'] }).actions)).toEqual([1, 3]);
    expect(ids(run({ departments: ['SERVICE SOCIAL'] }).actions)).toEqual([1, 3]);
    expect(ids(run({ departments: ['Service'] }).actions)).toEqual([]);
    expect(ids(run({ departments: ['insertion', 'Service informatique'] }).actions)).toEqual([2, 4, 41, 42]);
  });

  it('leads: by e-mail (any case) when known, else by display name', () => {
    expect(ids(run({ leads: ['MARIE.DUPONT@cpas-test.be'] }).actions)).toEqual([1]);
    expect(ids(run({ leads: ['Jean Martin'] }).actions)).toEqual([2]);
    expect(ids(run({ leads: ['jean martin'] }).actions)).toEqual([2]);
    // the name of a lead known by e-mail is not its key
    expect(ids(run({ leads: ['Marie Dupont'] }).actions)).toEqual([]);
    expect(leadKey({ displayName: ' Jean Martin ' })).toBe('Jean Martin');
    expect(leadKey({ displayName: 'X', email: ' A@B.be ' })).toBe('a@b.be');
    expect(leadKey(null)).toBeNull();
  });

  it('statuses: "unknown" selects the actions without status', () => {
    expect(ids(run({ statuses: ['unknown'] }).actions)).toEqual([3]);
    expect(ids(run({ statuses: ['TERMINE'] }).actions)).toEqual([2, 4, 41]);
    expect(ids(run({ statuses: ['unknown', 'NON_COMMENCE'] }).actions)).toEqual([3, 5]);
  });

  it('healths, priorities, labels (normalised) and ODD', () => {
    expect(ids(run({ healths: ['blocage', 'risque'] }).actions)).toEqual([3, 4, 41, 42]);
    expect(ids(run({ priorities: ['niveau1'] }).actions)).toEqual([2]);
    expect(ids(run({ labels: ['etats generaux'] }).actions)).toEqual([4, 41, 42]);
    expect(ids(run({ labels: ['pcs'] }).actions)).toEqual([1, 4, 41, 42]);
    expect(ids(run({ sdgs: [10, 8] }).actions)).toEqual([1, 4, 41, 42]);
    expect(ids(run({ sdgs: [17] }).actions)).toEqual([]);
  });

  it('combines criteria with AND, values of one criterion with OR', () => {
    expect(ids(run({ labels: ['PCS'], statuses: ['EN_COURS'] }).actions)).toEqual([1]);
    expect(ids(run({ labels: ['PCS'], statuses: ['EN_COURS', 'PROBLEME'] }).actions)).toEqual([1, 4, 41, 42]);
  });
});

describe('lateness at a given today', () => {
  it('overdue depends on today', () => {
    // 1 ends 31/03/2024, 4 ends 31/05/2024, 3 ends 31/12/2024, 2 is done
    expect(ids(run({ lateness: ['overdue'] }, { today: '2024-06-15' }).actions)).toEqual([1, 4, 41, 42]);
    expect(ids(run({ lateness: ['overdue'] }, { today: '2024-04-15' }).actions)).toEqual([1]);
    expect(ids(run({ lateness: ['overdue'] }, { today: '2025-01-01' }).actions)).toEqual([1, 3, 4, 41, 42]);
    expect(ids(run({ lateness: ['overdue'] }, { today: '2024-01-01' }).actions)).toEqual([]);
  });

  it('dueSoon, done, unscheduled (active actions only) and flags such as stale', () => {
    expect(ids(run({ lateness: ['dueSoon'] }, { today: '2024-12-10' }).actions)).toEqual([3]);
    expect(ids(run({ lateness: ['done'] }).actions)).toEqual([2, 4, 41]);
    expect(ids(run({ lateness: ['unscheduled'] }).actions)).toEqual([4, 42, 5]);
    const stale = filterPlanData(
      data([action(9, [11], { status: 'EN_COURS', plannedEnd: period('2024'), lastCheckInDate: '2024-01-01' })]),
      { lateness: ['stale'] },
      { today: TODAY },
    );
    expect(ids(stale.actions)).toEqual([9]);
  });
});

describe('mine', () => {
  it('lead or team member, by e-mail, else id, else display name', () => {
    // 1: lead by e-mail (case differs); 3: team member by name only; 4: lead by id
    expect(ids(run({ mine: true }).actions)).toEqual([1, 3, 4, 41, 42]);
  });

  it('does not fall back to the name when both e-mails are known and differ', () => {
    const other = { id: 99, displayName: 'Marie Dupont', email: 'marie.dupont@autre.be' };
    // 1: e-mails differ; 3: no e-mail on the team member, no id → name matches; 4: ids differ
    expect(ids(run({ mine: true }, { me: other }).actions)).toEqual([3]);
  });

  it('nothing is mine without me', () => {
    expect(run({ mine: true }, { me: null }).actions).toEqual([]);
  });

  it('isSamePerson and isMine', () => {
    expect(isSamePerson({ displayName: 'A', email: 'x@y.be' }, { displayName: 'B', email: 'X@Y.BE' })).toBe(true);
    expect(isSamePerson({ id: 1, displayName: 'A' }, { id: 1, displayName: 'B' })).toBe(true);
    expect(isSamePerson({ id: 1, displayName: 'A' }, { id: 2, displayName: 'A' })).toBe(false);
    expect(isSamePerson({ displayName: 'Hélène Noël' }, { displayName: 'helene noel' })).toBe(true);
    expect(isSamePerson({ displayName: '' }, { displayName: '' })).toBe(false);
    expect(isMine(ACTIONS[2], ME)).toBe(true);
    expect(isMine(ACTIONS[1], ME)).toBe(false);
  });
});

describe('structure kept', () => {
  it('keeps orphan actions that match, and drops OO, OS and sections left empty', () => {
    const result = run({ statuses: ['NON_COMMENCE'] });
    expect(ids(result.actions)).toEqual([5]);
    expect(result.operationalObjectives).toEqual([]);
    expect(result.strategicObjectives).toEqual([]);
    expect(result.sections).toEqual([]);
    expect(result.plan).toBe(PLAN);
  });

  it('keeps the ancestors of a nested section', () => {
    const input = {
      ...data([action(1, [11])]),
      sections: [section(100, { volet: 'interne' }), section(110, { parentSectionId: 100 }), section(120)],
      strategicObjectives: [os(1, { sectionId: 110 })],
      operationalObjectives: [oo(11, 1)],
    };
    expect(ids(filterPlanData(input, { search: 'action' }, { today: TODAY }).sections!)).toEqual([100, 110]);
    // and the volet of the parent section counts for the OS
    expect(ids(filterPlanData(input, { volets: ['interne'] }, { today: TODAY }).actions)).toEqual([1]);
  });

  it('passes other fields (plans, indicators) through', () => {
    const snapshot = { plans: [PLAN], sections: [], strategicObjectives: INPUT.strategicObjectives, operationalObjectives: INPUT.operationalObjectives, actions: ACTIONS, indicators: [] };
    const result = filterPlanData(snapshot, { search: 'guichet' }, { today: TODAY });
    expect(result.plans).toBe(snapshot.plans);
    expect(result.indicators).toBe(snapshot.indicators);
  });

  it('the tree and roll-up of the filtered data count only the matching actions', () => {
    const result = run({ departments: ['Service social'] });
    const rollup = rollUp(buildPlanTree(result), { today: TODAY });
    expect(rollup.plan.total).toBe(2);
    expect(rollup.strategicObjectives.get(1)!.total).toBe(2);
    expect(rollup.strategicObjectives.get(1)!.progress).toBeCloseTo(20, 10); // (40 + 0) / 2
    expect(rollup.operationalObjectives.get(21)!.total).toBe(1);
  });

  it('handles 5,000 actions quickly', () => {
    const many: Action[] = [];
    for (let i = 0; i < 5000; i++) many.push(action(1000 + i, [i % 2 ? 11 : 21], { title: `Action numéro ${i}`, department: i % 3 ? 'A' : 'B' }));
    const input = data(many);
    const started = Date.now();
    const result = filterPlanData(input, { search: 'numero 12', departments: ['b'] }, { today: TODAY });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.actions.length).toBeGreaterThan(0);
    expect(result.actions.every((a) => a.department === 'B' && /12/.test(a.title))).toBe(true);
  });
});

describe('filterOptions', () => {
  const options = filterOptions(INPUT);

  it('lists the distinct values present, normalised, in display order', () => {
    expect(options.volets).toEqual(['interne', 'externe']);
    expect(options.departments.map((d) => d.text)).toEqual(['GRH', 'Insertion', 'Service informatique', 'Service social']);
    expect(options.departments.find((d) => d.text === 'Service social')!.count).toBe(2);
    expect(options.statuses).toEqual(['NON_COMMENCE', 'EN_COURS', 'PROBLEME', 'TERMINE', 'unknown']);
    expect(options.healths).toEqual(['risque', 'blocage']);
    expect(options.priorities).toEqual(['niveau1', 'obligatoire']);
    expect(options.labels.map((l) => [l.key, l.count])).toEqual([
      ['Etats généraux', 1],
      ['PCS', 2],
    ]);
    expect(options.sdgs).toEqual([1, 8, 10]);
  });

  it('leads: keyed by e-mail or name, shown by display name', () => {
    expect(options.leads).toEqual([
      { key: 'Jean Martin', text: 'Jean Martin', count: 1 },
      { key: 'M. Dupont', text: 'M. Dupont', count: 1 },
      { key: 'marie.dupont@cpas-test.be', text: 'Marie Dupont', count: 1 },
    ]);
  });

  it('every option filters to at least one action', () => {
    for (const d of options.departments) expect(run({ departments: [d.key] }).actions.length).toBeGreaterThan(0);
    for (const l of options.leads) expect(run({ leads: [l.key] }).actions.length).toBeGreaterThan(0);
    for (const s of options.statuses) expect(run({ statuses: [s] }).actions.length).toBeGreaterThan(0);
  });

  it('tells apart two leads with the same name', () => {
    const result = filterOptions(
      data([
        action(1, [11], { projectLead: { displayName: 'Anne Leroy', email: 'anne.leroy@cpas.be' } }),
        action(2, [11], { projectLead: { displayName: 'Anne Leroy' } }),
      ]),
    );
    expect(result.leads.map((l) => l.text)).toEqual(['Anne Leroy', 'Anne Leroy (anne.leroy@cpas.be)']);
  });
});
