/**
 * What importing a document into an existing PST changes: a pure diff between what
 * the lists hold (`PstSnapshot`) and what the document says (`PlanData`), so that
 * importing the same document twice changes nothing and importing a corrected document
 * updates only what was corrected.
 *
 * Matching, parents before children, each stored item used once:
 * 1. by code, when the code is unique on both sides;
 * 2. by title path: same parent (already matched) and same title after normalisation;
 * 3. by title alone, when it is unique on both sides (an item moved to another parent).
 * Items of the lists that the document no longer has are reported, never deleted.
 *
 * What a document cannot know is protected:
 * - an empty value in the document never erases a stored one (a sheet without a
 *   "Partenaires" line says nothing about partners; a document without sections says
 *   nothing about the OS's sections);
 * - follow-up data (status, progress %, health) is only filled when the list has none:
 *   project leads update it by check-ins after the import;
 * - a person resolved to a SharePoint account is kept (the document only has a name);
 * - what the lists cannot store (a CODIR pilot named but not resolved) is not compared.
 *
 * References (parent section, OS of an OO, OO and parent of an action) in `adds` and in
 * `changes` are the incoming placeholder ids: `matches` maps the matched ones to stored
 * ids; the others are items added by the same sync.
 */
import type { Action, OperationalObjective, Period, Person, Plan, PlanData, Section, StrategicObjective } from './model';
import { displayNameOf } from './model';
import { titleKey } from './vocabularies';
import { decodeEntities } from '../text/richText';
import type { PstSnapshot } from './snapshot';
import { restatesPeriod, restatesProgress, restatesResources, restatesStatus } from './asWritten';
import type { ActionMeansSync } from './meansSync';

export interface ItemUpdate<T> {
  readonly existingId: number;
  readonly incomingId: number;
  /** Only the fields that change; references are incoming ids (see `matches`). */
  readonly changes: Partial<T>;
}

export interface KindSync<T> {
  /** Incoming items with no stored counterpart, in document order. */
  readonly adds: T[];
  readonly updates: ItemUpdate<T>[];
  /** Matched items with nothing to change. */
  readonly unchanged: number;
  /** Incoming placeholder id → stored id, for every matched item. */
  readonly matches: ReadonlyMap<number, number>;
  /** Stored ids that the document does not contain (kept as they are). */
  readonly absent: number[];
}

export interface PlanSync {
  readonly plan: { readonly existingId: number; readonly changes: Partial<Plan> };
  readonly sections: KindSync<Section>;
  readonly strategicObjectives: KindSync<StrategicObjective>;
  readonly operationalObjectives: KindSync<OperationalObjective>;
  readonly actions: KindSync<Action>;
  /**
   * The means lines of matched actions (meansSync.ts), when the stored lines were read
   * (the lists' snapshot carries none): planSync leaves it out, the plan writer adds it.
   */
  readonly means?: ActionMeansSync[];
}

export interface PlanSyncOptions {
  /** The stored plan the document updates (default: the only plan, or the one with the same period or title). */
  readonly planId?: number;
}

// ---------------------------------------------------------------- value comparison

type Empty = null | undefined;

function isEmpty(value: unknown): value is Empty {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Text as a reader sees it: SharePoint may return rich text as HTML and change line endings. */
function plainText(value: string): string {
  return value
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|div|li)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&[^\s&;]{1,32};/g, decodeEntities)
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n+/g, '\n')
    .trim();
}

function sameText(a: string | Empty, b: string | Empty): boolean {
  return plainText(a || '') === plainText(b || '');
}

function sameList(a: readonly string[] | Empty, b: readonly string[] | Empty): boolean {
  const x = (a || []).map(plainText).filter((t) => t !== '');
  const y = (b || []).map(plainText).filter((t) => t !== '');
  return x.length === y.length && x.every((t, i) => t === y[i]);
}

function samePeriod(a: Period | Empty, b: Period | Empty): boolean {
  if (!a || !b) return !a && !b;
  return a.start === b.start && a.end === b.end;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a === undefined ? null : a) === JSON.stringify(b === undefined ? null : b);
}

