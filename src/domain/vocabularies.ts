/**
 * Controlled vocabularies of the PST and the reading of what documents say into them.
 *
 * The status list is exactly the Region's eComptes `Statut` enumeration
 * (PST_eComptes_Export_201805V1.xsd) so that an export needs no mapping.
 * SharePoint choice fields store the codes; the labels are for display.
 */
import { memoizeText } from '../text/memoizeText';

export type Lang = 'fr' | 'en';

export interface Labels {
  readonly fr: string;
  readonly en: string;
}

// ---------------------------------------------------------------- status

export const ACTION_STATUSES = [
  'NON_COMMENCE',
  'EN_COURS',
  'EN_ATTENTE',
  'PROBLEME',
  'TERMINE',
  'ANNULE_ABANDONNE',
] as const;

export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: { readonly [S in ActionStatus]: Labels } = {
  NON_COMMENCE: { fr: 'Non commencé', en: 'Not started' },
  EN_COURS: { fr: 'En cours', en: 'In progress' },
  EN_ATTENTE: { fr: 'En attente', en: 'On hold' },
  PROBLEME: { fr: 'Problème', en: 'Problem' },
  TERMINE: { fr: 'Terminé', en: 'Completed' },
  ANNULE_ABANDONNE: { fr: 'Annulé / abandonné', en: 'Cancelled / abandoned' },
};

/** French labels in the order of ACTION_STATUSES (for a choice field that stores labels). */

// ---------------------------------------------------------------- health

export const HEALTHS = ['bon', 'risque', 'blocage', 'pause'] as const;

export type Health = (typeof HEALTHS)[number];

export const HEALTH_LABELS: { readonly [H in Health]: Labels } = {
  bon: { fr: 'Bon', en: 'Good' },
  risque: { fr: 'À risque', en: 'At risk' },
  blocage: { fr: 'Bloqué', en: 'Blocked' },
  pause: { fr: 'En pause', en: 'Paused' },
};


// ---------------------------------------------------------------- priority

/**
 * Priorities seen in the documents: levels (`Niveau 1` = highest), `prioritaire`,
 * `obligatoire` (imposed by law or the supervising authority) and `postposé`.
 */
export const PRIORITIES = ['niveau1', 'niveau2', 'niveau3', 'prioritaire', 'obligatoire', 'postpose'] as const;

export type Priority = (typeof PRIORITIES)[number];

export const PRIORITY_LABELS: { readonly [P in Priority]: Labels } = {
  niveau1: { fr: 'Niveau 1', en: 'Level 1' },
  niveau2: { fr: 'Niveau 2', en: 'Level 2' },
  niveau3: { fr: 'Niveau 3', en: 'Level 3' },
  prioritaire: { fr: 'Prioritaire', en: 'Priority' },
  obligatoire: { fr: 'Obligatoire', en: 'Mandatory' },
  postpose: { fr: 'Postposé', en: 'Postponed' },
};


// ---------------------------------------------------------------- volet, budget service, SDG

/** `transversal` = the objective belongs to both the internal and the external part. */
export const VOLETS = ['interne', 'externe', 'transversal'] as const;

export type Volet = (typeof VOLETS)[number];

export const VOLET_LABELS: { readonly [V in Volet]: Labels } = {
  interne: { fr: 'Volet interne', en: 'Internal part' },
  externe: { fr: 'Volet externe', en: 'External part' },
  transversal: { fr: 'Transversal (interne et externe)', en: 'Cross-cutting (internal and external)' },
};

/** Ordinary / extraordinary budget (eComptes Article Service `O` / `E`). */
export const BUDGET_SERVICES = ['ordinaire', 'extraordinaire'] as const;

export type BudgetService = (typeof BUDGET_SERVICES)[number];

export const BUDGET_SERVICE_LABELS: { readonly [B in BudgetService]: Labels } = {
  ordinaire: { fr: 'Service ordinaire', en: 'Ordinary budget' },
  extraordinaire: { fr: 'Service extraordinaire', en: 'Extraordinary (capital) budget' },
};

/** UN Sustainable Development Goals (ODD), 1 to 17. */
export const SDG_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17] as const;


// ---------------------------------------------------------------- guards and labels

export function isActionStatus(value: unknown): value is ActionStatus {
  return typeof value === 'string' && (ACTION_STATUSES as readonly string[]).indexOf(value) >= 0;
}

export function isHealth(value: unknown): value is Health {
  return typeof value === 'string' && (HEALTHS as readonly string[]).indexOf(value) >= 0;
}

export function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && (PRIORITIES as readonly string[]).indexOf(value) >= 0;
}

