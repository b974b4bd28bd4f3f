/**
 * The computed plan model of a page, shared by its web parts: the plan's items, the filter
 * options, the filtered items, the tree and its roll-up, and the rows of the objective tree
 * are computed once per snapshot and filter, whichever web part asks first; the others get
 * the same objects. The web parts of a page share one snapshot (one load, see
 * createPstServices), and after a save one patched snapshot (`snapshotWithSaved`), so
 * the caches, keyed by those objects, hit across them.
 */
import * as strings from 'PstStrings';
import type { FilterableData, PstFilter, PstFilterOptions } from '../../domain/filter';
import { filterOptions, filterPlanData } from '../../domain/filter';
import type { LatenessThresholds } from '../../domain/lateness';
import type { Action, IsoDate, OperationalObjective, Person, Plan, Volet } from '../../domain/model';
import { itemsOfPlan } from '../../domain/plans';
import { visibleStructure } from '../../domain/structure';
import type { PlanRollup } from '../../domain/rollup';
import { rollUp } from '../../domain/rollup';
import { PstSnapshot, withSavedAction } from '../../domain/snapshot';
import type { PlanTree } from '../../domain/tree';
import { buildPlanTree } from '../../domain/tree';
import { SharingLookup, TreeModel, buildTreeModel } from '../tree/treeModel';

/** Filtered results kept per plan data: the current filter and the few before (typing back). */
const KEPT_PER_DATA = 4;

export const UNTITLED_PLAN: Plan = { id: 0, title: 'PST', organisation: null, startYear: null, endYear: null };

/** The items of one plan, as every view reads them. */
export interface PlanData extends FilterableData {
  readonly plan: Plan;
}

export interface ComputedPlan {
  readonly tree: PlanTree;
  readonly rollup: PlanRollup;
}

export interface FilterRun {
  readonly me: Person | null;
  readonly today: IsoDate;
  readonly thresholds?: Partial<LatenessThresholds>;
}

/** A small cache keyed first by an object (forgotten with it), then by a text, the oldest dropped. */
class ObjectCache<K extends object, V> {
  private readonly byObject = new WeakMap<K, Map<string, V>>();
  constructor(private readonly kept: number) {}

  get(object: K, key: string, compute: () => V): V {
    let entries = this.byObject.get(object);
    if (!entries) {
      entries = new Map();
      this.byObject.set(object, entries);
    }
    const known = entries.get(key);
    if (known !== undefined) {
      // most recently used last
      entries.delete(key);
      entries.set(key, known);
      return known;
    }
    const value = compute();
    entries.set(key, value);
    if (entries.size > this.kept) entries.delete(entries.keys().next().value as string);
    return value;
  }

  /** What is kept for `object`, the most recently used last. */
  values(object: K): V[] {
    const entries = this.byObject.get(object);
    return entries ? Array.from(entries.values()) : [];
  }
}

const planDataCache = new ObjectCache<PstSnapshot, PlanData>(8);
const optionsCache = new ObjectCache<FilterableData, PstFilterOptions>(1);
const filteredCache = new ObjectCache<FilterableData, FilterableData>(KEPT_PER_DATA);
const computedCache = new ObjectCache<FilterableData, ComputedPlan>(2);
const sharingCache = new ObjectCache<FilterableData, SharingLookup>(1);
const treeModelCache = new ObjectCache<ComputedPlan, TreeModel>(1);
const savedCache = new ObjectCache<PstSnapshot, PstSnapshot>(4);
const savedIds = new WeakMap<Action, string>();
let savedSerial = 0;

