import { Action, PlanRollup, Section, buildPlanTree, effectiveWeight, rollUp, rollUpPlanAndObjectives } from '../../src/domain';
import { PLAN, action, oo, os, period, section, subAction } from './fixtures';

const TODAY = '2024-06-15';

function rollUpOf(actions: Action[], options: { sections?: Section[]; extraOo?: boolean } = {}): PlanRollup {
  // OS 1 holds OO 11 and OO 12; OS 2 holds OO 21 (and OO 22, empty, when asked).
  const operationalObjectives = [oo(11, 1), oo(12, 1), oo(21, 2)];
  if (options.extraOo) operationalObjectives.push(oo(22, 2));
  const tree = buildPlanTree({
    plan: PLAN,
    sections: options.sections,
    strategicObjectives: [os(1, { volet: 'interne', sectionId: options.sections ? 100 : null }), os(2, { volet: 'externe' })],
    operationalObjectives,
    actions,
  });
  return rollUp(tree, { today: TODAY });
}

function stats(result: PlanRollup, kind: 'oo' | 'os', id: number) {
  const found = kind === 'oo' ? result.operationalObjectives.get(id) : result.strategicObjectives.get(id);
  if (!found) throw new Error(`no stats for ${kind} ${id}`);
  return found;
}

describe('roll-up: a transversal action counts once per node', () => {
  // t: under OO 11 and OO 12 (same OS), 40 %.  x: OO 11, done (its 60 % is ignored: done = 100).
  // y: OO 12, cancelled (its 90 % is ignored).  z: OO 12, in progress without a figure (0, "sans donnée").
  const actions = [
    action(1, [11, 12], { title: 't', status: 'EN_COURS', progressPercent: 40 }),
    action(2, [11], { title: 'x', status: 'TERMINE', progressPercent: 60 }),
    action(3, [12], { title: 'y', status: 'ANNULE_ABANDONNE', progressPercent: 90 }),
    action(4, [12], { title: 'z', status: 'EN_COURS' }),
  ];
  const result = rollUpOf(actions);

  it('OO 11: mean of t (40) and x (100) = 70', () => {
    const s = stats(result, 'oo', 11);
    expect(s.progress).toBeCloseTo(70, 10);
    expect(s.total).toBe(2);
    expect(s.done).toBe(1);
    expect(s.realisationRate).toBeCloseTo(1 / 2, 10);
  });

  it('OO 12: t (40) and z (0); y cancelled is out of the mean but counted', () => {
    const s = stats(result, 'oo', 12);
    expect(s.progress).toBeCloseTo(20, 10);
    expect(s.total).toBe(3);
    expect(s.cancelled).toBe(1);
    expect(s.noData).toBe(1);
    expect(s.byStatus.ANNULE_ABANDONNE).toBe(1);
    expect(s.byStatus.EN_COURS).toBe(2);
    expect(s.realisationRate).toBe(0);
  });

  it('OS 1: t counted once → (40 + 100 + 0) / 3, not (40 + 40 + 100 + 0) / 4', () => {
    const s = stats(result, 'os', 1);
    expect(s.progress).toBeCloseTo(140 / 3, 10);
    expect(s.total).toBe(4);
    expect(s.done).toBe(1);
    expect(s.cancelled).toBe(1);
    expect(s.realisationRate).toBeCloseTo(1 / 3, 10);
  });

  it('plan and volet: the same four actions; OS 2 and its empty OO are "sans objet"', () => {
    expect(result.plan.progress).toBeCloseTo(140 / 3, 10);
    expect(result.plan.total).toBe(4);
    expect(result.volets.get('interne')?.progress).toBeCloseTo(140 / 3, 10);
    expect(stats(result, 'os', 2).progress).toBeNull();
    expect(stats(result, 'os', 2).total).toBe(0);
    expect(stats(result, 'oo', 21).progress).toBeNull();
    expect(stats(result, 'oo', 21).realisationRate).toBeNull();
  });

  it('keeps the per-action detail', () => {
    expect(result.actions.get(2)).toMatchObject({ progress: 100, source: 'done', noData: false });
    expect(result.actions.get(3)).toMatchObject({ progress: null, source: 'cancelled' });
    expect(result.actions.get(4)).toMatchObject({ progress: 0, source: 'own', noData: true });
  });
});