export function isVolet(value: unknown): value is Volet {
  return typeof value === 'string' && (VOLETS as readonly string[]).indexOf(value) >= 0;
}

export function isBudgetService(value: unknown): value is BudgetService {
  return typeof value === 'string' && (BUDGET_SERVICES as readonly string[]).indexOf(value) >= 0;
}

export function statusLabel(status: ActionStatus, lang: Lang = 'fr'): string {
  return ACTION_STATUS_LABELS[status][lang];
}

export function healthLabel(health: Health, lang: Lang = 'fr'): string {
  return HEALTH_LABELS[health][lang];
}

export function priorityLabel(priority: Priority, lang: Lang = 'fr'): string {
  return PRIORITY_LABELS[priority][lang];
}

export function voletLabel(volet: Volet, lang: Lang = 'fr'): string {
  return VOLET_LABELS[volet][lang];
}

// ---------------------------------------------------------------- text normalisation

const PLAIN_ASCII = /^[\x20-\x5f\x61-\x7e]*$/;
const LIGATURES: { readonly [c: string]: string } = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss' };

/**
 * Lower case, no accents, one kind of apostrophe and quote, single spaces, trimmed.
 * Used to compare what people typed with the vocabularies and to compare titles.
 */
export const normalizeText: (text: string) => string = memoizeText(function normalizeText(text: string): string {
  // Printable ASCII but the backquote (codes, most e-mails): nothing to take off but case and extra spaces.
  if (PLAIN_ASCII.test(text)) return text.toLowerCase().replace(/ {2,}/g, ' ').trim();
  return text
    .replace(/[œŒæÆß]/g, (c) => LIGATURES[c])
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u02bc\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00a0\u202f\u2009]+/g, ' ')
    .trim();
});

/** The comparison key of a title: normalised, without final punctuation. */
export function titleKey(title: string): string {
  return normalizeText(title)
    .replace(/[\s.;:,!?…-]+$/, '')
    .trim();
}

// ---------------------------------------------------------------- reading document texts

export interface StatusReading {
  /** null when the text says the state is unknown or when it is not understood. */
  readonly status: ActionStatus | null;
  /** `postpose` when the text says the project was postponed ("Projet postposé au-delà de 2019"). */
  readonly priority: Priority | null;
  /** false when the text did not match anything: keep it and ask a person. */
  readonly recognised: boolean;
  /** The text as written (trimmed), null when empty. */
  readonly text: string | null;
}

interface Rule<T> {
  readonly pattern: RegExp;
  readonly value: T;
}

