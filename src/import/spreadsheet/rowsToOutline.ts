/**
 * The rows of a spreadsheet converted into the same outline as a document.
 *
 * Two layouts are understood:
 * - the template: one row per item, a "Niveau" column (OS, OO, Action, Sous-action),
 *   the parent given by the "Parent" column (code or title) or else by the rows above;
 * - one row per action with its parents named in "Objectif stratégique" and
 *   "Objectif opérationnel" columns (the way many CPAS follow their PST in Excel).
 * Rows whose title starts with "Exemple" are the template's examples: skipped.
 */
import type { OutlineAction, OutlineActionFields, OutlineDocument, OutlineOperationalObjective, OutlineStrategicObjective } from '../toPlan';
import { titleKey } from '../../domain/vocabularies';
import { isParseError, parseProgress } from '../../domain/parsing';
import { interpretVoletText } from '../../domain/vocabularies';
import { ImportError } from '../errors';
import type { FieldTarget } from '../lines/fieldLabels';
import type { ParseAnomaly, ParsedOutline } from '../outline/parseResult';
import { foldChars, squeeze } from '../../text/normalize';
import { checkActionFields } from './checkRows';
import { ColumnKey, EXAMPLE_PREFIX, findHeader } from './columns';
import { TEMPLATE_PLAN_LABELS } from '../../export/templateColumns';

type RowLevel = 'os' | 'oo' | 'action' | 'subAction' | 'section';

function levelOf(value: string): RowLevel | null {
  const folded = foldChars(squeeze(value)).replace(/[.:]/g, '').trim();
  if (/^(?:os|objectif strategique|objectifs strategiques|strategique|1)$/.test(folded)) return 'os';
  if (/^(?:oo|objectif operationnel|objectifs operationnels|operationnel|2)$/.test(folded)) return 'oo';
  if (/^(?:sous[- ]?actions?|sous[- ]?projets?|etapes?|4)$/.test(folded)) return 'subAction';
  if (/^(?:actions?|projets?|fiche action|fiche projet|3)$/.test(folded)) return 'action';
  if (/^(?:axe|section|theme|volet|chapitre)$/.test(folded)) return 'section';
  return null;
}

const LIST_FIELDS: readonly FieldTarget[] = ['risks', 'labels'];

function fieldsOf(row: readonly string[], columns: Map<ColumnKey, number>): { fields: OutlineActionFields; description: string | null; progressTyped: string | null } {
  const fields: OutlineActionFields = {};
  let description: string | null = null;
  let progressTyped: string | null = null;
  columns.forEach((index, key) => {
    if (['level', 'code', 'title', 'parent', 'volet', 'section', 'osTitle', 'ooTitle', 'osCode', 'ooCode', 'subActionTitle'].indexOf(key) >= 0) return;
    const raw = (row[index] || '').replace(/\r\n?/g, '\n').trim();
    if (raw === '') return;
    if (key === 'description') {
      description = raw;
      return;
    }
    if (key === 'title' || key === 'strategicObjective' || key === 'operationalObjective') return;
    const target = key as FieldTarget;
    const writable = fields as Record<string, unknown>;
    if (LIST_FIELDS.indexOf(target) >= 0) writable[target] = raw.split(/\n|\s;\s|;/).map((t) => t.replace(/^[•\-–*]\s*/, '').trim()).filter((t) => t !== '');
    else writable[target] = raw;
    if (target === 'progress') {
      progressTyped = raw;
      const text = /^\d+(?:[.,]\d+)?$/.test(raw) ? `${raw} %` : raw;
      fields.progress = text;
      const progress = parseProgress(text);
      fields.progressPercent = progress && !isParseError(progress) ? progress.percent : null;
    }
  });
  return { fields, description, progressTyped };
}

/** « Plan : … », « Organisation : … », « Période : 2025-2030 » in the rows above the headers (the plan workbook writes them). */
function planLabelsAbove(rows: readonly string[][], headerIndex: number): Pick<OutlineDocument, 'title' | 'organisation' | 'period'> {
  const found: Pick<OutlineDocument, 'title' | 'organisation' | 'period'> = {};
  const keys: [keyof typeof TEMPLATE_PLAN_LABELS, string][] = Object.entries(TEMPLATE_PLAN_LABELS).map(([key, text]) => [key as keyof typeof TEMPLATE_PLAN_LABELS, foldChars(text)]);
  for (const row of rows.slice(0, headerIndex)) {
    const labelText = foldChars(squeeze(row[0] || '')).replace(/\s*:$/, '');
    const value = squeeze(row[1] || '');
    const key = keys.find(([, text]) => text === labelText);
    if (key && value) found[key[0]] = value;
  }
  return found;
}

