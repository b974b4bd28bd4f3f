/**
 * `npm run export -- --ecomptes <fichier.xml> [--ins <code INS>] [--civilites <fichier.json>]
 *   [--xlsx <fichier.xlsx>] [--site <url>] [--date AAAA-MM-JJ] [--plan <id>] [--device-code]`
 * writes the plan of a site (the local store of `npm start` by default) as the Region's
 * eComptes XML, after checking it against the schema with libxml2: an invalid file is
 * never written; and/or as the plan workbook (`--xlsx`, re-importable with `npm run import`).
 *
 * `--civilites` maps people (e-mail or name) to MONSIEUR / MADAME: the schema requires a
 * civility for a Responsable or a Mandataire, and the lists do not hold it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Person } from '../../domain/model';
import { isoDateOfLocalDay, isValidIsoDate } from '../../domain/model';
import { Civility, ecomptesXml } from '../../export/ecomptes/ecomptesXml';
import { connectionHelp, LOCAL_SITE, loadPlan, PLAN_SOURCE_OPTIONS } from '../report/loadPlan';
import { validateEcomptes } from '../ecomptes/validateEcomptes';
import { planWorkbook } from '../../export/planWorkbook';
import { writeXlsx } from '../../export/xlsx';
import { publicPageHtml } from '../../export/publicPage';

const USAGE = [
  'Utilisation :',
  '  npm run export -- --ecomptes <fichier.xml> [--ins <code INS>] [--civilites <fichier.json>] [--site <url>] [--date AAAA-MM-JJ] [--plan <id>]',
  '  npm run export -- --xlsx <fichier.xlsx> [--site <url>] [--date AAAA-MM-JJ] [--plan <id>]',
  '  npm run export -- --public <dossier> [--avec-commentaires] [--avec-emails] [--avec-suivis] [--site <url>] [--date AAAA-MM-JJ]',
  '',
  '  --public     le PST publié : <dossier>/index.html, une page autonome (HTML et CSS, sans script) pour le site du CPAS ;',
  '               rien d’interne sauf si demandé : --avec-commentaires (commentaires de suivi et de la fiche),',
  '               --avec-emails (e-mail des chefs de projet), --avec-suivis (date et auteur du dernier suivi)',
  '  --xlsx       le classeur du plan : feuille « PST » aux colonnes du modèle d’import (modifiable puis réimportable),',
  '               « Actions » (une ligne par action, suivi, indicateurs, moyens par année), moyens et indicateurs',
  '  --ins        code INS de la commune (par défaut : la variable PST_INS)',
  '  --civilites  JSON { "e-mail ou nom": "MONSIEUR" | "MADAME" } : sans civilité, une personne n’est pas écrite',
  `  --site       site SharePoint (par défaut, le site local de « npm start » : ${LOCAL_SITE})`,
].join('\n');

function readCivilities(file: string): (person: Person) => Civility | null {
  const table = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
  const byKey = new Map<string, Civility>();
  for (const [key, value] of Object.entries(table)) {
    const civility = value.trim().toUpperCase();
    if (civility !== 'MONSIEUR' && civility !== 'MADAME') throw new Error(`${file} : « ${value} » pour « ${key} » n'est ni MONSIEUR ni MADAME.`);
    byKey.set(key.trim().toLowerCase(), civility);
  }
  return (person) => byKey.get((person.email ?? '').toLowerCase()) ?? byKey.get(person.displayName.trim().toLowerCase()) ?? null;
}

export async function runExportCli(argv: string[], log: (line: string) => void = console.log, error: (line: string) => void = console.error): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ecomptes: { type: 'string' },
      xlsx: { type: 'string' },
      public: { type: 'string' },
      'avec-commentaires': { type: 'boolean', default: false },
      'avec-emails': { type: 'boolean', default: false },
      'avec-suivis': { type: 'boolean', default: false },
      ins: { type: 'string', default: process.env.PST_INS },
      civilites: { type: 'string' },
      ...PLAN_SOURCE_OPTIONS,
    },
  });
  if (values.help) {
    log(USAGE);
    return 0;
  }
  const problems: string[] = [];
  if (!values.ecomptes && !values.xlsx && !values.public) problems.push('--ecomptes <fichier.xml>, --xlsx <fichier.xlsx> ou --public <dossier> manque.');
  const today = values.date ?? isoDateOfLocalDay(new Date());
  if (!isValidIsoDate(today)) problems.push(`--date attend AAAA-MM-JJ, pas « ${today} ».`);
  const ins = values.ins !== undefined ? Number(values.ins) : 0;
  if (!Number.isInteger(ins) || ins < 0) problems.push(`--ins attend le code INS (un nombre), pas « ${values.ins} ».`);
  const planId = values.plan !== undefined ? Number(values.plan) : undefined;
  if (planId !== undefined && !Number.isInteger(planId)) problems.push(`--plan attend un numéro de plan, pas « ${values.plan} ».`);
  if (problems.length > 0) {
    for (const p of problems) error(p);
    error(USAGE);
    return 2;
  }
  const civilityOf = values.civilites ? readCivilities(values.civilites) : undefined;
  const site = values.site || LOCAL_SITE;
  let data;
  try {
    data = await loadPlan({ site, today, planId, deviceCode: values['device-code'], as: values.as });
  } catch (e) {
    error(connectionHelp(site, e));
    return 1;
  }
  if (values.xlsx) {
    const bytes = writeXlsx(planWorkbook(data, today));
    fs.mkdirSync(path.dirname(path.resolve(values.xlsx)), { recursive: true });
    fs.writeFileSync(values.xlsx, bytes);
    log(`Classeur : ${values.xlsx} (${Math.round(bytes.length / 1024)} Ko) – ${data.actions.length} actions ; la feuille « PST » se réimporte avec npm run import -- ${values.xlsx}`);
  }
  if (values.public) {
    const html = publicPageHtml(data, { today, comments: values['avec-commentaires'], emails: values['avec-emails'], checkIns: values['avec-suivis'] });
    const file = path.join(values.public, 'index.html');
    fs.mkdirSync(values.public, { recursive: true });
    fs.writeFileSync(file, html, 'utf8');
    const internal = [values['avec-commentaires'] && 'commentaires', values['avec-emails'] && 'e-mails', values['avec-suivis'] && 'auteurs des suivis'].filter((t) => t);
    log(`Page publique : ${file} (${Math.round(Buffer.byteLength(html) / 1024)} Ko, une page autonome) – ${internal.length > 0 ? `avec ${internal.join(', ')}` : 'sans information interne'}.`);
  }
  if (!values.ecomptes) return 0;
  const result = ecomptesXml(data, { today, ins, civilityOf });
  const validation = await validateEcomptes(result.xml);
  if (!validation.valid) {
    error('Le fichier produit ne respecte pas le schéma eComptes : rien n’a été écrit.');
    for (const e of validation.errors.slice(0, 20)) error(`  ${e}`);
    return 1;
  }
  fs.mkdirSync(path.dirname(path.resolve(values.ecomptes!)), { recursive: true });
  fs.writeFileSync(values.ecomptes!, result.xml, 'utf8');
  const c = result.counts;
  log(`eComptes : ${values.ecomptes} (valide selon PST_eComptes_Export_201805V1.xsd) – ${c.volets} volet(s), ${c.strategicObjectives} OS, ${c.operationalObjectives} OO, ${c.actions} actions.`);
  if (values.ins === undefined) log('Attention : aucun code INS (--ins ou PST_INS) : 0 est écrit.');
  for (const warning of result.warnings) log(`Attention : ${warning}`);
  return 0;
}

if (require.main === module) {
  runExportCli(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(`Échec de l'export : ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    },
  );
}
