/**
 * The document: where each object starts (the last definition wins, as incremental
 * updates append new versions), objects inside object streams, streams decoded through
 * their filters (and decrypted when the file opens without a password), references
 * resolved, encryption detected, pages in reading order.
 */
import { ascii85Decode, flateDecode, lzwDecode, unpredict } from './filters';
import { isName, latin1, Lexer, PdfDict, PdfName, PdfObject, PdfRef, PdfString, PdfValue } from './objects';
import { openWithoutPassword, StreamDecryptor } from './security';

export class PdfDocument {
  private readonly objects = new Map<number, { start: number; gen: number } | PdfObject>();
  private readonly text: string;
  /** Set when the file is encrypted but opens without a password (owner password only). */
  private decryptor: StreamDecryptor | null = null;

  constructor(readonly data: Uint8Array) {
    this.text = latin1(data, 0, data.length);
    const pattern = /(?:^|[^\d])(\d{1,7})\s+(\d{1,5})\s+obj\b/g;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(this.text)) !== null) {
      // The last definition of an object wins (incremental updates append new versions).
      this.objects.set(Number(match[1]), { start: match.index + match[0].length, gen: Number(match[2]) });
    }
    this.decryptor = this.openSecurity();
    this.loadObjectStreams();
  }

  /** Encrypted and not readable: a user password is needed (or the handler is not the standard one). */
  get needsPassword(): boolean {
    return this.isEncrypted && this.decryptor === null;
  }

  /** The trailer: the last classic one, or the dictionary of the last cross-reference stream. */
  private trailer(): PdfDict | null {
    const at = this.text.lastIndexOf('trailer');
    if (at >= 0) {
      const value = new Lexer(this.data, at + 'trailer'.length).value();
      if (value instanceof Map && value.has('Root')) return value;
    }
    let found: PdfDict | null = null;
    this.objects.forEach((entry, num) => {
      if ('start' in entry && /^\s*<<[^]*?\/Type\s*\/XRef/.test(this.text.slice(entry.start, entry.start + 600))) {
        const obj = this.get(num);
        if (obj && obj.value instanceof Map && (!found || obj.value.has('Encrypt'))) found = obj.value;
      }
    });
    return found;
  }

  private openSecurity(): StreamDecryptor | null {
    if (!/\/Encrypt\b/.test(this.text)) return null;
    const trailer = this.trailer();
    const encrypt = trailer ? this.dict(trailer.get('Encrypt')) : null;
    if (!trailer || !encrypt) return null;
    const ids = this.resolve(trailer.get('ID'));
    const id = Array.isArray(ids) && ids[0] instanceof PdfString ? ids[0].bytes : new Uint8Array(0);
    return openWithoutPassword(encrypt, id, (v) => this.resolve(v));
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
        let raw = this.data.subarray(start, end);
        // Cross-reference streams are never encrypted; metadata may not be.
        const clear = isName(value.get('Type'), 'XRef') || (isName(value.get('Type'), 'Metadata') && /\/EncryptMetadata\s+false/.test(this.text));
        if (this.decryptor && !clear) {
          raw = this.decryptor.decrypt(num, entry.gen, raw);
        }
        stream = this.decode(raw, value);
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
