/**
 * One run of the reminder job: classify every action at the run date, build one digest
 * per lead and the committee's weekly digest, send what the ledger does not hold yet,
 * and record each sent digest in the ledger right after it left.
 *
 * Crash safety: every digest carries a Message-ID derived from its content. Before
 * sending, the run asks the mailbox whether that message was already sent (a run killed
 * between sending and recording); if so it only records it. A failure for one recipient
 * is reported and does not stop the others.
 *
 * The lead's Teams notice goes out before the digest is recorded, with a chain id derived
 * from the Message-ID (Teams' idempotency key: the same chain replaces, never adds). So the
 * Sent Items hold the intent and the ledger the completion: a run killed anywhere between
 * the mail and the record leaves the digest unrecorded, the next run finds the mail in Sent
 * Items and sends the notice again on the same chain, and the lead sees it exactly once.
 */
import type { Action, IsoDate, Person } from '../domain/model';
import { committeeDigest, leadDigests, ReminderThresholds, DEFAULT_REMINDER_THRESHOLDS } from '../domain/reminders';
import type { BlockedReason, LedgerEntry, ReminderLedger } from '../domain/reminders';
import type { Lang } from '../domain/vocabularies';
import { MAIL_TEXTS } from '../strings/mail';
import { committeeDigestMail, leadDigestMail, MailContext, RenderedMail } from './mailTemplates';
import { buildMimeMessage, MimeAddress } from './mime';
import { ActivityFeed, chainIdFor } from './teamsActivity';

export interface OutgoingMail {
  readonly to: readonly MimeAddress[];
  readonly mime: string;
  readonly messageId: string;
}

export interface MailGateway {
  /** The mailbox the job sends from. */
  readonly sender: MimeAddress;
  /** Whether a message with this Message-ID is already in the sender's Sent Items. */
  alreadySent(messageId: string): Promise<boolean>;
  send(mail: OutgoingMail): Promise<void>;
  /** The recipient's language, to write to them in it. */
  languageOf(email: string): Promise<Lang>;
}

export interface ReminderRunOptions {
  readonly actions: readonly Action[];
  readonly today: IsoDate;
  readonly thresholds?: ReminderThresholds;
  readonly committee: readonly Person[];
  readonly ledger: ReminderLedger;
  readonly gateway: MailGateway;
  readonly context: Omit<MailContext, 'lang'>;
  readonly dryRun?: boolean;
  /** Where configured, each lead also gets a Teams activity-feed notification with their digest. */
  readonly activityFeed?: ActivityFeed;
  /** Why a blocked action is blocked (its check-ins read): asked only for the committee digest being sent. */
  readonly blockedReason?: (action: Action) => Promise<BlockedReason | null>;
}

export interface ReportedMail {
  readonly to: string[];
  readonly subject: string;
  readonly items: number;
  readonly text: string;
}

export interface ReminderRunReport {
  readonly sent: ReportedMail[];
  /** Found already sent in the mailbox (a previous run stopped before recording it). */
  readonly recovered: ReportedMail[];
  readonly failed: (ReportedMail & { readonly error: string })[];
  /** Actions that need a reminder but whose lead has no e-mail address. */
  readonly leadsWithoutEmail: Action[];
  readonly dryRun: boolean;
  /** Teams notifications sent (recipients), and those that failed; the mails are sent either way. */
  readonly activities: string[];
  readonly activitiesFailed: { readonly to: string; readonly error: string }[];
}

/** Stable across runs for the same digest: same recipient, same reminders. */
export function messageIdFor(recipient: string, keys: readonly string[], domain: string): string {
  let hash = 0x811c9dc5;
  const text = `${recipient}|${keys.slice().sort().join('|')}`;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `<pst-${hash.toString(16)}-${text.length.toString(16)}@${domain}>`;
}

