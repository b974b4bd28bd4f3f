/**
 * The importer on PST layouts written for these tests (tests/import/fixtures/layouts),
 * as other CPAS write them: keyword objectives with bare-number projects, parents known
 * only from their children's codes, a summary then one sheet per project, fields repeated
 * on every sheet, two-line capital titles, method chapters / political axes / tables of
 * contents / template placeholders, a layout read only with a rules file, letters for
 * projects, a summary table then sheets, and projects marked only by a heading level. Each has its
 * hand-written expectation (`*.expected.json`), scored with the samples' scoring; the
 * same documents are also read as Word files (one paragraph per printed line, or "#"
 * lines in Heading styles) and as PDFs with their own running header and page numbers.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { OutlineDocument } from '../../src/import/toPlan';
import { analyseDocument } from '../../src/import/importDocument';
import { formatReport } from '../../src/import/report';
import { reviewImport } from '../../src/import/review';
import { parseOutline } from '../../src/import/outline/outlineParser';
import { LevelScore, scoreOutline } from '../../src/import/scoring';
import { linesOfText, prepareLines } from '../../src/import/lines/sourceLines';
import { RulesError, applyRules, parseRules } from '../../src/import/lines/rules';
import { ImportError } from '../../src/import/errors';
import { headingCandidates, isClosingMatter } from '../../src/import/lines/headings';
import { DocxParagraph, makeDocx, makePdf } from './support/makeDocuments';
import { readXlsxRows } from '../../src/import/spreadsheet/readRows';
import { outlineFromRows } from '../../src/import/spreadsheet/rowsToOutline';
import { totalsOf } from '../../src/domain/meansFigures';

const LAYOUTS = path.resolve(__dirname, 'fixtures/layouts');
const ALL_NAMES = fs
  .readdirSync(LAYOUTS)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.replace(/\.expected\.json$/, ''))
  .sort();
/** Layouts written as text (read in every form); the others are workbooks. */
const NAMES = ALL_NAMES.filter((name) => fs.existsSync(path.join(LAYOUTS, `${name}.txt`)));
const WORKBOOKS = ALL_NAMES.filter((name) => fs.existsSync(path.join(LAYOUTS, `${name}.xlsx`)));

const text = (name: string) => fs.readFileSync(path.join(LAYOUTS, `${name}.txt`), 'utf8');
const expected = (name: string) => JSON.parse(fs.readFileSync(path.join(LAYOUTS, `${name}.expected.json`), 'utf8')) as OutlineDocument;
const rulesOf = (name: string) => {
  const file = path.join(LAYOUTS, `${name}.rules.json`);
  return fs.existsSync(file) ? parseRules(JSON.parse(fs.readFileSync(file, 'utf8'))) : undefined;
};

function expectAtLeast95(found: OutlineDocument, wanted: OutlineDocument): void {
  const score = scoreOutline(found, wanted);
  const levels: [string, LevelScore][] = [
    ['os', score.strategicObjectives],
    ['oo', score.operationalObjectives],
    ['actions', score.actions],
    ['subActions', score.subActions],
  ];
  for (const [name, level] of levels) {
    expect({ name, precision: level.precision >= 0.95, recall: level.recall >= 0.95, missing: score.missing[name], extra: score.extra[name] }).toEqual({
      name,
      precision: true,
      recall: true,
      missing: level.recall >= 0.95 ? score.missing[name] : [],
      extra: level.precision >= 0.95 ? score.extra[name] : [],
    });
  }
  expect(score.actionsUnderRightParent).toBeGreaterThanOrEqual(0.95);
}

describe('layout fixtures', () => {
  it('are at least ten, each with its document (a text, or a workbook)', () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(10);
    expect(WORKBOOKS.length).toBeGreaterThanOrEqual(1);
    expect(ALL_NAMES.filter((name) => NAMES.indexOf(name) < 0 && WORKBOOKS.indexOf(name) < 0)).toEqual([]);
  });
});

