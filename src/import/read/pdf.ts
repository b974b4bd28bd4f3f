/**
 * Text of a PDF, read without a PDF library: objects (also inside object streams),
 * Flate/LZW/ASCII85/ASCIIHex streams, fonts with ToUnicode maps or simple encodings
 * (WinAnsi, MacRoman, Differences), content streams interpreted just enough to place
 * each piece of text (text and transformation matrices, form XObjects), then pieces
 * gathered into lines by position on each page. Blank lines mark larger vertical gaps
 * and leading spaces the indentation, as a text extraction tool would print them.
 *
 * Encrypted PDFs are refused (their text cannot be read without the key); a scanned
 * PDF gives no text and the caller says so.
 */
import { inflateSync, unzlibSync } from 'fflate';
import { ImportError } from '../errors';
import type { SourceLine } from '../lines/sourceLines';

// ---------------------------------------------------------------- objects

type PdfValue = number | boolean | null | string | PdfName | PdfRef | PdfValue[] | PdfDict | PdfString;

class PdfName {
  constructor(readonly name: string) {}
}
class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
/** A string of bytes (PDF strings are bytes, decoded later by the font). */
class PdfString {
  constructor(readonly bytes: Uint8Array) {}
}
type PdfDict = Map<string, PdfValue>;

interface PdfObject {
  readonly value: PdfValue;
  readonly stream: Uint8Array | null;
}

const WHITESPACE = new Set([0, 9, 10, 12, 13, 32]);
const DELIMITERS = new Set([40, 41, 60, 62, 91, 93, 123, 125, 47, 37]);

class Lexer {
  pos: number;
  constructor(
    readonly data: Uint8Array,
    start = 0,
    readonly end = data.length,
  ) {
    this.pos = start;
  }

  skipSpace(): void {
    const d = this.data;
    while (this.pos < this.end) {
      const c = d[this.pos];
      if (WHITESPACE.has(c)) this.pos++;
      else if (c === 37) {
        while (this.pos < this.end && d[this.pos] !== 10 && d[this.pos] !== 13) this.pos++;
      } else break;
    }
  }

  /** The next token: a value, or an operator/keyword as a plain JS string prefixed with '#op:'. */
  next(): PdfValue | { op: string } | undefined {
    this.skipSpace();
    if (this.pos >= this.end) return undefined;
    const d = this.data;
    const c = d[this.pos];
    if (c === 47) {
      // /Name
      let p = ++this.pos;
      while (p < this.end && !WHITESPACE.has(d[p]) && !DELIMITERS.has(d[p])) p++;
      const raw = latin1(d, this.pos, p).replace(/#([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
      this.pos = p;
      return new PdfName(raw);
    }
    if (c === 40) return this.literalString();
    if (c === 60) {
      if (d[this.pos + 1] === 60) {
        this.pos += 2;
        return this.dictionary();
      }
      return this.hexString();
    }
    if (c === 91) {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (this.pos >= this.end) break;
        if (d[this.pos] === 93) {
          this.pos++;
          break;
        }
        const item = this.value();
        if (item === undefined) break;
        items.push(item);
      }
      return items;
    }
    if (c === 93 || c === 41 || c === 62 || c === 123 || c === 125) {
      this.pos++;
      return { op: String.fromCharCode(c) };
    }
    let p = this.pos;
    while (p < this.end && !WHITESPACE.has(d[p]) && !DELIMITERS.has(d[p])) p++;
    if (p === this.pos) p++;
    const word = latin1(d, this.pos, p);
    this.pos = p;
    if (/^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(word)) return Number(word);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return { op: word };
  }

  /** A value, with "n g R" references resolved into PdfRef. */
  value(): PdfValue | undefined {
    const token = this.next();
    if (token === undefined) return undefined;
    if (typeof token === 'number' && Number.isInteger(token)) {
      const save = this.pos;
      const gen = this.next();
      if (typeof gen === 'number' && Number.isInteger(gen)) {
        const r = this.next();
        if (r && typeof r === 'object' && 'op' in r && r.op === 'R') return new PdfRef(token, gen);
      }
      this.pos = save;
      return token;
    }
    if (token && typeof token === 'object' && 'op' in token) return null;
    return token as PdfValue;
  }

