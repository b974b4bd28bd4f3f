/**
 * Pieces of text gathered into lines by position on a page: rows by baseline, pieces
 * of a row joined (a space where there is a gap), leading spaces for the indentation
 * and a blank line before a larger vertical gap.
 */
import type { TextPiece } from './content';

export function piecesToLines(pieces: TextPiece[]): { text: string; gapBefore: boolean }[] {
  if (pieces.length === 0) return [];
  const sorted = pieces.slice().sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: TextPiece[][] = [];
  for (const piece of sorted) {
    const row = rows.length > 0 ? rows[rows.length - 1] : null;
    if (row && Math.abs(row[0].y - piece.y) <= Math.max(1.5, Math.min(row[0].size, piece.size) * 0.45)) row.push(piece);
    else rows.push([piece]);
  }
  const left = Math.min(...pieces.map((p) => p.x));
  const out: { text: string; gapBefore: boolean }[] = [];
  let previousY: number | null = null;
  let previousSize = 12;
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let text = '';
    let lastEnd: number | null = null;
    for (const piece of row) {
      if (lastEnd !== null && piece.x - lastEnd > piece.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(piece.text)) text += ' ';
      text += piece.text;
      lastEnd = piece.endX;
    }
    const size = Math.max(...row.map((p) => p.size));
    const indent = Math.max(0, Math.min(16, Math.round((row[0].x - left) / (size * 0.5))));
    const gap = previousY !== null && previousY - row[0].y > Math.max(size, previousSize) * 1.75;
    out.push({ text: ' '.repeat(indent) + text.replace(/\s+$/, ''), gapBefore: gap });
    previousY = row[0].y;
    previousSize = size;
  }
  return out;
}
