/**
 * `npm run import -- <fichier> [--site <url>] [--dry-run] [--json <sortie.json>] [--plan <id>] [--rules <regles.json>]`
 * imports a PST from a .docx, .pdf, .md, .txt, .xlsx or .csv file, or an eComptes .xml export:
 * 1. reads and understands the document, prints the report (structure, fields,
 *    anomalies with their lines); `--json` writes what was understood in the shape of
 *    the samples' *.expected.json;
 * 2. `--dry-run` stops there (with `--site`, it also says what would change, reading only);
 * 3. otherwise writes into the site (the local store of `npm start` by default): a new
 *    plan, or the update of the plan already there (same document twice: nothing changes).
 *
 * `npm run import -- --template <modele.xlsx>` writes the spreadsheet template.
 * Sign-in for SharePoint Online: `--device-code`, or the AZURE_* variables (see README).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { inspectPstLists } from '../../data/provisioning';
import type { SiteImportResult } from '../../data/PstRepository';
import { SharePointPstRepository } from '../../data/SharePointPstRepository';
import { isImportError } from '../../import/errors';
import { ImportRules, RulesError, parseRules } from '../../import/lines/rules';
import type { ImportAnalysis } from '../../import/importDocument';
import { analyseFile } from './readFile';
import { formatReport } from '../../import/report';
import { writeTemplate } from '../../import/spreadsheet/template';
import { syncTotals } from '../../domain/planSync';
import { isLocalUrl, sharePointTokenProvider } from '../sp/credentials';
import { createNodeSp, TokenProvider, webServerRelativeUrlOf } from '../sp/nodeSp';
import { SAMPLE_USERS } from '../local/samplePst';
import { localToken, readLocalKey } from '../local/localSession';

/** The site of `npm start` (the embedded store), used when no --site is given. */
const LOCAL_SITE = process.env.PST_SITE_URL || `http://localhost:${process.env.PORT || '4321'}/sites/pst`;

const USAGE = [
  'Utilisation :',
  '  npm run import -- <fichier.docx|.pdf|.md|.txt|.xlsx|.csv|.xml> [--dry-run] [--json <sortie.json>] [--site <url>] [--plan <id>]',
  '  npm run import -- --template <modele.xlsx>',
  '',
  '  --dry-run         affiche le rapport sans rien écrire (avec --site : dit aussi ce qui changerait)',
  '  --json <fichier>  écrit la structure comprise (OS → OO → actions → sous-actions) en JSON',
  `  --site <url>      site SharePoint cible (par défaut, le site local de « npm start » : ${LOCAL_SITE})`,
  '  --plan <id>       plan à mettre à jour quand le site en contient plusieurs',
  '  --device-code     connexion interactive à SharePoint Online',
  '  --as <e-mail>     compte local utilisé sur le site local (par défaut, la référente PST)',
  '  --rules <fichier> corrections de lecture (JSON : niveaux, champs, lignes à ignorer ; voir le README)',
].join('\n');

function readRulesFile(file: string): ImportRules {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new RulesError(`fichier de règles « ${file} » illisible : ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseRules(json);
}

function outlineJson(analysis: ImportAnalysis): unknown {
  return {
    ...analysis.outline,
    anomalies: analysis.anomalies.map((a) => ({ kind: a.kind, line: a.line, ...(a.page ? { page: a.page } : {}), message: a.message })),
    fieldCounts: analysis.fieldCounts,
  };
}

function describeWrite(result: SiteImportResult): string[] {
  const lines: string[] = [];
  const w = result.written;
  const kinds: [keyof SiteImportResult['written'], string][] = [
    ['sections', 'sections'],
    ['strategicObjectives', 'objectifs stratégiques'],
    ['operationalObjectives', 'objectifs opérationnels'],
    ['actions', 'actions et sous-actions'],
  ];
  if (result.mode === 'new') {
    if (result.complete) {
      lines.push(`Nouveau plan créé (n° ${result.planId}) :`);
      for (const [key, name] of kinds) lines.push(`  ${w[key].added} ${name}`);
    }
  } else {
    const added = kinds.map(([key, name]) => (w[key].added ? `${w[key].added} ${name}` : '')).filter((t) => t);
    const updated = kinds.map(([key, name]) => (w[key].updated ? `${w[key].updated} ${name}` : '')).filter((t) => t);
    if (w.plan.updated) updated.unshift('le plan');
    lines.push(`Plan n° ${result.planId} mis à jour :`);
    lines.push(`  ajouts : ${added.length ? added.join(', ') : 'aucun'}`);
    lines.push(`  modifications : ${updated.length ? updated.join(', ') : 'aucune'}`);
    if (result.sync) {
      const totals = syncTotals(result.sync);
      lines.push(`  inchangés : ${totals.unchanged}`);
      if (totals.absent > 0) lines.push(`  ${totals.absent} élément(s) du site absent(s) du document : conservé(s), rien n'est supprimé.`);
    }
  }
  if (!result.complete) {
    lines.push('');
    lines.push(`L'import s'est arrêté avant la fin : ${result.notWritten} écriture(s) non faite(s).`);
    for (const failure of result.failures) lines.push(`  - ${failure}`);
    lines.push("Relancez la même commande : ce qui a déjà été écrit est reconnu (par code ou par intitulé) et l'import reprend là où il s'est arrêté.");
  }
  return lines;
}

