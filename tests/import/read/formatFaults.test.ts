/**
 * Known format faults of PDF and Word files (issue 11, point 4), each on a generated
 * document: a value repeated near page ends is not a running header, a wrapped line
 * starting with "(projet" is not a label, PDF paragraph spacing does not join two
 * titles, owner-password PDFs open, Heading styles and one-paragraph-per-line Word files.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { OutlineDocument } from '../../../src/import/toPlan';
import { OutlineScore, scoreOutline } from '../../../src/import/scoring';
import { parseOutline } from '../../../src/import/outline/outlineParser';
import { readDocument } from '../../../src/import/read';
import { linesOfText } from '../../../src/import/lines/sourceLines';
import { asHeadingParagraphs, asLineParagraphs, makeDocx, makePdf } from '../support/makeDocuments';

const SAMPLES = path.resolve(__dirname, '../../../../shared/samples');

function sample(prefix: string): { text: string; expected: OutlineDocument } {
  const file = fs.readdirSync(SAMPLES).find((f) => f.startsWith(prefix) && f.endsWith('.txt')) as string;
  return {
    text: fs.readFileSync(path.join(SAMPLES, file), 'utf8'),
    expected: JSON.parse(fs.readFileSync(path.join(SAMPLES, file.replace(/\.txt$/, '.expected.json')), 'utf8')) as OutlineDocument,
  };
}

/** The lowest precision or recall over the levels, and the share of actions under their parent. */
function worst(score: OutlineScore): number {
  const levels = [score.strategicObjectives, score.operationalObjectives, score.actions, score.subActions];
  return Math.min(score.actionsUnderRightParent, ...levels.map((l) => Math.min(l.precision, l.recall)));
}

function outlineOf(fileName: string, bytes: Uint8Array): OutlineDocument {
  const read = readDocument(fileName, bytes);
  if (read.kind !== 'text') throw new Error('not a text document');
  return parseOutline(read.lines).outline;
}

function actionsOf(outline: OutlineDocument) {
  return outline.strategicObjectives.flatMap((os) => os.operationalObjectives.flatMap((oo) => oo.actions));
}

/** One sheet per page, the lead on the last line of each page. */
function sheetPages(leadOnOwnLine: boolean): string[][] {
  const titles = ['Rénover la salle d’attente du service social', 'Former les agents d’accueil à la langue des signes', 'Créer un guichet unique pour les demandes d’aide'];
  return titles.map((title, k) => [
    'Objectif stratégique 1 : Être un CPAS accueillant',
    'Objectif opérationnel 1.1 : Améliorer l’accueil des bénéficiaires',
    '',
    `Action 1.1.${k + 1} : ${title}`,
    '',
    'Échéance : 31/12/2027',
    '',
    ...(leadOnOwnLine ? ['Chef de projet :', 'Marie Dupont'] : ['Chef de projet : Marie Dupont']),
  ]);
}

function pdfOfPages(pages: string[][], header: string): Uint8Array {
  const perPage = Math.max(...pages.map((p) => p.length));
  const lines = pages.flatMap((page) => page.concat(Array.from({ length: perPage - page.length }, () => '')));
  return makePdf(lines, { header, pageNumbers: true, linesPerPage: perPage });
}

describe('the running-header filter keeps real values repeated near page ends', () => {
  it.each([
    ['on the line under its label', true],
    ['on the line of its label', false],
  ])('a lead named at the end of three sheets (%s) stays the lead of each action', (_how, own) => {
    const pdf = pdfOfPages(sheetPages(own), 'CPAS de Nulle-Part — Programme stratégique transversal 2025-2030');
    const read = readDocument('fiches.pdf', pdf);
    const texts = read.kind === 'text' ? read.lines.map((l) => l.text) : [];
    // The header is printed on every page (and still recognised as page furniture).
    expect(texts.filter((t) => /Nulle-Part/.test(t))).toHaveLength(3);
    const outline = outlineOf('fiches.pdf', pdf);
    const actions = actionsOf(outline);
    expect(actions.map((a) => a.code)).toEqual(['1.1.1', '1.1.2', '1.1.3']);
    expect(actions.map((a) => a.fields && a.fields.projectLead)).toEqual(['Marie Dupont', 'Marie Dupont', 'Marie Dupont']);
    expect(actions.map((a) => a.title).join(' ')).not.toMatch(/Nulle-Part/);
  });
});

