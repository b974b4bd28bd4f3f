/**
 * Builds small but valid .docx and .pdf files from lines of text, for the reader tests:
 * the same sample PST printed as a Word document (heading styles, numbering as text,
 * bullets as list paragraphs) and as a PDF (a Type0 font with a ToUnicode map, Flate
 * compressed pages, a running header and page numbers).
 */
import { strToU8, zipSync, zlibSync } from 'fflate';
import { encryptionFor, PdfEncryption } from './encryptPdf';

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface DocxParagraph {
  readonly text: string;
  /** Built-in heading level (style "Heading1"…). */
  readonly heading?: number;
  /** A bullet list paragraph (numbering.xml bullet list), with its level. */
  readonly bulletLevel?: number;
  /** An automatically numbered paragraph ("1.", "1.1."), with its level. */
  readonly numberedLevel?: number;
  /** A Word table in place of this paragraph: rows of cells, a cell's lines as paragraphs. */
  readonly table?: readonly (readonly string[])[];
}

/** Paragraphs of a Word document, with an optional table of label/value rows. */
export function makeDocx(paragraphs: readonly DocxParagraph[], table?: readonly (readonly string[])[]): Uint8Array {
  const runs = (text: string) =>
    text
      .split('\n')
      .map((part, index) => `${index > 0 ? '<w:r><w:br/></w:r>' : ''}<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${xmlEscape(part)}</w:t></w:r>`)
      .join('');
  const tableOf = (rows: readonly (readonly string[])[]) =>
    `<w:tbl>${rows.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${cell.split('\n').map((t) => `<w:p>${runs(t)}</w:p>`).join('')}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
  const body = paragraphs
    .map((p) => {
      if (p.table) return tableOf(p.table);
      const props: string[] = [];
      if (p.heading) props.push(`<w:pStyle w:val="Heading${p.heading}"/>`);
      if (p.bulletLevel !== undefined) props.push(`<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="${p.bulletLevel}"/><w:numId w:val="1"/></w:numPr>`);
      if (p.numberedLevel !== undefined) props.push(`<w:numPr><w:ilvl w:val="${p.numberedLevel}"/><w:numId w:val="2"/></w:numPr>`);
      return `<w:p>${props.length ? `<w:pPr>${props.join('')}</w:pPr>` : ''}${runs(p.text)}</w:p>`;
    })
    .join('');
  const tableXml = table ? tableOf(table) : '';
  const document =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
    `<w:body>${body}${tableXml}<w:sectPr/></w:body></w:document>`;
  const styles =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
    [1, 2, 3, 4].map((n) => `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="${n - 1}"/></w:pPr></w:style>`).join('') +
    '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>' +
    '</w:styles>';
  const numbering =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    '<w:abstractNum w:abstractNumId="0">' +
    [0, 1, 2].map((l) => `<w:lvl w:ilvl="${l}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="${l === 1 ? 'o' : '\uf0b7'}"/></w:lvl>`).join('') +
    '</w:abstractNum>' +
    '<w:abstractNum w:abstractNumId="1">' +
    [0, 1, 2].map((l) => `<w:lvl w:ilvl="${l}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="${[1, 2, 3].slice(0, l + 1).map((n) => '%' + n).join('.')}."/></w:lvl>`).join('') +
    '</w:abstractNum>' +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>';
  const contentTypes =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' +
    '</Types>';
  const rels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
    '</Relationships>';
  const documentRels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' +
    '</Relationships>';
  return zipSync({
    '[Content_Types].xml': strToU8(contentTypes),
    '_rels/.rels': strToU8(rels),
    'word/document.xml': strToU8(document),
    'word/styles.xml': strToU8(styles),
    'word/numbering.xml': strToU8(numbering),
    'word/_rels/document.xml.rels': strToU8(documentRels),
  });
}

