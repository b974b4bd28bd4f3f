/**
 * Rich text of the action sheets (description, context, steps), made safe to show.
 *
 * SharePoint rich-text columns hold HTML written by the SharePoint editor, pasted from
 * Word, or imported from a document; an import may also leave plain text with line
 * breaks and `•` bullets. `sanitizeRichText` turns either into a small, safe HTML
 * subset that the panel can give to `dangerouslySetInnerHTML`:
 *
 * - only the allowlisted elements are kept (p, br, b, strong, i, em, u, ul, ol, li, a,
 *   span, div, h1–h4, table, thead, tbody, tr, th, td); other elements are dropped but
 *   their text is kept (block-level ones become `div` so that words do not run together);
 * - elements whose content is code or embedded content (script, style, iframe, object,
 *   svg, math, template…) are dropped with their content; comments and doctypes too;
 * - no attribute survives except `href` on links (http, https and mailto only, and then
 *   with `rel="noopener noreferrer" target="_blank"`) and colspan/rowspan on cells;
 * - entities are decoded, and the text is encoded again on output, so the output is
 *   exactly what the reader sees, whatever tricks the input used.
 *
 * Pure string processing, no DOM: it runs the same in Node (tests, jobs) and browsers.
 * Safety does not rely on parsing exactly like a browser: the output is produced only from
 * allowlisted tag names, validated attribute values and encoded text.
 */

// ---------------------------------------------------------------- vocabularies

const ALLOWED_ELEMENTS = [
  'p',
  'br',
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ul',
  'ol',
  'li',
  'a',
  'span',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
] as const;

const ALLOWED = new Set<string>(ALLOWED_ELEMENTS);

/** Not allowed, but block-level: shown as a `div` (their text stays apart from the next block). */
const BLOCK_AS_DIV = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h5',
  'h6',
  'header',
  'hgroup',
  'legend',
  'main',
  'nav',
  'pre',
  'section',
  'summary',
]);

/** Other names mapped onto an allowed element. */
const RENAMED: { readonly [name: string]: string } = { tfoot: 'tbody' };

/** Their content is not markup: skipped up to the matching end tag, never shown. */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'textarea', 'title']);

/** Dropped with everything inside them (embedded documents, foreign markup, form widgets). */
const DROPPED_WITH_CONTENT = new Set([
  'applet',
  'audio',
  'canvas',
  'datalist',
  'frameset',
  'head',
  'map',
  'math',
  'object',
  'picture',
  'select',
  'svg',
  'template',
  'video',
]);

/** Void elements never have an end tag nor content. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4']);
const BLOCKS_CLOSING_P = new Set(['p', 'div', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4']);

/** Deeper nesting than this is flattened (protects the page from pathological input). */
const MAX_DEPTH = 64;

const SAFE_SCHEMES = ['http', 'https', 'mailto'];

// ---------------------------------------------------------------- entities

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

function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  if (code >= 0x80 && code <= 0x9f) return String.fromCodePoint(WINDOWS_1252[code] ?? 0xfffd);
  return String.fromCodePoint(code);
}

const ENTITY = /&(?:#([xX])([0-9a-fA-F]{1,8})|#([0-9]{1,10})|([A-Za-z][A-Za-z0-9]{1,31}))(;?)/g;

/**
 * Decodes character references the way a browser reads them: `&eacute;` → é, `&#233;`,
 * `&#xE9;` → é, `&#146;` → ’ (Windows-1252), `&amp` → & (legacy, without `;`).
 * Unknown names stay as written ("R&D", "&foo;").
 */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY, (whole, x: string | undefined, hex: string | undefined, dec: string | undefined, name: string | undefined, semi: string) => {
    if (hex !== undefined && x !== undefined) return fromCodePoint(parseInt(hex, 16));
    if (dec !== undefined) return fromCodePoint(Number(dec));
    if (name !== undefined) {
      if (semi === ';' && Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, name)) return NAMED_ENTITIES[name];
      // "&amp" or "&copy2024": browsers read the longest legacy name and keep the rest.
      for (const legacy of LEGACY_WITHOUT_SEMICOLON) {
        if (name.startsWith(legacy)) return NAMED_ENTITIES[legacy] + name.slice(legacy.length) + semi;
      }
    }
    return whole;
  });
}

