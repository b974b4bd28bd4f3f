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
} from '../../../src/domain/vocabularies';

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
  | 'checkIns'
  | 'reminderLedger';

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
    mandatary: { internalName: 'PstMandatary', kind: 'text', title: t('Mandataire', 'Elected official'), detailOnly: true },
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
    etp: { internalName: 'PstEtp', kind: 'number', title: t('ETP', 'FTE'), min: 0, decimals: 2 },
    budget: { internalName: 'PstBudget', kind: 'currency', title: t('Budget (€)', 'Budget (€)'), min: 0 },
    budgetService: {
      internalName: 'PstBudgetService',
      kind: 'choice',
      title: t('Service budgétaire', 'Budget service'),
      choices: BUDGET_SERVICES,
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
    author: { internalName: 'Author', kind: 'person', title: t('Auteur', 'Author'), builtIn: true, indexed: true },
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

/** In creation order: a lookup's target list comes before the list that points to it. */
export const PST_LISTS = [
  plansList,
  sectionsList,
  strategicObjectivesList,
  operationalObjectivesList,
  actionsList,
  indicatorsList,
  checkInsList,
  reminderLedgerList,
] as const;

export function listByKey(key: ListKey): ListDef {
  const found = PST_LISTS.find((list) => list.key === key);
  if (!found) throw new Error(`Unknown PST list: ${key}`);
  return found;
}