/** One comparable field: how to read "is it different" and whether the document may write it. */
interface FieldRule<T> {
  readonly key: keyof T;
  readonly same: (stored: T, incoming: T) => boolean;
  /** Fill only when the list has no value (follow-up data). */
  readonly fillOnly?: boolean;
  /** Leave alone (e.g. a person resolved to an account). */
  readonly keep?: (stored: T, incoming: T) => boolean;
  /** A reference to another item: compared through the matches. */
  readonly reference?: boolean;
  /** The value to write when it differs (default: the incoming one). */
  readonly writeValue?: (stored: T, incoming: T) => T[keyof T];
}

const text = <T>(key: keyof T): FieldRule<T> => ({ key, same: (s, i) => sameText(s[key] as unknown as string, i[key] as unknown as string) });
const list = <T>(key: keyof T): FieldRule<T> => ({ key, same: (s, i) => sameList(s[key] as unknown as string[], i[key] as unknown as string[]) });
const exact = <T>(key: keyof T): FieldRule<T> => ({ key, same: (s, i) => sameJson(s[key], i[key]) });

const personName = (p: Person | string | Empty): string => plainText(displayNameOf(p || null)).toLowerCase();
const hasAccount = (p: Person | string | Empty): boolean => typeof p === 'object' && p !== null && typeof p.id === 'number';

const ACTION_RULES: readonly FieldRule<Action>[] = [
  text('code'),
  text('title'),
  exact('order'),
  text('description'),
  text('context'),
  text('steps'),
  { key: 'plannedStart', same: (s, i) => samePeriod(s.plannedStart, i.plannedStart) },
  { key: 'plannedEnd', same: (s, i) => samePeriod(s.plannedEnd, i.plannedEnd) },
  // A text that only restates the stored value (what an export writes for it) says nothing new.
  { key: 'plannedStartText', same: (s, i) => sameText(s.plannedStartText, i.plannedStartText) || (isEmpty(s.plannedStartText) && restatesPeriod(i.plannedStartText, s.plannedStart)) },
  { key: 'plannedEndText', same: (s, i) => sameText(s.plannedEndText, i.plannedEndText) || (isEmpty(s.plannedEndText) && restatesPeriod(i.plannedEndText, s.plannedEnd)) },
  text('department'),
  list('servicesInvolved'),
  list('partners'),
  { key: 'projectLead', same: (s, i) => personName(s.projectLead) === personName(i.projectLead), keep: (s) => hasAccount(s.projectLead) },
  {
    key: 'team',
    same: (s, i) => sameList(s.team.map((p) => p.displayName), i.team.map((p) => p.displayName)),
    keep: (s) => s.team.some((p) => hasAccount(p)),
  },
  // The lists keep a CODIR pilot only as an account: a name from a document cannot be stored.
  { key: 'pilot', same: (s, i) => !hasAccount(i.pilot) || personName(s.pilot) === personName(i.pilot), keep: (s) => hasAccount(s.pilot) },
  { key: 'mandatary', same: (s, i) => personName(s.mandatary) === personName(i.mandatary) },
  exact('priority'),
  { key: 'status', same: (s, i) => s.status === i.status, fillOnly: true },
  { key: 'statusText', same: (s, i) => sameText(s.statusText, i.statusText) || restatesStatus(i.statusText, s.status) },
  { key: 'progressPercent', same: (s, i) => s.progressPercent === i.progressPercent, fillOnly: true },
  { key: 'progressText', same: (s, i) => sameText(s.progressText, i.progressText) || restatesProgress(i.progressText, s.progressPercent) },
  { key: 'health', same: (s, i) => s.health === i.health, fillOnly: true },
  text('indicatorsText'),
  list('risks'),
  text('deliverables'),
  {
    key: 'resources',
    // The text as written; the means lines are compared and written apart (meansSync).
    same: (s, i) => isEmpty(i.resources.text) || sameText(s.resources.text, i.resources.text) || restatesResources(i.resources.text, s.resources),
    writeValue: (s, i) => ({
      text: isEmpty(i.resources.text) || restatesResources(i.resources.text, s.resources) ? s.resources.text : i.resources.text,
      ...(s.resources.lines ? { lines: s.resources.lines } : {}),
    }),
  },
  { key: 'sdgs', same: (s, i) => sameJson(s.sdgs.slice().sort(), i.sdgs.slice().sort()) },
  list('labels'),
  text('policyObjective'),
  text('synergies'),
  text('comments'),
  {
    key: 'projectGroup',
    same: (s, i) => sameText(s.projectGroup?.code, i.projectGroup?.code) && sameText(s.projectGroup?.title, i.projectGroup?.title),
  },
  { key: 'operationalObjectiveIds', same: () => true, reference: true },
  { key: 'parentActionId', same: () => true, reference: true },
];