describe('a wrapped line that begins with "(projet" continues the title', () => {
  const sheet = [
    'Objectif stratégique 1 : Être un CPAS accueillant',
    '',
    'Objectif opérationnel 1.1 : Améliorer l’accueil des bénéficiaires',
    '',
    'Action 1.1.1 : Créer une permanence juridique gratuite dans les locaux du CPAS',
    '(projet : convention avec le barreau de Mons)',
    'Chef de projet : Jean Martin',
    '',
    'Action 1.1.2 : Mettre en place un service de médiation de dettes',
    '(Projet pilote avec la commune)',
    'Chef de projet : Marie Dupont',
  ];
  const expectTwoActions = (outline: OutlineDocument) => {
    const actions = actionsOf(outline);
    expect(actions.map((a) => [a.code, a.title, a.fields && a.fields.projectLead])).toEqual([
      ['1.1.1', 'Créer une permanence juridique gratuite dans les locaux du CPAS (projet : convention avec le barreau de Mons)', 'Jean Martin'],
      ['1.1.2', 'Mettre en place un service de médiation de dettes (Projet pilote avec la commune)', 'Marie Dupont'],
    ]);
  };

  it('in a PDF (one line per printed line)', () => {
    expectTwoActions(outlineOf('pst.pdf', makePdf(sheet)));
  });

  it('in a Word document (a soft line break inside the paragraph)', () => {
    const docx = makeDocx([
      { text: sheet[0], heading: 1 },
      { text: sheet[2], heading: 2 },
      { text: `${sheet[4]}\n${sheet[5]}` },
      { text: sheet[6] },
      { text: `${sheet[8]}\n${sheet[9]}` },
      { text: sheet[10] },
    ]);
    expectTwoActions(outlineOf('pst.docx', docx));
  });
});

describe('PDF paragraph spacing does not join an OO title to the next title', () => {
  // Word's "space after" (4 pt under 12 pt lines) instead of empty paragraphs.
  const spacing = { paragraphGap: 4, lineHeight: 12, linesPerPage: 60, header: 'Programme stratégique transversal', pageNumbers: true };

  it('a numbered OO title and the title of its first project stay two lines', () => {
    const pdf = makePdf(
      [
        '1. LE SERVICE À LA POPULATION',
        '',
        '1.1. Améliorer l’offre de services à adapter qualitativement et quantitativement en',
        'fonction de l’évolution du public et de la société',
        '',
        '1.1.1. Accueil',
        '',
        'Amélioration des espaces d’accueil et accueil téléphonique',
        '',
        'Rénover la salle d’attente et installer un système de file d’attente avec des tickets',
        'numérotés, comme dans les administrations communales',
      ],
      spacing,
    );
    const read = readDocument('pst.pdf', pdf);
    const texts = read.kind === 'text' ? read.lines.map((l) => l.text.trim()) : [];
    const at = texts.indexOf('1.1.1. Accueil');
    expect(texts.slice(at, at + 3)).toEqual(['1.1.1. Accueil', '', 'Amélioration des espaces d’accueil et accueil téléphonique']);
    // The lines of one wrapped paragraph are not split.
    const oo = texts.findIndex((t) => t.startsWith('1.1. Améliorer'));
    expect(texts[oo + 1]).toBe('fonction de l’évolution du public et de la société');
  });

  it.each(['002', '003', '004'])('sample %s printed with paragraph spacing reads like its text', (prefix) => {
    const { text, expected } = sample(prefix);
    const fromText = worst(scoreOutline(parseOutline(linesOfText(text)).outline, expected));
    const score = scoreOutline(outlineOf('pst.pdf', makePdf(text.split(/\r?\n/), spacing)), expected);
    expect(score.operationalObjectives).toMatchObject({ matched: expected.strategicObjectives.reduce((n, os) => n + os.operationalObjectives.length, 0), precision: 1 });
    expect(worst(score)).toBeGreaterThanOrEqual(fromText);
  });
});

