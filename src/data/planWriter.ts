/**
 * Writing an imported PST into the lists, through PnPjs like the web parts: a new plan
 * is written whole (`writeNewPlan`, also the repository's `importPlan`); a plan already on
 * the site is updated with the pure diff of the plan comparison (adds, then updates of the changed columns
 * only), parents before children, at most 100 requests per `$batch`.
 *
 * A failure stops the writing after the batch where it happened and the result says
 * what was written and what was not. Nothing is left half-imported silently, and
 * running the same import again converges: items already written are found again by
 * code or title path, and only what is missing or different is written.
 *
 * A new plan is written marked `importInProgress` (its first write) and unmarked by its
 * last: until then no view, reminder or report sees it or its items
 * (domain/plans.ts `withoutUnfinishedPlans`), whatever step a crash interrupts. The next
 * import of the document finds the unfinished plan (same period or title) and completes
 * it, then unmarks it.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import type { Action, OperationalObjective, Plan, PlanData, Section, StrategicObjective } from '../domain/model';
import { itemsOfPlan } from '../domain/plans';
import type { ImportedKind as Kind, PlanImport, PlanImportResult, SiteImportOptions, SiteImportResult, WriteCount } from './PstRepository';
import type { PstSnapshot } from '../domain/snapshot';
import { actionsList, indicatorsList, meansList, ListDef, operationalObjectivesList, plansList, sectionsList, strategicObjectivesList } from '../schema/listSchema';
import {
  actionFromItem,
  actionToItem,
  changedProperties,
  indicatorToItem,
  ItemPayload,
  meansLineToItem,
  ListItem,
  operationalObjectiveFromItem,
  operationalObjectiveToItem,
  planFromItem,
  planToItem,
  sectionFromItem,
  sectionToItem,
  strategicObjectiveFromItem,
  strategicObjectiveToItem,
} from '../schema/mapping';
import { queryFor } from '../schema/query';
import { listUrl } from './sharePointPaths';
import { batched, followPages, readPage } from './requests';
import { MAX_BATCH_REQUESTS, MAX_PAGE_SIZE } from '../domain/limits';
import { choosePlanWithReason, ItemUpdate, PlanSync, planSync, structuralOverlap, WEAK_PLAN_CHOICES } from '../domain/planSync';
import { planMeansSync } from '../domain/meansSync';
import type { MeansLine } from '../domain/means';
import { readAllMeans } from './meansLines';

/** Share of OS/OO in common for a document to be taken as a version of a stored plan. */
const MIN_OVERLAP = 0.3;

const KIND_NAMES_FR: { readonly [K in Kind]: string } = {
  plan: 'plan',
  sections: 'sections',
  strategicObjectives: 'objectifs stratégiques',
  operationalObjectives: 'objectifs opérationnels',
  actions: 'actions',
};

// ---------------------------------------------------------------- reading

/** Every plan of the site with its items (the sheets' long texts included: the sync compares them). */
export async function loadStoredPst(sp: SPFI, webServerRelativeUrl: string): Promise<PstSnapshot> {
  const [batchedSp, execute] = batched(sp);
  const query = (list: ListDef, from: SPFI) => {
    const { select, expand } = queryFor(list);
    const items = from.web.getList(listUrl(webServerRelativeUrl, list)).items.select(...select);
    return (expand.length > 0 ? items.expand(...expand) : items).top(MAX_PAGE_SIZE);
  };
  // The first page of each list in one batch, then the next pages (a plan past 5,000 actions).
  const read = (list: ListDef): Promise<ListItem[]> => readPage(query(list, batchedSp)).then((first) => followPages(query(list, sp), first));
  const pending = Promise.all([read(plansList), read(sectionsList), read(strategicObjectivesList), read(operationalObjectivesList), read(actionsList)]);
  pending.catch(() => undefined);
  await execute();
  const [plans, sections, strategic, operational, actions] = await pending;
  const teamText = actionsList.fields.teamText.internalName;
  return {
    plans: plans.map(planFromItem),
    sections: sections.map(sectionFromItem),
    strategicObjectives: strategic.map(strategicObjectiveFromItem),
    operationalObjectives: operational.map(operationalObjectiveFromItem),
    actions: actions.map((item) => {
      const action = actionFromItem(item);
      // Names of a team not yet resolved to accounts are kept in a text column.
      const names = typeof item[teamText] === 'string' ? (item[teamText] as string).split(/\r?\n/).map((n) => n.trim()).filter((n) => n !== '') : [];
      return action.team.length === 0 && names.length > 0 ? { ...action, team: names.map((displayName) => ({ displayName })) } : action;
    }),
    indicators: [],
  };
}

