/**
 * The report as a PDF, laid out by pdfmake from the same document as the Word file:
 * A4 portrait, Roboto (every French letter, €, the narrow spaces of Belgian numbers),
 * headings listed in a table of contents with their page numbers, « Page X sur Y » in the
 * footer, tables of fixed column widths (the header row repeats, a row never splits).
 *
 * The engine is passed in: the browser hands pdfmake's browser build with its embedded
 * fonts (pdfEngine.ts, loaded with import()), Node the server build with the font files.
 */
import type { Block, Bar, ReportDocument, TableColumn, TableRow, Tone } from './reportDocument';
import { isNote } from './reportDocument';

/** What this module needs from pdfmake (both its builds have it). */
export interface PdfEngine {
  createPdf(definition: object): { getBuffer(): Promise<Uint8Array> };
}

// A4 in points, 2 cm margins.
const PAGE_WIDTH = 595.28;
const MARGIN = 56.7;
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const ACCENT = '#1F4E79';
const NOTE_COLOR = '#444444';
const TONE_FILL: Record<Tone, string> = { late: '#FDE2DF', blocked: '#FBD3CF', done: '#E3F1E0', muted: '#EEEEEE' };
const HEADER_FILL = '#DCE6F0';
/** Cell padding left + right, and the table's vertical lines, taken from each column's share. */
const CELL_CHROME = 8 + 0.5;

type Node = Record<string, unknown> | string;

function widthsOf(columns: readonly TableColumn[]): number[] {
  return columns.map((c) => Math.max(10, c.width * TEXT_WIDTH - CELL_CHROME));
}

const GRID = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#BBBBBB',
  vLineColor: () => '#BBBBBB',
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

function table(columns: readonly TableColumn[], rows: readonly TableRow[]): Node {
  const header = columns.map((c) => ({ text: c.title, bold: true, fillColor: HEADER_FILL, alignment: c.align ?? 'left' }));
  const body = rows.map((row) =>
    isNote(row)
      ? [{ text: row.note, colSpan: columns.length, italics: true, color: NOTE_COLOR, fontSize: 8 }, ...columns.slice(1).map(() => ({}))]
      : row.cells.map((text, i) => ({ text, bold: row.bold, fillColor: row.tone ? TONE_FILL[row.tone] : undefined, alignment: columns[i].align ?? 'left' })),
  );
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: widthsOf(columns), body: [header, ...body] },
    layout: GRID,
    fontSize: 8.5,
    margin: [0, 2, 0, 10],
  };
}

function bar(item: Bar, width: number): Node {
  const percent = item.percent === null ? 0 : Math.max(0, Math.min(100, item.percent));
  return {
    canvas: [
      { type: 'rect', x: 0, y: 1, w: width, h: 8, color: '#E8E8E8' },
      ...(percent > 0 ? [{ type: 'rect', x: 0, y: 1, w: (width * percent) / 100, h: 8, color: ACCENT }] : []),
    ],
  };
}

function bars(items: readonly Bar[]): Node {
  const widths = widthsOf([
    { title: '', width: 0.5 },
    { title: '', width: 0.32 },
    { title: '', width: 0.18 },
  ]);
  return {
    table: { dontBreakRows: true, widths, body: items.map((item) => [{ text: item.label }, bar(item, widths[1]), { text: item.value, alignment: 'right' }]) },
    layout: { ...GRID, vLineWidth: () => 0, hLineColor: () => '#DDDDDD' },
    fontSize: 8.5,
    margin: [0, 2, 0, 10],
  };
}

function figures(items: readonly (readonly [string, string])[]): Node {
  return {
    table: { widths: widthsOf([{ title: '', width: 0.6 }, { title: '', width: 0.4 }]), body: items.map(([label, value]) => [label, { text: value, bold: true, alignment: 'right' }]) },
    layout: GRID,
    margin: [0, 2, 0, 10],
  };
}

function blockNodes(block: Block, next: Block | undefined): Node[] {
  switch (block.kind) {
    case 'heading':
      return [{ text: block.text, style: `h${block.level}`, tocItem: block.level <= 2, tocStyle: block.level === 1 ? { bold: true } : {}, tocMargin: [block.level === 1 ? 0 : 14, 2, 0, 0], headlineLevel: block.level }];
    case 'paragraph':
      return [{ text: block.text, bold: block.bold, italics: block.tone === 'muted', color: block.tone === 'muted' ? NOTE_COLOR : undefined, margin: [0, 0, 0, 6] }];
    case 'figures':
      return [figures(block.items)];
    case 'bars':
      return [bars(block.items)];
    case 'table':
      return [table(block.columns, block.rows)];
    case 'toc':
      return [{ toc: { title: { text: block.title, style: 'tocTitle' }, numberStyle: { bold: false } } }];
    case 'pageBreak':
      return next ? [{ text: '', pageBreak: 'after' }] : [];
  }
}

function titlePage(doc: ReportDocument): Node[] {
  const page = doc.titlePage;
  return [
    { text: page.title, fontSize: 28, bold: true, color: ACCENT, margin: [0, 150, 0, 10] },
    { text: page.subtitle, fontSize: 16, margin: [0, 0, 0, 40] },
    ...page.facts.map(([label, value]) => ({ text: [{ text: `${label} : `, bold: true }, value], fontSize: 12, margin: [0, 0, 0, 4] })),
    { text: page.filtersTitle, bold: true, fontSize: 12, margin: [0, 24, 0, 4] },
    { ul: page.filters.slice(), fontSize: 11 },
    { text: '', pageBreak: 'after' },
  ];
}

/** The pdfmake document definition (exported for the tests and the print preview). */
export function pdfDefinition(doc: ReportDocument): object {
  const content: Node[] = [...titlePage(doc)];
  doc.blocks.forEach((block, index) => content.push(...blockNodes(block, doc.blocks[index + 1])));
  const [before, between, after] = doc.pageLabel.split(/\{[01]\}/);
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
    info: { title: doc.title, subject: doc.footer, creator: 'PST CPAS', producer: 'PST CPAS' },
    language: doc.language,
    // No ligatures: « ffi » stays three letters for search, copy, screen readers and text extractors.
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15, fontFeatures: { liga: false, clig: false } },
    styles: {
      h1: { fontSize: 15, bold: true, color: ACCENT, margin: [0, 10, 0, 4] },
      h2: { fontSize: 12, bold: true, color: ACCENT, margin: [0, 8, 0, 3] },
      h3: { fontSize: 10.5, bold: true, margin: [0, 6, 0, 2] },
      tocTitle: { fontSize: 16, bold: true, color: ACCENT, margin: [0, 0, 0, 12] },
    },
    // A heading never ends a page: it moves to the next one with what follows it.
    pageBreakBefore: (node: { headlineLevel?: number; startPosition: { verticalRatio: number } }) =>
      node.headlineLevel !== undefined && node.startPosition.verticalRatio > 0.85,
    footer: (current: number, count: number) =>
      current === 1
        ? null
        : { text: `${doc.footer} · ${before ?? ''}${current}${between ?? ''}${count}${after ?? ''}`, alignment: 'center', fontSize: 7.5, color: NOTE_COLOR, margin: [MARGIN, 16, MARGIN, 0] },
    content,
  };
}

/** The .pdf file's bytes. */
export async function writeReportPdf(doc: ReportDocument, engine: PdfEngine): Promise<Uint8Array> {
  const buffer = await engine.createPdf(pdfDefinition(doc)).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