/** Reads the rows of a spreadsheet into an outline; refuses a sheet whose columns are not a PST's. */
export function outlineFromRows(rows: readonly string[][], sourceName?: string): ParsedOutline {
  const header = findHeader(rows);
  if (!header) {
    const first = rows.find((r) => r.some((c) => squeeze(c) !== '')) || [];
    throw new ImportError(
      'wrongColumns',
      `Les colonnes de ce tableau ne sont pas celles d'un PST${first.length ? ` (en-têtes lus : ${first.filter((c) => squeeze(c) !== '').slice(0, 8).map((c) => `« ${squeeze(c)} »`).join(', ')})` : ''}. ` +
        'Il faut au moins « Niveau » et « Intitulé » (modèle : npm run import -- --template modele.xlsx), ' +
        'ou une ligne par action avec les colonnes « Objectif stratégique », « Objectif opérationnel » et « Action ».',
    );
  }
  const outline: OutlineDocument = { source: sourceName, title: null, organisation: null, period: null, strategicObjectives: [], ...planLabelsAbove(rows, header.rowIndex) };
  const anomalies: ParseAnomaly[] = [];
  const { columns } = header;
  const cell = (row: readonly string[], key: ColumnKey): string => (columns.has(key) ? squeeze(row[columns.get(key) as number] || '') : '');
  const anomaly = (kind: ParseAnomaly['kind'], rowNumber: number, message: string) => anomalies.push({ kind, line: rowNumber, message });

  let section: string | null = null;
  let volet: string | null = null;
  let os: OutlineStrategicObjective | null = null;
  let oo: OutlineOperationalObjective | null = null;
  let action: OutlineAction | null = null;
  const byCode = new Map<string, { level: RowLevel; item: OutlineStrategicObjective | OutlineOperationalObjective | OutlineAction }>();
  const byTitle = new Map<string, { level: RowLevel; item: OutlineStrategicObjective | OutlineOperationalObjective | OutlineAction }>();
  const remember = (level: RowLevel, item: OutlineStrategicObjective | OutlineOperationalObjective | OutlineAction) => {
    if (item.code && !byCode.has(`${level}|${item.code}`)) byCode.set(`${level}|${item.code}`, { level, item });
    if (item.title) byTitle.set(`${level}|${titleKey(item.title)}`, { level, item });
  };
  const parentOf = (level: RowLevel, reference: string) => byCode.get(`${level}|${reference}`) || byTitle.get(`${level}|${titleKey(reference)}`);
  const ooParents = new Map<OutlineOperationalObjective, OutlineStrategicObjective>();
  /** The OO each action row was listed under, in sheet order. */
  const listings = new Map<OutlineAction, OutlineOperationalObjective[]>();

  const newOs = (title: string, code: string | null, rowNumber: number): OutlineStrategicObjective => {
    // The same OS named again (rows repeating their parents): the same objective.
    const existing = (code && byCode.get(`os|${code}`)) || byTitle.get(`os|${titleKey(title)}`);
    if (existing && (!code || !existing.item.code || existing.item.code === code)) return existing.item as OutlineStrategicObjective;
    const created: OutlineStrategicObjective = {
      code,
      title: title || null,
      volet: volet ? interpretVoletText(volet) : null,
      section,
      sectionPath: section ? [section] : null,
      description: null,
      operationalObjectives: [],
      sourceLine: rowNumber,
    };
    outline.strategicObjectives.push(created);
    remember('os', created);
    return created;
  };
  const newOo = (parent: OutlineStrategicObjective, title: string, code: string | null, rowNumber: number): OutlineOperationalObjective => {
    const existing = parent.operationalObjectives.find((o) => (code && o.code === code) || (!code && titleKey(o.title || '') === titleKey(title)));
    if (existing) return existing;
    const created: OutlineOperationalObjective = { code, title: title || null, description: null, actions: [], sourceLine: rowNumber };
    parent.operationalObjectives.push(created);
    ooParents.set(created, parent);
    remember('oo', created);
    return created;
  };
  const splitCode = (text: string): { code: string | null; title: string } => {
    // "1. Être …", "1.1 Renforcer …", "OS 2 – …": the code and the title.
    const match = /^(?:OS|OO)?\s*(\d{1,3}(?:\.\d{1,3})*)(?:\.\s+|\s*[-–:]\s*|\s+)(\D.*)$/i.exec(text);
    if (match) return { code: match[1], title: match[2].trim() };
    return { code: null, title: text };
  };

  const rowPerAction = !columns.has('level') && columns.has('ooTitle');
  for (let r = header.rowIndex + 1; r < rows.length; r++) {
    const row = rows[r];
    const rowNumber = r + 1;
    if (!row.some((c) => squeeze(c) !== '')) continue;
    const title = cell(row, 'title');
    if (title.indexOf(EXAMPLE_PREFIX) === 0 || cell(row, 'osTitle').indexOf(EXAMPLE_PREFIX) === 0) {
      anomaly('unrecognisedText', rowNumber, `Ligne d'exemple du modèle ignorée : « ${title || cell(row, 'osTitle')} ».`);
      continue;
    }
    if (cell(row, 'volet')) volet = cell(row, 'volet');
    if (cell(row, 'section')) section = cell(row, 'section');
    const code = cell(row, 'code') || null;

    if (rowPerAction) {
      // One row per action, parents named in their own columns (repeated on every row).
      const osText = [cell(row, 'osCode'), cell(row, 'osTitle')].filter((t) => t !== '').join(' ');
      const ooText = [cell(row, 'ooCode'), cell(row, 'ooTitle')].filter((t) => t !== '').join(' ');
      if (osText) os = newOs(splitCode(osText).title, splitCode(osText).code, rowNumber);
      if (ooText) {
        if (!os) {
          anomaly('missingLevel', rowNumber, `Ligne ${rowNumber} : objectif opérationnel « ${ooText} » sans objectif stratégique.`);
          os = newOs('', null, rowNumber);
        }
        oo = newOo(os, splitCode(ooText).title, splitCode(ooText).code, rowNumber);
      }
      const subTitle = cell(row, 'subActionTitle');
      if (title) {
        if (!oo) {
          anomaly('orphanAction', rowNumber, `Ligne ${rowNumber} : l'action « ${title} » n'a pas d'objectif opérationnel : elle n'est pas reprise.`);
          continue;
        }
        const same = oo.actions.find((a) => titleKey(a.title || '') === titleKey(title) && (a.code || null) === code);
        const { fields, description, progressTyped } = fieldsOf(row, columns);
        if (same && subTitle) action = same;
        else {
          checkActionFields(rowNumber, fields, progressTyped, (message) => anomaly('valueToCheck', rowNumber, message));
          action = { code, title, description, fields, subActions: [], sourceLine: rowNumber };
          oo.actions.push(action);
        }
      }
      if (subTitle && action) action.subActions = (action.subActions || []).concat([{ code: null, title: subTitle, sourceLine: rowNumber }]);
      continue;
    }

    let level = columns.has('level') ? levelOf(cell(row, 'level')) : null;
    if (level === null && !columns.has('level') && code && /^\d+(?:\.\d+)*$/.test(code)) {
      level = (['os', 'oo', 'action', 'subAction'] as RowLevel[])[Math.min(code.split('.').length, 4) - 1];
    }
    if (level === null) {
      anomaly('unrecognisedText', rowNumber, `Ligne ${rowNumber} : niveau « ${cell(row, 'level')} » non reconnu (OS, OO, Action ou Sous-action) : ligne ignorée.`);
      continue;
    }
    if (!title && level !== 'section') {
      anomaly('missingTitle', rowNumber, `Ligne ${rowNumber} : ${level === 'os' ? "l'objectif stratégique" : level === 'oo' ? "l'objectif opérationnel" : "l'action"} n'a pas d'intitulé.`);
    }
    const parentReference = cell(row, 'parent');
    const { fields, description, progressTyped } = fieldsOf(row, columns);
    if (level === 'action' || level === 'subAction') checkActionFields(rowNumber, fields, progressTyped, (message) => anomaly('valueToCheck', rowNumber, message));
    switch (level) {
      case 'section':
        section = title || section;
        break;
      case 'os': {
        os = newOs(title, code, rowNumber);
        if (description) os.description = description;
        oo = null;
        action = null;
        break;
      }
      case 'oo': {
        let parent = os;
        if (parentReference) {
          const found = parentOf('os', parentReference);
          if (found) parent = found.item as OutlineStrategicObjective;
          else anomaly('orphanAction', rowNumber, `Ligne ${rowNumber} : parent « ${parentReference} » introuvable parmi les objectifs stratégiques${parent ? ' : rattaché au précédent' : ''}.`);
        }
        if (!parent) {
          anomaly('missingLevel', rowNumber, `Ligne ${rowNumber} : objectif opérationnel « ${title} » sans objectif stratégique au-dessus : un OS sans intitulé a été créé.`);
          parent = newOs('', null, rowNumber);
        }
        os = parent;
        oo = newOo(parent, title, code, rowNumber);
        if (description) oo.description = description;
        action = null;
        break;
      }
      case 'action': {
        let parent = oo;
        if (parentReference) {
          const found = parentOf('oo', parentReference);
          if (found) parent = found.item as OutlineOperationalObjective;
          else anomaly('orphanAction', rowNumber, `Ligne ${rowNumber} : parent « ${parentReference} » introuvable parmi les objectifs opérationnels${parent ? ' : rattachée au précédent' : ''}.`);
        }
        if (!parent) {
          anomaly('orphanAction', rowNumber, `Ligne ${rowNumber} : l'action « ${title} » n'a pas d'objectif opérationnel au-dessus : elle n'est pas reprise.`);
          continue;
        }
        oo = parent;
        os = ooParents.get(parent) || os;
        // The same code and title under another OO: one transversal action (how the plan workbook writes it).
        // The row with the fields is the action's own (its first OO); the others only list it.
        const listed = code ? byCode.get(`action|${code}`) : undefined;
        if (listed && titleKey(listed.item.title || '') === titleKey(title) && parent.actions.indexOf(listed.item as OutlineAction) < 0) {
          const item = listed.item as OutlineAction;
          const listedElsewhere = listings.get(item) || [];
          parent.actions.push(item);
          if ((description !== null || Object.keys(fields).length > 0) && !item.description && Object.keys(item.fields || {}).length === 0) {
            item.description = description;
            item.fields = fields;
            for (const other of listedElsewhere) other.alsoListed = (other.alsoListed || []).concat([item]);
          } else parent.alsoListed = (parent.alsoListed || []).concat([item]);
          listings.set(item, listedElsewhere.concat([parent]));
          action = item;
          break;
        }
        action = { code, title: title || null, description, fields, subActions: [], sourceLine: rowNumber };
        parent.actions.push(action);
        listings.set(action, [parent]);
        remember('action', action);
        break;
      }
      case 'subAction': {
        let parent = action;
        if (parentReference) {
          const found = parentOf('action', parentReference);
          if (found) parent = found.item as OutlineAction;
        }
        if (!parent) {
          anomaly('orphanAction', rowNumber, `Ligne ${rowNumber} : la sous-action « ${title} » n'a pas d'action au-dessus : elle n'est pas reprise.`);
          continue;
        }
        const sub: OutlineAction = { code, title: title || null, description, fields, sourceLine: rowNumber };
        parent.subActions = (parent.subActions || []).concat([sub]);
        break;
      }
    }
  }

  // Codes used twice.
  const seen = new Map<string, number>();
  const transversal = new Set<OutlineAction>();
  for (const s of outline.strategicObjectives) {
    for (const o of s.operationalObjectives) {
      if (o.actions.length === 0) anomalies.push({ kind: 'emptyObjective', line: o.sourceLine || 0, message: `L'objectif opérationnel ${o.code ? o.code + ' ' : ''}« ${o.title || ''} » n'a aucune action.` });
      for (const a of o.actions) {
        if (transversal.has(a)) continue;
        transversal.add(a);
        for (const item of [a, ...(a.subActions || [])]) {
          if (!item.code) continue;
          const first = seen.get(item.code);
          if (first !== undefined) anomalies.push({ kind: 'duplicateCode', line: item.sourceLine || 0, message: `Le code ${item.code} est utilisé deux fois (déjà à la ligne ${first}).` });
          else seen.set(item.code, item.sourceLine || 0);
        }
      }
    }
  }
  const counts = { strategicObjectives: 0, operationalObjectives: 0, actions: 0, subActions: 0 };
  const fieldCounts: { [field: string]: number } = {};
  for (const s of outline.strategicObjectives) {
    counts.strategicObjectives++;
    for (const o of s.operationalObjectives) {
      counts.operationalObjectives++;
      for (const a of o.actions) {
        if (!transversal.delete(a)) continue;
        counts.actions++;
        counts.subActions += (a.subActions || []).length;
        for (const [key, value] of Object.entries(a.fields || {})) {
          if (key === 'progressPercent' || value == null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
          fieldCounts[key] = (fieldCounts[key] || 0) + 1;
        }
        if (a.description) fieldCounts.description = (fieldCounts.description || 0) + 1;
      }
    }
  }
  outline.counts = counts;
  if (header.unknown.length > 0) {
    anomalies.push({ kind: 'unrecognisedText', line: header.rowIndex + 1, message: `Colonnes non reconnues, ignorées : ${header.unknown.map((h) => `« ${h} »`).join(', ')}.` });
  }
  return { outline, anomalies: anomalies.sort((a, b) => a.line - b.line), fieldCounts };
}