// ---------------------------------------------------------------- writing

interface Pending {
  readonly kind: Kind;
  readonly label: string;
  readonly run: (sp: SPFI) => Promise<unknown>;
  readonly done: (result: unknown) => void;
}

function emptyWritten(): { [K in Kind]: WriteCount } {
  return {
    plan: { added: 0, updated: 0 },
    sections: { added: 0, updated: 0 },
    strategicObjectives: { added: 0, updated: 0 },
    operationalObjectives: { added: 0, updated: 0 },
    actions: { added: 0, updated: 0 },
  };
}

function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 300 ? message.slice(0, 299) + '…' : message;
}

class SyncWriter {
  readonly written = emptyWritten();
  readonly failures: string[] = [];
  notWritten = 0;
  /** Incoming placeholder id → stored id, for matched and added items. */
  readonly ids: { [K in Exclude<Kind, 'plan'>]: Map<number, number> };

  constructor(
    private readonly sp: SPFI,
    private readonly webServerRelativeUrl: string,
    private readonly stored: PstSnapshot,
    private readonly sync: PlanSync,
  ) {
    this.ids = {
      sections: new Map(sync.sections.matches),
      strategicObjectives: new Map(sync.strategicObjectives.matches),
      operationalObjectives: new Map(sync.operationalObjectives.matches),
      actions: new Map(sync.actions.matches),
    };
  }

  private items(list: ListDef, sp: SPFI) {
    return sp.web.getList(listUrl(this.webServerRelativeUrl, list)).items;
  }