/** The chosen plan's items (a site may keep several legislatures; the views show one). */
export function planDataOf(snapshot: PstSnapshot, plan: Plan | null, showArchived = false): PlanData {
  return planDataCache.get(snapshot, `${plan ? plan.id : 'none'}${showArchived ? '+archived' : ''}`, () => {
    // Archived items only on request (domain/structure.ts): hidden from the views and roll-ups.
    const items = visibleStructure(plan ? itemsOfPlan(snapshot, plan.id) : snapshot, showArchived);
    return {
      plan: plan ?? UNTITLED_PLAN,
      sections: items.sections,
      strategicObjectives: items.strategicObjectives,
      operationalObjectives: items.operationalObjectives,
      actions: items.actions,
    };
  });
}

export function filterOptionsOf(data: FilterableData): PstFilterOptions {
  return optionsCache.get(data, '', () => filterOptions(data));
}

function runKey(filter: PstFilter, run: FilterRun): string {
  const me = run.me ? `${run.me.email ?? ''}|${run.me.id ?? ''}|${run.me.displayName}` : '';
  return JSON.stringify([filter, me, run.today, run.thresholds ?? null]);
}

function sameItems<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The same items in the same order (a filter keeps the objects it is given, or copies the ones it changes). */
function sameLists(a: FilterableData, b: FilterableData): boolean {
  return (
    sameItems(a.actions, b.actions) &&
    sameItems(a.operationalObjectives, b.operationalObjectives) &&
    sameItems(a.strategicObjectives, b.strategicObjectives) &&
    sameItems(a.sections, b.sections)
  );
}

/**
 * The items the filter keeps (the data itself when the filter is empty). A filter that keeps
 * the same items as the data, or as a filter just before (typing on in the search box
 * often does), gives that same object: the tree, the roll-up, the cards and the dashboard
 * figures, cached by it, are not computed again.
 */
export function filteredOf<T extends FilterableData>(data: T, filter: PstFilter, run: FilterRun): T {
  return filteredCache.get(data, runKey(filter, run), () => {
    const result = filterPlanData(data, filter, run);
    if (result === data || sameLists(result, data)) return data;
    return filteredCache.values(data).find((earlier) => sameLists(earlier, result)) ?? result;
  }) as T;
}

/** The tree of (filtered) items under `plan` and its roll-up. */
export function computedOf(data: FilterableData, plan: Plan, run: Pick<FilterRun, 'today' | 'thresholds'>): ComputedPlan {
  return computedCache.get(data, JSON.stringify([plan, run.today, run.thresholds ?? null]), () => {
    const tree = buildPlanTree({ ...data, plan });
    return { tree, rollup: rollUp(tree, { today: run.today, thresholds: run.thresholds }) };
  });
}

/** The unfiltered actions and OO by id, to tell that an action is shared even when the filter kept one OO. */
export function sharingOf(data: FilterableData): SharingLookup {
  return sharingCache.get(data, '', () => ({
    actions: new Map<number, Action>(data.actions.map((a) => [a.id, a])),
    operationalObjectives: new Map<number, OperationalObjective>(data.operationalObjectives.map((o) => [o.id, o])),
  }));
}

function voletTitle(volet: Volet | null): string {
  if (volet === 'interne') return strings.Volet_interne;
  if (volet === 'externe') return strings.Volet_externe;
  if (volet === 'transversal') return strings.Volet_transversal;
  return strings.TreeNoVolet;
}

/** The rows of the objective tree for a computed plan. */
export function treeModelOf(computed: ComputedPlan, sharing: SharingLookup): TreeModel {
  return treeModelCache.get(computed, '', () => buildTreeModel(computed.tree, computed.rollup, { volet: voletTitle, orphans: strings.TreeOrphans }, sharing));
}

/**
 * The snapshot with an action as just saved. Every web part of the page patches its
 * snapshot with the same saved action: they get the same new snapshot, hence one model.
 */
export function snapshotWithSaved(snapshot: PstSnapshot, action: Action): PstSnapshot {
  let id = savedIds.get(action);
  if (id === undefined) {
    id = String(++savedSerial);
    savedIds.set(action, id);
  }
  return savedCache.get(snapshot, id, () => withSavedAction(snapshot, action));
}
