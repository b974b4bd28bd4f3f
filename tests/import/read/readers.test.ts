/**
 * The readers: a sample PST printed as a Word document and as a PDF gives the same
 * structure as its text; bad input is refused with a French message and nothing is
 * written (also through the command line).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strToU8, zipSync } from 'fflate';
import type { OutlineDocument } from '../../../src/import/toPlan';
import { writeXlsx } from '../../../src/export/xlsx';
import { ImportError } from '../../../src/import/errors';
import { analyseDocument } from '../../../src/import/importDocument';
import { parseOutline } from '../../../src/import/outline/outlineParser';
import { readDocument } from '../../../src/import/read';
import { readDocumentFile } from '../../../src/node/cli/readFile';
import { linesOfText } from '../../../src/import/lines/sourceLines';
import { asWordParagraphs, DocxParagraph, makeDocx, makePdf } from '../support/makeDocuments';

const SAMPLES = path.resolve(__dirname, '../../../../shared/samples');
const REPO = path.resolve(__dirname, '../../..');

function sampleText(prefix: string): string {
  const file = fs.readdirSync(SAMPLES).find((f) => f.startsWith(prefix) && f.endsWith('.txt')) as string;
  return fs.readFileSync(path.join(SAMPLES, file), 'utf8');
}

/** Codes and titles of every level with their parents: what "the same structure" means. */
function structure(outline: OutlineDocument): string[] {
  const out: string[] = [];
  for (const os of outline.strategicObjectives) {
    out.push(`OS ${os.code ?? ''} ${os.title} [${os.volet ?? ''}]`);
    for (const oo of os.operationalObjectives) {
      out.push(`OO ${oo.code ?? ''} ${oo.title} < ${os.title}`);
      for (const a of oo.actions) {
        out.push(`A ${a.code ?? ''} ${a.title} < ${oo.title ?? oo.code}`);
        for (const s of a.subActions || []) out.push(`S ${s.code ?? ''} ${s.title} < ${a.title}`);
      }
    }
  }
  return out;
}


function expectImportError(action: () => unknown, code: ImportError['code'], message: RegExp): void {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe(code);
    expect((error as ImportError).message).toMatch(message);
    return;
  }
  throw new Error(`expected an ImportError ${code}`);
}

