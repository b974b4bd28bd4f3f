/**
 * Plain text and markdown: the bytes decoded (UTF-8 with or without BOM, UTF-16 with a
 * BOM, otherwise Windows-1252, which is what older Belgian Windows machines save).
 * Markdown needs no reader of its own: the outline parser strips its markup.
 */
import { linesOfText, SourceLine } from '../lines/sourceLines';

export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function readTextLines(bytes: Uint8Array): SourceLine[] {
  return linesOfText(decodeText(bytes));
}
