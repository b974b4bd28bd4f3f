/**
 * Character references (`&eacute;`, `&#233;`, `&#xE9;`): the one table of entity names,
 * the one decoder, and the escapers that write text into HTML or XML.
 *
 * Everyone reads and writes entities through this file: the rich-text sanitizer, the mail
 * templates, the XLSX writer, the SharePoint field XML and the embedded store that reads it
 * back. Pure string processing, no DOM.
 */

// ---------------------------------------------------------------- the table

// Latin-1 (U+00A0 … U+00FF) in code point order, as named by HTML.
const LATIN1_NAMES = [
  'nbsp', 'iexcl', 'cent', 'pound', 'curren', 'yen', 'brvbar', 'sect', 'uml', 'copy', 'ordf', 'laquo', 'not', 'shy', 'reg', 'macr',
  'deg', 'plusmn', 'sup2', 'sup3', 'acute', 'micro', 'para', 'middot', 'cedil', 'sup1', 'ordm', 'raquo', 'frac14', 'frac12', 'frac34', 'iquest',
  'Agrave', 'Aacute', 'Acirc', 'Atilde', 'Auml', 'Aring', 'AElig', 'Ccedil', 'Egrave', 'Eacute', 'Ecirc', 'Euml', 'Igrave', 'Iacute', 'Icirc', 'Iuml',
  'ETH', 'Ntilde', 'Ograve', 'Oacute', 'Ocirc', 'Otilde', 'Ouml', 'times', 'Oslash', 'Ugrave', 'Uacute', 'Ucirc', 'Uuml', 'Yacute', 'THORN', 'szlig',
  'agrave', 'aacute', 'acirc', 'atilde', 'auml', 'aring', 'aelig', 'ccedil', 'egrave', 'eacute', 'ecirc', 'euml', 'igrave', 'iacute', 'icirc', 'iuml',
  'eth', 'ntilde', 'ograve', 'oacute', 'ocirc', 'otilde', 'ouml', 'divide', 'oslash', 'ugrave', 'uacute', 'ucirc', 'uuml', 'yacute', 'thorn', 'yuml',
];

const NAMED_ENTITIES: { [name: string]: string } = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  OElig: '\u0152',
  oelig: '\u0153',
  Scaron: '\u0160',
  scaron: '\u0161',
  Yuml: '\u0178',
  fnof: '\u0192',
  circ: '\u02c6',
  tilde: '\u02dc',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  zwnj: '\u200c',
  zwj: '\u200d',
  lrm: '\u200e',
  rlm: '\u200f',
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201a',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bdquo: '\u201e',
  dagger: '\u2020',
  Dagger: '\u2021',
  bull: '\u2022',
  hellip: '\u2026',
  permil: '\u2030',
  prime: '\u2032',
  lsaquo: '\u2039',
  rsaquo: '\u203a',
  euro: '\u20ac',
  trade: '\u2122',
  larr: '\u2190',
  rarr: '\u2192',
  uarr: '\u2191',
  darr: '\u2193',
  harr: '\u2194',
  le: '\u2264',
  ge: '\u2265',
  ne: '\u2260',
  minus: '\u2212',
  check: '\u2713',
  // HTML5 names of ASCII punctuation, used to disguise "javascript:" and the like.
  Tab: '\t',
  NewLine: '\n',
  excl: '!',
  num: '#',
  dollar: '$',
  percnt: '%',
  lpar: '(',
  rpar: ')',
  ast: '*',
  plus: '+',
  comma: ',',
  period: '.',
  sol: '/',
  colon: ':',
  semi: ';',
  equals: '=',
  quest: '?',
  commat: '@',
  lsqb: '[',
  lbrack: '[',
  bsol: '\\',
  rsqb: ']',
  rbrack: ']',
  Hat: '^',
  lowbar: '_',
  grave: '`',
  lcub: '{',
  lbrace: '{',
  verbar: '|',
  vert: '|',
  rcub: '}',
  rbrace: '}',
};
LATIN1_NAMES.forEach((name, index) => {
  NAMED_ENTITIES[name] = String.fromCharCode(0xa0 + index);
});

/** Entities that browsers also read without their semicolon (the common legacy ones). */
const LEGACY_WITHOUT_SEMICOLON = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg']);

