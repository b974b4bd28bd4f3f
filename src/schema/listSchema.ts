/**
 * The one description of the PST lists. Provisioning, the item ⇄ domain mapping,
 * the `$select`/`$expand` of every query and the field XML are all derived from it:
 * an internal name appears here and nowhere else.
 */
import {
  ACTION_STATUSES,
  HEALTHS,
  PRIORITIES,
  BUDGET_SERVICES,
  VOLETS,
  SDG_NUMBERS,
  PLAN_STATES,
} from '../domain/vocabularies';
import { FUNDING_SOURCES, MEANS_DIRECTIONS } from '../domain/means';

export type FieldKind =
  | 'text'
  | 'note'
  | 'richText'
  | 'number'
  | 'currency'
  | 'date'
  | 'boolean'
  | 'choice'
  | 'multiChoice'
  | 'person'
  | 'personMulti'
  | 'lookup'
  | 'lookupMulti';

export type ListKey =
  | 'plans'
  | 'sections'
  | 'strategicObjectives'
  | 'operationalObjectives'
  | 'actions'
  | 'indicators'
  | 'means'
  | 'indicatorValues'
  | 'checkIns'
  | 'progress'
  | 'reminderLedger'
  | 'evaluations'
  | 'evaluationAssessments'
  | 'changeLog';

export interface LocalizedText {
  readonly fr: string;
  readonly en: string;
}

export interface FieldDef {
  readonly internalName: string;
  readonly kind: FieldKind;
  readonly title: LocalizedText;
  /** Fields SharePoint creates with every list (Title, Author…): mapped, never created. */
  readonly builtIn?: boolean;
  readonly required?: boolean;
  /** Every column used to filter, sort or join is indexed (list view threshold). */
  readonly indexed?: boolean;
  readonly choices?: readonly string[];
  readonly fillInChoice?: boolean;
  readonly lookupList?: ListKey;
  readonly min?: number;
  readonly max?: number;
  readonly decimals?: number;
  readonly maxLength?: number;
  /**
   * Read only when one action is opened (its panel), not with the whole plan: long texts
   * the tree, cards and dashboard never show.
   */
  readonly detailOnly?: boolean;
  /**
   * Read with the whole plan (the snapshot, `queryFor(list, 'summary')`): what the tree, the
   * cards, the dashboard, the filters, the roll-up and the reminders show or compute from.
   * Nothing else travels with the snapshot: the panel reads the rest of an action.
   */
  readonly summary?: boolean;
  /**
   * A column of an earlier version, kept only as what the upgrade migrates from (it is still
   * provisioned, so every site has it): no query selects it, no mapping reads or writes it.
   */
  readonly migratedFrom?: boolean;
}

export interface ListDef<F extends string = string> {
  readonly key: ListKey;
  /** Last segment of the list URL (`Lists/<urlName>`), stable whatever the title. */
  readonly urlName: string;
  readonly title: LocalizedText;
  readonly description: string;
  /**
   * Lists that grow past the 5,000-item view threshold (check-ins over a legislature):
   * they are always read through an indexed filter and paged, never in one query.
   */
  readonly growsPastThreshold: boolean;
  readonly fields: { readonly [K in F]: FieldDef };
}

const t = (fr: string, en: string): LocalizedText => ({ fr, en });

const builtInTitle = (fr: string, en: string): FieldDef => ({
  internalName: 'Title',
  kind: 'text',
  title: t(fr, en),
  builtIn: true,
  required: true,
  summary: true,
});

/** The same field, read with the snapshot. */
const inSummary = (field: FieldDef): FieldDef => ({ ...field, summary: true });

const modifiedField: FieldDef = {
  internalName: 'Modified',
  kind: 'date',
  title: t('Modifié', 'Modified'),
  builtIn: true,
};

const createdField: FieldDef = {
  internalName: 'Created',
  kind: 'date',
  title: t('Créé', 'Created'),
  builtIn: true,
};

// Structure editing: an archived item keeps its history and leaves the views (domain/structure.ts).
const archived: FieldDef = { internalName: 'PstArchived', kind: 'boolean', title: t('Archivé', 'Archived'), summary: true };