function describeDryRun(result: SiteImportResult): string[] {
  if (result.mode === 'new') return ['Aucun plan correspondant sur le site : l’import créerait un nouveau plan.'];
  const sync = result.sync;
  if (!sync) return [];
  const totals = syncTotals(sync);
  const lines = [`Le document correspond au plan n° ${result.planId} du site. L'import ferait :`];
  lines.push(`  ${totals.adds} ajout(s), ${totals.updates} modification(s), ${totals.unchanged} élément(s) inchangé(s).`);
  const kinds: [string, { adds: unknown[]; updates: { changes: object }[] }][] = [
    ['sections', sync.sections],
    ['objectifs stratégiques', sync.strategicObjectives],
    ['objectifs opérationnels', sync.operationalObjectives],
    ['actions', sync.actions],
  ];
  for (const [name, kind] of kinds) {
    if (kind.adds.length || kind.updates.length) {
      const fields = new Set<string>();
      kind.updates.forEach((u) => Object.keys(u.changes).forEach((k) => fields.add(k)));
      lines.push(`  ${name} : ${kind.adds.length} ajout(s), ${kind.updates.length} modification(s)${fields.size ? ` (champs : ${Array.from(fields).join(', ')})` : ''}`);
    }
  }
  if (totals.absent > 0) lines.push(`  ${totals.absent} élément(s) du site absent(s) du document : ils seraient conservés.`);
  return lines;
}

function connectionHelp(site: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = (error as { cause?: { code?: string } }).cause;
  if (isLocalUrl(site) && (/fetch failed|ECONNREFUSED/.test(message) || (cause && cause.code === 'ECONNREFUSED'))) {
    return `Le site local ${site} ne répond pas : lancez d'abord « npm start » dans un autre terminal, ou indiquez --site.`;
  }
  return `Échec de l'écriture sur ${site} : ${message}`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      site: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'string' },
      template: { type: 'string' },
      plan: { type: 'string' },
      'device-code': { type: 'boolean', default: false },
      as: { type: 'string' },
      rules: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.template) {
    fs.writeFileSync(values.template, writeTemplate());
    console.log(`Modèle écrit : ${values.template} (une ligne par OS, OO, action ou sous-action ; les lignes « Exemple » sont ignorées à l'import).`);
    return;
  }
  const file = positionals[0];
  if (!file) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }

  let analysis: ImportAnalysis;
  try {
    analysis = await analyseFile(file, { rules: values.rules ? readRulesFile(values.rules) : undefined });
  } catch (error) {
    if (isImportError(error) || error instanceof RulesError) {
      console.error(`Import impossible : ${error.message}`);
      console.error('Rien n’a été écrit.');
      process.exitCode = 2;
      return;
    }
    throw error;
  }

  console.log(formatReport(analysis));
  if (values.json) {
    fs.mkdirSync(path.dirname(path.resolve(values.json)), { recursive: true });
    fs.writeFileSync(values.json, JSON.stringify(outlineJson(analysis), null, 2) + '\n');
    console.log(`\nStructure écrite en JSON : ${values.json}`);
  }

  const site = values.site || LOCAL_SITE;
  const planId = values.plan !== undefined ? Number(values.plan) : undefined;
  if (values.plan !== undefined && !Number.isInteger(planId)) {
    console.error(`--plan attend un numéro de plan, pas « ${values.plan} ».`);
    process.exitCode = 2;
    return;
  }
  if (values['dry-run'] && !values.site) {
    console.log('\nMode essai (--dry-run) : rien n’a été écrit.');
    return;
  }

  const token: TokenProvider | undefined = isLocalUrl(site)
    ? async () =>
        localToken(
          values.as || (SAMPLE_USERS.find((u) => u.role === 'coordinator') || SAMPLE_USERS[0]).email,
          // The sign-in key of the running `npm start` (data/local-session.key, or PST_LOCAL_KEY).
          readLocalKey(path.resolve(__dirname, '../../..', 'data', 'pst.sqlite')),
        )
    : sharePointTokenProvider(site, { deviceCode: values['device-code'] });
  const sp = createNodeSp(site, token);
  const web = webServerRelativeUrlOf(site);
  try {
    const state = await inspectPstLists(sp, web);
    if (state.missingLists.length > 0) {
      console.error(`\nLes listes du PST n'existent pas (toutes) sur ${site} : ${state.missingLists.join(', ')}.`);
      console.error(`Créez-les d'abord : npm run provision -- --site ${site}`);
      console.error('Rien n’a été écrit.');
      process.exitCode = 2;
      return;
    }
    console.log(`\n${values['dry-run'] ? 'Comparaison avec' : 'Écriture dans'} ${site}…`);
    const result = await new SharePointPstRepository(sp, web).importDocumentPlan(analysis.plan, { planId, dryRun: values['dry-run'] });
    const lines = values['dry-run'] ? describeDryRun(result).concat(['', 'Mode essai (--dry-run) : rien n’a été écrit.']) : describeWrite(result);
    for (const line of lines) console.log(line);
    if (!result.complete) process.exitCode = 1;
  } catch (error) {
    console.error(connectionHelp(site, error));
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(`Échec de l'import : ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
