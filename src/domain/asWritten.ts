/**
 * The texts an export writes for values the lists hold without their "as written" text
 * (a status set by a check-in, a date typed in SharePoint, the means lines), and
 * the rule that such a text, read back by an import, says nothing new: re-importing an
 * unedited export changes nothing (see planSync.ts).
 */
import type { Action, ActionResources, Period } from './model';
import type { ActionStatus } from './vocabularies';
import { interpretStatusText, statusLabel } from './vocabularies';
import { formatNumber, formatPeriod, isParseError, parsePeriod, parseProgress } from './parsing';
import { BUDGET_SERVICE_LABELS } from './vocabularies';
import { FUNDING_SOURCE_LABELS } from './means';

/** The planned date as written, else the stored period the way people write it. */
export function periodAsWritten(text: string | null, period: Period | null): string {
  return text && text.trim() !== '' ? text : formatPeriod(period);
}

/** Does `text` read as exactly this period? */
export function restatesPeriod(text: string | null | undefined, period: Period | null): boolean {
  const read = parsePeriod(text || null);
  if (!read || isParseError(read) || !period) return false;
  return read.start === period.start && read.end === period.end;
}

/** The state as written when it still says the current status, else the status's own label. */
export function statusAsWritten(action: Pick<Action, 'status' | 'statusText'>): string {
  if (action.status === null) return action.statusText ?? '';
  const written = action.statusText ? interpretStatusText(action.statusText) : null;
  return written && written.recognised && written.status === action.status ? (action.statusText as string) : statusLabel(action.status);
}

export function restatesStatus(text: string | null | undefined, status: ActionStatus | null): boolean {
  if (!text || status === null) return false;
  const read = interpretStatusText(text);
  return read.recognised && read.status === status;
}

/** The progress as written when it still says the current percent, else "40 %". */
export function progressAsWritten(action: Pick<Action, 'progressPercent' | 'progressText'>): string {
  if (action.progressPercent === null) return action.progressText ?? '';
  if (restatesProgress(action.progressText, action.progressPercent)) return action.progressText as string;
  return `${formatNumber(action.progressPercent, { maxDecimals: 1 })} %`;
}

export function restatesProgress(text: string | null | undefined, percent: number | null): boolean {
  if (!text || percent === null) return false;
  const bare = /^\s*\d+(?:[.,]\d+)?\s*$/.test(text) ? `${text} %` : text;
  const read = parseProgress(bare);
  return !!read && !isParseError(read) && read.percent === percent;
}

/**
 * The resources text as written, else the means lines in the words the importer reads back
 * (« 2026 : 1 234,5 € (Région wallonne) », « Humaines (ETP) : 0,5 », the service), one per line.
 */
export function resourcesAsWritten(resources: ActionResources): string {
  if (resources.text && resources.text.trim() !== '') return resources.text;
  return composedResources(resources);
}

function composedResources(resources: ActionResources): string {
  const lines = resources.lines ?? [];
  const texts = lines
    .filter((l) => l.planned !== null)
    .map((l) => `${l.year} : ${formatNumber(l.planned as number, { maxDecimals: 2 })} €${l.source ? ` (${FUNDING_SOURCE_LABELS[l.source].fr})` : ''}${l.direction === 'recette' ? ' – recette' : ''}`);
  const etps = lines.filter((l) => l.etp !== null);
  if (etps.length === 1) texts.push(`Humaines (ETP) : ${formatNumber(etps[0].etp as number, { maxDecimals: 2 })}`);
  const services = Array.from(new Set(lines.map((l) => l.service)));
  if (services.length === 1 && services[0] !== null) texts.push(BUDGET_SERVICE_LABELS[services[0]].fr);
  return texts.join('\n');
}

/** A resources text that is only the stored figures composed as above. */
export function restatesResources(text: string | null | undefined, resources: ActionResources): boolean {
  if (!text || (resources.text && resources.text.trim() !== '')) return false;
  const composed = composedResources(resources);
  return composed !== '' && normalise(text) === normalise(composed);
}

const normalise = (text: string): string => text.replace(/[\s\u00a0]+/g, ' ').trim();