const code: FieldDef = { internalName: 'PstCode', kind: 'text', title: t('Code', 'Code'), indexed: true, maxLength: 50, summary: true };
const sortOrder: FieldDef = { internalName: 'PstSortOrder', kind: 'number', title: t('Ordre', 'Order'), decimals: 0, summary: true };
const volet: FieldDef = {
  internalName: 'PstVolet',
  kind: 'choice',
  title: t('Volet', 'Part'),
  choices: VOLETS,
  indexed: true,
  summary: true,
};
const statusChoices: FieldDef = {
  internalName: 'PstStatus',
  kind: 'choice',
  title: t('Statut', 'Status'),
  choices: ACTION_STATUSES,
  indexed: true,
};
const healthChoices: FieldDef = {
  internalName: 'PstHealth',
  kind: 'choice',
  title: t('Santé', 'Health'),
  choices: HEALTHS,
  indexed: true,
};
const percent = (fr: string, en: string): FieldDef => ({
  internalName: 'PstProgress',
  kind: 'number',
  title: t(fr, en),
  min: 0,
  max: 100,
  decimals: 1,
});
const actionLookup: FieldDef = {
  internalName: 'PstAction',
  kind: 'lookup',
  title: t('Action', 'Action'),
  lookupList: 'actions',
  indexed: true,
  required: true,
};

export const plansList = {
  key: 'plans',
  urlName: 'PstPlans',
  title: t('PST – Plans', 'PST – Plans'),
  description: 'Programme stratégique transversal : un élément par législature.',
  growsPastThreshold: false,
  fields: {
    title: builtInTitle('Titre', 'Title'),
    organisation: { internalName: 'PstOrganisation', kind: 'text', title: t('Organisation', 'Organisation'), summary: true },
    periodStart: { internalName: 'PstPeriodStart', kind: 'number', title: t('Début de la période', 'Period start'), decimals: 0, summary: true },
    periodEnd: { internalName: 'PstPeriodEnd', kind: 'number', title: t('Fin de la période', 'Period end'), decimals: 0, summary: true },
    // Set while an import writes the plan, cleared by its last write: the views never show a half-written plan.
    importInProgress: { internalName: 'PstImportInProgress', kind: 'boolean', title: t('Import en cours', 'Import in progress'), summary: true },
    // The plan's life (domain/planLife.ts): the plan « en vigueur » is the one the views show.
    state: { internalName: 'PstPlanState', kind: 'choice', title: t('État du plan', 'Plan state'), choices: PLAN_STATES, indexed: true, summary: true },
    adoptedOn: { internalName: 'PstAdoptedOn', kind: 'date', title: t('Adopté le', 'Adopted on'), summary: true },
    previousPlan: { internalName: 'PstPreviousPlan', kind: 'lookup', title: t('Plan précédent', 'Previous plan'), lookupList: 'plans', indexed: true, summary: true },
    modified: modifiedField,
  },
} as const satisfies ListDef;

export const sectionsList = {
  key: 'sections',
  urlName: 'PstSections',
  title: t('PST – Axes et sections', 'PST – Sections'),
  description: 'Axes ou sections du PST (facultatifs), au-dessus des objectifs stratégiques.',
  growsPastThreshold: false,
  fields: {
    title: builtInTitle('Intitulé', 'Title'),
    code,
    volet,
    plan: { internalName: 'PstPlan', kind: 'lookup', title: t('Plan', 'Plan'), lookupList: 'plans', indexed: true, summary: true },
    parentSection: {
      internalName: 'PstParentSection',
      kind: 'lookup',
      title: t('Section parente', 'Parent section'),
      lookupList: 'sections',
      indexed: true,
      summary: true,
    },
    sortOrder,
    archived,
    modified: modifiedField,
  },
} as const satisfies ListDef;

