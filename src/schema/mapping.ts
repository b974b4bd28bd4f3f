/**
 * List item ⇄ domain object, for every PST list. Field names come from the schema;
 * values are read in the JSON shapes SharePoint Online returns (`application/json`,
 * minimal or no metadata; `{ results: [] }` of verbose mode is accepted too).
 *
 * Date-only columns: SharePoint returns local midnight of the site's time zone in UTC
 * (`2024-12-30T23:00:00Z` for 31/12/2024 in Brussels). A day is read as the nearest UTC
 * midnight (ties to the earlier day), and written as noon UTC, which lands on the same
 * day in any site time zone from UTC-12 to UTC+11.
 */
import {
  Action,
  CheckIn,
  CheckInRevision,
  createAction,
  Indicator,
  IsoDate,
  OperationalObjective,
  Period,
  Person,
  Plan,
  Section,
  StrategicObjective,
  displayNameOf,
} from '../domain/model';
import { isParseError, parsePeriod, periodOfDay } from '../domain/parsing';
import { isActionStatus, isBudgetService, isHealth, isPlanState, isPriority, isVolet } from '../domain/vocabularies';
import { isFundingSource, isMeansDirection, MeansLine } from '../domain/means';
import type { IndicatorValue, NewIndicatorValue } from '../domain/indicators';
import {
  actionsList,
  checkInsList,
  FieldDef,
  indicatorsList,
  indicatorValuesList,
  meansList,
  operationalObjectivesList,
  plansList,
  sectionsList,
  strategicObjectivesList,
} from './listSchema';
import { lookupIdProperty } from './query';

export type ListItem = { readonly Id: number; readonly [property: string]: unknown };

/** What an add or update sends: properties by internal name (lookups and people as `<Name>Id`). */
export type ItemPayload = Record<string, unknown>;

const HALF_DAY_MS = 12 * 60 * 60 * 1000;

/** The payload properties whose value differs from `before`: an update sends only these. */
export function changedProperties(before: ItemPayload, after: ItemPayload): ItemPayload {
  const changed: ItemPayload = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = after[key];
  }
  return changed;
}

function values(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw;
  const results = (raw as { results?: unknown } | null)?.results;
  return Array.isArray(results) ? results : [];
}

