/**
 * The whole plan as an Excel workbook that serves:
 * - « PST »: every item (OS, OO, action, sub-action) in the import template's columns, so
 *   the coordinator can edit it in Excel and import it again (only the edited cells change;
 *   a transversal action is one row under each of its OO, with the same code);
 * - « Actions »: one row per action with its follow-up (status, health, progress, lead,
 *   deadline, delay, the last check-in and its comment, the indicators, ETP, budget and
 *   the means per year when the action has them), late and blocked rows highlighted;
 * - « Moyens par année » and « Indicateurs »: one row per means line / indicator.
 * Every sheet prints landscape on the page width with its header row repeated.
 * Texts in src/strings/workbook.ts; the template's headers stay French (the importer reads them).
 */
import type { Action, CheckIn, Indicator, IsoDate, Section, StrategicObjective } from '../domain/model';
import { displayNameOf } from '../domain/model';
import type { MeansLine } from '../domain/means';
import { FUNDING_SOURCE_LABELS, MEANS_DIRECTION_LABELS } from '../domain/means';
import type { ActionNode, PlanTreeInput, SectionNode, StrategicObjectiveNode } from '../domain/tree';
import { buildPlanTree } from '../domain/tree';
import type { ReportAction } from '../domain/report';
import { buildReport } from '../domain/report';
import { formatNumber } from '../domain/parsing';
import { BUDGET_SERVICE_LABELS, healthLabel, Lang, priorityLabel, statusLabel, voletLabel } from '../domain/vocabularies';
import { periodAsWritten, progressAsWritten, resourcesAsWritten, statusAsWritten } from '../domain/asWritten';
import { WORKBOOK_TEXTS, WorkbookTexts } from '../strings/workbook';
import { TEMPLATE_COLUMNS, TEMPLATE_LEVELS, TEMPLATE_PLAN_LABELS, TemplateColumnKey } from './templateColumns';
import type { Cell, Highlight, PrintSetup, Sheet, StyledCell } from './xlsx';

export interface PlanWorkbookInput extends PlanTreeInput {
  readonly indicators?: readonly Indicator[];
  readonly checkIns?: readonly CheckIn[];
}

/** Name of the re-importable sheet (the importer reads the first sheet). */
export const PLAN_SHEET_NAME = 'PST';

const PRINT: PrintSetup = { landscape: true, fitToWidth: true, headerRow: 1, filter: true };

const header = (value: string): StyledCell => ({ value, style: 'header' });
const wrap = (value: string | null | undefined): StyledCell => ({ value: value ?? null, style: 'wrap' });
const euro = (value: number | null | undefined): StyledCell => ({ value: value ?? null, style: 'euro' });
const decimal = (value: number | null | undefined): StyledCell => ({ value: value ?? null, style: 'decimal' });
const percent = (value: number | null): StyledCell => ({ value: value === null ? null : value / 100, style: 'percent' });
const date = (value: IsoDate | null | undefined): StyledCell => ({ value: value ?? null, style: 'date' });
const integer = (value: number | null): StyledCell => ({ value, style: 'integer' });

/** Several values in one cell: one per line (Alt+Entrée in Excel), as the importer splits them. */
const lines = (values: readonly string[]): string => values.filter((v) => v.trim() !== '').join('\n');

const highlightOf = (row: ReportAction | undefined): Highlight | null => (!row ? null : row.blocked ? 'blocked' : row.late ? 'late' : null);

// ---------------------------------------------------------------- the tree, in the order of the plan

interface ActionRowContext {
  readonly node: ActionNode;
  readonly depth: number;
  readonly os: StrategicObjective;
  readonly oo: { code: string | null; title: string };
}

function objectivesOf(sections: readonly SectionNode[]): { os: StrategicObjectiveNode; section: Section | null }[] {
  return sections.flatMap((s) => [...s.strategicObjectives.map((os) => ({ os, section: s.section })), ...objectivesOf(s.sections)]);
}

/**
 * The OS in the plan's order (their `order` is the plan's, across volets: an import numbers
 * them that way), each with its OO and actions in the tree's order.
 */