export const strategicObjectivesList = {
  key: 'strategicObjectives',
  urlName: 'PstStrategicObjectives',
  title: t('PST – Objectifs stratégiques', 'PST – Strategic objectives'),
  description: 'Objectifs stratégiques (OS) du PST.',
  growsPastThreshold: false,
  fields: {
    title: builtInTitle('Intitulé', 'Title'),
    code,
    volet,
    section: { internalName: 'PstSection', kind: 'lookup', title: t('Section', 'Section'), lookupList: 'sections', indexed: true, summary: true },
    plan: { internalName: 'PstPlan', kind: 'lookup', title: t('Plan', 'Plan'), lookupList: 'plans', indexed: true, summary: true },
    description: { internalName: 'PstDescription', kind: 'richText', title: t('Description', 'Description') },
    sortOrder,
    archived,
    modified: modifiedField,
  },
} as const satisfies ListDef;

export const operationalObjectivesList = {
  key: 'operationalObjectives',
  urlName: 'PstOperationalObjectives',
  title: t('PST – Objectifs opérationnels', 'PST – Operational objectives'),
  description: 'Objectifs opérationnels (OO), chacun sous un objectif stratégique.',
  growsPastThreshold: false,
  fields: {
    title: builtInTitle('Intitulé', 'Title'),
    code,
    strategicObjective: {
      internalName: 'PstStrategicObjective',
      kind: 'lookup',
      title: t('Objectif stratégique', 'Strategic objective'),
      lookupList: 'strategicObjectives',
      indexed: true,
      required: true,
      summary: true,
    },
    description: { internalName: 'PstDescription', kind: 'richText', title: t('Description', 'Description') },
    sortOrder,
    archived,
    modified: modifiedField,
  },
} as const satisfies ListDef;