// Numeric references 0x80–0x9F name Windows-1252 characters (Word's curly quotes, €, …).
const WINDOWS_1252: { readonly [code: number]: number } = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6,
  0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c,
  0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a,
  0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

// ---------------------------------------------------------------- the decoder

function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  if (code >= 0x80 && code <= 0x9f) return String.fromCodePoint(WINDOWS_1252[code] ?? 0xfffd);
  return String.fromCodePoint(code);
}

const ENTITY = /&(?:#([xX])([0-9a-fA-F]{1,8})|#([0-9]{1,10})|([A-Za-z][A-Za-z0-9]{1,31}))(;?)/g;

/** The names XML predefines; an XML document knows no other (without a DTD). */
const XML_NAMES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * How references are read:
 * - `'html'`, as a browser: every name of the table, legacy names without `;` ("&amp",
 *   "&copy2024"), numeric references 0x80–0x9F as Windows-1252 (Word's `&#146;` → ’), and
 *   U+FFFD for NUL, surrogates and code points beyond Unicode;
 * - `'xml'`, as an XML parser: only the five predefined names, `;` required, every numeric
 *   reference as its code point (U+FFFD beyond Unicode).
 */
export type EntitySyntax = 'html' | 'xml';

function fromXmlCodePoint(code: number): string {
  return code > 0x10ffff ? '\ufffd' : String.fromCodePoint(code);
}

/**
 * Decodes character references in one pass: `&eacute;` → é, `&#233;`, `&#xE9;` → é,
 * `&amp;lt;` → `&lt;`. Unknown names stay as written ("R&D", "&foo;"). See `EntitySyntax`
 * for the two ways of reading (HTML, the default, or XML).
 */
export function decodeEntities(text: string, syntax: EntitySyntax = 'html'): string {
  if (text.indexOf('&') < 0) return text;
  const xml = syntax === 'xml';
  return text.replace(ENTITY, (whole, x: string | undefined, hex: string | undefined, dec: string | undefined, name: string | undefined, semi: string) => {
    if (xml && semi !== ';') return whole;
    if (hex !== undefined && x !== undefined) {
      const code = parseInt(hex, 16);
      return xml ? fromXmlCodePoint(code) : fromCodePoint(code);
    }
    if (dec !== undefined) return xml ? fromXmlCodePoint(Number(dec)) : fromCodePoint(Number(dec));
    if (name !== undefined) {
      if (xml) return XML_NAMES.has(name) ? NAMED_ENTITIES[name] : whole;
      if (semi === ';' && Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, name)) return NAMED_ENTITIES[name];
      // "&amp" or "&copy2024": browsers read the longest legacy name and keep the rest.
      for (const legacy of LEGACY_WITHOUT_SEMICOLON) {
        if (name.startsWith(legacy)) return NAMED_ENTITIES[legacy] + name.slice(legacy.length) + semi;
      }
    }
    return whole;
  });
}

// ---------------------------------------------------------------- escapers

const REFERENCE_OF: { readonly [c: string]: string } = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};
const reference = (c: string): string => REFERENCE_OF[c];

/** Text for an element's content (HTML or XML): `&`, `<`, `>` encoded. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, reference);
}

/** Text for a double-quoted attribute value (HTML or XML): `&`, `<`, `>`, `"` encoded. */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"]/g, reference);
}

/**
 * Characters XML 1.0 forbids (https://www.w3.org/TR/xml/#charsets): C0 controls but tab, LF
 * and CR; U+FFFE and U+FFFF; lone surrogates (a pair is one character, U+10000 and above).
 * No escape can write them (`&#1;` is not well-formed either): they are left out.
 */
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text without the characters XML 1.0 forbids (see XML_FORBIDDEN). */
export function withoutXmlForbidden(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

/**
 * Text for XML content or attributes quoted either way: `escapeAttribute`, `'` as `&apos;`,
 * and the characters XML 1.0 forbids left out, so that the document stays well-formed.
 */
export function escapeXml(text: string): string {
  return escapeAttribute(withoutXmlForbidden(text)).replace(/'/g, '&apos;');
}

/**
 * Text for HTML content or attributes quoted either way (the mails): `escapeAttribute`, and
 * `'` as `&#39;`, which every mail reader knows (HTML 4 has no `&apos;`).
 */
export function escapeHtmlStrict(text: string): string {
  return escapeAttribute(text).replace(/'/g, '&#39;');
}
