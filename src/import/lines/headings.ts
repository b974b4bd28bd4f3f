/**
 * Recognition of the lines that carry the structure of a PST, one line at a time and
 * without context: "Objectif stratégique 1 : …", "OO 101 - …", "Action 4 .4.2 : …",
 * "Sous-action 2.2.3.A : …", "1.1.2. Renforcer …", "II.II.1 La lutte …",
 * "PARTIE I : LE VOLET INTERNE", "Actions :". The outline parser decides with the
 * context what each candidate is.
 */
import type { Volet } from '../../domain/vocabularies';
import { interpretVoletText } from '../../domain/vocabularies';
import { foldChars, isUpperCaseText } from '../../text/normalize';

export type Level = 'os' | 'oo' | 'action' | 'subAction';

export interface KeywordHeading {
  readonly kind: 'keyword';
  readonly level: Level | 'axis';
  /** Normalised code ("4.4.2"), null when none. */
  readonly code: string | null;
  /** The code as printed when it differs ("4 .4.2"). */
  readonly codeAsPrinted: string | null;
  /** '' when the title is on the following lines. */
  readonly title: string;
  /** There was a colon, dash or arrow after the keyword/code. */
  readonly separated: boolean;
}

export interface NumberedHeading {
  readonly kind: 'numbered';
  readonly code: string;
  readonly parts: readonly number[];
  readonly title: string;
  /** "1.1.1.1.1 → …": the arrow of action sheets. */
  readonly arrow: boolean;
}

export interface SectionHeading {
  readonly kind: 'section';
  readonly code: string | null;
  readonly title: string;
}

export interface VoletHeading {
  readonly kind: 'volet';
  readonly volet: Volet;
  readonly code: string | null;
}

export interface ListHeader {
  readonly kind: 'listHeader';
  readonly level: 'action' | 'subAction';
}

export type HeadingCandidate = KeywordHeading | NumberedHeading | SectionHeading | VoletHeading | ListHeader;

const KEYWORDS: readonly (readonly [RegExp, Level | 'axis'])[] = [
  [/^(?:sous[- ]?actions?|sous[- ]?projets?|sous[- ]?fiches?)(?![a-z])/, 'subAction'],
  [/^(?:objectif\s+strategique|o\.\s?s\.|os)(?![a-z])/, 'os'],
  [/^(?:objectif\s+operationnel|objectif\s+ope\.?|o\.\s?o\.|oo|oop)(?![a-z])/, 'oo'],
  [/^(?:fiche[- ](?:action|projet)|fiche|action|projet)(?![a-z])/, 'action'],
  // "A1.1.1 – …", "P 2.3.1 : …": a letter before a dotted code.
  [/^[ap](?=\s?\d+\.\d)/, 'action'],
  [/^(?:axe|thematique|theme|domaine|pilier|chapitre)(?:\s+(?:strategique|thematique|prioritaire|transversal))?(?![a-z])/, 'axis'],
];

const NUMBER_SIGN = /^\s*(?:n\s?°|no\.?(?=\s*\d)|nr\.?|numero|#|[.-](?=\s*\d))?\s*/;
// "1", "1.1", "4 .4.2", "2.2.3.A", "100", "I", "IV.2"; a letter suffix only alone ("A", not "Accueil").
const CODE = /^(?:\d{1,4}(?:\s?[.]\s?\d{1,3})*(?:\s?[.-]\s?[a-z](?![a-z0-9]))?|(?:x{0,2}(?:ix|iv|v?i{1,3}|v))(?:\.\d{1,3})*(?![a-z]))/;
const SEPARATOR = /^\s*(?:[:：]|[-–—]|→|->|=>|\)|\.(?!\d))\s*/;
const LETTER_CODE = /^[a-z]\d{0,2}(?:\.\d{1,3})*(?=\s*[:：\-–—])/;

/** "4 .4.2" → "4.4.2"; "2.2.3.a" → "2.2.3.A"; "iv" → "IV". */
export function normaliseCode(printed: string): string {
  const compact = printed.replace(/\s+/g, '');
  if (/^[ivx]+(?:\.\d+)*$/i.test(compact)) return compact.toUpperCase();
  return compact.replace(/[.-]([a-z])$/i, (_m, letter: string) => '.' + letter.toUpperCase());
}

const ORDINAL_WORDS = ['premier', 'deuxieme', 'troisieme', 'quatrieme', 'cinquieme', 'sixieme', 'septieme', 'huitieme', 'neuvieme', 'dixieme'];
/** "4e objectif stratégique : …", "1er objectif opérationnel", "Deuxième objectif stratégique –": the rank before the keyword. */
const ORDINAL = new RegExp(`^(?:(\\d{1,2})\\s?(?:ere|er|re|eme|e)|(${ORDINAL_WORDS.join('|')}|premiere|second|seconde))\\s+(?=objectif\\s+(?:strategique|operationnel)\\b)`);