export const actionsList = {
  key: 'actions',
  urlName: 'PstActions',
  title: t('PST – Projets et actions', 'PST – Projects and actions'),
  description: 'Projets, actions et sous-actions du PST, avec leur fiche et leur avancement.',
  growsPastThreshold: false,
  fields: {
    title: builtInTitle('Intitulé', 'Title'),
    code,
    // A transversal action serves several OO. Multi-value lookups cannot be indexed in
    // SharePoint: a PST holds hundreds of actions, far below the threshold, and the
    // dashboard reads them all at once, so no query filters on this column.
    operationalObjectives: {
      internalName: 'PstOperationalObjectives',
      kind: 'lookupMulti',
      title: t('Objectifs opérationnels', 'Operational objectives'),
      lookupList: 'operationalObjectives',
      summary: true,
    },
    parentAction: {
      internalName: 'PstParentAction',
      kind: 'lookup',
      title: t('Action parente', 'Parent action'),
      lookupList: 'actions',
      indexed: true,
      summary: true,
    },
    sortOrder,
    // Unnumbered headings that group actions inside an OO in some documents.
    projectGroup: { internalName: 'PstProjectGroup', kind: 'text', title: t('Groupe de projets', 'Project group') },
    projectGroupCode: { internalName: 'PstProjectGroupCode', kind: 'text', title: t('Code du groupe de projets', 'Project group code') },
    description: { internalName: 'PstDescription', kind: 'richText', title: t('Description', 'Description'), detailOnly: true },
    context: { internalName: 'PstContext', kind: 'richText', title: t('Contexte', 'Context'), detailOnly: true },
    steps: { internalName: 'PstSteps', kind: 'richText', title: t('Étapes', 'Steps'), detailOnly: true },
    plannedStart: { internalName: 'PstPlannedStart', kind: 'date', title: t('Début prévu', 'Planned start'), indexed: true, summary: true },
    plannedEnd: { internalName: 'PstPlannedEnd', kind: 'date', title: t('Fin prévue', 'Planned end'), indexed: true, summary: true },
    plannedStartText: { internalName: 'PstPlannedStartText', kind: 'text', title: t('Début prévu (texte)', 'Planned start (text)'), detailOnly: true },
    plannedEndText: { internalName: 'PstPlannedEndText', kind: 'text', title: t('Fin prévue (texte)', 'Planned end (text)'), detailOnly: true },
    department: { internalName: 'PstDepartment', kind: 'text', title: t('Service pilote', 'Lead department'), indexed: true, summary: true },
    servicesInvolved: { internalName: 'PstServicesInvolved', kind: 'note', title: t('Services associés', 'Services involved'), detailOnly: true },
    partners: { internalName: 'PstPartners', kind: 'note', title: t('Partenaires', 'Partners'), detailOnly: true },
    projectLead: { internalName: 'PstProjectLead', kind: 'person', title: t('Chef de projet', 'Project lead'), indexed: true, summary: true },
    projectLeadText: { internalName: 'PstProjectLeadText', kind: 'text', title: t('Chef de projet (texte)', 'Project lead (text)'), summary: true },
    team: { internalName: 'PstTeam', kind: 'personMulti', title: t('Équipe', 'Team'), summary: true },
    teamText: { internalName: 'PstTeamText', kind: 'note', title: t('Équipe (texte)', 'Team (text)'), detailOnly: true },
    pilot: { internalName: 'PstPilot', kind: 'person', title: t('Pilote (CODIR)', 'Sponsor (management board)'), indexed: true },
    // The people pickers keep free text too: a name the directory does not have, or a body.
    pilotText: { internalName: 'PstPilotText', kind: 'text', title: t('Pilote (texte)', 'Sponsor (text)'), detailOnly: true },
    mandatary: { internalName: 'PstMandatary', kind: 'text', title: t('Mandataire', 'Elected official'), detailOnly: true },
    mandataryPerson: { internalName: 'PstMandataryPerson', kind: 'person', title: t('Mandataire (compte)', 'Elected official (account)'), detailOnly: true },
    priority: {
      internalName: 'PstPriority',
      kind: 'choice',
      title: t('Priorité', 'Priority'),
      choices: PRIORITIES,
      indexed: true,
      summary: true,
    },
    status: inSummary(statusChoices),
    statusText: { internalName: 'PstStatusText', kind: 'text', title: t('État (texte du document)', 'State (document text)'), detailOnly: true },
    health: inSummary(healthChoices),
    progress: inSummary(percent('Avancement (%)', 'Progress (%)')),
    progressText: { internalName: 'PstProgressText', kind: 'text', title: t('Avancement (texte)', 'Progress (text)'), detailOnly: true },
    indicatorsText: { internalName: 'PstIndicatorsText', kind: 'note', title: t('Indicateurs (texte)', 'Indicators (text)'), detailOnly: true },
    risks: { internalName: 'PstRisks', kind: 'note', title: t('Risques', 'Risks'), detailOnly: true },
    deliverables: { internalName: 'PstDeliverables', kind: 'note', title: t('Livrables', 'Deliverables'), detailOnly: true },
    // The single budget, ETP and service of the versions before the means lines (« PST –
    // Moyens »): only what the upgrade reads to write each action's first line
    // (data/meansLines.ts, migrateSingleFigures); nothing else reads or writes them.
    etp: { internalName: 'PstEtp', kind: 'number', title: t('ETP', 'FTE'), min: 0, decimals: 2, migratedFrom: true },
    budget: { internalName: 'PstBudget', kind: 'currency', title: t('Budget (€)', 'Budget (€)'), min: 0, migratedFrom: true },
    budgetService: {
      internalName: 'PstBudgetService',
      kind: 'choice',
      title: t('Service budgétaire', 'Budget service'),
      choices: BUDGET_SERVICES,
      migratedFrom: true,
    },
    resourcesText: { internalName: 'PstResourcesText', kind: 'note', title: t('Moyens (texte)', 'Resources (text)'), detailOnly: true },
    sdgs: { internalName: 'PstSdgs', kind: 'multiChoice', title: t('ODD', 'SDGs'), choices: SDG_NUMBERS.map(String), summary: true },
    labels: {
      internalName: 'PstLabels',
      kind: 'multiChoice',
      title: t('Labels et plans sectoriels', 'Labels and sector plans'),
      choices: ['PCS', 'PPI', 'Etats généraux', 'PCDR', 'Plan climat'],
      fillInChoice: true,
      summary: true,
    },
    policyObjective: { internalName: 'PstPolicyObjective', kind: 'note', title: t('Objectif politique', 'Policy objective'), detailOnly: true },
    synergies: { internalName: 'PstSynergies', kind: 'note', title: t('Synergies commune/CPAS', 'Municipality/CPAS synergies'), detailOnly: true },
    comments: { internalName: 'PstComments', kind: 'note', title: t('Commentaires', 'Comments'), detailOnly: true },
    weight: { internalName: 'PstWeight', kind: 'number', title: t('Poids', 'Weight'), min: 0, decimals: 2, summary: true },
    // Written with each check-in so that the dashboard and the reminder job never scan
    // the check-in list (which grows past the threshold) to know who is silent.
    lastCheckIn: { internalName: 'PstLastCheckIn', kind: 'date', title: t('Dernier suivi', 'Last check-in'), indexed: true, summary: true },
    // The action's item in « PST – Avancement des actions », the one its lead may edit
    // (set by the coordination; leads cannot change it: see data/actionSpaces.ts).
    progressItem: { internalName: 'PstProgressItem', kind: 'number', title: t('Fiche d’avancement', 'Progress item'), decimals: 0, summary: true },
    archived,
    modified: modifiedField,
    editor: { internalName: 'Editor', kind: 'person', title: t('Modifié par', 'Modified by'), builtIn: true },
  },
} as const satisfies ListDef;

