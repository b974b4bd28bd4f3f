/**
 * What the project panel computes, kept out of the React components: the OS → OO path,
 * the lateness texts, reading what users type, the choices and their icons. The sheet
 * form's fields are in sheet/sheetFields.ts, what failed saves tell in save/saveModel.ts.
 */
import * as strings from 'PstStrings';
import type { ActionDetails } from '../../data/actionDetails';
import type { Lateness } from '../../domain/lateness';
import { withLatestCheckIns } from '../../domain/lateness';
import type { Action, ActionStatus, Health, IsoDate, OperationalObjective, Priority, StrategicObjective } from '../../domain/model';
import { formatDate, formatNumber, isParseError, parseBelgianNumber, parsePeriod, ParseError } from '../../domain/parsing';
import type { Lang } from '../../domain/vocabularies';
import { ACTION_STATUSES, HEALTHS, PRIORITIES, healthLabel, priorityLabel, statusLabel } from '../../domain/vocabularies';
import { formatMessage } from '../../text/format';

// ---------------------------------------------------------------- objective path

/** The objectives an action serves: its OO, each with its OS when known. */
export interface ObjectivePath {
  readonly strategicObjective: StrategicObjective | null;
  readonly operationalObjective: OperationalObjective | null;
  /** The OO id, also when the OO itself is unknown to the caller. */
  readonly operationalObjectiveId: number;
}

/** The part of the plan the panel needs to show where an action sits. */
export interface ActionPanelContext {
  /** The OS of the action (enough when all its OO are under one OS). */
  readonly strategicObjective?: StrategicObjective | null;
  /** Every OS the OO may belong to (transversal actions can span several OS). */
  readonly strategicObjectives?: readonly StrategicObjective[];
  readonly operationalObjectives: readonly OperationalObjective[];
}

/** Alternatively, a function giving the path of an action (e.g. from the plan tree). */
export type ObjectivePathLookup = (action: Action) => readonly ObjectivePath[];

export function objectivePaths(action: Action, context: ActionPanelContext | ObjectivePathLookup): ObjectivePath[] {
  if (typeof context === 'function') return [...context(action)];
  return action.operationalObjectiveIds.map((id) => {
    const oo = context.operationalObjectives.find((o) => o.id === id) ?? null;
    let os: StrategicObjective | null = null;
    if (oo) {
      os =
        context.strategicObjectives?.find((s) => s.id === oo.strategicObjectiveId) ??
        (context.strategicObjective && context.strategicObjective.id === oo.strategicObjectiveId ? context.strategicObjective : null);
    }
    if (!os && !context.strategicObjectives && context.strategicObjective) os = context.strategicObjective;
    return { strategicObjective: os, operationalObjective: oo, operationalObjectiveId: id };
  });
}

export function codeAndTitle(item: { code: string | null; title: string }): string {
  return item.code ? `${item.code} ${item.title}` : item.title;
}

export function pathText(path: ObjectivePath): string {
  const oo = path.operationalObjective
    ? codeAndTitle(path.operationalObjective)
    : formatMessage(strings.PanelUnknownObjective, String(path.operationalObjectiveId));
  return path.strategicObjective ? `${codeAndTitle(path.strategicObjective)} → ${oo}` : oo;
}

// ---------------------------------------------------------------- lateness

/** « En retard de 12 jours », « Échéance dans 5 jours », « Sans suivi depuis 60 jours ». */
export function latenessTexts(lateness: Lateness): { text: string; kind: 'overdue' | 'dueSoon' | 'stale' }[] {
  const texts: { text: string; kind: 'overdue' | 'dueSoon' | 'stale' }[] = [];
  const days = (n: number): string => formatNumber(n, { maxDecimals: 0 });
  if (lateness.flags.overdue && lateness.daysLate !== null) {
    texts.push({
      kind: 'overdue',
      text: lateness.daysLate === 1 ? strings.PanelLateByOneDay : formatMessage(strings.PanelLateByDays, days(lateness.daysLate)),
    });
  } else if (lateness.flags.dueSoon && lateness.daysLeft !== null) {
    const text =
      lateness.daysLeft === 0
        ? strings.PanelDueToday
        : lateness.daysLeft === 1
          ? strings.PanelDueTomorrow
          : formatMessage(strings.PanelDueInDays, days(lateness.daysLeft));
    texts.push({ kind: 'dueSoon', text });
  }
  if (lateness.flags.stale) {
    texts.push({
      kind: 'stale',
      text: lateness.daysSinceCheckIn !== null ? formatMessage(strings.PanelStaleDays, days(lateness.daysSinceCheckIn)) : strings.PanelNeverCheckedIn,
    });
  }
  return texts;
}