  /** Runs requests in batches; stops at the first batch with a failure. Returns false then. */
  async run(requests: readonly Pending[]): Promise<boolean> {
    for (let start = 0; start < requests.length; start += MAX_BATCH_REQUESTS) {
      const slice = requests.slice(start, start + MAX_BATCH_REQUESTS);
      const [batchedSp, execute] = batched(this.sp);
      const pending = slice.map((r) => r.run(batchedSp));
      const settled = Promise.all(pending.map((p) => p.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }))));
      let batchError: unknown = null;
      try {
        await execute();
      } catch (error) {
        batchError = error;
      }
      const results = await settled;
      let failed = false;
      results.forEach((result, k) => {
        if (result.ok && batchError === null) slice[k].done(result.value);
        else if (result.ok) slice[k].done(result.value);
        else {
          failed = true;
          this.failures.push(`${KIND_NAMES_FR[slice[k].kind]} « ${slice[k].label} » : ${errorMessage(result.error)}`);
          this.notWritten++;
        }
      });
      if (failed || batchError !== null) {
        if (batchError !== null && !failed) this.failures.push(`Lot de requêtes refusé : ${errorMessage(batchError)}`);
        this.notWritten += requests.length - start - slice.length;
        return false;
      }
    }
    return true;
  }

  private resolve(kind: Exclude<Kind, 'plan'>, id: number | null | undefined): number | null {
    if (id == null) return null;
    const found = this.ids[kind].get(id);
    return found === undefined ? null : found;
  }

  private addRequest<T extends { id: number; title?: string }>(kind: Exclude<Kind, 'plan'>, list: ListDef, item: T, payload: ItemPayload): Pending {
    return {
      kind,
      label: item.title || String(item.id),
      run: (sp) => this.items(list, sp).add(payload),
      done: (result) => {
        const added = result as ListItem | { data?: ListItem };
        const id = (added as ListItem).Id ?? (added as { data?: ListItem }).data?.Id;
        if (typeof id === 'number') this.ids[kind].set(item.id, id);
        this.written[kind].added++;
      },
    };
  }

  private updateRequest(kind: Kind, list: ListDef, id: number, label: string, payload: ItemPayload): Pending {
    return {
      kind,
      label,
      run: (sp) => this.items(list, sp).getById(id).update(payload),
      done: () => {
        this.written[kind].updated++;
      },
    };
  }

  async write(planId: number, incoming: PlanData): Promise<boolean> {
    const sync = this.sync;
    const storedPlan = this.stored.plans.find((p) => p.id === planId) as Plan;

    // ---- plan
    if (Object.keys(sync.plan.changes).length > 0) {
      const payload = changedProperties(planToItem(storedPlan), planToItem({ ...storedPlan, ...sync.plan.changes }));
      if (!(await this.run([this.updateRequest('plan', plansList, planId, storedPlan.title, payload)]))) return false;
    }

    // ---- sections: added by generations (parent first), then updated
    const sectionRefs = (s: Section): Section => ({ ...s, parentSectionId: this.resolve('sections', s.parentSectionId) });
    for (const generation of generations(sync.sections.adds, (s) => s.id, (s) => s.parentSectionId ?? null)) {
      const requests = generation.map((s) => this.addRequest('sections', sectionsList, s, sectionToItem(sectionRefs(s), planId)));
      if (!(await this.run(requests))) return false;
    }
    // References in the changes are incoming ids: resolved before the payloads are built.
    const sectionUpdates = this.resolvedUpdates(
      'sections',
      sectionsList,
      sync.sections.updates,
      this.stored.sections,
      (m, c) => ('parentSectionId' in c ? { ...m, parentSectionId: this.resolve('sections', c.parentSectionId) } : m),
      (s) => sectionToItem(s, planId),
    );
    if (!(await this.run(sectionUpdates))) return false;

    // ---- strategic objectives
    const osRefs = (o: StrategicObjective): StrategicObjective => ({ ...o, sectionId: this.resolve('sections', o.sectionId) });
    if (!(await this.run(sync.strategicObjectives.adds.map((o) => this.addRequest('strategicObjectives', strategicObjectivesList, o, strategicObjectiveToItem(osRefs(o), planId))))))
      return false;
    if (
      !(await this.run(
        this.resolvedUpdates(
          'strategicObjectives',
          strategicObjectivesList,
          sync.strategicObjectives.updates,
          this.stored.strategicObjectives,
          (m, c) => ('sectionId' in c ? { ...m, sectionId: this.resolve('sections', c.sectionId) } : m),
          (o) => strategicObjectiveToItem(o, planId),
        ),
      ))
    )
      return false;

    // ---- operational objectives
    const ooRefs = (o: OperationalObjective): OperationalObjective => ({ ...o, strategicObjectiveId: this.resolve('strategicObjectives', o.strategicObjectiveId) ?? 0 });
    if (!(await this.run(sync.operationalObjectives.adds.map((o) => this.addRequest('operationalObjectives', operationalObjectivesList, o, operationalObjectiveToItem(ooRefs(o)))))))
      return false;
    if (
      !(await this.run(
        this.resolvedUpdates(
          'operationalObjectives',
          operationalObjectivesList,
          sync.operationalObjectives.updates,
          this.stored.operationalObjectives,
          (m, c) => ('strategicObjectiveId' in c ? { ...m, strategicObjectiveId: this.resolve('strategicObjectives', c.strategicObjectiveId) ?? m.strategicObjectiveId } : m),
          operationalObjectiveToItem,
        ),
      ))
    )
      return false;

    // ---- actions: parents first (a sub-action needs its action's id)
    const actionRefs = (a: Action): Action => ({
      ...a,
      parentActionId: this.resolve('actions', a.parentActionId),
      operationalObjectiveIds: a.operationalObjectiveIds.map((id) => this.resolve('operationalObjectives', id)).filter((id): id is number => id !== null),
    });
    const addedActions = sync.actions.adds;
    const allIncoming = new Map(incoming.actions.map((a) => [a.id, a] as [number, Action]));
    for (const generation of generations(addedActions, (a) => a.id, (a) => (a.parentActionId != null && allIncoming.has(a.parentActionId) && !this.ids.actions.has(a.parentActionId) ? a.parentActionId : null))) {
      if (!(await this.run(generation.map((a) => this.addRequest('actions', actionsList, a, actionToItem(actionRefs(a))))))) return false;
    }
    const actionsWritten = await this.run(
      this.resolvedUpdates(
        'actions',
        actionsList,
        sync.actions.updates,
        this.stored.actions,
        (m, c) => {
          let merged = m;
          if ('parentActionId' in c) merged = { ...merged, parentActionId: this.resolve('actions', c.parentActionId) };
          if ('operationalObjectiveIds' in c && c.operationalObjectiveIds) {
            merged = { ...merged, operationalObjectiveIds: c.operationalObjectiveIds.map((id) => this.resolve('operationalObjectives', id)).filter((id): id is number => id !== null) };
          }
          return merged;
        },
        actionToItem,
      ),
    );
    if (!actionsWritten) return false;

    // ---- means lines: the previous import's replaced on matched actions, all of an added action's
    const meansRequests: Pending[] = [];
    const addLine = (line: MeansLine, actionId: number, title: string): Pending => ({
      kind: 'actions',
      label: `${title} – moyens ${line.year}`,
      run: (sp) => this.items(meansList, sp).add(meansLineToItem({ ...line, fromDocument: true }, actionId)),
      done: () => undefined,
    });
    for (const change of sync.means ?? []) {
      const title = this.stored.actions.find((a) => a.id === change.existingId)?.title ?? String(change.existingId);
      for (const line of change.removed) {
        meansRequests.push({ kind: 'actions', label: `${title} – moyens ${line.year}`, run: (sp) => this.items(meansList, sp).getById(line.id as number).delete(), done: () => undefined });
      }
      for (const line of change.added) meansRequests.push(addLine(line, change.existingId, title));
    }
    for (const action of addedActions) {
      const id = this.resolve('actions', action.id);
      if (id !== null) for (const line of action.resources.lines ?? []) meansRequests.push(addLine(line, id, action.title));
    }
    return this.run(meansRequests);
  }

  /** Update requests with the changed columns only; references in the changes are resolved to stored ids. */
  private resolvedUpdates<T extends { id: number; title: string }>(
    kind: Exclude<Kind, 'plan'>,
    list: ListDef,
    updates: readonly ItemUpdate<T>[],
    stored: readonly T[],
    resolveReferences: (merged: T, changes: Partial<T>) => T,
    toItem: (item: T) => ItemPayload,
  ): Pending[] {
    const byId = new Map(stored.map((s) => [s.id, s] as [number, T]));
    const requests: Pending[] = [];
    for (const update of updates) {
      const existing = byId.get(update.existingId);
      if (!existing) continue;
      const merged = resolveReferences({ ...existing, ...update.changes } as T, update.changes);
      const payload = changedProperties(toItem(existing), toItem(merged));
      if (Object.keys(payload).length === 0) continue;
      requests.push(this.updateRequest(kind, list, update.existingId, existing.title, payload));
    }
    return requests;
  }
}