describe('roll-up: an action shared across two OS', () => {
  it('counts in each OS and once in the plan', () => {
    const result = rollUpOf([
      action(1, [11, 21], { progressPercent: 80 }),
      action(2, [11], { progressPercent: 20 }),
      action(3, [21], { progressPercent: 50 }),
    ]);
    expect(stats(result, 'os', 1).progress).toBeCloseTo(50, 10); // (80 + 20) / 2
    expect(stats(result, 'os', 2).progress).toBeCloseTo(65, 10); // (80 + 50) / 2
    expect(result.plan.progress).toBeCloseTo(50, 10); // (80 + 20 + 50) / 3
    expect(result.plan.total).toBe(3);
  });
});

describe('roll-up: weights', () => {
  it('weights the mean by Action.weight', () => {
    const result = rollUpOf([
      action(1, [11, 12], { progressPercent: 40 }),
      action(2, [11], { status: 'TERMINE', weight: 3 }),
      action(4, [12], {}),
    ]);
    expect(stats(result, 'oo', 11).progress).toBeCloseTo((40 * 1 + 100 * 3) / 4, 10); // 85
    expect(stats(result, 'os', 1).progress).toBeCloseTo((40 + 300 + 0) / 5, 10); // 68
  });

  it('treats a negative or missing weight as 1, and all-zero weights as a plain mean', () => {
    expect(effectiveWeight({ weight: -2 })).toBe(1);
    expect(effectiveWeight({ weight: NaN })).toBe(1);
    expect(effectiveWeight({ weight: undefined as unknown as number })).toBe(1);
    expect(effectiveWeight({ weight: 0 })).toBe(0);
    const zeroes = rollUpOf([action(1, [11], { progressPercent: 30, weight: 0 }), action(2, [11], { progressPercent: 60, weight: 0 })]);
    expect(stats(zeroes, 'oo', 11).progress).toBeCloseTo(45, 10);
    const oneZero = rollUpOf([action(1, [11], { progressPercent: 30, weight: 0 }), action(2, [11], { progressPercent: 60 })]);
    expect(stats(oneZero, 'oo', 11).progress).toBeCloseTo(60, 10);
  });

  it('clamps an impossible stored percent to 0–100', () => {
    const result = rollUpOf([action(1, [11], { progressPercent: 150 }), action(2, [11], { progressPercent: -20 })]);
    expect(stats(result, 'oo', 11).progress).toBeCloseTo(50, 10);
  });
});

describe('roll-up: sub-actions', () => {
  const parent = action(1, [11], { status: 'EN_COURS', progressPercent: 10 });

  it('an action with sub-actions takes their weighted mean, cancelled ones left out', () => {
    const result = rollUpOf([
      parent,
      subAction(2, 1, { status: 'TERMINE' }),
      subAction(3, 1, { progressPercent: 50, weight: 3 }),
      subAction(4, 1, { status: 'ANNULE_ABANDONNE', progressPercent: 0 }),
    ]);
    expect(result.actions.get(1)).toMatchObject({ source: 'subActions', noData: false });
    expect(result.actions.get(1)?.progress).toBeCloseTo((100 + 50 * 3) / 4, 10); // 62.5, its own 10 % ignored
    expect(result.actions.get(1)?.subActions).toMatchObject({ total: 3, done: 1, cancelled: 1 });
    // Sub-actions are not actions of the OO: OO 11 has one action.
    expect(stats(result, 'oo', 11).total).toBe(1);
    expect(stats(result, 'oo', 11).progress).toBeCloseTo(62.5, 10);
  });

  it('goes down several levels', () => {
    const result = rollUpOf([
      parent,
      subAction(2, 1, { status: 'TERMINE' }),
      subAction(3, 1, { weight: 3 }),
      subAction(5, 3, { progressPercent: 20 }),
      subAction(6, 3, { progressPercent: 40 }),
    ]);
    expect(result.actions.get(3)?.progress).toBeCloseTo(30, 10);
    expect(result.actions.get(1)?.progress).toBeCloseTo((100 + 30 * 3) / 4, 10); // 47.5
  });

  it('a done parent is 100 whatever its sub-actions say', () => {
    const result = rollUpOf([{ ...parent, status: 'TERMINE' }, subAction(2, 1, { progressPercent: 10 })]);
    expect(result.actions.get(1)).toMatchObject({ progress: 100, source: 'done' });
  });

  it('falls back on its own percent when every sub-action is cancelled', () => {
    const result = rollUpOf([parent, subAction(2, 1, { status: 'ANNULE_ABANDONNE' })]);
    expect(result.actions.get(1)).toMatchObject({ progress: 10, source: 'own', noData: false });
  });

  it('is "sans donnée" when none of its sub-actions has a figure', () => {
    const result = rollUpOf([parent, subAction(2, 1), subAction(3, 1)]);
    expect(result.actions.get(1)).toMatchObject({ progress: 0, source: 'subActions', noData: true });
    expect(stats(result, 'oo', 11).noData).toBe(1);
  });
});