export interface PdfOptions {
  /** Printed at the top of every page (a running header). */
  readonly header?: string;
  /** Page numbers at the bottom of every page. */
  readonly pageNumbers?: boolean;
  readonly linesPerPage?: number;
  /**
   * Paragraph spacing instead of empty paragraphs (Word's "space after"): a run of blank
   * lines moves down by this many points only, instead of a line height per blank line.
   */
  readonly paragraphGap?: number;
  /**
   * Ligatures as one glyph each ("ffi", "fi"…), mapped in bfrange arrays whose hex strings
   * hold spaces (`[<0066 0066 0069>]`), as some PDF writers do.
   */
  readonly ligatures?: boolean;
  /** Line height in points (14 by default, for a 10-point font). */
  readonly lineHeight?: number;
  /** Protected by an owner password only (printable, not editable): the user password is empty. */
  readonly encryption?: PdfEncryption;
  /**
   * Markdown table rows ("| a | b |") drawn as a table: each cell at its column's position,
   * columns as wide as their longest cell plus a gap; "|---|" rules are not drawn.
   */
  readonly tablesInColumns?: boolean;
}

/** The cells of a markdown table row; [] for a "|---|" rule; null for another line. */
function tableRowCells(text: string): string[] | null {
  if (!/^\|.*\|$/.test(text)) return null;
  if (/^\|[\s:|-]+\|$/.test(text)) return [];
  return text.slice(1, -1).split('|').map((cell) => cell.trim());
}

/** For each line of a table, the widest cell of each column of its table (consecutive table rows). */
function columnWidths(lines: readonly string[]): number[][] {
  const byLine: number[][] = [];
  for (let i = 0; i < lines.length; ) {
    if (!tableRowCells(lines[i].trim())) {
      i++;
      continue;
    }
    let end = i;
    const widths: number[] = [];
    for (; end < lines.length; end++) {
      const cells = tableRowCells(lines[end].trim());
      if (!cells) break;
      cells.forEach((cell, k) => (widths[k] = Math.max(widths[k] || 0, cell.length)));
    }
    for (let k = i; k < end; k++) byLine[k] = widths;
    i = end;
  }
  return byLine;
}

/**
 * A PDF of text lines (blank lines keep their vertical space; leading spaces indent).
 * Characters are 2-byte codes of a Type0 font mapped to Unicode by a ToUnicode CMap, the
 * way Word's "Save as PDF" writes them; page contents are Flate-compressed.
 */
