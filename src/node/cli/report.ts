/**
 * `npm run report -- --format docx|pdf --variant complet|avancement|retards|services|chefs
 *   --out <fichier> [--site <url>] [--date AAAA-MM-JJ] [--plan <id>] [--device-code]`
 * writes the « Rapport du PST » of a site (the local store of `npm start` by default).
 *
 * Evaluation: `--cliche [libellé] [--type miParcours|finDeLegislature|autre]` stores a frozen
 * snapshot of the plan in the site (list « PST – Évaluations »), `--cliches` lists them, and
 * `--variant evaluation --depuis <clé> [--jusqu-a <clé>] [--appreciations <fichier.json>]`
 * writes the evaluation report (from a snapshot to another, or to today's plan).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isoDateOfLocalDay, isValidIsoDate } from '../../domain/model';
import { isReportVariant, REPORT_VARIANTS } from '../../domain/report';
import { connectionHelp, LOCAL_SITE, loadPlan, PLAN_SOURCE_OPTIONS } from '../report/loadPlan';
import { reportBytes } from '../report/reportFile';
import { EvaluationAssessments, EVALUATION_KINDS, evaluationKey, freezePlan, isEvaluationKind } from '../../domain/evaluation';
import { snapshotArchiveOf, evaluationBytes } from '../report/evaluationFile';

const USAGE = [
  'Utilisation :',
  `  npm run report -- --format docx|pdf --variant ${REPORT_VARIANTS.join('|')} --out <fichier> [--site <url>] [--date AAAA-MM-JJ] [--plan <id>]`,
  '',
  '  --variant   complet (tout le plan), avancement (court : OS et OO), retards (actions en retard et bloquées),',
  '              services (par service), chefs (par chef de projet) ; par défaut : complet',
  '  --date      jour des données (par défaut : aujourd’hui) : retards et avancement calculés à ce jour',
  `  --site      site SharePoint (par défaut, le site local de « npm start » : ${LOCAL_SITE})`,
  '  --plan      numéro du plan quand le site en garde plusieurs (par défaut : celui de la législature en cours)',
  '',
  'Évaluation (mi-parcours, fin de législature) :',
  `  npm run report -- --cliche [libellé] [--type ${EVALUATION_KINDS.join('|')}] [--site <url>] [--date AAAA-MM-JJ]   fige le plan dans le site`,
  '  npm run report -- --cliches [--site <url>]                                    liste les clichés du site',
  '  npm run report -- --variant evaluation --depuis <clé> [--jusqu-a <clé>] [--appreciations <fichier.json>] --format docx|pdf --out <fichier>',
  '              compare deux clichés (ou un cliché et le plan d’aujourd’hui) ; appréciations : celles écrites',
  '              dans la page pour ces deux clichés, ou le fichier :',
  '              { "objectifs": { "1": "…", "1.1": "…" }, "synergies": "bilan des synergies commune-CPAS" }',
].join('\n');

function readAssessments(file: string): EvaluationAssessments {
  let json: { objectifs?: unknown; synergies?: unknown };
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`Appréciations « ${file} » illisibles : ${e instanceof Error ? e.message : String(e)}`);
  }
  const objectives: Record<string, string> = {};
  if (json.objectifs !== undefined && (typeof json.objectifs !== 'object' || json.objectifs === null)) throw new Error(`${file} : « objectifs » doit être un objet { "code": "texte" }.`);
  for (const [key, value] of Object.entries((json.objectifs ?? {}) as Record<string, unknown>)) {
    if (typeof value !== 'string') throw new Error(`${file} : l’appréciation de « ${key} » doit être un texte.`);
    objectives[key] = value;
  }
  if (json.synergies !== undefined && typeof json.synergies !== 'string') throw new Error(`${file} : « synergies » doit être un texte.`);
  return { objectives, synergies: (json.synergies as string | undefined) ?? '' };
}

async function runEvaluationCommands(
  values: Record<string, string | boolean | undefined>,
  today: string,
  planId: number | undefined,
  log: (line: string) => void,
  error: (line: string) => void,
): Promise<number> {
  const site = (values.site as string | undefined) || LOCAL_SITE;
  const archive = snapshotArchiveOf(site, { deviceCode: values['device-code'] as boolean, as: values.as as string | undefined });
  try {
    if (values.cliches) {
      const stored = await archive.snapshots();
      if (stored.length === 0) log(`Aucun cliché sur ${site}.`);
      for (const s of stored) log(`${s.key}  ${s.takenOn}  ${s.label}`);
      return 0;
    }
    if (values.cliche !== undefined) {
      const kind = (values.type as string | undefined) ?? 'autre';
      if (!isEvaluationKind(kind)) {
        error(`--type attend ${EVALUATION_KINDS.join(', ')}, pas « ${kind} ».`);
        return 2;
      }
      const data = await loadPlan({ site, today, planId, deviceCode: values['device-code'] as boolean, as: values.as as string | undefined });
      const frozen = freezePlan(data, { takenOn: today, kind, label: typeof values.cliche === 'string' ? values.cliche : undefined });
      const saved = await archive.save(frozen);
      log(`Cliché « ${saved.label} » du plan « ${data.plan.title} » au ${today} enregistré sur ${site} : clé ${saved.key} (${data.actions.length} actions).`);
      return 0;
    }
    const format = values.format as string | undefined;
    if ((format !== 'docx' && format !== 'pdf') || !values.out || !values.depuis) {
      error('--variant evaluation attend --depuis <clé du cliché>, --format docx|pdf et --out <fichier>.');
      error(USAGE);
      return 2;
    }
    // The file given, else what the coordination wrote in the page for this pair (« PST – Évaluations (appréciations) »).
    const assessments = values.appreciations
      ? readAssessments(values.appreciations as string)
      : (await archive.assessments(evaluationKey(values.depuis as string, (values['jusqu-a'] as string | undefined) ?? null))).assessments;
    const before = await archive.load(values.depuis as string);
    const after = values['jusqu-a']
      ? await archive.load(values['jusqu-a'] as string)
      : freezePlan(await loadPlan({ site, today, planId: planId ?? before.plan.id, deviceCode: values['device-code'] as boolean, as: values.as as string | undefined }), { takenOn: today, kind: 'autre', label: 'Plan à ce jour' });
    const bytes = await evaluationBytes(before, after, assessments, format);
    fs.mkdirSync(path.dirname(path.resolve(values.out as string)), { recursive: true });
    fs.writeFileSync(values.out as string, bytes);
    log(`Évaluation (${format}) du ${before.takenOn} au ${after.takenOn} : ${values.out} (${Math.round(bytes.length / 1024)} Ko).`);
    return 0;
  } catch (e) {
    error(connectionHelp(site, e));
    return 1;
  }
}

/** Runs the command; returns the exit code (0: written, 1: the site failed, 2: wrong arguments). */
export async function runReportCli(argv: string[], log: (line: string) => void = console.log, error: (line: string) => void = console.error): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      format: { type: 'string' },
      variant: { type: 'string', default: 'complet' },
      out: { type: 'string' },
      cliche: { type: 'string' },
      cliches: { type: 'boolean', default: false },
      type: { type: 'string' },
      depuis: { type: 'string' },
      'jusqu-a': { type: 'string' },
      appreciations: { type: 'string' },
      ...PLAN_SOURCE_OPTIONS,
    },
  });
  if (values.help) {
    log(USAGE);
    return 0;
  }
  const format = values.format ?? (values.out && /\.pdf$/i.test(values.out) ? 'pdf' : values.out && /\.docx$/i.test(values.out) ? 'docx' : undefined);
  if (values.variant === 'evaluation' || values.cliche !== undefined || values.cliches) {
    const day = values.date ?? isoDateOfLocalDay(new Date());
    if (!isValidIsoDate(day)) {
      error(`--date attend AAAA-MM-JJ (par exemple 2026-11-23), pas « ${day} ».`);
      return 2;
    }
    return runEvaluationCommands({ ...values, format }, day, values.plan !== undefined ? Number(values.plan) : undefined, log, error);
  }
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
