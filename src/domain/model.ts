/**
 * The PST domain model: plain data, ids are SharePoint item ids, dates are ISO
 * `YYYY-MM-DD` strings (never Date objects: a calendar day has no time zone).
 */
import type { ActionStatus, Health, PlanState, Priority, Volet } from './vocabularies';
import type { MeansLine } from './means';

export type { ActionStatus, BudgetService, Health, Priority, Volet } from './vocabularies';

/** A calendar day, `YYYY-MM-DD`. */
export type IsoDate = string;

export interface Person {
  /** SharePoint user id (lookup id in the site's user list), when resolved. */
  id?: number;
  displayName: string;
  email?: string;
}

/** How precise a planned date is: `2024` is a year, `09/2024` a month, `T3 2024` a quarter, `S2 2024` a half-year, `2020-21` several years. */
export type PeriodPrecision = 'day' | 'month' | 'quarter' | 'semester' | 'year' | 'years';

/**
 * A planned date as written, with the first and last day it covers:
 * "2024" → 2024-01-01 … 2024-12-31, "02/2024" → 2024-02-01 … 2024-02-29.
 */
export interface Period {
  text: string;
  start: IsoDate;
  end: IsoDate;
  precision: PeriodPrecision;
}

export interface Plan {
  id: number;
  title: string;
  organisation: string | null;
  /** Legislature, e.g. 2019 and 2024; null when the document does not say. */
  startYear: number | null;
  endYear: number | null;
  /** True while an import is writing it (or was interrupted): not shown, resumed by the next import. */
  importInProgress?: boolean;
  /** Its life (domain/planLife.ts); absent on plans written before plans had one. */
  state?: PlanState | null;
  /** The council's adoption. */
  adoptedOn?: IsoDate | null;
  /** The plan of the previous legislature this one was started from. */
  previousPlanId?: number | null;
}

/** Optional grouping above the strategic objectives (axis, "I.II Ressources humaines"…). */
export interface Section {
  id: number;
  code: string | null;
  title: string;
  volet: Volet | null;
  parentSectionId?: number | null;
  order: number;
  /** Archived: kept with its history, hidden from the views unless archived items are shown (domain/structure.ts). */
  archived?: boolean;
  /** The plan (legislature) it belongs to: a site keeps its past PSTs next to the current one. */
  planId?: number | null;
}

export interface StrategicObjective {
  id: number;
  code: string | null;
  title: string;
  /** null when the document does not divide the PST into volets. */
  volet: Volet | null;
  sectionId?: number | null;
  order: number;
  description?: string | null;
  /** Archived: kept with its history, hidden from the views unless archived items are shown (domain/structure.ts). */
  archived?: boolean;
  /** The plan (legislature) it belongs to; its OO and actions follow it. */
  planId?: number | null;
}

export interface OperationalObjective {
  id: number;
  code: string | null;
  title: string;
  strategicObjectiveId: number;
  order: number;
  description?: string | null;
  /** Archived: kept with its history, hidden from the views unless archived items are shown (domain/structure.ts). */
  archived?: boolean;
}

export interface ActionResources {
  /** The resources as written (ETP, budget, remarks), kept even when numbers were read from it. */
  text: string | null;
  /**
   * Means per year (see domain/means.ts), the only figures of an action's budget and ETP.
   * Absent: not read with this action (the snapshot carries none; `withMeansLines` adds them).
   */
  lines?: MeansLine[];
}

export interface Action {
  id: number;
  code: string | null;
  title: string;
  /** One or more; the first is the primary parent. Several = a transversal action. */
  operationalObjectiveIds: number[];
  /** Set on sub-actions / steps; they share their parent's operational objectives. */
  parentActionId?: number | null;
  order: number;
  /** Archived: kept with its history, hidden from the views unless archived items are shown (domain/structure.ts). */
  archived?: boolean;

  description: string | null;
  context: string | null;
  steps: string | null;

  plannedStart: Period | null;
  plannedEnd: Period | null;
  /** The dates as written, kept even when they could not be read ("Depuis 1er trimestre 2019"). */
  plannedStartText: string | null;
  plannedEndText: string | null;

  /** Department / pilot service. */
  department: string | null;
  servicesInvolved: string[];
  partners: string[];
  projectLead: Person | null;
  team: Person[];
  /** CODIR sponsor. */
  pilot: Person | null;
  /** Elected official: often only a name or a body ("Conseil de l'Action Sociale"). */
  mandatary: Person | string | null;

  priority: Priority | null;
  /** null = unknown (e.g. the document says "Indéterminé"); see statusText. */
  status: ActionStatus | null;
  /** The state as written in the document, when it came from one. */
  statusText: string | null;
  /** 0–100, null when nobody said. */
  progressPercent: number | null;
  /** The progress as written ("+/- 35 % des profils établis"). */
  progressText: string | null;
  health: Health | null;

  indicatorsText: string | null;
  risks: string[];
  deliverables: string | null;
  resources: ActionResources;
  /** ODD numbers 1..17. */
  sdgs: number[];
  /** Sector plans and labels: PCS, PPI, Etats généraux… */
  labels: string[];
  policyObjective: string | null;
  synergies: string | null;
  comments: string | null;
  /** Weight in roll-ups, default 1. */
  weight: number;
  /** Date of the latest check-in, kept on the action so nobody scans the check-in list. */
  lastCheckInDate?: IsoDate | null;
  /** Unnumbered heading grouping actions inside an OO in some documents (project group). */
  projectGroup?: { code: string | null; title: string | null } | null;
}

export interface Indicator {
  id: number;
  actionId: number;
  label: string;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  current: number | null;
  year: number | null;
}