describe('roll-up: all cancelled, empty nodes', () => {
  it('a node whose actions are all cancelled has no progress ("sans objet") but shows them', () => {
    const result = rollUpOf([
      action(1, [21], { status: 'ANNULE_ABANDONNE', progressPercent: 30 }),
      action(2, [21], { status: 'ANNULE_ABANDONNE' }),
    ]);
    const s = stats(result, 'oo', 21);
    expect(s.progress).toBeNull();
    expect(s.total).toBe(2);
    expect(s.cancelled).toBe(2);
    expect(s.realisationRate).toBeNull();
    expect(stats(result, 'os', 2).progress).toBeNull();
    expect(result.plan.progress).toBeNull();
  });

  it('an OO without actions is "sans objet" next to a busy sibling', () => {
    const result = rollUpOf([action(1, [21], { progressPercent: 30 })], { extraOo: true });
    expect(stats(result, 'oo', 22)).toMatchObject({ progress: null, total: 0 });
    expect(stats(result, 'os', 2).progress).toBeCloseTo(30, 10);
  });
});

describe('roll-up: counts of late, blocked, statuses', () => {
  const result = rollUpOf([
    action(1, [11], { status: 'PROBLEME', plannedEnd: period('2023'), progressPercent: 20, lastCheckInDate: TODAY }),
    action(2, [11], { status: 'EN_COURS', health: 'blocage', plannedEnd: period('2025'), lastCheckInDate: TODAY }),
    action(3, [11], { status: 'TERMINE', health: 'blocage', plannedEnd: period('2020') }),
    action(4, [11], { status: 'ANNULE_ABANDONNE', plannedEnd: period('2020') }),
    action(5, [11], { plannedEnd: period('14/06/2024') }),
  ]);

  it('late = overdue and neither done nor cancelled; blocked = PROBLEME or health blocage on a live action', () => {
    const s = stats(result, 'oo', 11);
    expect(s.late).toBe(2); // actions 1 and 5
    expect(s.blocked).toBe(2); // actions 1 and 2 (3 is done)
    expect(s.byStatus).toEqual({ NON_COMMENCE: 0, EN_COURS: 1, EN_ATTENTE: 0, PROBLEME: 1, TERMINE: 1, ANNULE_ABANDONNE: 1 });
    expect(s.unknownStatus).toBe(1);
    expect(s.done).toBe(1);
    expect(s.realisationRate).toBeCloseTo(1 / 4, 10);
    // (20 + 0 + 100 + 0) / 4, action 4 cancelled
    expect(s.progress).toBeCloseTo(30, 10);
  });

  it('keeps the lateness of each action', () => {
    expect(result.actions.get(5)?.lateness).toMatchObject({ state: 'overdue', daysLate: 1 });
    expect(result.actions.get(3)?.lateness.state).toBe('done');
  });
});

