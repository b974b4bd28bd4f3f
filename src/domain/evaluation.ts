/**
 * The evaluation of the PST (mid-term, end of the legislature): a dated, frozen snapshot of
 * the plan (structure, statuses, progress, indicators, means) and the comparison of two of
 * them (or of a snapshot and today): what progressed, was added, archived or postponed,
 * indicators against their targets, means planned and spent per year.
 *
 * A frozen plan is plain data (JSON): its figures are computed on the day it was taken and
 * kept with it, so a snapshot reads the same years later, whatever the plan became.
 */
import type { Action, Indicator, IsoDate, OperationalObjective, Plan, Section, StrategicObjective } from './model';
import type { PlanTreeInput } from './tree';
import { buildPlanTree } from './tree';
import { rollUp } from './rollup';
import type { ProgressStats } from './rollup';
import type { ActionStatus } from './vocabularies';

export const EVALUATION_KINDS = ['miParcours', 'finDeLegislature', 'autre'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

export const EVALUATION_KIND_LABELS: { readonly [K in EvaluationKind]: { fr: string; en: string } } = {
  miParcours: { fr: 'Évaluation à mi-parcours', en: 'Mid-term evaluation' },
  finDeLegislature: { fr: 'Évaluation de fin de législature', en: 'End-of-term evaluation' },
  autre: { fr: 'Cliché du PST', en: 'PST snapshot' },
};

export function isEvaluationKind(value: unknown): value is EvaluationKind {
  return typeof value === 'string' && (EVALUATION_KINDS as readonly string[]).indexOf(value) >= 0;
}

/** The figures of an objective or of the plan on the day of the snapshot. */
export interface FrozenStats {
  readonly progress: number | null;
  readonly total: number;
  readonly done: number;
  readonly cancelled: number;
  readonly late: number;
  readonly blocked: number;
}

export interface FrozenActionFigures {
  readonly progress: number | null;
  readonly late: boolean;
  readonly blocked: boolean;
}

export interface FrozenPlan {
  /** Bumped when the shape changes; a reader refuses a format it does not know. */
  readonly format: 1;
  readonly key: string;
  readonly label: string;
  readonly kind: EvaluationKind;
  readonly takenOn: IsoDate;
  readonly plan: Plan;
  readonly sections: readonly Section[];
  readonly strategicObjectives: readonly StrategicObjective[];
  readonly operationalObjectives: readonly OperationalObjective[];
  readonly actions: readonly Action[];
  readonly indicators: readonly Indicator[];
  readonly figures: {
    readonly plan: FrozenStats;
    readonly strategicObjectives: { readonly [id: string]: FrozenStats };
    readonly operationalObjectives: { readonly [id: string]: FrozenStats };
    readonly actions: { readonly [id: string]: FrozenActionFigures };
  };
}

export interface FreezeInput extends PlanTreeInput {
  readonly indicators?: readonly Indicator[];
}

const frozenStats = (s: ProgressStats): FrozenStats => ({ progress: s.progress, total: s.total, done: s.done, cancelled: s.cancelled, late: s.late, blocked: s.blocked });

/** `12-2026-11-23-miParcours`: the plan, the day and the kind (one snapshot of a kind per day and plan). */
export function snapshotKey(planId: number, takenOn: IsoDate, kind: EvaluationKind): string {
  return `${planId}-${takenOn}-${kind}`;
}

/** The plan as it is on `takenOn`, with its figures of that day, as plain data (a deep copy). */
export function freezePlan(input: FreezeInput, options: { takenOn: IsoDate; kind: EvaluationKind; label?: string }): FrozenPlan {
  const rollup = rollUp(buildPlanTree(input), { today: options.takenOn });
  const byId = <T>(map: Map<number, T>, f: (value: T) => unknown) => {
    const out: { [id: string]: unknown } = {};
    map.forEach((value, id) => (out[String(id)] = f(value)));
    return out;
  };
  const frozen = {
    format: 1 as const,
    key: snapshotKey(input.plan.id, options.takenOn, options.kind),
    label: options.label?.trim() || EVALUATION_KIND_LABELS[options.kind].fr,
    kind: options.kind,
    takenOn: options.takenOn,
    plan: input.plan,
    sections: input.sections ?? [],
    strategicObjectives: input.strategicObjectives,
    operationalObjectives: input.operationalObjectives,
    actions: input.actions,
    indicators: input.indicators ?? [],
    figures: {
      plan: frozenStats(rollup.plan),
      strategicObjectives: byId(rollup.strategicObjectives, frozenStats),
      operationalObjectives: byId(rollup.operationalObjectives, frozenStats),
      actions: byId(rollup.actions, (a) => ({ progress: a.progress, late: a.lateness.flags.overdue, blocked: a.blocked })),
    },
  };
  // A copy that shares nothing with the live objects: later edits cannot reach it.
  return JSON.parse(JSON.stringify(frozen)) as FrozenPlan;
}

/** A frozen plan read back (from SharePoint): refused in French when it is not one. */
export function parseFrozenPlan(json: string): FrozenPlan {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('Le cliché du PST est illisible (JSON abîmé).');
  }
  const v = value as Partial<FrozenPlan>;
  if (!v || v.format !== 1 || !v.plan || !Array.isArray(v.actions) || !v.figures || typeof v.takenOn !== 'string') {
    throw new Error(`Le cliché du PST n'est pas au format attendu (format ${String(v && v.format)}).`);
  }
  return v as FrozenPlan;
}