/** Text for an element's content: `&`, `<`, `>` encoded. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

// ---------------------------------------------------------------- tokenizer

interface TextToken {
  readonly kind: 'text';
  /** Decoded. */
  readonly text: string;
}

interface StartToken {
  readonly kind: 'start';
  readonly name: string;
  /** Lower-case names, decoded values; the first of duplicate attributes wins. */
  readonly attributes: ReadonlyMap<string, string>;
  readonly selfClosing: boolean;
}

interface EndToken {
  readonly kind: 'end';
  readonly name: string;
}

type Token = TextToken | StartToken | EndToken;

const isLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);
const isSpace = (c: string | undefined): boolean => c !== undefined && /[\t\n\f\r ]/.test(c);

/**
 * Splits HTML into text, start and end tags. Comments, doctypes, processing instructions
 * and the content of raw-text elements (script, style…) never become tokens; a tag cut
 * off by the end of the input is dropped, as browsers do.
 */
function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  const input = html.split('\u0000').join('');
  const length = input.length;
  let i = 0;
  let text = '';
  const flushText = (): void => {
    if (text !== '') tokens.push({ kind: 'text', text: decodeEntities(text) });
    text = '';
  };

  while (i < length) {
    const lt = input.indexOf('<', i);
    if (lt < 0) {
      text += input.slice(i);
      break;
    }
    text += input.slice(i, lt);
    i = lt;
    const next = input[i + 1];

    if (input.startsWith('<!--', i)) {
      flushText();
      // "<!-->" and "<!--->" are (empty) comments too.
      const bodyStart = i + 4;
      if (input.startsWith('>', bodyStart)) i = bodyStart + 1;
      else if (input.startsWith('->', bodyStart)) i = bodyStart + 2;
      else {
        const end = input.indexOf('-->', bodyStart);
        const bang = input.indexOf('--!>', bodyStart);
        const close = end < 0 ? bang : bang < 0 ? end : Math.min(end, bang);
        i = close < 0 ? length : close + (close === bang ? 4 : 3);
      }
      continue;
    }
    if (next === '!' || next === '?' || (next === '/' && !isLetter(input[i + 2]) && input[i + 2] !== undefined)) {
      // Doctype, CDATA, processing instruction or "</ 3>": a bogus comment up to ">".
      flushText();
      const close = input.indexOf('>', i + 2);
      i = close < 0 ? length : close + 1;
      continue;
    }
    if (next === '/' && isLetter(input[i + 2])) {
      flushText();
      const nameMatch = /^[^\t\n\f\r />]+/.exec(input.slice(i + 2));
      const name = (nameMatch ? nameMatch[0] : '').toLowerCase();
      const close = findTagEnd(input, i + 2 + name.length);
      if (close < 0) {
        i = length;
        break;
      }
      tokens.push({ kind: 'end', name });
      i = close + 1;
      continue;
    }
    if (!isLetter(next)) {
      text += '<';
      i += 1;
      continue;
    }

    // Start tag.
    flushText();
    const parsed = parseStartTag(input, i);
    if (parsed === null) {
      i = length;
      break;
    }
    tokens.push(parsed.token);
    i = parsed.end;
    if (RAW_TEXT.has(parsed.token.name) && !parsed.token.selfClosing) {
      // Skip to the matching end tag; the content is never markup nor text to show.
      const closing = new RegExp(`</${parsed.token.name}(?=[\\t\\n\\f\\r />])`, 'ig');
      closing.lastIndex = i;
      const found = closing.exec(input);
      i = found ? found.index : length;
    } else if (parsed.token.name === 'plaintext') {
      i = length;
    }
  }
  flushText();
  return tokens;
}

