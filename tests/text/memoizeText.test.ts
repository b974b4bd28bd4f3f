import { memoizeText } from '../../src/text/memoizeText';

describe('memoizeText', () => {
  it('computes a text once, gives the same value again, and starts again past its capacity', () => {
    const computed: string[] = [];
    const upper = memoizeText((text: string) => {
      computed.push(text);
      return { text: text.toUpperCase() };
    }, 2);
    const first = upper('a');
    expect(upper('a')).toBe(first);
    expect(upper('b').text).toBe('B');
    expect(computed).toEqual(['a', 'b']);
    upper('c'); // third text: the memory starts again with it
    expect(upper('c').text).toBe('C');
    expect(upper('a')).not.toBe(first);
    expect(upper('a')).toEqual(first);
    expect(computed).toEqual(['a', 'b', 'c', 'a']);
  });
});
