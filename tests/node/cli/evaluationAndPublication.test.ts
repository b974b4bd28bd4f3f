/**
 * Against the embedded store holding the sample PST (what `npm start` serves), through the
 * commands' own PnPjs code: evaluation with `npm run report` (a snapshot stored in the site,
 * list « PST – Évaluations », in parts; the plan changed afterwards, the snapshot still
 * reporting the old values; the evaluation report in Word, with the assessments of a file or
 * those saved in the site), and `npm run export` of the
 * plan workbook and of the published page.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spAs } from '../../../src/node/local/seed';
import { SAMPLE_USERS } from '../../../src/node/local/samplePst';
import { runReportCli } from '../../../src/node/cli/report';
import { runExportCli } from '../../../src/node/cli/export';
import { analyseDocument } from '../../../src/import/importDocument';
import { snapshotArchiveOf } from '../../../src/node/report/evaluationFile';
import { listUrl } from '../../../src/data/sharePointPaths';
import { evaluationsList, strategicObjectivesList } from '../../../src/schema/listSchema';
import { webServerRelativeUrlOf } from '../../../src/node/sp/nodeSp';
import { readDocx } from '../../export/report/readDocx';
import { SharePointSnapshotArchive } from '../../../src/data/SharePointSnapshotArchive';
import { evaluationKey } from '../../../src/domain/evaluation';
import { useSampleSite } from '../support/sampleSite';

jest.setTimeout(240_000);

const TODAY = '2026-11-23';

const site = useSampleSite('pst-evaluation-cli-', TODAY);

function run(args: string[], cli: typeof runReportCli = runReportCli) {
  const out: string[] = [];
  const err: string[] = [];
  return cli(args, (l) => out.push(l), (l) => err.push(l)).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('npm run export on a site: the plan workbook and the published page', () => {
  it('writes the workbook, whose PST sheet the importer reads back whole', async () => {
    const file = path.join(site.folder, 'pst.xlsx');
    const result = await run(['--xlsx', file, '--site', site.store.siteUrl, '--date', TODAY], runExportCli);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const analysis = analyseDocument('pst.xlsx', new Uint8Array(fs.readFileSync(file)));
    expect([analysis.plan.strategicObjectives.length, analysis.plan.operationalObjectives.length]).toEqual([9, 23]);
    expect(analysis.outline.counts).toMatchObject({ strategicObjectives: 9, operationalObjectives: 23 });
  });

  it('writes the public page without internal information, and with it when asked', async () => {
    const dir = path.join(site.folder, 'public');
    const result = await run(['--public', dir, '--site', site.store.siteUrl, '--date', TODAY], runExportCli);
    expect(result.code).toBe(0);
    expect(result.out).toContain('sans information interne');
    const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    expect(html).toContain('Données au <time datetime="2026-11-23">23/11/2026</time>');
    expect(html).not.toContain('@cpas.example');
    expect(html).not.toContain('marché public relancé');
    const withAll = await run(['--public', dir, '--avec-emails', '--avec-commentaires', '--site', site.store.siteUrl, '--date', TODAY], runExportCli);
    expect(withAll.out).toContain('avec commentaires, e-mails');
    expect(fs.readFileSync(path.join(dir, 'index.html'), 'utf8')).toContain('@cpas.example');
  });
});

describe('evaluation snapshots on a site', () => {
  it('stores a snapshot in parts, and it still reports the old values after the plan changed', async () => {
    const taken = await run(['--cliche', 'Évaluation à mi-parcours', '--type', 'miParcours', '--site', site.store.siteUrl, '--date', '2026-06-30']);
    expect(taken.err).toBe('');
    expect(taken.code).toBe(0);
    const key = /clé (\S+)/.exec(taken.out)![1];
    expect(key).toMatch(/-2026-06-30-miParcours$/);

    const coordinator = SAMPLE_USERS.find((u) => u.role === 'coordinator')!;
    const sp = spAs(site.store.siteUrl, coordinator.email);
    const web = webServerRelativeUrlOf(site.store.siteUrl);
    const parts = await sp.web.getList(listUrl(web, evaluationsList)).items.select('PstPart', 'PstParts')();
    expect(parts.length).toBeGreaterThan(1);
    expect(new Set(parts.map((p: { PstParts: number }) => p.PstParts))).toEqual(new Set([parts.length]));

    // The plan changes after the snapshot: the first OS is renamed.
    const osList = sp.web.getList(listUrl(web, strategicObjectivesList));
    const [first] = (await osList.items.select('Id', 'Title').orderBy('PstSortOrder').top(1)()) as { Id: number; Title: string }[];
    await osList.items.getById(first.Id).update({ Title: 'OS renommé après le cliché' });

    const stored = await snapshotArchiveOf(site.store.siteUrl).load(key);
    expect(stored.strategicObjectives.find((o) => o.id === first.Id)!.title).toBe(first.Title);
    expect((await snapshotArchiveOf(site.store.siteUrl).snapshots()).map((s) => s.key)).toEqual([key]);

    const assessments = path.join(site.folder, 'appreciations.json');
    fs.writeFileSync(assessments, JSON.stringify({ objectifs: { '1.1': 'L’offre de services a progressé.' }, synergies: 'Deux services partagés avec la commune.' }));
    const frozenOnly = path.join(site.folder, 'evaluation-cliche.docx');
    const same = await run(['--variant', 'evaluation', '--depuis', key, '--jusqu-a', key, '--format', 'docx', '--out', frozenOnly, '--appreciations', assessments, '--site', site.store.siteUrl]);
    expect(same.err).toBe('');
    expect(same.code).toBe(0);
    const frozenText = readDocx(new Uint8Array(fs.readFileSync(frozenOnly))).lines.join('\n');
    expect(frozenText).toContain(first.Title);
    expect(frozenText).not.toContain('OS renommé après le cliché');
    expect(frozenText).toContain('Appréciation : L’offre de services a progressé.');
    expect(frozenText).toContain('Deux services partagés avec la commune.');

    const toToday = path.join(site.folder, 'evaluation.docx');
    const now = await run(['--variant', 'evaluation', '--depuis', key, '--format', 'docx', '--out', toToday, '--site', site.store.siteUrl, '--date', TODAY]);
    expect(now.code).toBe(0);
    const todayText = readDocx(new Uint8Array(fs.readFileSync(toToday))).lines.join('\n');
    expect(todayText).toContain('OS renommé après le cliché');
    expect(todayText).toContain('Comparé à');
    expect(todayText).toContain('Bilan des synergies commune-CPAS');

    // Without a file, the assessments the coordination saved in the page for this pair.
    const os = (await snapshotArchiveOf(site.store.siteUrl).load(key)).strategicObjectives.find((o) => o.id === first.Id)!;
    await new SharePointSnapshotArchive(sp, web).saveAssessments({ key: evaluationKey(key, key), label: 'Mi-parcours', planId: stored.plan.id }, { objectives: { [`os:${os.id}`]: 'Écrit dans la page.' }, synergies: 'Bilan écrit dans la page.' }, null);
    const fromSite = path.join(site.folder, 'evaluation-site.docx');
    const saved = await run(['--variant', 'evaluation', '--depuis', key, '--jusqu-a', key, '--format', 'docx', '--out', fromSite, '--site', site.store.siteUrl]);
    expect(saved.err).toBe('');
    const savedText = readDocx(new Uint8Array(fs.readFileSync(fromSite))).lines.join('\n');
    expect(savedText).toContain('Appréciation : Écrit dans la page.');
    expect(savedText).toContain('Bilan écrit dans la page.');
  });

  it('says what is wrong: an unknown snapshot, a wrong kind, unreadable assessments', async () => {
    const missing = await run(['--variant', 'evaluation', '--depuis', 'nope', '--format', 'pdf', '--out', path.join(site.folder, 'x.pdf'), '--site', site.store.siteUrl]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Aucun cliché « nope »');
    const kind = await run(['--cliche', 'x', '--type', 'annuel', '--site', site.store.siteUrl]);
    expect(kind.code).toBe(2);
    expect(kind.err).toContain('--type attend miParcours, finDeLegislature, autre');
    const bad = path.join(site.folder, 'bad.json');
    fs.writeFileSync(bad, '{"objectifs": {"1": 3}}');
    const assessments = await run(['--variant', 'evaluation', '--depuis', 'nope', '--format', 'pdf', '--out', path.join(site.folder, 'x.pdf'), '--appreciations', bad, '--site', site.store.siteUrl]);
    expect(assessments.code).toBe(1);
    expect(assessments.err).toContain('l’appréciation de « 1 » doit être un texte');
  });
});
