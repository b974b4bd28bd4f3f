/**
 * The report written as Word and as PDF, read back: the .docx with fflate and the
 * importer's DOCX reader, the PDF with the importer's own PDF text reader.
 */
import { buildReport, ReportVariant } from '../../../src/domain/report';
import { layoutReport } from '../../../src/export/report/layout';
import { writeReportDocx } from '../../../src/export/report/docx';
import { writeReportPdf } from '../../../src/export/report/pdf';
import { documentTexts } from '../../../src/export/report/reportDocument';
import { readPdfLines } from '../../../src/import/read/pdf';
import { nodePdfEngine } from '../../../src/node/report/pdfEngine';
import { readDocx } from './readDocx';
import { reportInput, TODAY } from './reportFixture';

jest.setTimeout(60_000);

const NBSP = /[\u00a0\u202f]/g;
const plain = (text: string) => text.replace(NBSP, ' ');

function documentOf(variant: ReportVariant, mutate?: (input: ReturnType<typeof reportInput>) => void) {
  const input = reportInput();
  mutate?.(input);
  return layoutReport(buildReport(input, { variant, today: TODAY, filterLines: variant === 'services' ? ['Service : Informatique'] : [] }));
}

describe('the Word report', () => {
  it('has the title page, Word headings for the table of contents, page numbers and every column of the action tables', async () => {
    const doc = documentOf('complet');
    const docx = readDocx(await writeReportDocx(doc));
    const lines = docx.lines.map(plain);
    // title page: CPAS, plan, period, date of the data, filters
    for (const line of ['Rapport du PST', 'CPAS : CPAS de Testville', 'Période : 2025–2030', 'Données au : 23/11/2026', 'Aucun : tout le plan.']) expect(lines.join('\n')).toContain(line);
    // headings with Word's Heading styles, in order: summary, then OS → OO
    const headings = lines.filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Synthèse',
      '## Avancement par objectif stratégique',
      '## Actions en retard',
      '## Actions bloquées',
      '# OS 2 – Une administration efficace',
      '## OO 2.1 – Numériser les dossiers',
      '# OS 1 – Un accueil de qualité',
      '## OO 1.1 – Rénover l’accueil',
      '## OO 1.2 – Former les agents',
    ]);
    const body = docx.parts['word/document.xml'];
    expect(body).toMatch(/TOC \\h \\o &quot;1-2&quot;/); // the table of contents field over Heading 1–2
    expect(docx.parts['word/settings.xml']).toContain('w:updateFields');
    const footer = Object.entries(docx.parts).find(([name]) => /word\/footer\d*\.xml/.test(name))![1];
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    // action tables: 8 fixed columns, the header row repeated on each page
    expect(docx.tableColumns.filter((n) => n === 8).length).toBe(3);
    expect(body).toContain('<w:tblLayout w:type="fixed"/>');
    expect(body).toContain('<w:tblHeader/>');
    // the row, then its last check-in and indicators, in Belgian formats
    const text = lines.join('\n');
    expect(text).toContain('Dernier suivi du 15/10/2026 (Marie Dupont) : Marché public relancé');
    expect(text).not.toContain('Ancien commentaire');
    expect(text).toContain('Indicateurs : Visiteurs accueillis : 1 234,5 pers. / cible 1 500 pers. (départ 800) en 2026');
    expect(text).toContain('Bloquée : En attente de l’avis de la tutelle');
    expect(text).toContain('54 j');
    expect(text).toContain('30/09/2026');
  });

  it('says which filters were applied, and each variant has its own title and sections', async () => {
    const services = readDocx(await writeReportDocx(documentOf('services'))).lines.map(plain);
    expect(services).toContain('Service : Informatique');
    expect(services.filter((l) => l.startsWith('# '))).toEqual(['# Synthèse', '# Service : Informatique', '# Service : Ressources humaines', '# Service : Service social', '# Sans service désigné']);
    const late = readDocx(await writeReportDocx(documentOf('retards'))).lines;
    expect(late[0]).toBe('Actions en retard et bloquées');
    expect(late.filter((l) => l.startsWith('# '))).toEqual(['# Synthèse', '# Actions en retard', '# Actions bloquées']);
    const short = readDocx(await writeReportDocx(documentOf('avancement')));
    expect(short.lines[0]).toBe('État d’avancement du PST');
    expect(short.lines.join('\n')).toContain('Refaire le guichet'); // late: in the summary
    expect(short.lines.join('\n')).not.toContain('Plan de formation'); // neither late nor blocked: OS and OO only
    expect(short.tableColumns).toContain(7);
  });

  it('drops the characters XML 1.0 forbids instead of writing an unreadable file', async () => {
    const doc = documentOf('complet', (input) => {
      input.actions[0].title = 'Refaire\u0001 le guichet\u000b \ud800';
      input.checkIns[1].comment = 'Marché\u0007 relancé 🎉';
    });
    const bytes = await writeReportDocx(doc);
    const docx = readDocx(bytes); // the reader parses it: well-formed
    const body = docx.parts['word/document.xml'];
    // eslint-disable-next-line no-control-regex
    expect(body).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(docx.lines.join('\n')).toContain('Refaire le guichet');
    expect(docx.lines.join('\n')).toContain('Marché relancé 🎉');
    for (const text of documentTexts(doc)) expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('the PDF report', () => {
  it('holds the same text as the Word file, with page numbers and the table of contents', async () => {
    const doc = documentOf('complet');
    const bytes = await writeReportPdf(doc, nodePdfEngine());
    expect(new TextDecoder('latin1').decode(bytes.slice(0, 5))).toBe('%PDF-');
    const lines = readPdfLines(bytes).map((l) => ({ page: l.page, text: plain(l.text).replace(/\s+/g, ' ').trim() }));
    const text = lines.map((l) => l.text).join('\n');
    for (const expected of ['Rapport du PST', 'CPAS : CPAS de Testville', 'Données au : 23/11/2026', 'Table des matières', 'Synthèse', 'OS 1 – Un accueil de qualité', 'OO 2.1 – Numériser les dossiers', 'Refaire le guichet', 'Marie Dupont', '30/09/2026', '54 j']) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('Dernier suivi du 15/10/2026 (Marie Dupont) : Marché public relancé');
    expect(text).toMatch(/1 234,5 pers\. \/ cible 1 500 pers\./);
    // every column title of the action tables is on the page
    for (const column of ['Code', 'Action', 'Statut', 'Santé', 'Avanc.', 'Chef de projet', 'Échéance', 'Retard']) expect(text).toContain(column);
    const pages = Math.max(...lines.map((l) => l.page ?? 0));
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(text).toContain(`Page 2 sur ${pages}`);
    expect(text).toContain(`Page ${pages} sur ${pages}`);
    // the title page has no footer; the table of contents gives the page of each OS
    expect(lines.filter((l) => l.page === 1).map((l) => l.text).join(' ')).not.toContain('Page 1');
    const tocLine = lines.find((l) => l.page === 2 && l.text.startsWith('OS 1 – Un accueil de qualité'));
    const osPage = lines.find((l) => l.page !== 2 && l.text === 'OS 1 – Un accueil de qualité')?.page;
    expect(tocLine?.text).toBe(`OS 1 – Un accueil de qualité ${osPage}`);
  });
});