describe('owner-password PDFs (printable, not editable) open', () => {
  const { text, expected } = sample('003');
  const plain = scoreOutline(outlineOf('pst.pdf', makePdf(text.split(/\r?\n/))), expected);

  it.each(['rc4-40', 'rc4-128', 'aes-128', 'aes-256'] as const)('encrypted with %s and an empty user password', (encryption) => {
    const pdf = makePdf(text.split(/\r?\n/), { encryption, header: 'PST 2025-2030', pageNumbers: true });
    const raw = new TextDecoder('latin1').decode(pdf);
    expect(raw).toMatch(/\/Encrypt \d+ 0 R/);
    // The text is not readable in the file itself.
    expect(raw).not.toMatch(/beginbfchar/);
    const score = scoreOutline(outlineOf('protege.pdf', pdf), expected);
    expect(score).toEqual(plain);
    expect(worst(score)).toBe(1);
  });

  it('a PDF that needs a password to open is still refused, in French', () => {
    const pdf = makePdf(['Objectif stratégique 1 : Être un CPAS accueillant'], { encryption: 'rc4-128' });
    const raw = new TextDecoder('latin1').decode(pdf);
    // A /U that the empty password does not give: a user password was set.
    const locked = raw.replace(/\/U <([0-9a-f]+)>/, (_m, u: string) => `/U <${'0'.repeat(u.length)}>`);
    expect(locked).not.toBe(raw);
    const bytes = Uint8Array.from(Array.from(locked).map((c) => c.charCodeAt(0)));
    expect(() => readDocument('verrouille.pdf', bytes)).toThrow(/protégé par un mot de passe d’ouverture/);
  });
});