  private dictionary(): PdfDict {
    const dict: PdfDict = new Map();
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.end) break;
      if (this.data[this.pos] === 62 && this.data[this.pos + 1] === 62) {
        this.pos += 2;
        break;
      }
      const key = this.next();
      if (!(key instanceof PdfName)) {
        if (key === undefined) break;
        continue;
      }
      const value = this.value();
      if (value === undefined) break;
      dict.set(key.name, value);
    }
    return dict;
  }

  private literalString(): PdfString {
    const d = this.data;
    const out: number[] = [];
    let depth = 1;
    this.pos++;
    while (this.pos < this.end) {
      const c = d[this.pos++];
      if (c === 92) {
        const e = d[this.pos++];
        const escapes: { [k: number]: number } = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12, 40: 40, 41: 41, 92: 92 };
        if (escapes[e] !== undefined) out.push(escapes[e]);
        else if (e >= 48 && e <= 55) {
          let value = e - 48;
          for (let k = 0; k < 2 && d[this.pos] >= 48 && d[this.pos] <= 55; k++) value = value * 8 + (d[this.pos++] - 48);
          out.push(value & 255);
        } else if (e === 13) {
          if (d[this.pos] === 10) this.pos++;
        } else if (e !== 10) out.push(e);
      } else if (c === 40) {
        depth++;
        out.push(c);
      } else if (c === 41) {
        if (--depth === 0) break;
        out.push(c);
      } else out.push(c);
    }
    return new PdfString(Uint8Array.from(out));
  }

  private hexString(): PdfString {
    const d = this.data;
    this.pos++;
    let hex = '';
    while (this.pos < this.end && d[this.pos] !== 62) {
      const ch = String.fromCharCode(d[this.pos++]);
      if (/[0-9a-fA-F]/.test(ch)) hex += ch;
    }
    this.pos++;
    if (hex.length % 2 === 1) hex += '0';
    const out = new Uint8Array(hex.length / 2);
    for (let k = 0; k < out.length; k++) out[k] = parseInt(hex.substr(k * 2, 2), 16);
    return new PdfString(out);
  }
}

function latin1(data: Uint8Array, from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i += 8192) text += String.fromCharCode.apply(null, Array.from(data.subarray(i, Math.min(to, i + 8192))));
  return text;
}

// ---------------------------------------------------------------- filters

function lzwDecode(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let dictionary: number[][] = [];
  const reset = () => {
    dictionary = [];
    for (let i = 0; i < 256; i++) dictionary.push([i]);
    dictionary.push([], []);
  };
  reset();
  let codeLength = 9;
  let bitBuffer = 0;
  let bitCount = 0;
  let previous: number[] | null = null;
  for (let i = 0; i < data.length; i++) {
    bitBuffer = (bitBuffer << 8) | data[i];
    bitCount += 8;
    while (bitCount >= codeLength) {
      const code = (bitBuffer >> (bitCount - codeLength)) & ((1 << codeLength) - 1);
      bitCount -= codeLength;
      if (code === 256) {
        reset();
        codeLength = 9;
        previous = null;
        continue;
      }
      if (code === 257) return Uint8Array.from(out);
      let entry: number[];
      if (code < dictionary.length && dictionary[code].length > 0) entry = dictionary[code];
      else if (previous) entry = previous.concat([previous[0]]);
      else continue;
      out.push(...entry);
      if (previous) dictionary.push(previous.concat([entry[0]]));
      previous = entry;
      if (dictionary.length + 1 >= 1 << codeLength && codeLength < 12) codeLength++;
    }
  }
  return Uint8Array.from(out);
}

