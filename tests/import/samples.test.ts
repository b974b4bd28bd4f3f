/**
 * The domain on real PST documents (shared/samples/*.expected.json, outlines of three CPAS
 * PSTs). Expected numbers come from the documents themselves (listed in the comments),
 * not from running the code.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  Action,
  CheckIn,
  buildPlanTree,
  classifyLateness,
  formatEuro,
  formatNumber,
  rollUp,
  validateAction,
  validateOperationalObjective,
  walkTree,
  withLatestCheckIns,
} from '../../src/domain';
import { OutlineDocument, PlanFromOutline, planFromOutline } from '../../src/import/toPlan';
import { period } from '../domain/fixtures';

const SAMPLES = path.resolve(__dirname, '../../../shared/samples');

function load(prefix: string): OutlineDocument {
  const file = fs.readdirSync(SAMPLES).find((name) => name.startsWith(prefix) && name.endsWith('.expected.json'));
  if (!file) throw new Error(`sample ${prefix} not found in ${SAMPLES}`);
  return JSON.parse(fs.readFileSync(path.join(SAMPLES, file), 'utf8')) as OutlineDocument;
}

const topLevel = (result: PlanFromOutline) => result.actions.filter((a) => a.parentActionId == null);
const subActions = (result: PlanFromOutline) => result.actions.filter((a) => a.parentActionId != null);

function byCode(result: PlanFromOutline, code: string): Action {
  const found = result.actions.filter((a) => a.code === code);
  if (found.length !== 1) throw new Error(`expected one action ${code}, found ${found.length}`);
  return found[0];
}

function ooId(result: PlanFromOutline, predicate: (title: string, code: string | null) => boolean): number {
  const found = result.operationalObjectives.filter((o) => predicate(o.title, o.code));
  if (found.length !== 1) throw new Error(`expected one OO, found ${found.length}`);
  return found[0].id;
}

/** The same plan with some actions changed (as a project lead would in the panel). */
function withChanges(result: PlanFromOutline, changes: { [id: number]: Partial<Action> }): PlanFromOutline {
  return { ...result, actions: result.actions.map((a) => (changes[a.id] ? { ...a, ...changes[a.id] } : a)) };
}

describe('sample files', () => {
  it('are all covered below', () => {
    const files = fs.readdirSync(SAMPLES).filter((name) => name.endsWith('.expected.json'));
    expect(files.map((f) => f.slice(0, 3)).sort()).toEqual(['002', '003', '004']);
  });
});

