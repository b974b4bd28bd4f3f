/** The evaluation report read back: the Word file with the DOCX reader, the PDF with the PDF text reader. */
import { comparePlans, freezePlan } from '../../../src/domain/evaluation';
import { layoutEvaluation } from '../../../src/export/report/evaluationLayout';
import { writeReportDocx } from '../../../src/export/report/docx';
import { writeReportPdf } from '../../../src/export/report/pdf';
import { readPdfLines } from '../../../src/import/read/pdf';
import { nodePdfEngine } from '../../../src/node/report/pdfEngine';
import { readDocx } from './readDocx';
import { reportInput, TODAY } from './reportFixture';

jest.setTimeout(60_000);

function comparison() {
  const input = reportInput();
  const line = (year: number, planned: number, actual: number | null) => ({ year, service: 'ordinaire' as const, direction: 'depense' as const, source: null, article: null, planned, actual, etp: 0.5 });
  const before = freezePlan({ ...input, actions: input.actions.map((a) => (a.id === 101 ? { ...a, resources: { ...a.resources, lines: [line(2026, 1000, null)] } } : a)) }, { takenOn: '2026-06-30', kind: 'miParcours' });
  const after = freezePlan(
    {
      ...input,
      actions: input.actions.map((a) => (a.id === 101 ? { ...a, progressPercent: 70, resources: { ...a.resources, lines: [line(2026, 1200, 900)] } } : a.id === 102 ? { ...a, status: 'TERMINE' as const } : a)),
      indicators: [{ ...input.indicators[0], current: 1500 }],
    },
    { takenOn: TODAY, kind: 'finDeLegislature' },
  );
  return comparePlans(before, after);
}

const assessments = { objectives: { '1': 'Accueil transformé.' }, synergies: 'Un guichet commun avec la commune.' };

describe('the evaluation report', () => {
  it('in Word: title page, summary before/after, assessments, changes, indicators, means, synergies', async () => {
    const docx = readDocx(await writeReportDocx(layoutEvaluation(comparison(), assessments)));
    const text = docx.lines.join('\n');
    expect(text).toContain('Évaluation du PST');
    expect(text).toContain('Évaluation à mi-parcours (au 30/06/2026)');
    expect(docx.lines).toContain('# Synthèse');
    expect(text).toMatch(/Avancement moyen\s*avant \d+\u00a0% · après \d+\u00a0%/);
    expect(text).toContain('Appréciation : Accueil transformé.');
    expect(text).toContain('Appréciation : à rédiger.');
    expect(text).toContain('Borne d’accueil numérique');
    expect(text).toContain('1\u00a0200,00\u00a0€');
    expect(text).toContain('900,00\u00a0€');
    expect(text).toContain('Un guichet commun avec la commune.');
  });

  it('in PDF: the same texts, page numbers', async () => {
    const bytes = await writeReportPdf(layoutEvaluation(comparison(), assessments), nodePdfEngine());
    const text = readPdfLines(bytes).map((l) => l.text).join('\n');
    expect(text).toContain('Bilan des synergies commune-CPAS');
    expect(text).toContain('Visiteurs accueillis (pers.)');
    expect(text).toMatch(/Page 2 sur \d+/);
  });
});