/**
 * Imports a plan into a site: a new plan with `importPlan`, or the sync of an existing
 * one. With `dryRun`, only reads and returns the diff.
 */
export async function importPlanToSite(sp: SPFI, webServerRelativeUrl: string, data: PlanData, options: SiteImportOptions = {}): Promise<SiteImportResult> {
  const stored = await loadStoredPst(sp, webServerRelativeUrl);
  const choice = choosePlanWithReason(stored, data.plan, options.planId);
  if (options.planId !== undefined && !choice) throw new Error(`Aucun plan n'a l'identifiant ${options.planId} sur ce site.`);
  // A plan chosen on weak grounds must share the document's structure: another CPAS's
  // PST or another legislature is a new plan, not an update.
  const weak = choice !== null && WEAK_PLAN_CHOICES.indexOf(choice.reason) >= 0;
  // An unfinished plan of the same period or title is this import interrupted: resumed whatever was written of it.
  const resumed = choice !== null && choice.plan.importInProgress === true;
  const plan = !options.newPlan && choice && (resumed || !weak || structuralOverlap(itemsOfPlan(stored, choice.plan.id), data) >= MIN_OVERLAP) ? choice.plan : null;

  if (!plan) {
    const total = data.sections.length + data.strategicObjectives.length + data.operationalObjectives.length + data.actions.length + 1;
    const written = emptyWritten();
    if (options.dryRun) return { mode: 'new', planId: null, sync: null, written, notWritten: total, failures: [], complete: true };
    try {
      const result = await writeNewPlan(sp, webServerRelativeUrl, data);
      written.plan.added = 1;
      written.sections.added = result.ids.sections.size;
      written.strategicObjectives.added = result.ids.strategicObjectives.size;
      written.operationalObjectives.added = result.ids.operationalObjectives.size;
      written.actions.added = result.ids.actions.size;
      return { mode: 'new', planId: result.planId, sync: null, written, notWritten: 0, failures: [], complete: true };
    } catch (error) {
      // importPlan writes parents first: what is there now is found again by the next run.
      return {
        mode: 'new',
        planId: null,
        sync: null,
        written,
        notWritten: total,
        failures: [`Création du plan interrompue : ${errorMessage(error)}`],
        complete: false,
      };
    }
  }

  const snapshot = itemsOfPlan(stored, plan.id);
  const compared = planSync(snapshot, data, { planId: plan.id });
  // The lines the lists hold now, with their origin: the update replaces the previous import's (meansSync.ts).
  const sync: PlanSync = { ...compared, means: planMeansSync(compared.actions.matches, data.actions, await readAllMeans(sp, webServerRelativeUrl)) };
  if (options.dryRun) return { mode: 'sync', planId: plan.id, sync, written: emptyWritten(), notWritten: 0, failures: [], complete: true, stored: snapshot };
  const writer = new SyncWriter(sp, webServerRelativeUrl, snapshot, sync);
  let complete = false;
  try {
    complete = await writer.write(plan.id, data);
    if (complete && plan.importInProgress === true) await markFinished(sp, webServerRelativeUrl, plan.id);
  } catch (error) {
    complete = false;
    writer.failures.push(errorMessage(error));
  }
  return { mode: 'sync', planId: plan.id, sync, written: writer.written, notWritten: writer.notWritten, failures: writer.failures, complete };
}

