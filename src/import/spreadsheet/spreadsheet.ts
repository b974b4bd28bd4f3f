/**
 * A PST kept in a spreadsheet: the import template (French headers, example rows, a
 * sheet of instructions), the reading of .xlsx (fflate + the sheet XML) and .csv
 * (";" or "," or tab, quoted cells, UTF-8 or Windows-1252), and the conversion of the
 * rows into the same outline as a document.
 *
 * Two layouts are understood:
 * - the template: one row per item, a "Niveau" column (OS, OO, Action, Sous-action),
 *   the parent given by the "Parent" column (code or title) or else by the rows above;
 * - one row per action with its parents named in "Objectif stratégique" and
 *   "Objectif opérationnel" columns (the way many CPAS follow their PST in Excel).
 * Rows whose title starts with "Exemple" are the template's examples: skipped.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { OutlineAction, OutlineActionFields, OutlineDocument, OutlineOperationalObjective, OutlineStrategicObjective } from '../toPlan';
import { titleKey } from '../toPlan';
import { isParseError, parseProgress } from '../../domain/parsing';
import { interpretVoletText } from '../../domain/vocabularies';
import { Sheet, writeXlsx } from '../../export/xlsx';
import { ImportError } from '../errors';
import { FieldTarget, matchLabel } from '../lines/fieldLabels';
import type { ParseAnomaly, ParsedOutline } from '../outline/parseResult';
import { decodeText } from '../read/text';
import { walkXml } from '../read/xml';
import { foldChars, squeeze } from '../../text/normalize';

// ---------------------------------------------------------------- columns

type ColumnKey = 'level' | 'code' | 'title' | 'parent' | 'volet' | 'section' | 'osTitle' | 'ooTitle' | 'subActionTitle' | FieldTarget;

interface TemplateColumn {
  readonly key: ColumnKey;
  readonly header: string;
  readonly width: number;
}

/** The template's columns, in order; headers are what people see and type. */
export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  { key: 'level', header: 'Niveau', width: 14 },
  { key: 'code', header: 'Code', width: 10 },
  { key: 'title', header: 'Intitulé', width: 50 },
  { key: 'parent', header: 'Parent (code ou intitulé)', width: 22 },
  { key: 'volet', header: 'Volet', width: 14 },
  { key: 'section', header: 'Section / axe', width: 24 },
  { key: 'description', header: 'Description', width: 40 },
  { key: 'start', header: 'Début', width: 12 },
  { key: 'end', header: 'Fin', width: 12 },
  { key: 'department', header: 'Service pilote', width: 20 },
  { key: 'projectLead', header: 'Chef de projet', width: 20 },
  { key: 'team', header: 'Équipe', width: 24 },
  { key: 'pilot', header: 'Pilote (CODIR)', width: 18 },
  { key: 'mandatary', header: 'Mandataire', width: 18 },
  { key: 'partners', header: 'Partenaires', width: 24 },
  { key: 'servicesInvolved', header: 'Services associés', width: 24 },
  { key: 'priority', header: 'Priorité', width: 12 },
  { key: 'status', header: 'État', width: 16 },
  { key: 'progress', header: 'Avancement (%)', width: 14 },
  { key: 'indicators', header: 'Indicateurs', width: 30 },
  { key: 'risks', header: 'Risques', width: 30 },
  { key: 'deliverables', header: 'Livrables', width: 24 },
  { key: 'resources', header: 'Ressources (ETP, budget)', width: 28 },
  { key: 'sdgs', header: 'ODD', width: 10 },
  { key: 'labels', header: 'Labels / plans', width: 18 },
  { key: 'policyObjective', header: 'Objectif politique', width: 28 },
  { key: 'synergies', header: 'Synergies commune/CPAS', width: 24 },
  { key: 'context', header: 'Contexte', width: 30 },
  { key: 'steps', header: 'Étapes', width: 30 },
  { key: 'comments', header: 'Commentaires', width: 30 },
];

const EXAMPLE_PREFIX = 'Exemple';