// ---------------------------------------------------------------- comparison

export interface ActionRef {
  readonly id: number;
  readonly code: string | null;
  readonly title: string;
}

export interface ProgressChange extends ActionRef {
  readonly before: number | null;
  readonly after: number | null;
  readonly statusBefore: ActionStatus | null;
  readonly statusAfter: ActionStatus | null;
}

export interface Postponement extends ActionRef {
  readonly endBefore: IsoDate | null;
  readonly endAfter: IsoDate | null;
}

export interface ObjectiveComparison {
  readonly level: 'os' | 'oo';
  readonly id: number;
  readonly code: string | null;
  readonly title: string;
  readonly before: FrozenStats | null;
  readonly after: FrozenStats | null;
}

export interface IndicatorComparison {
  readonly action: ActionRef;
  readonly label: string;
  readonly unit: string | null;
  readonly baseline: number | null;
  readonly target: number | null;
  readonly before: number | null;
  readonly after: number | null;
  /** Share of the way from the baseline (or 0) to the target, 0–100+; null without a target. */
  readonly reached: number | null;
}

export interface MeansYear {
  readonly year: number;
  /** Expenses planned in the earlier snapshot, in the later one, and spent (later one). */
  readonly plannedBefore: number;
  readonly plannedAfter: number;
  readonly spent: number;
  readonly etp: number;
}

export interface PlanComparison {
  readonly before: { readonly takenOn: IsoDate; readonly label: string };
  readonly after: { readonly takenOn: IsoDate; readonly label: string };
  readonly plan: Plan;
  readonly figures: { readonly before: FrozenStats; readonly after: FrozenStats };
  readonly objectives: readonly ObjectiveComparison[];
  readonly progressed: readonly ProgressChange[];
  readonly completed: readonly ProgressChange[];
  readonly added: readonly ActionRef[];
  /** In the earlier snapshot, no longer in the plan. */
  readonly removed: readonly ActionRef[];
  /** Cancelled or abandoned since the earlier snapshot. */
  readonly archived: readonly ActionRef[];
  /** Their planned end moved later, or their priority became « postposé ». */
  readonly postponed: readonly Postponement[];
  readonly indicators: readonly IndicatorComparison[];
  readonly means: readonly MeansYear[];
}

const ref = (a: Action): ActionRef => ({ id: a.id, code: a.code, title: a.title });

function reachedShare(baseline: number | null, target: number | null, current: number | null): number | null {
  if (target === null || current === null) return null;
  const start = baseline ?? 0;
  if (target === start) return current >= target ? 100 : 0;
  return Math.round(((current - start) / (target - start)) * 1000) / 10;
}

