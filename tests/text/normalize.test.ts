/** foldChars: one character per character, whatever path (plain ASCII or not) a text takes. */
import { foldChars, joinWrapped } from '../../src/text/normalize';

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

describe('joinWrapped', () => {
  it.each([
    [["Renforcer l'accompa-", 'gnement social'], "Renforcer l'accompagnement social"],
    [['du revenu d’inté-', 'gration'], 'du revenu d’intégration'],
    [['la Fédération Wallonie-', 'Bruxelles'], 'la Fédération Wallonie-Bruxelles'],
    [['les après-', 'midis et les WE.'], 'les après-midis et les WE.'],
    [['lutter contre le non-', 'recours'], 'lutter contre le non-recours'],
    [['le diagnostic socio-', 'économique'], 'le diagnostic socio-économique'],
    [['un guichet', 'unique'], 'un guichet unique'],
    [['demandeurs -', 'réfugiés'], 'demandeurs - réfugiés'],
  ])('%j → %s', (parts, joined) => {
    expect(joinWrapped(parts)).toBe(joined);
  });
});
