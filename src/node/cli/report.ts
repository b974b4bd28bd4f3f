/**
 * `npm run report -- --format docx|pdf --variant complet|avancement|retards|services|chefs
 *   --out <fichier> [--site <url>] [--date AAAA-MM-JJ] [--plan <id>] [--device-code]`
 * writes the « Rapport du PST » of a site (the local store of `npm start` by default).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isoDateOfLocalDay, isValidIsoDate } from '../../domain/model';
import { isReportVariant, REPORT_VARIANTS } from '../../domain/report';
import { connectionHelp, LOCAL_SITE, loadPlan, PLAN_SOURCE_OPTIONS } from '../report/loadPlan';
import { reportBytes } from '../report/reportFile';

const USAGE = [
  'Utilisation :',
  `  npm run report -- --format docx|pdf --variant ${REPORT_VARIANTS.join('|')} --out <fichier> [--site <url>] [--date AAAA-MM-JJ] [--plan <id>]`,
  '',
  '  --variant   complet (tout le plan), avancement (court : OS et OO), retards (actions en retard et bloquées),',
  '              services (par service), chefs (par chef de projet) ; par défaut : complet',
  '  --date      jour des données (par défaut : aujourd’hui) : retards et avancement calculés à ce jour',
  `  --site      site SharePoint (par défaut, le site local de « npm start » : ${LOCAL_SITE})`,
  '  --plan      numéro du plan quand le site en garde plusieurs (par défaut : celui de la législature en cours)',
].join('\n');

/** Runs the command; returns the exit code (0: written, 1: the site failed, 2: wrong arguments). */
export async function runReportCli(argv: string[], log: (line: string) => void = console.log, error: (line: string) => void = console.error): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      format: { type: 'string' },
      variant: { type: 'string', default: 'complet' },
      out: { type: 'string' },
      ...PLAN_SOURCE_OPTIONS,
    },
  });
  if (values.help) {
    log(USAGE);
    return 0;
  }
  const format = values.format ?? (values.out && /\.pdf$/i.test(values.out) ? 'pdf' : values.out && /\.docx$/i.test(values.out) ? 'docx' : undefined);
  const problems: string[] = [];
  if (format !== 'docx' && format !== 'pdf') problems.push(`--format attend docx ou pdf${values.format ? `, pas « ${values.format} »` : ''}.`);
  if (!isReportVariant(values.variant)) problems.push(`--variant attend ${REPORT_VARIANTS.join(', ')}, pas « ${values.variant} ».`);
  if (!values.out) problems.push('--out <fichier> manque.');
  const today = values.date ?? isoDateOfLocalDay(new Date());
  if (!isValidIsoDate(today)) problems.push(`--date attend AAAA-MM-JJ (par exemple 2026-11-23), pas « ${today} ».`);
  const planId = values.plan !== undefined ? Number(values.plan) : undefined;
  if (planId !== undefined && !Number.isInteger(planId)) problems.push(`--plan attend un numéro de plan, pas « ${values.plan} ».`);
  if (problems.length > 0) {
    for (const p of problems) error(p);
    error(USAGE);
    return 2;
  }
  const site = values.site || LOCAL_SITE;
  try {
    const data = await loadPlan({ site, today, planId, deviceCode: values['device-code'], as: values.as });
    const bytes = await reportBytes(data, format as 'docx' | 'pdf', values.variant as (typeof REPORT_VARIANTS)[number], today);
    fs.mkdirSync(path.dirname(path.resolve(values.out!)), { recursive: true });
    fs.writeFileSync(values.out!, bytes);
    log(`Rapport « ${values.variant} » (${format}) du plan « ${data.plan.title} », données au ${today} : ${values.out} (${Math.round(bytes.length / 1024)} Ko, ${data.actions.length} actions).`);
    return 0;
  } catch (e) {
    error(connectionHelp(site, e));
    return 1;
  }
}

if (require.main === module) {
  runReportCli(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(`Échec du rapport : ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    },
  );
}
