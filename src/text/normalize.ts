/**
 * Small text tools shared by the readers and the outline parser.
 *
 * `foldChars` keeps one character per character (unlike `normalizeText`, which collapses
 * spaces and expands ligatures): a regular expression run on the folded text gives
 * offsets that are valid in the original, so titles are cut from the text as written.
 */

const FOLD_SPECIAL: { readonly [c: string]: string } = {
  œ: 'o',
  Œ: 'o',
  æ: 'a',
  Æ: 'a',
  ß: 's',
  '\u2018': "'",
  '\u2019': "'",
  '\u201b': "'",
  '\u02bc': "'",
  '\u00b4': "'",
  '`': "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '\t': ' ',
};

/** Lower case, no accents, one apostrophe and one dash; same length as the input. */
export function foldChars(text: string): string {
  // Plain ASCII but the tab and the backtick folds to lower case: most lines, at no cost.
  if (isPlainAscii(text)) return text.toLowerCase();
  let out = '';
  for (const ch of text) {
    let folded = foldedChar.get(ch);
    if (folded === undefined) {
      folded = foldOne(ch);
      foldedChar.set(ch, folded);
    }
    out += folded;
  }
  return out;
}

function isPlainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 127 || code === 9 || code === 96) return false;
  }
  return true;
}

/** Each character's folding, computed once (Unicode normalisation is the slow part). */
const foldedChar = new Map<string, string>();

function foldOne(ch: string): string {
  const special = FOLD_SPECIAL[ch];
  if (special !== undefined) return special;
  const base = ch.normalize('NFD').charAt(0).toLowerCase();
  // Characters outside the BMP count two UTF-16 units; keep the length in units.
  return ch.length === 2 ? base + ' ' : base.length === 1 ? base : ch;
}

/** Collapses spaces (including no-break and zero-width ones) and trims. */
export function squeeze(text: string): string {
  return text
    // Zero-width characters and soft hyphens, one by one (a class would join them).
    .replace(/\u200b|\u200c|\u200d|\ufeff|\u00ad/g, '')
    .replace(/[\s\u00a0\u202f\u2009]+/g, ' ')
    .trim();
}

/** True when the text has letters and none of them is lower case ("CHEF DE PROJET"). */
export function isUpperCaseText(text: string): boolean {
  return /\p{L}/u.test(text) && !/\p{Ll}/u.test(text);
}

export function startsLowerCase(text: string): boolean {
  return /^\p{Ll}/u.test(text);
}

export function startsUpperCase(text: string): boolean {
  return /^\p{Lu}/u.test(text);
}

/**
 * Joins the lines of one text cell the way a reader would: a word cut by hyphenation at
 * the end of a line ("accompa-" + "gnement") loses its hyphen, a compound ("socio-" +
 * "économique", "Wallonie-" + "Bruxelles") keeps it; no space either way.
 */
export function joinWrapped(parts: readonly string[]): string {
  let out = '';
  for (const raw of parts) {
    const part = squeeze(raw);
    if (part === '') continue;
    if (out === '') out = part;
    else if (/\p{L}-$/u.test(out)) out = isLineEndHyphenation(out, part) ? out.slice(0, -1) + part : out + part;
    else out += ' ' + part;
  }
  return out;
}

/** First parts of compounds that keep their hyphen at a line end ("après-" / "midi", "non-" / "recours"). */
const COMPOUND_FIRST = /(?:^|[\s'’(«"])(?:apres|avant|non|sous|vice|demi|semi|arriere|grand|grande|rez|extra|quasi)-$/;
const VOWEL = /[aeiouyàâäéèêëîïôöùûü]/;

/**
 * A word cut at a line end by the hyphenation of a PDF or a layout ("accompa-" / "gnement"):
 * the hyphen goes when the next part goes on in lower case, unless the word is a compound
 * ("Wallonie-" / "Bruxelles", "après-" / "midi") or the cut falls between two vowels, where
 * hyphenation never cuts ("socio-" / "économique").
 */
function isLineEndHyphenation(before: string, after: string): boolean {
  if (!/^\p{Ll}/u.test(after)) return false;
  const folded = before.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (COMPOUND_FIRST.test(folded)) return false;
  const last = before.charAt(before.length - 2).toLowerCase();
  return !(VOWEL.test(last) && VOWEL.test(after.charAt(0).toLowerCase()));
}

/** Whitespace- and case-insensitive comparison key (what the scoring compares). */
export function looseKey(text: string | null | undefined): string {
  return squeeze(text || '').toLowerCase();
}

/** "1 234,5 Mo" style size for messages. */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb.toFixed(1).replace('.', ',') + ' Mo';
}

/** The file name without its folders (either separator: a Windows path typed in a terminal too). */
export function baseName(filePath: string): string {
  return filePath.replace(/[\\/]+$/, '').split(/[\\/]/).pop() || filePath;
}

/** The extension with its dot (`.docx`), or '' — as Node's `path.extname`. */
export function extensionOf(filePath: string): string {
  const name = baseName(filePath);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}
