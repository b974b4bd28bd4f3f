/**
 * Content streams, interpreted just enough to place each piece of text: the graphics
 * state stack, text and transformation matrices, fonts and spacing, form XObjects.
 */
import type { PdfDocument } from './document';
import { Font, loadFont } from './fonts';
import { isName, latin1, Lexer, PdfDict, PdfName, PdfString, PdfValue } from './objects';

export interface TextPiece {
  x: number;
  y: number;
  endX: number;
  size: number;
  text: string;
}

export type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

export function interpret(doc: PdfDocument, content: Uint8Array, resources: PdfDict | null, baseCtm: Matrix, pieces: TextPiece[], depth: number): void {
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
