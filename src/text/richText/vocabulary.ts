/**
 * What the rich-text sanitizer keeps, renames, skips and drops, by element name (see
 * sanitize.ts for how each set is used).
 */

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

export const ALLOWED = new Set<string>(ALLOWED_ELEMENTS);

/** Not allowed, but block-level: shown as a `div` (their text stays apart from the next block). */
export const BLOCK_AS_DIV = new Set([
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
export const RENAMED: { readonly [name: string]: string } = { tfoot: 'tbody' };

/** Their content is not markup: skipped up to the matching end tag, never shown. */
export const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'textarea', 'title']);

/** Dropped with everything inside them (embedded documents, foreign markup, form widgets). */
export const DROPPED_WITH_CONTENT = new Set([
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
export const VOID = new Set([
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

export const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4']);
export const BLOCKS_CLOSING_P = new Set(['p', 'div', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4']);

/** Deeper nesting than this is flattened (protects the page from pathological input). */
export const MAX_DEPTH = 64;
