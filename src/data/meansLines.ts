/**
 * The means lines of the actions (« PST – Moyens », one item per line, see listSchema.ts):
 * read for one action (its panel) or for the whole site (the financial director's view),
 * saved as a whole for one action with a version check, and the upgrade of a site whose
 * actions still hold single figures (budget, ETP).
 *
 * Only the coordination edits them: SharePoint enforces it (leads and readers have Read on
 * the list, permissions.ts); the repository says it in French before trying.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import type { MeansLine } from '../domain/means';
import { lineFromSingleFigures, SingleFigures, singleFiguresYear } from '../domain/meansFigures';
import { isBudgetService } from '../domain/vocabularies';
import { MAX_BATCH_REQUESTS, MAX_PAGE_SIZE } from '../domain/limits';
import { actionsList, meansList, operationalObjectivesList, plansList, strategicObjectivesList } from '../schema/listSchema';
import { actionFromItem, changedProperties, ListItem, meansLineFromItem, meansLineToItem } from '../schema/mapping';
import { lookupIdProperty, queryFor } from '../schema/query';
import { isNotFound } from './errors';
import { batched, noMetadata, readAll } from './requests';
import { listUrl } from './sharePointPaths';

export type StoredMeansLine = MeansLine & { readonly actionId: number };

function meansItems(sp: SPFI, webServerRelativeUrl: string) {
  return sp.web.getList(listUrl(webServerRelativeUrl, meansList)).items;
}

const ACTION_FILTER = (actionId: number): string => `${lookupIdProperty(meansList.fields.action)} eq ${actionId}`;

function etagOf(item: ListItem): string {
  const etag = item['odata.etag'] ?? (item as { __metadata?: { etag?: string } }).__metadata?.etag;
  return typeof etag === 'string' ? etag : '*';
}

/** The version of an action's lines: every line's id and ETag. Another user's save changes it. */
export function meansVersionOf(items: readonly ListItem[]): string {
  return items
    .map((item) => `${item.Id}:${etagOf(item)}`)
    .sort()
    .join(';');
}

/** Oldest year first, then as entered. */
function byYear(a: MeansLine, b: MeansLine): number {
  return a.year - b.year || (a.id ?? 0) - (b.id ?? 0);
}

/**
 * The query of one action's lines, filtered on the indexed action column (the list grows
 * past the threshold). In a batch too: `sp` may be a batched instance.
 */
export function actionMeansQuery(sp: SPFI, webServerRelativeUrl: string, actionId: number) {
  return meansItems(sp, webServerRelativeUrl).select(...queryFor(meansList).select).filter(ACTION_FILTER(actionId)).top(MAX_PAGE_SIZE);
}

/** An action's lines and their version, from the items of `actionMeansQuery`. A site not upgraded (no list) has none. */
export function actionMeansFrom(items: readonly ListItem[]): { lines: MeansLine[]; version: string } {
  return {
    lines: items.map((item) => withoutActionId(meansLineFromItem(item))).sort(byYear),
    version: meansVersionOf(items),
  };
}

export function missingListAsEmpty(error: unknown): ListItem[] {
  if (isNotFound(error)) return [];
  throw error;
}

function withoutActionId(stored: StoredMeansLine): MeansLine {
  const line: MeansLine & { actionId?: number } = { ...stored };
  delete line.actionId;
  return line;
}

/** Every line of the site, by action, page after page (ids only travel for the join). */
export async function readAllMeans(sp: SPFI, webServerRelativeUrl: string): Promise<Map<number, MeansLine[]>> {
  // No ETag needed to sum them: without OData metadata (a third of a small item).
  const items = await readAll(meansItems(sp, webServerRelativeUrl).select(...queryFor(meansList).select).using(noMetadata()).top(MAX_PAGE_SIZE)).catch(missingListAsEmpty);
  const byAction = new Map<number, MeansLine[]>();
  for (const item of items) {
    const { actionId, ...line } = meansLineFromItem(item);
    const lines = byAction.get(actionId) ?? [];
    lines.push(line);
    byAction.set(actionId, lines);
  }
  byAction.forEach((lines) => lines.sort(byYear));
  return byAction;
}

