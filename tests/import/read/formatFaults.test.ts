/**
 * Known format faults of PDF and Word files (issue 11, point 4), each on a generated
 * document: a value repeated near page ends is not a running header, a wrapped line
 * starting with "(projet" is not a label, PDF paragraph spacing does not join two
 * titles, owner-password PDFs open, Heading styles and one-paragraph-per-line Word files.
 */
import type { OutlineDocument } from '../../../src/import/toPlan';
import { parseOutline } from '../../../src/import/outline/outlineParser';
import { readDocument } from '../../../src/import/read';
import { linesOfText } from '../../../src/import/lines/sourceLines';
import { makeDocx, makePdf } from '../support/makeDocuments';

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
