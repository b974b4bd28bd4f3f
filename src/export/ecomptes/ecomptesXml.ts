/**
 * The PST as the Region's eComptes XML (PST_eComptes_Export_201805V1.xsd): Volet → OS →
 * OO → Action, each an ElementBaseInfo in the schema's order (Libelle, dates, Description,
 * Statut, Responsable, Mandataire, Departement, TauxAvancement, RemarqueStatut, ETP, Plans,
 * Partenaires, Articles, Projections).
 *
 * From what the model has, and nothing invented:
 * - statuses are the schema's own codes; an unknown status is written NON_COMMENCE with the
 *   state as written in RemarqueStatut; an OS/OO/volet takes a status from its actions;
 * - TauxAvancement is the rolled-up progress (rollup.ts), ETP the sum over distinct actions
 *   of each action's ETP of the exercise, read from its means lines (etpOfYear);
 * - a Responsable / Mandataire needs a civility (MONSIEUR / MADAME) the lists do not hold:
 *   people are written when `civilityOf` knows theirs, otherwise left out and counted in
 *   `warnings`; a mandatary written as a body (« Conseil de l'Action Sociale ») is said in
 *   RemarqueStatut (« Mandataire (organe) : »);
 * - the means per year (`resources.lines`, the only budget figures): a line with a budget
 *   article code is an Article (its year, service, kind, code, planned amount, the funding
 *   source as Libelle), the others are Projections (one per service × kind × source, an
 *   Exercice per year); a line without service is left out and counted in `warnings`;
 * - RemarqueStatut says, one per line, « Dernier suivi (date) : » the latest check-in
 *   comment, « État indiqué : » the state as written when the status is unknown and
 *   « Avancement indiqué : » the progress as written, « Début indiqué : » / « Fin indiquée : »
 *   a start or end that is a year or a span (DateDebut / DateFin hold its first and last day,
 *   xs:date has no year alone) and the body mandatary (the eComptes import reads them back);
 * - sub-actions are written as actions of their parent's OO, after it, their description
 *   saying whose sub-action they are; a transversal action is written under each of its
 *   OO with the same ElementId.
 * Every text goes through stripXmlForbidden and is cut to the schema's maxLength (a Libelle
 * cut so is written whole at the start of the Description).
 */
import type { Action, CheckIn, IsoDate, Person, Plan } from '../../domain/model';
import type { ActionStatus } from '../../domain/vocabularies';
import type { MeansLine } from '../../domain/means';
import { FUNDING_SOURCE_LABELS } from '../../domain/means';
import { etpOfYear } from '../../domain/meansFigures';
import { formatDate } from '../../domain/parsing';
import { voletLabel } from '../../domain/vocabularies';
import type { ActionNode, OperationalObjectiveNode, PlanTreeInput, SectionNode, StrategicObjectiveNode, VoletNode } from '../../domain/tree';
import { buildPlanTree, distinctActions, topLevelActionNodes } from '../../domain/tree';
import { rollUp, PlanRollup, ProgressStats } from '../../domain/rollup';
import { escapeXml } from '../../text/htmlEntities';
import { stripXmlForbidden } from '../xmlChars';

export type Civility = 'MONSIEUR' | 'MADAME';

export interface EcomptesOptions {
  /** The day of the data: the export's Exercice is its year, progress is computed for it. */
  readonly today: IsoDate;
  /** INS code of the commune (e.g. 56011 for Binche). */
  readonly ins: number;
  readonly typeAdmin?: 'CPAS' | 'AC';
  readonly generator?: string;
  /** The civility of a person, when known (the lists do not store it). */
  readonly civilityOf?: (person: Person) => Civility | null;
}

export interface EcomptesInput extends PlanTreeInput {
  /** For RemarqueStatut: the latest comment of each action. */
  readonly checkIns?: readonly CheckIn[];
}

export interface EcomptesExport {
  readonly xml: string;
  /** What could not be written, in French, one line per kind. */
  readonly warnings: string[];
  readonly counts: { readonly volets: number; readonly strategicObjectives: number; readonly operationalObjectives: number; readonly actions: number };
}

