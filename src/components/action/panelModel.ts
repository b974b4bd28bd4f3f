/**
 * What the project panel computes, kept out of the React components: the OS → OO path,
 * the lateness texts, reading what users type, the sheet form ⇄ action mapping, the
 * comparison shown on a conflict, and the messages of failed saves.
 */
import * as strings from 'PstStrings';
import type { ActionChanges, ActionDetails } from '../../data/PstRepository';
import { httpStatusOf } from '../../data/sharePointPaths';
import type { Lateness } from '../../domain/lateness';
import type {
  Action,
  ActionResources,
  ActionStatus,
  BudgetService,
  Health,
  IsoDate,
  OperationalObjective,
  Person,
  Priority,
  StrategicObjective,
} from '../../domain/model';
import { displayNameOf, isoDateOfLocalDay, isValidIsoDate } from '../../domain/model';
import { formatDate, formatNumber, isParseError, parseBelgianNumber, parsePeriod, ParseError } from '../../domain/parsing';
import { plainTextToHtml, richTextToPlainText } from '../../text/richText';
import type { ValidationIssue } from '../../domain/validation';
import type { Lang } from '../../domain/vocabularies';
import {
  ACTION_STATUSES,
  BUDGET_SERVICE_LABELS,
  HEALTHS,
  PRIORITIES,
  healthLabel,
  isActionStatus,
  isBudgetService,
  isHealth,
  isPriority,
  priorityLabel,
  statusLabel,
} from '../../domain/vocabularies';
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
  const newest = details.checkIns.reduce<IsoDate | null>(
    (latest, c) => (isValidIsoDate(c.date) && (latest === null || c.date > latest) ? c.date : latest),
    null,
  );
  const known = details.action.lastCheckInDate ?? null;
  if (newest === null || (known !== null && known >= newest)) return details.action;
  return { ...details.action, lastCheckInDate: newest };
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