describe('a sample printed as .docx and .pdf imports to the same structure as its text', () => {
  it.each(['003', '004'])('sample %s as a Word document', (prefix) => {
    const text = sampleText(prefix);
    const fromText = parseOutline(linesOfText(text)).outline;
    const docx = makeDocx(asWordParagraphs(text));
    const read = readDocument('pst.docx', docx);
    expect(read.format).toBe('docx');
    const fromDocx = parseOutline(read.kind === 'text' ? read.lines : []).outline;
    expect(structure(fromDocx)).toEqual(structure(fromText));
  });

  it.each(['002', '003', '004'])('sample %s as a PDF (Type0 font, ToUnicode, running header, page numbers)', (prefix) => {
    const text = sampleText(prefix);
    const fromText = parseOutline(linesOfText(text)).outline;
    const pdf = makePdf(text.split(/\r?\n/), { header: 'Programme stratégique transversal – CPAS', pageNumbers: true });
    const read = readDocument('pst.pdf', pdf);
    expect(read.format).toBe('pdf');
    const fromPdf = parseOutline(read.kind === 'text' ? read.lines : []).outline;
    const a = structure(fromPdf);
    const b = structure(fromText);
    const same = b.filter((line, k) => a[k] === line).length;
    // 002 has a title with a lone "-" line that a PDF cannot keep apart from the next one.
    expect(same / b.length).toBeGreaterThanOrEqual(prefix === '002' ? 0.97 : 1);
    expect(a.length).toBe(b.length);
  });

  it('renders Word automatic numbering ("1.", "1.1.", "1.1.1.") so that numbered outlines keep their codes', () => {
    const docx = makeDocx([
      { text: 'Être un CPAS ouvert', numberedLevel: 0, heading: 1 },
      { text: 'Améliorer l’accueil', numberedLevel: 1, heading: 2 },
      { text: 'Rénover la salle d’attente', numberedLevel: 2 },
      { text: 'Former les agents', numberedLevel: 2 },
      { text: 'Communiquer', numberedLevel: 1, heading: 2 },
      { text: 'Créer un site internet', numberedLevel: 2 },
      { text: 'Être un CPAS bien géré', numberedLevel: 0, heading: 1 },
      { text: 'Maîtriser les finances', numberedLevel: 1, heading: 2 },
      { text: 'Contrôle interne', numberedLevel: 2 },
    ]);
    const read = readDocument('pst.docx', docx);
    const lines = read.kind === 'text' ? read.lines.map((l) => l.text).filter((t) => t !== '') : [];
    expect(lines.slice(0, 4)).toEqual(['# 1. Être un CPAS ouvert', '## 1.1. Améliorer l’accueil', '1.1.1. Rénover la salle d’attente', '1.1.2. Former les agents']);
    expect(lines[6]).toBe('# 2. Être un CPAS bien géré');
    const outline = parseOutline(read.kind === 'text' ? read.lines : []).outline;
    expect(structure(outline)).toEqual([
      'OS 1 Être un CPAS ouvert []',
      'OO 1.1 Améliorer l’accueil < Être un CPAS ouvert',
      'A 1.1.1 Rénover la salle d’attente < Améliorer l’accueil',
      'A 1.1.2 Former les agents < Améliorer l’accueil',
      'OO 1.2 Communiquer < Être un CPAS ouvert',
      'A 1.2.1 Créer un site internet < Communiquer',
      'OS 2 Être un CPAS bien géré []',
      'OO 2.1 Maîtriser les finances < Être un CPAS bien géré',
      'A 2.1.1 Contrôle interne < Maîtriser les finances',
    ]);
  });

  it('reads Word bullets, headings and tables', () => {
    const docx = makeDocx(
      [
        { text: 'Objectif stratégique 1 : Être un CPAS accueillant', heading: 1 },
        { text: 'Objectif opérationnel 1.1 : Améliorer l’accueil', heading: 2 },
        { text: 'Actions :' },
        { text: 'Rénover la salle d’attente', bulletLevel: 0 },
        { text: 'Choisir le mobilier', bulletLevel: 1 },
      ],
      [
        ['Chef de projet', 'Marie Dupont'],
        ['Échéance', '2027'],
      ],
    );
    const read = readDocument('pst.docx', docx);
    const lines = read.kind === 'text' ? read.lines.map((l) => l.text).filter((t) => t !== '') : [];
    expect(lines).toEqual([
      '# Objectif stratégique 1 : Être un CPAS accueillant',
      '## Objectif opérationnel 1.1 : Améliorer l’accueil',
      'Actions :',
      '- Rénover la salle d’attente',
      '  - Choisir le mobilier',
      'Chef de projet',
      'Marie Dupont',
      'Échéance',
      '2027',
    ]);
    const action = parseOutline(read.kind === 'text' ? read.lines : []).outline.strategicObjectives[0].operationalObjectives[0].actions[0];
    expect(action).toMatchObject({ title: 'Rénover la salle d’attente', subActions: [{ title: 'Choisir le mobilier' }] });
    expect(action.subActions?.[0]).toBeDefined();
  });
});

describe('what would be written', () => {
  it('titles longer than SharePoint accepts are shortened on a word, the whole text opens the description', () => {
    const analysis = analyseDocument('004.txt', strToU8(sampleText('004')));
    expect(analysis.plan.actions.every((a) => a.title.length <= 255)).toBe(true);
    const long = analysis.anomalies.filter((a) => a.kind === 'longTitle');
    expect(long.map((a) => a.line)).toEqual([67, 270]);
    const shortened = analysis.plan.actions.find((a) => a.title.startsWith('Rédiger la description de fonction')) as { title: string; description: string | null };
    expect(shortened.title).toMatch(/…$/);
    expect(shortened.description).toMatch(/^Rédiger la description de fonction .* la recherche du toujours mieux\.$/);
    expect(analysis.plan.warnings.some((w) => w.code === 'titleTooLong')).toBe(false);
  });
});