function ascii85Decode(data: Uint8Array): Uint8Array {
  const text = latin1(data, 0, data.length).replace(/\s+/g, '').replace(/^<~/, '').replace(/~>.*$/, '');
  const out: number[] = [];
  let group: number[] = [];
  for (const ch of text) {
    if (ch === 'z' && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    group.push(ch.charCodeAt(0) - 33);
    if (group.length === 5) {
      let value = 0;
      for (const g of group) value = value * 85 + g;
      out.push((value >>> 24) & 255, (value >>> 16) & 255, (value >>> 8) & 255, value & 255);
      group = [];
    }
  }
  if (group.length > 1) {
    const n = group.length;
    while (group.length < 5) group.push(84);
    let value = 0;
    for (const g of group) value = value * 85 + g;
    const bytes = [(value >>> 24) & 255, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
    out.push(...bytes.slice(0, n - 1));
  }
  return Uint8Array.from(out);
}

function flateDecode(data: Uint8Array): Uint8Array {
  try {
    return unzlibSync(data);
  } catch {
    try {
      return inflateSync(data.subarray(2));
    } catch {
      return new Uint8Array(0);
    }
  }
}

/** PNG predictors of Flate streams (xref and object streams of some producers). */
function unpredict(data: Uint8Array, params: PdfDict | null): Uint8Array {
  const predictor = params ? Number(params.get('Predictor') || 1) : 1;
  if (predictor < 10) return data;
  const columns = Number((params as PdfDict).get('Columns') || 1);
  const rowLength = columns + 1;
  const rows = Math.floor(data.length / rowLength);
  const out = new Uint8Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    const type = data[r * rowLength];
    for (let c = 0; c < columns; c++) {
      const raw = data[r * rowLength + 1 + c];
      const left = c > 0 ? out[r * columns + c - 1] : 0;
      const up = r > 0 ? out[(r - 1) * columns + c] : 0;
      const upLeft = r > 0 && c > 0 ? out[(r - 1) * columns + c - 1] : 0;
      let value = raw;
      if (type === 1) value = raw + left;
      else if (type === 2) value = raw + up;
      else if (type === 3) value = raw + Math.floor((left + up) / 2);
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      }
      out[r * columns + c] = value & 255;
    }
  }
  return out;
}

// ---------------------------------------------------------------- document

class PdfDocument {
  private readonly objects = new Map<number, { start: number } | PdfObject>();
  private readonly text: string;

