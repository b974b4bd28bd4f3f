/**
 * The dashboard as an Excel workbook: the same figures as the screen, with the plan,
 * the export date and the active filters at the top of every sheet.
 */
import type { DashboardFigures, ObjectiveFigure } from '../domain/dashboard';
import type { ProgressStats } from '../domain/rollup';
import { formatDate } from '../domain/parsing';
import { statusLabel, Lang } from '../domain/vocabularies';
import { Cell, Sheet, StyledCell } from './xlsx';

const bold = (value: string): StyledCell => ({ value, style: 'bold' });
const percent = (value: number | null): StyledCell => ({ value: value === null ? null : value / 100, style: 'percent' });
const integer = (value: number): StyledCell => ({ value, style: 'integer' });

const LABELS = {
  fr: {
    exported: 'Exporté le',
    filters: 'Filtres',
    noFilter: 'aucun (tout le PST)',
    summary: 'Synthèse',
    objectives: 'Par objectif',
    statuses: 'Statuts',
    late: 'En retard',
    services: 'Par service',
    quarters: 'Échéances par trimestre',
    figure: 'Indicateur',
    value: 'Valeur',
    actions: 'Actions',
    done: 'Terminées',
    lateCount: 'En retard',
    blocked: 'Bloquées',
    cancelled: 'Annulées',
    progress: 'Avancement',
    realisation: 'Taux de réalisation',
    level: 'Niveau',
    code: 'Code',
    title: 'Intitulé',
    status: 'Statut',
    unknown: 'Inconnu',
    count: 'Nombre',
    lead: 'Chef de projet',
    due: 'Échéance',
    daysLate: 'Jours de retard',
    service: 'Service',
    noService: '(sans service)',
    quarter: 'Trimestre',
    planned: 'Fins prévues',
  },
  en: {
    exported: 'Exported on',
    filters: 'Filters',
    noFilter: 'none (whole PST)',
    summary: 'Summary',
    objectives: 'By objective',
    statuses: 'Statuses',
    late: 'Late',
    services: 'By service',
    quarters: 'Planned ends per quarter',
    figure: 'Figure',
    value: 'Value',
    actions: 'Actions',
    done: 'Done',
    lateCount: 'Late',
    blocked: 'Blocked',
    cancelled: 'Cancelled',
    progress: 'Progress',
    realisation: 'Realisation rate',
    level: 'Level',
    code: 'Code',
    title: 'Title',
    status: 'Status',
    unknown: 'Unknown',
    count: 'Count',
    lead: 'Project lead',
    due: 'Due',
    daysLate: 'Days late',
    service: 'Service',
    noService: '(no service)',
    quarter: 'Quarter',
    planned: 'Planned ends',
  },
};

export interface WorkbookHeader {
  readonly planTitle: string;
  /** One line per active filter, already in the user's language. */
  readonly filterLines: readonly string[];
}

export function dashboardWorkbook(figures: DashboardFigures, header: WorkbookHeader, lang: Lang = 'fr'): Sheet[] {
  const l = LABELS[lang];
  const top = (sheetTitle: string): Cell[][] => [
    [{ value: `${header.planTitle} – ${sheetTitle}`, style: 'title' }],
    [l.exported, formatDate(figures.today)],
    [l.filters, header.filterLines.length > 0 ? header.filterLines.join(' ; ') : l.noFilter],
    [],
  ];
  const statsColumns = (s: ProgressStats): Cell[] => [integer(s.total), integer(s.done), integer(s.late), integer(s.blocked), percent(s.progress)];
  const statsHeader = [l.actions, l.done, l.lateCount, l.blocked, l.progress].map(bold);
  const objectiveRow = (level: string, o: ObjectiveFigure): Cell[] => [level, o.code, o.title, ...statsColumns(o.stats)];

  const plan = figures.plan;
  const summary: Sheet = {
    name: l.summary,
    columnWidths: [30, 14],
    rows: [
      ...top(l.summary),
      [bold(l.figure), bold(l.value)],
      [l.actions, integer(plan.total)],
      [l.done, integer(plan.done)],
      [l.realisation, percent(plan.realisationRate === null ? null : plan.realisationRate * 100)],
      [l.progress, percent(plan.progress)],
      [l.lateCount, integer(plan.late)],
      [l.blocked, integer(plan.blocked)],
      [l.cancelled, integer(plan.cancelled)],
    ],
  };
  const objectives: Sheet = {
    name: l.objectives,
    columnWidths: [8, 10, 70, 10, 10, 10, 10, 12],
    rows: [
      ...top(l.objectives),
      [bold(l.level), bold(l.code), bold(l.title), ...statsHeader],
      ...figures.strategicObjectives.flatMap((os) => [
        objectiveRow('OS', os),
        ...figures.operationalObjectives.filter((oo) => oo.strategicObjectiveId === os.id).map((oo) => objectiveRow('OO', oo)),
      ]),
    ],
  };
  const statuses: Sheet = {
    name: l.statuses,
    columnWidths: [24, 10],
    rows: [
      ...top(l.statuses),
      [bold(l.status), bold(l.count)],
      ...figures.statusDistribution.map((d) => [d.status ? statusLabel(d.status, lang) : l.unknown, integer(d.count)]),
    ],
  };
  const late: Sheet = {
    name: l.late,
    columnWidths: [12, 70, 28, 12, 14],
    rows: [
      ...top(l.late),
      [bold(l.code), bold(l.title), bold(l.lead), bold(l.due), bold(l.daysLate)],
      ...figures.lateActions.map((a) => [
        a.action.code,
        a.action.title,
        a.lead?.displayName ?? null,
        { value: a.dueDate, style: 'date' as const },
        integer(a.daysLate),
      ]),
    ],
  };
  const services: Sheet = {
    name: l.services,
    columnWidths: [40, 10, 10, 10, 10, 12],
    rows: [...top(l.services), [bold(l.service), ...statsHeader], ...figures.services.map((s) => [s.service || l.noService, ...statsColumns(s.stats)])],
  };
  const quarters: Sheet = {
    name: l.quarters,
    columnWidths: [14, 14, 12],
    rows: [
      ...top(l.quarters),
      [bold(l.quarter), bold(l.planned), bold(l.done)],
      ...figures.quarters.map((q) => [`T${q.quarter} ${q.year}`, integer(q.planned), integer(q.done)]),
    ],
  };
  return [summary, objectives, statuses, late, services, quarters];
}
