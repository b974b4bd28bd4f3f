/**
 * Fonts: what each character code means (a ToUnicode CMap, else the simple encoding,
 * WinAnsi or MacRoman, with its /Differences named by glyph) and how wide it is.
 */
import type { PdfDocument } from './document';
import { isName, latin1, PdfName, PdfValue } from './objects';

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

export interface Font {
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
  // Hex strings may hold spaces (`<0066 0066 0069>`, the ffi ligature): they are dropped.
  const hexToString = (spaced: string): string => {
    const hex = spaced.replace(/\s+/g, '');
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
    const pairs = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]*)>/g;
    let m: RegExpExecArray | null;
    while ((m = pairs.exec(block)) !== null) {
      map.set(parseInt(m[1], 16), hexToString(m[2]));
      if (codeLength === null) codeLength = m[1].length <= 2 ? 1 : 2;
    }
  }
  for (const block of text.match(/beginbfrange[\s\S]*?endbfrange/g) || []) {
    const ranges = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F\s]*)>|\[([^\]]*)\])/g;
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
        const items = (m[4] || '').match(/<([0-9a-fA-F\s]*)>/g) || [];
        items.forEach((item, k) => map.set(low + k, hexToString(item.slice(1, -1))));
      }
    }
  }
  return { map, codeLength };
}

export function loadFont(doc: PdfDocument, fontValue: PdfValue | undefined): Font {
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