describe.each(NAMES)('layout %s', (name) => {
  const rules = rulesOf(name);
  const lines = linesOfText(text(name));
  const parsed = parseOutline(rules ? applyRules(lines, rules) : lines);

  it('is read at ≥ 95 % on every level, actions under the right OO', () => {
    expectAtLeast95(parsed.outline, expected(name));
  });

  it('counts like its expectation', () => {
    expect(parsed.outline.counts).toMatchObject(expected(name).counts || {});
  });

  it('reads the same as a Word document with one paragraph per printed line', () => {
    const docx = makeDocx(text(name).split(/\r?\n/).map((t) => ({ text: t })));
    const analysis = analyseDocument(`${name}.docx`, docx, { rules });
    expectAtLeast95(analysis.outline, expected(name));
  });

  it('reads the same as a Word document whose "#" lines use Heading styles', () => {
    const paragraphs = text(name)
      .split(/\r?\n/)
      .map((t) => {
        const heading = /^(#{1,6})\s+(.*)$/.exec(t.trim());
        return heading ? { text: heading[2], heading: heading[1].length } : { text: t };
      });
    const analysis = analyseDocument(`${name}.docx`, makeDocx(paragraphs), { rules });
    expectAtLeast95(analysis.outline, expected(name));
  });

  const hasTables = /^\|.*\|$/m.test(text(name));
  (hasTables ? it : it.skip)('reads the same as a Word document whose markdown tables are Word tables', () => {
    const paragraphs: DocxParagraph[] = [];
    for (const t of text(name).split(/\r?\n/)) {
      const row = /^\|(.*)\|$/.exec(t.trim());
      const last = paragraphs[paragraphs.length - 1];
      if (!row) paragraphs.push({ text: t });
      else if (/^[\s:|-]+$/.test(row[1])) continue;
      else if (last && last.table) (last.table as string[][]).push(row[1].split('|').map((c) => c.trim()));
      else paragraphs.push({ text: '', table: [row[1].split('|').map((c) => c.trim())] });
    }
    const analysis = analyseDocument(`${name}.docx`, makeDocx(paragraphs), { rules });
    expectAtLeast95(analysis.outline, expected(name));
    expect(analysis.outline.counts).toMatchObject(expected(name).counts || {});
  });

  (hasTables ? it : it.skip)('reads the same as a PDF whose tables are drawn in columns (rows become lines of cells)', () => {
    const pdf = makePdf(text(name).split(/\r?\n/), { header: 'CPAS – Programme stratégique transversal 2025-2030', pageNumbers: true, linesPerPage: 40, tablesInColumns: true });
    const analysis = analyseDocument(`${name}.pdf`, pdf, { rules });
    expectAtLeast95(analysis.outline, expected(name));
    expect(analysis.outline.counts).toMatchObject(expected(name).counts || {});
  });

  it('reads the same as a PDF with a running header and page numbers of its own', () => {
    const pdf = makePdf(text(name).split(/\r?\n/), { header: 'CPAS – Programme stratégique transversal 2025-2030', pageNumbers: true, linesPerPage: 40 });
    const analysis = analyseDocument(`${name}.pdf`, pdf, { rules });
    expectAtLeast95(analysis.outline, expected(name));
    // The running header is page furniture, even on a PDF of two pages: in no title, field or description.
    expect(JSON.stringify(analysis.outline.strategicObjectives)).not.toContain('CPAS – Programme stratégique transversal 2025-2030');
  });

  it('states the same totals as it found, when it states them', () => {
    const review = reviewImport(parsed.outline, parsed.anomalies, parsed.statedTotals);
    expect(review.warnings.filter((w) => w.kind === 'statedTotals')).toEqual([]);
  });
});

describe('what the layouts need', () => {
  it('a table of contents and chapter numbers are not objectives (01)', () => {
    const lines = prepareLines(linesOfText(text('01-mots-cles-projets-numerotes')));
    const toc = lines.filter((l) => l.noise === 'tableOfContents').map((l) => l.text);
    expect(toc).toContain('Table des matières');
    expect(toc.some((t) => /^Objectif stratégique 2 : .*\.{4,} 5$/.test(t))).toBe(true);
    expect(toc.some((t) => t.startsWith('Objectif stratégique 3'))).toBe(true);
  });

  it('an OS known only from its OO codes is created untitled and reported (02)', () => {
    const parsed = parseOutline(linesOfText(text('02-parents-par-les-codes')));
    const untitled = parsed.outline.strategicObjectives.filter((os) => !os.title).map((os) => os.code);
    expect(untitled).toEqual(['2', '4']);
    const messages = parsed.anomalies.filter((a) => a.kind === 'missingLevel').map((a) => a.message);
    expect(messages).toEqual([expect.stringContaining('un OS 2 sans intitulé'), expect.stringContaining('un OS 4 sans intitulé')]);
  });

  it('sheets go under the summary objective they name, whatever its spelling (03)', () => {
    const parsed = parseOutline(linesOfText(text('03-sommaire-puis-fiches')));
    const oo101 = parsed.outline.strategicObjectives[0].operationalObjectives[0];
    expect(oo101.title).toBe('Mettre en oeuvre un accueil de première ligne unique');
    expect(oo101.actions.map((a) => a.code)).toEqual(['1', '2']);
    // The sheet whose OO is a line ("Objectif opérationnel 102. …") keeps its fields.
    const sheet3 = parsed.outline.strategicObjectives[0].operationalObjectives[1].actions[0];
    expect(sheet3.fields).toMatchObject({ projectLead: 'Samira Benali, coordinatrice du relais social', end: '2027' });
  });

  it('fields repeated on every sheet stay fields, longer labels included (04)', () => {
    const parsed = parseOutline(linesOfText(text('04-champs-repetes')));
    const first = parsed.outline.strategicObjectives[0].operationalObjectives[0].actions[0];
    const wanted = expected('04-champs-repetes').strategicObjectives[0].operationalObjectives[0].actions[0].fields || {};
    expect(first.fields).toMatchObject({ ...wanted, volet: 'Externe' });
    expect(parsed.outline.strategicObjectives.every((os) => os.volet === null)).toBe(true);
    expect(parsed.fieldCounts).toMatchObject({ volet: 6, sdgs: 6, policyObjective: 6, priority: 6, partners: 6 });
  });

  it('a capital title cut before a word that is also a label goes on (05)', () => {
    const parsed = parseOutline(linesOfText(text('05-titres-capitales')));
    const action = parsed.outline.strategicObjectives[0].operationalObjectives[0].actions[0];
    expect(action.fields).toEqual({ projectLead: "Service d'insertion socioprofessionnelle", end: '2026' });
  });

  it('template placeholders are no description (06)', () => {
    const parsed = parseOutline(linesOfText(text('06-methode-axes-gabarit')));
    const texts = JSON.stringify(parsed.outline);
    expect(texts).not.toMatch(/Your content goes here|Insérez votre texte/);
    expect(parsed.anomalies).toEqual([]);
  });

  it('bare hundreds are OS, OO of the OS of their hundred, and projects, without a rules file (08, 10)', () => {
    const parsed = parseOutline(linesOfText(text('08-centaines-sans-prefixe')));
    expect(parsed.profileLines).toEqual(expect.arrayContaining(['lignes « 100 … » : objectifs stratégiques', 'lignes « 101 … » : objectifs opérationnels', 'lignes « 101.1 … » : actions / projets']));
    expect(parsed.outline.strategicObjectives.map((os) => [os.code, os.operationalObjectives.map((oo) => oo.code)])).toEqual([
      ['100', ['101', '102']],
      ['200', ['201', '202']],
      ['300', ['301', '302']],
    ]);
    const glued = parseOutline(linesOfText(text('10-centaines-codes-colles')));
    expect(glued.profileLines).toEqual(expect.arrayContaining(['lignes « 1. … » : objectifs stratégiques', 'lignes « 1011 … » : actions / projets']));
    // "2011 Ouvrir …" under OO 201 is a project code, not a year.
    expect(glued.outline.strategicObjectives[1].operationalObjectives[0].actions.map((a) => a.code)).toEqual(['2011', '2012']);
    // The numbered political axes of the method chapter are no objectives.
    expect(glued.outline.strategicObjectives.map((os) => os.title)).toEqual(['Un CPAS solidaire', 'Un CPAS ouvert sur son territoire']);
  });

  it('roman numerals and letters that repeat like levels are levels; a lettered list inside a sheet is not (09)', () => {
    const parsed = parseOutline(linesOfText(text('09-romains-et-lettres')));
    expect(parsed.profileLines).toEqual(expect.arrayContaining(['lignes « I. … » : objectifs stratégiques', 'lignes « A) … » : objectifs opérationnels', 'lignes « 1. … » : actions / projets']));
    const titles = JSON.stringify(parsed.outline.strategicObjectives.map((os) => os.operationalObjectives.map((oo) => oo.title)));
    expect(titles).not.toMatch(/personnes âgées|zone de police/);
  });

  it('a lettered list alone is no level: the numbering the profile read stays', () => {
    const doc = ['1. Un CPAS solidaire', '1.1 Aider', '1.1.1 Ouvrir une épicerie', 'Publics :', 'A. Les familles', 'B. Les aînés', '1.1.2 Créer un colis', '1.2 Loger', '1.2.1 Créer un logement', '1.2.2 Créer un second logement'];
    const parsed = parseOutline(linesOfText(doc.join('\n')));
    expect(parsed.profileLines?.some((l) => l.includes('« A'))).toBe(false);
    expect(parsed.outline.counts).toMatchObject({ operationalObjectives: 2, actions: 4 });
  });

  it('without its rules, the layout of 07 is refused rather than imported wrong', () => {
    expect(() => analyseDocument('07.txt', new TextEncoder().encode(text('07-axes-et-chantiers')))).toThrow(ImportError);
  });
});

describe('lower-case letters, page furniture and closing pages (11, 12)', () => {
  const actionsOf = (outline: OutlineDocument) => outline.strategicObjectives.flatMap((os) => os.operationalObjectives.flatMap((oo) => oo.actions));

  it('letters "a.", "b." one level below the numbered OO are projects; a lettered list after a colon is not (11)', () => {
    const parsed = parseOutline(linesOfText(text('11-lettres-pour-projets')));
    expect(parsed.profileLines).toEqual(expect.arrayContaining(['lignes « a. … » : actions / projets', 'lignes « n.n … » : objectifs opérationnels']));
    expect(parsed.outline.strategicObjectives[0].operationalObjectives.map((oo) => [oo.code, oo.actions.map((a) => a.code)])).toEqual([
      ['1.1', ['a', 'b']],
      ['1.2', ['a', 'b']],
    ]);
    // The three steps of the method chapter ("a. Un diagnostic …" after "trois étapes :") and the steps inside a sheet stay text.
    expect(JSON.stringify(parsed.outline)).not.toMatch(/"title":"Un diagnostic|"title":"recruter/);
  });

  it('a line that starts with "a." inside a sentence is that sentence, not a project', () => {
    const doc = [
      'Objectif stratégique 1 : Être un CPAS solidaire',
      '1.1. Aider les familles',
      'a. Ouvrir une épicerie sociale',
      'Pilote : Service social',
      'b. Créer un vestiaire solidaire',
      'Pilote : Service social',
      'Le conseil rappelle que le public visé par ce projet est celui que la loi organique',
      'a. Défini comme prioritaire, sans exclure les autres demandeurs.',
      '1.2. Loger',
      'a. Créer un logement de transit',
      'b. Rénover deux logements d’insertion',
    ];
    const parsed = parseOutline(linesOfText(doc.join('\n')));
    expect(parsed.outline.strategicObjectives[0].operationalObjectives.map((oo) => oo.actions.map((a) => a.title))).toEqual([
      ['Ouvrir une épicerie sociale', 'Créer un vestiaire solidaire'],
      ['Créer un logement de transit', 'Rénover deux logements d’insertion'],
    ]);
  });

  it('a running footer whose page number changes on every page is removed, wherever the number stands (11, 12)', () => {
    for (const [name, furniture] of [
      ['11-lettres-pour-projets', /Florennes-sur-Sambre\s+page \d\/7$/],
      ['12-tableau-puis-fiches', /^\d \| Programme stratégique transversal – CPAS/],
    ] as const) {
      const lines = prepareLines(linesOfText(text(name)));
      const marked = lines.filter((l) => furniture.test(l.raw));
      expect(marked.length).toBeGreaterThanOrEqual(6);
      expect(marked.every((l) => l.noise === 'runningHeader')).toBe(true);
      expect(JSON.stringify(parseOutline(linesOfText(text(name))).outline)).not.toMatch(/page \d\/7|\| Programme/);
    }
  });

  it('a value repeated near page ends with the same number is kept', () => {
    // "Équipe mobile – 2" ends like "Programme – 2" would, but keeps its number on every page.
    const page = (n: number) => [`Action 1.1.${n} : Créer le projet ${n}`, 'Chef de projet :', 'Équipe mobile – 2', `Programme stratégique – ${n}`];
    const doc = ['Objectif stratégique 1 : Être un CPAS solidaire', 'Objectif opérationnel 1.1 : Aider', ...page(1), ...page(2), ...page(3)];
    const lines = prepareLines(linesOfText(doc.join('\n')));
    expect(lines.filter((l) => l.noise === 'runningHeader').map((l) => l.text)).toEqual(['Programme stratégique – 1', 'Programme stratégique – 2', 'Programme stratégique – 3']);
    const actions = actionsOf(parseOutline(linesOfText(doc.join('\n'))).outline);
    expect(actions.map((a) => a.fields && a.fields.projectLead)).toEqual(['Équipe mobile – 2', 'Équipe mobile – 2', 'Équipe mobile – 2']);
  });

  it('the last project stops at the glossary and the signatures; the profile says where the plan ends (11, 12)', () => {
    for (const name of ['11-lettres-pour-projets', '12-tableau-puis-fiches']) {
      const parsed = parseOutline(linesOfText(text(name)));
      const last = actionsOf(parsed.outline).pop();
      expect(JSON.stringify(last)).not.toMatch(/Glossaire|Lexique|Président,|plan de cohésion sociale$/);
      expect(parsed.profileLines).toEqual(expect.arrayContaining([expect.stringMatching(/^fin du plan à la ligne \d+ \(« (Annexe 1 – Glossaire|Lexique) »\)/)]));
      expect(reviewImport(parsed.outline, parsed.anomalies, parsed.statedTotals).warnings.filter((w) => w.kind === 'longValue')).toEqual([]);
    }
  });

  it.each([
    ['Annexe 1 – Glossaire', true],
    ['ANNEXE II', true],
    ['Annexes', true],
    ['Lexique', true],
    ['Liste des abréviations', true],
    ['Ainsi délibéré en séance du 25 septembre 2025.', true],
    ['Fait à Florennes, le 2 octobre 2025.', true],
    ['Par le Conseil,', true],
    ['Annexes : plan des locaux et devis', false],
    ["Par le Conseil de l'action sociale du 12 mai, le plan a été adopté à l'unanimité.", false],
    ['Glossaire des termes à rédiger avec les agents', false],
    ['Le glossaire sera publié en annexe.', false],
  ])('« %s » opens the closing pages: %s', (line, closing) => {
    expect(isClosingMatter(line)).toBe(closing);
  });

  it('an annex of project sheets is read again: a heading of the plan ends the closing pages', () => {
    const doc = [
      'Objectif stratégique 1 : Être un CPAS solidaire',
      'Objectif opérationnel 1.1 : Aider',
      'Action 1.1.1 : Ouvrir une épicerie',
      'Échéance : 2026',
      'Annexe 1 – Fiches des projets reportés',
      'Les projets suivants seront lancés après l’évaluation à mi-parcours.',
      'Action 1.1.2 : Créer un vestiaire',
      'Échéance : 2028',
    ];
    const actions = actionsOf(parseOutline(linesOfText(doc.join('\n'))).outline);
    expect(actions.map((a) => [a.code, a.fields && a.fields.end])).toEqual([
      ['1.1.1', '2026'],
      ['1.1.2', '2028'],
    ]);
  });

  it('projects whose only mark is a heading level are the level below the OO headings; chapters at the OS level are not objectives (13)', () => {
    const parsed = parseOutline(linesOfText(text('13-projets-en-titres-word')));
    expect(parsed.profileLines).toEqual(expect.arrayContaining(['titres de niveau 3 (styles Word, #) : actions / projets']));
    expect(parsed.outline.strategicObjectives.map((os) => os.title)).toEqual(['Être un CPAS qui protège les plus fragiles', 'Être une administration efficace et proche des agents']);
    expect(parsed.statedTotals).toMatchObject({ strategicObjectives: 2, operationalObjectives: 4, actions: 8 });
    const last = actionsOf(parsed.outline).pop();
    expect(last && last.fields).toEqual({ projectLead: 'Service du personnel', end: '2027', partners: 'Administration communale' });
  });

  it('"Annexe 1 : …" followed by more labels of the sheet is a line of the sheet, not the closing pages', () => {
    const doc = [
      'Objectif stratégique 1 : Être un CPAS solidaire',
      'Objectif opérationnel 1.1 : Aider',
      'Action 1.1.1 : Rénover l’accueil',
      'Description : Travaux de la salle d’attente.',
      'Annexe 1 : plan des locaux',
      'Échéance : 2026',
      'Chef de projet : Marie Dupont',
    ];
    const parsed = parseOutline(linesOfText(doc.join('\n')));
    expect(actionsOf(parsed.outline)[0].fields).toMatchObject({ end: '2026', projectLead: 'Marie Dupont' });
    expect((parsed.profileLines || []).some((l) => l.startsWith('fin du plan'))).toBe(false);
  });

  it('the header row of a summary table is no objective (12)', () => {
    const parsed = parseOutline(linesOfText(text('12-tableau-puis-fiches')));
    expect(parsed.outline.strategicObjectives.map((os) => os.title)).toEqual(["Garantir à chacun l'accès à ses droits", 'Offrir un cadre de travail de qualité aux agents']);
    expect(parsed.anomalies).toEqual([]);
  });
});

describe.each(WORKBOOKS)('workbook layout %s', (name) => {
  const bytes = fs.readFileSync(path.join(LAYOUTS, `${name}.xlsx`));

  it('is read at ≥ 95 % on every level, with the counts of its expectation', () => {
    const analysis = analyseDocument(`${name}.xlsx`, bytes);
    expectAtLeast95(analysis.outline, expected(name));
    expect(analysis.outline.counts).toMatchObject(expected(name).counts || {});
  });

  it('gives each action the fields of its row, merged cells included', () => {
    const found = analyseDocument(`${name}.xlsx`, bytes).outline;
    const fieldsOf = (outline: OutlineDocument) => outline.strategicObjectives.flatMap((os) => os.operationalObjectives.flatMap((oo) => oo.actions.map((a) => [a.code, a.title, a.fields || {}])));
    expect(fieldsOf(found)).toEqual(fieldsOf(expected(name)));
    expect(found.strategicObjectives.map((os) => os.volet)).toEqual(expected(name).strategicObjectives.map((os) => os.volet));
  });
});

describe('merged cells and objective code columns of a workbook (19)', () => {
  it('a cell merged down a column gives its value to every row it covers', () => {
    const rows = readXlsxRows(fs.readFileSync(path.join(LAYOUTS, '19-tableur-cellules-fusionnees.xlsx')));
    expect(rows.slice(3, 7).map((r) => r[2])).toEqual(Array(4).fill('Garantir à chacun un logement décent'));
    expect(rows.slice(5, 7).map((r) => r[7])).toEqual(['Service social général', 'Service social général']);
    expect(rows[0].every((cell) => cell === rows[0][0])).toBe(true);
  });

  it('"OS" before "Objectif stratégique" is the code column of the objective', () => {
    const rows = [
      ['OS', 'Objectif stratégique', 'Code OO', 'Objectif opérationnel', 'Action', 'Porteur'],
      ['2', 'Aider', '2.1', 'Loger', 'Ouvrir un abri', 'Service logement'],
    ];
    const parsed = outlineFromRows(rows);
    expect(parsed.outline.strategicObjectives.map((os) => [os.code, os.title, os.operationalObjectives.map((oo) => [oo.code, oo.title])])).toEqual([['2', 'Aider', [['2.1', 'Loger']]]]);
  });
});

describe('tables of contents, ordinal keywords, action tables and sheet values (14-17)', () => {
  const analyse = (name: string, form: 'txt' | 'pdf' = 'txt') =>
    form === 'pdf'
      ? analyseDocument(`${name}.pdf`, makePdf(text(name).split(/\r?\n/), { header: 'PST 2025-2030', pageNumbers: true, linesPerPage: 40 }))
      : analyseDocument(`${name}.txt`, new TextEncoder().encode(text(name)));

  it('a table-of-contents entry wrapped over two lines is no objective; "Annexe – Lexique" ends the plan (14)', () => {
    const lines = prepareLines(linesOfText(text('14-sommaire-diagnostic-volets')));
    const toc = lines.filter((l) => l.noise === 'tableOfContents').map((l) => l.text);
    expect(toc).toContain("OS 2 - Rompre l'isolement des aînés et soutenir leur maintien");
    const parsed = parseOutline(linesOfText(text('14-sommaire-diagnostic-volets')));
    expect(parsed.outline.strategicObjectives.map((os) => [os.code, os.volet])).toEqual([
      ['1', 'externe'],
      ['2', 'externe'],
      ['3', 'interne'],
    ]);
    expect(isClosingMatter('Annexe – Lexique des abréviations')).toBe(true);
    expect(isClosingMatter('Annexes : plan des locaux')).toBe(false);
  });

  it('"4e objectif stratégique" is OS 4, among other spellings of the keyword (15)', () => {
    const parsed = parseOutline(linesOfText(text('15-variantes-os-et-puces')));
    expect(parsed.outline.strategicObjectives.map((os) => os.code)).toEqual(['1', '2', '3', '4']);
    expect(parsed.anomalies.filter((a) => a.kind === 'missingLevel' || a.kind === 'missingTitle')).toEqual([]);
    for (const line of ['Deuxième objectif stratégique : Aider', '2ème objectif stratégique : Aider', '2e Objectif Stratégique – Aider']) {
      const parsedLine = parseOutline(linesOfText(`${line}\nObjectif opérationnel 2.1 : Loger\n- Ouvrir un abri de nuit`));
      expect(parsedLine.outline.strategicObjectives.map((os) => [os.code, os.title])).toEqual([['2', 'Aider']]);
    }
    expect(headingCandidates('1er objectif opérationnel – Loger')).toContainEqual(expect.objectContaining({ kind: 'keyword', level: 'oo', code: '1', title: 'Loger' }));
    // A rank before other words is prose.
    expect(headingCandidates('2e objectif de la commune : aider').some((c) => c.kind === 'keyword')).toBe(false);
  });

  it('each row of an action table is an action with its cells as fields, in text, Word and PDF (16)', () => {
    const wanted = expected('16-tableau-par-oo').strategicObjectives[1].operationalObjectives[0].actions[0];
    for (const form of ['txt', 'pdf'] as const) {
      const action = analyse('16-tableau-par-oo', form).outline.strategicObjectives[1].operationalObjectives[0].actions[0];
      expect([action.title, action.fields]).toEqual([wanted.title, expect.objectContaining(wanted.fields)]);
    }
    const rows = [
      ['Action', 'Pilote', 'Échéance', 'Budget'],
      ['Ouvrir un abri de nuit', 'Service logement\nCellule urgence', '2027', '12.500 €'],
      ['', '', '', ''],
    ];
    const docx = makeDocx([{ text: 'Objectif stratégique 1 : Loger' }, { text: 'Objectif opérationnel 1.1 : Héberger' }, { text: '', table: rows }]);
    const analysis = analyseDocument('table.docx', docx);
    const action = analysis.outline.strategicObjectives[0].operationalObjectives[0].actions[0];
    expect(action.title).toBe('Ouvrir un abri de nuit');
    // A cell of two paragraphs is one value, its lines joined like a field's lines.
    expect(action.fields).toMatchObject({ pilot: 'Service logement Cellule urgence', end: '2027', resources: '12.500 €' });
    expect(analysis.outline.counts).toMatchObject({ actions: 1 });
  });

  it('a table whose first column is not the action stays cells (a label / value table, a summary of objectives)', () => {
    const lines = prepareLines(linesOfText('| Chef de projet | Marie Dupont |\n|---|---|\n| Échéance | 2027 |')).filter((l) => !l.blank);
    expect(lines.map((l) => l.text)).toEqual(['Chef de projet', 'Marie Dupont', 'Échéance', '2027']);
  });

  it('quarters, half-years, "fin de législature" and amounts alone become dates and budgets (16, 17)', () => {
    const plan = analyse('17-fiches-champs-libelles').plan;
    const byCode = new Map(plan.actions.map((a) => [a.code, a]));
    const dates = (code: string) => {
      const action = byCode.get(code);
      return action && action.plannedEnd ? [action.plannedEnd.start, action.plannedEnd.end] : null;
    };
    expect(dates('1.1.1')).toEqual(['2026-01-01', '2026-12-31']);
    expect(dates('1.1.2')).toEqual(['2027-07-01', '2027-09-30']);
    expect(dates('1.2.1')).toEqual(['2030-01-01', '2030-12-31']);
    expect(dates('1.2.2')).toEqual(['2026-07-01', '2026-12-31']);
    expect(dates('2.1.2')).toEqual(['2028-01-01', '2028-03-31']);
    expect(plan.actions.map((a) => totalsOf(a.resources.lines ?? []).plannedExpense)).toEqual([12500, 12500, 0, 8000, 3500, 45000, 1200]);
    expect(plan.warnings.filter((w) => w.code === 'unreadableDate')).toEqual([]);
    expect(JSON.stringify(byCode.get('1.1.1')?.mandatary)).toContain('Présidente du CPAS');
  });

  it('"fin de législature" without a period for the plan is reported, not guessed', () => {
    const doc = ['Objectif stratégique 1 : Aider', 'Objectif opérationnel 1.1 : Loger', 'Action 1.1.1 : Ouvrir un abri', 'Pilote : Service logement', 'Échéance : fin de législature'];
    const analysis = analyseDocument('sans-periode.txt', new TextEncoder().encode(doc.join('\n')));
    expect(analysis.plan.actions[0].plannedEnd).toBeNull();
    expect(analysis.plan.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining("la période du PST n'est pas connue"));
  });
});

describe('the report never hides a loss', () => {
  const name = '01-mots-cles-projets-numerotes';
  const withoutOneProject = text(name).replace(/^2\.1\.2 .*\n/m, '');

  it('compares the totals the document states with those found, and says not to import as is', () => {
    const parsed = parseOutline(linesOfText(withoutOneProject));
    const review = reviewImport(parsed.outline, parsed.anomalies, parsed.statedTotals);
    expect(parsed.statedTotals).toMatchObject({ strategicObjectives: 3, operationalObjectives: 6, actions: 14 });
    expect(review.warnings.filter((w) => w.kind === 'statedTotals').map((w) => w.message)).toEqual(["Le document annonce 14 actions, l'import en a trouvé 13."]);
    expect(review.levels.actions.confidence).toBe('faible');
    expect(review.verdict).toBe('aNePasImporterTelQuel');
    const report = formatReport(analyseDocument(`${name}.txt`, new TextEncoder().encode(withoutOneProject)));
    expect(report).toContain('14 annoncés : DIFFÉRENT');
    expect(report).toContain('À ne pas importer tel quel');
  });

  it('flags a numbering jump and a value that swallowed a label', () => {
    const swallowed = text('04-champs-repetes').replace('Priorité du projet : Haute', 'Priorité : Haute').replace(/^Service pilote : Service logement$/m, 'Service pilote : Service logement Priorité importante : oui');
    const parsed = parseOutline(linesOfText(withoutOneProject.replace(/^1\.1\.2 .*\n/m, '')));
    const review = reviewImport(parsed.outline, parsed.anomalies, parsed.statedTotals);
    expect(review.warnings.filter((w) => w.kind === 'numberingJump').map((w) => w.message)).toEqual([
      expect.stringContaining("l'action 1.1.3 après 1.1.1"),
      expect.stringContaining("l'action 2.1.3 après 2.1.1"),
    ]);
    const sheets = parseOutline(linesOfText(swallowed));
    const long = reviewImport(sheets.outline, sheets.anomalies, sheets.statedTotals).warnings.filter((w) => w.kind === 'longValue');
    expect(long.map((w) => w.message)).toEqual([expect.stringContaining('Créer deux logements de transit')]);
  });

  it('flags a text field far longer than the same field elsewhere (the end of the document swallowed)', () => {
    const sheet = (n: number) => [`Action 1.1.${n} : Créer le projet ${n}`, `Description : Le projet ${n} améliore l'accueil des usagers du CPAS.`, 'Échéance : 2027'];
    const minutes = Array.from({ length: 12 }, (_v, k) => `Le comité de concertation a examiné le point ${k + 1} de l'ordre du jour et en a débattu longuement avec les représentants de la commune.`);
    const doc = ['Objectif stratégique 1 : Être un CPAS solidaire', 'Objectif opérationnel 1.1 : Aider', ...sheet(1), ...sheet(2), ...sheet(3), 'Action 1.1.4 : Créer le projet 4', 'Description : Le projet 4 complète les trois autres.', ...minutes];
    const parsed = parseOutline(linesOfText(doc.join('\n')));
    const long = reviewImport(parsed.outline, parsed.anomalies, parsed.statedTotals).warnings.filter((w) => w.kind === 'longValue');
    expect(long.map((w) => w.message)).toEqual([expect.stringMatching(/^Valeur anormalement longue \(\d+ caractères, \d+ fois la longueur habituelle\) dans le champ « description » de l'action « Créer le projet 4 »/)]);
    // Three sheets alone do not say what is usual: the same text is then not flagged.
    const short = parseOutline(linesOfText(doc.slice(0, 2).concat(sheet(1), ['Action 1.1.4 : Créer le projet 4', 'Description : Le projet 4 complète les autres.'], minutes).join('\n')));
    expect(reviewImport(short.outline, short.anomalies, short.statedTotals).warnings.filter((w) => w.kind === 'longValue')).toEqual([]);
  });

  it('says the result is importable when nothing is wrong', () => {
    const parsed = parseOutline(linesOfText(text(name)));
    expect(reviewImport(parsed.outline, parsed.anomalies, parsed.statedTotals).verdict).toBe('importable');
  });
});

describe('rules files', () => {
  it('read French and English keys and refuse a wrong rule in French', () => {
    expect(parseRules({ levels: [{ lines: '^x', level: 'action' }], fields: [{ label: 'Porteur', field: 'projectLead' }], ignore: ['^Annexe'] })).toEqual({
      levels: [{ lines: '^x', level: 'action' }],
      fields: [{ label: 'Porteur', field: 'projectLead' }],
      ignore: ['^Annexe'],
    });
    expect(() => parseRules({ niveaux: [{ lignes: '(', niveau: 'action' }] })).toThrow(RulesError);
    expect(() => parseRules({ champs: [{ libelle: 'Porteur', champ: 'inconnu' }] })).toThrow(/Règle de champ n° 1/);
    expect(() => parseRules([])).toThrow(/objet JSON/);
  });

  it('turn lines into levels, labels into fields, and drop ignored lines', () => {
    const rules = parseRules({
      niveaux: [{ lignes: '^Priorité (?<code>\\d+\\.\\d+) – (?<titre>.+)$', niveau: 'oo' }],
      champs: [{ libelle: 'Porteur politique', champ: 'mandatary' }],
      ignorer: ['^Vu le '],
    });
    const out = applyRules(linesOfText('Priorité 1.2 – Loger\nPorteur politique : M. Dupont\nVu le décret\nAutre'), rules).map((l) => l.text);
    expect(out).toEqual(['Objectif opérationnel 1.2 : Loger', 'Mandataire : M. Dupont', '', 'Autre']);
  });
});
