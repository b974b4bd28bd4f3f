/**
 * What an update of a plan from a document does to an action's means lines. The rule:
 * - the document's lines replace the lines an import wrote that nobody changed since
 *   (`fromDocument`); a line the coordination added or changed by hand is always kept;
 * - a document line for a year × kind × service × source × article where a line by hand
 *   stands is not added: the coordination's figures for it win (no amount counted twice);
 * - lines equal on both sides are left as they are: importing the same document twice, or
 *   resuming an interrupted import, writes no line twice;
 * - a document that states no means for an action says nothing about them: nothing changes.
 */
import type { MeansLine } from './means';
import { BUDGET_SERVICE_LABELS } from './vocabularies';
import { FUNDING_SOURCE_LABELS, MEANS_DIRECTION_LABELS } from './means';
import { formatNumber } from './parsing';

export interface MeansLinesChange {
  /** Stored lines (with their ids) the update deletes: the previous import's. */
  readonly removed: MeansLine[];
  /** The document's lines the update adds (marked `fromDocument`). */
  readonly added: MeansLine[];
}

/** What a line says, ids and origin aside: two lines with the same key are the same line. */
export function meansLineKey(line: MeansLine): string {
  return JSON.stringify([line.year, line.service, line.direction, line.source, line.article, line.planned, line.actual, line.etp]);
}

/** Where a line puts its amounts: the year, kind, service, source and article. */
function slotOf(line: MeansLine): string {
  return JSON.stringify([line.year, line.direction, line.service, line.source, line.article]);
}

export function meansLinesChange(stored: readonly MeansLine[], incoming: readonly MeansLine[]): MeansLinesChange {
  if (incoming.length === 0) return { removed: [], added: [] };
  const handSlots = new Set(stored.filter((l) => !l.fromDocument).map(slotOf));
  const unused = new Map<string, MeansLine[]>();
  for (const line of stored.filter((l) => l.fromDocument)) {
    const key = meansLineKey(line);
    unused.set(key, [...(unused.get(key) ?? []), line]);
  }
  const added: MeansLine[] = [];
  for (const line of incoming) {
    if (handSlots.has(slotOf(line))) continue;
    const same = unused.get(meansLineKey(line));
    if (same && same.length > 0) same.shift();
    else added.push({ ...line, fromDocument: true });
  }
  const removed = Array.from(unused.values()).reduce<MeansLine[]>((all, lines) => all.concat(lines), []);
  return { removed, added };
}

export function hasMeansChange(change: MeansLinesChange): boolean {
  return change.removed.length > 0 || change.added.length > 0;
}

/** « 2026 · Dépense · Service ordinaire · Région wallonne · 844/124-48 · prévu 1 234,5 € · 0,5 ETP »: for the old → new preview. */
export function meansLineText(line: MeansLine): string {
  const parts = [String(line.year), MEANS_DIRECTION_LABELS[line.direction].fr];
  if (line.service) parts.push(BUDGET_SERVICE_LABELS[line.service].fr);
  if (line.source) parts.push(FUNDING_SOURCE_LABELS[line.source].fr);
  if (line.article) parts.push(line.article);
  if (line.planned !== null) parts.push(`prévu ${formatNumber(line.planned, { maxDecimals: 2 })} €`);
  if (line.actual !== null) parts.push(`réalisé ${formatNumber(line.actual, { maxDecimals: 2 })} €`);
  if (line.etp !== null) parts.push(`${formatNumber(line.etp, { maxDecimals: 2 })} ETP`);
  return parts.join(' · ');
}

/** One matched action's means change in an update from a document. */
export interface ActionMeansSync extends MeansLinesChange {
  readonly existingId: number;
  readonly incomingId: number;
}

/**
 * The means changes of an update, for the actions the document and the lists share
 * (`matches`: incoming id → stored id); an action the update adds gets its document lines.
 */
export function planMeansSync(matches: ReadonlyMap<number, number>, incoming: readonly { id: number; resources: { lines?: MeansLine[] } }[], stored: ReadonlyMap<number, readonly MeansLine[]>): ActionMeansSync[] {
  const changes: ActionMeansSync[] = [];
  for (const action of incoming) {
    const existingId = matches.get(action.id);
    if (existingId === undefined) continue;
    const change = meansLinesChange(stored.get(existingId) ?? [], action.resources.lines ?? []);
    if (hasMeansChange(change)) changes.push({ existingId, incomingId: action.id, ...change });
  }
  return changes;
}