// ============================================================ 002 — CPAS de Binche
describe('002 CPAS de Binche (axes, 5-level codes, full action sheets)', () => {
  const outline = load('002');
  const result = planFromOutline(outline);

  // T.AVANCEMENT values printed in the 17 sheets that have one (two more labels are empty).
  const PRINTED_PROGRESS: { [code: string]: number } = {
    '1.1.1.1.1': 10,
    '1.1.2.1.1': 25,
    '1.1.2.2.1': 5,
    '1.1.2.2.2': 25,
    '1.1.3.1.1': 50,
    '1.1.3.2.1': 0,
    '1.1.3.2.4': 0,
    '1.1.4.1': 50,
    '1.2.1.1.1': 75,
    '1.2.1.3.2': 50,
    '1.3.1.1.1': 30,
    '2.1.2.1.1': 35, // "+/- 35 % des profils établis"
    '2.1.2.3.1': 0,
    '2.1.3.1.1': 5,
    '2.1.3.1.2': 0,
    '2.2.1.1.1': 60,
    '3.2.4.2.1': 10,
  };
  const PROGRESS_SUM = 430; // 10+25+5+25+50+0+0+50+75+50+30+35+0+5+0+60+10

  it('finds the counts of the document: 9 OS, 23 OO, 47 actions, 3 axes as sections', () => {
    expect(result.strategicObjectives).toHaveLength(9);
    expect(result.operationalObjectives).toHaveLength(23);
    expect(topLevel(result)).toHaveLength(47);
    expect(subActions(result)).toHaveLength(0);
    expect([result.strategicObjectives.length, result.operationalObjectives.length, topLevel(result).length]).toEqual([
      outline.counts?.strategicObjectives,
      outline.counts?.operationalObjectives,
      outline.counts?.actions,
    ]);
    expect(result.sections.map((s) => [s.code, s.title])).toEqual([
      ['1', 'LE SERVICE À LA POPULATION'],
      ['2', 'LES RESSOURCES HUMAINES'],
      ['3', 'L’ORGANISATION DU CPAS'],
    ]);
    expect(result.sections).toHaveLength(outline.counts?.axes as number);
    expect(result.strategicObjectives.every((o) => o.sectionId != null)).toBe(true);
    expect(result.plan).toMatchObject({ organisation: 'CPAS de Binche', startYear: 2019, endYear: 2024 });
  });

  it('reports the missing OO title and the project groups without sheets, and merges nothing', () => {
    expect(result.warnings.map((w) => w.code).sort()).toEqual(['missingTitle', 'projectGroupWithoutActions', 'projectGroupWithoutActions']);
    expect(result.warnings.filter((w) => w.code === 'projectGroupWithoutActions')).toHaveLength(outline.counts?.projectGroupsWithoutActions as number);
    expect(result.actions.every((a) => a.operationalObjectiveIds.length === 1)).toBe(true);
  });

  it('reads the printed progress of the 17 sheets that have one', () => {
    const withPercent = result.actions.filter((a) => a.progressPercent !== null);
    expect(withPercent).toHaveLength(outline.counts?.actionsWithProgressValue as number);
    const read: { [code: string]: number | null } = {};
    for (const a of withPercent) read[a.code as string] = a.progressPercent;
    expect(read).toEqual(PRINTED_PROGRESS);
    expect(byCode(result, '2.1.2.1.1').progressText).toBe('+/- 35 % des profils établis');
  });

  it('reads every date format of the sheets', () => {
    expect(byCode(result, '1.1.2.2.1').plannedStart).toMatchObject({ start: '2020-02-01', precision: 'day' }); // 01/02/2020
    expect(byCode(result, '2.3.1.1.2').plannedStart).toMatchObject({ start: '2019-09-01', end: '2019-09-30', precision: 'month' }); // 09/2019
    expect(byCode(result, '3.2.1.1').plannedStart).toMatchObject({ start: '2020-01-01', precision: 'day' }); // 01/01/20
    expect(byCode(result, '3.2.3.1').plannedStart).toMatchObject({ start: '2020-01-01', end: '2022-12-31', precision: 'years' }); // 2020-21-22
    expect(byCode(result, '3.2.4.1.1').plannedStart).toMatchObject({ start: '2019-01-01', end: '2020-12-31' }); // 2019-20
    expect(byCode(result, '1.2.1.3.1').plannedStart).toMatchObject({ start: '2020-01-01', end: '2021-12-31' }); // 2020-21
    expect(byCode(result, '1.2.1.1.1').plannedEnd).toMatchObject({ end: '2025-12-31', precision: 'year' }); // 2025
    expect(result.warnings.filter((w) => w.code === 'unreadableDate')).toEqual([]);
  });

  it('reads ETP and budgets only where the sheet states them plainly', () => {
    // Sheets with "(ETP) : <number>": 1.1.1.1.1 (1), 1.1.1.1.3 (1), 1.1.2.2.1 (1), 1.1.3.1.1 (2),
    // 1.2.1.1.1 (1), 1.2.1.3.2 (0,5), 2.1.2.1.1 (2), 2.1.2.2.1 (2), 3.1.1.2 (1) → 11,5 ETP.
    // "Budgétaires (€) : <amount>€": 1.1.3.1.1 (30.000.000€), 1.1.4.1 (1000€), 1.2.1.3.2 (120.000€), 2.2.2.2.1 (+/- 7000€).
    // Each becomes the action's one means line (the sheets give no amount year by year).
    const lines = (a: (typeof result.actions)[number]) => a.resources.lines ?? [];
    const etp = result.actions.filter((a) => lines(a).some((l) => l.etp !== null));
    const budget = result.actions.filter((a) => lines(a).some((l) => l.planned !== null));
    expect(result.actions.every((a) => lines(a).length <= 1)).toBe(true);
    expect(etp.map((a) => a.code)).toEqual(['1.1.1.1.1', '1.1.1.1.3', '1.1.2.2.1', '1.1.3.1.1', '1.2.1.1.1', '1.2.1.3.2', '2.1.2.1.1', '2.1.2.2.1', '3.1.1.2']);
    expect(etp.reduce((sum, a) => sum + (lines(a)[0].etp as number), 0)).toBe(11.5);
    expect(budget.map((a) => a.code)).toEqual(['1.1.3.1.1', '1.1.4.1', '1.2.1.3.2', '2.2.2.2.1']);
    const total = budget.reduce((sum, a) => sum + (lines(a)[0].planned as number), 0);
    expect(formatEuro(total)).toBe('30\u00a0128\u00a0000,00\u00a0€');
    // A service named without any amount makes no line; the text says it.
    expect(byCode(result, '3.2.3.1').resources.lines).toBeUndefined();
    expect(byCode(result, '3.2.3.1').resources.text).toContain("l'extraordinaire");
  });

  describe('roll-up on 30/06/2021, statuses not yet filled in', () => {
    const rollup = rollUp(buildPlanTree(result), { today: '2021-06-30' });

    it('plan: printed percents over 47 actions, 30 without data, 2 late', () => {
      expect(rollup.plan.total).toBe(47);
      expect(rollup.plan.progress).toBeCloseTo(PROGRESS_SUM / 47, 10);
      expect(formatNumber(rollup.plan.progress, { maxDecimals: 1 })).toBe('9,1');
      expect(rollup.plan.noData).toBe(47 - 17);
      expect(rollup.plan.unknownStatus).toBe(47);
      // Only two sheets end before mid-2021: 2.1.3.1.2 and 2.2.1.1.1 both end "2020".
      expect(rollup.plan.late).toBe(2);
      expect(rollup.actions.get(byCode(result, '2.1.3.1.2').id)?.lateness.daysLate).toBe(181);
    });

    it('axes: 25, 13 and 9 actions with 320, 100 and 10 points', () => {
      const [axis1, axis2, axis3] = result.sections.map((s) => rollup.sections.get(s.id));
      expect([axis1?.total, axis2?.total, axis3?.total]).toEqual([25, 13, 9]);
      expect(axis1?.progress).toBeCloseTo(320 / 25, 10); // 165 (OS 1.1) + 125 (OS 1.2) + 30 (OS 1.3) + 0 (OS 1.4)
      expect(axis2?.progress).toBeCloseTo(100 / 13, 10); // 35 + 0 + 5 + 0 (OS 2.1) + 60 (OS 2.2)
      expect(axis3?.progress).toBeCloseTo(10 / 9, 10);
    });

    it('OS 1.1: 18 actions, 165 points', () => {
      const os11 = result.strategicObjectives.find((o) => o.code === '1.1');
      const stats = rollup.strategicObjectives.get(os11?.id as number);
      expect(stats?.total).toBe(18);
      expect(stats?.progress).toBeCloseTo(165 / 18, 10);
    });

    it('the three OO without sheets are "sans objet"', () => {
      const empty = result.operationalObjectives.filter((o) => rollup.operationalObjectives.get(o.id)?.progress === null);
      expect(empty.map((o) => o.code)).toEqual(['1.4.1', '1.4.3', '3.1.3']);
      expect(empty).toHaveLength(outline.counts?.operationalObjectivesWithoutActions as number);
    });
  });

  describe('after a CODIR meeting: one action done, one abandoned, one weighted', () => {
    const done = byCode(result, '1.1.1.1.2'); // no percent printed
    const abandoned = byCode(result, '1.1.1.1.3'); // no percent printed
    const heavy = byCode(result, '1.1.3.1.1'); // 50 %, the new rest home (30 M€)
    const changed = withChanges(result, {
      [done.id]: { status: 'TERMINE' },
      [abandoned.id]: { status: 'ANNULE_ABANDONNE' },
      [heavy.id]: { weight: 5 },
    });
    const rollup = rollUp(buildPlanTree(changed), { today: '2021-06-30' });
    const oo = (code: string) => rollup.operationalObjectives.get(ooId(changed, (_t, c) => c === code));

    it('OO 1.1.1: (10 + 100 + 0 + 0) / 4 with the abandoned action out of the mean', () => {
      expect(oo('1.1.1')?.progress).toBeCloseTo(27.5, 10);
      expect(oo('1.1.1')).toMatchObject({ total: 5, done: 1, cancelled: 1 });
      expect(oo('1.1.1')?.realisationRate).toBeCloseTo(1 / 4, 10);
    });

    it('OO 1.1.3: the weighted action (50 % × 5) among four at 0', () => {
      expect(oo('1.1.3')?.progress).toBeCloseTo(250 / 9, 10);
    });

    it('plan: 46 actions in the mean, the weighted one counting 5', () => {
      // 430 printed points + 100 (done) + 4 × 50 (weight 5 instead of 1), over 45 + 5 weights.
      expect(rollup.plan.progress).toBeCloseTo((430 + 100 + 200) / 50, 10);
      expect(rollup.plan).toMatchObject({ total: 47, done: 1, cancelled: 1 });
    });
  });

  describe('lateness on 01/12/2021', () => {
    const today = '2021-12-01';

    it('2 overdue, 4 due within 30 days, 1 without any date, the others stale without check-in', () => {
      const states = topLevel(result).map((a) => [a.code, classifyLateness(a, today).state]);
      const codesIn = (state: string) => states.filter((s) => s[1] === state).map((s) => s[0]);
      expect(codesIn('overdue')).toEqual(['2.1.3.1.2', '2.2.1.1.1']); // end 2020
      expect(codesIn('dueSoon')).toEqual(['1.1.2.3.1', '1.1.3.2.2', '1.1.3.2.3', '3.2.4.2.2']); // end 2021
      expect(codesIn('unscheduled')).toEqual(['2.1.3.1.1']); // neither start nor end
      expect(codesIn('stale')).toHaveLength(47 - 2 - 4 - 1);
      expect(classifyLateness(byCode(result, '2.2.1.1.1'), today).daysLate).toBe(335); // 31/12/2020 → 01/12/2021
      expect(classifyLateness(byCode(result, '3.2.4.2.2'), today).daysLeft).toBe(30);
    });

    it('the six sheets without end date are flagged unscheduled', () => {
      const unscheduled = topLevel(result).filter((a) => classifyLateness(a, today).flags.unscheduled);
      expect(unscheduled.map((a) => a.code)).toEqual(['2.1.2.3.1', '2.1.3.1.1', '2.3.1.1.1', '3.1.1.1', '3.2.1.1', '3.2.3.1']);
    });

    it('recent check-ins put actions back on track; an old one does not', () => {
      const checkIns: CheckIn[] = [
        { id: 1, actionId: byCode(result, '1.1.1.1.1').id, date: '2021-11-15', author: null, status: 'EN_COURS', percent: 20, health: 'bon', comment: null },
        { id: 2, actionId: byCode(result, '1.2.1.1.1').id, date: '2021-11-30', author: null, status: 'EN_COURS', percent: 80, health: 'bon', comment: null },
        { id: 3, actionId: byCode(result, '1.1.2.1.1').id, date: '2021-10-01', author: null, status: 'EN_COURS', percent: 25, health: 'risque', comment: null },
      ];
      const actions = withLatestCheckIns(topLevel(result), checkIns);
      const states = actions.map((a) => classifyLateness(a, today).state);
      expect(states.filter((s) => s === 'onTrack')).toHaveLength(2);
      expect(states.filter((s) => s === 'stale')).toHaveLength(40 - 2);
      const old = actions.find((a) => a.code === '1.1.2.1.1') as Action;
      expect(classifyLateness(old, today).daysSinceCheckIn).toBe(61); // 31 days of October + 30 of November
    });
  });

  describe('validation of the imported sheets', () => {
    it('every action sheet is valid as imported', () => {
      const errors = result.actions.map((a) => validateAction(a)).filter((issues) => issues.some((i) => i.severity === 'error'));
      expect(errors).toEqual([]);
    });

    it('the untitled OO 1.3.1 is flagged', () => {
      const oo131 = result.operationalObjectives.find((o) => o.code === '1.3.1');
      expect(validateOperationalObjective(oo131 as never).map((i) => i.message)).toEqual(["L'intitulé de l'objectif opérationnel est obligatoire."]);
    });

    it('a sheet marked done at 10 % gets a warning; an end moved before the start an error', () => {
      const sheet = byCode(result, '1.1.1.1.1');
      expect(validateAction({ ...sheet, status: 'TERMINE' }).map((i) => [i.severity, i.message])).toEqual([
        ['warning', "L'action est marquée « Terminé » mais son avancement est de 10 %. Mettez l'avancement à 100 % ou changez le statut."],
      ]);
      const late = byCode(result, '2.1.3.1.2'); // 2019 → 2020
      expect(validateAction({ ...late, plannedEnd: period('2018') }).map((i) => i.message)).toEqual([
        'La date de fin (2018) précède la date de début (2019).',
      ]);
    });
  });
});

