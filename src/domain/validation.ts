/**
 * Checks of what users type in the forms (and of what an import produced), with messages
 * written for the person at the keyboard: French by default, English on request.
 * Errors block saving; warnings are shown but do not block.
 */
import type { Action, CheckIn, Indicator, IsoDate, OperationalObjective, Period, Person, StrategicObjective } from './model';
import { daysBetween, displayNameOf, isValidIsoDate } from './model';
import { formatDate, formatNumber, formatPeriod } from './parsing';
import type { Lang } from './vocabularies';
import { isActionStatus, isHealth, isPriority, isVolet, statusLabel } from './vocabularies';
import { MAX_TITLE_LENGTH } from './limits';

export type Severity = 'error' | 'warning';

export interface ValidationIssue {
  /** The field concerned, as named in the model ("plannedEnd", "team[1].email"). */
  field: string;
  /** Stable identifier of the rule, for tests and for the UI to pick an icon. */
  code: string;
  message: string;
  severity: Severity;
}

export interface ValidationOptions {
  lang?: Lang;
}

/** SharePoint single-line text columns (Title) hold at most 255 characters. */
export const DEFAULT_MAX_COMMENT_LENGTH = 2000;

export function hasErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}

class Issues {
  readonly list: ValidationIssue[] = [];

  constructor(private readonly lang: Lang) {}

  add(severity: Severity, field: string, code: string, fr: string, en: string): void {
    this.list.push({ field, code, severity, message: this.lang === 'en' ? en : fr });
  }

  error(field: string, code: string, fr: string, en: string): void {
    this.add('error', field, code, fr, en);
  }

  warning(field: string, code: string, fr: string, en: string): void {
    this.add('warning', field, code, fr, en);
  }
}

const isBlank = (value: string | null | undefined): boolean => value == null || value.trim() === '';

/** French number in French messages, plain JS number in English ones. */
const frNumber = (value: number): string => formatNumber(value, { maxDecimals: 2 });

function checkTitle(issues: Issues, title: string | null | undefined, whatFr: string, whatEn: string): void {
  if (isBlank(title)) {
    issues.error('title', 'title.required', `L'intitulé ${whatFr} est obligatoire.`, `The title of ${whatEn} is required.`);
  } else if ((title as string).trim().length > MAX_TITLE_LENGTH) {
    const length = (title as string).trim().length;
    issues.error(
      'title',
      'title.tooLong',
      `L'intitulé ${whatFr} compte ${length} caractères : ${MAX_TITLE_LENGTH} au maximum. Raccourcissez-le ; le détail peut aller dans la description.`,
      `The title of ${whatEn} has ${length} characters (${MAX_TITLE_LENGTH} at most). Shorten it; details can go in the description.`,
    );
  }
}

// Codes seen in PSTs: "1.1.1", "1.1.1.1.1", "OS 100", "OO 101", "2.2.3.A", "A.12".
const CODE_PATTERN = /^(?:[A-Za-z]{1,4}\.?\s?)?\d+(?:\.\d+)*(?:\.[A-Za-z])?\.?$/;