/** The keyword heading of a line that gives its rank first: read as "Objectif stratégique 4 …". */
function ordinalKeywordHeading(text: string, folded: string): KeywordHeading | null {
  const ordinal = ORDINAL.exec(folded);
  if (!ordinal) return null;
  const word = ordinal[2] === undefined ? null : ordinal[2].replace(/^premiere$/, 'premier').replace(/^seconde?$/, 'deuxieme');
  const rank = ordinal[1] !== undefined ? ordinal[1] : String(ORDINAL_WORDS.indexOf(word as string) + 1);
  const rest = text.slice(ordinal[0].length);
  const heading = keywordHeading(rest, folded.slice(ordinal[0].length));
  if (!heading || heading.code !== null || (heading.level !== 'os' && heading.level !== 'oo')) return null;
  return { ...heading, code: rank };
}

function keywordHeading(text: string, folded: string): KeywordHeading | null {
  if (/^\s*(?:\d|p|d|t|q|c|s|h|n)/.test(folded) && ORDINAL.test(folded)) return ordinalKeywordHeading(text, folded);
  for (const [pattern, level] of KEYWORDS) {
    const keyword = pattern.exec(folded);
    if (!keyword) continue;
    let offset = keyword[0].length;
    const sign = NUMBER_SIGN.exec(folded.slice(offset));
    const afterSign = offset + (sign ? sign[0].length : 0);
    let code = CODE.exec(folded.slice(afterSign));
    if (!code || code[0].trim() === '') {
      // "Objectif stratégique B : …", "Objectif opérationnel A1 – …": a capital letter code, before a separator.
      const letter = LETTER_CODE.exec(folded.slice(afterSign));
      // A lower-case letter only before a colon ("Action b : …"): "Projet a - b" is prose.
      if (letter && (/^\p{Lu}/u.test(text.slice(afterSign)) || /^[a-z]\s*[:：]/.test(text.slice(afterSign)))) code = letter;
    }
    let codeText: string | null = null;
    if (code && code[0].trim() !== '') {
      codeText = text.slice(afterSign, afterSign + code[0].length).trim();
      offset = afterSign + code[0].length;
    }
    const separator = SEPARATOR.exec(folded.slice(offset));
    const rest = text.slice(offset + (separator ? separator[0].length : 0)).trim();
    const separated = separator !== null && separator[0].trim() !== '';
    // "Action sociale…" and "Projet de ville…" are prose: a keyword needs a code, a colon or nothing after it.
    if (codeText === null && !separated && rest !== '') continue;
    // A bare "OS" or "OO" needs a code or a colon; "Os" alone is not a heading.
    if ((level === 'os' || level === 'oo') && /^o\.?\s?[so]\.?$|^oop?$/.test(keyword[0]) && codeText === null && !separated) continue;
    // "Projet 2020 : …" is a year, not a code; "Projet n° 2011" is a code.
    const numberSigned = sign !== null && /[°#]|^\s*n[or]|^\s*numero/.test(sign[0]);
    if (codeText !== null && !numberSigned && /^(?:19|20)\d\d$/.test(codeText) && level !== 'os' && level !== 'oo') continue;
    const normalised = codeText === null ? null : normaliseCode(codeText);
    return {
      kind: 'keyword',
      level,
      code: normalised,
      codeAsPrinted: codeText !== null && codeText !== normalised ? codeText : null,
      title: rest,
      separated,
    };
  }
  return null;
}

const NUMBERED = /^(\d{1,2}(?:\.\d{1,2})*)(\.|\))?(?:\s*(→|->|=>)\s*|\s*[-–—:]\s+|\s+)(.*)$/;
const NUMBERED_BARE_ARROW = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s*(→|->|=>)\s*$/;