describe('Word documents read like their text', () => {
  it.each(['002', '003', '004'])('sample %s as a PDF converted to Word (one paragraph per printed line)', (prefix) => {
    const { text, expected } = sample(prefix);
    const score = scoreOutline(outlineOf('converti.docx', makeDocx(asLineParagraphs(text))), expected);
    expect({ worst: worst(score), missing: score.missing, extra: score.extra }).toEqual({ worst: 1, missing: score.missing, extra: score.extra });
    expect(score.subActions.recall).toBe(1);
  });

  /** Line number → Heading 1, 2 or 3 for the OS, OO and action titles the text gives. */
  function headingLevels(text: string): Map<number, { level: number; title: string }> {
    const fromText = parseOutline(linesOfText(text)).outline;
    const levels = new Map<number, { level: number; title: string }>();
    for (const os of fromText.strategicObjectives) {
      if (os.sourceLine) levels.set(os.sourceLine, { level: 1, title: os.title || '' });
      for (const oo of os.operationalObjectives) {
        if (oo.sourceLine) levels.set(oo.sourceLine, { level: 2, title: oo.title || '' });
        for (const a of oo.actions) if (a.sourceLine) levels.set(a.sourceLine, { level: 3, title: a.title || '' });
      }
    }
    return levels;
  }

  it.each(['002', '003', '004'])('sample %s with its OS, OO and action titles in Heading 1, 2 and 3', (prefix) => {
    const { text, expected } = sample(prefix);
    const docx = makeDocx(asHeadingParagraphs(text, headingLevels(text)));
    const read = readDocument('titres.docx', docx);
    const headings = read.kind === 'text' ? read.lines.filter((l) => /^### /.test(l.text)) : [];
    // The actions really are Heading 3 paragraphs (sheet titles, list items, keyword lines).
    const actionCount = expected.strategicObjectives.reduce((n, os) => n + os.operationalObjectives.reduce((m, oo) => m + oo.actions.length, 0), 0);
    expect(headings.length).toBeGreaterThanOrEqual(actionCount * 0.9);
    const score = scoreOutline(outlineOf('titres.docx', docx), expected);
    expect({ worst: worst(score), missing: score.missing, extra: score.extra }).toEqual({ worst: 1, missing: score.missing, extra: score.extra });
  });

  it('the same Heading 3 titles inside every sheet ("Description", "Calendrier") are parts of the sheet, not sub-actions', () => {
    const sheet = (code: string, title: string, lead: string) => [
      { text: `Fiche projet ${code} : ${title}`, heading: 2 },
      { text: 'Description', heading: 3 },
      { text: `Le projet ${code} est décrit ici en quelques phrases.` },
      { text: 'Calendrier', heading: 3 },
      { text: 'Échéance : 2027' },
      { text: `Chef de projet : ${lead}` },
    ];
    const docx = makeDocx([
      { text: 'Objectif stratégique 1 : Être un CPAS accueillant', heading: 1 },
      { text: 'Objectif opérationnel 1.1 : Améliorer l’accueil' },
      ...sheet('1.1.1', 'Rénover la salle d’attente', 'Marie Dupont'),
      ...sheet('1.1.2', 'Former les agents d’accueil', 'Jean Martin'),
      ...sheet('1.1.3', 'Créer un guichet unique', 'Anne Lambert'),
    ]);
    const outline = outlineOf('fiches-titrees.docx', docx);
    const actions = actionsOf(outline);
    expect(actions.map((a) => [a.code, (a.subActions || []).length, a.fields && a.fields.projectLead, a.fields && a.fields.end])).toEqual([
      ['1.1.1', 0, 'Marie Dupont', '2027'],
      ['1.1.2', 0, 'Jean Martin', '2027'],
      ['1.1.3', 0, 'Anne Lambert', '2027'],
    ]);
  });

  it('a heading level is a depth hint: keyword OO, then projects whose only mark is Heading 3', () => {
    const docx = makeDocx([
      { text: 'Programme stratégique transversal 2025-2030', heading: 1 },
      { text: 'Introduction', heading: 1 },
      { text: 'Le présent programme a été adopté par le conseil de l’action sociale.' },
      { text: 'Objectif stratégique 1 : Être un CPAS accueillant', heading: 1 },
      { text: 'Objectif opérationnel 1.1 : Améliorer l’accueil', heading: 2 },
      { text: 'Rénover la salle d’attente', heading: 3 },
      { text: 'Responsable : Service technique' },
      { text: 'Échéance : 2026' },
      { text: 'Former les agents d’accueil', heading: 3 },
      { text: 'Responsable : Service du personnel' },
      { text: 'Objectif opérationnel 1.2 : Simplifier les démarches', heading: 2 },
      { text: 'Créer un guichet unique', heading: 3 },
      { text: 'Responsable : Direction générale' },
      { text: 'Objectif stratégique 2 : Être un CPAS bien géré', heading: 1 },
      { text: 'Objectif opérationnel 2.1 : Maîtriser les finances', heading: 2 },
      { text: 'Établir un tableau de bord budgétaire', heading: 3 },
      { text: 'Responsable : Directeur financier' },
      { text: 'Annexes', heading: 1 },
      { text: 'Glossaire des sigles utilisés dans le programme.' },
    ]);
    const outline = outlineOf('projets-en-titres.docx', docx);
    expect(outline.strategicObjectives.map((os) => [os.code, os.operationalObjectives.map((oo) => [oo.code, oo.actions.map((a) => [a.title, a.fields && a.fields.projectLead])])])).toEqual([
      [
        '1',
        [
          ['1.1', [['Rénover la salle d’attente', 'Service technique'], ['Former les agents d’accueil', 'Service du personnel']]],
          ['1.2', [['Créer un guichet unique', 'Direction générale']]],
        ],
      ],
      ['2', [['2.1', [['Établir un tableau de bord budgétaire', 'Directeur financier']]]]],
    ]);
    const read = readDocument('projets-en-titres.docx', docx);
    const parsed = parseOutline(read.kind === 'text' ? read.lines : []);
    expect(parsed.profileLines).toEqual(expect.arrayContaining(['titres de niveau 3 (styles Word, #) : actions / projets']));
  });
});

describe('PDF ligatures mapped with spaced hex strings read as their letters', () => {
  it('« efficace », « officiel » and the codes after them are not shifted', () => {
    const lines = ['OS 1 – Être un CPAS efficace et officiel', '1.1. Simplifier les flux financiers', 'OS 2 – Affirmer sa fierté'];
    const pdf = makePdf(lines, { ligatures: true });
    const read = readDocument('ligatures.pdf', pdf);
    const texts = read.kind === 'text' ? read.lines.map((l) => l.text.trim()).filter((t) => t !== '') : [];
    expect(texts).toEqual(lines);
  });
});
