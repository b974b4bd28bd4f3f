/**
 * The report model (domain/report.ts) as a document in French: which heading, which
 * paragraph, which table with which columns. Both renderers (docx.ts, pdf.ts) take this
 * document as it is. Dates and numbers as Belgians write them (31/12/2024, 1 234,5 €).
 */
import type { ReportAction, ReportGroup, ReportModel, ReportObjective, ReportVariant } from '../../domain/report';
import type { ProgressStats } from '../../domain/rollup';
import { formatDate, formatNumber, formatPercent } from '../../domain/parsing';
import { healthLabel, statusLabel, voletLabel } from '../../domain/vocabularies';
import { formatMessage } from '../../text/format';
import { stripXmlForbidden } from '../xmlChars';
import type { Block, ReportDocument, TableColumn, TableRow, Tone } from './reportDocument';

const T = {
  titles: {
    complet: 'Rapport du PST',
    avancement: 'État d’avancement du PST',
    retards: 'Actions en retard et bloquées',
    services: 'Rapport par service',
    chefs: 'Rapport par chef de projet',
  } as Record<ReportVariant, string>,
  organisation: 'CPAS',
  plan: 'Plan',
  period: 'Période',
  dataDate: 'Données au',
  actionsCount: 'Actions',
  unknownPeriod: 'non précisée',
  filters: 'Filtres appliqués',
  noFilter: 'Aucun : tout le plan.',
  toc: 'Table des matières',
  summary: 'Synthèse',
  figures: {
    total: 'Actions',
    done: 'Terminées',
    realisation: 'Taux de réalisation',
    progress: 'Avancement moyen',
    late: 'En retard',
    blocked: 'Bloquées',
    cancelled: 'Annulées ou abandonnées',
    noData: 'Sans avancement communiqué',
  },
  progressPerOs: 'Avancement par objectif stratégique',
  late: 'Actions en retard',
  blocked: 'Actions bloquées',
  noLate: 'Aucune action en retard au {0}.',
  noBlocked: 'Aucune action bloquée au {0}.',
  noActions: 'Aucune action.',
  noService: 'Sans service désigné',
  noLead: 'Sans chef de projet désigné',
  service: 'Service : {0}',
  lead: 'Chef de projet : {0}',
  objectivesAndActions: 'Objectifs et actions',
  groupStats: '{0} action(s) · avancement {1} · {2} terminée(s) · {3} en retard · {4} bloquée(s)',
  columns: {
    code: 'Code',
    action: 'Action',
    status: 'Statut',
    health: 'Santé',
    progress: 'Avanc.',
    lead: 'Chef de projet',
    due: 'Échéance',
    delay: 'Retard',
    reason: 'Raison',
    oo: 'Objectif opérationnel',
    actions: 'Actions',
    done: 'Term.',
    late: 'Retard',
    blocked: 'Bloq.',
  },
  days: '{0} j',
  unknownStatus: 'Inconnu',
  notCommunicated: 'n.c.',
  none: '—',
  lastCheckIn: 'Dernier suivi du {0}',
  by: ' ({0})',
  noComment: 'sans commentaire',
  indicators: 'Indicateurs : ',
  indicatorsText: 'Indicateurs (fiche) : ',
  reasonUnknown: 'raison non précisée',
  blockedBecause: 'Bloquée : ',
  transversal: 'action transversale',
  footer: '{0} – {1} – données au {2}',
  page: 'Page {0} sur {1}',
} as const;

const clean = (text: string): string => stripXmlForbidden(text);

function labelOf(prefix: string, code: string | null, title: string): string {
  const named = title.trim();
  if (!code) return clean(named);
  return clean(named ? `${prefix} ${code} – ${named}` : `${prefix} ${code}`);
}

function percentText(value: number | null): string {
  return value === null ? T.none : formatPercent(value, 0);
}

function statsLine(stats: ProgressStats): string {
  return formatMessage(T.groupStats, String(stats.total), percentText(stats.progress), String(stats.done), String(stats.late), String(stats.blocked));
}

function figures(stats: ProgressStats): Block {
  const f = T.figures;
  return {
    kind: 'figures',
    items: [
      [f.total, formatNumber(stats.total)],
      [f.done, formatNumber(stats.done)],
      [f.realisation, stats.realisationRate === null ? T.none : formatPercent(stats.realisationRate * 100, 0)],
      [f.progress, percentText(stats.progress)],
      [f.late, formatNumber(stats.late)],
      [f.blocked, formatNumber(stats.blocked)],
      [f.cancelled, formatNumber(stats.cancelled)],
      [f.noData, formatNumber(stats.noData)],
    ],
  };
}

function bars(objectives: readonly ReportObjective[], prefix: 'OS' | 'OO'): Block {
  return {
    kind: 'bars',
    items: objectives.map((o) => ({
      label: labelOf(prefix, o.code, o.title),
      percent: o.stats.progress,
      value: `${percentText(o.stats.progress)} · ${o.stats.total} act.`,
    })),
  };
}