const EXAMPLE_ROWS: readonly (readonly [string, string, string, string, Partial<Record<ColumnKey, string>>])[] = [
  ['Objectif stratégique', '1', "Exemple : Être un CPAS proche des citoyens", '', { volet: 'Externe', section: 'Axe 1 – Action sociale', description: 'Ce que le CPAS veut être dans six ans.' }],
  ['Objectif opérationnel', '1.1', "Exemple : Améliorer l'accueil des usagers", '1', {}],
  [
    'Action',
    '1.1.1',
    "Exemple : Rénover la salle d'attente",
    '1.1',
    {
      description: "Rendre la salle d'attente accessible et confidentielle.",
      start: '01/2026',
      end: '12/2027',
      department: 'Service social',
      projectLead: 'Marie Dupont',
      team: 'Jean Martin / Service technique',
      pilot: 'Directrice générale',
      mandatary: 'Présidente du CPAS',
      partners: 'Commune',
      priority: 'Prioritaire',
      status: 'En cours',
      progress: '10 %',
      indicators: 'Satisfaction des usagers (enquête annuelle)',
      risks: 'Délais du marché public',
      resources: 'Humaines (ETP) : 0,2 ; Budgétaires (€) : 25.000 € ; service extraordinaire',
      sdgs: '10, 16',
    },
  ],
  ['Sous-action', '1.1.1.1', 'Exemple : Choisir le mobilier', '1.1.1', { end: '06/2026' }],
];

const INSTRUCTIONS: readonly string[] = [
  "Modèle d'import du Programme stratégique transversal (PST)",
  '',
  "Une ligne par élément du PST, dans l'ordre : chaque objectif opérationnel sous son objectif stratégique, chaque action sous son objectif opérationnel.",
  'Colonne « Niveau » : Objectif stratégique (ou OS), Objectif opérationnel (ou OO), Action, Sous-action.',
  "Colonne « Parent » : le code ou l'intitulé de l'élément au-dessus. Vide : l'élément de niveau supérieur le plus proche au-dessus dans la feuille.",
  'Colonne « Code » : facultative ; elle permet de réimporter un PST corrigé sans créer de doublons.',
  'Dates : 2026, 09/2026 ou 31/12/2026. Avancement : 35 %, 35 ou +/- 35 %.',
  "Priorité : Niveau 1, Niveau 2, Niveau 3, Prioritaire, Obligatoire, Postposé. État : Non commencé, En cours, En attente, Problème, Terminé, Annulé.",
  'Plusieurs valeurs dans une cellule (risques, partenaires, équipe) : une par ligne (Alt+Entrée) ou séparées par « ; ».',
  "Les lignes dont l'intitulé commence par « Exemple » sont ignorées : remplacez-les par votre PST.",
  "Enregistrez en .xlsx (ou en .csv avec le séparateur « ; ») puis lancez : npm run import -- <fichier> --dry-run",
];

/** The import template: headers, the example rows, and a sheet of instructions. */
export function writeTemplate(): Uint8Array {
  const header = TEMPLATE_COLUMNS.map((c) => ({ value: c.header, style: 'bold' as const }));
  const examples = EXAMPLE_ROWS.map(([level, code, title, parent, rest]) =>
    TEMPLATE_COLUMNS.map((column) => {
      if (column.key === 'level') return level;
      if (column.key === 'code') return code;
      if (column.key === 'title') return title;
      if (column.key === 'parent') return parent;
      return rest[column.key] || null;
    }),
  );
  const sheets: Sheet[] = [
    { name: 'PST', rows: [header, ...examples], columnWidths: TEMPLATE_COLUMNS.map((c) => c.width) },
    { name: "Mode d'emploi", rows: INSTRUCTIONS.map((line, i) => [i === 0 ? { value: line, style: 'title' as const } : line]), columnWidths: [120] },
  ];
  return writeXlsx(sheets);
}

// ---------------------------------------------------------------- reading cells

