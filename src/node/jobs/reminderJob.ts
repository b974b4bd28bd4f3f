/**
 * The reminder job, shared by `npm run reminders` and the Azure Functions timer:
 * SharePoint through PnPjs, mail through Graph, both app-only on a tenant; the embedded
 * store and its local Graph when the site is local.
 */
import { currentPlan, itemsOfPlan } from '../../domain/plans';
import { Client, Context, HTTPMessageHandler, Middleware, RetryHandler, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import { DefaultAzureCredential } from '@azure/identity';
import { SPFI } from '@pnp/sp';
import '@pnp/sp/site-groups/web';
import type { IsoDate, Person } from '../../domain/model';
import { blockedReason, ReminderThresholds, DEFAULT_REMINDER_THRESHOLDS } from '../../domain/reminders';
import { SharePointPstRepository } from '../../data/SharePointPstRepository';
import { SharePointReminderLedger } from '../../data/SharePointReminderLedger';
import { PST_GROUPS } from '../../data/permissions';
import { isNotFound } from '../../data/errors';
import { createNodeSp, webServerRelativeUrlOf } from '../sp/nodeSp';
import { isLocalUrl, sharePointTokenProvider } from '../sp/credentials';
import { GraphMailGateway } from '../../mail/graphMailGateway';
import { runReminders, ReminderRunReport } from '../../mail/reminderRun';
import { GraphActivityFeed } from '../../mail/teamsActivity';
import { personalTabDeepLink } from '../teams/teamsManifest';
import { localToken } from '../local/localSession';

export interface ReminderJobConfig {
  readonly siteUrl: string;
  /** The mailbox reminders are sent from (app-only Mail.Send scoped to it). */
  readonly mailbox: string;
  readonly mailboxName?: string;
  /** The intranet page with the PST web parts; links open `#pst=action-<id>` on it. */
  readonly pageUrl: string;
  readonly today: IsoDate;
  readonly thresholds?: Partial<ReminderThresholds>;
  readonly dryRun?: boolean;
  readonly deviceCode?: boolean;
  /**
   * Also post a Teams activity-feed notification to each lead: the id of the PST Teams app
   * in the organisation's catalog (its deep link opens « Mes actions »). Needs the app
   * packaged with the job's Entra app (`PST_ACTIVITY_APP_ID`) and TeamsActivity.Send.
   */
  readonly teamsAppId?: string;
  /** The local sign-in key of `npm start` (src/node/local/localSession.ts), for a local site. */
  readonly localKey?: string;
}

/**
 * The graph client's own authentication handler only signs https Graph hosts; the local
 * Graph is plain http on localhost, so a small handler signs requests as the mailbox.
 */
class LocalMailboxToken implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly token: string) {}
  async execute(context: Context): Promise<void> {
    const options = (context.options ??= {});
    const headers = new Headers(options.headers as HeadersInit | undefined);
    headers.set('Authorization', `Bearer ${this.token}`);
    options.headers = Object.fromEntries(headers.entries());
    await this.next!.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

function graphClient(config: ReminderJobConfig): Client {
  if (isLocalUrl(config.siteUrl)) {
    // The embedded store answers Graph under /graph/v1.0; retries go through Graph's own RetryHandler.
    const auth = new LocalMailboxToken(localToken(config.mailbox, config.localKey));
    const retry = new RetryHandler(new RetryHandlerOptions());
    auth.setNext(retry);
    retry.setNext(new HTTPMessageHandler());
    return Client.initWithMiddleware({ baseUrl: `${new URL(config.siteUrl).origin}/graph/`, defaultVersion: 'v1.0', middleware: auth });
  }
  const authProvider = new TokenCredentialAuthenticationProvider(new DefaultAzureCredential(), {
    scopes: ['https://graph.microsoft.com/.default'],
  });
  return Client.initWithMiddleware({ authProvider });
}

async function committeeMembers(sp: SPFI): Promise<Person[]> {
  try {
    const users: { Id: number; Title: string; Email: string }[] = await sp.web.siteGroups
      .getByName(PST_GROUPS.committee.title)
      .users.select('Id', 'Title', 'Email')();
    return users.map((u) => ({ id: u.Id, displayName: u.Title, email: u.Email || undefined }));
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

export async function runReminderJob(config: ReminderJobConfig): Promise<ReminderRunReport> {
  const token = isLocalUrl(config.siteUrl)
    ? async () => localToken(config.mailbox, config.localKey)
    : sharePointTokenProvider(config.siteUrl, { deviceCode: config.deviceCode });
  const sp = createNodeSp(config.siteUrl, token);
  const webPath = webServerRelativeUrlOf(config.siteUrl);
  const repository = new SharePointPstRepository(sp, webPath);
  const everything = await repository.loadSnapshot();
  // Reminders concern the running legislature's plan, not the past PSTs kept on the site.
  const plan = currentPlan(everything.plans, config.today);
  const snapshot = plan ? itemsOfPlan(everything, plan.id) : everything;
  const operational = new Map(snapshot.operationalObjectives.map((oo) => [oo.id, oo]));
  const strategic = new Map(snapshot.strategicObjectives.map((os) => [os.id, os]));
  const label = (code: string | null, title: string) => (code ? `${code} ${title}` : title);
  const graph = graphClient(config);

  return runReminders({
    actions: snapshot.actions,
    today: config.today,
    thresholds: { ...DEFAULT_REMINDER_THRESHOLDS, ...config.thresholds },
    committee: await committeeMembers(sp),
    ledger: new SharePointReminderLedger(sp, webPath),
    gateway: new GraphMailGateway(graph, { name: config.mailboxName ?? 'PST', email: config.mailbox }),
    activityFeed: config.teamsAppId ? new GraphActivityFeed(graph, personalTabDeepLink(config.teamsAppId)) : undefined,
    dryRun: config.dryRun,
    // The committee reads why each blocked action is blocked: its lead's last comment.
    blockedReason: async (action) => blockedReason((await repository.loadActionDetails(action.id)).checkIns),
    context: {
      organisation: plan?.organisation ?? 'CPAS',
      linkToAction: (id) => `${config.pageUrl.replace(/#.*$/, '')}#pst=action-${id}`,
      pathOf: (action) => {
        const oo = operational.get(action.operationalObjectiveIds[0]);
        const os = oo ? strategic.get(oo.strategicObjectiveId) : undefined;
        return [os ? `OS ${label(os.code, os.title)}` : null, oo ? `OO ${label(oo.code, oo.title)}` : null].filter(Boolean).join(' › ');
      },
    },
  });
}

/** The report in French, for the console and the function's log. */
export function describeReport(report: ReminderRunReport): string[] {
  const lines: string[] = [];
  const verb = report.dryRun ? 'serait envoyé' : 'envoyé';
  for (const mail of report.sent) lines.push(`${verb} à ${mail.to.join(', ')} : « ${mail.subject} » (${mail.items} élément(s))`);
  for (const mail of report.recovered) lines.push(`déjà envoyé (passage précédent interrompu), consigné : ${mail.to.join(', ')}`);
  for (const mail of report.failed) lines.push(`ÉCHEC pour ${mail.to.join(', ')} : ${mail.error}`);
  if (report.activities.length > 0) lines.push(`notification Teams (flux d'activité) : ${report.activities.join(', ')}`);
  for (const failure of report.activitiesFailed) lines.push(`notification Teams en échec pour ${failure.to} (l'e-mail est parti) : ${failure.error}`);
  for (const action of report.leadsWithoutEmail) lines.push(`sans adresse e-mail de chef de projet : ${action.code ?? ''} ${action.title}`.trim());
  if (report.sent.length + report.recovered.length + report.failed.length === 0) lines.push('Aucun rappel à envoyer aujourd’hui.');
  return lines;
}
