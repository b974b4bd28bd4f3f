/**
 * Text of a PDF, read without a PDF library: objects (also inside object streams),
 * Flate/LZW/ASCII85/ASCIIHex streams, fonts with ToUnicode maps or simple encodings
 * (WinAnsi, MacRoman, Differences), content streams interpreted just enough to place
 * each piece of text (text and transformation matrices, form XObjects), then pieces
 * gathered into lines by position on each page. Blank lines mark larger vertical gaps
 * and leading spaces the indentation, as a text extraction tool would print them.
 *
 * Encrypted PDFs that open without a password (an owner password only: printable, not
 * editable) are decrypted (RC4, AES-128, AES-256); those that need a user password are
 * refused. A scanned PDF gives no text and the caller says so.
 */
import { ImportError } from '../../errors';
import type { SourceLine } from '../../lines/sourceLines';
import { interpret, TextPiece } from './content';
import { PdfDocument } from './document';
import { piecesToLines } from './lines';
import { PdfRef, PdfValue } from './objects';

export function readPdfLines(bytes: Uint8Array): SourceLine[] {
  let doc: PdfDocument;
  try {
    doc = new PdfDocument(bytes);
  } catch {
    throw new ImportError('unreadable', 'Ce PDF est abîmé : sa structure ne peut pas être lue. Exportez-le à nouveau depuis Word.');
  }
  // An owner password alone ("printable, not editable") opens without asking: only a user password stops here.
  if (doc.needsPassword) {
    throw new ImportError('encrypted', 'Ce PDF est protégé par un mot de passe d’ouverture (chiffré) : son texte ne peut pas être lu. Importez le document Word d’origine (.docx) ou un PDF sans mot de passe.');
  }
  const lines: SourceLine[] = [];
  const pages = doc.pages();
  pages.forEach((page, index) => {
    const pieces: TextPiece[] = [];
    const contents = page.get('Contents');
    const refs = Array.isArray(doc.resolve(contents)) && !(contents instanceof PdfRef && doc.streamOf(contents)) ? (doc.resolve(contents) as PdfValue[]) : [contents as PdfValue];
    const streams = refs.map((ref) => doc.streamOf(ref)).filter((s): s is Uint8Array => s !== null && s.length > 0);
    const total = streams.reduce((n, s) => n + s.length + 1, 0);
    const content = new Uint8Array(total);
    let offset = 0;
    for (const s of streams) {
      content.set(s, offset);
      content[offset + s.length] = 10;
      offset += s.length + 1;
    }
    try {
      interpret(doc, content, doc.dict(page.get('Resources')), [1, 0, 0, 1, 0, 0], pieces, 0);
    } catch {
      // A damaged page: keep what the others give.
    }
    for (const row of piecesToLines(pieces)) {
      if (row.gapBefore) lines.push({ text: '', line: lines.length + 1, page: index + 1 });
      lines.push({ text: row.text, line: lines.length + 1, page: index + 1 });
    }
    lines.push({ text: '', line: lines.length + 1, page: index + 1 });
  });
  return lines;
}