describe('roll-up: sections, volets and orphans', () => {
  it('a section covers its sub-sections, and the plan keeps orphan actions', () => {
    const sections = [section(100, { volet: 'interne' })];
    const result = rollUpOf(
      [action(1, [11], { progressPercent: 10 }), action(2, [21], { progressPercent: 50 }), action(3, [404], { progressPercent: 90 })],
      { sections },
    );
    expect(result.sections.get(100)?.progress).toBeCloseTo(10, 10);
    expect(result.volets.get('interne')?.progress).toBeCloseTo(10, 10);
    expect(result.volets.get('externe')?.progress).toBeCloseTo(50, 10);
    // Orphan (unknown OO 404) stays in the plan totals: (10 + 50 + 90) / 3.
    expect(result.plan.total).toBe(3);
    expect(result.plan.progress).toBeCloseTo(50, 10);
  });
});

describe('roll-up: remembered per action', () => {
  const planOf = (actions: Action[]) => buildPlanTree({ plan: PLAN, strategicObjectives: [os(1)], operationalObjectives: [oo(11, 1)], actions });

  it('an action without sub-actions kept by another tree (a filter, a search) is not computed again; another day is', () => {
    const late = action(1, [11], { status: 'EN_COURS', progressPercent: 30, plannedEnd: period('2024-05-31') });
    const other = action(2, [11], { status: 'EN_COURS', progressPercent: 70 });
    const first = rollUp(planOf([late, other]), { today: TODAY });
    const filtered = rollUp(planOf([late]), { today: TODAY });
    expect(filtered.actions.get(1)).toBe(first.actions.get(1));
    expect(filtered.operationalObjectives.get(11)!.progress).toBe(30);
    const later = rollUp(planOf([late]), { today: '2024-07-15' });
    expect(later.actions.get(1)).not.toBe(first.actions.get(1));
    expect(later.actions.get(1)!.lateness.daysLate).toBe(45);
    // a saved action is a new object: computed from what it now says
    const saved = { ...late, status: 'TERMINE' as const };
    expect(rollUp(planOf([saved]), { today: TODAY }).actions.get(1)!.progress).toBe(100);
  });

  it('an action with sub-actions is computed from the sub-actions the tree holds', () => {
    const parent = action(1, [11], { status: 'EN_COURS' });
    const subs = [subAction(5, 1, { progressPercent: 20 }), subAction(6, 1, { progressPercent: 80 })];
    expect(rollUp(planOf([parent, ...subs]), { today: TODAY }).actions.get(1)!.progress).toBe(50);
    expect(rollUp(planOf([parent, subs[0]]), { today: TODAY }).actions.get(1)!.progress).toBe(20);
  });
});

describe('roll-up of the plan and its OS only (the trend\'s days)', () => {
  it('gives the same plan and OS figures as the full roll-up: sections, shared actions, sub-actions, orphans', () => {
    const tree = buildPlanTree({
      plan: PLAN,
      sections: [section(100, { volet: 'interne' })],
      strategicObjectives: [os(1, { volet: 'interne', sectionId: 100 }), os(2, { volet: 'externe' }), os(3, { sectionId: 999 })],
      operationalObjectives: [oo(11, 1), oo(12, 1), oo(21, 2), oo(31, 3), oo(41, 404)],
      actions: [
        action(1, [11, 21], { status: 'EN_COURS', progressPercent: 40, plannedEnd: period('31/05/2024') }),
        action(2, [12], { status: 'PROBLEME', progressPercent: 10, weight: 3 }),
        subAction(3, 2, { status: 'TERMINE' }),
        subAction(4, 2, { status: 'EN_COURS', progressPercent: 20 }),
        action(5, [31], { status: 'ANNULE_ABANDONNE' }),
        action(6, [41], { status: 'EN_COURS', progressPercent: 70 }),
        action(7, [], { status: 'NON_COMMENCE', plannedEnd: period('2023') }),
      ],
    });
    const full = rollUp(tree, { today: TODAY });
    const part = rollUpPlanAndObjectives(tree, { today: TODAY });
    expect(part.plan).toEqual(full.plan);
    expect(Array.from(part.strategicObjectives.keys()).sort()).toEqual(Array.from(full.strategicObjectives.keys()).sort());
    for (const [id, stats] of full.strategicObjectives) expect(part.strategicObjectives.get(id)).toEqual(stats);
    // what the case is made of: a late action, a blocked one, orphans in the plan's total
    expect(full.plan.late).toBeGreaterThan(0);
    expect(full.plan.blocked).toBe(1);
    expect(full.plan.total).toBe(5);
  });
});