function text(item: ListItem, field: FieldDef): string | null {
  const value = item[field.internalName];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function number(item: ListItem, field: FieldDef): number | null {
  const value = item[field.internalName];
  return typeof value === 'number' && isFinite(value) ? value : null;
}

function lines(item: ListItem, field: FieldDef): string[] {
  const value = text(item, field);
  return value === null ? [] : value.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
}

function strings(item: ListItem, field: FieldDef): string[] {
  return values(item[field.internalName]).filter((v): v is string => typeof v === 'string');
}

/** Archived items carry `archived: true`; the others no such property (as the objects of an import). */
function archivedFlag(item: ListItem, field: FieldDef): { archived?: true } {
  const value = item[field.internalName];
  return value === true || value === 1 || value === '1' || value === 'true' ? { archived: true } : {};
}

/**
 * The archived flag, written only when the object says (an import's objects do not): an
 * update from a document never brings back what the coordination archived.
 */
function archivedProperty(field: FieldDef, archived: boolean | undefined): ItemPayload {
  return archived === undefined ? {} : { [field.internalName]: archived };
}

function lookupId(item: ListItem, field: FieldDef): number | null {
  const value = item[lookupIdProperty(field)];
  return typeof value === 'number' && value > 0 ? value : null;
}

function lookupIds(item: ListItem, field: FieldDef): number[] {
  return values(item[lookupIdProperty(field)]).filter((v): v is number => typeof v === 'number');
}

function personFrom(raw: unknown): Person | null {
  const user = raw as { Id?: unknown; Title?: unknown; EMail?: unknown } | null | undefined;
  if (!user || typeof user.Title !== 'string') return null;
  return {
    id: typeof user.Id === 'number' ? user.Id : undefined,
    displayName: user.Title,
    email: typeof user.EMail === 'string' && user.EMail !== '' ? user.EMail : undefined,
  };
}

/** A person known by a name only (no account). */
function nameOnly(name: string | null): Person | null {
  return name === null ? null : { displayName: name };
}

/** The accounts, then the names written (the team's text) that no account has: free text is kept. */
function withNamesOnly(accounts: Person[], names: string[]): Person[] {
  const known = new Set(accounts.map((p) => p.displayName.toLowerCase()));
  // Accounts read by id only (the snapshot) carry no name: then the names cannot be told apart.
  if (accounts.some((p) => p.displayName === '')) return accounts;
  return [...accounts, ...names.filter((n) => !known.has(n.toLowerCase())).map((displayName) => ({ displayName }))];
}

function person(item: ListItem, field: FieldDef): Person | null {
  return personFrom(item[field.internalName]);
}

/**
 * People expanded (name, e-mail), or, where only their ids were read (the team in the
 * snapshot, matched against the viewer by id), people known by their id alone.
 */
function people(item: ListItem, field: FieldDef): Person[] {
  if (!(field.internalName in item) && lookupIdProperty(field) in item) {
    return values(item[lookupIdProperty(field)])
      .filter((id): id is number => typeof id === 'number')
      .map((id) => ({ id, displayName: '' }));
  }
  return values(item[field.internalName])
    .map(personFrom)
    .filter((p): p is Person => p !== null);
}

export function dayFromSharePoint(value: unknown): IsoDate | null {
  if (typeof value !== 'string' || value === '') return null;
  const instant = Date.parse(value);
  if (isNaN(instant)) return null;
  return new Date(instant + HALF_DAY_MS - 1).toISOString().substring(0, 10);
}

export function dayToSharePoint(day: IsoDate | null | undefined): string | null {
  return day ? `${day}T12:00:00Z` : null;
}

function date(item: ListItem, field: FieldDef): IsoDate | null {
  return dayFromSharePoint(item[field.internalName]);
}

/**
 * The stored day plus the text as written give back the period: "2024" stored as
 * 31/12/2024 is the year 2024 again. If the day was edited since, the day wins.
 */
function periodFrom(day: IsoDate | null, written: string | null, side: 'start' | 'end'): Period | null {
  const parsed = written ? parsePeriod(written) : null;
  const period = parsed && !isParseError(parsed) ? parsed : null;
  if (day === null) return period;
  return period && period[side] === day ? period : periodOfDay(day);
}

function joinLines(items: readonly string[]): string | null {
  return items.length > 0 ? items.join('\n') : null;
}

function personId(p: Person | null | undefined): number | null {
  return p && typeof p.id === 'number' ? p.id : null;
}

// ---------------------------------------------------------------- plans

const pf = plansList.fields;

export function planFromItem(item: ListItem): Plan {
  return {
    id: item.Id,
    title: text(item, pf.title) ?? '',
    organisation: text(item, pf.organisation),
    startYear: number(item, pf.periodStart),
    endYear: number(item, pf.periodEnd),
    ...(item[pf.importInProgress.internalName] === true ? { importInProgress: true } : {}),
    ...planLifeOf(item),
  };
}

/** The plan's life, when it has one (plans written before it have none: see domain/planLife.ts). */
function planLifeOf(item: ListItem): Pick<Plan, 'state' | 'adoptedOn' | 'previousPlanId'> {
  const state = text(item, pf.state);
  const adoptedOn = date(item, pf.adoptedOn);
  const previousPlanId = lookupId(item, pf.previousPlan);
  return {
    ...(isPlanState(state) ? { state } : {}),
    ...(adoptedOn ? { adoptedOn } : {}),
    ...(previousPlanId ? { previousPlanId } : {}),
  };
}

export function planToItem(plan: Omit<Plan, 'id'>): ItemPayload {
  return {
    [pf.title.internalName]: plan.title,
    [pf.organisation.internalName]: plan.organisation,
    [pf.periodStart.internalName]: plan.startYear,
    [pf.periodEnd.internalName]: plan.endYear,
    // Only the plan writer sets or clears it; a plan read back without it changes nothing.
    ...(plan.importInProgress !== undefined ? { [pf.importInProgress.internalName]: plan.importInProgress } : {}),
    // The plan's life is written by its own commands, never reset by an import of the document.
    ...(plan.state !== undefined ? { [pf.state.internalName]: plan.state } : {}),
    ...(plan.adoptedOn !== undefined ? { [pf.adoptedOn.internalName]: dayToSharePoint(plan.adoptedOn) } : {}),
    ...(plan.previousPlanId !== undefined ? { [lookupIdProperty(pf.previousPlan)]: plan.previousPlanId } : {}),
  };
}

// ---------------------------------------------------------------- sections

const sf = sectionsList.fields;

export function sectionFromItem(item: ListItem): Section {
  const volet = text(item, sf.volet);
  return {
    id: item.Id,
    code: text(item, sf.code),
    title: text(item, sf.title) ?? '',
    volet: isVolet(volet) ? volet : null,
    parentSectionId: lookupId(item, sf.parentSection),
    order: number(item, sf.sortOrder) ?? 0,
    planId: lookupId(item, sf.plan),
    ...archivedFlag(item, sf.archived),
  };
}

export function sectionToItem(section: Omit<Section, 'id'>, planId?: number | null): ItemPayload {
  return {
    [sf.title.internalName]: section.title,
    [sf.code.internalName]: section.code,
    [sf.volet.internalName]: section.volet,
    [lookupIdProperty(sf.parentSection)]: section.parentSectionId ?? null,
    [lookupIdProperty(sf.plan)]: planId ?? null,
    [sf.sortOrder.internalName]: section.order,
    ...archivedProperty(sf.archived, section.archived),
  };
}

// ---------------------------------------------------------------- strategic objectives

const of = strategicObjectivesList.fields;

export function strategicObjectiveFromItem(item: ListItem): StrategicObjective {
  const volet = text(item, of.volet);
  return {
    id: item.Id,
    code: text(item, of.code),
    title: text(item, of.title) ?? '',
    volet: isVolet(volet) ? volet : null,
    sectionId: lookupId(item, of.section),
    order: number(item, of.sortOrder) ?? 0,
    description: text(item, of.description),
    planId: lookupId(item, of.plan),
    ...archivedFlag(item, of.archived),
  };
}

export function strategicObjectiveToItem(os: Omit<StrategicObjective, 'id'>, planId?: number | null): ItemPayload {
  return {
    [of.title.internalName]: os.title,
    [of.code.internalName]: os.code,
    [of.volet.internalName]: os.volet,
    [lookupIdProperty(of.section)]: os.sectionId ?? null,
    [lookupIdProperty(of.plan)]: planId ?? null,
    [of.description.internalName]: os.description ?? null,
    [of.sortOrder.internalName]: os.order,
    ...archivedProperty(of.archived, os.archived),
  };
}

// ---------------------------------------------------------------- operational objectives

const oof = operationalObjectivesList.fields;

export function operationalObjectiveFromItem(item: ListItem): OperationalObjective {
  return {
    id: item.Id,
    code: text(item, oof.code),
    title: text(item, oof.title) ?? '',
    strategicObjectiveId: lookupId(item, oof.strategicObjective) ?? 0,
    order: number(item, oof.sortOrder) ?? 0,
    description: text(item, oof.description),
    ...archivedFlag(item, oof.archived),
  };
}

export function operationalObjectiveToItem(oo: Omit<OperationalObjective, 'id'>): ItemPayload {
  return {
    [oof.title.internalName]: oo.title,
    [oof.code.internalName]: oo.code,
    [lookupIdProperty(oof.strategicObjective)]: oo.strategicObjectiveId,
    [oof.description.internalName]: oo.description ?? null,
    [oof.sortOrder.internalName]: oo.order,
    ...archivedProperty(oof.archived, oo.archived),
  };
}

// ---------------------------------------------------------------- actions

const af = actionsList.fields;

export function actionFromItem(item: ListItem): Action {
  const status = text(item, af.status);
  const health = text(item, af.health);
  const priority = text(item, af.priority);
  const startText = text(item, af.plannedStartText);
  const endText = text(item, af.plannedEndText);
  const projectGroupTitle = text(item, af.projectGroup);
  const projectGroupCode = text(item, af.projectGroupCode);
  return createAction({
    id: item.Id,
    code: text(item, af.code),
    title: text(item, af.title) ?? '',
    operationalObjectiveIds: lookupIds(item, af.operationalObjectives),
    parentActionId: lookupId(item, af.parentAction),
    order: number(item, af.sortOrder) ?? 0,
    description: text(item, af.description),
    context: text(item, af.context),
    steps: text(item, af.steps),
    plannedStart: periodFrom(date(item, af.plannedStart), startText, 'start'),
    plannedEnd: periodFrom(date(item, af.plannedEnd), endText, 'end'),
    plannedStartText: startText,
    plannedEndText: endText,
    department: text(item, af.department),
    servicesInvolved: lines(item, af.servicesInvolved),
    partners: lines(item, af.partners),
    projectLead: person(item, af.projectLead) ?? (text(item, af.projectLeadText) ? { displayName: text(item, af.projectLeadText)! } : null),
    team: withNamesOnly(people(item, af.team), lines(item, af.teamText)),
    pilot: person(item, af.pilot) ?? nameOnly(text(item, af.pilotText)),
    mandatary: person(item, af.mandataryPerson) ?? text(item, af.mandatary),
    priority: isPriority(priority) ? priority : null,
    status: isActionStatus(status) ? status : null,
    statusText: text(item, af.statusText),
    progressPercent: number(item, af.progress),
    progressText: text(item, af.progressText),
    health: isHealth(health) ? health : null,
    indicatorsText: text(item, af.indicatorsText),
    risks: lines(item, af.risks),
    deliverables: text(item, af.deliverables),
    // Budget and ETP are the means lines (meansLineFromItem), not columns of the action.
    resources: { text: text(item, af.resourcesText) },
    sdgs: strings(item, af.sdgs).map(Number).filter((n) => n >= 1 && n <= 17),
    labels: strings(item, af.labels),
    policyObjective: text(item, af.policyObjective),
    synergies: text(item, af.synergies),
    comments: text(item, af.comments),
    weight: number(item, af.weight) ?? 1,
    lastCheckInDate: date(item, af.lastCheckIn),
    projectGroup: projectGroupTitle || projectGroupCode ? { code: projectGroupCode, title: projectGroupTitle } : null,
    ...archivedFlag(item, af.archived),
  });
}

export function actionToItem(action: Omit<Action, 'id'>): ItemPayload {
  return {
    [af.title.internalName]: action.title,
    [af.code.internalName]: action.code,
    [lookupIdProperty(af.operationalObjectives)]: action.operationalObjectiveIds,
    [lookupIdProperty(af.parentAction)]: action.parentActionId ?? null,
    [af.sortOrder.internalName]: action.order,
    [af.description.internalName]: action.description,
    [af.context.internalName]: action.context,
    [af.steps.internalName]: action.steps,
    [af.plannedStart.internalName]: dayToSharePoint(action.plannedStart?.start),
    [af.plannedEnd.internalName]: dayToSharePoint(action.plannedEnd?.end),
    [af.plannedStartText.internalName]: action.plannedStartText ?? action.plannedStart?.text ?? null,
    [af.plannedEndText.internalName]: action.plannedEndText ?? action.plannedEnd?.text ?? null,
    [af.department.internalName]: action.department,
    [af.servicesInvolved.internalName]: joinLines(action.servicesInvolved),
    [af.partners.internalName]: joinLines(action.partners),
    [lookupIdProperty(af.projectLead)]: personId(action.projectLead),
    [af.projectLeadText.internalName]: action.projectLead ? action.projectLead.displayName : null,
    [lookupIdProperty(af.team)]: action.team.map(personId).filter((id): id is number => id !== null),
    [af.teamText.internalName]: joinLines(action.team.map((p) => p.displayName)),
    [lookupIdProperty(af.pilot)]: personId(action.pilot),
    [af.pilotText.internalName]: action.pilot ? action.pilot.displayName : null,
    [af.mandatary.internalName]: displayNameOf(action.mandatary) || null,
    [lookupIdProperty(af.mandataryPerson)]: typeof action.mandatary === 'object' ? personId(action.mandatary) : null,
    [af.priority.internalName]: action.priority,
    [af.status.internalName]: action.status,
    [af.statusText.internalName]: action.statusText,
    [af.health.internalName]: action.health,
    [af.progress.internalName]: action.progressPercent,
    [af.progressText.internalName]: action.progressText,
    [af.indicatorsText.internalName]: action.indicatorsText,
    [af.risks.internalName]: joinLines(action.risks),
    [af.deliverables.internalName]: action.deliverables,
    [af.resourcesText.internalName]: action.resources.text,
    [af.sdgs.internalName]: action.sdgs.map(String),
    [af.labels.internalName]: action.labels,
    [af.policyObjective.internalName]: action.policyObjective,
    [af.synergies.internalName]: action.synergies,
    [af.comments.internalName]: action.comments,
    [af.weight.internalName]: action.weight,
    [af.lastCheckIn.internalName]: dayToSharePoint(action.lastCheckInDate),
    [af.projectGroup.internalName]: action.projectGroup?.title ?? null,
    [af.projectGroupCode.internalName]: action.projectGroup?.code ?? null,
    ...archivedProperty(af.archived, action.archived),
  };
}

// ---------------------------------------------------------------- indicators

const inf = indicatorsList.fields;

export function indicatorFromItem(item: ListItem): Indicator {
  return {
    id: item.Id,
    actionId: lookupId(item, inf.action) ?? 0,
    label: text(item, inf.title) ?? '',
    unit: text(item, inf.unit),
    baseline: number(item, inf.baseline),
    target: number(item, inf.target),
    current: number(item, inf.current),
    year: number(item, inf.year),
  };
}

export function indicatorToItem(indicator: Omit<Indicator, 'id'>): ItemPayload {
  return {
    [inf.title.internalName]: indicator.label,
    [lookupIdProperty(inf.action)]: indicator.actionId,
    [inf.unit.internalName]: indicator.unit,
    [inf.baseline.internalName]: indicator.baseline,
    [inf.target.internalName]: indicator.target,
    [inf.current.internalName]: indicator.current,
    [inf.year.internalName]: indicator.year,
  };
}

// ---------------------------------------------------------------- indicator values

const ivf = indicatorValuesList.fields;

export function indicatorValueFromItem(item: ListItem): IndicatorValue {
  return {
    id: item.Id,
    indicatorId: lookupId(item, ivf.indicator) ?? 0,
    actionId: lookupId(item, ivf.action) ?? 0,
    year: number(item, ivf.year) ?? 0,
    value: number(item, ivf.value) ?? 0,
    date: date(item, ivf.date),
    author: person(item, ivf.author),
  };
}

export function indicatorValueToItem(value: NewIndicatorValue, actionId: number, day: IsoDate): ItemPayload {
  return {
    [ivf.title.internalName]: `${value.year} – ${value.value}`,
    [lookupIdProperty(ivf.indicator)]: value.indicatorId,
    [lookupIdProperty(ivf.action)]: actionId,
    [ivf.year.internalName]: value.year,
    [ivf.value.internalName]: value.value,
    [ivf.date.internalName]: dayToSharePoint(day),
  };
}

// ---------------------------------------------------------------- means lines

const mf = meansList.fields;

/** A means line and the action it belongs to. */
export function meansLineFromItem(item: ListItem): MeansLine & { readonly actionId: number } {
  const service = text(item, mf.service);
  const direction = text(item, mf.direction);
  const source = text(item, mf.source);
  return {
    id: item.Id,
    actionId: lookupId(item, mf.action) ?? 0,
    year: number(item, mf.year) ?? 0,
    service: isBudgetService(service) ? service : null,
    direction: isMeansDirection(direction) ? direction : 'depense',
    source: isFundingSource(source) ? source : null,
    article: text(item, mf.article),
    planned: number(item, mf.planned),
    actual: number(item, mf.actual),
    etp: number(item, mf.etp),
    ...(item[mf.fromDocument.internalName] === true ? { fromDocument: true } : {}),
  };
}

export function meansLineToItem(line: MeansLine, actionId: number): ItemPayload {
  return {
    // Read in the list itself (SharePoint's views show the title first).
    [mf.title.internalName]: `${line.year}${line.article ? ` – ${line.article}` : ''}`,
    [lookupIdProperty(mf.action)]: actionId,
    [mf.year.internalName]: line.year,
    [mf.service.internalName]: line.service,
    [mf.direction.internalName]: line.direction,
    [mf.source.internalName]: line.source,
    [mf.article.internalName]: line.article,
    [mf.planned.internalName]: line.planned,
    [mf.actual.internalName]: line.actual,
    [mf.etp.internalName]: line.etp,
    [mf.fromDocument.internalName]: line.fromDocument === true,
  };
}

// ---------------------------------------------------------------- check-ins

const cf = checkInsList.fields;

export function checkInFromItem(item: ListItem): CheckIn {
  const status = text(item, cf.status);
  const health = text(item, cf.health);
  const corrections = checkInRevisionsFromItem(item);
  return {
    id: item.Id,
    actionId: lookupId(item, cf.action) ?? 0,
    date: date(item, cf.date) ?? '',
    author: person(item, cf.author),
    status: isActionStatus(status) ? status : 'EN_COURS',
    percent: number(item, cf.progress),
    health: isHealth(health) ? health : null,
    comment: text(item, cf.comment),
    ...(corrections.length > 0 ? { corrections } : {}),
  };
}

/** The earlier versions of a corrected check-in; an unreadable value is no history rather than a failure. */
export function checkInRevisionsFromItem(item: ListItem): CheckInRevision[] {
  const raw = text(item, cf.corrections);
  if (raw === null) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null && typeof r.date === 'string' && isActionStatus(r.status))
      .map((r) => ({
        correctedOn: typeof r.correctedOn === 'string' ? r.correctedOn : '',
        date: r.date as IsoDate,
        status: r.status as CheckInRevision['status'],
        percent: typeof r.percent === 'number' ? r.percent : null,
        health: isHealth(r.health) ? r.health : null,
        comment: typeof r.comment === 'string' ? r.comment : null,
      }));
  } catch {
    return [];
  }
}

/** The corrections column's value. */
export function checkInRevisionsToItem(revisions: readonly CheckInRevision[]): ItemPayload {
  return { [cf.corrections.internalName]: revisions.length > 0 ? JSON.stringify(revisions) : null };
}

/** The author is SharePoint's own "Created By": whoever records the check-in. */
export function checkInToItem(checkIn: Omit<CheckIn, 'id' | 'author'>): ItemPayload {
  return {
    [cf.title.internalName]: `${checkIn.date} – ${checkIn.status}`,
    [lookupIdProperty(cf.action)]: checkIn.actionId,
    [cf.date.internalName]: dayToSharePoint(checkIn.date),
    [cf.status.internalName]: checkIn.status,
    [cf.progress.internalName]: checkIn.percent,
    [cf.health.internalName]: checkIn.health,
    [cf.comment.internalName]: checkIn.comment,
  };
}
