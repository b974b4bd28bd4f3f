/**
 * The PDF object syntax: values (numbers, names, strings of bytes, arrays, dictionaries,
 * "n g R" references) and the lexer that reads them, from the file, object streams and
 * content streams alike.
 */

export type PdfValue = number | boolean | null | string | PdfName | PdfRef | PdfValue[] | PdfDict | PdfString;

export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
/** A string of bytes (PDF strings are bytes, decoded later by the font). */
export class PdfString {
  constructor(readonly bytes: Uint8Array) {}
}
export type PdfDict = Map<string, PdfValue>;

export interface PdfObject {
  readonly value: PdfValue;
  readonly stream: Uint8Array | null;
}

const WHITESPACE = new Set([0, 9, 10, 12, 13, 32]);
const DELIMITERS = new Set([40, 41, 60, 62, 91, 93, 123, 125, 47, 37]);

export class Lexer {
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

export function latin1(data: Uint8Array, from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i += 8192) text += String.fromCharCode.apply(null, Array.from(data.subarray(i, Math.min(to, i + 8192))));
  return text;
}

export function isName(value: PdfValue | undefined, name: string): boolean {
  return value instanceof PdfName && value.name === name;
}