  constructor(readonly data: Uint8Array) {
    this.text = latin1(data, 0, data.length);
    const pattern = /(?:^|[^\d])(\d{1,7})\s+(\d{1,5})\s+obj\b/g;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(this.text)) !== null) {
      // The last definition of an object wins (incremental updates append new versions).
      this.objects.set(Number(match[1]), { start: match.index + match[0].length });
    }
    this.loadObjectStreams();
  }

  get isEncrypted(): boolean {
    return /\/Encrypt\s+(?:\d+\s+\d+\s+R|<<)/.test(this.text.slice(Math.max(0, this.text.length - 4096))) || this.trailerHasEncrypt();
  }

  private trailerHasEncrypt(): boolean {
    const trailer = this.text.lastIndexOf('trailer');
    if (trailer >= 0 && /\/Encrypt\b/.test(this.text.slice(trailer, trailer + 2048))) return true;
    // Cross-reference streams carry the trailer keys in their dictionary.
    for (const [num] of this.objects) {
      const obj = this.get(num);
      if (obj && obj.value instanceof Map && isName(obj.value.get('Type'), 'XRef') && obj.value.has('Encrypt')) return true;
    }
    return false;
  }

  private loadObjectStreams(): void {
    const streams: number[] = [];
    this.objects.forEach((entry, num) => {
      if ('start' in entry && /^\s*<<[^]*?\/Type\s*\/ObjStm/.test(this.text.slice(entry.start, entry.start + 400))) streams.push(num);
    });
    for (const num of streams) {
      const obj = this.get(num);
      if (!obj || !(obj.value instanceof Map) || !obj.stream) continue;
      const count = Number(obj.value.get('N') || 0);
      const first = Number(obj.value.get('First') || 0);
      const data = obj.stream;
      const header = new Lexer(data, 0, first);
      const entries: [number, number][] = [];
      for (let k = 0; k < count; k++) {
        const objectNumber = header.next();
        const offset = header.next();
        if (typeof objectNumber !== 'number' || typeof offset !== 'number') break;
        entries.push([objectNumber, offset]);
      }
      for (const [objectNumber, offset] of entries) {
        if (this.objects.has(objectNumber) && !('value' in (this.objects.get(objectNumber) as object))) {
          // A classic object with the same number was written later (incremental update).
          const existing = this.objects.get(objectNumber) as { start: number };
          if (existing.start > 0) continue;
        }
        const lexer = new Lexer(data, first + offset);
        const value = lexer.value();
        this.objects.set(objectNumber, { value: value === undefined ? null : value, stream: null });
      }
    }
  }

  get(num: number): PdfObject | null {
    const entry = this.objects.get(num);
    if (!entry) return null;
    if ('value' in entry) return entry;
    const lexer = new Lexer(this.data, entry.start);
    const value = lexer.value();
    let stream: Uint8Array | null = null;
    if (value instanceof Map) {
      const save = lexer.pos;
      const keyword = lexer.next();
      if (keyword && typeof keyword === 'object' && 'op' in keyword && keyword.op === 'stream') {
        let start = lexer.pos;
        if (this.data[start] === 13) start++;
        if (this.data[start] === 10) start++;
        const declared = this.resolve(value.get('Length'));
        let end = typeof declared === 'number' ? start + declared : -1;
        if (end < start || end > this.data.length || latin1(this.data, end, Math.min(end + 20, this.data.length)).indexOf('endstream') < 0) {
          end = this.text.indexOf('endstream', start);
          if (end < 0) end = this.data.length;
          while (end > start && (this.data[end - 1] === 10 || this.data[end - 1] === 13)) end--;
        }
        stream = this.decode(this.data.subarray(start, end), value);
      } else lexer.pos = save;
    }
    const object: PdfObject = { value: value === undefined ? null : value, stream };
    this.objects.set(num, object);
    return object;
  }

  resolve(value: PdfValue | undefined): PdfValue | undefined {
    let current = value;
    for (let depth = 0; current instanceof PdfRef && depth < 20; depth++) {
      const obj = this.get(current.num);
      current = obj ? obj.value : null;
    }
    return current;
  }

  dict(value: PdfValue | undefined): PdfDict | null {
    const resolved = this.resolve(value);
    return resolved instanceof Map ? resolved : null;
  }

  streamOf(value: PdfValue | undefined): Uint8Array | null {
    if (value instanceof PdfRef) {
      const obj = this.get(value.num);
      return obj ? obj.stream : null;
    }
    return null;
  }

  private decode(raw: Uint8Array, dict: PdfDict): Uint8Array {
    const filterValue = this.resolve(dict.get('Filter'));
    const filters = Array.isArray(filterValue) ? filterValue : filterValue ? [filterValue] : [];
    const paramsValue = this.resolve(dict.get('DecodeParms'));
    const params = Array.isArray(paramsValue) ? paramsValue : [paramsValue];
    let data = raw;
    filters.forEach((filter, index) => {
      const name = filter instanceof PdfName ? filter.name : '';
      const param = this.dict(params[index] as PdfValue) || null;
      if (name === 'FlateDecode' || name === 'Fl') data = unpredict(flateDecode(data), param);
      else if (name === 'LZWDecode' || name === 'LZW') data = unpredict(lzwDecode(data), param);
      else if (name === 'ASCII85Decode' || name === 'A85') data = ascii85Decode(data);
      else if (name === 'ASCIIHexDecode' || name === 'AHx') {
        const hex = latin1(data, 0, data.length).replace(/[^0-9a-fA-F]/g, '');
        const out = new Uint8Array(Math.floor(hex.length / 2));
        for (let k = 0; k < out.length; k++) out[k] = parseInt(hex.substr(k * 2, 2), 16);
        data = out;
      } else data = new Uint8Array(0); // images (DCT, JPX, CCITT): no text
    });
    return data;
  }

  /** Pages in reading order, following the page tree from the catalog. */
  pages(): PdfDict[] {
    const pages: PdfDict[] = [];
    const rootRef = /\/Root\s+(\d+)\s+\d+\s+R/g;
    let root: PdfDict | null = null;
    let match: RegExpExecArray | null;
    while ((match = rootRef.exec(this.text)) !== null) {
      const candidate = this.dict(new PdfRef(Number(match[1]), 0));
      if (candidate && candidate.has('Pages')) root = candidate;
    }
    const visit = (node: PdfDict | null, inherited: PdfDict | null, depth: number) => {
      if (!node || depth > 50) return;
      const resources = this.dict(node.get('Resources')) || inherited;
      const kids = this.resolve(node.get('Kids'));
      if (Array.isArray(kids)) {
        for (const kid of kids) visit(this.dict(kid), resources, depth + 1);
      } else if (isName(node.get('Type'), 'Page') || node.has('Contents')) {
        const page: PdfDict = new Map(node);
        if (resources) page.set('Resources', resources);
        pages.push(page);
      }
    };
    if (root) visit(this.dict(root.get('Pages')), null, 0);
    if (pages.length === 0) {
      // No usable catalog: every page object, in file order.
      this.objects.forEach((_entry, num) => {
        const obj = this.get(num);
        if (obj && obj.value instanceof Map && isName(obj.value.get('Type'), 'Page')) pages.push(obj.value);
      });
    }
    return pages;
  }
}

