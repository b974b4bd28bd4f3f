/**
 * The report as a Word document, with the maintained `docx` library: A4 portrait, Word's
 * own Heading 1–3 styles (so Word's table of contents lists them: the field is refreshed
 * when the file opens), page numbers « Page X sur Y » in the footer, tables of fixed
 * column widths whose header row repeats on every page. Heavy: the browser loads this
 * module with import() only.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, Bar, ReportDocument, TableColumn, TableRow as RowModel, Tone } from './reportDocument';
import { isNote } from './reportDocument';

// A4 portrait in twentieths of a point: 21 cm wide, 2 cm margins.
const PAGE_WIDTH = 11906;
const MARGIN = 1134;
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

const FONT = 'Calibri';
const ACCENT = '1F4E79';
const TONE_FILL: Record<Tone, string> = { late: 'FDE2DF', blocked: 'FBD3CF', done: 'E3F1E0', muted: 'EEEEEE' };
const HEADER_FILL = 'DCE6F0';
const NOTE_COLOR = '444444';

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function run(text: string, options: { bold?: boolean; size?: number; color?: string; italics?: boolean } = {}): TextRun {
  return new TextRun({ text, bold: options.bold, size: options.size, color: options.color, italics: options.italics });
}

function cell(text: string, width: number, options: { bold?: boolean; fill?: string; align?: TableColumn['align']; span?: number; color?: string; italics?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.span,
    shading: options.fill ? { fill: options.fill, type: ShadingType.CLEAR, color: 'auto' } : undefined,
    margins: { top: 40, bottom: 40, left: 70, right: 70 },
    children: [
      new Paragraph({
        alignment: options.align === 'right' ? AlignmentType.RIGHT : options.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [run(text, { bold: options.bold, size: 17, color: options.color, italics: options.italics })],
      }),
    ],
  });
}

const widthsOf = (columns: readonly TableColumn[]): number[] => {
  const widths = columns.map((c) => Math.floor(c.width * TEXT_WIDTH));
  widths[widths.length - 1] += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
};

function table(columns: readonly TableColumn[], rows: readonly RowModel[]): Table {
  const widths = widthsOf(columns);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell(c.title, widths[i], { bold: true, fill: HEADER_FILL, align: c.align })),
  });
  const body = rows.map((row) =>
    isNote(row)
      ? new TableRow({ cantSplit: true, children: [cell(row.note, TEXT_WIDTH, { span: columns.length, color: NOTE_COLOR, italics: true })] })
      : new TableRow({
          cantSplit: true,
          children: row.cells.map((text, i) => cell(text, widths[i], { bold: row.bold, fill: row.tone ? TONE_FILL[row.tone] : undefined, align: columns[i].align })),
        }),
  );
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows: [header, ...body] });
}

/** A progress bar: a one-row table whose first cell is filled to the percentage. */
function barCell(bar: Bar, width: number): TableCell {
  const percent = bar.percent === null ? 0 : Math.max(0, Math.min(100, bar.percent));
  const filled = Math.round((percent / 100) * (width - 140));
  const cells: TableCell[] = [];
  const part = (w: number, fill: string) =>
    new TableCell({ width: { size: w, type: WidthType.DXA }, shading: { fill, type: ShadingType.CLEAR, color: 'auto' }, children: [new Paragraph({ children: [run(' ', { size: 12 })] })] });
  if (filled > 20) cells.push(part(filled, ACCENT));
  if (width - 140 - filled > 20) cells.push(part(width - 140 - filled, 'E8E8E8'));
  const inner = new Table({
    width: { size: width - 140, type: WidthType.DXA },
    columnWidths: cells.length === 2 ? [filled, width - 140 - filled] : [width - 140],
    layout: TableLayoutType.FIXED,
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: [new TableRow({ children: cells })],
  });
  return new TableCell({ width: { size: width, type: WidthType.DXA }, margins: { top: 60, bottom: 60, left: 70, right: 70 }, children: [inner, new Paragraph({ children: [] })] });
}

