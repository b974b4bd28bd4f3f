/**
 * The sanitizer and the plain-text pass on 1 MB of hostile HTML: each shape below made one
 * of them quadratic (issue #17: 86 s for 100,000 unclosed `<x>` then 100,000 `</y>`, 85 s
 * for nested `<svg>`, 46 s for a table row of 100,000 cells). Jest's 5 s timeout fails a
 * quadratic run; the times are printed, not asserted.
 */
import { richTextToPlainText, sanitizeRichText } from '../../src/text/richText';

const MB = 1 << 20;
const fill = (unit: string, size = MB): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

const SHAPES: Record<string, string> = {
  paragraphs: fill('<p>Un paragraphe <b>gras</b> &eacute;t&eacute; <a href="https://cpas.example">lien</a></p>'),
  unclosedThenOtherEnds: fill('<x>', MB / 2) + fill('</y>', MB / 2),
  nestedDropped: fill('<svg>', MB / 2) + fill('</g>', MB / 2),
  longTableRow: `<table><tr>${fill('<td>a</td>')}`,
  listItemsInSpans: `<ul>${fill('<span><li>a')}`,
  deepDivs: fill('<div>'),
  endTags: fill('</b>x'),
};

function timed<T>(label: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms`);
  return result;
}

describe('rich text on 1 MB inputs', () => {
  it.each(Object.keys(SHAPES))('sanitizes and reads %s in linear time', (shape) => {
    const html = timed(`sanitizeRichText ${shape}`, () => sanitizeRichText(SHAPES[shape]));
    const text = timed(`richTextToPlainText ${shape}`, () => richTextToPlainText(SHAPES[shape]));
    // The output stays well-nested: every written element is closed, in order.
    const stack: string[] = [];
    for (const tag of html.match(/<\/?[a-z0-9]+/g) ?? []) {
      if (tag.startsWith('</')) expect(stack.pop()).toBe(tag.substring(2));
      else if (tag !== '<br') stack.push(tag.substring(1));
    }
    expect(stack).toEqual([]);
    expect(typeof text).toBe('string');
  });

  it('keeps the content of elements beyond the open-element bound, and drops nested dropped content', () => {
    expect(sanitizeRichText(`${'<x>'.repeat(1000)}texte${'</y>'.repeat(1000)}`)).toBe('texte');
    expect(sanitizeRichText(`avant${'<svg>'.repeat(300)}caché${'</svg>'.repeat(300)}après`)).toBe('avantaprès');
    expect(richTextToPlainText(`<table><tr>${'<td>a</td>'.repeat(5)}</tr></table>`)).toBe('a | a | a | a | a');
  });
});