// ---------------------------------------------------------------- XML text

function text(value: string, maxLength?: number): string {
  let clean = stripXmlForbidden(value);
  if (maxLength !== undefined && clean.length > maxLength) clean = clean.slice(0, maxLength - 1).replace(/[\ud800-\udbff]$/, '') + '…';
  return escapeXml(clean);
}

const el = (name: string, content: string): string => `<${name}>${content}</${name}>`;
const decimal = (value: number): string => String(Math.round(value * 100) / 100);

// ---------------------------------------------------------------- people

/** « Julien Leclercq » → Prénom Julien, Nom Leclercq; « LECLERCQ Julien » → the same. */
export function splitName(displayName: string): { nom: string; prenom: string } {
  const words = displayName.trim().split(/\s+/).filter((w) => w);
  if (words.length <= 1) return { nom: words[0] ?? '', prenom: '' };
  const upper = (w: string) => w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();
  if (upper(words[0])) {
    const count = words.findIndex((w) => !upper(w));
    const split = count < 0 ? words.length - 1 : count;
    return { nom: words.slice(0, split).join(' '), prenom: words.slice(split).join(' ') };
  }
  return { prenom: words[0], nom: words.slice(1).join(' ') };
}

interface Writer {
  readonly options: EcomptesOptions;
  readonly rollup: PlanRollup;
  /** The latest check-in with a comment of each action. */
  readonly latest: Map<number, CheckIn>;
  readonly exercice: number;
  readonly plan: Plan;
  missingCivility: Set<string>;
  budgetWithoutService: number;
  /** Actions whose means carry a budget article code. */
  articlesWritten: number;
}

function personInfo(name: string, person: Person | string | null, w: Writer): string {
  if (person == null) return '';
  // A body (« Conseil de l'action sociale ») is no PersonneInfo: RemarqueStatut carries it.
  if (typeof person === 'string') return '';
  const civility = w.options.civilityOf ? w.options.civilityOf(person) : null;
  if (!civility) {
    w.missingCivility.add(person.displayName);
    return '';
  }
  const { nom, prenom } = splitName(person.displayName);
  return el(
    name,
    el('Civilite', civility) + el('Nom', text(nom, 100)) + el('Prenom', text(prenom, 50)) + el('Tel', '') + el('eMail', text(person.email ?? '', 255)),
  );
}

// ---------------------------------------------------------------- elements

interface Element {
  readonly id: string;
  readonly libelle: string;
  readonly start?: IsoDate | null;
  readonly end?: IsoDate | null;
  readonly description: string;
  readonly status: ActionStatus;
  readonly responsable?: Person | null;
  readonly mandataire?: Person | string | null;
  readonly departement?: string | null;
  readonly progress: number;
  readonly remark: string;
  readonly etp: number;
  readonly plans?: readonly string[];
  readonly partners?: readonly string[];
  readonly articles?: string;
  readonly projections?: string;
}

const descriptionInfo = (name: string, value: string): string => el(name, el('Mode', 'TEXTE') + el('Valeur', text(value)));

/** Libelle holds 255 characters: a longer one is cut, and the whole text opens the description. */
const LIBELLE_LENGTH = 255;

function element(tag: string, e: Element, w: Writer, children: string): string {
  const libelle = stripXmlForbidden(e.libelle);
  const description = libelle.length > LIBELLE_LENGTH ? [libelle, e.description].filter((t) => t).join('\n\n') : e.description;
  const body = [
    el('Libelle', text(e.libelle, LIBELLE_LENGTH)),
    e.start ? el('DateDebut', e.start) : '',
    e.end ? el('DateFin', e.end) : '',
    descriptionInfo('Description', description),
    el('Statut', e.status),
    personInfo('Responsable', e.responsable ?? null, w),
    personInfo('Mandataire', e.mandataire ?? null, w),
    e.departement ? el('Departement', text(e.departement)) : '',
    el('TauxAvancement', decimal(Math.max(0, Math.min(100, e.progress)))),
    descriptionInfo('RemarqueStatut', e.remark),
    el('ETP', decimal(Math.max(0, e.etp))),
    el('Plans', (e.plans ?? []).map((p) => el('Plan', text(p))).join('')),
    el('Partenaires', (e.partners ?? []).map((p) => el('Partenaire', text(p))).join('')),
    el('Articles', e.articles ?? ''),
    el('Projections', e.projections ?? ''),
    children,
  ].join('');
  return `<${tag} ElementId="${text(e.id)}" Exercice="${w.exercice}">${body}</${tag}>`;
}