function barsTable(items: readonly Bar[]): Table {
  const widths = widthsOf([
    { title: '', width: 0.5 },
    { title: '', width: 0.32 },
    { title: '', width: 0.18 },
  ]);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: { style: BorderStyle.SINGLE, size: 2, color: 'DDDDDD' }, insideVertical: none },
    rows: items.map((bar) => new TableRow({ cantSplit: true, children: [cell(bar.label, widths[0]), barCell(bar, widths[1]), cell(bar.value, widths[2], { align: 'right' })] })),
  });
}

function figuresTable(items: readonly (readonly [string, string])[]): Table {
  const widths = widthsOf([
    { title: '', width: 0.6 },
    { title: '', width: 0.4 },
  ]);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: items.map(([label, value]) => new TableRow({ cantSplit: true, children: [cell(label, widths[0]), cell(value, widths[1], { bold: true, align: 'right' })] })),
  });
}

function blockChildren(block: Block): (Paragraph | Table | TableOfContents)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level], keepNext: true, children: [run(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ spacing: { after: 120 }, children: [run(block.text, { bold: block.bold, color: block.tone === 'muted' ? NOTE_COLOR : undefined, italics: block.tone === 'muted' })] })];
    case 'figures':
      return [figuresTable(block.items), new Paragraph({ children: [] })];
    case 'bars':
      return [barsTable(block.items), new Paragraph({ children: [] })];
    case 'table':
      return [table(block.columns, block.rows), new Paragraph({ children: [] })];
    case 'toc':
      return [
        new Paragraph({ children: [run(block.title, { bold: true, size: 32, color: ACCENT })], spacing: { after: 240 } }),
        new TableOfContents(block.title, { hyperlink: true, headingStyleRange: '1-2' }),
      ];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

function titlePage(doc: ReportDocument): Paragraph[] {
  const page = doc.titlePage;
  return [
    new Paragraph({ spacing: { before: 2400, after: 240 }, children: [run(page.title, { bold: true, size: 56, color: ACCENT })] }),
    new Paragraph({ spacing: { after: 720 }, children: [run(page.subtitle, { size: 32 })] }),
    ...page.facts.map(([label, value]) => new Paragraph({ spacing: { after: 80 }, children: [run(`${label} : `, { bold: true, size: 24 }), run(value, { size: 24 })] })),
    new Paragraph({ spacing: { before: 480, after: 80 }, children: [run(page.filtersTitle, { bold: true, size: 24 })] }),
    ...page.filters.map((line) => new Paragraph({ bullet: { level: 0 }, children: [run(line, { size: 22 })] })),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

function footer(doc: ReportDocument): Footer {
  const [before, between, after] = doc.pageLabel.split(/\{[01]\}/);
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          run(`${doc.footer} · `, { size: 16, color: NOTE_COLOR }),
          new TextRun({ size: 16, color: NOTE_COLOR, children: [before ?? '', PageNumber.CURRENT, between ?? '', PageNumber.TOTAL_PAGES, after ?? ''] }),
        ],
      }),
    ],
  });
}

/** The .docx file's bytes. */
export async function writeReportDocx(doc: ReportDocument): Promise<Uint8Array> {
  const document = new Document({
    creator: 'PST CPAS',
    title: doc.title,
    description: doc.footer,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: FONT, size: 20, language: { value: doc.language } } },
        heading1: { run: { font: FONT, size: 30, bold: true, color: ACCENT }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading2: { run: { font: FONT, size: 24, bold: true, color: ACCENT }, paragraph: { spacing: { before: 200, after: 80 } } },
        heading3: { run: { font: FONT, size: 21, bold: true }, paragraph: { spacing: { before: 160, after: 60 } } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE_WIDTH, height: 16838 }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        footers: { default: footer(doc) },
        children: [...titlePage(doc), ...doc.blocks.flatMap(blockChildren)],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