describe('bad input is refused with a French message', () => {
  it('an empty file', () => {
    expectImportError(() => readDocument('vide.docx', new Uint8Array(0)), 'empty', /est vide/);
    expectImportError(() => readDocument('blanc.txt', strToU8('   \n\n  \n')), 'empty', /aucun texte/);
  });

  it('an image, by its content or its extension', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expectImportError(() => readDocument('pst.pdf', png), 'image', /image \(PNG\).*texte ne peut pas être lu/);
    expectImportError(() => readDocument('scan.jpg', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])), 'image', /image/);
  });

  it('a 50 MB PDF, before reading it', async () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    big.set(strToU8('%PDF-1.7\n'));
    expectImportError(() => readDocument('gros.pdf', big), 'tooLarge', /50,0 Mo.*limite/);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pst-')), 'gros.pdf');
    fs.writeFileSync(file, '%PDF-1.7\n');
    fs.truncateSync(file, 50 * 1024 * 1024);
    await expect(readDocumentFile(file)).rejects.toMatchObject({ code: 'tooLarge' });
  });

  it('a spreadsheet with wrong columns (csv and xlsx)', () => {
    const csv = strToU8('Nom;Prénom;Adresse\nDupont;Marie;Rue Haute 1\n');
    expectImportError(() => analyseDocument('personnes.csv', csv), 'wrongColumns', /colonnes.*« Nom », « Prénom », « Adresse ».*Niveau.*Intitulé/);
    const xlsx = writeXlsx([{ name: 'Feuil1', rows: [['Date', 'Montant'], ['01/01/2024', 12]] }]);
    expectImportError(() => analyseDocument('budget.xlsx', xlsx), 'wrongColumns', /ne sont pas celles d'un PST/);
  });

  it('a document that is not a PST', () => {
    const minutes = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'not-a-pst.txt'));
    expectImportError(() => analyseDocument('pv.txt', new Uint8Array(minutes)), 'notAPst', /ne ressemble pas à un PST/);
  });

  it('old Office files, OpenDocument, damaged archives and binary files', () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expectImportError(() => readDocument('pst.doc', ole), 'unsupportedFormat', /Office 97-2003.*\.docx/);
    const odt = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<x/>') });
    expectImportError(() => readDocument('pst.odt', odt), 'unsupportedFormat', /OpenDocument/);
    expectImportError(() => readDocument('pst.docx', strToU8('pas une archive')), 'unreadable', /n'est pas un fichier \.docx valide/);
    expectImportError(() => readDocument('pst.txt', Uint8Array.from([0, 1, 2, 3, 4, 5, 0, 0, 7, 8])), 'unreadable', /binaire/);
    expectImportError(() => readDocument('pst.rtf', strToU8('{\\rtf1 texte}')), 'unsupportedFormat', /RTF/);
  });

  it('a scanned PDF (no text) and an encrypted PDF', () => {
    const scanned = makePdf([]);
    expectImportError(() => readDocument('scan.pdf', scanned), 'noText', /ne contient pas de texte/);
    const encrypted = strToU8(new TextDecoder('latin1').decode(makePdf(['Objectif stratégique 1 : test'])).replace('/Root', '/Encrypt 99 0 R /Root'), true);
    expectImportError(() => readDocument('protege.pdf', encrypted), 'encrypted', /protégé/);
  });
});

describe('the command line', () => {
  const tsx = path.join(REPO, 'node_modules', '.bin', 'tsx');
  const run = (args: string[]) => spawnSync(tsx, [path.join(REPO, 'src', 'node', 'cli', 'import.ts'), ...args], { cwd: REPO, encoding: 'utf8', timeout: 60000 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pst-cli-'));

  it('refuses bad input, says why in French and writes nothing, not even the JSON', () => {
    const empty = path.join(dir, 'vide.txt');
    fs.writeFileSync(empty, '');
    const json = path.join(dir, 'vide.json');
    const result = run([empty, '--json', json]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Import impossible : Le fichier « vide\.txt » est vide/);
    expect(result.stderr).toMatch(/Rien n’a été écrit/);
    expect(fs.existsSync(json)).toBe(false);
  });

  it('--dry-run prints the report and writes the JSON of what was understood', () => {
    const file = fs.readdirSync(SAMPLES).find((f) => f.startsWith('003') && f.endsWith('.txt')) as string;
    const json = path.join(dir, '003.json');
    const result = run([path.join(SAMPLES, file), '--dry-run', '--json', json]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Objectifs stratégiques\s+: 6/);
    expect(result.stdout).toMatch(/Actions\s+: 96/);
    expect(result.stdout).toMatch(/ligne 156 — code en double/);
    expect(result.stdout).toMatch(/rien n’a été écrit/);
    const written = JSON.parse(fs.readFileSync(json, 'utf8')) as OutlineDocument;
    expect(written.strategicObjectives).toHaveLength(6);
    expect(written.strategicObjectives[0].operationalObjectives[0].actions[0]).toMatchObject({ code: '1.1.1', sourceLine: 15 });
  }, 60000);

  it('writes the spreadsheet template', () => {
    const file = path.join(dir, 'modele.xlsx');
    const result = run(['--template', file]);
    expect(result.status).toBe(0);
    expect(readDocument(file, new Uint8Array(fs.readFileSync(file)))).toMatchObject({ kind: 'table', format: 'xlsx' });
  }, 60000);
});