/** Index of the ">" that ends a tag whose attributes start at `from`, quotes respected; -1 at EOF. */
function findTagEnd(input: string, from: number): number {
  let quote: string | null = null;
  for (let j = from; j < input.length; j++) {
    const c = input[j];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      // Only a quote right after "=" opens a quoted value.
      let k = j - 1;
      while (k >= from && isSpace(input[k])) k--;
      if (input[k] === '=') quote = c;
    } else if (c === '>') {
      return j;
    }
  }
  return -1;
}

function parseStartTag(input: string, start: number): { token: StartToken; end: number } | null {
  const length = input.length;
  let j = start + 1;
  let name = '';
  while (j < length && !isSpace(input[j]) && input[j] !== '/' && input[j] !== '>') name += input[j++];
  const attributes = new Map<string, string>();
  let selfClosing = false;
  for (;;) {
    while (j < length && (isSpace(input[j]) || input[j] === '/')) {
      selfClosing = input[j] === '/';
      j++;
    }
    if (j >= length) return null;
    if (input[j] === '>') {
      j++;
      break;
    }
    selfClosing = false;
    // Attribute name: a leading "=" belongs to the name, as in browsers.
    let attrName = input[j++];
    while (j < length && !isSpace(input[j]) && input[j] !== '/' && input[j] !== '>' && input[j] !== '=') attrName += input[j++];
    let k = j;
    while (k < length && isSpace(input[k])) k++;
    let value = '';
    if (input[k] === '=') {
      k++;
      while (k < length && isSpace(input[k])) k++;
      const quote = input[k];
      if (quote === '"' || quote === "'") {
        const close = input.indexOf(quote, k + 1);
        if (close < 0) return null;
        value = input.slice(k + 1, close);
        j = close + 1;
      } else {
        let end = k;
        while (end < length && !isSpace(input[end]) && input[end] !== '>') end++;
        value = input.slice(k, end);
        j = end;
      }
    }
    const key = attrName.toLowerCase();
    if (!attributes.has(key)) attributes.set(key, decodeEntities(value));
  }
  return { token: { kind: 'start', name: name.toLowerCase(), attributes, selfClosing }, end: j };
}

// ---------------------------------------------------------------- links

/**
 * The link target to keep, or null: only absolute http, https and mailto URLs (checked
 * after decoding, and after removing what browsers ignore: tabs and newlines anywhere,
 * control characters and spaces around).
 */
export function safeLinkTarget(href: string | null | undefined): string | null {
  return href == null ? null : checkLinkTarget(decodeEntities(href));
}

/** `safeLinkTarget` of an already decoded value (attribute values are decoded by the tokenizer). */
function checkLinkTarget(decoded: string): string | null {
  // eslint-disable-next-line no-control-regex
  const cleaned = decoded.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(cleaned);
  if (!scheme || SAFE_SCHEMES.indexOf(scheme[1].toLowerCase()) < 0) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(cleaned)) return null;
  if (scheme[1].toLowerCase() !== 'mailto' && !/^[A-Za-z]+:\/\/[^/\s]/.test(cleaned)) return null;
  return cleaned;
}

// ---------------------------------------------------------------- sanitizer

interface OpenElement {
  /** The name in the input. */
  readonly source: string;
  /** The element written for it, or null when only its content is kept. */
  readonly output: string | null;
}

function cellSpan(value: string | undefined): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  return /^[1-9][0-9]{0,2}$/.test(trimmed) ? trimmed : null;
}