// ============================================================ 003 — CPAS d'Ecaussinnes
describe("003 CPAS d'Ecaussinnes (pure outline, sub-actions, code anomalies)", () => {
  const outline = load('003');
  const result = planFromOutline(outline);

  it('finds 6 OS, 29 OO, 96 actions and 6 sub-actions, without sections or volets', () => {
    expect([result.strategicObjectives.length, result.operationalObjectives.length, topLevel(result).length, subActions(result).length]).toEqual([
      6, 29, 96, 6,
    ]);
    expect([outline.counts?.strategicObjectives, outline.counts?.operationalObjectives, outline.counts?.actions, outline.counts?.subActions]).toEqual([
      6, 29, 96, 6,
    ]);
    expect(result.sections).toEqual([]);
    expect(result.strategicObjectives.every((o) => o.volet === null)).toBe(true);
    expect(result.plan).toMatchObject({ startYear: null, endYear: null });
  });

  it('reports the code anomalies of the document (4.3.2 printed twice, "4 .4.2")', () => {
    expect(result.warnings.map((w) => [w.code, w.path.split(' › ').pop()])).toEqual([
      ['codeAnomaly', '4.3.2'],
      ['duplicateCode', '4.3.2'],
      ['codeAnomaly', '4.4.2'],
    ]);
  });

  it('sorts OO 6.1 … 6.10 naturally even without their document order', () => {
    const unordered = { ...result, operationalObjectives: result.operationalObjectives.map((o) => ({ ...o, order: 0 })) };
    const tree = buildPlanTree(unordered);
    const os6 = tree.volets[0].strategicObjectives.find((o) => o.objective.code === '6');
    expect(os6?.operationalObjectives.map((o) => o.objective.code)).toEqual(['6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.7', '6.8', '6.9', '6.10']);
  });

  it('rolls sub-actions up into action 2.2.3, then into OO 2.2, OS 2 and the plan', () => {
    // 2.2.3.A done, 2.2.3.B at 50 %, 2.2.3.C abandoned → 2.2.3 = (100 + 50) / 2 = 75.
    // OO 2.2 has 3 actions (2.2.1, 2.2.2, 2.2.3); OS 2 has 4 + 3 + 2 + 0 + 0 = 9; the plan 96.
    const changed = withChanges(result, {
      [byCode(result, '2.2.3.A').id]: { status: 'TERMINE' },
      [byCode(result, '2.2.3.B').id]: { status: 'EN_COURS', progressPercent: 50 },
      [byCode(result, '2.2.3.C').id]: { status: 'ANNULE_ABANDONNE' },
    });
    const rollup = rollUp(buildPlanTree(changed), { today: '2022-01-01' });
    expect(rollup.actions.get(byCode(result, '2.2.3').id)).toMatchObject({ progress: 75, source: 'subActions' });
    expect(rollup.operationalObjectives.get(ooId(result, (_t, c) => c === '2.2'))?.progress).toBeCloseTo(25, 10);
    const os2 = result.strategicObjectives.find((o) => o.code === '2');
    expect(rollup.strategicObjectives.get(os2?.id as number)).toMatchObject({ total: 9 });
    expect(rollup.strategicObjectives.get(os2?.id as number)?.progress).toBeCloseTo(75 / 9, 10);
    expect(rollup.plan.total).toBe(96);
    expect(rollup.plan.progress).toBeCloseTo(75 / 96, 10);
    // OO 2.4 and 2.5 have no action.
    expect(rollup.operationalObjectives.get(ooId(result, (_t, c) => c === '2.4'))?.progress).toBeNull();
    expect(rollup.operationalObjectives.get(ooId(result, (_t, c) => c === '2.5'))?.progress).toBeNull();
  });

  it('a document without dates: every action unscheduled, none stale', () => {
    const states = result.actions.map((a) => classifyLateness(a, '2022-01-01').state);
    expect(states.every((s) => s === 'unscheduled')).toBe(true);
  });
});