function meansByYear(actions: readonly Action[]): Map<number, { planned: number; spent: number; etp: number }> {
  const years = new Map<number, { planned: number; spent: number; etp: number }>();
  for (const a of actions) {
    for (const line of a.resources.lines ?? []) {
      if (line.direction !== 'depense') continue;
      const y = years.get(line.year) ?? { planned: 0, spent: 0, etp: 0 };
      years.set(line.year, { planned: y.planned + (line.planned ?? 0), spent: y.spent + (line.actual ?? 0), etp: y.etp + (line.etp ?? 0) });
    }
  }
  return years;
}

/** What changed from `before` to `after` (two snapshots of the same plan, or a snapshot and today's frozen plan). */
export function comparePlans(before: FrozenPlan, after: FrozenPlan): PlanComparison {
  const beforeActions = new Map(before.actions.map((a) => [a.id, a] as [number, Action]));
  const afterActions = new Map(after.actions.map((a) => [a.id, a] as [number, Action]));
  const progressOf = (plan: FrozenPlan, id: number) => plan.figures.actions[String(id)]?.progress ?? null;
  const change = (a: Action, b: Action): ProgressChange => ({ ...ref(b), before: progressOf(before, a.id), after: progressOf(after, b.id), statusBefore: a.status, statusAfter: b.status });

  const progressed: ProgressChange[] = [];
  const completed: ProgressChange[] = [];
  const archived: ActionRef[] = [];
  const postponed: Postponement[] = [];
  for (const b of after.actions) {
    const a = beforeActions.get(b.id);
    if (!a) continue;
    const c = change(a, b);
    if (b.status === 'TERMINE' && a.status !== 'TERMINE') completed.push(c);
    else if (c.after !== null && (c.before === null || c.after > c.before)) progressed.push(c);
    if (b.status === 'ANNULE_ABANDONNE' && a.status !== 'ANNULE_ABANDONNE') archived.push(ref(b));
    const endBefore = a.plannedEnd?.end ?? null;
    const endAfter = b.plannedEnd?.end ?? null;
    if ((endBefore && endAfter && endAfter > endBefore) || (b.priority === 'postpose' && a.priority !== 'postpose')) postponed.push({ ...ref(b), endBefore, endAfter });
  }
  const objectives: ObjectiveComparison[] = [];
  const seen = new Set<string>();
  for (const source of [after, before]) {
    for (const o of source.strategicObjectives) {
      if (seen.has(`os${o.id}`)) continue;
      seen.add(`os${o.id}`);
      objectives.push({ level: 'os', id: o.id, code: o.code, title: o.title, before: before.figures.strategicObjectives[String(o.id)] ?? null, after: after.figures.strategicObjectives[String(o.id)] ?? null });
      for (const oo of source.operationalObjectives.filter((x) => x.strategicObjectiveId === o.id)) {
        if (seen.has(`oo${oo.id}`)) continue;
        seen.add(`oo${oo.id}`);
        objectives.push({ level: 'oo', id: oo.id, code: oo.code, title: oo.title, before: before.figures.operationalObjectives[String(oo.id)] ?? null, after: after.figures.operationalObjectives[String(oo.id)] ?? null });
      }
    }
  }
  const beforeIndicators = new Map(before.indicators.map((i) => [i.id, i] as [number, Indicator]));
  const indicators = after.indicators
    .filter((i) => afterActions.has(i.actionId))
    .map((i) => ({
      action: ref(afterActions.get(i.actionId) as Action),
      label: i.label,
      unit: i.unit,
      baseline: i.baseline,
      target: i.target,
      before: beforeIndicators.get(i.id)?.current ?? null,
      after: i.current,
      reached: reachedShare(i.baseline, i.target, i.current),
    }));
  const meansBefore = meansByYear(before.actions);
  const meansAfter = meansByYear(after.actions);
  const years = Array.from(new Set([...meansBefore.keys(), ...meansAfter.keys()])).sort((x, y) => x - y);
  return {
    before: { takenOn: before.takenOn, label: before.label },
    after: { takenOn: after.takenOn, label: after.label },
    plan: after.plan,
    figures: { before: before.figures.plan, after: after.figures.plan },
    objectives,
    progressed,
    completed,
    added: after.actions.filter((a) => !beforeActions.has(a.id)).map(ref),
    removed: before.actions.filter((a) => !afterActions.has(a.id)).map(ref),
    archived,
    postponed,
    indicators,
    means: years.map((year) => ({
      year,
      plannedBefore: meansBefore.get(year)?.planned ?? 0,
      plannedAfter: meansAfter.get(year)?.planned ?? 0,
      spent: meansAfter.get(year)?.spent ?? 0,
      etp: meansAfter.get(year)?.etp ?? 0,
    })),
  };
}

