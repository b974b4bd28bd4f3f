/** foldChars: one character per character, whatever path (plain ASCII or not) a text takes. */
import { foldChars } from '../../src/text/normalize';

describe('foldChars', () => {
  it('lowers case and drops accents, keeping the length', () => {
    const text = "Objectif Stratégique n°1 : Être à l'écoute – ŒUVRE";
    const folded = foldChars(text);
    expect(folded).toBe("objectif strategique n°1 : etre a l'ecoute - ouvre");
    expect(folded.length).toBe(text.length);
  });

  it('folds the tab and the backtick of otherwise plain ASCII text', () => {
    expect(foldChars('OS 1\tAider `ici`')).toBe("os 1 aider 'ici'");
    expect(foldChars('PLAIN Ascii 12')).toBe('plain ascii 12');
  });

  it('gives the same folding to a character alone and inside any text', () => {
    for (const ch of ['É', 'ç', '’', '\u00a0', 'ß', 'Æ', 'ñ', 'Ü']) {
      expect(foldChars(`A${ch}b`)).toBe(`a${foldChars(ch)}b`);
      expect(foldChars(ch).length).toBe(ch.length);
    }
  });

  it('keeps the length of characters outside the BMP', () => {
    const text = 'Projet 😀 fin';
    expect(foldChars(text).length).toBe(text.length);
    expect(foldChars(text)).toMatch(/^projet .. fin$/u);
  });
});
