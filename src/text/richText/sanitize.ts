/**
 * The rich-text sanitizer (see index.ts for what it keeps): HTML reduced to the allowlist of
 * vocabulary.ts, plain text turned into paragraphs and lists.
 */
import { escapeAttribute, escapeHtml } from '../htmlEntities';
import { plainTextToHtml } from './fromPlainText';
import { checkLinkTarget } from './links';
import { tokenize } from './tokenizer';
import { ALLOWED, BLOCK_AS_DIV, BLOCKS_CLOSING_P, DROPPED_WITH_CONTENT, HEADINGS, MAX_DEPTH, RAW_TEXT, RENAMED, VOID } from './vocabulary';

/**
 * At most this many elements are remembered as open (written or content-only), and as many
 * dropped ones: every end tag and implied end tag searches these stacks, so bounding them
 * keeps the sanitizer linear whatever the input (100,000 unclosed `<x>` then 100,000 `</y>`
 * made it quadratic: 86 s for 1 MB). Beyond it, start tags keep only their content and
 * their end tags close the nearest open element of that name, if any.
 */
const MAX_OPEN = 4 * MAX_DEPTH;

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

export function sanitizeHtml(html: string): string {
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
      if (token.kind === 'start' && DROPPED_WITH_CONTENT.has(token.name) && !token.selfClosing && dropped.length < MAX_OPEN) dropped.push(token.name);
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
      if (!token.selfClosing && open.length < MAX_OPEN) open.push({ source: name, output: null });
      continue;
    }
    out.push(`<${output}${attributes}>`);
    if (token.selfClosing) out.push(`</${output}>`);
    else open.push({ source: name, output });
  }
  closeTo(0);
  return out.join('');
}

const TAG_OR_COMMENT = /<\/?[A-Za-z][^<>]*>|<!--/;

/** Whether a value holds markup (tags or comments); otherwise it is plain text. */
export function looksLikeHtml(value: string): boolean {
  return TAG_OR_COMMENT.test(value);
}

/**
 * Makes a rich-text value safe to render: HTML is reduced to the allowlist, plain text is
 * turned into paragraphs and lists. null/undefined/empty → "".
 */
export function sanitizeRichText(html: string | null | undefined): string {
  if (html == null || html.trim() === '') return '';
  return looksLikeHtml(html) ? sanitizeHtml(html) : plainTextToHtml(html);
}