function orderedObjectives(input: PlanTreeInput): { os: StrategicObjectiveNode; section: Section | null }[] {
  const tree = buildPlanTree(input);
  const objectives = tree.volets.flatMap((v) => [...v.strategicObjectives.map((os) => ({ os, section: null })), ...objectivesOf(v.sections)]);
  return objectives.map((o, index) => ({ ...o, index })).sort((a, b) => a.os.objective.order - b.os.objective.order || a.index - b.index);
}

/** Every occurrence of every action (a transversal one under each OO), sub-actions after their parent. */
function actionOccurrences(objectives: readonly { os: StrategicObjectiveNode }[]): ActionRowContext[] {
  const rows: ActionRowContext[] = [];
  const visit = (node: ActionNode, depth: number, os: StrategicObjective, oo: { code: string | null; title: string }) => {
    rows.push({ node, depth, os, oo });
    for (const sub of node.subActions) visit(sub, depth + 1, os, oo);
  };
  for (const { os } of objectives) for (const oo of os.operationalObjectives) for (const a of oo.actions) visit(a, 0, os.objective, oo.objective);
  return rows;
}

// ---------------------------------------------------------------- « PST »: the template's columns

/**
 * The parent column: the code when it names one item of its kind, else the title when it
 * does, else nothing (the row above is the parent). Counted once per kind.
 */
function referencesTo(all: readonly { code: string | null; title: string }[]): (item: { code: string | null; title: string }) => string {
  const codes = new Map<string, number>();
  const titles = new Map<string, number>();
  for (const o of all) {
    if (o.code) codes.set(o.code, (codes.get(o.code) ?? 0) + 1);
    titles.set(o.title, (titles.get(o.title) ?? 0) + 1);
  }
  return (item) => (item.code && codes.get(item.code) === 1 ? item.code : titles.get(item.title) === 1 ? item.title : '');
}

function actionFields(a: Action): Partial<Record<TemplateColumnKey, string>> {
  return {
    description: a.description ?? '',
    start: periodAsWritten(a.plannedStartText, a.plannedStart),
    end: periodAsWritten(a.plannedEndText, a.plannedEnd),
    department: a.department ?? '',
    projectLead: displayNameOf(a.projectLead),
    team: lines(a.team.map((p) => p.displayName)),
    pilot: displayNameOf(a.pilot),
    mandatary: displayNameOf(a.mandatary),
    partners: lines(a.partners),
    servicesInvolved: lines(a.servicesInvolved),
    priority: a.priority ? priorityLabel(a.priority) : '',
    status: statusAsWritten(a),
    progress: progressAsWritten(a),
    indicators: a.indicatorsText ?? '',
    risks: lines(a.risks),
    deliverables: a.deliverables ?? '',
    resources: resourcesAsWritten(a.resources),
    sdgs: a.sdgs.join(', '),
    labels: lines(a.labels),
    policyObjective: a.policyObjective ?? '',
    synergies: a.synergies ?? '',
    context: a.context ?? '',
    steps: a.steps ?? '',
    comments: a.comments ?? '',
  };
}

function sectionHeading(section: Section | null): string {
  if (!section) return '';
  return section.code ? `${section.code} ${section.title}` : section.title;
}

