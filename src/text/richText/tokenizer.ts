/**
 * The HTML tokenizer of the rich-text sanitizer: text (entities decoded), start tags with
 * their attributes, end tags. Not a full HTML parser, but it reads tags, quotes, comments
 * and raw-text elements the way browsers do, so that nothing hides from the sanitizer.
 */
import { decodeEntities } from '../htmlEntities';
import { RAW_TEXT } from './vocabulary';

export interface TextToken {
  readonly kind: 'text';
  /** Decoded. */
  readonly text: string;
}

export interface StartToken {
  readonly kind: 'start';
  readonly name: string;
  /** Lower-case names, decoded values; the first of duplicate attributes wins. */
  readonly attributes: ReadonlyMap<string, string>;
  readonly selfClosing: boolean;
}

export interface EndToken {
  readonly kind: 'end';
  readonly name: string;
}

export type Token = TextToken | StartToken | EndToken;

/** Sticky: read in place, never on a copy of the rest of the input. */
const END_TAG_NAME = /[^\t\n\f\r />]+/y;

const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

const isLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);
const isSpace = (c: string | undefined): boolean => c !== undefined && /[\t\n\f\r ]/.test(c);

/**
 * Splits HTML into text, start and end tags. Comments, doctypes, processing instructions
 * and the content of raw-text elements (script, style…) never become tokens; a tag cut
 * off by the end of the input is dropped, as browsers do.
 */
export function tokenize(html: string): Token[] {
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
      END_TAG_NAME.lastIndex = i + 2;
      const nameMatch = END_TAG_NAME.exec(input);
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
  // Most tags have no attribute: they share one empty map (fewer objects for the collector).
  let attributes: Map<string, string> | null = null;
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
    if (!attributes) attributes = new Map<string, string>();
    if (!attributes.has(key)) attributes.set(key, decodeEntities(value));
  }
  return { token: { kind: 'start', name: name.toLowerCase(), attributes: attributes ?? NO_ATTRIBUTES, selfClosing }, end: j };
}
