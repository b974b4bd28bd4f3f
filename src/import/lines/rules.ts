/**
 * Corrections of how a document is read, written by the coordinator once for a layout
 * (`npm run import -- PST.docx --rules regles.json`, later the browser view): "lines of
 * this shape are actions / OO / OS", "this label is a field", "ignore these lines". They
 * rewrite the document's lines before the parser reads them (a corrected line reads like
 * the keyword form "Action 1.2.3 : …"), so the rest of the pipeline is unchanged. Pure.
 *
 * {
 *   "niveaux": [ { "lignes": "^\\d+\\.\\d+\\.\\d+ ", "niveau": "action" },
 *                { "lignes": "^Axe (?<code>\\d+) – (?<titre>.*)$", "niveau": "os" } ],
 *   "champs":  [ { "libelle": "Porteur politique", "champ": "mandatary" } ],
 *   "ignorer": [ "^Annexe", "^Vu le " ]
 * }
 * English keys (`levels`/`lines`/`level`, `fields`/`label`/`field`, `ignore`) are read too.
 */
import { foldChars } from '../../text/normalize';
import { FIELD_NAMES_FR, FieldTarget, canonicalLabel, labelKey } from './fieldLabels';
import type { SourceLine } from './sourceLines';

export type RuleLevel = 'os' | 'oo' | 'action' | 'subAction' | 'section' | 'ignore';

export interface LevelRule {
  /** A regular expression (case-insensitive) on the line; named groups `code` and `titre` (or `title`) when useful. */
  readonly lines: string;
  readonly level: RuleLevel;
}

export interface FieldRule {
  /** The label as printed at the start of a line, with or without colon. */
  readonly label: string;
  readonly field: FieldTarget;
}

export interface ImportRules {
  readonly levels: readonly LevelRule[];
  readonly fields: readonly FieldRule[];
  readonly ignore: readonly string[];
}

export class RulesError extends Error {}

const LEVEL_WORDS: { readonly [word: string]: RuleLevel } = {
  os: 'os', 'objectif strategique': 'os', oo: 'oo', 'objectif operationnel': 'oo', action: 'action', projet: 'action',
  'sous-action': 'subAction', subaction: 'subAction', 'sous action': 'subAction', section: 'section', axe: 'section', ignorer: 'ignore', ignore: 'ignore',
};

/** How a corrected line is written so that the parser reads it at that level. */
const KEYWORD_FORM: { readonly [L in Exclude<RuleLevel, 'ignore' | 'section'>]: string } = {
  os: 'Objectif stratégique',
  oo: 'Objectif opérationnel',
  action: 'Action',
  subAction: 'Sous-action',
};

function regex(source: string, where: string): RegExp {
  try {
    return new RegExp(source, 'iu');
  } catch (error) {
    throw new RulesError(`Règle ${where} : expression « ${source} » invalide (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/** Reads and checks a rules file's JSON; every error names the rule, in French. */
export function parseRules(json: unknown): ImportRules {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new RulesError('Le fichier de règles doit être un objet JSON ({ "niveaux": [...], "champs": [...], "ignorer": [...] }).');
  const o = json as { [key: string]: unknown };
  const list = (a: string, b: string): unknown[] => {
    const value = o[a] !== undefined ? o[a] : o[b];
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw new RulesError(`« ${a} » doit être une liste.`);
    return value;
  };
  const fieldByName = new Map<string, FieldTarget>();
  (Object.keys(FIELD_NAMES_FR) as FieldTarget[]).forEach((t) => {
    fieldByName.set(t.toLowerCase(), t);
    fieldByName.set(foldChars(FIELD_NAMES_FR[t]), t);
  });
  const levels = list('niveaux', 'levels').map((raw, k) => {
    const r = (raw || {}) as { [key: string]: unknown };
    const lines = r.lignes !== undefined ? r.lignes : r.lines;
    const level = LEVEL_WORDS[foldChars(String(r.niveau !== undefined ? r.niveau : r.level || ''))];
    if (typeof lines !== 'string' || !level) throw new RulesError(`Règle de niveau n° ${k + 1} : il faut « lignes » (une expression) et « niveau » (os, oo, action, sous-action, section ou ignorer).`);
    regex(lines, `de niveau n° ${k + 1}`);
    return { lines, level };
  });
  const fields = list('champs', 'fields').map((raw, k) => {
    const r = (raw || {}) as { [key: string]: unknown };
    const label = r.libelle !== undefined ? r.libelle : r.label;
    const field = fieldByName.get(foldChars(String(r.champ !== undefined ? r.champ : r.field || '')));
    if (typeof label !== 'string' || label.trim() === '' || !field) {
      throw new RulesError(`Règle de champ n° ${k + 1} : il faut « libelle » et « champ » (l'un de : ${Object.keys(FIELD_NAMES_FR).join(', ')}).`);
    }
    return { label, field };
  });
  const ignore = list('ignorer', 'ignore').map((raw, k) => {
    if (typeof raw !== 'string') throw new RulesError(`Règle « ignorer » n° ${k + 1} : une expression est attendue.`);
    regex(raw, `« ignorer » n° ${k + 1}`);
    return raw;
  });
  return { levels, fields, ignore };
}

/** The lines as the parser should read them under these rules (numbers and pages kept). */
export function applyRules(lines: readonly SourceLine[], rules: ImportRules): SourceLine[] {
  const ignore = rules.ignore.map((r) => regex(r, 'ignorer'));
  const levels = rules.levels.map((r) => ({ pattern: regex(r.lines, 'de niveau'), level: r.level }));
  const fields = rules.fields.map((r) => ({ key: labelKey(r.label), words: labelKey(r.label).split(' ').length, field: r.field }));
  return lines.map((source) => {
    const text = source.text.trim();
    if (text === '') return source;
    if (ignore.some((p) => p.test(text))) return { ...source, text: '' };
    for (const { pattern, level } of levels) {
      const match = pattern.exec(text);
      if (!match) continue;
      if (level === 'ignore') return { ...source, text: '' };
      const groups = match.groups || {};
      const code = groups.code ? groups.code.trim() : (/^((?:\d+[.)]?)+(?:\d+)?)\s/.exec(text) || [])[1]?.replace(/[.)]$/, '');
      const rest = groups.titre !== undefined ? groups.titre : groups.title !== undefined ? groups.title : code ? text.replace(/^[\s\S]*?\d[.)]?\s+/, '') : text;
      if (level === 'section') return { ...source, text: `# ${rest.trim()}` };
      return { ...source, text: `${KEYWORD_FORM[level]}${code ? ' ' + code : ''} : ${rest.trim()}` };
    }
    const folded = labelKey(text);
    for (const f of fields) {
      if (folded === f.key || folded.indexOf(f.key + ' ') === 0) {
        const colon = text.search(/[:：]/);
        const value = colon >= 0 && labelKey(text.slice(0, colon)) === f.key ? text.slice(colon + 1) : text.split(/\s+/).slice(f.words).join(' ');
        return { ...source, text: `${canonicalLabel(f.field)} : ${value.replace(/^[\s:：\-–]+/, '')}`.trim() };
      }
    }
    return source;
  });
}