/** The status of an objective from its actions' figures. */
function statusOf(stats: ProgressStats): ActionStatus {
  const live = stats.total - stats.cancelled;
  if (stats.total > 0 && live === 0) return 'ANNULE_ABANDONNE';
  if (live > 0 && stats.done === live) return 'TERMINE';
  if (live > 0 && stats.blocked === live) return 'PROBLEME';
  const started = stats.total - stats.byStatus.NON_COMMENCE - stats.unknownStatus - stats.cancelled;
  return started > 0 ? 'EN_COURS' : 'NON_COMMENCE';
}

/** The ETP of the exercise, from the means lines (etpOfYear). */
function actionEtp(action: Action, w: Writer): number {
  return etpOfYear(action.resources.lines ?? [], w.exercice);
}

function etpOf(nodes: readonly ActionNode[], w: Writer): number {
  return distinctActions(nodes).reduce((sum, a) => sum + actionEtp(a, w), 0);
}

/** The one volet of a plan not divided into volets. */
export const NO_VOLET_LABEL = 'Programme stratégique transversal';

/** The words that open each line of RemarqueStatut (the eComptes import reads them back). */
export const REMARK_LABELS = {
  lastCheckIn: 'Dernier suivi',
  statusText: 'État indiqué',
  progressText: 'Avancement indiqué',
  // What xs:date and PersonneInfo cannot hold: a start or end written as a year or a span (« 2019 », « 2020-21 ») and a mandatary that is a body.
  startText: 'Début indiqué',
  endText: 'Fin indiquée',
  mandataryBody: 'Mandataire (organe)',
} as const;

const serviceCode = (line: MeansLine): string => (line.service === 'ordinaire' ? 'O' : 'E');
const directionCode = (line: MeansLine): string => (line.direction === 'recette' ? 'R' : 'D');
const sourceLabel = (line: MeansLine): string => (line.source ? FUNDING_SOURCE_LABELS[line.source].fr : '');

/** Articles and Projections from the means per year (see the module comment). */
function meansElements(action: Action, w: Writer): { articles: string; projections: string } {
  const lines = (action.resources.lines ?? []).filter((l) => l.planned !== null && isFinite(l.planned));
  const withoutService = lines.filter((l) => l.service === null).length;
  w.budgetWithoutService += withoutService;
  const usable = lines.filter((l) => l.service !== null);
  const articles = usable
    .filter((l) => l.article)
    .map((l) =>
      el(
        'Article',
        el('Exercice', String(l.year)) + el('Service', serviceCode(l)) + el('Type', directionCode(l)) + el('CodeArticle', text(l.article as string, 50)) + el('Libelle', text(sourceLabel(l), 255)) + el('Montant', decimal(l.planned as number)),
      ),
    )
    .join('');
  if (usable.some((l) => l.article)) w.articlesWritten += 1;
  const groups = new Map<string, MeansLine[]>();
  for (const l of usable.filter((m) => !m.article)) {
    const key = `${serviceCode(l)}|${directionCode(l)}|${l.source ?? ''}`;
    groups.set(key, (groups.get(key) ?? []).concat([l]));
  }
  const projections = Array.from(groups.values())
    .map((group) => {
      const years = new Map<number, number>();
      for (const l of group) years.set(l.year, (years.get(l.year) ?? 0) + (l.planned as number));
      const exercices = Array.from(years.entries())
        .sort((a, b) => a[0] - b[0])
        .map(([year, amount]) => `<Exercice Valeur="${year}">${el('Montant', decimal(amount))}</Exercice>`)
        .join('');
      return el('Projection', el('Service', serviceCode(group[0])) + el('Type', directionCode(group[0])) + el('GroupeEco', '') + el('Libelle', text(sourceLabel(group[0]))) + el('Exercices', exercices));
    })
    .join('');
  return { articles, projections };
}