// Order matters: the first rule that matches wins. Negations and "unknown" come before the
// words they contain ("non réalisé" before "réalisé", "en cours de réalisation" before "réalisé").
const STATUS_RULES: readonly Rule<ActionStatus | null>[] = [
  { pattern: /\b(indetermine|inconnu)e?s?\b|^(non (?:defini|precise|renseigne)|a determiner|\?+|-+|n\/a|nc)$/, value: null },
  { pattern: /\b(annule|annulee|annulation|abandonne|abandonnee|abandon|supprime|supprimee)\b/, value: 'ANNULE_ABANDONNE' },
  { pattern: /\b(?:non|pas(?: encore)?)[ -](commence|debute|demarre|entame|realise|lance|fait)e?s?\b/, value: 'NON_COMMENCE' },
  { pattern: /\b(postpose|reporte|differe|suspendu|en attente|en pause|attente)e?s?\b/, value: 'EN_ATTENTE' },
  { pattern: /\b(bloque|blocage|probleme|difficulte|en difficulte)e?s?\b/, value: 'PROBLEME' },
  { pattern: /\b(en cours|partiellement|commence|debute|demarre|entame|en realisation|en route|lance)e?s?\b/, value: 'EN_COURS' },
  { pattern: /\b(termine|realise|cloture|acheve|fini|finalise|abouti|accompli|fait)e?s?\b/, value: 'TERMINE' },
  { pattern: /\b(a l'etude|etude|proposition|propose|a venir|prevu|planifie|a lancer|idee|non commence|a faire)e?s?\b/, value: 'NON_COMMENCE' },
];

const POSTPONED = /\b(postpose|reporte|differe)e?s?\b/;

/** Accepts the codes themselves ("EN_COURS") and the French and English labels. */
function statusFromCodeOrLabel(normalized: string): ActionStatus | undefined {
  for (const status of ACTION_STATUSES) {
    const labels = ACTION_STATUS_LABELS[status];
    if (
      normalized === status.toLowerCase() ||
      normalized === status.toLowerCase().replace(/_/g, ' ') ||
      normalized === normalizeText(labels.fr) ||
      normalized === normalizeText(labels.en)
    ) {
      return status;
    }
  }
  return undefined;
}

/**
 * Reads a state written in a PST document or typed by a user:
 * "A l'étude" → NON_COMMENCE, "En cours de réalisation" → EN_COURS, "Indéterminé" → null
 * (recognised: the document says it is unknown), "Projet postposé au-delà de 2019" →
 * EN_ATTENTE with priority `postpose`. Accent-, case- and whitespace-insensitive.
 */
export function interpretStatusText(text: string | null | undefined): StatusReading {
  const trimmed = text == null ? '' : text.trim();
  if (trimmed === '') return { status: null, priority: null, recognised: true, text: null };
  const normalized = normalizeText(trimmed).replace(/[.;:!,]+$/, '').trim();
  const priority: Priority | null = POSTPONED.test(normalized) ? 'postpose' : null;
  const exact = statusFromCodeOrLabel(normalized);
  if (exact) return { status: exact, priority, recognised: true, text: trimmed };
  for (const rule of STATUS_RULES) {
    if (rule.pattern.test(normalized)) return { status: rule.value, priority, recognised: true, text: trimmed };
  }
  return { status: null, priority, recognised: false, text: trimmed };
}

const ROMAN_LEVELS: { readonly [roman: string]: Priority } = { i: 'niveau1', ii: 'niveau2', iii: 'niveau3' };

/**
 * Reads a priority: "Niveau 1" / "niveau I" / "Priorité 2" → level, "prioritaire",
 * "obligatoire" (also "obligation légale"), "postposé" / "reporté". Unknown → null.
 */
export function interpretPriorityText(text: string | null | undefined): Priority | null {
  if (text == null) return null;
  const normalized = normalizeText(text).replace(/[.;:!,]+$/, '').trim();
  if (normalized === '') return null;
  for (const priority of PRIORITIES) {
    if (normalized === priority || normalized === normalizeText(PRIORITY_LABELS[priority].fr)) return priority;
  }
  const level = /\b(?:niveau|priorite|prio|level|p)\s*([123]|iii|ii|i)\b/.exec(normalized);
  if (level) {
    const value = level[1];
    return /^[123]$/.test(value) ? (('niveau' + value) as Priority) : ROMAN_LEVELS[value];
  }
  if (/\b(obligatoire|obligation|imposee?|legale?)\b/.test(normalized)) return 'obligatoire';
  if (/\b(postpose|reporte|differe)e?s?\b/.test(normalized)) return 'postpose';
  if (/\b(prioritaire|priorite|urgent)e?s?\b/.test(normalized)) return 'prioritaire';
  return null;
}

/** Reads a health ("bon", "à risque", "bloqué", "en pause", or the colours vert/orange/rouge). */
export function interpretHealthText(text: string | null | undefined): Health | null {
  if (text == null) return null;
  const normalized = normalizeText(text).replace(/[.;:!,]+$/, '').trim();
  if (normalized === '') return null;
  for (const health of HEALTHS) {
    if (normalized === health || normalized === normalizeText(HEALTH_LABELS[health].fr)) return health;
  }
  if (/\b(bloque|blocage|rouge|critique)e?s?\b/.test(normalized)) return 'blocage';
  if (/\b(pause|suspendu|gele)e?s?\b/.test(normalized)) return 'pause';
  if (/\b(risque|orange|attention|vigilance)s?\b/.test(normalized)) return 'risque';
  if (/\b(bon|bien|vert|ok|sain)n?e?s?\b/.test(normalized)) return 'bon';
  return null;
}

/** Reads a volet name ("Volet interne", "PARTIE II : LE VOLET EXTERNE", "interne et externe"). */
export function interpretVoletText(text: string | null | undefined): Volet | null {
  if (text == null) return null;
  const normalized = normalizeText(text);
  const internal = /\binterne\b/.test(normalized);
  const external = /\bexterne\b/.test(normalized);
  if ((internal && external) || /\btransversal\b/.test(normalized)) return 'transversal';
  if (internal) return 'interne';
  if (external) return 'externe';
  return null;
}

// ---------------------------------------------------------------- plan states (planLife.ts)

/** projet → adopté (le …) → en vigueur → clôturé. */
export const PLAN_STATES = ['projet', 'adopte', 'enVigueur', 'cloture'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export function isPlanState(value: unknown): value is PlanState {
  return typeof value === 'string' && (PLAN_STATES as readonly string[]).indexOf(value) >= 0;
}
