/**
 * Azure Functions (v4 programming model) timer that runs the same reminder job every
 * working day at 7:00 (Brussels time with WEBSITE_TIME_ZONE=Romance Standard Time).
 * Settings: PST_SITE_URL, PST_MAILBOX, PST_PAGE_URL, optionally PST_TEAMS_APP_ID (Teams
 * activity-feed notifications), and the identity of the Entra app
 * (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_CERTIFICATE_PATH, or a managed identity).
 */
import { app, InvocationContext, Timer } from '@azure/functions';
import { isoDateOfLocalDay } from '../../domain/model';
import { describeReport, runReminderJob } from '../jobs/reminderJob';

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Paramètre d'application manquant : ${name}`);
  return value;
}

export async function remindersTimer(_timer: Timer, context: InvocationContext): Promise<void> {
  const report = await runReminderJob({
    siteUrl: setting('PST_SITE_URL'),
    mailbox: setting('PST_MAILBOX'),
    pageUrl: setting('PST_PAGE_URL'),
    today: isoDateOfLocalDay(new Date()),
    teamsAppId: process.env.PST_TEAMS_APP_ID || undefined,
  });
  for (const line of describeReport(report)) context.log(line);
  if (report.failed.length > 0) throw new Error(`${report.failed.length} envoi(s) en échec`);
}

app.timer('pstReminders', { schedule: '0 0 7 * * 1-5', handler: remindersTimer });
