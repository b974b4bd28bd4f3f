/**
 * Pieces of text gathered into lines by position on a page: rows by baseline, pieces
 * of a row joined (a space where there is a gap, a tab where the gap is a table's
 * column gap), leading spaces for the indentation
 * and a blank line before a larger vertical gap: larger than 1.75 line heights, or than
 * 1.25 times the line pitch inside the page's paragraphs (paragraph spacing instead
 * of empty lines).
 */
import type { TextPiece } from './content';

/** A horizontal gap wider than this many font sizes separates two cells of a table row. */
const COLUMN_GAP = 2;

export function piecesToLines(pieces: TextPiece[]): { text: string; gapBefore: boolean }[] {
  if (pieces.length === 0) return [];
  const sorted = pieces.slice().sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: TextPiece[][] = [];
  for (const piece of sorted) {
    const row = rows.length > 0 ? rows[rows.length - 1] : null;
    if (row && Math.abs(row[0].y - piece.y) <= Math.max(1.5, Math.min(row[0].size, piece.size) * 0.45)) row.push(piece);
    else rows.push([piece]);
  }
  const left = pieces.reduce((min, p) => Math.min(min, p.x), Infinity);
  const pitch = usualLinePitch(rows);
  const out: { text: string; gapBefore: boolean }[] = [];
  let previousY: number | null = null;
  let previousSize = 12;
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let text = '';
    let lastEnd: number | null = null;
    for (const piece of row) {
      // A gap of several characters is a column of a table: a tab, as a copy of the table gives.
      if (lastEnd !== null && piece.x - lastEnd > piece.size * COLUMN_GAP && text.trim() !== '') text = text.replace(/\s+$/, '') + '\t';
      else if (lastEnd !== null && piece.x - lastEnd > piece.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(piece.text)) text += ' ';
      text += piece.text;
      lastEnd = piece.endX;
    }
    const size = Math.max(...row.map((p) => p.size));
    const indent = Math.max(0, Math.min(16, Math.round((row[0].x - left) / (size * 0.5))));
    // A paragraph break: a gap well above the line height, or above the page's usual
    // line pitch (Word's "space after" instead of empty paragraphs).
    const distance = previousY !== null ? previousY - row[0].y : 0;
    const gap = previousY !== null && (distance > Math.max(size, previousSize) * 1.75 || (pitch !== null && distance > pitch * 1.25 && distance > Math.max(size, previousSize) * 1.15));
    out.push({ text: ' '.repeat(indent) + text.replace(/\s+$/, ''), gapBefore: gap });
    previousY = row[0].y;
    previousSize = size;
  }
  return out;
}

/**
 * The distance between the lines of a wrapped paragraph: the smallest distance between
 * consecutive baselines (0.5 pt steps) met at least twice, not below 0.8 line heights.
 * Null when no distance repeats (then only the line height decides).
 */
function usualLinePitch(rows: readonly TextPiece[][]): number | null {
  const counts = new Map<number, number>();
  for (let k = 1; k < rows.length; k++) {
    const distance = Math.round((rows[k - 1][0].y - rows[k][0].y) * 2) / 2;
    if (distance >= rows[k][0].size * 0.8 && distance <= rows[k][0].size * 2.5) counts.set(distance, (counts.get(distance) || 0) + 1);
  }
  let best: number | null = null;
  counts.forEach((count, distance) => {
    if (count >= 2 && (best === null || distance < best)) best = distance;
  });
  return best;
}
