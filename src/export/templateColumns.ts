/**
 * The columns of the PST spreadsheet template, in order, with their French headers: the
 * import template (src/import/spreadsheet) and the plan workbook (planWorkbook.ts) share
 * them, so an exported plan can be edited in Excel and imported again.
 */

export type TemplateColumnKey =
  | 'level'
  | 'code'
  | 'title'
  | 'parent'
  | 'volet'
  | 'section'
  | 'description'
  | 'start'
  | 'end'
  | 'department'
  | 'projectLead'
  | 'team'
  | 'pilot'
  | 'mandatary'
  | 'partners'
  | 'servicesInvolved'
  | 'priority'
  | 'status'
  | 'progress'
  | 'indicators'
  | 'risks'
  | 'deliverables'
  | 'resources'
  | 'sdgs'
  | 'labels'
  | 'policyObjective'
  | 'synergies'
  | 'context'
  | 'steps'
  | 'comments';

export interface TemplateColumn {
  readonly key: TemplateColumnKey;
  readonly header: string;
  readonly width: number;
}

/** The template's columns, in order; headers are what people see and type. */
export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  { key: 'level', header: 'Niveau', width: 14 },
  { key: 'code', header: 'Code', width: 10 },
  { key: 'title', header: 'Intitulé', width: 50 },
  { key: 'parent', header: 'Parent (code ou intitulé)', width: 22 },
  { key: 'volet', header: 'Volet', width: 14 },
  { key: 'section', header: 'Section / axe', width: 24 },
  { key: 'description', header: 'Description', width: 40 },
  { key: 'start', header: 'Début', width: 12 },
  { key: 'end', header: 'Fin', width: 12 },
  { key: 'department', header: 'Service pilote', width: 20 },
  { key: 'projectLead', header: 'Chef de projet', width: 20 },
  { key: 'team', header: 'Équipe', width: 24 },
  { key: 'pilot', header: 'Pilote (CODIR)', width: 18 },
  { key: 'mandatary', header: 'Mandataire', width: 18 },
  { key: 'partners', header: 'Partenaires', width: 24 },
  { key: 'servicesInvolved', header: 'Services associés', width: 24 },
  { key: 'priority', header: 'Priorité', width: 12 },
  { key: 'status', header: 'État', width: 16 },
  { key: 'progress', header: 'Avancement (%)', width: 14 },
  { key: 'indicators', header: 'Indicateurs', width: 30 },
  { key: 'risks', header: 'Risques', width: 30 },
  { key: 'deliverables', header: 'Livrables', width: 24 },
  { key: 'resources', header: 'Ressources (ETP, budget)', width: 28 },
  { key: 'sdgs', header: 'ODD', width: 10 },
  { key: 'labels', header: 'Labels / plans', width: 18 },
  { key: 'policyObjective', header: 'Objectif politique', width: 28 },
  { key: 'synergies', header: 'Synergies commune/CPAS', width: 24 },
  { key: 'context', header: 'Contexte', width: 30 },
  { key: 'steps', header: 'Étapes', width: 30 },
  { key: 'comments', header: 'Commentaires', width: 30 },
];

/** What the « Niveau » column says for each level. */
export const TEMPLATE_LEVELS = {
  os: 'Objectif stratégique',
  oo: 'Objectif opérationnel',
  action: 'Action',
  subAction: 'Sous-action',
} as const;

/** Label cells above the header row saying which plan the rows are (the importer reads them back). */
export const TEMPLATE_PLAN_LABELS = {
  title: 'Plan',
  organisation: 'Organisation',
  period: 'Période',
} as const;
