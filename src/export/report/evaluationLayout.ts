/**
 * The evaluation report for the council (mid-term, end of term): the comparison of two
 * frozen snapshots (domain/evaluation.ts) as the same format-free document as the « Rapport
 * du PST », so docx.ts and pdf.ts render it unchanged. The coordinator's assessment per
 * OS/OO and the « bilan des synergies commune-CPAS » are printed where they belong.
 */
import type { ActionRef, EvaluationAssessments, FrozenStats, ObjectiveComparison, PlanComparison } from '../../domain/evaluation';
import { assessmentOf } from '../../domain/evaluation';
import { formatDate, formatEuro, formatNumber, formatPercent } from '../../domain/parsing';
import { statusLabel } from '../../domain/vocabularies';
import { formatMessage } from '../../text/format';
import { stripXmlForbidden } from '../xmlChars';
import type { Block, ReportDocument, TableColumn, TableRow } from './reportDocument';

const T = {
  title: 'Évaluation du PST',
  organisation: 'CPAS',
  plan: 'Plan',
  period: 'Période',
  from: 'Cliché de départ',
  to: 'Comparé à',
  unknownPeriod: 'non précisée',
  comparedTitle: '{0} (au {1})',
  filters: 'Périmètre',
  wholePlan: 'Tout le plan, tel qu’il était à chacune des deux dates.',
  toc: 'Table des matières',
  summary: 'Synthèse',
  figures: {
    actions: 'Actions',
    done: 'Terminées',
    progress: 'Avancement moyen',
    late: 'En retard',
    blocked: 'Bloquées',
    cancelled: 'Annulées ou abandonnées',
  },
  beforeAfter: 'avant {0} · après {1}',
  objectives: 'Avancement par objectif',
  assessment: 'Appréciation : ',
  noAssessment: 'Appréciation : à rédiger.',
  changes: 'Ce qui a changé',
  completed: 'Actions terminées depuis le {0}',
  progressed: 'Actions qui ont progressé',
  added: 'Actions ajoutées',
  archived: 'Actions annulées ou abandonnées',
  removed: 'Actions retirées du plan',
  postponed: 'Actions reportées',
  none: 'Aucune.',
  indicators: 'Indicateurs et cibles',
  noIndicators: 'Aucun indicateur chiffré.',
  means: 'Moyens prévus et dépensés par année',
  noMeans: 'Aucun moyen détaillé par année dans les actions.',
  synergies: 'Bilan des synergies commune-CPAS',
  noSynergies: 'À rédiger par la coordination.',
  columns: {
    code: 'Code',
    objective: 'Objectif',
    action: 'Action',
    before: 'Avant',
    after: 'Après',
    status: 'Statut',
    endBefore: 'Fin prévue avant',
    endAfter: 'Fin prévue après',
    indicator: 'Indicateur',
    target: 'Cible',
    reached: 'Atteint',
    year: 'Année',
    plannedBefore: 'Prévu (avant)',
    plannedAfter: 'Prévu (après)',
    spent: 'Dépensé',
    etp: 'ETP',
  },
  notInSnapshot: 'absent',
  dash: '—',
  footer: '{0} – évaluation du {1} au {2}',
  page: 'Page {0} sur {1}',
} as const;

const clean = (text: string): string => stripXmlForbidden(text);
const percent = (value: number | null | undefined): string => (value === null || value === undefined ? T.dash : formatPercent(value, 0));
const label = (code: string | null, title: string): string => clean(code ? `${code} – ${title}` : title);

function figureItems(before: FrozenStats, after: FrozenStats): (readonly [string, string])[] {
  const f = T.figures;
  const pair = (a: string, b: string) => formatMessage(T.beforeAfter, a, b);
  return [
    [f.actions, pair(formatNumber(before.total), formatNumber(after.total))],
    [f.done, pair(formatNumber(before.done), formatNumber(after.done))],
    [f.progress, pair(percent(before.progress), percent(after.progress))],
    [f.late, pair(formatNumber(before.late), formatNumber(after.late))],
    [f.blocked, pair(formatNumber(before.blocked), formatNumber(after.blocked))],
    [f.cancelled, pair(formatNumber(before.cancelled), formatNumber(after.cancelled))],
  ];
}

function objectiveBlocks(o: ObjectiveComparison, assessments: EvaluationAssessments): Block[] {
  const text = assessmentOf(assessments, o);
  return [
    { kind: 'heading', level: o.level === 'os' ? 2 : 3, text: label(o.code ? `${o.level === 'os' ? 'OS' : 'OO'} ${o.code}` : null, o.title) },
    {
      kind: 'bars',
      items: [
        { label: T.columns.before, percent: o.before?.progress ?? null, value: o.before ? `${percent(o.before.progress)} · ${o.before.total} act.` : T.notInSnapshot },
        { label: T.columns.after, percent: o.after?.progress ?? null, value: o.after ? `${percent(o.after.progress)} · ${o.after.total} act.` : T.notInSnapshot },
      ],
    },
    text ? { kind: 'paragraph', text: clean(T.assessment + text) } : { kind: 'paragraph', text: T.noAssessment, tone: 'muted' },
  ];
}

const refColumns: readonly TableColumn[] = [
  { title: T.columns.code, width: 0.14 },
  { title: T.columns.action, width: 0.86 },
];

function refTable(title: string, actions: readonly ActionRef[]): Block[] {
  return [{ kind: 'heading', level: 3, text: title }, actions.length === 0 ? { kind: 'paragraph', text: T.none, tone: 'muted' } : { kind: 'table', columns: refColumns, rows: actions.map((a) => ({ cells: [a.code ?? '', clean(a.title)] })) }];
}

