/**
 * Which reader for which file: the content decides (a PDF renamed .txt is still a PDF),
 * the extension only tells text formats apart. Bad input is refused here with a French
 * message before anything is parsed: empty file, too large, an image, an old binary
 * Office file, an unknown format. No Node module: the browser's import view uses it too.
 */
import { ImportError } from '../errors';
import { readCsvRows, readXlsxRows } from '../spreadsheet/readRows';
import type { SourceLine } from '../lines/sourceLines';
import { baseName, extensionOf, formatMegabytes } from '../../text/normalize';
import { readDocxLines } from './docx';
import { readPdfLines } from './pdf';
import { decodeText, readTextLines } from './text';

export type DocumentFormat = 'docx' | 'pdf' | 'md' | 'txt' | 'xlsx' | 'csv' | 'xml';

export type ReadDocument =
  | { readonly kind: 'text'; readonly format: Exclude<DocumentFormat, 'xlsx' | 'csv' | 'xml'>; readonly lines: SourceLine[] }
  | { readonly kind: 'table'; readonly format: 'xlsx' | 'csv'; readonly rows: string[][] }
  /** An eComptes XML export (the Region's format), read by import/ecomptes. */
  | { readonly kind: 'ecomptes'; readonly format: 'xml'; readonly xml: string };

/** Larger files are refused before being read: a PST is a few megabytes at most. */
export const MAX_BYTES: { readonly [F in DocumentFormat]: number } = {
  docx: 40 * 1024 * 1024,
  pdf: 25 * 1024 * 1024,
  xlsx: 20 * 1024 * 1024,
  csv: 10 * 1024 * 1024,
  md: 10 * 1024 * 1024,
  txt: 10 * 1024 * 1024,
  xml: 20 * 1024 * 1024,
};

const SUPPORTED = 'Formats acceptés : .docx, .pdf, .md, .txt, .xlsx, .csv et .xml (export eComptes).';