function numberedHeading(text: string): NumberedHeading | null {
  const bare = NUMBERED_BARE_ARROW.exec(text);
  if (bare) return { kind: 'numbered', code: bare[1], parts: bare[1].split('.').map(Number), title: '', arrow: true };
  const match = NUMBERED.exec(text);
  if (!match) return null;
  const parts = match[1].split('.').map(Number);
  const title = match[4].trim();
  const arrow = match[3] !== undefined;
  // "1 LE SERVICE" is not a heading; "1. LE SERVICE" and "1) …" are.
  if (parts.length === 1 && !match[2]) return null;
  if (title === '' && !arrow) return null;
  // Titles start with a letter, a quote or a bracket: "1.5 ETP" and "2 - 3 ans" are values.
  if (title !== '' && !/^[\p{L}«"“'(]/u.test(title)) return null;
  if (parts.some((p) => p === 0)) return null;
  return { kind: 'numbered', code: match[1], parts, title, arrow };
}

const ROMAN = /^(?:X{0,2})(?:IX|IV|V?I{1,3}|V|X)$/;

function sectionHeading(text: string): SectionHeading | null {
  const match = /^((?:[IVX]+|\d{1,2})(?:\.(?:[IVX]+|\d{1,2}))*)\.?\s*(?:[-–—:]\s*)?\s(.+)$/.exec(text);
  if (!match) return null;
  const components = match[1].split('.');
  if (!components.some((c) => ROMAN.test(c))) return null;
  if (!components.every((c) => ROMAN.test(c) || /^\d{1,2}$/.test(c))) return null;
  return { kind: 'section', code: match[1], title: match[2].trim() };
}

function voletHeading(text: string, folded: string): VoletHeading | null {
  if (text.split(/\s+/).length > 10) return null;
  if (!/^(?:partie|volet|voilet)\b/.test(folded) && !/\b(?:volet|voilet)\s+(?:interne|externe)\b/.test(folded)) return null;
  const volet = interpretVoletText(folded.replace(/voilet/g, 'volet'));
  if (!volet) return null;
  const code = /^partie\s+([ivx]+|\d+)\b/.exec(folded);
  return { kind: 'volet', volet, code: code ? normaliseCode(code[1]) : null };
}

const LIST_HEADER =
  /^(?:(sous[- ]?actions?|sous[- ]?projets?)|actions?|projets?|fiches?[- ]actions?|mesures|actions? (?:a mener|prevues|concretes|envisagees|proposees|operationnelles|retenues|a realiser)|projets? (?:a mener|prevus|concrets|envisages|retenus))\s*[:：]?\s*$/;

export function listHeader(folded: string): ListHeader | null {
  const match = LIST_HEADER.exec(folded.trim());
  if (!match) return null;
  return { kind: 'listHeader', level: match[1] ? 'subAction' : 'action' };
}

/** Every structural reading of a cleaned line (the parser chooses with the context). */
export function headingCandidates(text: string): HeadingCandidate[] {
  const folded = foldChars(text);
  const found: HeadingCandidate[] = [];
  const volet = voletHeading(text, folded);
  if (volet) found.push(volet);
  const header = listHeader(folded);
  if (header) found.push(header);
  const keyword = keywordHeading(text, folded);
  if (keyword && !(header && keyword.title === '' && keyword.code === null && /s\s*[:：]?\s*$/.test(folded.trim()))) found.push(keyword);
  const numbered = numberedHeading(text);
  if (numbered) found.push(numbered);
  const section = sectionHeading(text);
  if (section) found.push(section);
  return found;
}

const CLOSING_MATTER = [
  // "Annexe 1 – Glossaire", "ANNEXE II", "Annexes" alone: not "Annexes : plan des locaux" (a sheet field).
  /^annexes?\s+(?:n\s?°\s*)?(?:\d{1,2}|[ivx]{1,4}|[a-z])\b(?:\s*[:.–—-]\s*.*)?$/,
  /^annexes?\s*$/,
  // "Annexe – Lexique des abréviations": a dash, never the colon of a sheet's field.
  /^annexes?\s*[–—-]\s+\S.*$/,
  /^(?:glossaire|lexique|liste des (?:abreviations|acronymes|sigles)|abreviations(?: et acronymes)?|acronymes|bibliographie|signatures?)\s*:?$/,
  // The deliberation that closes the plan: "Ainsi délibéré en séance du …", "Fait à Florennes, le …".
  /^(?:ainsi (?:delibere|arrete|fait|decide)|fait a [^,]{1,40},? le)\b/,
  // "Par le Conseil," alone above the signatures, not "Par le Conseil du 12 mai, le plan a été…".
  /^(?:par|pour) (?:le|ordonnance du) conseil(?: de l'action sociale)?\s*[,:.]?$/,
];

/** A line that opens the closing pages of a plan (annexes, glossary, signatures): no field of the last action goes on past it. */
export function isClosingMatter(text: string): boolean {
  // Every closing line starts with one of these letters pairs: most lines are ruled out before folding.
  if (!/^\s*(?:an|ai|ab|ac|gl|le|li|bi|si|fa|pa|po)/i.test(text)) return false;
  const folded = foldChars(text).trim();
  return folded.length <= 120 && CLOSING_MATTER.some((pattern) => pattern.test(folded));
}

/** Short capitalised line that reads like a section title ("LE SOCIAL", "RESSOURCES HUMAINES"). */
export function looksLikeCapitalisedTitle(text: string): boolean {
  const words = text.split(/\s+/);
  return isUpperCaseText(text) && words.length <= 10 && /\p{L}{3}/u.test(text) && !/[.;,]$/.test(text);
}

/** OS are usually worded "Être un CPAS qui…": a hint when numbering alone cannot tell the levels apart. */
export function readsLikeStrategicObjective(title: string): boolean {
  return /^(?:etre|devenir|rester|un cpas|une commune|une administration|une institution|un centre)\b/.test(foldChars(title).trim());
}