/** The evaluation report as a document (render it with writeReportDocx / writeReportPdf). */
export function layoutEvaluation(comparison: PlanComparison, assessments: EvaluationAssessments): ReportDocument {
  const c = comparison;
  const plan = c.plan;
  const before = formatDate(c.before.takenOn);
  const after = formatDate(c.after.takenOn);
  const blocks: Block[] = [
    { kind: 'toc', title: T.toc },
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: T.summary },
    { kind: 'figures', items: figureItems(c.figures.before, c.figures.after) },
    { kind: 'heading', level: 1, text: T.objectives },
    ...c.objectives.flatMap((o) => objectiveBlocks(o, assessments)),
    { kind: 'heading', level: 1, text: T.changes },
  ];
  const progressRows: TableRow[] = [...c.completed, ...c.progressed].map((p) => ({
    cells: [p.code ?? '', clean(p.title), percent(p.before), percent(p.after), p.statusAfter ? statusLabel(p.statusAfter) : T.dash],
    tone: p.statusAfter === 'TERMINE' ? ('done' as const) : undefined,
  }));
  blocks.push({ kind: 'heading', level: 2, text: `${formatMessage(T.completed, before)} · ${T.progressed}` });
  blocks.push(
    progressRows.length === 0
      ? { kind: 'paragraph', text: T.none, tone: 'muted' }
      : {
          kind: 'table',
          columns: [
            { title: T.columns.code, width: 0.12 },
            { title: T.columns.action, width: 0.5 },
            { title: T.columns.before, width: 0.1, align: 'right' },
            { title: T.columns.after, width: 0.1, align: 'right' },
            { title: T.columns.status, width: 0.18 },
          ],
          rows: progressRows,
        },
  );
  blocks.push(...refTable(T.added, c.added), ...refTable(T.archived, c.archived), ...refTable(T.removed, c.removed));
  blocks.push({ kind: 'heading', level: 3, text: T.postponed });
  blocks.push(
    c.postponed.length === 0
      ? { kind: 'paragraph', text: T.none, tone: 'muted' }
      : {
          kind: 'table',
          columns: [
            { title: T.columns.code, width: 0.12 },
            { title: T.columns.action, width: 0.56 },
            { title: T.columns.endBefore, width: 0.16 },
            { title: T.columns.endAfter, width: 0.16 },
          ],
          rows: c.postponed.map((p) => ({ cells: [p.code ?? '', clean(p.title), formatDate(p.endBefore) || T.dash, formatDate(p.endAfter) || T.dash], tone: 'late' as const })),
        },
  );
  blocks.push({ kind: 'heading', level: 1, text: T.indicators });
  blocks.push(
    c.indicators.length === 0
      ? { kind: 'paragraph', text: T.noIndicators, tone: 'muted' }
      : {
          kind: 'table',
          columns: [
            { title: T.columns.action, width: 0.3 },
            { title: T.columns.indicator, width: 0.3 },
            { title: T.columns.before, width: 0.1, align: 'right' },
            { title: T.columns.after, width: 0.1, align: 'right' },
            { title: T.columns.target, width: 0.1, align: 'right' },
            { title: T.columns.reached, width: 0.1, align: 'right' },
          ],
          rows: c.indicators.map((i) => ({
            cells: [label(i.action.code, i.action.title), clean(i.unit ? `${i.label} (${i.unit})` : i.label), formatNumber(i.before) || T.dash, formatNumber(i.after) || T.dash, formatNumber(i.target) || T.dash, percent(i.reached)],
            tone: i.reached !== null && i.reached >= 100 ? ('done' as const) : undefined,
          })),
        },
  );
  blocks.push({ kind: 'heading', level: 1, text: T.means });
  blocks.push(
    c.means.length === 0
      ? { kind: 'paragraph', text: T.noMeans, tone: 'muted' }
      : {
          kind: 'table',
          columns: [
            { title: T.columns.year, width: 0.12 },
            { title: T.columns.plannedBefore, width: 0.22, align: 'right' },
            { title: T.columns.plannedAfter, width: 0.22, align: 'right' },
            { title: T.columns.spent, width: 0.22, align: 'right' },
            { title: T.columns.etp, width: 0.22, align: 'right' },
          ],
          rows: c.means.map((m) => ({ cells: [String(m.year), formatEuro(m.plannedBefore), formatEuro(m.plannedAfter), formatEuro(m.spent), formatNumber(m.etp)] })),
        },
  );
  blocks.push({ kind: 'heading', level: 1, text: T.synergies });
  blocks.push(assessments.synergies.trim() ? { kind: 'paragraph', text: clean(assessments.synergies.trim()) } : { kind: 'paragraph', text: T.noSynergies, tone: 'muted' });

  const periodText = plan.startYear !== null ? `${plan.startYear}–${plan.endYear ?? plan.startYear}` : T.unknownPeriod;
  return {
    title: `${T.title} – ${clean(plan.title)}`,
    titlePage: {
      title: T.title,
      subtitle: clean(plan.title),
      facts: [
        ...(plan.organisation ? [[T.organisation, clean(plan.organisation)] as const] : []),
        [T.plan, clean(plan.title)],
        [T.period, periodText],
        [T.from, formatMessage(T.comparedTitle, clean(c.before.label), before)],
        [T.to, formatMessage(T.comparedTitle, clean(c.after.label), after)],
      ],
      filtersTitle: T.filters,
      filters: [T.wholePlan],
    },
    blocks,
    pageLabel: T.page,
    footer: formatMessage(T.footer, clean(plan.title), before, after),
    language: 'fr-BE',
  };
}