// ---------------------------------------------------------------- a new plan

/** A plan not yet on the site: every item added, parents first (each generation of sections and actions is one round). */
export async function writeNewPlan(sp: SPFI, webServerRelativeUrl: string, data: PlanImport): Promise<PlanImportResult> {
  const ids: PlanImportResult['ids'] = {
    sections: new Map(),
    strategicObjectives: new Map(),
    operationalObjectives: new Map(),
    actions: new Map(),
  };
  const [plan] = await addAll(sp, webServerRelativeUrl, plansList, [planToItem({ ...data.plan, importInProgress: true })]);
  const planId = plan.Id;

  // Parents before children: each generation of sections and actions is one round.
  for (const generation of generations(data.sections, (s) => s.id, (s) => s.parentSectionId ?? null)) {
    const added = await addAll(sp, webServerRelativeUrl, 
      sectionsList,
      generation.map((s) => sectionToItem({ ...s, parentSectionId: mapped(ids.sections, s.parentSectionId) }, planId)),
    );
    generation.forEach((s, i) => ids.sections.set(s.id, added[i].Id));
  }
  const addedOs = await addAll(sp, webServerRelativeUrl, 
    strategicObjectivesList,
    data.strategicObjectives.map((os) => strategicObjectiveToItem({ ...os, sectionId: mapped(ids.sections, os.sectionId) }, planId)),
  );
  data.strategicObjectives.forEach((os, i) => ids.strategicObjectives.set(os.id, addedOs[i].Id));
  const addedOo = await addAll(sp, webServerRelativeUrl, 
    operationalObjectivesList,
    data.operationalObjectives.map((oo) =>
      operationalObjectiveToItem({ ...oo, strategicObjectiveId: mapped(ids.strategicObjectives, oo.strategicObjectiveId) ?? 0 }),
    ),
  );
  data.operationalObjectives.forEach((oo, i) => ids.operationalObjectives.set(oo.id, addedOo[i].Id));
  for (const generation of generations(data.actions, (a) => a.id, (a) => a.parentActionId ?? null)) {
    const added = await addAll(sp, webServerRelativeUrl, 
      actionsList,
      generation.map((a: Action) =>
        actionToItem({
          ...a,
          parentActionId: mapped(ids.actions, a.parentActionId),
          operationalObjectiveIds: a.operationalObjectiveIds.map((id) => ids.operationalObjectives.get(id)).filter(isNumber),
        }),
      ),
    );
    generation.forEach((a, i) => ids.actions.set(a.id, added[i].Id));
  }
  await addAll(sp, webServerRelativeUrl, 
    indicatorsList,
    (data.indicators ?? []).map((ind) => indicatorToItem({ ...ind, actionId: ids.actions.get(ind.actionId) ?? 0 })),
  );
  // What the document says of the means (its single figures are already a line: toPlan).
  await addAll(
    sp,
    webServerRelativeUrl,
    meansList,
    data.actions.flatMap((a) => (a.resources.lines ?? []).map((line) => meansLineToItem({ ...line, fromDocument: true }, ids.actions.get(a.id) ?? 0))),
  );
  await markFinished(sp, webServerRelativeUrl, planId);
  return { ids, planId };
}