/** The version check failed: someone saved this action's lines meanwhile. */
export class MeansVersionChanged extends Error {
  constructor() {
    super('Les moyens de cette action ont été modifiés entre-temps.');
    this.name = 'MeansVersionChanged';
  }
}

/**
 * Makes the action's lines be `lines` (with `id`: kept and updated where changed; without:
 * added; stored but absent: deleted), if they are still at `version`; else
 * MeansVersionChanged and nothing written. Each update and delete is sent with the line's
 * ETag, so a save in between is refused by SharePoint too. At most 100 writes per `$batch`.
 */
export async function saveActionMeans(sp: SPFI, webServerRelativeUrl: string, actionId: number, lines: readonly MeansLine[], version: string): Promise<void> {
  const stored = await readAll(actionMeansQuery(sp, webServerRelativeUrl, actionId));
  if (meansVersionOf(stored) !== version) throw new MeansVersionChanged();
  const storedById = new Map(stored.map((item) => [item.Id, item]));
  const writes: ((from: SPFI) => Promise<unknown>)[] = [];
  const kept = new Set<number>();
  for (const line of lines) {
    const before = line.id !== undefined ? storedById.get(line.id) : undefined;
    if (!before) {
      // Typed by the coordination: an update from the document never replaces it.
      writes.push((from) => meansItems(from, webServerRelativeUrl).add(meansLineToItem({ ...line, fromDocument: false }, actionId)));
      continue;
    }
    kept.add(before.Id);
    const stored = meansLineFromItem(before);
    const changed = changedProperties(meansLineToItem(stored, actionId), meansLineToItem({ ...line, fromDocument: stored.fromDocument }, actionId));
    // A line of the document changed by hand becomes the coordination's.
    if (Object.keys(changed).length > 0) {
      const payload = { ...changed, [meansList.fields.fromDocument.internalName]: false };
      writes.push((from) => meansItems(from, webServerRelativeUrl).getById(before.Id).update(payload, etagOf(before)));
    }
  }
  for (const item of stored) {
    if (!kept.has(item.Id)) writes.push((from) => meansItems(from, webServerRelativeUrl).getById(item.Id).delete(etagOf(item)));
  }
  await runInBatches(sp, writes);
}

async function runInBatches(sp: SPFI, writes: readonly ((from: SPFI) => Promise<unknown>)[]): Promise<number> {
  for (let start = 0; start < writes.length; start += MAX_BATCH_REQUESTS) {
    const [batchedSp, execute] = batched(sp);
    const pending = Promise.all(writes.slice(start, start + MAX_BATCH_REQUESTS).map((write) => write(batchedSp)));
    pending.catch(() => undefined);
    await execute();
    await pending;
  }
  return writes.length;
}

/**
 * The upgrade of a site from the single figures (the action columns PstBudget, PstEtp and
 * PstBudgetService of the versions before the lines), in two steps so that a run stopped
 * half-way loses nothing:
 * 1. every action holding a budget or ETP and no line gets one line holding them (on its
 *    planned start year, else its planned end year, else its plan's first year);
 * 2. then, the columns of every action that has lines are emptied, so that they are never
 *    taken as a line again (a coordinator who deletes that line later does not see it come back).
 * A second run finds nothing to do and writes nothing. Returns what it did, in French.
 */
