import { MAIL_TEXTS } from '../../src/strings/mail';
import { WORKBOOK_TEXTS } from '../../src/strings/workbook';
import { PUBLICATION_TEXTS } from '../../src/strings/publication';

type Text = string | ((...args: never[]) => string);
type Table = { readonly fr: object; readonly en: object };

/** A text as the reader sees it: a function is called with 0, 1 and 2 (plural and "today" branches). */
function renderings(text: Text): string[] {
  if (typeof text === 'string') return [text];
  const call = text as unknown as (...args: unknown[]) => unknown;
  return [0, 1, 2].map((sample) => String(call(...new Array(call.length).fill(sample))));
}

const entries = (texts: object) => Object.entries(texts) as [string, Text][];

const tables: { name: string; table: Table; sameWordInBothLanguages: string[] }[] = [
  { name: 'mail', table: MAIL_TEXTS, sameWordInBothLanguages: ['code', 'action', 'message', 'situation'] },
  {
    name: 'workbook',
    table: WORKBOOK_TEXTS,
    // OS, OO and "T4 2026": the English workbook keeps the French abbreviations. Plan workbook:
    // "Actions", "Action", "Attention" are the same word, "↳ " a sign.
    sameWordInBothLanguages: ['actions', 'code', 'service', 'strategicLevel', 'operationalLevel', 'quarterName', 'actionsSheet', 'action', 'subActionMark', 'attention'],
  },
  // The published PST: "Actions" and "45 % (12 actions)" read the same in both.
  { name: 'publication', table: PUBLICATION_TEXTS, sameWordInBothLanguages: ['actions', 'progressOf'] },
];

describe.each(tables)('the $name texts', ({ table, sameWordInBothLanguages }) => {
  it('has every key in French and English, each a non-empty text', () => {
    expect(Object.keys(table.en)).toEqual(Object.keys(table.fr));
    for (const texts of [table.fr, table.en]) {
      for (const [key, text] of entries(texts)) {
        expect([key, typeof text === 'string' || typeof text === 'function']).toEqual([key, true]);
        for (const rendered of renderings(text)) expect([key, rendered.trim()]).not.toEqual([key, '']);
      }
    }
  });

  it('is French first: the French texts are translations, not English copies', () => {
    const en = table.en as Record<string, Text>;
    const same = entries(table.fr)
      .filter(([key, text]) => renderings(text).join('\n') === renderings(en[key]).join('\n'))
      .map(([key]) => key);
    expect(same).toEqual(sameWordInBothLanguages);
  });
});

describe('the workbook sheet names', () => {
  it("follow Excel's rule in both languages: at most 31 characters, none of : \\ / ? * [ ]", () => {
    for (const texts of [WORKBOOK_TEXTS.fr, WORKBOOK_TEXTS.en]) {
      for (const name of [texts.summary, texts.objectives, texts.statuses, texts.late, texts.services, texts.quarters]) {
        expect(name.length).toBeLessThanOrEqual(31);
        expect(name).not.toMatch(/[:\\/?*[\]]/);
      }
    }
  });
});