const IMAGE_SIGNATURES: readonly { name: string; test: (b: Uint8Array) => boolean }[] = [
  { name: 'PNG', test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { name: 'JPEG', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { name: 'GIF', test: (b) => ascii(b, 0, 4) === 'GIF8' },
  { name: 'BMP', test: (b) => ascii(b, 0, 2) === 'BM' && b.length > 26 },
  { name: 'TIFF', test: (b) => ascii(b, 0, 4) === 'II*\u0000' || ascii(b, 0, 4) === 'MM\u0000*' },
  { name: 'WebP', test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
  { name: 'HEIC', test: (b) => ascii(b, 4, 8) === 'ftyp' && /^(?:heic|heix|mif1|avif)$/.test(ascii(b, 8, 12)) },
];

function ascii(bytes: Uint8Array, from: number, to: number): string {
  let text = '';
  for (let i = from; i < Math.min(to, bytes.length); i++) text += String.fromCharCode(bytes[i]);
  return text;
}

const IMAGE_EXTENSIONS = /^\.(?:png|jpe?g|gif|bmp|tiff?|webp|heic|svg)$/i;

function formatOfExtension(extension: string): DocumentFormat | null {
  const ext = extension.toLowerCase();
  if (ext === '.docx' || ext === '.docm') return 'docx';
  if (ext === '.pdf') return 'pdf';
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.txt' || ext === '.text' || ext === '') return 'txt';
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.csv') return 'csv';
  if (ext === '.xml') return 'xml';
  return null;
}

/** The format from the bytes, falling back on the extension for text. */
export function detectFormat(fileName: string, bytes: Uint8Array): DocumentFormat {
  const extension = extensionOf(fileName);
  const image = IMAGE_SIGNATURES.find((s) => s.test(bytes));
  if (image || IMAGE_EXTENSIONS.test(extension)) {
    throw new ImportError(
      'image',
      `« ${baseName(fileName)} » est une image${image ? ` (${image.name})` : ''} : son texte ne peut pas être lu. ` +
        `Importez le document du PST lui-même (Word .docx, PDF contenant du texte, ou .txt). ${SUPPORTED}`,
    );
  }
  if (ascii(bytes, 0, 5) === '%PDF-' || (bytes.length > 1024 && ascii(bytes, 0, 1024).indexOf('%PDF-') >= 0)) return 'pdf';
  if (ascii(bytes, 0, 4) === 'PK\u0003\u0004') {
    const listing = ascii(bytes, 0, Math.min(bytes.length, 64 * 1024));
    if (listing.indexOf('word/') >= 0) return 'docx';
    if (listing.indexOf('xl/') >= 0) return 'xlsx';
    if (listing.indexOf('opendocument') >= 0 || listing.indexOf('content.xml') >= 0) {
      throw new ImportError('unsupportedFormat', `« ${baseName(fileName)} » est un document OpenDocument (LibreOffice) : enregistrez-le au format Word (.docx) ou Excel (.xlsx), puis importez-le. ${SUPPORTED}`);
    }
    const byExtension = formatOfExtension(extension);
    if (byExtension === 'docx' || byExtension === 'xlsx') return byExtension;
    throw new ImportError('unsupportedFormat', `« ${baseName(fileName)} » est une archive ZIP, pas un document PST. ${SUPPORTED}`);
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ImportError('unsupportedFormat', `« ${baseName(fileName)} » est au format Office 97-2003 (.doc ou .xls) : ouvrez-le dans Word ou Excel et enregistrez-le en .docx ou .xlsx. ${SUPPORTED}`);
  }
  if (ascii(bytes, 0, 5) === '{\\rtf') {
    throw new ImportError('unsupportedFormat', `« ${baseName(fileName)} » est au format RTF : enregistrez-le en .docx depuis Word. ${SUPPORTED}`);
  }
  const format = formatOfExtension(extension);
  if (format === null || format === 'docx' || format === 'pdf' || format === 'xlsx') {
    if (format !== null) {
      throw new ImportError('unreadable', `« ${baseName(fileName)} » porte l'extension ${extension} mais son contenu n'est pas un fichier ${extension} valide (fichier abîmé ou renommé).`);
    }
    throw new ImportError('unsupportedFormat', `Le format « ${extension} » n'est pas pris en charge. ${SUPPORTED}`);
  }
  // XML by its content (an eComptes export saved as .txt is still XML), after the binary formats.
  if (format === 'xml' || /^(?:\ufeff|\xef\xbb\xbf)?\s*<(?:\?xml|dataroot)\b/.test(ascii(bytes, 0, 200))) return 'xml';
  if (looksBinary(bytes)) {
    throw new ImportError('unreadable', `« ${baseName(fileName)} » n'est pas un fichier texte (contenu binaire). ${SUPPORTED}`);
  }
  return format;
}

/** Control bytes other than tab, line feeds and form feed: not a text file. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (sample.length >= 2 && ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff))) return false;
  let control = 0;
  for (const b of sample) if (b === 0 || (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12)) control++;
  return control > sample.length * 0.01;
}

function checkNotEmpty(fileName: string, byteLength: number): void {
  if (byteLength === 0) throw new ImportError('empty', `Le fichier « ${baseName(fileName)} » est vide : rien à importer.`);
}

function checkSize(fileName: string, format: DocumentFormat, byteLength: number): void {
  if (byteLength > MAX_BYTES[format]) {
    throw new ImportError(
      'tooLarge',
      `« ${baseName(fileName)} » fait ${formatMegabytes(byteLength)} ; la limite pour un fichier ${format.toUpperCase()} est de ${formatMegabytes(MAX_BYTES[format])}. ` +
        `Un PST tient en quelques mégaoctets : exportez-le sans les images (ou enregistrez-le en .docx) et réessayez.`,
    );
  }
}

export function readDocument(fileName: string, bytes: Uint8Array): ReadDocument {
  checkNotEmpty(fileName, bytes.length);
  const format = detectFormat(fileName, bytes);
  checkSize(fileName, format, bytes.length);
  let document: ReadDocument;
  switch (format) {
    case 'docx':
      document = { kind: 'text', format, lines: readDocxLines(bytes) };
      break;
    case 'pdf':
      document = { kind: 'text', format, lines: readPdfLines(bytes) };
      break;
    case 'xlsx':
      return { kind: 'table', format, rows: readXlsxRows(bytes) };
    case 'csv':
      return { kind: 'table', format, rows: readCsvRows(bytes) };
    case 'xml':
      return { kind: 'ecomptes', format, xml: decodeText(bytes).replace(/^\ufeff/, '') };
    default:
      document = { kind: 'text', format, lines: readTextLines(bytes) };
  }
  if (!document.lines.some((l) => l.text.trim() !== '')) {
    const why =
      format === 'pdf'
        ? "ce PDF ne contient pas de texte (document scanné ?) : exportez le PST depuis Word en PDF, ou importez le .docx."
        : 'il ne contient aucun texte.';
    throw new ImportError(format === 'pdf' ? 'noText' : 'empty', `« ${baseName(fileName)} » : ${why}`);
  }
  return document;
}

/**
 * What can be refused from the name and size alone, before the bytes are loaded (a
 * 50 MB PDF is not read into memory to be refused): an empty file, a file over its
 * format's limit (over the largest limit when the extension says nothing).
 */
export function checkBeforeReading(fileName: string, byteLength: number): void {
  checkNotEmpty(fileName, byteLength);
  const byExtension = formatOfExtension(extensionOf(fileName));
  const largest = Math.max(...Object.keys(MAX_BYTES).map((k) => MAX_BYTES[k as DocumentFormat]));
  if (byExtension) checkSize(fileName, byExtension, byteLength);
  else if (byteLength > largest) checkSize(fileName, 'docx', byteLength);
}
