/**
 * An eComptes XML (PST_eComptes_Export_201805V1.xsd: what iA.PST and other tools export for
 * the Region) read as a plan, through the same steps as any document: the XML is parsed
 * (fast-xml-parser, after its validator says it is well-formed), turned into the outline
 * (volets → OS → OO → actions, the texts the report counts), converted by `planFromOutline`,
 * then `withEcomptesValues` puts back what an outline carries only as text: the exact
 * status, progress, dates, people's e-mail, ETP and the means per year (Articles and
 * Projections → MeansLine).
 *
 * Read as the export writes it (src/export/ecomptes/ecomptesXml.ts), so that export →
 * import gives the same plan: codes at the start of Libelle, a transversal action under
 * each OO with the same ElementId, « Sous-action de X. » opening a sub-action's
 * description, RemarqueStatut's labelled lines. What the format cannot say is not invented:
 * TauxAvancement 0 is "nobody said" (the export writes 0 then), ETP 0 is no ETP.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Action, Period, Person } from '../../domain/model';
import type { MeansLine } from '../../domain/means';
import { FUNDING_SOURCE_LABELS, FUNDING_SOURCES, FundingSource } from '../../domain/means';
import { formatDate, formatNumber, isParseError, parsePeriod, periodOfDay } from '../../domain/parsing';
import type { ActionStatus } from '../../domain/vocabularies';
import { interpretVoletText, isActionStatus, statusLabel, titleKey } from '../../domain/vocabularies';
import { isValidIsoDate } from '../../domain/model';
import { richTextToPlainText } from '../../text/richText';
import { NO_VOLET_LABEL, REMARK_LABELS } from '../../export/ecomptes/ecomptesXml';
import { ImportError } from '../errors';
import type { ParseAnomaly, ParsedOutline } from '../outline/parseResult';
import type { OutlineAction, OutlineDocument, OutlineOperationalObjective, OutlineStrategicObjective, PlanFromOutline } from '../toPlan';

// ---------------------------------------------------------------- the parsed XML

type XmlNode = { [name: string]: XmlValue };
type XmlValue = string | XmlNode | XmlValue[] | undefined;

const asArray = (value: XmlValue): XmlValue[] => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]);
const asNode = (value: XmlValue): XmlNode => (value && typeof value === 'object' && !Array.isArray(value) ? value : {});
const nodesOf = (parent: XmlValue, list: string, item: string): XmlNode[] => asArray(asNode(asNode(parent)[list])[item]).map(asNode);

function textOf(value: XmlValue): string {
  if (typeof value === 'string') return value.trim();
  const node = asNode(value);
  return typeof node['#text'] === 'string' ? node['#text'].trim() : '';
}

function numberOf(value: XmlValue): number | null {
  const text = textOf(value);
  if (text === '') return null;
  const number = Number(text);
  return isFinite(number) ? number : null;
}

/** DescriptionInfo: Mode TEXTE, HTML or RTF → plain text. */
function descriptionOf(value: XmlValue): string {
  const node = asNode(value);
  const mode = textOf(node.Mode).toUpperCase();
  const raw = typeof node.Valeur === 'string' ? node.Valeur : textOf(node.Valeur);
  if (mode === 'HTML') return richTextToPlainText(raw).trim();
  if (mode === 'RTF') return rtfToText(raw);
  return raw.replace(/\r\n?/g, '\n').trim();
}