const SECTION_RULES: readonly FieldRule<Section>[] = [text('code'), text('title'), exact('volet'), exact('order'), { key: 'parentSectionId', same: () => true, reference: true }];
const OS_RULES: readonly FieldRule<StrategicObjective>[] = [
  text('code'),
  text('title'),
  exact('volet'),
  exact('order'),
  text('description'),
  { key: 'sectionId', same: () => true, reference: true },
];
const OO_RULES: readonly FieldRule<OperationalObjective>[] = [
  text('code'),
  text('title'),
  exact('order'),
  text('description'),
  { key: 'strategicObjectiveId', same: () => true, reference: true },
];

function diffFields<T>(stored: T, incoming: T, rules: readonly FieldRule<T>[], sameReference: (key: keyof T) => boolean): Partial<T> {
  const changes: Partial<T> = {};
  for (const rule of rules) {
    const value = incoming[rule.key];
    if (rule.reference) {
      if (!sameReference(rule.key)) changes[rule.key] = value;
      continue;
    }
    if (isEmpty(value) && rule.key !== 'order') continue;
    if (rule.keep && rule.keep(stored, incoming)) continue;
    if (rule.fillOnly && !isEmpty(stored[rule.key])) continue;
    if (!rule.same(stored, incoming)) changes[rule.key] = rule.writeValue ? rule.writeValue(stored, incoming) : value;
  }
  return changes;
}

// ---------------------------------------------------------------- matching

interface Matchable {
  readonly id: number;
  readonly code: string | null;
  readonly title: string;
}

/**
 * Pairs incoming items with stored ones. `parentKeyOfIncoming` gives the stored id of the
 * incoming item's parent (null when the parent is new), `parentKeyOfStored` the stored
 * item's parent, both as strings so that kinds of parent can be told apart.
 */
function match<T extends Matchable>(
  stored: readonly T[],
  incoming: readonly T[],
  parentKeyOfStored: (item: T) => string | null,
  parentKeyOfIncoming: (item: T) => string | null,
): Map<number, number> {
  const matches = new Map<number, number>();
  const used = new Set<number>();
  const unique = <K>(items: readonly T[], keyOf: (item: T) => K | null) => {
    const counts = new Map<K, T[]>();
    for (const item of items) {
      const key = keyOf(item);
      if (key === null) continue;
      counts.set(key, (counts.get(key) || []).concat([item]));
    }
    return counts;
  };
  const codeOf = (item: T) => (item.code && item.code.trim() !== '' ? item.code.trim() : null);
  const titleOf = (item: T) => (titleKey(item.title || '') !== '' ? titleKey(item.title) : null);

  // 1. Codes unique on both sides.
  const storedByCode = unique(stored, codeOf);
  const incomingByCode = unique(incoming, codeOf);
  incomingByCode.forEach((items, code) => {
    const candidates = storedByCode.get(code);
    if (items.length === 1 && candidates && candidates.length === 1) {
      matches.set(items[0].id, candidates[0].id);
      used.add(candidates[0].id);
    }
  });

  // 2. Title under the same (matched) parent.
  const pathOf = (parent: string | null, item: T) => (parent === null || titleOf(item) === null ? null : `${parent}|${titleOf(item)}`);
  const storedByPath = unique(stored.filter((s) => !used.has(s.id)), (s) => pathOf(parentKeyOfStored(s), s));
  for (const item of incoming) {
    if (matches.has(item.id)) continue;
    const key = pathOf(parentKeyOfIncoming(item), item);
    const candidates = key === null ? undefined : (storedByPath.get(key) || []).filter((s) => !used.has(s.id));
    if (candidates && candidates.length > 0) {
      matches.set(item.id, candidates[0].id);
      used.add(candidates[0].id);
    }
  }

  // 3. A title unique on both sides: the item moved.
  const storedByTitle = unique(stored.filter((s) => !used.has(s.id)), titleOf);
  const incomingByTitle = unique(incoming.filter((i) => !matches.has(i.id)), titleOf);
  incomingByTitle.forEach((items, key) => {
    const candidates = storedByTitle.get(key);
    if (items.length === 1 && candidates && candidates.length === 1 && !used.has(candidates[0].id)) {
      matches.set(items[0].id, candidates[0].id);
      used.add(candidates[0].id);
    }
  });
  return matches;
}