export async function migrateSingleFigures(sp: SPFI, webServerRelativeUrl: string): Promise<string[]> {
  const list = (def: typeof actionsList | typeof plansList | typeof strategicObjectivesList | typeof operationalObjectivesList) =>
    sp.web.getList(listUrl(webServerRelativeUrl, def)).items;
  const af = actionsList.fields;
  const singleColumns = [af.etp, af.budget, af.budgetService].map((f) => f.internalName);
  const [actions, withLines, plans, strategic, operational] = await Promise.all([
    readAll(
      list(actionsList)
        .select('Id', ...singleColumns, af.plannedStart.internalName, af.plannedEnd.internalName, af.plannedStartText.internalName, af.plannedEndText.internalName, lookupIdProperty(af.operationalObjectives), lookupIdProperty(af.parentAction))
        .top(MAX_PAGE_SIZE),
    ),
    readAll(meansItems(sp, webServerRelativeUrl).select('Id', lookupIdProperty(meansList.fields.action)).top(MAX_PAGE_SIZE)),
    readAll(list(plansList).select('Id', plansList.fields.periodStart.internalName).top(MAX_PAGE_SIZE)),
    readAll(list(strategicObjectivesList).select('Id', lookupIdProperty(strategicObjectivesList.fields.plan)).top(MAX_PAGE_SIZE)),
    readAll(list(operationalObjectivesList).select('Id', lookupIdProperty(operationalObjectivesList.fields.strategicObjective)).top(MAX_PAGE_SIZE)),
  ]);
  const hasLines = new Set(withLines.map((item) => item[lookupIdProperty(meansList.fields.action)] as number));
  const startOfPlan = new Map(plans.map((p) => [p.Id, p[plansList.fields.periodStart.internalName] as number | null]));
  const planOfOs = new Map(strategic.map((s) => [s.Id, s[lookupIdProperty(strategicObjectivesList.fields.plan)] as number | null]));
  const osOfOo = new Map(operational.map((o) => [o.Id, o[lookupIdProperty(operationalObjectivesList.fields.strategicObjective)] as number | null]));
  const thisYear = new Date().getUTCFullYear();
  const byId = new Map(actions.map((item) => [item.Id, actionFromItem(item)]));
  const planYearOf = (actionId: number): number => {
    let action = byId.get(actionId);
    for (let depth = 0; action && action.operationalObjectiveIds.length === 0 && action.parentActionId && depth < 20; depth++) action = byId.get(action.parentActionId);
    const oo = action?.operationalObjectiveIds[0];
    const plan = oo !== undefined ? planOfOs.get(osOfOo.get(oo) ?? 0) : undefined;
    return (plan != null ? startOfPlan.get(plan) : null) ?? thisYear;
  };
  const singleOf = (item: ListItem): SingleFigures => {
    const service = item[af.budgetService.internalName];
    const amount = (name: string): number | null => (typeof item[name] === 'number' ? (item[name] as number) : null);
    return { etp: amount(af.etp.internalName), budget: amount(af.budget.internalName), budgetService: isBudgetService(service) ? service : null };
  };
  const holdsSingle = (item: ListItem): boolean => singleColumns.some((name) => item[name] !== null && item[name] !== undefined);
  const additions: ((from: SPFI) => Promise<unknown>)[] = [];
  const clearings: ((from: SPFI) => Promise<unknown>)[] = [];
  const changes: string[] = [];
  for (const item of actions.filter(holdsSingle)) {
    const action = byId.get(item.Id)!;
    const line = hasLines.has(item.Id) ? null : lineFromSingleFigures(singleOf(item), singleFiguresYear(action, planYearOf(item.Id)));
    if (line) {
      // The single figures were the document's (an update from it overwrote them): so is their line.
      additions.push((from) => meansItems(from, webServerRelativeUrl).add(meansLineToItem({ ...line, fromDocument: true }, item.Id)));
      changes.push(`action ${item.Id} : budget et ETP repris en une ligne de moyens (${line.year})`);
    }
    // A service alone (no amount, no ETP) says nothing a line could hold: only emptied.
    const cleared = Object.fromEntries(singleColumns.map((name) => [name, null]));
    clearings.push((from) => from.web.getList(listUrl(webServerRelativeUrl, actionsList)).items.getById(item.Id).update(cleared));
  }
  await runInBatches(sp, additions);
  // Only once every line is written: an action is never left without its figures.
  await runInBatches(sp, clearings);
  return changes;
}