function isName(value: PdfValue | undefined, name: string): boolean {
  return value instanceof PdfName && value.name === name;
}

// ---------------------------------------------------------------- fonts

const GLYPHS: Readonly<Record<string, string>> = {
  space: ' ', exclam: '!', quotedbl: '"', numbersign: '#', dollar: '$', percent: '%', ampersand: '&', quotesingle: "'",
  parenleft: '(', parenright: ')', asterisk: '*', plus: '+', comma: ',', hyphen: '-', period: '.', slash: '/',
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  colon: ':', semicolon: ';', less: '<', equal: '=', greater: '>', question: '?', at: '@', bracketleft: '[',
  backslash: '\\', bracketright: ']', asciicircum: '^', underscore: '_', grave: '`', braceleft: '{', bar: '|',
  braceright: '}', asciitilde: '~', quoteright: '’', quoteleft: '‘', quotedblleft: '“', quotedblright: '”',
  quotesinglbase: '‚', quotedblbase: '„', endash: '–', emdash: '—', bullet: '•', ellipsis: '…', guillemotleft: '«',
  guillemotright: '»', guilsinglleft: '‹', guilsinglright: '›', Euro: '€', degree: '°', periodcentered: '·',
  section: '§', paragraph: '¶', copyright: '©', registered: '®', trademark: '™', sterling: '£', oe: 'œ', OE: 'Œ',
  ae: 'æ', AE: 'Æ', germandbls: 'ß', fi: 'fi', fl: 'fl', minus: '−', nbspace: '\u00a0', ordfeminine: 'ª', ordmasculine: 'º',
  dagger: '†', daggerdbl: '‡', florin: 'ƒ', perthousand: '‰', circumflex: 'ˆ', tilde: '˜', dotlessi: 'ı',
};
const ACCENTS: Readonly<Record<string, string>> = { acute: '\u0301', grave: '\u0300', circumflex: '\u0302', dieresis: '\u0308', tilde: '\u0303', ring: '\u030a', cedilla: '\u0327', caron: '\u030c' };

function glyphToUnicode(name: string): string | null {
  if (GLYPHS[name] !== undefined) return GLYPHS[name];
  if (/^[A-Za-z]$/.test(name)) return name;
  const uni = /^uni([0-9A-Fa-f]{4,6})$/.exec(name) || /^u([0-9A-Fa-f]{4,6})$/.exec(name);
  if (uni) return String.fromCodePoint(parseInt(uni[1], 16));
  const accented = /^([A-Za-z])(acute|grave|circumflex|dieresis|tilde|ring|cedilla|caron)$/.exec(name);
  if (accented) return (accented[1] + ACCENTS[accented[2]]).normalize('NFC');
  const base = /^([A-Za-z]+)\.\w+$/.exec(name);
  return base ? glyphToUnicode(base[1]) : null;
}

const WIN_ANSI = new TextDecoder('windows-1252');
const MAC_ROMAN = (() => {
  try {
    return new TextDecoder('macintosh');
  } catch {
    return WIN_ANSI;
  }
})();

interface Font {
  /** Bytes per code (Type0 fonts: 2, unless their CMap says otherwise). */
  readonly codeLength: 1 | 2;
  decode(code: number): string;
  /** Advance width in thousandths of the font size. */
  width(code: number): number;
}