function planSheet(input: PlanWorkbookInput, reportRows: ReadonlyMap<number, ReportAction>): Sheet {
  const objectives = orderedObjectives(input);
  const p = input.plan;
  const period = p.startYear !== null ? `${p.startYear}-${p.endYear ?? p.startYear}` : null;
  const label = (value: string): StyledCell => ({ value, style: 'bold' });
  // Which plan this is, above the headers: a re-import updates the same plan, under the same title.
  const rows: Cell[][] = [
    [label(TEMPLATE_PLAN_LABELS.title), p.title],
    [label(TEMPLATE_PLAN_LABELS.organisation), p.organisation],
    [label(TEMPLATE_PLAN_LABELS.period), period],
    TEMPLATE_COLUMNS.map((c) => header(c.header)),
  ];
  const highlights: (Highlight | null)[] = [null, null, null, null];
  const osReference = referencesTo(input.strategicObjectives);
  const ooReference = referencesTo(input.operationalObjectives);
  const actionReference = referencesTo(input.actions);
  const row = (values: Partial<Record<TemplateColumnKey, string>>, highlight: Highlight | null = null) => {
    rows.push(TEMPLATE_COLUMNS.map((c) => (values[c.key] ? wrap(values[c.key]) : null)));
    highlights.push(highlight);
  };
  for (const { os, section } of objectives) {
    const o = os.objective;
    row({ level: TEMPLATE_LEVELS.os, code: o.code ?? '', title: o.title, volet: o.volet ? voletLabel(o.volet) : '', section: sectionHeading(section), description: o.description ?? '' });
    for (const ooNode of os.operationalObjectives) {
      const oo = ooNode.objective;
      row({ level: TEMPLATE_LEVELS.oo, code: oo.code ?? '', title: oo.title, parent: osReference(o), description: oo.description ?? '' });
      const visit = (node: ActionNode, parent: Action | null) => {
        const a = node.action;
        // A transversal action's other occurrences repeat its code and title only: the importer
        // joins them to the row with the fields, whose OO stays the first.
        const repeat = node.shared && !node.primary;
        row(
          {
            level: parent ? TEMPLATE_LEVELS.subAction : TEMPLATE_LEVELS.action,
            code: a.code ?? '',
            title: a.title,
            parent: parent ? actionReference(parent) : ooReference(oo),
            ...(repeat ? {} : actionFields(a)),
          },
          highlightOf(reportRows.get(a.id)),
        );
        if (!repeat) for (const sub of node.subActions) visit(sub, a);
      };
      for (const node of ooNode.actions) visit(node, null);
    }
  }
  return { name: PLAN_SHEET_NAME, rows, highlights, columnWidths: TEMPLATE_COLUMNS.map((c) => c.width), print: { ...PRINT, headerRow: 4 } };
}

// ---------------------------------------------------------------- « Actions »: one row per action

function meansYears(actions: readonly Action[]): number[] {
  const years = new Set<number>();
  for (const a of actions) for (const line of a.resources.lines ?? []) years.add(line.year);
  return Array.from(years).sort((x, y) => x - y);
}

/** Expenses of a year (receipts are in the means sheet). */
function expensesOf(means: readonly MeansLine[], year: number, key: 'planned' | 'actual'): number | null {
  const values = means.filter((m) => m.year === year && m.direction === 'depense').map((m) => m[key]).filter((v): v is number => v !== null);
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0);
}

function indicatorText(indicators: ReportAction['indicators'], l: WorkbookTexts): string {
  return lines(
    indicators.map((i) =>
      l.indicatorLine(i.label, formatNumber(i.current), formatNumber(i.target), i.unit ?? '', i.year !== null ? String(i.year) : ''),
    ),
  );
}