function kindSync<T extends Matchable>(
  stored: readonly T[],
  incoming: readonly T[],
  matches: Map<number, number>,
  rules: readonly FieldRule<T>[],
  sameReference: (storedItem: T, incomingItem: T, key: keyof T) => boolean,
): KindSync<T> {
  const storedById = new Map(stored.map((s) => [s.id, s] as [number, T]));
  const adds: T[] = [];
  const updates: ItemUpdate<T>[] = [];
  let unchanged = 0;
  for (const item of incoming) {
    const storedId = matches.get(item.id);
    const existing = storedId === undefined ? undefined : storedById.get(storedId);
    if (!existing) {
      adds.push(item);
      continue;
    }
    const changes = diffFields(existing, item, rules, (key) => sameReference(existing, item, key));
    if (Object.keys(changes).length === 0) unchanged++;
    else updates.push({ existingId: existing.id, incomingId: item.id, changes });
  }
  const matched = new Set(matches.values());
  return { adds, updates, unchanged, matches, absent: stored.filter((s) => !matched.has(s.id)).map((s) => s.id) };
}

export type PlanChoiceReason = 'id' | 'period' | 'periodOtherOrganisation' | 'organisation' | 'title' | 'onlyPlan';

/** Reasons too weak to update a plan without checking that it shares the document's structure. */
export const WEAK_PLAN_CHOICES: readonly PlanChoiceReason[] = ['periodOtherOrganisation', 'organisation', 'title', 'onlyPlan'];

/**
 * Which stored plan a document updates: the one named; the one of the same legislature;
 * else the same organisation, the same title or the site's only plan, as long as the
 * periods do not contradict. For the weak reasons (`WEAK_PLAN_CHOICES`) the caller checks
 * that the plan shares the document's structure (`structuralOverlap`) before syncing.
 */
export function choosePlanWithReason(existing: PstSnapshot, incoming: Plan, planId?: number): { plan: Plan; reason: PlanChoiceReason } | null {
  if (planId !== undefined) {
    const named = existing.plans.find((p) => p.id === planId);
    return named ? { plan: named, reason: 'id' } : null;
  }
  const key = (text: string | null) => titleKey(text || '');
  const periodCompatible = (p: Plan) => p.startYear === null || incoming.startYear === null || (p.startYear === incoming.startYear && p.endYear === incoming.endYear);
  const organisationCompatible = (p: Plan) => !p.organisation || !incoming.organisation || key(p.organisation) === key(incoming.organisation);
  const samePeriod = existing.plans.filter((p) => incoming.startYear !== null && p.startYear === incoming.startYear && p.endYear === incoming.endYear);
  if (samePeriod.length === 1) return { plan: samePeriod[0], reason: organisationCompatible(samePeriod[0]) ? 'period' : 'periodOtherOrganisation' };
  const single = (plans: Plan[], reason: PlanChoiceReason) => (plans.length === 1 ? { plan: plans[0], reason } : null);
  return (
    single(existing.plans.filter((p) => !!incoming.organisation && !!p.organisation && key(p.organisation) === key(incoming.organisation) && periodCompatible(p)), 'organisation') ||
    single(existing.plans.filter((p) => key(p.title) === key(incoming.title) && periodCompatible(p)), 'title') ||
    single(existing.plans.length === 1 && periodCompatible(existing.plans[0]) ? existing.plans : [], 'onlyPlan')
  );
}

