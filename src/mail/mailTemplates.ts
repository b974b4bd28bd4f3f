/**
 * The mails of the PST, in French (English when the recipient's language is English):
 * subject, HTML that renders in Outlook (tables and inline styles only, no CSS classes,
 * no images) and the same content as plain text. The texts are in src/strings/mail.ts;
 * this file only assembles them.
 */
import type { Action, Person } from '../domain/model';
import type { BlockedReason, CommitteeDigest, LeadDigest, ReminderItem } from '../domain/reminders';
import type { IsoDate } from '../domain/model';
import { classifyLateness } from '../domain/lateness';
import { formatDate, formatPercent } from '../domain/parsing';
import { statusLabel, Lang } from '../domain/vocabularies';
import { escapeHtmlStrict } from '../text/htmlEntities';
import { MAIL_TEXTS } from '../strings/mail';

export interface RenderedMail {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

export interface MailContext {
  readonly lang: Lang;
  /** "CPAS de Binche" */
  readonly organisation: string;
  /** Link to an action's panel (intranet page or Teams deep link). */
  readonly linkToAction: (actionId: number) => string;
  /** "OS 1.1 › OO 1.1.1" for an action. */
  readonly pathOf: (action: Action) => string;
  /** The day the mail is written: an assignment flags an action already late. */
  readonly today?: IsoDate;
}

const FONT = "font-family:'Segoe UI',Arial,sans-serif;font-size:14px;color:#242424;";
const CELL = 'padding:6px 10px;border-bottom:1px solid #e1e1e1;vertical-align:top;text-align:left;';
const HEAD = `${CELL}background:#f3f2f1;font-weight:bold;`;

function page(context: MailContext, greeting: string, paragraphs: string[], tables: string[]): string {
  const t = MAIL_TEXTS[context.lang];
  return (
    `<!DOCTYPE html><html lang="${context.lang}"><head><meta charset="utf-8"></head>` +
    // One column at most 600 px wide: as readable on a phone (390 px) as in Outlook.
    `<body style="margin:0;padding:0;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="${FONT}max-width:600px;"><tr><td style="padding:16px;">` +
    `<p style="${FONT}">${escapeHtmlStrict(greeting)}</p>` +
    paragraphs.map((p) => `<p style="${FONT}">${p}</p>`).join('') +
    tables.join('') +
    `<p style="${FONT}">${escapeHtmlStrict(t.regards)}</p>` +
    `<p style="${FONT}font-size:12px;color:#616161;">${escapeHtmlStrict(t.footer(context.organisation))}</p>` +
    '</td></tr></table></body></html>'
  );
}

function table(headers: string[], rows: string[][]): string {
  return (
    `<table cellpadding="0" cellspacing="0" style="${FONT}border-collapse:collapse;margin:8px 0 16px;">` +
    `<tr>${headers.map((h) => `<th style="${HEAD}">${escapeHtmlStrict(h)}</th>`).join('')}</tr>` +
    rows.map((r) => `<tr>${r.map((c) => `<td style="${CELL}">${c}</td>`).join('')}</tr>`).join('') +
    '</table>'
  );
}

const BUTTON = 'display:inline-block;padding:8px 16px;background:#5b5fc7;color:#ffffff;text-decoration:none;border-radius:4px;';

function button(href: string, label: string): string {
  return `<a href="${escapeHtmlStrict(href)}" style="${BUTTON}">${escapeHtmlStrict(label)}</a>`;
}

function actionLink(context: MailContext, action: Action): string {
  const label = action.code ? `${action.code} – ${action.title}` : action.title;
  return `<a href="${escapeHtmlStrict(context.linkToAction(action.id))}" style="color:#4f52b2;">${escapeHtmlStrict(label)}</a>`;
}

function actionLabel(action: Action): string {
  return action.code ? `${action.code} – ${action.title}` : action.title;
}

function dueOf(action: Action): string | null {
  return action.plannedEnd ? formatDate(action.plannedEnd.end) : null;
}

function actionSheet(context: MailContext, action: Action): { html: string; text: string[] } {
  const t = MAIL_TEXTS[context.lang];
  const rows: [string, string][] = [
    [t.action, actionLabel(action)],
    [t.objective, context.pathOf(action)],
    [t.due, dueOf(action) ?? '—'],
    [t.status, action.status ? statusLabel(action.status, context.lang) : '—'],
    [t.progress, action.progressPercent !== null ? formatPercent(action.progressPercent, 0) : '—'],
    [t.lastCheckIn, action.lastCheckInDate ? formatDate(action.lastCheckInDate) : t.none],
  ];
  const html =
    `<table cellpadding="0" cellspacing="0" style="${FONT}border-collapse:collapse;margin:8px 0 16px;">` +
    rows.map(([k, v]) => `<tr><th style="${HEAD}">${escapeHtmlStrict(k)}</th><td style="${CELL}">${escapeHtmlStrict(v)}</td></tr>`).join('') +
    '</table>' +
    `<p style="${FONT}">${button(context.linkToAction(action.id), t.open)}</p>`;
  const text = rows.map(([k, v]) => `${k} : ${v}`).concat([`${t.open} : ${context.linkToAction(action.id)}`]);
  return { html, text };
}

function plain(greeting: string, paragraphs: string[], blocks: string[][], context: MailContext): string {
  const t = MAIL_TEXTS[context.lang];
  return [greeting, '', ...paragraphs.flatMap((p) => [p, '']), ...blocks.flatMap((b) => [...b, '']), t.regards, '', t.footer(context.organisation)].join('\n');
}

/**
 * "You are the project lead": of one action (its sheet), or of several given at once (one
 * mail listing them all: the leads grid of an import sends one per person, not per action).
 */
export function assignmentMail(actions: Action | readonly Action[], lead: Person, assignedBy: Person, context: MailContext): RenderedMail {
  const list: readonly Action[] = Array.isArray(actions) ? actions : [actions as Action];
  if (list.length === 0) throw new Error('assignmentMail: no action');
  if (list.length > 1) return assignmentsMail(list, lead, assignedBy, context);
  const action = list[0];
  const t = MAIL_TEXTS[context.lang];
  const sheet = actionSheet(context, action);
  const body = t.assignedBody(assignedBy.displayName);
  const lateness = context.today ? classifyLateness(action, context.today) : null;
  const late = lateness && lateness.flags.overdue && lateness.daysLate !== null && lateness.dueDate ? t.assignedLate(lateness.daysLate, formatDate(lateness.dueDate)) : null;
  return {
    subject: t.assignedSubject(action.title),
    html: page(context, t.hello(lead.displayName), [escapeHtmlStrict(body), ...(late ? [`<strong style="color:#a4262c;">${escapeHtmlStrict(late)}</strong>`] : [])], [sheet.html]),
    text: plain(t.hello(lead.displayName), [body, ...(late ? [late] : [])], [sheet.text], context),
  };
}

function assignmentsMail(actions: readonly Action[], lead: Person, assignedBy: Person, context: MailContext): RenderedMail {
  const t = MAIL_TEXTS[context.lang];
  const body = t.assignedManyBody(assignedBy.displayName, actions.length);
  const rows = actions.map((a) => [actionLink(context, a), escapeHtmlStrict(context.pathOf(a)), escapeHtmlStrict(dueOf(a) ?? '—')]);
  const lines = actions.map((a) => `- ${actionLabel(a)} (${context.pathOf(a)}) ; ${t.due.toLowerCase()} : ${dueOf(a) ?? '—'} ; ${context.linkToAction(a.id)}`);
  return {
    subject: t.assignedManySubject(actions.length),
    html: page(context, t.hello(lead.displayName), [escapeHtmlStrict(body)], [table([t.action, t.objective, t.due], rows)]),
    text: plain(t.hello(lead.displayName), [body], [lines], context),
  };
}

export function updateRequestMail(action: Action, lead: Person, requestedBy: Person, message: string | null, context: MailContext): RenderedMail {
  const t = MAIL_TEXTS[context.lang];
  const sheet = actionSheet(context, action);
  const body = t.updateBody(requestedBy.displayName);
  const extra = message && message.trim() ? [`${t.message} : ${message.trim()}`] : [];
  return {
    subject: t.updateSubject(action.title),
    html: page(context, t.hello(lead.displayName), [escapeHtmlStrict(body), ...extra.map(escapeHtmlStrict)], [sheet.html]),
    text: plain(t.hello(lead.displayName), [body, ...extra], [sheet.text], context),
  };
}

function situation(item: ReminderItem, lang: Lang): string {
  const t = MAIL_TEXTS[lang];
  if (item.kind === 'overdue') return t.overdue(item.days);
  if (item.kind === 'dueSoon') return t.dueSoon(item.days);
  return t.stale(item.days);
}

function askFor(item: ReminderItem, lang: Lang): string {
  const t = MAIL_TEXTS[lang];
  if (item.kind === 'overdue') return t.askOverdue;
  if (item.kind === 'dueSoon') return t.askDueSoon;
  return t.askStale;
}

/**
 * One block per action, one under the other (no wide table: readable at phone width):
 * the action, where it sits, its situation, what is asked, and its own button to the
 * check-in form (the action's panel opens on it).
 */
export function leadDigestMail(digest: LeadDigest, context: MailContext): RenderedMail {
  const t = MAIL_TEXTS[context.lang];
  const byAction = new Map<number, ReminderItem[]>();
  for (const item of digest.items) byAction.set(item.action.id, [...(byAction.get(item.action.id) ?? []), item]);
  const groups = Array.from(byAction.values());
  const facts = (item: ReminderItem) =>
    `${t.due} ${item.dueDate ? formatDate(item.dueDate) : '—'} · ${t.lastCheckIn.toLowerCase()} ${item.lastCheckInDate ? formatDate(item.lastCheckInDate) : t.none}`;
  const blocks = groups.map((items) => {
    const action = items[0].action;
    const situations = items.map((i) => situation(i, context.lang)).join(' · ');
    return (
      `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="${FONT}border:1px solid #e1e1e1;border-radius:4px;margin:0 0 12px;">` +
      `<tr><td style="padding:12px;">` +
      `<p style="${FONT}margin:0 0 4px;font-weight:bold;">${escapeHtmlStrict(actionLabel(action))}</p>` +
      `<p style="${FONT}margin:0 0 8px;font-size:13px;color:#616161;">${escapeHtmlStrict(context.pathOf(action))}</p>` +
      `<p style="${FONT}margin:0 0 4px;"><strong style="color:#a4262c;">${escapeHtmlStrict(situations)}</strong></p>` +
      `<p style="${FONT}margin:0 0 8px;font-size:13px;">${escapeHtmlStrict(facts(items[0]))}</p>` +
      `<p style="${FONT}margin:0 0 12px;">${escapeHtmlStrict(askFor(items[0], context.lang))}</p>` +
      `<p style="${FONT}margin:0;">${button(context.linkToAction(action.id), t.checkInButton)}</p>` +
      '</td></tr></table>'
    );
  });
  const text = groups.map((items) => {
    const action = items[0].action;
    return [
      `- ${actionLabel(action)} (${context.pathOf(action)})`,
      `  ${items.map((i) => situation(i, context.lang)).join(' · ')} ; ${facts(items[0])}`,
      `  ${askFor(items[0], context.lang)}`,
      `  ${t.checkInButton} : ${context.linkToAction(action.id)}`,
    ].join('\n');
  });
  return {
    subject: t.digestSubject(groups.length),
    html: page(context, t.hello(digest.recipient.displayName), [escapeHtmlStrict(t.digestIntro), escapeHtmlStrict(t.digestAsk)], blocks),
    text: plain(t.hello(digest.recipient.displayName), [t.digestIntro, t.digestAsk], [text], context),
  };
}

export function committeeDigestMail(
  digest: CommitteeDigest,
  recipientName: string,
  context: MailContext,
  /** Why each blocked action is blocked (its last commented check-in), by action id. */
  reasons: ReadonlyMap<number, BlockedReason> = new Map(),
): RenderedMail {
  const t = MAIL_TEXTS[context.lang];
  const lead = (a: Action) => a.projectLead?.displayName ?? t.noLead;
  const reasonOf = (a: Action) => {
    const reason = reasons.get(a.id);
    return reason ? t.reasonOn(reason.comment, formatDate(reason.date)) : t.noReason;
  };
  const sections: { title: string; headers: string[]; rows: string[][]; text: string[] }[] = [
    {
      title: t.lateTitle(digest.late.length),
      headers: [t.action, t.lead, t.due, t.daysLate],
      rows: digest.late.map((i) => [actionLink(context, i.action), escapeHtmlStrict(lead(i.action)), escapeHtmlStrict(i.dueDate ? formatDate(i.dueDate) : '—'), escapeHtmlStrict(t.days(i.days))]),
      text: digest.late.map((i) => `- ${actionLabel(i.action)} – ${lead(i.action)} – ${i.dueDate ? formatDate(i.dueDate) : '—'} – ${t.days(i.days)}`),
    },
    {
      title: t.blockedTitle(digest.blocked.length),
      headers: [t.action, t.lead, t.reason],
      rows: digest.blocked.map((a) => [actionLink(context, a), escapeHtmlStrict(lead(a)), escapeHtmlStrict(reasonOf(a))]),
      text: digest.blocked.map((a) => `- ${actionLabel(a)} – ${lead(a)} – ${t.reason.toLowerCase()} : ${reasonOf(a)}`),
    },
    {
      title: t.doneTitle(digest.doneThisWeek.length),
      headers: [t.action, t.lead],
      rows: digest.doneThisWeek.map((a) => [actionLink(context, a), escapeHtmlStrict(lead(a))]),
      text: digest.doneThisWeek.map((a) => `- ${actionLabel(a)} – ${lead(a)}`),
    },
  ].filter((s) => s.rows.length > 0);
  return {
    subject: t.committeeSubject(formatDate(digest.weekStart)),
    html: page(
      context,
      t.hello(recipientName),
      [escapeHtmlStrict(t.committeeIntro)],
      sections.map((s) => `<h3 style="${FONT}font-size:16px;">${escapeHtmlStrict(s.title)}</h3>${table(s.headers, s.rows)}`),
    ),
    text: plain(t.hello(recipientName), [t.committeeIntro], sections.map((s) => [s.title, ...s.text]), context),
  };
}
