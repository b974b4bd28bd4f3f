/**
 * A report as a format-free document: a title page and a list of blocks (headings,
 * paragraphs, figures, progress bars, tables of fixed column widths). layout.ts builds it
 * from the domain's report model; docx.ts and pdf.ts render the same blocks, so Word and
 * PDF say the same thing in the same order.
 */

export interface TitlePage {
  readonly title: string;
  readonly subtitle: string;
  /** « CPAS : … », « Plan : … », « Période : … », « Données au : … ». */
  readonly facts: readonly (readonly [string, string])[];
  readonly filtersTitle: string;
  /** The filters applied, or one line saying there is none. */
  readonly filters: readonly string[];
}

export type Tone = 'late' | 'blocked' | 'done' | 'muted';

export interface TableColumn {
  readonly title: string;
  /** Share of the text width; a table's widths add up to 1. */
  readonly width: number;
  readonly align?: 'left' | 'right' | 'center';
}

export type TableRow =
  | { readonly cells: readonly string[]; readonly tone?: Tone; readonly bold?: boolean }
  /** A line spanning every column under the row before it (last check-in, indicators). */
  | { readonly note: string };

export interface Bar {
  readonly label: string;
  /** 0–100, null = sans objet (drawn empty). */
  readonly percent: number | null;
  readonly value: string;
}

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly tone?: Tone; readonly bold?: boolean }
  | { readonly kind: 'figures'; readonly items: readonly (readonly [string, string])[] }
  | { readonly kind: 'bars'; readonly items: readonly Bar[] }
  | { readonly kind: 'table'; readonly columns: readonly TableColumn[]; readonly rows: readonly TableRow[] }
  | { readonly kind: 'toc'; readonly title: string }
  | { readonly kind: 'pageBreak' };

export interface ReportDocument {
  /** Document properties and the running footer. */
  readonly title: string;
  readonly titlePage: TitlePage;
  readonly blocks: readonly Block[];
  /** « Page {0} sur {1} ». */
  readonly pageLabel: string;
  readonly footer: string;
  readonly language: 'fr-BE';
}

export function isNote(row: TableRow): row is { readonly note: string } {
  return (row as { note?: string }).note !== undefined;
}

/** Every text of the document in reading order: what a reader of the file must find. */
export function documentTexts(doc: ReportDocument): string[] {
  const texts: string[] = [doc.titlePage.title, doc.titlePage.subtitle];
  for (const [label, value] of doc.titlePage.facts) texts.push(label, value);
  texts.push(doc.titlePage.filtersTitle, ...doc.titlePage.filters);
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
        texts.push(block.text);
        break;
      case 'toc':
        texts.push(block.title);
        break;
      case 'figures':
        for (const [label, value] of block.items) texts.push(label, value);
        break;
      case 'bars':
        for (const bar of block.items) texts.push(bar.label, bar.value);
        break;
      case 'table':
        texts.push(...block.columns.map((c) => c.title));
        for (const row of block.rows) texts.push(...(isNote(row) ? [row.note] : row.cells));
        break;
      case 'pageBreak':
        break;
    }
  }
  return texts;
}
