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
 * Files: vocabulary.ts (the element sets), tokenizer.ts, links.ts, sanitize.ts,
 * fromPlainText.ts, toPlainText.ts; entities are read and written by ../htmlEntities.ts.
 *
 * Pure string processing, no DOM: it runs the same in Node (tests, jobs) and browsers.
 * Safety does not rely on parsing exactly like a browser: the output is produced only from
 * allowlisted tag names, validated attribute values and encoded text.
 */
export { decodeEntities, escapeHtml } from '../htmlEntities';
export { safeLinkTarget } from './links';
export { looksLikeHtml, sanitizeRichText } from './sanitize';
export { plainTextToHtml } from './fromPlainText';
export { isRichTextEmpty, richTextToPlainText } from './toPlainText';