export const indicatorsList = {
  key: 'indicators',
  urlName: 'PstIndicators',
  title: t('PST – Indicateurs', 'PST – Indicators'),
  description: 'Indicateurs des actions : valeur de départ, cible et valeur actuelle.',
  growsPastThreshold: false,
  fields: {
    title: builtInTitle('Libellé', 'Label'),
    action: actionLookup,
    unit: { internalName: 'PstUnit', kind: 'text', title: t('Unité', 'Unit') },
    baseline: { internalName: 'PstBaseline', kind: 'number', title: t('Valeur de départ', 'Baseline') },
    target: { internalName: 'PstTarget', kind: 'number', title: t('Cible', 'Target') },
    current: { internalName: 'PstCurrent', kind: 'number', title: t('Valeur actuelle', 'Current value') },
    year: { internalName: 'PstYear', kind: 'number', title: t('Année', 'Year'), decimals: 0, indexed: true },
    modified: modifiedField,
  },
} as const satisfies ListDef;

/**
 * Means per year of the actions (issue 13.4): one item per year × service × direction ×
 * funding source × article. Its own list, not a column of the action: SharePoint has no
 * repeating column, and the financial director's view reads every line without reading
 * the actions. Edited by the coordination only (leads and readers: Read).
 */
export const meansList = {
  key: 'means',
  urlName: 'PstMeans',
  title: t('PST – Moyens', 'PST – Means'),
  description: 'Moyens des actions par année : service ordinaire ou extraordinaire, dépense ou recette, source de financement, article budgétaire, montants prévu et réalisé, ETP.',
  // A few lines per action and year: past 5,000 on a large plan over a legislature.
  growsPastThreshold: true,
  fields: {
    title: builtInTitle('Titre', 'Title'),
    action: actionLookup,
    year: { internalName: 'PstYear', kind: 'number', title: t('Année', 'Year'), decimals: 0, indexed: true, required: true },
    service: { internalName: 'PstBudgetService', kind: 'choice', title: t('Service budgétaire', 'Budget service'), choices: BUDGET_SERVICES },
    direction: { internalName: 'PstMeansDirection', kind: 'choice', title: t('Dépense ou recette', 'Expense or receipt'), choices: MEANS_DIRECTIONS, required: true },
    source: { internalName: 'PstFundingSource', kind: 'choice', title: t('Source de financement', 'Funding source'), choices: FUNDING_SOURCES, indexed: true },
    article: { internalName: 'PstBudgetArticle', kind: 'text', title: t('Article budgétaire', 'Budget article'), maxLength: 50 },
    planned: { internalName: 'PstPlannedAmount', kind: 'currency', title: t('Montant prévu (€)', 'Planned amount (€)'), min: 0 },
    actual: { internalName: 'PstActualAmount', kind: 'currency', title: t('Montant réalisé (€)', 'Actual amount (€)'), min: 0 },
    etp: { internalName: 'PstEtp', kind: 'number', title: t('ETP', 'FTE'), min: 0, decimals: 2 },
    // Written by an import (the document's line) rather than typed by the coordination: an
    // update from the document replaces only these, and only while nobody changed them.
    fromDocument: { internalName: 'PstFromDocument', kind: 'boolean', title: t('Repris du document', 'From the document') },
    modified: modifiedField,
  },
} as const satisfies ListDef;