/** A number written the Belgian way (1 234,5 ; 30.000 €); empty → null. */
export function readNumber(text: string, lang: Lang): Reading<number | null> {
  const value = parseBelgianNumber(text);
  if (isParseError(value)) return { error: parseErrorMessage(value, lang) };
  return { value };
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

const textOrNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

// ---------------------------------------------------------------- the sheet form

export const SHEET_FIELDS = [
  'title',
  'code',
  'plannedStart',
  'plannedEnd',
  'department',
  'priority',
  'status',
  'progressPercent',
  'health',
  'description',
  'context',
  'steps',
  'servicesInvolved',
  'partners',
  'risks',
  'deliverables',
  'labels',
  'sdgs',
  'policyObjective',
  'synergies',
  'etp',
  'budget',
  'budgetService',
  'resourcesText',
  'comments',
] as const;

export type SheetField = (typeof SHEET_FIELDS)[number];

/** What the form fields hold: text, or the code of a choice ('' = none). */
export type SheetValues = { [F in SheetField]: string };

export function sheetFieldLabel(field: SheetField): string {
  switch (field) {
    case 'title':
      return strings.FieldTitle;
    case 'code':
      return strings.FieldCode;
    case 'plannedStart':
      return strings.FieldPlannedStart;
    case 'plannedEnd':
      return strings.FieldPlannedEnd;
    case 'department':
      return strings.FieldDepartment;
    case 'priority':
      return strings.FieldPriority;
    case 'status':
      return strings.PanelStatus;
    case 'progressPercent':
      return strings.CheckInPercent;
    case 'health':
      return strings.PanelHealth;
    case 'description':
      return strings.FieldDescription;
    case 'context':
      return strings.FieldContext;
    case 'steps':
      return strings.FieldSteps;
    case 'servicesInvolved':
      return strings.FieldServicesInvolved;
    case 'partners':
      return strings.FieldPartners;
    case 'risks':
      return strings.FieldRisks;
    case 'deliverables':
      return strings.FieldDeliverables;
    case 'labels':
      return strings.FieldLabels;
    case 'sdgs':
      return strings.FieldSdgs;
    case 'policyObjective':
      return strings.FieldPolicyObjective;
    case 'synergies':
      return strings.FieldSynergies;
    case 'etp':
      return strings.FieldEtp;
    case 'budget':
      return strings.FieldBudget;
    case 'budgetService':
      return strings.FieldBudgetService;
    case 'resourcesText':
      return strings.FieldResourcesText;
    case 'comments':
      return strings.FieldComments;
  }
}

const periodText = (text: string | null, period: Action['plannedStart']): string => text ?? period?.text ?? '';
const numberText = (value: number | null | undefined): string => (value == null ? '' : formatNumber(value, { maxDecimals: 2 }));

export function sheetValuesOf(action: Action): SheetValues {
  return {
    title: action.title,
    code: action.code ?? '',
    plannedStart: periodText(action.plannedStartText, action.plannedStart),
    plannedEnd: periodText(action.plannedEndText, action.plannedEnd),
    department: action.department ?? '',
    priority: action.priority ?? '',
    status: action.status ?? '',
    progressPercent: numberText(action.progressPercent),
    health: action.health ?? '',
    description: richTextToPlainText(action.description),
    context: richTextToPlainText(action.context),
    steps: richTextToPlainText(action.steps),
    servicesInvolved: action.servicesInvolved.join('\n'),
    partners: action.partners.join('\n'),
    risks: action.risks.join('\n'),
    deliverables: action.deliverables ?? '',
    labels: action.labels.join('\n'),
    sdgs: action.sdgs.join(', '),
    policyObjective: action.policyObjective ?? '',
    synergies: action.synergies ?? '',
    etp: numberText(action.resources.etp),
    budget: numberText(action.resources.budget),
    budgetService: action.resources.budgetService ?? '',
    resourcesText: action.resources.text ?? '',
    comments: action.comments ?? '',
  };
}

export interface SheetReading {
  /** Only the fields the user changed (compared with `base`). */
  readonly changes: ActionChanges;
  /** Messages of what could not be read, per field. */
  readonly errors: Partial<Record<SheetField, string>>;
}

/**
 * The changes the form holds compared with `base` (the version the user started from).
 * `target` is the version the changes will be written on (after a conflict, the newer
 * one): the resources object is completed from it so that fields the user did not touch
 * keep the other person's values.
 */
export function readSheet(values: SheetValues, base: Action, lang: Lang, target: Action = base): SheetReading {
  const initial = sheetValuesOf(base);
  const changes: { -readonly [K in keyof ActionChanges]: ActionChanges[K] } = {};
  const errors: Partial<Record<SheetField, string>> = {};
  const resources: Partial<ActionResources> = {};
  const changed = (field: SheetField): boolean => values[field] !== initial[field];

  for (const field of SHEET_FIELDS) {
    if (!changed(field)) continue;
    const text = values[field];
    switch (field) {
      case 'title':
        changes.title = text.trim();
        break;
      case 'code':
        changes.code = textOrNull(text);
        break;
      case 'plannedStart':
      case 'plannedEnd': {
        const period = parsePeriod(text);
        if (isParseError(period)) {
          errors[field] = parseErrorMessage(period, lang);
        } else if (field === 'plannedStart') {
          changes.plannedStart = period;
          changes.plannedStartText = period ? period.text : null;
        } else {
          changes.plannedEnd = period;
          changes.plannedEndText = period ? period.text : null;
        }
        break;
      }
      case 'department':
        changes.department = textOrNull(text);
        break;
      case 'priority':
        changes.priority = isPriority(text) ? text : null;
        break;
      case 'status':
        changes.status = isActionStatus(text) ? text : null;
        // The state as written in the imported document no longer describes the action.
        changes.statusText = null;
        break;
      case 'progressPercent': {
        const reading = readPercent(text);
        if ('error' in reading) errors[field] = reading.error;
        else {
          changes.progressPercent = reading.value;
          changes.progressText = null;
        }
        break;
      }
      case 'health':
        changes.health = isHealth(text) ? text : null;
        break;
      case 'description':
      case 'context':
      case 'steps':
        changes[field] = text.trim() === '' ? null : plainTextToHtml(text);
        break;
      case 'servicesInvolved':
      case 'partners':
      case 'risks':
      case 'labels':
        changes[field] = readLines(text);
        break;
      case 'deliverables':
      case 'policyObjective':
      case 'synergies':
      case 'comments':
        changes[field] = textOrNull(text);
        break;
      case 'sdgs': {
        const reading = readSdgs(text);
        if ('error' in reading) errors[field] = reading.error;
        else changes.sdgs = reading.value;
        break;
      }
      case 'etp':
      case 'budget': {
        const reading = readNumber(text, lang);
        if ('error' in reading) errors[field] = reading.error;
        else resources[field] = reading.value;
        break;
      }
      case 'budgetService':
        resources.budgetService = isBudgetService(text) ? text : null;
        break;
      case 'resourcesText':
        resources.text = textOrNull(text);
        break;
    }
  }
  if (Object.keys(resources).length > 0) changes.resources = { ...target.resources, ...resources };
  return { changes, errors };
}

/** The form field a validation issue is about, when the form has it. */
export function sheetFieldOfIssue(issue: ValidationIssue): SheetField | null {
  if (issue.field === 'resources.etp') return 'etp';
  if (issue.field === 'resources.budget') return 'budget';
  if (issue.field.startsWith('sdgs')) return 'sdgs';
  return (SHEET_FIELDS as readonly string[]).indexOf(issue.field) >= 0 ? (issue.field as SheetField) : null;
}

/** A form value as the user reads it: labels for choices, "(vide)" for nothing. */
export function sheetValueText(field: SheetField, value: string, lang: Lang): string {
  if (value.trim() === '') return strings.ConflictEmpty;
  if (field === 'status' && isActionStatus(value)) return statusLabel(value, lang);
  if (field === 'health' && isHealth(value)) return healthLabel(value, lang);
  if (field === 'priority' && isPriority(value)) return priorityLabel(value, lang);
  if (field === 'budgetService' && isBudgetService(value)) return BUDGET_SERVICE_LABELS[value][lang];
  return value;
}

// ---------------------------------------------------------------- conflicts

export interface ConflictRow {
  readonly label: string;
  readonly mine: string;
  readonly theirs: string;
}

/** Form values of the sheet that differ from the version now stored. */
export function sheetConflictRows(values: SheetValues, current: Action, lang: Lang): ConflictRow[] {
  const theirs = sheetValuesOf(current);
  return SHEET_FIELDS.filter((f) => normalizeForComparison(values[f]) !== normalizeForComparison(theirs[f])).map((f) => ({
    label: sheetFieldLabel(f),
    mine: sheetValueText(f, values[f], lang),
    theirs: sheetValueText(f, theirs[f], lang),
  }));
}

function normalizeForComparison(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}

/** Who changed the action, and when, if the repository says so. */
export interface ConflictAuthor {
  readonly name: string | null;
  readonly date: IsoDate | null;
}

type MaybeModified = { modifiedBy?: Person | string | null; modified?: string | null; editor?: Person | string | null };

function dayOf(value: string | null | undefined): IsoDate | null {
  if (!value) return null;
  if (isValidIsoDate(value)) return value;
  const parsed = new Date(value);
  return isNaN(parsed.getTime()) ? null : isoDateOfLocalDay(parsed);
}

/**
 * The author and day of the other version: from the item's "modified by / modified" when
 * the repository passes them (on the details or on the action), otherwise from the newest
 * check-in that the user had not seen.
 */
export function conflictAuthor(current: ActionDetails, seen: ActionDetails): ConflictAuthor {
  const onDetails = current as ActionDetails & MaybeModified;
  const onAction = current.action as Action & MaybeModified;
  const name = displayNameOf(onDetails.modifiedBy ?? onDetails.editor ?? onAction.modifiedBy ?? onAction.editor ?? null);
  const date = dayOf(onDetails.modified ?? onAction.modified ?? null);
  if (name) return { name, date };
  const seenIds = new Set(seen.checkIns.map((c) => c.id));
  const unseen = current.checkIns.filter((c) => !seenIds.has(c.id)).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];
  if (unseen && unseen.author) return { name: unseen.author.displayName, date: isValidIsoDate(unseen.date) ? unseen.date : null };
  return { name: null, date: date };
}