/** The last write of an import: the plan may be shown. In a batch like every write of an import. */
async function markFinished(sp: SPFI, webServerRelativeUrl: string, planId: number): Promise<void> {
  const [batchedSp, execute] = batched(sp);
  const pending = batchedSp.web.getList(listUrl(webServerRelativeUrl, plansList)).items.getById(planId).update({ [plansList.fields.importInProgress.internalName]: false });
  pending.catch(() => undefined);
  await execute();
  await pending;
}

/** Adds items in batches of MAX_BATCH_REQUESTS; returns them in the order given. */
async function addAll(sp: SPFI, webServerRelativeUrl: string, list: ListDef, payloads: ItemPayload[]): Promise<ListItem[]> {
  const added: ListItem[] = [];
  for (let start = 0; start < payloads.length; start += MAX_BATCH_REQUESTS) {
    const [batchedSp, execute] = batched(sp);
    // PnPjs v4: every request of a batch needs its own queryable instance.
    const pending = Promise.all(
      payloads.slice(start, start + MAX_BATCH_REQUESTS).map((p) => batchedSp.web.getList(listUrl(webServerRelativeUrl, list)).items.add(p) as Promise<ListItem>),
    );
    pending.catch(() => undefined);
    await execute();
    added.push(...(await pending));
  }
  return added;
}

function isNumber(value: number | undefined): value is number {
  return typeof value === 'number';
}

function mapped(ids: Map<number, number>, id: number | null | undefined): number | null {
  return id == null ? null : ids.get(id) ?? null;
}

/** Items grouped so that every parent comes in an earlier group than its children. */
export function generations<T>(items: readonly T[], idOf: (item: T) => number, parentOf: (item: T) => number | null): T[][] {
  const known = new Set(items.map(idOf));
  const placed = new Set<number>();
  const result: T[][] = [];
  let remaining = items.slice();
  while (remaining.length > 0) {
    const ready = remaining.filter((item) => {
      const parent = parentOf(item);
      return parent === null || !known.has(parent) || placed.has(parent);
    });
    // A cycle cannot be ordered: write the rest without waiting for their parents.
    const generation = ready.length > 0 ? ready : remaining;
    generation.forEach((item) => placed.add(idOf(item)));
    result.push(generation);
    remaining = remaining.filter((item) => !placed.has(idOf(item)));
  }
  return result;
}