/**
 * The values of the indicators, year after year, entered by the action's lead with a
 * check-in (issue 13.3). Like the check-ins, each action has its own folder
 * (`PstIndicatorValues/<action id>`) where only its lead (and the coordination) may add; the
 * folder, not the lookup, says which action a value is about. Nothing is overwritten: the
 * latest value of a year is the one shown, the earlier ones are the history.
 */
export const indicatorValuesList = {
  key: 'indicatorValues',
  urlName: 'PstIndicatorValues',
  title: t('PST – Valeurs des indicateurs', 'PST – Indicator values'),
  description: "Valeurs des indicateurs par année, saisies par les chefs de projet avec leurs suivis (l'historique est conservé).",
  growsPastThreshold: true,
  fields: {
    title: builtInTitle('Titre', 'Title'),
    indicator: { internalName: 'PstIndicator', kind: 'lookup', title: t('Indicateur', 'Indicator'), lookupList: 'indicators', indexed: true, required: true },
    action: actionLookup,
    year: { internalName: 'PstYear', kind: 'number', title: t('Année', 'Year'), decimals: 0, indexed: true, required: true },
    value: { internalName: 'PstValue', kind: 'number', title: t('Valeur', 'Value'), required: true },
    date: { internalName: 'PstValueDate', kind: 'date', title: t('Date de la saisie', 'Entry date'), indexed: true },
    author: { internalName: 'Author', kind: 'person', title: t('Auteur', 'Author'), builtIn: true },
    modified: modifiedField,
  },
} as const satisfies ListDef;

export const checkInsList = {
  key: 'checkIns',
  urlName: 'PstCheckIns',
  title: t('PST – Suivis', 'PST – Check-ins'),
  description: "Historique des points d'avancement des actions (statut, %, santé, commentaire).",
  growsPastThreshold: true,
  fields: {
    title: builtInTitle('Titre', 'Title'),
    action: actionLookup,
    date: { internalName: 'PstCheckInDate', kind: 'date', title: t('Date du suivi', 'Check-in date'), indexed: true, required: true },
    status: { ...statusChoices, required: true },
    progress: percent('Avancement (%)', 'Progress (%)'),
    health: healthChoices,
    comment: { internalName: 'PstComment', kind: 'note', title: t('Commentaire', 'Comment') },
    // Generated by the form before the first attempt: a retried save finds its check-in.
    key: { internalName: 'PstCheckInKey', kind: 'text', title: t('Clé du suivi', 'Check-in key'), indexed: true, maxLength: 64 },
    // The versions before its author corrected it (JSON, oldest first): a correction keeps the history.
    corrections: { internalName: 'PstCheckInCorrections', kind: 'note', title: t('Corrections du suivi', 'Check-in corrections') },
    author: { internalName: 'Author', kind: 'person', title: t('Auteur', 'Author'), builtIn: true, indexed: true },
    modified: modifiedField,
  },
} as const satisfies ListDef;

/**
 * What a check-in changes on its action, in an item of its own: the action item stays
 * read-only for its lead (SharePoint has no column-level permissions), this one they may
 * edit. One item per action, created by the coordination; the action points to it.
 */
