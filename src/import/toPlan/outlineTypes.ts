/**
 * The outline of a PST document: what the importer extracts from a Word/PDF PST, and the
 * shape of shared/samples/*.expected.json.
 */

export interface OutlineAxis {
  code?: string | null;
  title?: string | null;
  sourceLine?: number;
}

export interface OutlineProjectGroup {
  code?: string | null;
  title?: string | null;
  derivedCode?: boolean;
  hasNoActions?: boolean;
  sourceLine?: number;
}

/** Labelled fields of an action sheet; every one is optional and kept as written. */
export interface OutlineActionFields {
  start?: string | null;
  end?: string | null;
  /** Free timing line ("Depuis 1er trimestre 2019"), read as the start when there is no start. */
  timing?: string | null;
  department?: string | null;
  /** The OS / OO as printed inside the sheet (the structure itself comes from the headings). */
  strategicObjective?: string | null;
  operationalObjective?: string | null;
  context?: string | null;
  steps?: string | null;
  risks?: string[] | string | null;
  projectLead?: string | null;
  team?: string | null;
  pilot?: string | null;
  mandatary?: string | null;
  partners?: string | null;
  servicesInvolved?: string | null;
  deliverables?: string | null;
  resources?: string | null;
  comments?: string | null;
  progress?: string | null;
  progressPercent?: number | null;
  status?: string | null;
  state?: string | null;
  priority?: string | null;
  health?: string | null;
  indicators?: string | null;
  sdgs?: (number | string)[] | string | null;
  labels?: string[] | string | null;
  policyObjective?: string | null;
  synergies?: string | null;
  projectGroup?: string | null;
  projectGroupCode?: string | null;
  links?: string[] | null;
  [other: string]: unknown;
}

export interface OutlineAction {
  code?: string | null;
  codeAsPrinted?: string | null;
  codeAnomaly?: string | null;
  title: string | null;
  /** The leading title phrase when the title cell holds more than a title. */
  shortTitle?: string | null;
  description?: string | null;
  fields?: OutlineActionFields | null;
  subActions?: OutlineAction[] | null;
  sourceLine?: number;
}

export interface OutlineOperationalObjective {
  code?: string | null;
  title: string | null;
  description?: string | null;
  projectGroups?: OutlineProjectGroup[] | null;
  actions: OutlineAction[];
  /** Actions of `actions` listed here again though their sheet (and first OO) is elsewhere: transversal actions of a spreadsheet. */
  alsoListed?: OutlineAction[] | null;
  impliedByActionCodes?: boolean;
  sourceLine?: number;
}

export interface OutlineStrategicObjective {
  code?: string | null;
  title: string | null;
  volet?: string | null;
  /** Most specific section heading ("I.II RESSOURCES HUMAINES", "1. LE SERVICE À LA POPULATION"). */
  section?: string | null;
  /** Headings from the part (volet) down to the section. */
  sectionPath?: string[] | null;
  axis?: OutlineAxis | null;
  description?: string | null;
  operationalObjectives: OutlineOperationalObjective[];
  sourceLine?: number;
}

export interface OutlineCounts {
  strategicObjectives?: number;
  operationalObjectives?: number;
  actions?: number;
  subActions?: number;
  [other: string]: unknown;
}

export interface OutlineDocument {
  source?: string;
  title?: string | null;
  organisation?: string | null;
  /** "2019-2024" */
  period?: string | null;
  strategicObjectives: OutlineStrategicObjective[];
  counts?: OutlineCounts;
  notes?: string[];
  [other: string]: unknown;
}