function parseToUnicode(data: Uint8Array): { map: Map<number, string>; codeLength: 1 | 2 | null } {
  const text = latin1(data, 0, data.length);
  const map = new Map<number, string>();
  let codeLength: 1 | 2 | null = null;
  const hexToString = (hex: string): string => {
    let out = '';
    for (let k = 0; k + 4 <= hex.length; k += 4) out += String.fromCharCode(parseInt(hex.substr(k, 4), 16));
    if (hex.length === 2) out = String.fromCharCode(parseInt(hex, 16));
    return out;
  };
  const space = /begincodespacerange([\s\S]*?)endcodespacerange/.exec(text);
  if (space) {
    const first = /<([0-9a-fA-F]+)>/.exec(space[1]);
    if (first) codeLength = first[1].length <= 2 ? 1 : 2;
  }
  for (const block of text.match(/beginbfchar[\s\S]*?endbfchar/g) || []) {
    const pairs = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g;
    let m: RegExpExecArray | null;
    while ((m = pairs.exec(block)) !== null) {
      map.set(parseInt(m[1], 16), hexToString(m[2]));
      if (codeLength === null) codeLength = m[1].length <= 2 ? 1 : 2;
    }
  }
  for (const block of text.match(/beginbfrange[\s\S]*?endbfrange/g) || []) {
    const ranges = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F]*)>|\[([^\]]*)\])/g;
    let m: RegExpExecArray | null;
    while ((m = ranges.exec(block)) !== null) {
      const low = parseInt(m[1], 16);
      const high = Math.min(parseInt(m[2], 16), low + 65535);
      if (codeLength === null) codeLength = m[1].length <= 2 ? 1 : 2;
      if (m[3] !== undefined) {
        const base = hexToString(m[3]);
        for (let code = low; code <= high; code++) {
          const last = base.charCodeAt(base.length - 1) + (code - low);
          map.set(code, base.slice(0, -1) + String.fromCharCode(last));
        }
      } else {
        const items = (m[4] || '').match(/<([0-9a-fA-F]*)>/g) || [];
        items.forEach((item, k) => map.set(low + k, hexToString(item.slice(1, -1))));
      }
    }
  }
  return { map, codeLength };
}

function loadFont(doc: PdfDocument, fontValue: PdfValue | undefined): Font {
  const font = doc.dict(fontValue);
  const fallback: Font = { codeLength: 1, decode: (c) => WIN_ANSI.decode(Uint8Array.of(c)), width: () => 500 };
  if (!font) return fallback;
  const subtype = font.get('Subtype');
  const type0 = isName(subtype, 'Type0');
  const toUnicodeData = doc.streamOf(font.get('ToUnicode'));
  const toUnicode = toUnicodeData ? parseToUnicode(toUnicodeData) : null;

  // Widths: /Widths of simple fonts, /W of the descendant of a Type0 font.
  const widths = new Map<number, number>();
  let defaultWidth = type0 ? 1000 : 500;
  if (type0) {
    const descendants = doc.resolve(font.get('DescendantFonts'));
    const descendant = Array.isArray(descendants) ? doc.dict(descendants[0]) : null;
    if (descendant) {
      if (typeof doc.resolve(descendant.get('DW')) === 'number') defaultWidth = doc.resolve(descendant.get('DW')) as number;
      const w = doc.resolve(descendant.get('W'));
      if (Array.isArray(w)) {
        for (let k = 0; k < w.length; ) {
          const first = doc.resolve(w[k]);
          const second = doc.resolve(w[k + 1]);
          if (typeof first !== 'number') break;
          if (Array.isArray(second)) {
            second.forEach((value, j) => widths.set(first + j, Number(doc.resolve(value)) || defaultWidth));
            k += 2;
          } else if (typeof second === 'number') {
            const width = Number(doc.resolve(w[k + 2])) || defaultWidth;
            for (let code = first; code <= second && code - first < 65536; code++) widths.set(code, width);
            k += 3;
          } else break;
        }
      }
    }
  } else {
    const firstChar = Number(doc.resolve(font.get('FirstChar')) || 0);
    const list = doc.resolve(font.get('Widths'));
    if (Array.isArray(list)) list.forEach((value, k) => widths.set(firstChar + k, Number(doc.resolve(value)) || 0));
  }

  // Simple encodings and their /Differences.
  const differences = new Map<number, string>();
  let decoder = WIN_ANSI;
  const encoding = doc.resolve(font.get('Encoding'));
  if (isName(encoding, 'MacRomanEncoding')) decoder = MAC_ROMAN;
  if (encoding instanceof Map) {
    if (isName(encoding.get('BaseEncoding'), 'MacRomanEncoding')) decoder = MAC_ROMAN;
    const list = doc.resolve(encoding.get('Differences'));
    if (Array.isArray(list)) {
      let code = 0;
      for (const item of list) {
        const value = doc.resolve(item);
        if (typeof value === 'number') code = value;
        else if (value instanceof PdfName) {
          const unicode = glyphToUnicode(value.name);
          if (unicode !== null) differences.set(code, unicode);
          code++;
        }
      }
    }
  }
  const codeLength: 1 | 2 = type0 ? (toUnicode && toUnicode.codeLength === 1 ? 1 : 2) : 1;
  return {
    codeLength,
    decode: (code) => {
      if (toUnicode && toUnicode.map.has(code)) return toUnicode.map.get(code) as string;
      if (differences.has(code)) return differences.get(code) as string;
      if (type0) return '';
      return decoder.decode(Uint8Array.of(code & 255));
    },
    width: (code) => (widths.has(code) ? (widths.get(code) as number) : defaultWidth),
  };
}