export function makePdf(lines: readonly string[], options: PdfOptions = {}): Uint8Array {
  const perPage = options.linesPerPage || 50;
  const chars: string[] = [];
  const codeOf = new Map<string, number>();
  const encode = (text: string): string => {
    let hex = '';
    const glyphs = options.ligatures ? text.match(/ffi|ffl|ff|fi|fl|[\s\S]/gu) || [] : Array.from(text);
    for (const ch of glyphs) {
      let code = codeOf.get(ch);
      if (code === undefined) {
        code = chars.length + 1;
        chars.push(ch);
        codeOf.set(ch, code);
      }
      hex += code.toString(16).padStart(4, '0');
    }
    return hex;
  };
  const tableWidths = options.tablesInColumns ? columnWidths(lines) : [];
  const pages: string[] = [];
  for (let start = 0, pageNo = 1; start < lines.length; start += perPage, pageNo++) {
    const ops: string[] = ['BT', '/F1 10 Tf', '12 TL'];
    let y = 800;
    if (options.header) ops.push(`1 0 0 1 72 ${y + 20} Tm <${encode(options.header)}> Tj`);
    let previousBlank = false;
    for (let index = start; index < Math.min(lines.length, start + perPage); index++) {
      const line = lines[index];
      if (options.paragraphGap !== undefined && line.trim() === '') {
        if (!previousBlank) y -= options.paragraphGap;
        previousBlank = true;
        continue;
      }
      previousBlank = false;
      const indent = line.length - line.trimStart().length;
      const text = line.trim();
      const cells = options.tablesInColumns ? tableRowCells(text) : null;
      if (cells) {
        if (cells.length > 0) {
          const widths = tableWidths[index] || [];
          let x = 72;
          cells.forEach((cell, k) => {
            if (cell !== '') ops.push(`1 0 0 1 ${x} ${y} Tm <${encode(cell)}> Tj`);
            x += (widths[k] || cell.length) * 5 + 30;
          });
          y -= options.lineHeight || 14;
        }
        continue;
      }
      // Split the line into two pieces drawn separately, as PDF producers often do.
      if (text !== '') {
        const cut = text.indexOf(' ', Math.floor(text.length / 2));
        const first = cut > 0 ? text.slice(0, cut) : text;
        const second = cut > 0 ? text.slice(cut + 1) : '';
        const x = 72 + indent * 5;
        ops.push(`1 0 0 1 ${x} ${y} Tm [<${encode(first)}>] TJ`);
        if (second) ops.push(`1 0 0 1 ${x + first.length * 5 + 5} ${y} Tm <${encode(second)}> Tj`);
      }
      y -= options.lineHeight || 14;
    }
    if (options.pageNumbers) ops.push(`1 0 0 1 300 30 Tm <${encode(String(pageNo))}> Tj`);
    ops.push('ET');
    pages.push(ops.join('\n'));
  }

  const objects: (string | Uint8Array | ((num: number) => Uint8Array))[] = [];
  const security = options.encryption ? encryptionFor(options.encryption) : null;
  const stream = (data: Uint8Array, compress: boolean) => (num: number) => streamObject(data, compress, security ? (body) => security.encrypt(num, body) : undefined);
  const add = (content: string | Uint8Array | ((num: number) => Uint8Array)) => {
    objects.push(content);
    return objects.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const unitsOf = (ch: string): string[] => Array.from({ length: ch.length }, (_, i) => ch.charCodeAt(i).toString(16).padStart(4, '0'));
  const cmapLines = chars.map((ch, k) => `<${(k + 1).toString(16).padStart(4, '0')}> <${unitsOf(ch).join('')}>`);
  const code4 = (n: number): string => n.toString(16).padStart(4, '0');
  const rangeLines = chars.map((ch, k) => `<${code4(k + 1)}> <${code4(k + 1)}> [<${unitsOf(ch).join(' ')}>]`);
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ...(options.ligatures
      ? chunk(rangeLines, 100).map((group) => `${group.length} beginbfrange\n${group.join('\n')}\nendbfrange`)
      : chunk(cmapLines, 100).map((group) => `${group.length} beginbfchar\n${group.join('\n')}\nendbfchar`)),
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const toUnicode = add(stream(strToU8(cmap), false));
  const descriptor = add('<< /Type /FontDescriptor /FontName /ABCDEF+Calibri /Flags 32 /FontBBox [0 -250 1000 750] /ItalicAngle 0 /Ascent 750 /Descent -250 /CapHeight 700 /StemV 80 >>');
  const cidFont = add(
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Calibri /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 500 >>`,
  );
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Calibri /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
  const pageIds: number[] = [];
  for (const page of pages) {
    const content = add(stream(strToU8(page), true));
    pageIds.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Contents ${content} 0 R /Resources << /Font << /F1 ${font} 0 R >> >> >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;

  const parts: Uint8Array[] = [strToU8('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n', true)];
  const offsets: number[] = [];
  let length = parts[0].length;
  objects.forEach((content, index) => {
    offsets.push(length);
    const head = strToU8(`${index + 1} 0 obj\n`);
    const body = typeof content === 'string' ? strToU8(content) : typeof content === 'function' ? content(index + 1) : content;
    const tail = strToU8('\nendobj\n');
    parts.push(head, body, tail);
    length += head.length + body.length + tail.length;
  });
  let encrypt = '';
  if (security) {
    const head = strToU8(`${objects.length + 1} 0 obj\n`);
    const body = strToU8(security.dictionary, true);
    const tail = strToU8('\nendobj\n');
    offsets.push(length);
    parts.push(head, body, tail);
    length += head.length + body.length + tail.length;
    encrypt = ` /Encrypt ${objects.length + 1} 0 R /ID [<${security.idHex}> <${security.idHex}>]`;
  }
  const count = objects.length + (security ? 1 : 0);
  const xrefTable = [`xref\n0 ${count + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(strToU8(`${xrefTable}trailer\n<< /Size ${count + 1} /Root ${catalog} 0 R${encrypt} >>\nstartxref\n${length}\n%%EOF\n`));
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

function streamObject(data: Uint8Array, compress: boolean, encrypt?: (body: Uint8Array) => Uint8Array): Uint8Array {
  const plain = compress ? zlibSync(data) : data;
  const body = encrypt ? encrypt(plain) : plain;
  const head = strToU8(`<< /Length ${body.length}${compress ? ' /Filter /FlateDecode' : ''} >>\nstream\n`);
  const tail = strToU8('\nendstream');
  const out = new Uint8Array(head.length + body.length + tail.length);
  out.set(head, 0);
  out.set(body, head.length);
  out.set(tail, head.length + body.length);
  return out;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The sample as Word paragraphs: a paragraph per block of lines (soft line breaks
 * inside), "#" lines as heading styles, "- " lines as bullet list paragraphs, and the
 * markdown bold marks as bold runs (the text of the runs has no stars).
 */
export function asWordParagraphs(text: string): DocxParagraph[] {
  const paragraphs: DocxParagraph[] = [];
  let block: string[] = [];
  let lastWasText = false;
  const flush = () => {
    if (block.length > 0) paragraphs.push({ text: block.join('\n') });
    block = [];
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\*\*/g, '').replace(/^\*(.*)\*$/, '$1');
    const heading = /^(#{1,6})\s+(.*)$/.exec(line.trim());
    const bullet = /^(\s*)- (.*)$/.exec(line);
    if (line.trim() === '' || /^-{3,}$/.test(line.trim())) flush();
    else if (heading) {
      flush();
      paragraphs.push({ text: heading[2].replace(/\*/g, ''), heading: heading[1].length });
    } else if (bullet) {
      flush();
      paragraphs.push({ text: bullet[2], bulletLevel: bullet[1].length >= 2 ? 1 : 0 });
    } else if (block.length === 0 && paragraphs.length > 0 && paragraphs[paragraphs.length - 1].bulletLevel !== undefined && lastWasText) {
      // A line right under a list item continues it: a soft line break in Word.
      const item = paragraphs[paragraphs.length - 1];
      paragraphs[paragraphs.length - 1] = { ...item, text: `${item.text}\n${line.trim()}` };
    } else block.push(line.trim());
    lastWasText = line.trim() !== '' && !/^-{3,}$/.test(line.trim());
  }
  flush();
  return paragraphs;
}

/**
 * The sample as a PDF converted to Word: every printed line is its own paragraph, an
 * empty line an empty paragraph (no soft line breaks, no styles; leading spaces kept for
 * the indentation a converter gives).
 */
export function asLineParagraphs(text: string): DocxParagraph[] {
  return text.split(/\r?\n/).map((line) => ({ text: line.replace(/\*\*/g, '').trimEnd() }));
}

/**
 * The sample as Word paragraphs whose OS, OO and action titles use Heading 1, 2 and 3:
 * `levels` maps a 1-based line number to its level; the heading paragraph takes that
 * line and the following lines of its block that continue the title (`title`).
 */
export function asHeadingParagraphs(text: string, levels: ReadonlyMap<number, { level: number; title: string }>): DocxParagraph[] {
  const lines = text.split(/\r?\n/).map((line) => line.replace(/\*\*/g, '').trim());
  const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const paragraphs: DocxParagraph[] = [];
  let block: string[] = [];
  const flush = () => {
    if (block.length > 0) paragraphs.push({ text: block.join('\n') });
    block = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const heading = levels.get(i + 1);
    if (heading) {
      flush();
      const parts = [lines[i]];
      while (i + 1 < lines.length && lines[i + 1] !== '' && !levels.has(i + 2) && fold(heading.title).indexOf(fold(lines[i + 1])) >= 0) parts.push(lines[++i]);
      paragraphs.push({ text: parts.join(' '), heading: heading.level });
    } else if (lines[i] === '' || /^-{3,}$/.test(lines[i])) flush();
    else block.push(lines[i]);
  }
  flush();
  return paragraphs;
}