interface PlannedMail {
  readonly to: MimeAddress[];
  readonly mail: RenderedMail;
  readonly entries: LedgerEntry[];
  readonly messageId: string;
  readonly items: number;
  /** A lead's digest: who gets the Teams notification. */
  readonly lead?: string;
}

export async function runReminders(options: ReminderRunOptions): Promise<ReminderRunReport> {
  const thresholds = options.thresholds ?? DEFAULT_REMINDER_THRESHOLDS;
  const sentKeys = await options.ledger.sentKeys(options.today);
  const domain = options.gateway.sender.email.split('@')[1] ?? 'pst.local';
  const planned: PlannedMail[] = [];

  const { digests, withoutEmail } = leadDigests(options.actions, options.today, sentKeys, thresholds);
  for (const digest of digests) {
    const lang = await options.gateway.languageOf(digest.recipient.email);
    const messageId = messageIdFor(digest.recipient.email, digest.keys, domain);
    planned.push({
      to: [{ name: digest.recipient.displayName, email: digest.recipient.email }],
      mail: leadDigestMail(digest, { ...options.context, lang }),
      messageId,
      items: digest.items.length,
      lead: digest.recipient.email,
      entries: digest.items.map((item) => ({ key: item.key, recipient: digest.recipient.email, kind: item.kind, runDate: options.today, messageId })),
    });
  }

  const committee = options.committee.filter((p): p is Person & { email: string } => !!p.email);
  const weekly = committee.length > 0 ? committeeDigest(options.actions, options.today, sentKeys, thresholds) : null;
  if (weekly) {
    const messageId = messageIdFor('committee', [weekly.key], domain);
    const reasons = new Map<number, BlockedReason>();
    for (const action of options.blockedReason ? weekly.blocked : []) {
      const reason = await options.blockedReason!(action);
      if (reason) reasons.set(action.id, reason);
    }
    planned.push({
      to: committee.map((p) => ({ name: p.displayName, email: p.email })),
      mail: committeeDigestMail(weekly, MAIL_TEXTS.fr.committee, { ...options.context, lang: 'fr' }, reasons),
      messageId,
      items: weekly.late.length + weekly.blocked.length + weekly.doneThisWeek.length,
      entries: [{ key: weekly.key, recipient: committee.map((p) => p.email).join(';'), kind: 'committee', runDate: options.today, messageId }],
    });
  }

  const report: ReminderRunReport = { sent: [], recovered: [], failed: [], leadsWithoutEmail: withoutEmail, dryRun: !!options.dryRun, activities: [], activitiesFailed: [] };
  for (const mail of planned) {
    const described: ReportedMail = { to: mail.to.map((a) => a.email), subject: mail.mail.subject, items: mail.items, text: mail.mail.text };
    if (options.dryRun) {
      report.sent.push(described);
      continue;
    }
    try {
      if (await options.gateway.alreadySent(mail.messageId)) {
        report.recovered.push(described);
      } else {
        const mime = buildMimeMessage({ from: options.gateway.sender, to: mail.to, mail: mail.mail, messageId: mail.messageId });
        await options.gateway.send({ to: mail.to, mime, messageId: mail.messageId });
        report.sent.push(described);
      }
      // Sent now or recovered: an unrecorded digest may never have been announced, and the chain makes a repeat harmless.
      if (options.activityFeed && mail.lead) {
        await notifyInTeams(options.activityFeed, mail.lead, { count: mail.items, preview: mail.mail.subject, chainId: chainIdFor(mail.messageId) }, report);
      }
      await options.ledger.record(mail.entries);
    } catch (error) {
      report.failed.push({ ...described, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}

/** A Teams notification that fails is reported; it never stops the mails. */
async function notifyInTeams(feed: ActivityFeed, to: string, notification: { count: number; preview: string; chainId: number }, report: ReminderRunReport): Promise<void> {
  try {
    await feed.notify(to, notification);
    report.activities.push(to);
  } catch (error) {
    report.activitiesFailed.push({ to, error: error instanceof Error ? error.message : String(error) });
  }
}