// ============================================================ 004 — CPAS de Bernissart
describe('004 CPAS de Bernissart (volets, nested sections, a transversal action)', () => {
  const outline = load('004');
  const result = planFromOutline(outline);
  const SHARED_TITLE = "Envisager l'accompagnement des personnes par un professionnel du secteur de l'éducation";
  const shared = result.actions.find((a) => a.title === SHARED_TITLE) as Action;
  const ooDebt = () => ooId(result, (t) => t.indexOf('Réduire les risques de rechute au surendettement') === 0);
  const ooJobs = () => ooId(result, (t) => t === "Soutenir la mise à l'emploi");

  it('finds 30 OS and 42 OO; the 128 action lines are 127 actions, one of them listed under two OO', () => {
    expect(result.strategicObjectives).toHaveLength(outline.counts?.strategicObjectives as number);
    expect(result.operationalObjectives).toHaveLength(outline.counts?.operationalObjectives as number);
    // The document lists the same action under II.II.1 (surendettement) and II.II.2 (insertion):
    // its two lines differ only by a final period, so they become one transversal action.
    expect(topLevel(result)).toHaveLength((outline.counts?.actions as number) - 1);
    const placements = topLevel(result).reduce((sum, a) => sum + a.operationalObjectiveIds.length, 0);
    expect(placements).toBe(outline.counts?.actions);
    expect(subActions(result)).toHaveLength(outline.counts?.subActions as number);
    expect(shared.operationalObjectiveIds).toEqual([ooDebt(), ooJobs()]);
    expect(result.warnings.filter((w) => w.code === 'mergedTransversalAction')).toHaveLength(1);
    expect(result.warnings.filter((w) => w.code === 'duplicateTitleNotMerged')).toEqual([]);
  });

  it('splits by volet: interne 11 OS / 16 OO / 40 actions, externe 19 / 26 / 87 distinct (88 lines)', () => {
    const osIds = (volet: string) => result.strategicObjectives.filter((o) => o.volet === volet).map((o) => o.id);
    const ooIds = (volet: string) => result.operationalObjectives.filter((o) => osIds(volet).indexOf(o.strategicObjectiveId) >= 0).map((o) => o.id);
    const actionsIn = (volet: string) => topLevel(result).filter((a) => a.operationalObjectiveIds.some((id) => ooIds(volet).indexOf(id) >= 0));
    expect([osIds('interne').length, ooIds('interne').length, actionsIn('interne').length]).toEqual([11, 16, 40]);
    expect([osIds('externe').length, ooIds('externe').length, actionsIn('externe').length]).toEqual([19, 26, 87]);
  });

  it('builds the sections of each volet, II.II LE SOCIAL with its eight sub-sections', () => {
    expect(result.sections).toHaveLength(16);
    const social = result.sections.find((s) => s.code === 'II.II');
    expect(social).toMatchObject({ title: 'LE SOCIAL', volet: 'externe', parentSectionId: null });
    expect(result.sections.filter((s) => s.parentSectionId === social?.id).map((s) => s.code)).toEqual([
      'II.II.1',
      'II.II.2',
      'II.II.3',
      'II.II.4',
      'II.II.5',
      'II.II.6',
      'II.II.7',
      'II.II.8',
    ]);
  });

  it('shows the transversal action under both OO of the tree', () => {
    const tree = buildPlanTree(result);
    const occurrences: [number | null, boolean, boolean][] = [];
    walkTree(tree, (node) => {
      if (node.kind === 'action' && node.action.id === shared.id) occurrences.push([node.operationalObjectiveId, node.shared, node.primary]);
    });
    expect(occurrences).toEqual([
      [ooDebt(), true, true],
      [ooJobs(), true, false],
    ]);
    expect(tree.orphans).toEqual([]);
    expect(tree.volets.map((v) => v.volet)).toEqual(['interne', 'externe']);
  });

  it('counts the transversal action in each OO and once above', () => {
    // Action lines per OO of II.II (from the document): II.II.1: 6; II.II.2: 7 + 4; II.II.3: 5 + 17;
    // II.II.4: 3 + 5; II.II.5: 2; II.II.6: 2; II.II.7: 1 + 1; II.II.8: 1 + 8 → 62 lines, 61 actions.
    const socialLines = outline.strategicObjectives
      .filter((o) => (o.sectionPath || [])[1] === 'II.II LE SOCIAL')
      .reduce((sum, o) => sum + o.operationalObjectives.reduce((s, oo) => s + oo.actions.length, 0), 0);
    expect(socialLines).toBe(62);

    const changed = withChanges(result, { [shared.id]: { status: 'TERMINE' } });
    const rollup = rollUp(buildPlanTree(changed), { today: '2021-01-01' });
    const section = (code: string) => rollup.sections.get(result.sections.find((s) => s.code === code)?.id as number);

    expect(rollup.operationalObjectives.get(ooDebt())).toMatchObject({ total: 6, done: 1 });
    expect(rollup.operationalObjectives.get(ooDebt())?.progress).toBeCloseTo(100 / 6, 10);
    expect(rollup.operationalObjectives.get(ooJobs())).toMatchObject({ total: 7, done: 1 });
    expect(rollup.operationalObjectives.get(ooJobs())?.progress).toBeCloseTo(100 / 7, 10);
    expect(section('II.II.1')?.total).toBe(6);
    expect(section('II.II.2')?.total).toBe(11);
    expect(section('II.II')).toMatchObject({ total: 61, done: 1 });
    expect(section('II.II')?.progress).toBeCloseTo(100 / 61, 10);
    expect(rollup.volets.get('externe')).toMatchObject({ total: 87, done: 1 });
    expect(rollup.volets.get('externe')?.progress).toBeCloseTo(100 / 87, 10);
    expect(rollup.volets.get('interne')?.progress).toBe(0);
    expect(rollup.plan).toMatchObject({ total: 127, done: 1, noData: 126 });
    expect(rollup.plan.progress).toBeCloseTo(100 / 127, 10);
  });

  it('rolls the four nested bullets of the first action up into it', () => {
    const first = result.actions.find((a) => a.title.indexOf('Rappeler dans chaque comportement') === 0) as Action;
    const subs = result.actions.filter((a) => a.parentActionId === first.id);
    expect(subs.map((s) => s.title)).toEqual(['Respect et considération', 'Communication', 'Cohérence', "Esprit d'équipe"]);
    const changed = withChanges(result, { [subs[0].id]: { status: 'TERMINE' }, [subs[1].id]: { status: 'TERMINE' } });
    const rollup = rollUp(buildPlanTree(changed), { today: '2021-01-01' });
    expect(rollup.actions.get(first.id)).toMatchObject({ progress: 50, source: 'subActions', noData: false }); // (100 + 100 + 0 + 0) / 4
  });

  it('validation flags the two titles longer than SharePoint allows and the unreadable timings', () => {
    const tooLong = outline.strategicObjectives
      .reduce((titles: string[], o) => titles.concat(...o.operationalObjectives.map((oo) => oo.actions.map((a) => a.title || ''))), [])
      .filter((t) => t.length > 255);
    expect(tooLong.map((t) => t.length)).toEqual([297, 264]);
    const issues = result.actions.map((a) => validateAction(a));
    const titleErrors = issues.filter((list) => list.some((i) => i.code === 'title.tooLong'));
    expect(titleErrors).toHaveLength(2);
    // "Depuis 1er Trimestre 2019" and twice "A partir du dernier quadrimestre 2019-Début 2020".
    const timings = result.actions.filter((a) => a.plannedStartText !== null);
    expect(timings.map((a) => a.plannedStartText)).toEqual([
      'Depuis 1er Trimestre 2019',
      'A partir du dernier quadrimestre 2019-Début 2020',
      'A partir du dernier quadrimestre 2019-Début 2020',
    ]);
    expect(timings.every((a) => validateAction(a).some((i) => i.code === 'date.unread' && i.severity === 'warning'))).toBe(true);
  });
});