function actionElements(node: ActionNode, w: Writer, parent: Action | null = null): string {
  const a = node.action;
  const rollup = w.rollup.actions.get(a.id);
  const latest = w.latest.get(a.id);
  const remark = [
    latest ? `${REMARK_LABELS.lastCheckIn} (${formatDate(latest.date)}) : ${latest.comment}` : null,
    a.status === null && a.statusText ? `${REMARK_LABELS.statusText} : ${a.statusText}` : null,
    a.progressText ? `${REMARK_LABELS.progressText} : ${a.progressText}` : null,
    a.plannedStart && a.plannedStart.precision !== 'day' ? `${REMARK_LABELS.startText} : ${a.plannedStart.text}` : null,
    a.plannedEnd && a.plannedEnd.precision !== 'day' ? `${REMARK_LABELS.endText} : ${a.plannedEnd.text}` : null,
    typeof a.mandatary === 'string' && a.mandatary.trim() ? `${REMARK_LABELS.mandataryBody} : ${a.mandatary.trim()}` : null,
  ]
    .filter((t): t is string => !!t && t.trim() !== '')
    .join('\n');
  const means = meansElements(a, w);
  const description = [parent ? `Sous-action de ${parent.code ?? parent.title}.` : null, a.description].filter((t): t is string => !!t).join('\n');
  const self = element(
    'Action',
    {
      id: `A-${a.id}`,
      libelle: a.code ? `${a.code} ${a.title}` : a.title,
      start: a.plannedStart?.start,
      end: a.plannedEnd?.end,
      description,
      status: a.status ?? 'NON_COMMENCE',
      responsable: a.projectLead,
      mandataire: a.mandatary,
      departement: a.department,
      progress: rollup?.progress ?? a.progressPercent ?? 0,
      remark,
      etp: actionEtp(a, w),
      plans: a.labels,
      partners: a.partners,
      articles: means.articles,
      projections: means.projections,
    },
    w,
    '',
  );
  return self + node.subActions.map((child) => actionElements(child, w, a)).join('');
}

function operational(node: OperationalObjectiveNode, w: Writer): string {
  const stats = w.rollup.operationalObjectives.get(node.objective.id)!;
  const o = node.objective;
  return element(
    'ObjectifOperationnel',
    { id: `OO-${o.id}`, libelle: o.code ? `${o.code} ${o.title}` : o.title, description: o.description ?? '', status: statusOf(stats), progress: stats.progress ?? 0, remark: '', etp: etpOf(node.actions, w) },
    w,
    el('Actions', node.actions.map((a) => actionElements(a, w)).join('')),
  );
}

function strategic(node: StrategicObjectiveNode, w: Writer): string {
  const stats = w.rollup.strategicObjectives.get(node.objective.id)!;
  const o = node.objective;
  return element(
    'ObjectifStrategique',
    { id: `OS-${o.id}`, libelle: o.code ? `${o.code} ${o.title}` : o.title, description: o.description ?? '', status: statusOf(stats), progress: stats.progress ?? 0, remark: '', etp: etpOf(topLevelActionNodes(node), w) },
    w,
    el('ObjectifsOperationnels', node.operationalObjectives.map((oo) => operational(oo, w)).join('')),
  );
}

const objectivesIn = (sections: readonly SectionNode[]): StrategicObjectiveNode[] => sections.flatMap((s) => [...s.strategicObjectives, ...objectivesIn(s.sections)]);