export interface CheckIn {
  id: number;
  actionId: number;
  date: IsoDate;
  author: Person | null;
  status: ActionStatus;
  percent: number | null;
  health: Health | null;
  comment: string | null;
  /** Earlier versions of this check-in, oldest first, when its author corrected it. */
  corrections?: CheckInRevision[];
}

/** What a check-in said before its author corrected it, and when it was corrected. */
export interface CheckInRevision {
  correctedOn: string;
  date: IsoDate;
  status: ActionStatus;
  percent: number | null;
  health: Health | null;
  comment: string | null;
}

/** Everything of one PST, as flat lists (the shape of the SharePoint lists). */
export interface PlanData {
  plan: Plan;
  sections: Section[];
  strategicObjectives: StrategicObjective[];
  operationalObjectives: OperationalObjective[];
  actions: Action[];
}

/** An action with every optional field empty and weight 1; pass the fields you know. */
export function createAction(
  fields: Pick<Action, 'id' | 'title'> & Partial<Omit<Action, 'resources'>> & { resources?: Partial<ActionResources> },
): Action {
  const { resources, ...rest } = fields;
  return {
    code: null,
    operationalObjectiveIds: [],
    parentActionId: null,
    order: 0,
    description: null,
    context: null,
    steps: null,
    plannedStart: null,
    plannedEnd: null,
    plannedStartText: null,
    plannedEndText: null,
    department: null,
    servicesInvolved: [],
    partners: [],
    projectLead: null,
    team: [],
    pilot: null,
    mandatary: null,
    priority: null,
    status: null,
    statusText: null,
    progressPercent: null,
    progressText: null,
    health: null,
    indicatorsText: null,
    risks: [],
    deliverables: null,
    sdgs: [],
    labels: [],
    policyObjective: null,
    synergies: null,
    comments: null,
    weight: 1,
    lastCheckInDate: null,
    ...rest,
    resources: { text: null, ...resources },
  };
}

/** The name to show for a person or a free-text mandatary. */
export function displayNameOf(person: Person | string | null | undefined): string {
  if (person == null) return '';
  return typeof person === 'string' ? person : person.displayName;
}

// ---------------------------------------------------------------- calendar days (pure, UTC-free arithmetic)

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** 28–31; month is 1..12. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_LENGTHS[month - 1];
}

function pad(value: number, width: number): string {
  const text = String(Math.abs(value));
  return (value < 0 ? '-' : '') + (text.length >= width ? text : '0000'.slice(0, width - text.length) + text);
}

/** Builds `YYYY-MM-DD`; throws on an impossible day (a programming error, not user input). */
export function toIsoDate(year: number, month: number, day: number): IsoDate {
  if (!isValidCalendarDay(year, month, day)) throw new RangeError(`Invalid calendar day ${year}-${month}-${day}`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function isValidCalendarDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** `YYYY-MM-DD` that names a real day → its parts; anything else → null. */
export function parseIsoDate(value: string | null | undefined): CalendarDay | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isValidCalendarDay(year, month, day) ? { year, month, day } : null;
}

/**
 * Day numbers of the `YYYY-MM-DD` texts met so far (null: not a day): a plan holds a few
 * hundred distinct dates that the roll-up, the lateness and the trend compare thousands of
 * times, so each is parsed once. Bounded: emptied when it grows past `KNOWN_DAYS_LIMIT`.
 */
const knownDays = new Map<string, number | null>();
const KNOWN_DAYS_LIMIT = 20000;

function dayNumberOf(value: string | null | undefined): number | null {
  if (typeof value !== 'string') return null;
  const known = knownDays.get(value);
  if (known !== undefined) return known;
  const parts = parseIsoDate(value);
  const result = parts ? dayNumber(parts.year, parts.month, parts.day) : null;
  if (knownDays.size >= KNOWN_DAYS_LIMIT) knownDays.clear();
  knownDays.set(value, result);
  return result;
}

export function isValidIsoDate(value: string | null | undefined): value is IsoDate {
  return dayNumberOf(value) !== null;
}

// Day numbers from the proleptic Gregorian calendar (H. Hinnant's algorithm):
// exact for any year, no Date object and therefore no time-zone or DST surprise.
function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function calendarDay(dayNo: number): CalendarDay {
  const z = dayNo + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function requireIsoDate(value: IsoDate, name: string): CalendarDay {
  const parts = parseIsoDate(value);
  if (!parts) throw new RangeError(`${name}: not a YYYY-MM-DD calendar day: ${JSON.stringify(value)}`);
  return parts;
}

/** Days from `from` to `to` (positive when `to` is later): daysBetween('2024-02-28', '2024-03-01') = 2. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = dayNumberOf(from);
  const b = dayNumberOf(to);
  if (a === null) requireIsoDate(from, 'daysBetween');
  if (b === null) requireIsoDate(to, 'daysBetween');
  return (b as number) - (a as number);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`addDays: not a whole number of days: ${days}`);
  const parts = requireIsoDate(date, 'addDays');
  const result = calendarDay(dayNumber(parts.year, parts.month, parts.day) + days);
  return toIsoDate(result.year, result.month, result.day);
}

/** Last day of the month of `date`: endOfMonth('2024-02-10') = '2024-02-29'. */
export function endOfMonth(date: IsoDate): IsoDate {
  const parts = requireIsoDate(date, 'endOfMonth');
  return toIsoDate(parts.year, parts.month, daysInMonth(parts.year, parts.month));
}

/** ISO days compare as strings; this only documents the intent and checks the inputs. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return daysBetween(b, a);
}

/**
 * The calendar day a Date shows on the user's clock. The domain never reads the clock:
 * the caller (web part, job) turns "now" into `today` with this and passes it down.
 */
export function isoDateOfLocalDay(date: Date): IsoDate {
  return toIsoDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
}