export function conflictMessage(author: ConflictAuthor): string {
  return author.name && author.date ? formatMessage(strings.ConflictBy, author.name, formatDate(author.date)) : strings.ConflictBySomeone;
}

// ---------------------------------------------------------------- failed saves

function isNetworkFailure(error: unknown): boolean {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return true;
  if (error instanceof TypeError) return true;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'AbortError' || name === 'TimeoutError' || name === 'NetworkError') return true;
  const message = error instanceof Error ? error.message : String(error);
  return /failed to fetch|network|networkerror|load failed|ECONNRE|ETIMEDOUT|ENOTFOUND|offline/i.test(message);
}

/** A French (or English) sentence for a failed save; the form keeps what was typed. */
export function saveErrorMessage(error: unknown): string {
  const status = httpStatusOf(error);
  if (status === 401 || status === 403) return strings.ErrorForbidden;
  if (status === 404) return strings.ErrorNotFound;
  if (status === 429 || status === 503) return strings.ErrorBusy;
  if (status === undefined && isNetworkFailure(error)) return strings.ErrorNetwork;
  const message = error instanceof Error ? error.message : String(error);
  return formatMessage(strings.ErrorSave, status !== undefined ? `${status} ${message}`.trim() : message);
}

/** Duck-typed so that a ConflictError from another bundle of the same class still counts. */
export function conflictOf(error: unknown): ActionDetails | null {
  if (error && typeof error === 'object' && (error as { name?: unknown }).name === 'ConflictError') {
    const current = (error as { current?: ActionDetails }).current;
    if (current && current.action) return current;
  }
  return null;
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

export function budgetServiceOptions(lang: Lang): { key: BudgetService; text: string }[] {
  return (['ordinaire', 'extraordinaire'] as const).map((b) => ({ key: b, text: BUDGET_SERVICE_LABELS[b][lang] }));
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