/** The action with its last check-in date taken from the history when that is newer. */
export function withLastCheckIn(details: ActionDetails): Action {
  // The panel's check-ins are this action's, whatever id a stored one carries.
  const own = details.checkIns.map((c) => ({ actionId: details.action.id, date: c.date }));
  return withLatestCheckIns([details.action], own)[0];
}

// ---------------------------------------------------------------- reading inputs

export type Reading<T> = { readonly value: T } | { readonly error: string };

export function parseErrorMessage(error: ParseError, lang: Lang): string {
  return lang === 'en' ? error.errorEn : error.error;
}

/** « 35 », « 35,5 », « 35.5 », « 35 % » → number; empty → null; « abc » → message. */
export function readPercent(text: string): Reading<number | null> {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  const value = parseBelgianNumber(trimmed.replace(/\s*%\s*$/, ''));
  if (value === null || isParseError(value)) return { error: formatMessage(strings.CheckInPercentNotNumber, trimmed) };
  return { value };
}

/** A day typed as 31/12/2024 (or 2024-12-31, « 1er mars 2024 »); empty → "" (validation says it is required). */
export function readDay(text: string, today: IsoDate, lang: Lang): Reading<IsoDate> {
  const period = parsePeriod(text);
  if (period === null) return { value: '' };
  if (isParseError(period)) return { error: parseErrorMessage(period, lang) };
  if (period.precision !== 'day') return { error: formatMessage(strings.CheckInDateNotDay, formatDate(today)) };
  return { value: period.start };
}

/** « 1, 3 ; 17 » → [1, 3, 17]; anything but 1..17 → message. */
export function readSdgs(text: string): Reading<number[]> {
  const tokens = text
    .split(/[\s,;]+/)
    .map((t) => t.replace(/^odd/i, '').trim())
    .filter((t) => t !== '');
  const numbers: number[] = [];
  for (const token of tokens) {
    const n = /^\d{1,2}$/.test(token) ? Number(token) : NaN;
    if (!(n >= 1 && n <= 17)) return { error: formatMessage(strings.EditSdgsInvalid, token) };
    if (numbers.indexOf(n) < 0) numbers.push(n);
  }
  return { value: numbers.sort((a, b) => a - b) };
}

export function readLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[•·\-–*]\s+/, '').trim())
    .filter((line) => line !== '');
}

// ---------------------------------------------------------------- choice options

export function statusOptions(lang: Lang): { key: ActionStatus; text: string }[] {
  return ACTION_STATUSES.map((s) => ({ key: s, text: statusLabel(s, lang) }));
}

export function healthOptions(lang: Lang): { key: Health; text: string }[] {
  return HEALTHS.map((h) => ({ key: h, text: healthLabel(h, lang) }));
}

export function priorityOptions(lang: Lang): { key: Priority; text: string }[] {
  return PRIORITIES.map((p) => ({ key: p, text: priorityLabel(p, lang) }));
}

// ---------------------------------------------------------------- icons (never colour alone: always with text)

export const STATUS_ICONS: { readonly [S in ActionStatus]: string } = {
  NON_COMMENCE: 'CircleRing',
  EN_COURS: 'CircleHalfFull',
  EN_ATTENTE: 'CirclePause',
  PROBLEME: 'ErrorBadge',
  TERMINE: 'CompletedSolid',
  ANNULE_ABANDONNE: 'Blocked2',
};

export const HEALTH_ICONS: { readonly [H in Health]: string } = {
  bon: 'CompletedSolid',
  risque: 'Warning',
  blocage: 'Blocked2Solid',
  pause: 'CirclePause',
};

export type Tone = 'neutral' | 'success' | 'warning' | 'error' | 'info';

export const STATUS_TONES: { readonly [S in ActionStatus]: Tone } = {
  NON_COMMENCE: 'neutral',
  EN_COURS: 'info',
  EN_ATTENTE: 'warning',
  PROBLEME: 'error',
  TERMINE: 'success',
  ANNULE_ABANDONNE: 'neutral',
};

export const HEALTH_TONES: { readonly [H in Health]: Tone } = {
  bon: 'success',
  risque: 'warning',
  blocage: 'error',
  pause: 'neutral',
};