// ---------------------------------------------------------------- content streams

interface TextPiece {
  x: number;
  y: number;
  endX: number;
  size: number;
  text: string;
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

function interpret(doc: PdfDocument, content: Uint8Array, resources: PdfDict | null, baseCtm: Matrix, pieces: TextPiece[], depth: number): void {
  const fontCache = new Map<string, Font>();
  const fontsDict = resources ? doc.dict(resources.get('Font')) : null;
  const xobjects = resources ? doc.dict(resources.get('XObject')) : null;
  let ctm: Matrix = baseCtm;
  const stack: { ctm: Matrix; font: Font | null; size: number; leading: number; charSpacing: number; wordSpacing: number; scale: number }[] = [];
  let font: Font | null = null;
  let size = 12;
  let leading = 0;
  let charSpacing = 0;
  let wordSpacing = 0;
  let scale = 1;
  let tm: Matrix = [1, 0, 0, 1, 0, 0];
  let tlm: Matrix = [1, 0, 0, 1, 0, 0];
  const operands: PdfValue[] = [];
  const lexer = new Lexer(content);

  const show = (value: PdfValue) => {
    if (!font) font = loadFont(doc, undefined);
    const items = Array.isArray(value) ? value : [value];
    const trm = multiply(tm, ctm);
    const startX = trm[4];
    const startY = trm[5];
    const effectiveSize = size * Math.hypot(trm[0], trm[1]) || size;
    let text = '';
    for (const item of items) {
      if (typeof item === 'number') {
        // A large negative kerning inside a TJ array is a word gap in justified text.
        if (item < -200 && !/\s$/.test(text)) text += ' ';
        tm = multiply([1, 0, 0, 1, (-item / 1000) * size * scale, 0], tm);
        continue;
      }
      if (!(item instanceof PdfString)) continue;
      const bytes = item.bytes;
      for (let k = 0; k < bytes.length; k += font.codeLength) {
        const code = font.codeLength === 2 ? (bytes[k] << 8) | (bytes[k + 1] || 0) : bytes[k];
        const chars = font.decode(code);
        text += chars;
        const advance = (font.width(code) / 1000) * size + charSpacing + (code === 32 && font.codeLength === 1 ? wordSpacing : 0);
        tm = multiply([1, 0, 0, 1, advance * scale, 0], tm);
      }
    }
    const end = multiply(tm, ctm);
    if (text.replace(/\s/g, '') !== '') pieces.push({ x: startX, y: startY, endX: end[4], size: Math.abs(effectiveSize), text });
  };

  for (;;) {
    const token = lexer.next();
    if (token === undefined) break;
    if (!(token && typeof token === 'object' && 'op' in token)) {
      operands.push(token as PdfValue);
      continue;
    }
    const op = token.op;
    const num = (k: number) => Number(operands[operands.length - k]) || 0;
    switch (op) {
      case 'q':
        stack.push({ ctm, font, size, leading, charSpacing, wordSpacing, scale });
        break;
      case 'Q': {
        const state = stack.pop();
        if (state) ({ ctm, font, size, leading, charSpacing, wordSpacing, scale } = state);
        break;
      }
      case 'cm':
        ctm = multiply([num(6), num(5), num(4), num(3), num(2), num(1)], ctm);
        break;
      case 'BT':
        tm = [1, 0, 0, 1, 0, 0];
        tlm = [1, 0, 0, 1, 0, 0];
        break;
      case 'Tf': {
        const name = operands[operands.length - 2];
        size = num(1);
        if (name instanceof PdfName) {
          const key = name.name;
          if (!fontCache.has(key)) fontCache.set(key, loadFont(doc, fontsDict ? fontsDict.get(key) : undefined));
          font = fontCache.get(key) as Font;
        }
        break;
      }
      case 'Tc':
        charSpacing = num(1);
        break;
      case 'Tw':
        wordSpacing = num(1);
        break;
      case 'Tz':
        scale = num(1) / 100;
        break;
      case 'TL':
        leading = num(1);
        break;
      case 'Td':
        tlm = multiply([1, 0, 0, 1, num(2), num(1)], tlm);
        tm = tlm;
        break;
      case 'TD':
        leading = -num(1);
        tlm = multiply([1, 0, 0, 1, num(2), num(1)], tlm);
        tm = tlm;
        break;
      case 'Tm':
        tlm = [num(6), num(5), num(4), num(3), num(2), num(1)];
        tm = tlm;
        break;
      case 'T*':
        tlm = multiply([1, 0, 0, 1, 0, -leading], tlm);
        tm = tlm;
        break;
      case 'Tj':
      case 'TJ':
        show(operands[operands.length - 1]);
        break;
      case "'":
        tlm = multiply([1, 0, 0, 1, 0, -leading], tlm);
        tm = tlm;
        show(operands[operands.length - 1]);
        break;
      case '"':
        wordSpacing = num(3);
        charSpacing = num(2);
        tlm = multiply([1, 0, 0, 1, 0, -leading], tlm);
        tm = tlm;
        show(operands[operands.length - 1]);
        break;
      case 'Do': {
        const name = operands[operands.length - 1];
        if (depth < 5 && name instanceof PdfName && xobjects) {
          const ref = xobjects.get(name.name);
          const xobject = doc.dict(ref);
          const data = doc.streamOf(ref);
          if (xobject && data && isName(xobject.get('Subtype'), 'Form')) {
            const matrix = doc.resolve(xobject.get('Matrix'));
            const formMatrix: Matrix = Array.isArray(matrix) && matrix.length === 6 ? (matrix.map((v) => Number(doc.resolve(v)) || 0) as Matrix) : [1, 0, 0, 1, 0, 0];
            interpret(doc, data, doc.dict(xobject.get('Resources')) || resources, multiply(formMatrix, ctm), pieces, depth + 1);
          }
        }
        break;
      }
      case 'BI': {
        // Inline image: skip its data up to EI.
        const text = latin1(content, lexer.pos, Math.min(content.length, lexer.pos + 200000));
        const end = text.search(/\sEI(?:\s|$)/);
        lexer.pos = end >= 0 ? lexer.pos + end + 3 : content.length;
        break;
      }
    }
    operands.length = 0;
  }
}

// ---------------------------------------------------------------- lines

function piecesToLines(pieces: TextPiece[]): { text: string; gapBefore: boolean }[] {
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

export function readPdfLines(bytes: Uint8Array): SourceLine[] {
  let doc: PdfDocument;
  try {
    doc = new PdfDocument(bytes);
  } catch {
    throw new ImportError('unreadable', 'Ce PDF est abîmé : sa structure ne peut pas être lue. Exportez-le à nouveau depuis Word.');
  }
  if (doc.isEncrypted) {
    throw new ImportError('encrypted', 'Ce PDF est protégé (chiffré) : son texte ne peut pas être lu. Importez le document Word d’origine (.docx) ou un PDF non protégé.');
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