export const progressList = {
  key: 'progress',
  urlName: 'PstActionProgress',
  title: t('PST – Avancement des actions', 'PST – Action progress'),
  description: "État, avancement et santé de chaque action, tenus par son chef de projet à chaque suivi.",
  growsPastThreshold: false,
  fields: {
    title: builtInTitle('Titre', 'Title'),
    action: actionLookup,
    status: statusChoices,
    progress: percent('Avancement (%)', 'Progress (%)'),
    health: healthChoices,
    lastCheckIn: { internalName: 'PstLastCheckIn', kind: 'date', title: t('Dernier suivi', 'Last check-in'), indexed: true },
    checkInKey: { internalName: 'PstCheckInKey', kind: 'text', title: t('Clé du dernier suivi', 'Key of the last check-in'), maxLength: 64 },
    lead: { internalName: 'PstProjectLead', kind: 'person', title: t('Chef de projet autorisé', 'Lead granted'), indexed: true },
    modified: modifiedField,
  },
} as const satisfies ListDef;

/** Kinds of messages the ledger records. */
export const MESSAGE_KINDS = ['dueSoon', 'overdue', 'stale', 'committee', 'assignment', 'updateRequest'] as const;

export const reminderLedgerList = {
  key: 'reminderLedger',
  urlName: 'PstReminderLedger',
  title: t('PST – Journal des rappels', 'PST – Reminder ledger'),
  description: "Ce que les rappels ont déjà envoyé, pour ne jamais envoyer deux fois le même (tenu par le job de rappels).",
  growsPastThreshold: true,
  fields: {
    // The reminder key: kind, action and the date it refers to (see domain/reminders.ts).
    title: builtInTitle('Clé', 'Key'),
    recipient: { internalName: 'PstRecipient', kind: 'text', title: t('Destinataire', 'Recipient'), indexed: true },
    kind: { internalName: 'PstMessageKind', kind: 'choice', title: t('Type', 'Kind'), choices: MESSAGE_KINDS, indexed: true },
    runDate: { internalName: 'PstRunDate', kind: 'date', title: t('Date du passage', 'Run date'), indexed: true, required: true },
    messageId: { internalName: 'PstMessageId', kind: 'text', title: t('Identifiant du message', 'Message id') },
    modified: modifiedField,
  },
} as const satisfies ListDef;

/** Kinds of frozen snapshots (domain/evaluation.ts). */
export const SNAPSHOT_KINDS = ['miParcours', 'finDeLegislature', 'autre'] as const;

/**
 * Frozen snapshots of the plan for its evaluation (domain/evaluation.ts), kept by the
 * coordination, read by all: one snapshot is the JSON of a frozen plan cut into parts of at
 * most `SNAPSHOT_PART_LENGTH` characters (a multiple-lines column holds less than a plan of
 * hundreds of actions), one item per part, found by its key.
 */
export const evaluationsList = {
  key: 'evaluations',
  urlName: 'PstEvaluations',
  title: t('PST – Évaluations (clichés)', 'PST – Evaluations (snapshots)'),
  description: "Clichés datés et figés du PST pour son évaluation à mi-parcours et en fin de législature.",
  growsPastThreshold: false,
  fields: {
    title: builtInTitle('Libellé', 'Label'),
    snapshotKey: { internalName: 'PstSnapshotKey', kind: 'text', title: t('Clé du cliché', 'Snapshot key'), indexed: true, required: true, maxLength: 100 },
    takenOn: { internalName: 'PstTakenOn', kind: 'date', title: t('Date du cliché', 'Snapshot date'), indexed: true, required: true },
    kind: { internalName: 'PstSnapshotKind', kind: 'choice', title: t('Type', 'Kind'), choices: SNAPSHOT_KINDS, indexed: true },
    planId: { internalName: 'PstPlanId', kind: 'number', title: t('Plan', 'Plan'), decimals: 0, indexed: true },
    part: { internalName: 'PstPart', kind: 'number', title: t('Partie', 'Part'), decimals: 0, required: true },
    parts: { internalName: 'PstParts', kind: 'number', title: t('Nombre de parties', 'Parts'), decimals: 0, required: true },
    content: { internalName: 'PstContent', kind: 'note', title: t('Contenu (JSON)', 'Content (JSON)') },
    modified: modifiedField,
  },
} as const satisfies ListDef;

