/** Reads a .docx back for the tests: its parts (fflate), its lines (the importer's DOCX reader: headings as « # »), its tables. */
import { strFromU8, unzipSync } from 'fflate';
import { readDocxLines } from '../../../src/import/read/docx';

export interface DocxContent {
  readonly parts: Record<string, string>;
  /** Non-blank lines of the body, headings as « #… title ». */
  readonly lines: string[];
  /** Column count of each top-level table (its w:tblGrid), in order. */
  readonly tableColumns: number[];
}

export function readDocx(bytes: Uint8Array): DocxContent {
  const files = unzipSync(bytes);
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) if (/\.(xml|rels)$/.test(name)) parts[name] = strFromU8(data);
  const lines = readDocxLines(bytes)
    .map((l) => l.text.trim())
    .filter((t) => t !== '');
  const tableColumns = Array.from(parts['word/document.xml'].matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)).map((m) => (m[1].match(/<w:gridCol\b/g) ?? []).length);
  return { parts, lines, tableColumns };
}