/** The text of a simple RTF value (control words and groups dropped). */
function rtfToText(rtf: string): string {
  return rtf
    .replace(/\\par[d]?\b ?/g, '\n')
    .replace(/\\'([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\{\\\*[^{}]*\}/g, '')
    .replace(/\\[a-z]+-?\d* ?/gi, '')
    .replace(/[{}]/g, '')
    .trim();
}

function personOf(value: XmlValue): Person | null {
  const node = asNode(value);
  const name = [textOf(node.Prenom), textOf(node.Nom)].filter((t) => t).join(' ');
  if (!name) return null;
  const email = textOf(node.eMail);
  return email ? { displayName: name, email } : { displayName: name };
}

/** « 1.1.2 Titre » → code 1.1.2; a bare number is a code only when `bareNumbers` (every OS starts with one). */
function splitLibelle(libelle: string, bareNumbers: boolean): { code: string | null; title: string } {
  const match = /^(\d{1,4}(?:\.\d{1,4})+|\d{1,4})\.?(?:\s+(\S.*))?$/.exec(libelle.trim());
  if (match && (match[1].indexOf('.') >= 0 || bareNumbers)) return { code: match[1], title: match[2] ?? '' };
  return { code: null, title: libelle.trim() };
}

/** A Libelle cut at 255 characters (ending « … ») whose whole text opens the description: the whole one. */
function fullLibelle(libelle: string, description: string, bareNumbers: boolean): { label: { code: string | null; title: string }; text: string } {
  if (libelle.endsWith('…')) {
    const [first, ...rest] = description.split('\n\n');
    if (first.indexOf(libelle.slice(0, -1)) === 0) return { label: splitLibelle(first, bareNumbers), text: rest.join('\n\n').trim() };
  }
  return { label: splitLibelle(libelle, bareNumbers), text: description };
}

// ---------------------------------------------------------------- what an outline cannot carry

interface ActionValues {
  readonly status: ActionStatus | null;
  readonly statusText: string | null;
  readonly progressPercent: number | null;
  readonly progressText: string | null;
  readonly start: Period | null;
  readonly end: Period | null;
  readonly projectLead: Person | null;
  readonly etp: number | null;
  /** The exercise the element's ETP is of (its Exercice attribute). */
  readonly etpYear: number | null;
  readonly lines: MeansLine[];
}

export interface EcomptesOutline extends ParsedOutline {
  /** Per outline action (the same object for every OO of a transversal action). */
  readonly values: ReadonlyMap<OutlineAction, ActionValues>;
}

function sourceOf(label: string): FundingSource | null {
  const key = titleKey(label);
  return FUNDING_SOURCES.find((s) => titleKey(FUNDING_SOURCE_LABELS[s].fr) === key) ?? null;
}

function meansOf(action: XmlNode, anomalies: (message: string) => void, where: string): MeansLine[] {
  const lines: MeansLine[] = [];
  const service = (code: string) => (code === 'O' ? 'ordinaire' : code === 'E' ? 'extraordinaire' : null);
  const direction = (code: string) => (code === 'R' ? 'recette' : 'depense');
  for (const article of nodesOf(action, 'Articles', 'Article')) {
    const year = numberOf(article.Exercice);
    const amount = numberOf(article.Montant);
    if (year === null || !Number.isInteger(year)) {
      anomalies(`${where} : un article budgétaire sans exercice lisible est ignoré (« ${textOf(article.Exercice)} »).`);
      continue;
    }
    lines.push({ year, service: service(textOf(article.Service)), direction: direction(textOf(article.Type)), source: sourceOf(textOf(article.Libelle)), article: textOf(article.CodeArticle) || null, planned: amount, actual: null, etp: null });
  }
  for (const projection of nodesOf(action, 'Projections', 'Projection')) {
    for (const exercice of asArray(asNode(asNode(projection).Exercices).Exercice).map(asNode)) {
      const year = numberOf(exercice['@_Valeur']);
      if (year === null || !Number.isInteger(year)) {
        anomalies(`${where} : une projection sans année lisible est ignorée (« ${textOf(exercice['@_Valeur'])} »).`);
        continue;
      }
      lines.push({ year, service: service(textOf(projection.Service)), direction: direction(textOf(projection.Type)), source: sourceOf(textOf(projection.Libelle)), article: null, planned: numberOf(exercice.Montant), actual: null, etp: null });
    }
  }
  return lines;
}

/** RemarqueStatut's labelled lines; other lines are a remark kept in the comments. */
function remarkOf(text: string): { statusText: string | null; progressText: string | null; startText: string | null; endText: string | null; mandataryBody: string | null; other: string | null } {
  const found: { [K in 'statusText' | 'progressText' | 'startText' | 'endText' | 'mandataryBody']: string | null } = { statusText: null, progressText: null, startText: null, endText: null, mandataryBody: null };
  const other: string[] = [];
  for (const line of text.split('\n')) {
    const key = (Object.keys(found) as (keyof typeof found)[]).find((k) => line.indexOf(`${REMARK_LABELS[k]} :`) === 0);
    if (key) found[key] = line.slice(REMARK_LABELS[key].length + 2).trim() || null;
    // The latest check-in's comment is follow-up, not a field of the plan.
    else if (line.indexOf(`${REMARK_LABELS.lastCheckIn} (`) === 0) continue;
    else if (line.trim()) other.push(line.trim());
  }
  return { ...found, other: other.length ? other.join('\n') : null };
}

/**
 * A start or end as written (« 2019 », « 2020-21 ») when it agrees with the day the schema
 * holds (its first day for a start, its last for an end); else that day.
 */
function periodOf(day: string, asWritten: string | null, side: 'start' | 'end'): Period | null {
  if (!isValidIsoDate(day)) return null;
  const written = asWritten ? parsePeriod(asWritten) : null;
  return written && !isParseError(written) && written[side] === day ? written : periodOfDay(day);
}

// ---------------------------------------------------------------- XML → outline

const SUB_ACTION = /^Sous-action de (.+?)\.(?:\n|$)/;

export function readEcomptes(xml: string, sourceName: string): EcomptesOutline {
  const check = XMLValidator.validate(xml);
  if (check !== true) {
    throw new ImportError('unreadable', `« ${sourceName} » n'est pas un XML bien formé (ligne ${check.err.line}, colonne ${check.err.col}) : ${check.err.msg}`);
  }
  const root = asNode(new XMLParser({ ignoreAttributes: false, parseTagValue: false, parseAttributeValue: false, trimValues: false, processEntities: true }).parse(xml));
  const dataroot = asNode(root.dataroot);
  const pst = asNode(dataroot.PST);
  if (!root.dataroot || !dataroot.PST) {
    throw new ImportError('wrongColumns', `« ${sourceName} » est un XML, mais pas un export eComptes du PST (élément dataroot/PST absent) : seuls les fichiers au schéma PST_eComptes_Export sont importés.`);
  }
  const description = asNode(pst.DescriptionPST);
  const startYear = numberOf(description.ExerciceDebut);
  const endYear = numberOf(description.ExerciceFin);
  const outline: OutlineDocument = {
    source: sourceName,
    title: textOf(description.Libelle) || null,
    organisation: null,
    period: startYear !== null ? `${startYear}-${endYear ?? startYear}` : null,
    strategicObjectives: [],
  };
  const anomalies: ParseAnomaly[] = [];
  const note = (message: string) => anomalies.push({ kind: 'valueToCheck', line: 0, message });
  const values = new Map<OutlineAction, ActionValues>();
  const byElementId = new Map<string, OutlineAction>();
  const fieldCounts: { [field: string]: number } = {};
  const count = (field: string, value: unknown) => {
    if (value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)) fieldCounts[field] = (fieldCounts[field] || 0) + 1;
  };

  const volets = nodesOf(pst, 'Volets', 'Volet');
  const osNodes = volets.flatMap((v) => nodesOf(v, 'ObjectifStrategiques', 'ObjectifStrategique'));
  const bareNumbers = osNodes.length > 0 && osNodes.every((o) => /^\d{1,4}\.?(?:\s|$)/.test(textOf(o.Libelle)));

  for (const volet of volets) {
    // The export's one volet of a plan without volets is named after the programme itself.
    const voletLibelle = textOf(volet.Libelle);
    const voletName = voletLibelle === NO_VOLET_LABEL ? null : interpretVoletText(voletLibelle);
    for (const osNode of nodesOf(volet, 'ObjectifStrategiques', 'ObjectifStrategique')) {
      const osRead = fullLibelle(textOf(osNode.Libelle), descriptionOf(osNode.Description), bareNumbers);
      const os: OutlineStrategicObjective = { code: osRead.label.code, title: osRead.label.title || null, volet: voletName, description: osRead.text || null, operationalObjectives: [] };
      outline.strategicObjectives.push(os);
      for (const ooNode of nodesOf(osNode, 'ObjectifsOperationnels', 'ObjectifOperationnel')) {
        const ooRead = fullLibelle(textOf(ooNode.Libelle), descriptionOf(ooNode.Description), bareNumbers);
        const oo: OutlineOperationalObjective = { code: ooRead.label.code, title: ooRead.label.title || null, description: ooRead.text || null, actions: [] };
        os.operationalObjectives.push(oo);
        for (const actionNode of nodesOf(ooNode, 'Actions', 'Action')) {
          const id = textOf(actionNode['@_ElementId']);
          const known = id ? byElementId.get(id) : undefined;
          if (known) {
            // The same ElementId under another OO: one transversal action (sub-actions stay under their parent).
            if (oo.actions.indexOf(known) < 0 && !isSubAction(known, values)) oo.actions.push(known);
            continue;
          }
          const { label, text: described } = fullLibelle(textOf(actionNode.Libelle), descriptionOf(actionNode.Description), bareNumbers);
          const where = `Action ${label.code ?? label.title}`;
          let text = described;
          const sub = SUB_ACTION.exec(text);
          const parent = sub ? oo.actions.find((a) => a.code === sub[1] || a.title === sub[1]) : undefined;
          if (parent) text = text.slice(sub![0].length).trim();
          const status = textOf(actionNode.Statut);
          const remark = remarkOf(descriptionOf(actionNode.RemarqueStatut));
          const unknownStatus = status === 'NON_COMMENCE' && remark.statusText !== null;
          if (status && !isActionStatus(status)) note(`${where} : statut « ${status} » inconnu du schéma eComptes : à choisir à la main.`);
          const rawProgress = numberOf(actionNode.TauxAvancement);
          const progress = rawProgress === null || rawProgress === 0 || (rawProgress === 100 && status === 'TERMINE') ? null : Math.max(0, Math.min(100, rawProgress));
          if (rawProgress !== null && (rawProgress < 0 || rawProgress > 100)) note(`${where} : avancement ${formatNumber(rawProgress)} % hors de 0–100 : ramené à ${formatNumber(progress)} %.`);
          const start = textOf(actionNode.DateDebut);
          const end = textOf(actionNode.DateFin);
          for (const [what, date] of [['de début', start], ['de fin', end]] as const) if (date && !isValidIsoDate(date)) note(`${where} : la date ${what} « ${date} » n'est pas une date (AAAA-MM-JJ) : elle n'est pas reprise.`);
          const lead = personOf(actionNode.Responsable);
          const mandatary = personOf(actionNode.Mandataire);
          const plannedStart = periodOf(start, remark.startText, 'start');
          const plannedEnd = periodOf(end, remark.endText, 'end');
          const fields = {
            start: plannedStart ? (plannedStart.precision === 'day' ? formatDate(start) : plannedStart.text) : null,
            end: plannedEnd ? (plannedEnd.precision === 'day' ? formatDate(end) : plannedEnd.text) : null,
            status: unknownStatus ? remark.statusText : isActionStatus(status) ? statusLabel(status) : status || null,
            progress: remark.progressText ?? (progress !== null ? `${formatNumber(progress)} %` : null),
            projectLead: lead?.displayName ?? null,
            mandatary: mandatary?.displayName ?? remark.mandataryBody,
            department: textOf(actionNode.Departement) || null,
            partners: asArray(asNode(actionNode.Partenaires).Partenaire).map(textOf).filter((t) => t).join('\n') || null,
            labels: asArray(asNode(actionNode.Plans).Plan).map(textOf).filter((t) => t),
            comments: remark.other,
          };
          const action: OutlineAction = { code: label.code, title: label.title || null, description: text || null, fields, subActions: [] };
          const etp = numberOf(actionNode.ETP);
          values.set(action, {
            status: unknownStatus || !isActionStatus(status) ? null : status,
            statusText: unknownStatus ? remark.statusText : null,
            progressPercent: progress,
            progressText: remark.progressText,
            start: plannedStart,
            end: plannedEnd,
            projectLead: lead,
            etp: etp === null || etp <= 0 ? null : etp,
            etpYear: numberOf(actionNode['@_Exercice']),
            lines: meansOf(actionNode, note, where),
          });
          for (const [key, value] of Object.entries(fields)) count(key, value);
          if (parent) parent.subActions = (parent.subActions || []).concat([action]);
          else oo.actions.push(action);
          if (id) byElementId.set(id, action);
        }
      }
    }
  }
  if (volets.length === 0) throw new ImportError('notAPst', `« ${sourceName} » : l'export eComptes ne contient aucun volet, donc aucun objectif.`);
  const subActions = Array.from(values.keys()).reduce((n, a) => n + (a.subActions || []).length, 0);
  const counts = { strategicObjectives: outline.strategicObjectives.length, operationalObjectives: 0, actions: values.size - subActions, subActions };
  for (const os of outline.strategicObjectives) counts.operationalObjectives += os.operationalObjectives.length;
  outline.counts = counts;
  return { outline, anomalies, fieldCounts, values };
}