function volet(node: VoletNode, w: Writer): string {
  const stats = w.rollup.volets.get(node.volet)!;
  const objectives = [...node.strategicObjectives, ...objectivesIn(node.sections)];
  return element(
    'Volet',
    {
      id: `V-${node.volet ?? 'unique'}`,
      libelle: node.volet ? voletLabel(node.volet) : NO_VOLET_LABEL,
      description: '',
      status: statusOf(stats),
      progress: stats.progress ?? 0,
      remark: '',
      etp: etpOf(topLevelActionNodes(node), w),
    },
    w,
    el('ObjectifStrategiques', objectives.map((os) => strategic(os, w)).join('')),
  );
}

/** The eComptes XML of a plan (UTF-8 text), with what could not be written. */
export function ecomptesXml(input: EcomptesInput, options: EcomptesOptions): EcomptesExport {
  const tree = buildPlanTree(input);
  const rollup = rollUp(tree, { today: options.today });
  const latest = new Map<number, CheckIn>();
  for (const c of input.checkIns ?? []) {
    if (c.date > options.today) continue;
    const known = latest.get(c.actionId);
    if (!known || c.date > known.date || (c.date === known.date && c.id > known.id)) latest.set(c.actionId, c);
  }
  const withComment = new Map<number, CheckIn>();
  latest.forEach((c, id) => c.comment && c.comment.trim() && withComment.set(id, { ...c, comment: c.comment.trim() }));
  const exercice = Number(options.today.slice(0, 4));
  const w: Writer = { options, rollup, latest: withComment, exercice, plan: input.plan, missingCivility: new Set(), budgetWithoutService: 0, articlesWritten: 0 };

  // The schema wants at least one volet: a plan with no objective still gets its (empty) one.
  const volets = tree.volets.length > 0 ? tree.volets : [{ kind: 'volet' as const, volet: null, sections: [], strategicObjectives: [] }];
  const plan = input.plan;
  const identifiants =
    el('Id', text(`PST-${plan.id}`)) +
    el('TypeAdmin', options.typeAdmin ?? 'CPAS') +
    el('INS', String(Math.trunc(options.ins))) +
    el('Type', 'PST') +
    el('Exercice', String(exercice)) +
    el('Version', '201805V1') +
    el('Generateur', text(options.generator ?? 'PST CPAS (SharePoint)', 50));
  const description =
    el('IdPST', text(`PST-${plan.id}`, 40)) +
    el('Libelle', text(plan.title, 255)) +
    el('ExerciceDebut', String(plan.startYear ?? exercice)) +
    el('ExerciceFin', String(plan.endYear ?? plan.startYear ?? exercice));
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<dataroot xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${el('Identifiants', identifiants)}${el('PST', el('DescriptionPST', description) + el('Volets', volets.map((v) => volet(v, w)).join('')))}</dataroot>\n`;

  const warnings: string[] = [];
  if (w.missingCivility.size > 0)
    warnings.push(`${w.missingCivility.size} personne(s) sans civilité connue (MONSIEUR/MADAME, exigée par le schéma) : non écrite(s) comme Responsable/Mandataire (${Array.from(w.missingCivility).slice(0, 5).join(', ')}${w.missingCivility.size > 5 ? '…' : ''}).`);
  if (w.budgetWithoutService > 0) warnings.push(`${w.budgetWithoutService} budget(s) sans service (ordinaire / extraordinaire) : non écrit(s) en projection.`);
  if (w.articlesWritten === 0) warnings.push('Articles budgétaires : aucun code d’article dans les moyens des actions, la section Articles reste vide.');
  const objectives = tree.volets.flatMap((v) => [...v.strategicObjectives, ...objectivesIn(v.sections)]);
  return {
    xml,
    warnings,
    counts: {
      volets: volets.length,
      strategicObjectives: objectives.length,
      operationalObjectives: objectives.reduce((n, os) => n + os.operationalObjectives.length, 0),
      actions: distinctActions(tree.volets.flatMap((v) => topLevelActionNodes(v))).length,
    },
  };
}