/** What the coordinator writes for the council: an assessment per OS/OO (by code, else id) and the synergies commune–CPAS. */
export interface EvaluationAssessments {
  readonly objectives: { readonly [codeOrId: string]: string };
  readonly synergies: string;
}

/** The assessment of an objective: by its code, else by « os:<id> » / « oo:<id> ». */
export function assessmentOf(assessments: EvaluationAssessments, objective: Pick<ObjectiveComparison, 'level' | 'id' | 'code'>): string | null {
  const text = (objective.code && assessments.objectives[objective.code]) || assessments.objectives[`${objective.level}:${objective.id}`];
  return text && text.trim() ? text.trim() : null;
}

// ---------------------------------------------------------------- the coordinator's assessments

export const NO_ASSESSMENTS: EvaluationAssessments = { objectives: {}, synergies: '' };

/** What the evaluation compares with its earlier snapshot: a later snapshot, or the plan today. */
export const TODAY_KEY = 'aujourdhui';

/** The key of an evaluation (the pair compared): `<earlier snapshot>><later snapshot or « aujourdhui »>`. */
export function evaluationKey(beforeKey: string, afterKey: string | null): string {
  return `${beforeKey}>${afterKey ?? TODAY_KEY}`;
}

/** Where the view writes an objective's assessment: by id, which survives a renumbering (assessmentOf reads it). */
export function objectiveAssessmentKey(objective: Pick<ObjectiveComparison, 'level' | 'id'>): string {
  return `${objective.level}:${objective.id}`;
}

/** The assessments as stored (JSON, without the empty ones). */
export function serializeAssessments(assessments: EvaluationAssessments): string {
  const objectives: { [key: string]: string } = {};
  for (const key of Object.keys(assessments.objectives).sort()) if (assessments.objectives[key].trim()) objectives[key] = assessments.objectives[key];
  return JSON.stringify({ format: 1, objectives, synergies: assessments.synergies });
}

/** Stored assessments read back; refused in French when they are not. */
export function parseAssessments(json: string): EvaluationAssessments {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('Les appréciations enregistrées sont illisibles (JSON abîmé).');
  }
  const v = value as { format?: unknown; objectives?: unknown; synergies?: unknown };
  if (!v || v.format !== 1 || typeof v.objectives !== 'object' || v.objectives === null || typeof v.synergies !== 'string') {
    throw new Error(`Les appréciations enregistrées ne sont pas au format attendu (format ${String(v && v.format)}).`);
  }
  const objectives: { [key: string]: string } = {};
  for (const [key, text] of Object.entries(v.objectives as { [key: string]: unknown })) if (typeof text === 'string') objectives[key] = text;
  return { objectives, synergies: v.synergies };
}

/** The texts that differ between two versions (objective keys, and « synergies »): what a conflict shows side by side. */
export function differingAssessments(mine: EvaluationAssessments, theirs: EvaluationAssessments): string[] {
  const keys = Array.from(new Set([...Object.keys(mine.objectives), ...Object.keys(theirs.objectives)])).sort();
  const differs = keys.filter((key) => (mine.objectives[key] ?? '').trim() !== (theirs.objectives[key] ?? '').trim());
  return mine.synergies.trim() !== theirs.synergies.trim() ? [...differs, 'synergies'] : differs;
}