export function choosePlan(existing: PstSnapshot, incoming: Plan, planId?: number): Plan | null {
  const choice = choosePlanWithReason(existing, incoming, planId);
  return choice ? choice.plan : null;
}

/** Share of the document's OS and OO found in a stored plan (by code or title): is it the same PST? */
export function structuralOverlap(stored: PstSnapshot, incoming: PlanData): number {
  const keys = new Set<string>();
  for (const item of [...stored.strategicObjectives, ...stored.operationalObjectives]) {
    if (item.code) keys.add(`#${item.code}`);
    if (titleKey(item.title) !== '') keys.add(titleKey(item.title));
  }
  const items = [...incoming.strategicObjectives, ...incoming.operationalObjectives];
  if (items.length === 0) return 0;
  const found = items.filter((item) => (item.code && keys.has(`#${item.code}`)) || keys.has(titleKey(item.title))).length;
  return found / items.length;
}

// ---------------------------------------------------------------- the diff

export function planSync(existing: PstSnapshot, incoming: PlanData, options: PlanSyncOptions = {}): PlanSync {
  const storedPlan = choosePlan(existing, incoming.plan, options.planId);
  if (!storedPlan) throw new Error('planSync: no stored plan corresponds to the document; import it as a new plan.');

  // ---- plan
  const planChanges: Partial<Plan> = {};
  const planRules: (keyof Plan)[] = ['title', 'organisation', 'startYear', 'endYear'];
  for (const key of planRules) {
    const value = incoming.plan[key];
    if (isEmpty(value)) continue;
    if (!sameJson(typeof value === 'string' ? plainText(value) : value, typeof storedPlan[key] === 'string' ? plainText(storedPlan[key] as string) : storedPlan[key])) {
      (planChanges as Record<string, unknown>)[key] = value;
    }
  }

  // ---- sections (parents before children: a section's parent is matched first)
  const sectionMatches = new Map<number, number>();
  const incomingSections = incoming.sections;
  const byDepth = (items: readonly Section[]): Section[][] => {
    const depthOf = (s: Section, seen = 0): number => {
      const parent = items.find((p) => p.id === s.parentSectionId);
      return parent && seen < 20 ? depthOf(parent, seen + 1) + 1 : 0;
    };
    const groups: Section[][] = [];
    for (const s of items) (groups[depthOf(s)] = groups[depthOf(s)] || []).push(s);
    return groups.filter((g) => g);
  };
  const sectionParent = (id: number | null | undefined, map: ReadonlyMap<number, number> | null) =>
    id == null ? 'root' : map ? (map.has(id) ? `s${map.get(id)}` : null) : `s${id}`;
  for (const generation of byDepth(incomingSections)) {
    const found = match(
      existing.sections.filter((s) => !Array.from(sectionMatches.values()).some((v) => v === s.id)),
      generation,
      (s) => `${s.volet || ''}|${sectionParent(s.parentSectionId, null)}`,
      (s) => {
        const parent = sectionParent(s.parentSectionId, sectionMatches);
        return parent === null ? null : `${s.volet || ''}|${parent}`;
      },
    );
    found.forEach((v, k) => sectionMatches.set(k, v));
  }
  const sameRef = (storedValue: number | null | undefined, incomingValue: number | null | undefined, map: ReadonlyMap<number, number>) =>
    (storedValue ?? null) === (incomingValue == null ? null : map.has(incomingValue) ? (map.get(incomingValue) as number) : -1);
  const sections = kindSync(existing.sections, incomingSections, sectionMatches, SECTION_RULES, (s, i) => sameRef(s.parentSectionId, i.parentSectionId, sectionMatches));

  // ---- strategic objectives
  const osMatches = match(
    existing.strategicObjectives,
    incoming.strategicObjectives,
    (s) => `${s.volet || ''}|${s.sectionId ?? 'root'}`,
    (s) => (s.sectionId != null && !sectionMatches.has(s.sectionId) ? null : `${s.volet || ''}|${s.sectionId == null ? 'root' : sectionMatches.get(s.sectionId)}`),
  );
  // A document without any section (an eComptes export, a flat list) says nothing about sections: the OS stay in theirs.
  const saysSections = incoming.sections.length > 0;
  const strategicObjectives = kindSync(existing.strategicObjectives, incoming.strategicObjectives, osMatches, OS_RULES, (s, i) => !saysSections || sameRef(s.sectionId, i.sectionId, sectionMatches));

  // ---- operational objectives
  const ooMatches = match(
    existing.operationalObjectives,
    incoming.operationalObjectives,
    (o) => `os${o.strategicObjectiveId}`,
    (o) => (osMatches.has(o.strategicObjectiveId) ? `os${osMatches.get(o.strategicObjectiveId)}` : null),
  );
  const operationalObjectives = kindSync(existing.operationalObjectives, incoming.operationalObjectives, ooMatches, OO_RULES, (s, i) =>
    sameRef(s.strategicObjectiveId, i.strategicObjectiveId, osMatches),
  );

  // ---- actions, then sub-actions (their parent action matched first)
  const actionMatches = new Map<number, number>();
  const parentOfStored = (a: Action) => (a.parentActionId != null ? `a${a.parentActionId}` : `oo${a.operationalObjectiveIds[0] ?? ''}`);
  const parentOfIncoming = (a: Action) => {
    if (a.parentActionId != null) return actionMatches.has(a.parentActionId) ? `a${actionMatches.get(a.parentActionId)}` : null;
    const first = a.operationalObjectiveIds[0];
    return first !== undefined && ooMatches.has(first) ? `oo${ooMatches.get(first)}` : null;
  };
  const incomingTop = incoming.actions.filter((a) => a.parentActionId == null);
  const incomingSubs = incoming.actions.filter((a) => a.parentActionId != null);
  match(existing.actions, incomingTop, parentOfStored, parentOfIncoming).forEach((v, k) => actionMatches.set(k, v));
  const usedIds = new Set(actionMatches.values());
  match(existing.actions.filter((a) => !usedIds.has(a.id)), incomingSubs, parentOfStored, parentOfIncoming).forEach((v, k) => actionMatches.set(k, v));
  const actions = kindSync(existing.actions, incoming.actions, actionMatches, ACTION_RULES, (s, i, key) => {
    if (key === 'parentActionId') return sameRef(s.parentActionId, i.parentActionId, actionMatches);
    const storedIds = s.operationalObjectiveIds;
    const incomingIds = i.operationalObjectiveIds.map((id) => (ooMatches.has(id) ? (ooMatches.get(id) as number) : -1));
    return storedIds.length === incomingIds.length && storedIds.every((id, k) => id === incomingIds[k]);
  });

  return { plan: { existingId: storedPlan.id, changes: planChanges }, sections, strategicObjectives, operationalObjectives, actions };
}

/** Totals of a sync, for the report. */
export function syncTotals(sync: PlanSync): { adds: number; updates: number; unchanged: number; absent: number } {
  const kinds = [sync.sections, sync.strategicObjectives, sync.operationalObjectives, sync.actions] as KindSync<Matchable>[];
  return {
    adds: kinds.reduce((n, k) => n + k.adds.length, 0),
    updates: kinds.reduce((n, k) => n + k.updates.length, 0) + (Object.keys(sync.plan.changes).length > 0 ? 1 : 0),
    unchanged: kinds.reduce((n, k) => n + k.unchanged, 0),
    absent: kinds.reduce((n, k) => n + k.absent.length, 0),
  };
}