function checkCode(issues: Issues, code: string | null | undefined): void {
  if (isBlank(code)) return;
  const trimmed = (code as string).trim();
  if (!CODE_PATTERN.test(trimmed)) {
    issues.warning(
      'code',
      'code.format',
      `Le code « ${trimmed} » ne suit pas le format habituel (par exemple 1.2.3 ou OO 101).`,
      `The code "${trimmed}" does not follow the usual format (for example 1.2.3 or OO 101).`,
    );
  }
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkPerson(issues: Issues, person: Person | string | null | undefined, field: string, whoFr: string, whoEn: string): void {
  if (person == null || typeof person === 'string') return;
  if (isBlank(person.displayName)) {
    issues.error(`${field}.displayName`, 'person.name', `Indiquez le nom ${whoFr}.`, `Give the name of ${whoEn}.`);
  }
  if (person.email != null && person.email.trim() !== '' && !EMAIL_PATTERN.test(person.email.trim())) {
    issues.error(
      `${field}.email`,
      'person.email',
      `L'adresse e-mail ${whoFr} (« ${person.email} ») n'est pas valide.`,
      `The e-mail address of ${whoEn} ("${person.email}") is not valid.`,
    );
  }
}

function checkPeriod(issues: Issues, period: Period | null | undefined, field: string, whatFr: string, whatEn: string): boolean {
  if (period == null) return false;
  if (!isValidIsoDate(period.start) || !isValidIsoDate(period.end) || period.end < period.start) {
    issues.error(
      field,
      'date.invalid',
      `La ${whatFr} (« ${period.text} ») n'est pas une date valide.`,
      `The ${whatEn} ("${period.text}") is not a valid date.`,
    );
    return false;
  }
  return true;
}

function checkAmount(issues: Issues, value: number | null | undefined, field: string, whatFr: string, whatEn: string): void {
  if (value == null) return;
  if (typeof value !== 'number' || !isFinite(value)) {
    issues.error(field, 'number.invalid', `${whatFr} n'est pas un nombre.`, `${whatEn} is not a number.`);
  } else if (value < 0) {
    issues.error(
      field,
      'number.negative',
      `${whatFr} ne peut pas être négatif (valeur saisie : ${frNumber(value)}).`,
      `${whatEn} cannot be negative (value entered: ${value}).`,
    );
  }
}

function checkPercent(issues: Issues, value: number | null | undefined, field: string, maxOneDecimal: boolean): void {
  if (value == null) return;
  if (typeof value !== 'number' || !isFinite(value) || value < 0 || value > 100) {
    const shown = typeof value === 'number' && isFinite(value) ? frNumber(value) : String(value);
    issues.error(
      field,
      'percent.range',
      `L'avancement doit être compris entre 0 et 100 % (valeur saisie : ${shown} %).`,
      `Progress must be between 0 and 100 % (value entered: ${value} %).`,
    );
  } else if (maxOneDecimal && Math.abs(value * 10 - Math.round(value * 10)) > 1e-9) {
    issues.error(
      field,
      'percent.decimals',
      `L'avancement accepte au plus une décimale (par exemple 35,5 %), pas ${frNumber(value)} %.`,
      `Progress takes at most one decimal (for example 35.5 %), not ${value} %.`,
    );
  }
}

function checkStatusPercent(
  issues: Issues,
  status: string | null | undefined,
  percent: number | null | undefined,
  percentField: string,
): void {
  if (typeof percent !== 'number' || !isFinite(percent) || percent < 0 || percent > 100) return;
  if (status === 'TERMINE' && percent < 100) {
    issues.warning(
      percentField,
      'status.doneBelow100',
      `L'action est marquée « Terminé » mais son avancement est de ${frNumber(percent)} %. Mettez l'avancement à 100 % ou changez le statut.`,
      `The action is marked "Completed" but its progress is ${percent} %. Set progress to 100 % or change the status.`,
    );
  }
  if (percent === 100 && isActionStatus(status) && status !== 'TERMINE' && status !== 'ANNULE_ABANDONNE') {
    issues.warning(
      'status',
      'status.100NotDone',
      `L'avancement est de 100 % mais le statut est « ${statusLabel(status, 'fr')} ». L'action est-elle terminée ?`,
      `Progress is 100 % but the status is "${statusLabel(status, 'en')}". Is the action completed?`,
    );
  }
}

// ---------------------------------------------------------------- action

export interface ActionValidationOptions extends ValidationOptions {
  /** When given, every OO of the action must be one of these. */
  knownOperationalObjectiveIds?: readonly number[];
}

export function validateAction(action: Partial<Action>, options: ActionValidationOptions = {}): ValidationIssue[] {
  const lang = options.lang || 'fr';
  const issues = new Issues(lang);

  checkTitle(issues, action.title, "de l'action", 'the action');
  checkCode(issues, action.code);

  const ooIds = action.operationalObjectiveIds || [];
  const isSubAction = action.parentActionId != null;
  if (ooIds.length === 0 && !isSubAction) {
    issues.error(
      'operationalObjectiveIds',
      'oo.required',
      "Rattachez l'action à au moins un objectif opérationnel.",
      'Link the action to at least one operational objective.',
    );
  }
  if (options.knownOperationalObjectiveIds) {
    const known = options.knownOperationalObjectiveIds;
    for (const id of ooIds) {
      if (known.indexOf(id) < 0) {
        issues.error(
          'operationalObjectiveIds',
          'oo.unknown',
          `L'objectif opérationnel n° ${id} n'existe pas (ou plus). Choisissez-en un dans la liste.`,
          `Operational objective #${id} does not exist (any more). Pick one from the list.`,
        );
      }
    }
  }
  if (isSubAction && action.id != null && action.parentActionId === action.id) {
    issues.error('parentActionId', 'parent.self', 'Une action ne peut pas être sa propre action parente.', 'An action cannot be its own parent.');
  }

  // Dates
  const startOk = checkPeriod(issues, action.plannedStart, 'plannedStart', 'date de début', 'start date');
  const endOk = checkPeriod(issues, action.plannedEnd, 'plannedEnd', 'date de fin', 'end date');
  if (startOk && endOk && action.plannedStart && action.plannedEnd && action.plannedEnd.end < action.plannedStart.start) {
    const end = formatPeriod(action.plannedEnd);
    const start = formatPeriod(action.plannedStart);
    issues.error(
      'plannedEnd',
      'dates.endBeforeStart',
      `La date de fin (${end}) précède la date de début (${start}).`,
      `The end date (${end}) is before the start date (${start}).`,
    );
  }
  if (action.plannedStart == null && !isBlank(action.plannedStartText)) {
    issues.warning(
      'plannedStart',
      'date.unread',
      `La date de début « ${(action.plannedStartText as string).trim()} » n'a pas pu être lue : indiquez-la sous la forme 31/12/2024, 12/2024 ou 2024.`,
      `The start date "${(action.plannedStartText as string).trim()}" could not be read: write it as 31/12/2024, 12/2024 or 2024.`,
    );
  }
  if (action.plannedEnd == null && !isBlank(action.plannedEndText)) {
    issues.warning(
      'plannedEnd',
      'date.unread',
      `La date de fin « ${(action.plannedEndText as string).trim()} » n'a pas pu être lue : indiquez-la sous la forme 31/12/2024, 12/2024 ou 2024.`,
      `The end date "${(action.plannedEndText as string).trim()}" could not be read: write it as 31/12/2024, 12/2024 or 2024.`,
    );
  }

  // Status, progress, vocabularies
  if (action.status != null && !isActionStatus(action.status)) {
    issues.error('status', 'status.invalid', `Le statut « ${action.status} » n'existe pas.`, `The status "${action.status}" does not exist.`);
  }
  if (action.health != null && !isHealth(action.health)) {
    issues.error('health', 'health.invalid', `L'état de santé « ${action.health} » n'existe pas.`, `The health "${action.health}" does not exist.`);
  }
  if (action.priority != null && !isPriority(action.priority)) {
    issues.error('priority', 'priority.invalid', `La priorité « ${action.priority} » n'existe pas.`, `The priority "${action.priority}" does not exist.`);
  }
  checkPercent(issues, action.progressPercent, 'progressPercent', false);
  checkStatusPercent(issues, action.status, action.progressPercent, 'progressPercent');

  // Resources and weight
  (action.resources?.lines ?? []).forEach((line, index) => {
    checkAmount(issues, line.planned, `resources.lines.${index}.planned`, 'Le montant prévu', 'The planned amount');
    checkAmount(issues, line.actual, `resources.lines.${index}.actual`, 'Le montant réalisé', 'The actual amount');
    checkAmount(issues, line.etp, `resources.lines.${index}.etp`, "Le nombre d'ETP", 'The number of FTE');
  });
  checkAmount(issues, action.weight, 'weight', "Le poids de l'action", 'The weight of the action');

  (action.sdgs || []).forEach((sdg, index) => {
    if (!Number.isInteger(sdg) || sdg < 1 || sdg > 17) {
      issues.error(
        `sdgs[${index}]`,
        'sdg.range',
        `L'ODD ${sdg} n'existe pas : les objectifs de développement durable vont de 1 à 17.`,
        `SDG ${sdg} does not exist: sustainable development goals run from 1 to 17.`,
      );
    }
  });

  // People
  checkPerson(issues, action.projectLead, 'projectLead', 'du chef de projet', 'the project lead');
  checkPerson(issues, action.pilot, 'pilot', 'du pilote (CODIR)', 'the sponsor');
  checkPerson(issues, action.mandatary, 'mandatary', 'du mandataire', 'the elected official');
  (action.team || []).forEach((member, index) => {
    const name = displayNameOf(member);
    checkPerson(
      issues,
      member,
      `team[${index}]`,
      name ? `de ${name} (équipe)` : "d'un membre de l'équipe",
      name ? `${name} (team)` : 'a team member',
    );
  });

  return issues.list;
}

// ---------------------------------------------------------------- check-in

export interface CheckInValidationOptions extends ValidationOptions {
  today: IsoDate;
  maxCommentLength?: number;
}

export function validateCheckIn(checkIn: Partial<CheckIn>, options: CheckInValidationOptions): ValidationIssue[] {
  const lang = options.lang || 'fr';
  const issues = new Issues(lang);
  const maxComment = options.maxCommentLength !== undefined ? options.maxCommentLength : DEFAULT_MAX_COMMENT_LENGTH;

  if (checkIn.actionId == null) {
    issues.error('actionId', 'action.required', "Choisissez l'action concernée par ce suivi.", 'Choose the action this check-in is about.');
  }

  if (isBlank(checkIn.date)) {
    issues.error('date', 'date.required', 'La date du suivi est obligatoire.', 'The check-in date is required.');
  } else if (!isValidIsoDate(checkIn.date)) {
    issues.error(
      'date',
      'date.invalid',
      `La date du suivi (« ${checkIn.date} ») n'est pas une date valide.`,
      `The check-in date ("${checkIn.date}") is not a valid date.`,
    );
  } else if (isValidIsoDate(options.today) && daysBetween(options.today, checkIn.date as string) > 0) {
    issues.error(
      'date',
      'date.future',
      `La date du suivi (${formatDate(checkIn.date)}) est dans le futur : nous sommes le ${formatDate(options.today)}.`,
      `The check-in date (${formatDate(checkIn.date)}) is in the future: today is ${formatDate(options.today)}.`,
    );
  }

  if (checkIn.status == null || (checkIn.status as string) === '') {
    issues.error('status', 'status.required', 'Choisissez un statut.', 'Choose a status.');
  } else if (!isActionStatus(checkIn.status)) {
    issues.error('status', 'status.invalid', `Le statut « ${checkIn.status} » n'existe pas.`, `The status "${checkIn.status}" does not exist.`);
  }
  if (checkIn.health != null && !isHealth(checkIn.health)) {
    issues.error('health', 'health.invalid', `L'état de santé « ${checkIn.health} » n'existe pas.`, `The health "${checkIn.health}" does not exist.`);
  }

  checkPercent(issues, checkIn.percent, 'percent', true);
  // "Terminé" below 100 % is a guardrail of check-ins (checkIns.ts), refused there.
  if (checkIn.status !== 'TERMINE') checkStatusPercent(issues, checkIn.status, checkIn.percent, 'percent');

  const comment = checkIn.comment || '';
  if (comment.length > maxComment) {
    issues.error(
      'comment',
      'comment.tooLong',
      `Le commentaire compte ${frNumber(comment.length)} caractères : ${frNumber(maxComment)} au maximum.`,
      `The comment has ${comment.length} characters (${maxComment} at most).`,
    );
  }
  // A blocked or at-risk health without a reason is refused by the guardrails (checkIns.ts).
  const healthNeedsReason = checkIn.health === 'blocage' || checkIn.health === 'risque';
  if (checkIn.status === 'PROBLEME' && !healthNeedsReason && comment.trim() === '') {
    issues.warning(
      'comment',
      'comment.explainProblem',
      'Expliquez le problème en quelques mots dans le commentaire : le comité de pilotage en aura besoin.',
      'Explain the problem in a few words in the comment: the steering committee will need it.',
    );
  }
  return issues.list;
}

// ---------------------------------------------------------------- indicator

export function validateIndicator(indicator: Partial<Indicator>, options: ValidationOptions = {}): ValidationIssue[] {
  const issues = new Issues(options.lang || 'fr');
  if (isBlank(indicator.label)) {
    issues.error('label', 'label.required', "Le libellé de l'indicateur est obligatoire.", 'The indicator label is required.');
  } else if ((indicator.label as string).trim().length > MAX_TITLE_LENGTH) {
    issues.error(
      'label',
      'label.tooLong',
      `Le libellé de l'indicateur dépasse ${MAX_TITLE_LENGTH} caractères.`,
      `The indicator label is longer than ${MAX_TITLE_LENGTH} characters.`,
    );
  }
  if (indicator.actionId == null) {
    issues.error('actionId', 'action.required', "Choisissez l'action que mesure cet indicateur.", 'Choose the action this indicator measures.');
  }
  if (indicator.year != null && (!Number.isInteger(indicator.year) || indicator.year < 1900 || indicator.year > 2100)) {
    issues.error('year', 'year.invalid', `L'année ${indicator.year} n'est pas valide (par exemple 2024).`, `The year ${indicator.year} is not valid (for example 2024).`);
  }
  const numbers: [keyof Indicator, string, string][] = [
    ['baseline', 'La valeur de départ', 'The baseline'],
    ['target', 'La cible', 'The target'],
    ['current', 'La valeur actuelle', 'The current value'],
  ];
  for (const [field, fr, en] of numbers) {
    const value = indicator[field];
    if (value != null && (typeof value !== 'number' || !isFinite(value))) {
      issues.error(field, 'number.invalid', `${fr} n'est pas un nombre.`, `${en} is not a number.`);
    }
  }
  if (typeof indicator.baseline === 'number' && typeof indicator.target === 'number' && indicator.baseline === indicator.target) {
    issues.warning(
      'target',
      'target.equalsBaseline',
      "La cible est égale à la valeur de départ : l'indicateur ne mesurera aucun progrès.",
      'The target equals the baseline: the indicator will not measure any progress.',
    );
  }
  return issues.list;
}

// ---------------------------------------------------------------- objectives

export function validateStrategicObjective(objective: Partial<StrategicObjective>, options: ValidationOptions = {}): ValidationIssue[] {
  const issues = new Issues(options.lang || 'fr');
  checkTitle(issues, objective.title, "de l'objectif stratégique", 'the strategic objective');
  checkCode(issues, objective.code);
  if (objective.volet != null && !isVolet(objective.volet)) {
    issues.error('volet', 'volet.invalid', `Le volet « ${objective.volet} » n'existe pas (interne, externe ou transversal).`, `The part "${objective.volet}" does not exist (interne, externe or transversal).`);
  }
  return issues.list;
}

export function validateOperationalObjective(objective: Partial<OperationalObjective>, options: ValidationOptions = {}): ValidationIssue[] {
  const issues = new Issues(options.lang || 'fr');
  checkTitle(issues, objective.title, "de l'objectif opérationnel", 'the operational objective');
  checkCode(issues, objective.code);
  if (objective.strategicObjectiveId == null) {
    issues.error(
      'strategicObjectiveId',
      'os.required',
      "Rattachez l'objectif opérationnel à un objectif stratégique.",
      'Link the operational objective to a strategic objective.',
    );
  }
  return issues.list;
}