/**
 * What the coordination writes about an evaluation (domain/evaluation.ts): one item per
 * compared pair of snapshots (or a snapshot and today), found by its key, holding the
 * assessment of each OS/OO and the « bilan des synergies commune-CPAS » as JSON. Saved with
 * its ETag, so that two coordinators never overwrite each other.
 */
export const evaluationAssessmentsList = {
  key: 'evaluationAssessments',
  urlName: 'PstEvaluationAssessments',
  title: t('PST – Évaluations (appréciations)', 'PST – Evaluations (assessments)'),
  description: "Les appréciations de la coordination par objectif et le bilan des synergies commune-CPAS, pour chaque évaluation.",
  growsPastThreshold: false,
  fields: {
    title: builtInTitle('Évaluation', 'Evaluation'),
    evaluationKey: { internalName: 'PstEvaluationKey', kind: 'text', title: t("Clé de l'évaluation", 'Evaluation key'), indexed: true, required: true, maxLength: 255 },
    planId: { internalName: 'PstPlanId', kind: 'number', title: t('Plan', 'Plan'), decimals: 0, indexed: true },
    content: { internalName: 'PstContent', kind: 'note', title: t('Appréciations (JSON)', 'Assessments (JSON)') },
    modified: modifiedField,
    editor: { internalName: 'Editor', kind: 'person', title: t('Modifié par', 'Modified by'), builtIn: true },
  },
} as const satisfies ListDef;

/** Kinds of change the plan's change log records (data/structureWriter.ts). */
export const CHANGE_KINDS = ['create', 'edit', 'move', 'reorder', 'archive', 'restore', 'link', 'unlink', 'renumber', 'planState', 'newPlan'] as const;
export const STRUCTURE_KINDS = ['plan', 'section', 'strategicObjective', 'operationalObjective', 'action'] as const;

/**
 * The dated change log of a plan's structure: who changed what, when (Author, Created),
 * with the values before and after. Written by the coordination with each change, never
 * edited: the coordination may add, not delete (see data/permissions.ts).
 */
export const changeLogList = {
  key: 'changeLog',
  urlName: 'PstChangeLog',
  title: t('PST – Journal des modifications', 'PST – Change log'),
  description: 'Les modifications de la structure du PST : qui, quand, quoi (avant → après).',
  growsPastThreshold: true,
  fields: {
    // What changed, in French: « Renommé : « Accueil » → « Accueil social » ».
    title: builtInTitle('Modification', 'Change'),
    plan: { internalName: 'PstPlan', kind: 'lookup', title: t('Plan', 'Plan'), lookupList: 'plans', indexed: true, required: true },
    changeKind: { internalName: 'PstChangeKind', kind: 'choice', title: t('Type de modification', 'Kind of change'), choices: CHANGE_KINDS, indexed: true },
    itemKind: { internalName: 'PstItemKind', kind: 'choice', title: t('Élément', 'Item'), choices: STRUCTURE_KINDS, indexed: true },
    itemId: { internalName: 'PstItemId', kind: 'number', title: t("Identifiant de l'élément", 'Item id'), decimals: 0, indexed: true },
    before: { internalName: 'PstBefore', kind: 'note', title: t('Avant', 'Before') },
    after: { internalName: 'PstAfter', kind: 'note', title: t('Après', 'After') },
    author: { internalName: 'Author', kind: 'person', title: t('Auteur', 'Author'), builtIn: true, indexed: true },
    created: createdField,
  },
} as const satisfies ListDef;

/** In creation order: a lookup's target list comes before the list that points to it. */
export const PST_LISTS = [
  plansList,
  sectionsList,
  strategicObjectivesList,
  operationalObjectivesList,
  actionsList,
  indicatorsList,
  meansList,
  indicatorValuesList,
  checkInsList,
  progressList,
  reminderLedgerList,
  evaluationsList,
  evaluationAssessmentsList,
  changeLogList,
] as const;

export function listByKey(key: ListKey): ListDef {
  const found = PST_LISTS.find((list) => list.key === key);
  if (!found) throw new Error(`Unknown PST list: ${key}`);
  return found;
}
