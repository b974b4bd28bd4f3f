/**
 * The texts of the published PST (src/export/publicPage.ts), the static page a CPAS puts on
 * its public website, in French and English. Dates and numbers are formatted by the page,
 * the Belgian way. Imports nothing.
 */

export interface PublicationTexts {
  /** Before the date of the data, under the title. */
  readonly dataOf: string;
  readonly period: string;
  readonly summary: string;
  readonly contents: string;
  /** The skip link at the top of the page. */
  readonly skipToContent: string;
  readonly overallProgress: string;
  readonly progress: string;
  readonly actions: string;
  readonly done: string;
  readonly inProgress: string;
  readonly notStarted: string;
  readonly status: string;
  readonly start: string;
  readonly end: string;
  readonly service: string;
  readonly lead: string;
  readonly partners: string;
  readonly indicators: string;
  readonly sdgs: string;
  readonly labels: string;
  readonly subActions: string;
  /** An action without a status. */
  readonly unknownStatus: string;
  /** Progress of an action nobody gave a figure for. */
  readonly noProgress: string;
  readonly lastCheckIn: string;
  readonly comments: string;
  /** "Objectif stratégique 1", "Objectif opérationnel 1.1" (before the title). */
  readonly strategicObjective: string;
  readonly operationalObjective: string;
  /** Under an action serving several OO: "Aussi rattachée à : 2.1". */
  readonly alsoUnder: string;
  /** The footer: "Publié le 23/11/2026 à partir du suivi du PST." */
  readonly published: (date: string) => string;
  /** An indicator: "Visiteurs accueillis : 1 234 sur un objectif de 1 500 pers. (2026)". */
  readonly indicatorLine: (label: string, current: string, target: string, unit: string, year: string) => string;
  /** The progress of an objective: "45 % (12 actions)". */
  readonly progressOf: (percent: string, actions: number) => string;
}

export const PUBLICATION_TEXTS: { readonly fr: PublicationTexts; readonly en: PublicationTexts } = {
  fr: {
    dataOf: 'Données au',
    period: 'Législature',
    summary: 'En résumé',
    contents: 'Objectifs stratégiques',
    skipToContent: 'Aller au contenu',
    overallProgress: 'Avancement global',
    progress: 'Avancement',
    actions: 'Actions',
    done: 'Terminées',
    inProgress: 'En cours',
    notStarted: 'Pas encore commencées',
    status: 'Statut',
    start: 'Début prévu',
    end: 'Fin prévue',
    service: 'Service pilote',
    lead: 'Chef de projet',
    partners: 'Partenaires',
    indicators: 'Indicateurs',
    sdgs: 'Objectifs de développement durable',
    labels: 'Plans et labels',
    subActions: 'Sous-actions',
    unknownStatus: 'Non précisé',
    noProgress: 'non communiqué',
    lastCheckIn: 'Dernier suivi',
    comments: 'Commentaires',
    strategicObjective: 'Objectif stratégique',
    operationalObjective: 'Objectif opérationnel',
    alsoUnder: 'Aussi rattachée à',
    published: (date: string) => `Publié le ${date} à partir du suivi du Programme stratégique transversal.`,
    indicatorLine: (label: string, current: string, target: string, unit: string, year: string) =>
      `${label} : ${current || '–'}${target ? ` sur un objectif de ${target}` : ''}${unit ? ` ${unit}` : ''}${year ? ` (${year})` : ''}`,
    progressOf: (percent: string, actions: number) => `${percent} (${actions} action${actions > 1 ? 's' : ''})`,
  },
  en: {
    dataOf: 'Data as of',
    period: 'Term',
    summary: 'Summary',
    contents: 'Strategic objectives',
    skipToContent: 'Skip to content',
    overallProgress: 'Overall progress',
    progress: 'Progress',
    actions: 'Actions',
    done: 'Done',
    inProgress: 'In progress',
    notStarted: 'Not started yet',
    status: 'Status',
    start: 'Planned start',
    end: 'Planned end',
    service: 'Lead service',
    lead: 'Project lead',
    partners: 'Partners',
    indicators: 'Indicators',
    sdgs: 'Sustainable development goals',
    labels: 'Plans and labels',
    subActions: 'Sub-actions',
    unknownStatus: 'Not stated',
    noProgress: 'not reported',
    lastCheckIn: 'Last check-in',
    comments: 'Comments',
    strategicObjective: 'Strategic objective',
    operationalObjective: 'Operational objective',
    alsoUnder: 'Also under',
    published: (date: string) => `Published on ${date} from the follow-up of the strategic programme.`,
    indicatorLine: (label: string, current: string, target: string, unit: string, year: string) =>
      `${label}: ${current || '–'}${target ? ` of a target of ${target}` : ''}${unit ? ` ${unit}` : ''}${year ? ` (${year})` : ''}`,
    progressOf: (percent: string, actions: number) => `${percent} (${actions} action${actions > 1 ? 's' : ''})`,
  },
};
