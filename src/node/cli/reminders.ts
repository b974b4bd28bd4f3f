/**
 * `npm run reminders -- [--site <url>] [--date YYYY-MM-DD] [--dry-run] [--mailbox <address>]
 *   [--page-url <url>] [--due-soon-days 30] [--stale-days 45] [--overdue-repeat-days 0]`
 * Without --site: the local store of `npm start` (http://localhost:4321/sites/pst).
 */
import { parseArgs } from 'node:util';
import { isoDateOfLocalDay, isValidIsoDate } from '../../domain/model';
import { describeReport, runReminderJob } from '../jobs/reminderJob';
import { LOCAL_REMINDER_MAILBOX } from '../local/samplePst';
import { readLocalKey } from '../local/localSession';
import { isLocalUrl } from '../sp/credentials';
import * as path from 'node:path';

const LOCAL_DATA_FILE = path.resolve(__dirname, '../../..', 'data', 'pst.sqlite');

const LOCAL_SITE = 'http://localhost:4321/sites/pst';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      site: { type: 'string', default: process.env.PST_SITE_URL ?? LOCAL_SITE },
      date: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      mailbox: { type: 'string', default: process.env.PST_MAILBOX ?? LOCAL_REMINDER_MAILBOX },
      'page-url': { type: 'string', default: process.env.PST_PAGE_URL },
      'due-soon-days': { type: 'string' },
      'stale-days': { type: 'string' },
      'overdue-repeat-days': { type: 'string' },
      'device-code': { type: 'boolean', default: false },
      'teams-app-id': { type: 'string', default: process.env.PST_TEAMS_APP_ID },
      data: { type: 'string', default: LOCAL_DATA_FILE },
    },
  });
  const today = values.date ?? isoDateOfLocalDay(new Date());
  if (!isValidIsoDate(today)) throw new Error(`Date invalide : « ${today} » (attendu : AAAA-MM-JJ, par exemple 2026-11-23).`);
  const number = (name: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} attend un nombre de jours entier positif, pas « ${value} ».`);
    return n;
  };
  const site = values.site!;
  const report = await runReminderJob({
    siteUrl: site,
    mailbox: values.mailbox!,
    pageUrl: values['page-url'] ?? `${new URL(site).origin}/`,
    today,
    dryRun: values['dry-run'],
    deviceCode: values['device-code'],
    teamsAppId: values['teams-app-id'] || undefined,
    // The key of the running `npm start` (its data folder, or PST_LOCAL_KEY).
    localKey: isLocalUrl(site) ? readLocalKey(values.data!) : undefined,
    thresholds: {
      ...(number('due-soon-days', values['due-soon-days']) !== undefined ? { dueSoonDays: number('due-soon-days', values['due-soon-days']) } : {}),
      ...(number('stale-days', values['stale-days']) !== undefined ? { staleDays: number('stale-days', values['stale-days']) } : {}),
      ...(number('overdue-repeat-days', values['overdue-repeat-days']) !== undefined ? { overdueRepeatDays: number('overdue-repeat-days', values['overdue-repeat-days']) } : {}),
    },
  });
  console.log(`Rappels du ${today}${report.dryRun ? ' (simulation : rien n’est envoyé)' : ''} :`);
  for (const line of describeReport(report)) console.log(`- ${line}`);
  if (report.dryRun) for (const mail of report.sent) console.log(`\n--- ${mail.subject} → ${mail.to.join(', ')}\n${mail.text}`);
  if (report.failed.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`Les rappels ont échoué : ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
