/** Plain text (an import, a multi-line editor) to the rich-text HTML subset. */
import { decodeEntities, escapeHtml } from '../htmlEntities';

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