/** Excel serial day → "31/12/2024" (1900 date system). */
function serialToDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  const date = new Date(ms);
  const two = (n: number) => (n < 10 ? '0' + n : String(n));
  return `${two(date.getUTCDate())}/${two(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 30, 36, 45, 46, 47, 50, 57]);
const BUILT_IN_PERCENT_FORMATS = new Set([9, 10]);

function cellStyles(stylesXml: string | null): { date: Set<number>; percent: Set<number> } {
  const date = new Set<number>();
  const percent = new Set<number>();
  if (!stylesXml) return { date, percent };
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let index = 0;
  walkXml(stylesXml, (event) => {
    if (event.type === 'open' && event.name === 'numFmt') custom.set(Number(event.attributes.numFmtId), event.attributes.formatCode || '');
    if (event.type === 'open' && event.name === 'cellXfs') inCellXfs = true;
    if (event.type === 'close' && event.name === 'cellXfs') inCellXfs = false;
    if (event.type === 'open' && event.name === 'xf' && inCellXfs) {
      const id = Number(event.attributes.numFmtId || 0);
      const code = (custom.get(id) || '').replace(/"[^"]*"|\[[^\]]*\]/g, '');
      if (BUILT_IN_DATE_FORMATS.has(id) || (/[dmy]/i.test(code) && !/%/.test(code))) date.add(index);
      if (BUILT_IN_PERCENT_FORMATS.has(id) || /%/.test(code)) percent.add(index);
      index++;
    }
  });
  return { date, percent };
}

function columnIndex(reference: string): number {
  const letters = /^[A-Z]+/.exec(reference);
  if (!letters) return -1;
  let n = 0;
  for (const ch of letters[0]) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Rows of the first sheet of a workbook, every cell as text. */
export function readXlsxRows(bytes: Uint8Array): string[][] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name.indexOf('xl/') === 0 && !/\.(?:png|jpe?g|emf|wmf|bin)$/i.test(f.name) });
  } catch {
    throw new ImportError('unreadable', "Le classeur Excel est abîmé : l'archive .xlsx ne peut pas être ouverte.");
  }
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : null);
  const workbook = text('xl/workbook.xml');
  if (!workbook) throw new ImportError('unreadable', "Ce fichier n'est pas un classeur Excel (.xlsx) : xl/workbook.xml est absent.");
  let firstSheetRel: string | null = null;
  walkXml(workbook, (event) => {
    if (event.type === 'open' && event.name === 'sheet' && firstSheetRel === null) firstSheetRel = event.attributes['r:id'] || null;
  });
  let sheetPath = 'xl/worksheets/sheet1.xml';
  const rels = text('xl/_rels/workbook.xml.rels');
  if (rels && firstSheetRel) {
    walkXml(rels, (event) => {
      if (event.type === 'open' && event.name === 'Relationship' && event.attributes.Id === firstSheetRel) {
        const target = event.attributes.Target || '';
        sheetPath = target.charAt(0) === '/' ? target.slice(1) : 'xl/' + target.replace(/^\.\//, '');
      }
    });
  }
  const sheet = text(sheetPath);
  if (!sheet) throw new ImportError('unreadable', 'La première feuille du classeur est introuvable.');

  const shared: string[] = [];
  const sharedXml = text('xl/sharedStrings.xml');
  if (sharedXml) {
    let current: string | null = null;
    let inText = false;
    let inPhonetic = false;
    walkXml(sharedXml, (event) => {
      if (event.type === 'open') {
        if (event.name === 'si') current = '';
        else if (event.name === 't') inText = !event.selfClosing;
        else if (event.name === 'rPh') inPhonetic = true;
      } else if (event.type === 'close') {
        if (event.name === 'si') {
          shared.push(current || '');
          current = null;
        } else if (event.name === 't') inText = false;
        else if (event.name === 'rPh') inPhonetic = false;
      } else if (inText && !inPhonetic && current !== null) current += event.text;
    });
  }
  const styles = cellStyles(text('xl/styles.xml'));

  const rows: string[][] = [];
  let row: string[] | null = null;
  let cell: { column: number; type: string; style: number; value: string } | null = null;
  let inValue = false;
  walkXml(sheet, (event) => {
    if (event.type === 'open') {
      if (event.name === 'row') {
        row = [];
        const r = Number(event.attributes.r || rows.length + 1);
        while (rows.length < r - 1) rows.push([]);
      } else if (event.name === 'c' && row) {
        cell = { column: event.attributes.r ? columnIndex(event.attributes.r) : row.length, type: event.attributes.t || 'n', style: Number(event.attributes.s || 0), value: '' };
      } else if ((event.name === 'v' || event.name === 't') && cell) inValue = !event.selfClosing;
    } else if (event.type === 'close') {
      if (event.name === 'v' || event.name === 't') inValue = false;
      else if (event.name === 'c' && cell && row) {
        let value = cell.value;
        if (cell.type === 's') value = shared[Number(value)] || '';
        else if (cell.type === 'b') value = value === '1' ? 'VRAI' : 'FAUX';
        else if (cell.type === 'n' && value !== '') {
          const number = Number(value);
          if (styles.date.has(cell.style)) value = serialToDate(number);
          else if (styles.percent.has(cell.style)) value = `${Math.round(number * 1000) / 10} %`;
          else value = String(Math.round(number * 1e9) / 1e9).replace('.', ',');
        }
        while (row.length < cell.column) row.push('');
        row[cell.column] = value;
        cell = null;
      } else if (event.name === 'row' && row) {
        rows.push(row);
        row = null;
      }
    } else if (event.type === 'text' && inValue && cell) cell.value += event.text;
  });
  return rows;
}

/** Rows of a CSV file: the separator is the one of ";", "," or tab that the header uses most. */
export function readCsvRows(bytes: Uint8Array): string[][] {
  const text = decodeText(bytes).replace(/^\ufeff/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] || '';
  const count = (separator: string) => firstLine.split(separator).length - 1;
  const separator = [';', '\t', ','].sort((a, b) => count(b) - count(a))[0];
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"') {
        if (text.charAt(i + 1) === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text.charAt(i + 1) === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------- headers

function columnOfHeader(header: string): ColumnKey | null {
  const folded = foldChars(squeeze(header)).replace(/[*:]+$/, '').trim();
  if (folded === '') return null;
  if (/^(?:niveau|type|type d'element|element|niveau hierarchique|categorie)$/.test(folded)) return 'level';
  if (/^(?:code|n°|no|numero|num|ref|reference|code de l'element)$/.test(folded)) return 'code';
  if (/^(?:intitule|titre|libelle|nom|intitule de l'element|denomination)$/.test(folded)) return 'title';
  if (/^parent\b|^rattach|^element parent|^niveau superieur/.test(folded)) return 'parent';
  if (/^volet\b/.test(folded)) return 'volet';
  if (/^(?:section|axe|section \/ axe|axe \/ section|theme|thematique|domaine)\b/.test(folded)) return 'section';
  if (/^(?:objectif strategique|os|objectifs strategiques)$/.test(folded)) return 'osTitle';
  if (/^(?:objectif operationnel|oo|objectifs operationnels)$/.test(folded)) return 'ooTitle';
  if (/^(?:action|actions|projet|projets|intitule de l'action|action \/ projet|projet \/ action)$/.test(folded)) return 'title';
  if (/^(?:sous[- ]actions?|etapes? \/ sous[- ]actions?)$/.test(folded)) return 'subActionTitle';
  const label = matchLabel(header.replace(/\s*\([^)]*\)\s*$/, ''), null, { allowUpperCaseWithoutColon: true }) || matchLabel(header, null, { allowUpperCaseWithoutColon: true });
  if (label && label.rest === '' && label.target !== 'title' && label.target !== 'code') return label.target;
  return null;
}

interface HeaderMap {
  readonly rowIndex: number;
  readonly columns: Map<ColumnKey, number>;
  readonly unknown: string[];
}

function findHeader(rows: readonly string[][]): HeaderMap | null {
  let best: HeaderMap | null = null;
  for (let r = 0; r < Math.min(rows.length, 15); r++) {
    const columns = new Map<ColumnKey, number>();
    const unknown: string[] = [];
    rows[r].forEach((cell, c) => {
      if (squeeze(cell) === '') return;
      const key = columnOfHeader(cell);
      if (key && !columns.has(key)) columns.set(key, c);
      else if (!key) unknown.push(squeeze(cell));
    });
    const usable = (columns.has('title') && (columns.has('level') || columns.has('code') || columns.has('ooTitle'))) || (columns.has('osTitle') && columns.has('ooTitle'));
    if (usable && (!best || columns.size > best.columns.size)) best = { rowIndex: r, columns, unknown };
  }
  return best;
}

// ---------------------------------------------------------------- rows → outline

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

const LIST_FIELDS: readonly FieldTarget[] = ['risks'];

function fieldsOf(row: readonly string[], columns: Map<ColumnKey, number>): { fields: OutlineActionFields; description: string | null } {
  const fields: OutlineActionFields = {};
  let description: string | null = null;
  columns.forEach((index, key) => {
    if (['level', 'code', 'title', 'parent', 'volet', 'section', 'osTitle', 'ooTitle', 'subActionTitle'].indexOf(key) >= 0) return;
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
      const text = /^\d+(?:[.,]\d+)?$/.test(raw) ? `${raw} %` : raw;
      fields.progress = text;
      const progress = parseProgress(text);
      fields.progressPercent = progress && !isParseError(progress) ? progress.percent : null;
    }
  });
  return { fields, description };
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
  const outline: OutlineDocument = { source: sourceName, title: null, organisation: null, period: null, strategicObjectives: [] };
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
      const osText = cell(row, 'osTitle');
      const ooText = cell(row, 'ooTitle');
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
        const { fields, description } = fieldsOf(row, columns);
        if (same && subTitle) action = same;
        else {
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
    const { fields, description } = fieldsOf(row, columns);
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
        action = { code, title: title || null, description, fields, subActions: [], sourceLine: rowNumber };
        parent.actions.push(action);
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
  for (const s of outline.strategicObjectives) {
    for (const o of s.operationalObjectives) {
      if (o.actions.length === 0) anomalies.push({ kind: 'emptyObjective', line: o.sourceLine || 0, message: `L'objectif opérationnel ${o.code ? o.code + ' ' : ''}« ${o.title || ''} » n'a aucune action.` });
      for (const a of o.actions) {
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
