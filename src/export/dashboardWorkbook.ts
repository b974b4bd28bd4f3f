/**
 * The dashboard as an Excel workbook: the same figures as the screen, with the plan,
 * the export date and the active filters at the top of every sheet. The texts are in
 * src/strings/workbook.ts; this file only assembles them.
 */
import type { DashboardFigures, ObjectiveFigure } from '../domain/dashboard';
import type { ProgressStats } from '../domain/rollup';
import { formatDate } from '../domain/parsing';
import { statusLabel, Lang } from '../domain/vocabularies';
import { WORKBOOK_TEXTS } from '../strings/workbook';
import { Cell, Sheet, StyledCell } from './xlsx';

const bold = (value: string): StyledCell => ({ value, style: 'bold' });
const percent = (value: number | null): StyledCell => ({ value: value === null ? null : value / 100, style: 'percent' });
const integer = (value: number): StyledCell => ({ value, style: 'integer' });

export interface WorkbookHeader {
  readonly planTitle: string;
  /** One line per active filter, already in the user's language. */
  readonly filterLines: readonly string[];
}

export function dashboardWorkbook(figures: DashboardFigures, header: WorkbookHeader, lang: Lang = 'fr'): Sheet[] {
  const l = WORKBOOK_TEXTS[lang];
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
        objectiveRow(l.strategicLevel, os),
        ...figures.operationalObjectives.filter((oo) => oo.strategicObjectiveId === os.id).map((oo) => objectiveRow(l.operationalLevel, oo)),
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
      ...figures.quarters.map((q) => [l.quarterName(q.quarter, q.year), integer(q.planned), integer(q.done)]),
    ],
  };
  return [summary, objectives, statuses, late, services, quarters];
}