// ---------------------------------------------------------------- action tables

const ACTION_COLUMNS: readonly TableColumn[] = [
  { title: T.columns.code, width: 0.09 },
  { title: T.columns.action, width: 0.27 },
  { title: T.columns.status, width: 0.11 },
  { title: T.columns.health, width: 0.08 },
  { title: T.columns.progress, width: 0.08, align: 'right' },
  { title: T.columns.lead, width: 0.14 },
  { title: T.columns.due, width: 0.125 },
  { title: T.columns.delay, width: 0.085, align: 'right' },
];

function toneOf(action: ReportAction): Tone | undefined {
  if (action.blocked) return 'blocked';
  if (action.late) return 'late';
  if (action.status === 'TERMINE') return 'done';
  if (action.status === 'ANNULE_ABANDONNE') return 'muted';
  return undefined;
}

function statusText(action: ReportAction): string {
  if (action.status) return statusLabel(action.status);
  return action.statusText ? clean(action.statusText) : T.unknownStatus;
}

function progressText(action: ReportAction): string {
  if (action.progress === null) return T.none;
  return action.noData ? T.notCommunicated : formatPercent(action.progress, 0);
}

function indicatorText(i: ReportAction['indicators'][number]): string {
  const unit = i.unit ? ` ${i.unit}` : '';
  const parts = [
    i.current !== null ? `${formatNumber(i.current)}${unit}` : T.notCommunicated,
    i.target !== null ? ` / cible ${formatNumber(i.target)}${unit}` : '',
    i.baseline !== null ? ` (départ ${formatNumber(i.baseline)})` : '',
    i.year !== null ? ` en ${i.year}` : '',
  ];
  return `${i.label} : ${parts.join('')}`;
}

/** The lines under an action's row: blocked reason, last check-in, indicators. */
function notesOf(action: ReportAction): string[] {
  const notes: string[] = [];
  if (action.blocked) notes.push(T.blockedBecause + (action.blockedReason ?? T.reasonUnknown));
  const checkIn = action.lastCheckIn;
  if (checkIn) {
    const head = formatMessage(T.lastCheckIn, formatDate(checkIn.date)) + (checkIn.author ? formatMessage(T.by, checkIn.author) : '');
    // The blocked line already says the comment when it is the reason.
    if (!(action.blocked && action.blockedReason === checkIn.comment)) notes.push(`${head} : ${checkIn.comment ?? T.noComment}`);
    else notes.push(head);
  }
  if (action.indicators.length > 0) notes.push(T.indicators + action.indicators.map(indicatorText).join(' ; '));
  else if (action.indicatorsText) notes.push(T.indicatorsText + action.indicatorsText);
  return notes.map(clean);
}

export function actionRows(actions: readonly ReportAction[]): TableRow[] {
  return actions.flatMap((a): TableRow[] => [
    {
      cells: [
        clean(a.code ?? ''),
        clean(`${'↳ '.repeat(a.depth)}${a.title}${a.transversal ? ` (${T.transversal})` : ''}`),
        statusText(a),
        a.health ? healthLabel(a.health) : T.none,
        progressText(a),
        a.lead ? clean(a.lead) : T.none,
        a.dueDate ? formatDate(a.dueDate) : a.dueText ? clean(a.dueText) : T.none,
        a.daysLate !== null ? formatMessage(T.days, formatNumber(a.daysLate)) : '',
      ],
      tone: toneOf(a),
    },
    ...notesOf(a).map((note) => ({ note })),
  ]);
}

function actionTable(actions: readonly ReportAction[]): Block {
  if (actions.length === 0) return { kind: 'paragraph', text: T.noActions, tone: 'muted' };
  return { kind: 'table', columns: ACTION_COLUMNS, rows: actionRows(actions) };
}

// ---------------------------------------------------------------- summary lists

function lateTable(model: ReportModel): Block {
  if (model.summary.late.length === 0) return { kind: 'paragraph', text: formatMessage(T.noLate, formatDate(model.today)) };
  const c = T.columns;
  return {
    kind: 'table',
    columns: [
      { title: c.code, width: 0.1 },
      { title: c.action, width: 0.5 },
      { title: c.lead, width: 0.18 },
      { title: c.due, width: 0.12 },
      { title: c.delay, width: 0.1, align: 'right' },
    ],
    rows: model.summary.late.map((a) => ({
      cells: [clean(a.code ?? ''), clean(a.title), a.lead ? clean(a.lead) : T.none, formatDate(a.dueDate), formatMessage(T.days, formatNumber(a.daysLate ?? 0))],
      tone: 'late' as const,
    })),
  };
}

