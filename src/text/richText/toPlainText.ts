/** The text of a rich-text value, as a plain multi-line editor shows it. */
import { decodeEntities } from '../htmlEntities';
import { looksLikeHtml, sanitizeHtml } from './sanitize';
import { tokenize } from './tokenizer';

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
  let lineHasText = false;
  const listKinds: ('ul' | 'ol')[] = [];
  const counters: number[] = [];
  const breakLine = (): void => {
    const trimmed = line.replace(/[ \t\n\f\r]+/g, ' ').trim();
    if (trimmed !== '') lines.push(trimmed);
    line = '';
    lineHasText = false;
  };
  for (const token of tokenize(sanitizeHtml(html))) {
    if (token.kind === 'text') {
      line += token.text;
      if (!lineHasText && /\S/.test(token.text)) lineHasText = true;
    } else if (token.kind === 'start') {
      if (token.name === 'br') {
        breakLine();
      } else if (token.name === 'td' || token.name === 'th') {
        // A flag, not `line.trim()`: a row of 100,000 cells would be read again per cell.
        if (lineHasText) line += ' | ';
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
          lineHasText = true;
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