function sanitizeHtml(html: string): string {
  const out: string[] = [];
  const open: OpenElement[] = [];
  /** Names of the dropped-with-content elements we are inside of. */
  const dropped: string[] = [];

  const closeTo = (index: number): void => {
    while (open.length > index) {
      const element = open.pop() as OpenElement;
      if (element.output) out.push(`</${element.output}>`);
    }
  };
  /** Index in `open` of the nearest element written as one of `names`, not beyond a boundary; -1 if none. */
  const findOutput = (names: readonly string[], boundaries: readonly string[]): number => {
    for (let k = open.length - 1; k >= 0; k--) {
      const output = open[k].output;
      if (output !== null && names.indexOf(output) >= 0) return k;
      if (output !== null && boundaries.indexOf(output) >= 0) return -1;
    }
    return -1;
  };
  /** Index in `open` of the nearest element named `name` in the input, or -1. */
  const findSource = (name: string): number => {
    for (let k = open.length - 1; k >= 0; k--) if (open[k].source === name) return k;
    return -1;
  };

  for (const token of tokenize(html)) {
    if (dropped.length > 0) {
      if (token.kind === 'start' && DROPPED_WITH_CONTENT.has(token.name) && !token.selfClosing) dropped.push(token.name);
      if (token.kind === 'end') {
        const at = dropped.lastIndexOf(token.name);
        if (at >= 0) dropped.length = at;
      }
      continue;
    }

    if (token.kind === 'text') {
      out.push(escapeHtml(token.text));
      continue;
    }

    if (token.kind === 'end') {
      if (token.name === 'br') {
        out.push('<br>');
        continue;
      }
      const at = findSource(token.name);
      if (at >= 0) closeTo(at);
      continue;
    }

    // Start tag.
    const name = token.name;
    if (DROPPED_WITH_CONTENT.has(name)) {
      if (!token.selfClosing && !VOID.has(name)) dropped.push(name);
      continue;
    }
    if (RAW_TEXT.has(name) || name === 'plaintext') continue;

    let output: string | null = ALLOWED.has(name) ? name : BLOCK_AS_DIV.has(name) ? 'div' : RENAMED[name] ?? null;
    if (output === 'br') {
      out.push('<br>');
      continue;
    }
    if (VOID.has(name)) continue;

    // Implied end tags, as in browsers, so that the output nests properly.
    if (output === 'li') {
      const li = findOutput(['li'], ['ul', 'ol']);
      if (li >= 0) closeTo(li);
    } else if (output === 'tr') {
      const tr = findOutput(['tr'], ['table']);
      if (tr >= 0) closeTo(tr);
    } else if (output === 'td' || output === 'th') {
      const cell = findOutput(['td', 'th'], ['tr', 'table']);
      if (cell >= 0) closeTo(cell);
    } else if (output === 'thead' || output === 'tbody') {
      const section = findOutput(['thead', 'tbody'], ['table']);
      if (section >= 0) closeTo(section);
    }
    if (output !== null && BLOCKS_CLOSING_P.has(output) && open.length > 0) {
      const top = open[open.length - 1];
      if (top.output === 'p' || (HEADINGS.has(output) && top.output !== null && HEADINGS.has(top.output))) closeTo(open.length - 1);
    }

    let attributes = '';
    if (output === 'a') {
      const href = token.attributes.get('href');
      const target = href === undefined ? null : checkLinkTarget(href);
      if (target === null) output = null;
      else attributes = ` href="${escapeAttribute(target)}" rel="noopener noreferrer" target="_blank"`;
    } else if (output === 'td' || output === 'th') {
      const colspan = cellSpan(token.attributes.get('colspan'));
      const rowspan = cellSpan(token.attributes.get('rowspan'));
      if (colspan) attributes += ` colspan="${colspan}"`;
      if (rowspan) attributes += ` rowspan="${rowspan}"`;
    }
    if (open.length >= MAX_DEPTH) output = null;

    if (output === null) {
      // Unknown inline element: only its content is kept. Remember it when it has an end
      // tag, so that its end tag closes what was opened inside it.
      if (!token.selfClosing) open.push({ source: name, output: null });
      continue;
    }
    out.push(`<${output}${attributes}>`);
    if (token.selfClosing) out.push(`</${output}>`);
    else open.push({ source: name, output });
  }
  closeTo(0);
  return out.join('');
}

// ---------------------------------------------------------------- plain text

const TAG_OR_COMMENT = /<\/?[A-Za-z][^<>]*>|<!--/;

/** Whether a value holds markup (tags or comments); otherwise it is plain text. */
export function looksLikeHtml(value: string): boolean {
  return TAG_OR_COMMENT.test(value);
}

