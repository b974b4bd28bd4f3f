/**
 * `npm run import:score [-- --verbose] [--fixtures] [dossier…]`: imports every document of
 * the samples folder (../shared/samples by default) that has a `*.expected.json` (documents
 * and spreadsheets alike), and
 * compares what was understood with it; `--fixtures` adds the layouts written for the
 * tests (tests/import/fixtures/layouts). A `NAME.rules.json` next to a document is its
 * reading corrections (as `npm run import -- --rules`). Prints precision and recall per
 * level and the share of actions under the right parent; exits with 1 when a figure is
 * below 95 %.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OutlineDocument } from '../../import/toPlan';
import { parseOutline } from '../../import/outline/outlineParser';
import type { ParsedOutline } from '../../import/outline/parseResult';
import { outlineFromRows } from '../../import/spreadsheet/rowsToOutline';
import { applyRules, parseRules } from '../../import/lines/rules';
import { readDocumentFile } from './readFile';
import { LevelScore, OutlineScore, scoreOutline } from '../../import/scoring';

const DEFAULT_SAMPLES = path.resolve(__dirname, '../../../../shared/samples');
export const LAYOUT_FIXTURES = path.resolve(__dirname, '../../../tests/import/fixtures/layouts');
const TARGET = 0.95;

const percent = (value: number): string => `${(value * 100).toFixed(1).replace('.', ',')} %`;

function cells(score: LevelScore): string[] {
  return [`${score.matched}/${score.expected} (${score.found})`, percent(score.precision), percent(score.recall)];
}

export async function scoreFolder(folder: string, verbose = false): Promise<{ name: string; score: OutlineScore }[]> {
  const results: { name: string; score: OutlineScore }[] = [];
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.expected.json')).sort();
  for (const expectedFile of files) {
    const base = expectedFile.replace(/\.expected\.json$/, '');
    const documentFile = fs.readdirSync(folder).find((f) => f.startsWith(base + '.') && !f.endsWith('.expected.json') && !f.endsWith('.rules.json'));
    if (!documentFile) continue;
    const expected = JSON.parse(fs.readFileSync(path.join(folder, expectedFile), 'utf8')) as OutlineDocument;
    const document = await readDocumentFile(path.join(folder, documentFile));
    if (document.kind === 'ecomptes') continue;
    const rulesFile = path.join(folder, base + '.rules.json');
    let parsed: ParsedOutline;
    if (document.kind === 'table') parsed = outlineFromRows(document.rows, documentFile);
    else {
      const lines = fs.existsSync(rulesFile) ? applyRules(document.lines, parseRules(JSON.parse(fs.readFileSync(rulesFile, 'utf8')))) : document.lines;
      parsed = parseOutline(lines, { sourceName: documentFile });
    }
    const score = scoreOutline(parsed.outline, expected);
    results.push({ name: base, score });
    if (verbose) {
      for (const level of Object.keys(score.missing)) {
        for (const title of score.missing[level]) console.log(`  ${base} manquant ${level}: ${title.slice(0, 110)}`);
        for (const title of score.extra[level]) console.log(`  ${base} en trop  ${level}: ${title.slice(0, 110)}`);
      }
    }
  }
  return results;
}

function printTable(results: readonly { name: string; score: OutlineScore }[]): boolean {
  const header = ['document', 'OS trouvés/attendus (lus)', 'précision', 'rappel', 'OO', 'précision', 'rappel', 'actions', 'précision', 'rappel', 'sous-actions', 'précision', 'rappel', 'bon parent (actions)', 'bon parent (sous-actions)'];
  const rows: string[][] = [header];
  let ok = true;
  for (const { name, score } of results) {
    rows.push([
      name,
      ...cells(score.strategicObjectives),
      ...cells(score.operationalObjectives),
      ...cells(score.actions),
      ...cells(score.subActions),
      percent(score.actionsUnderRightParent),
      percent(score.subActionsUnderRightParent),
    ]);
    const figures = [score.strategicObjectives, score.operationalObjectives, score.actions, score.subActions].reduce<number[]>(
      (all, s) => all.concat([s.precision, s.recall]),
      [score.actionsUnderRightParent, score.subActionsUnderRightParent],
    );
    if (figures.some((f) => f < TARGET)) ok = false;
  }
  const widths = header.map((_h, k) => Math.max(...rows.map((r) => r[k].length)));
  for (const row of rows) console.log(row.map((c, k) => c.padEnd(widths[k])).join(' | '));
  return ok;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.indexOf('--verbose') >= 0;
  const named = args.filter((a) => !a.startsWith('--'));
  const folders = (named.length > 0 ? named : [DEFAULT_SAMPLES]).concat(args.indexOf('--fixtures') >= 0 ? [LAYOUT_FIXTURES] : []);
  const results: { name: string; score: OutlineScore }[] = [];
  for (const folder of folders) {
    if (!fs.existsSync(folder)) {
      console.error(`Dossier d'exemples introuvable : ${folder}`);
      process.exitCode = 2;
      return;
    }
    results.push(...(await scoreFolder(folder, verbose)));
  }
  if (results.length === 0) {
    console.error(`Aucun couple document / .expected.json dans ${folders.join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const ok = printTable(results);
  console.log(ok ? `\nTous les chiffres atteignent ${percent(TARGET)}.` : `\nAu moins un chiffre est sous ${percent(TARGET)}.`);
  if (!ok) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack || error.message : String(error));
    process.exitCode = 1;
  });
}
