/**
 * `npm run report` and `npm run export` against the embedded store holding the sample PST
 * (what `npm start` serves), through their own PnPjs code, at a fixed date.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SAMPLE_USERS } from '../../../src/node/local/samplePst';
import { runReportCli } from '../../../src/node/cli/report';
import { runExportCli } from '../../../src/node/cli/export';
import { validateEcomptes } from '../../../src/node/ecomptes/validateEcomptes';
import { readPdfLines } from '../../../src/import/read/pdf';
import { readDocx } from '../../export/report/readDocx';
import { useSampleSite } from '../support/sampleSite';

jest.setTimeout(180_000);

const TODAY = '2026-11-23';

const site = useSampleSite('pst-report-cli-', TODAY);

function run(cli: typeof runReportCli, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return cli(args, (l) => out.push(l), (l) => err.push(l)).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('npm run report and npm run export on a site', () => {
  it('writes the complete report as .docx with the sample plan, its late actions and the leads’ last check-ins', async () => {
    const file = path.join(site.folder, 'rapport.docx');
    const result = await run(runReportCli, ['--format', 'docx', '--variant', 'complet', '--out', file, '--site', site.store.siteUrl, '--date', TODAY]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('47 actions');
    const docx = readDocx(new Uint8Array(fs.readFileSync(file)));
    expect(docx.lines.filter((l) => /^# OS /.test(l))).toHaveLength(9);
    expect(docx.lines.filter((l) => /^## OO /.test(l))).toHaveLength(23);
    expect(docx.lines).toContain('Données au : 23/11/2026');
    expect(docx.lines.some((l) => l.startsWith('Dernier suivi du '))).toBe(true);
  });

  it('writes the late and blocked actions as a PDF whose text lists them', async () => {
    const file = path.join(site.folder, 'retards.pdf');
    const result = await run(runReportCli, ['--out', file, '--variant', 'retards', '--site', site.store.siteUrl, '--date', TODAY]);
    expect(result.code).toBe(0);
    const text = readPdfLines(new Uint8Array(fs.readFileSync(file))).map((l) => l.text).join('\n');
    expect(text).toContain('Actions en retard et bloquées');
    expect(text).toMatch(/Page 2 sur \d+/);
    expect(text).toMatch(/\d+ j/);
  });

  it('writes the eComptes XML, valid against the XSD', async () => {
    const file = path.join(site.folder, 'pst.xml');
    const civilities = path.join(site.folder, 'civilites.json');
    fs.writeFileSync(civilities, JSON.stringify(Object.fromEntries(SAMPLE_USERS.map((u, i) => [u.email, i % 2 ? 'MONSIEUR' : 'MADAME']))));
    const result = await run(runExportCli, ['--ecomptes', file, '--ins', '56011', '--civilites', civilities, '--site', site.store.siteUrl, '--date', TODAY]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('9 OS, 23 OO, 47 actions');
    const xml = fs.readFileSync(file, 'utf8');
    expect((await validateEcomptes(xml)).valid).toBe(true);
    expect(xml).toContain('<Responsable><Civilite>');
  });

  it('says what is wrong with the arguments, and when the site does not answer', async () => {
    const bad = await run(runReportCli, ['--format', 'odt', '--variant', 'tout', '--out', path.join(site.folder, 'x')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--format attend docx ou pdf');
    expect(bad.err).toContain('--variant attend complet, avancement, retards, services, chefs');
    const down = await run(runExportCli, ['--ecomptes', path.join(site.folder, 'y.xml'), '--site', 'http://127.0.0.1:9/sites/pst']);
    expect(down.code).toBe(1);
    expect(down.err).toContain('ne répond pas');
    expect(fs.existsSync(path.join(site.folder, 'y.xml'))).toBe(false);
  });
});