function blockedTable(model: ReportModel): Block {
  if (model.summary.blocked.length === 0) return { kind: 'paragraph', text: formatMessage(T.noBlocked, formatDate(model.today)) };
  const c = T.columns;
  return {
    kind: 'table',
    columns: [
      { title: c.code, width: 0.1 },
      { title: c.action, width: 0.38 },
      { title: c.lead, width: 0.17 },
      { title: c.reason, width: 0.35 },
    ],
    rows: model.summary.blocked.map((a) => ({
      cells: [clean(a.code ?? ''), clean(a.title), a.lead ? clean(a.lead) : T.none, clean(a.blockedReason ?? T.reasonUnknown)],
      tone: 'blocked' as const,
    })),
  };
}

// ---------------------------------------------------------------- groups

function objectiveBlocks(group: ReportGroup, withActions: boolean): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: labelOf('OS', group.code, group.title) }];
  blocks.push({ kind: 'paragraph', text: (group.volet ? `${voletLabel(group.volet)} · ` : '') + statsLine(group.stats), tone: 'muted' });
  if (!withActions) {
    const c = T.columns;
    blocks.push({
      kind: 'table',
      columns: [
        { title: c.code, width: 0.1 },
        { title: c.oo, width: 0.46 },
        { title: c.actions, width: 0.09, align: 'right' },
        { title: c.done, width: 0.08, align: 'right' },
        { title: c.late, width: 0.09, align: 'right' },
        { title: c.blocked, width: 0.08, align: 'right' },
        { title: c.progress, width: 0.1, align: 'right' },
      ],
      rows: group.operationalObjectives.map((oo) => ({
        cells: [clean(oo.code ?? ''), clean(oo.title), String(oo.stats.total), String(oo.stats.done), String(oo.stats.late), String(oo.stats.blocked), percentText(oo.stats.progress)],
      })),
    });
    blocks.push(bars(group.operationalObjectives, 'OO'));
    return blocks;
  }
  for (const oo of group.operationalObjectives) {
    blocks.push({ kind: 'heading', level: 2, text: labelOf('OO', oo.code, oo.title) });
    blocks.push({ kind: 'paragraph', text: statsLine(oo.stats), tone: 'muted' });
    blocks.push(actionTable(oo.actions));
  }
  return blocks;
}

function groupBlocks(model: ReportModel, group: ReportGroup): Block[] {
  switch (group.kind) {
    case 'strategicObjective':
      return objectiveBlocks(group, model.withActions);
    case 'late':
    case 'blocked': {
      const title = group.kind === 'late' ? T.late : T.blocked;
      const empty = formatMessage(group.kind === 'late' ? T.noLate : T.noBlocked, formatDate(model.today));
      return [{ kind: 'heading', level: 1, text: title }, group.actions.length > 0 ? actionTable(group.actions) : { kind: 'paragraph', text: empty }];
    }
    case 'service':
    case 'lead': {
      const title =
        group.kind === 'service'
          ? group.title
            ? formatMessage(T.service, clean(group.title))
            : T.noService
          : group.title
            ? formatMessage(T.lead, clean(group.title))
            : T.noLead;
      return [{ kind: 'heading', level: 1, text: title }, { kind: 'paragraph', text: statsLine(group.stats), tone: 'muted' }, actionTable(group.actions)];
    }
  }
}

/** The report as a French document, ready for docx.ts or pdf.ts. */
export function layoutReport(model: ReportModel): ReportDocument {
  const title = T.titles[model.variant];
  const plan = model.plan;
  const period = plan.startYear !== null ? `${plan.startYear}${plan.endYear !== null ? `–${plan.endYear}` : ''}` : T.unknownPeriod;
  const organisation = clean(plan.organisation ?? T.organisation);
  const blocks: Block[] = [
    { kind: 'toc', title: T.toc },
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: T.summary },
    figures(model.summary.plan),
    { kind: 'heading', level: 2, text: T.progressPerOs },
    bars(model.summary.strategicObjectives, 'OS'),
  ];
  if (model.variant !== 'retards') {
    blocks.push({ kind: 'heading', level: 2, text: T.late }, lateTable(model), { kind: 'heading', level: 2, text: T.blocked }, blockedTable(model));
  }
  for (const group of model.groups) blocks.push({ kind: 'pageBreak' }, ...groupBlocks(model, group));
  return {
    title: `${title} – ${clean(plan.title)}`,
    titlePage: {
      title,
      subtitle: clean(plan.title),
      facts: [
        [T.organisation, organisation],
        [T.plan, clean(plan.title)],
        [T.period, period],
        [T.dataDate, formatDate(model.today)],
        [T.actionsCount, formatNumber(model.summary.plan.total)],
      ],
      filtersTitle: T.filters,
      filters: model.filterLines.length > 0 ? model.filterLines.map(clean) : [T.noFilter],
    },
    blocks,
    pageLabel: T.page,
    footer: formatMessage(T.footer, organisation, title, formatDate(model.today)),
    language: 'fr-BE',
  };
}