const BULLET_LINE = /^\s*[•·◦▪▫●○■□‣⁃∙*\-–—]\s+(.*\S)\s*$/;
const NUMBERED_LINE = /^\s*\d{1,3}[.)]\s+(.*\S)\s*$/;

/**
 * Plain text to the same HTML subset: every non-empty line is a paragraph, lines starting
 * with a bullet (•, -, *, –…) make a bulleted list, lines starting with "1." or "1)" a
 * numbered list. The text is escaped; entities written in it are read first ("&eacute;").
 */
export function plainTextToHtml(text: string | null | undefined): string {
  if (text == null) return '';
  const lines = decodeEntities(text.split('\u0000').join('')).replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let list: 'ul' | 'ol' | null = null;
  const closeList = (): void => {
    if (list) out.push(`</${list}>`);
    list = null;
  };
  for (const line of lines) {
    const bullet = BULLET_LINE.exec(line);
    const numbered = bullet ? null : NUMBERED_LINE.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      const kind = bullet ? 'ul' : 'ol';
      if (list !== kind) {
        closeList();
        out.push(`<${kind}>`);
        list = kind;
      }
      out.push(`<li>${escapeHtml(item[1])}</li>`);
      continue;
    }
    closeList();
    const trimmed = line.trim();
    if (trimmed !== '') out.push(`<p>${escapeHtml(trimmed)}</p>`);
  }
  closeList();
  return out.join('');
}

/**
 * Makes a rich-text value safe to render: HTML is reduced to the allowlist, plain text is
 * turned into paragraphs and lists. null/undefined/empty → "".
 */
export function sanitizeRichText(html: string | null | undefined): string {
  if (html == null || html.trim() === '') return '';
  return looksLikeHtml(html) ? sanitizeHtml(html) : plainTextToHtml(html);
}

const BLOCK_BOUNDARY = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'ul', 'ol', 'table', 'thead', 'tbody', 'tr', 'li']);

/**
 * The text of a rich-text value, one block per line, list items as "• …": what a plain
 * multi-line editor shows, and what `plainTextToHtml` turns back into the same blocks.
 */
export function richTextToPlainText(html: string | null | undefined): string {
  if (html == null) return '';
  if (!looksLikeHtml(html)) {
    return decodeEntities(html)
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join('\n');
  }
  const lines: string[] = [];
  let line = '';
  const listKinds: ('ul' | 'ol')[] = [];
  const counters: number[] = [];
  const breakLine = (): void => {
    const trimmed = line.replace(/[ \t\n\f\r]+/g, ' ').trim();
    if (trimmed !== '') lines.push(trimmed);
    line = '';
  };
  for (const token of tokenize(sanitizeHtml(html))) {
    if (token.kind === 'text') {
      line += token.text;
    } else if (token.kind === 'start') {
      if (token.name === 'br') {
        breakLine();
      } else if (token.name === 'td' || token.name === 'th') {
        if (line.trim() !== '') line += ' | ';
      } else if (BLOCK_BOUNDARY.has(token.name)) {
        breakLine();
        if (token.name === 'ul' || token.name === 'ol') {
          listKinds.push(token.name);
          counters.push(0);
        } else if (token.name === 'li') {
          const depth = listKinds.length - 1;
          if (depth >= 0 && listKinds[depth] === 'ol') {
            counters[depth] += 1;
            line = `${counters[depth]}. `;
          } else {
            line = '• ';
          }
        }
      }
    } else if (BLOCK_BOUNDARY.has(token.name)) {
      breakLine();
      if (token.name === 'ul' || token.name === 'ol') {
        listKinds.pop();
        counters.pop();
      }
    }
  }
  breakLine();
  // A bare bullet ("• ") left by an empty item is not content.
  return lines.filter((l) => !/^(•|\d+\.)$/.test(l)).join('\n');
}

/** True when a rich-text value shows nothing ("<div><br></div>", "<p>&nbsp;</p>", blanks). */
export function isRichTextEmpty(html: string | null | undefined): boolean {
  return richTextToPlainText(html).replace(/\u00a0/g, ' ').trim() === '';
}