function actionsSheet(input: PlanWorkbookInput, reportRows: ReadonlyMap<number, ReportAction>, l: WorkbookTexts, lang: Lang): Sheet {
  const years = meansYears(input.actions);
  const headers = [
    l.code, l.strategicObjective, l.operationalObjective, l.action, l.status, l.health, l.progress, l.lead, l.service, l.start, l.due, l.attention,
    l.lastCheckIn, l.lastCheckInAuthor, l.lastComment, l.indicators,
    ...years.flatMap((y) => [l.plannedIn(y), l.actualIn(y)]),
  ];
  const widths = [10, 28, 28, 40, 14, 11, 11, 18, 18, 11, 11, 14, 11, 16, 40, 30, ...years.flatMap(() => [12, 12])];
  const rows: Cell[][] = [headers.map(header)];
  const highlights: (Highlight | null)[] = [null];
  const seen = new Set<number>();
  for (const { node, depth, os, oo } of actionOccurrences(orderedObjectives(input))) {
    const a = node.action;
    if (seen.has(a.id)) continue; // a transversal action once, under its first OO
    seen.add(a.id);
    const r = reportRows.get(a.id);
    const means = a.resources.lines ?? [];
    const attention = r?.blocked ? l.blockedMark : r?.late && r.daysLate !== null ? l.lateBy(r.daysLate) : '';
    rows.push([
      a.code,
      wrap(os.code ? `${os.code} ${os.title}` : os.title),
      wrap(oo.code ? `${oo.code} ${oo.title}` : oo.title),
      wrap(`${depth > 0 ? l.subActionMark : ''}${a.title}`),
      a.status ? statusLabel(a.status, lang) : a.statusText ?? l.unknown,
      a.health ? healthLabel(a.health, lang) : null,
      percent(r?.progress ?? null),
      wrap(displayNameOf(a.projectLead) || null),
      wrap(a.department),
      date(a.plannedStart?.start),
      a.plannedEnd ? date(a.plannedEnd.end) : a.plannedEndText,
      attention || null,
      date(r?.lastCheckIn?.date),
      wrap(r?.lastCheckIn?.author),
      wrap(r?.lastCheckIn?.comment),
      wrap(r ? indicatorText(r.indicators, l) || r.indicatorsText : a.indicatorsText),
      ...years.flatMap((y) => [euro(expensesOf(means, y, 'planned')), euro(expensesOf(means, y, 'actual'))]),
    ]);
    highlights.push(highlightOf(r));
  }
  return { name: l.actionsSheet, rows, highlights, columnWidths: widths, print: PRINT };
}

// ---------------------------------------------------------------- means and indicators

function meansSheet(input: PlanWorkbookInput, l: WorkbookTexts, lang: Lang): Sheet {
  const headers = [l.code, l.action, l.year, l.budgetService, l.direction, l.fundingSource, l.article, l.plannedAmount, l.actualAmount, l.etp];
  const rows: Cell[][] = [headers.map(header)];
  for (const a of input.actions) {
    const means = a.resources.lines ?? [];
    for (const line of means) {
      rows.push([
        a.code,
        wrap(a.title),
        integer(line.year),
        line.service ? BUDGET_SERVICE_LABELS[line.service][lang] : null,
        MEANS_DIRECTION_LABELS[line.direction][lang],
        line.source ? FUNDING_SOURCE_LABELS[line.source][lang] : null,
        line.article,
        euro(line.planned),
        euro(line.actual),
        decimal(line.etp),
      ]);
    }
  }
  return { name: l.meansSheet, rows, columnWidths: [10, 50, 12, 22, 10, 24, 16, 14, 14, 8], print: PRINT };
}

function indicatorsSheet(input: PlanWorkbookInput, l: WorkbookTexts): Sheet {
  const byId = new Map(input.actions.map((a) => [a.id, a] as [number, Action]));
  const headers = [l.code, l.action, l.indicator, l.unit, l.baseline, l.target, l.current, l.year];
  const rows: Cell[][] = [headers.map(header)];
  for (const i of input.indicators ?? []) {
    const a = byId.get(i.actionId);
    if (!a) continue;
    rows.push([a.code, wrap(a.title), wrap(i.label), i.unit, decimal(i.baseline), decimal(i.target), decimal(i.current), integer(i.year)]);
  }
  return { name: l.indicatorsSheet, rows, columnWidths: [10, 45, 40, 10, 14, 12, 14, 8], print: PRINT };
}

/** The sheets of the plan workbook (write them with `writeXlsx`). */
export function planWorkbook(input: PlanWorkbookInput, today: IsoDate, lang: Lang = 'fr'): Sheet[] {
  const l = WORKBOOK_TEXTS[lang];
  const report = buildReport(input, { variant: 'complet', today });
  const reportRows = new Map<number, ReportAction>();
  for (const group of report.groups) for (const oo of group.operationalObjectives) for (const a of oo.actions) if (!reportRows.has(a.id)) reportRows.set(a.id, a);
  return [planSheet(input, reportRows), actionsSheet(input, reportRows, l, lang), meansSheet(input, l, lang), indicatorsSheet(input, l)];
}