function isSubAction(action: OutlineAction, values: ReadonlyMap<OutlineAction, ActionValues>): boolean {
  for (const candidate of values.keys()) if ((candidate.subActions || []).indexOf(action) >= 0) return true;
  return false;
}

// ---------------------------------------------------------------- outline values → plan

/** The outline's actions in the order `planFromOutline` builds them: first occurrence, then its sub-actions. */
function buildOrder(outline: OutlineDocument): OutlineAction[] {
  const order: OutlineAction[] = [];
  const seen = new Set<OutlineAction>();
  const visit = (action: OutlineAction) => {
    order.push(action);
    for (const sub of action.subActions || []) visit(sub);
  };
  for (const os of outline.strategicObjectives) {
    for (const oo of os.operationalObjectives) {
      for (const action of oo.actions) {
        if (seen.has(action)) continue;
        seen.add(action);
        visit(action);
      }
    }
  }
  return order;
}

function withElementEtp(lines: readonly MeansLine[], etp: number | null, year: number): MeansLine[] {
  if (etp === null) return lines.slice();
  const index = lines.findIndex((l) => l.year === year && l.etp === null);
  if (index >= 0) return lines.map((l, i) => (i === index ? { ...l, etp } : l));
  return [...lines, { year, service: null, direction: 'depense', source: null, article: null, planned: null, actual: null, etp }];
}

/** The plan with the exact values the XML gave (status, progress, dates, e-mails, ETP, means per year). */
export function withEcomptesValues(plan: PlanFromOutline, read: EcomptesOutline): PlanFromOutline {
  const order = buildOrder(read.outline);
  if (order.length !== plan.actions.length) throw new Error(`eComptes: ${order.length} outline actions for ${plan.actions.length} plan actions`);
  const actions = plan.actions.map((action, index): Action => {
    const value = read.values.get(order[index]);
    if (!value) return action;
    return {
      ...action,
      status: value.status,
      statusText: value.statusText,
      progressPercent: value.progressPercent,
      progressText: value.progressText,
      plannedStart: value.start,
      plannedEnd: value.end,
      // The dates are the schema's days, or the year or span they stand for: never unread texts.
      plannedStartText: null,
      plannedEndText: null,
      projectLead: value.projectLead,
      // The element's ETP is of its exercise: on that year's first line, else a line of its own.
      resources: { ...action.resources, lines: withElementEtp(value.lines, value.etp, value.etpYear ?? (value.start ? Number(value.start.start.slice(0, 4)) : plan.plan.startYear ?? new Date().getUTCFullYear())) },
    };
  });
  return { ...plan, actions };
}
