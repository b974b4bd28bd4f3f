/**
 * The mails of the PST, in French (English when the recipient's language is English):
 * subject, HTML that renders in Outlook (tables and inline styles only, no CSS classes,
 * no images) and the same content as plain text. The texts are in src/strings/mail.ts;
 * this file only assembles them.
 */
import type { Action, Person } from '../domain/model';
import type { CommitteeDigest, LeadDigest, ReminderItem } from '../domain/reminders';
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
}

const FONT = "font-family:'Segoe UI',Arial,sans-serif;font-size:14px;color:#242424;";
const CELL = 'padding:6px 10px;border-bottom:1px solid #e1e1e1;vertical-align:top;text-align:left;';
const HEAD = `${CELL}background:#f3f2f1;font-weight:bold;`;

function page(context: MailContext, greeting: string, paragraphs: string[], tables: string[]): string {
  const t = MAIL_TEXTS[context.lang];
  return (
    `<!DOCTYPE html><html lang="${context.lang}"><head><meta charset="utf-8"></head>` +
    `<body style="margin:0;padding:0;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="${FONT}"><tr><td style="padding:16px;">` +
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
    `<p style="${FONT}"><a href="${escapeHtmlStrict(context.linkToAction(action.id))}" style="display:inline-block;padding:8px 16px;background:#5b5fc7;color:#ffffff;text-decoration:none;border-radius:4px;">${escapeHtmlStrict(t.open)}</a></p>`;
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
  return {
    subject: t.assignedSubject(action.title),
    html: page(context, t.hello(lead.displayName), [escapeHtmlStrict(body)], [sheet.html]),
    text: plain(t.hello(lead.displayName), [body], [sheet.text], context),
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

export function leadDigestMail(digest: LeadDigest, context: MailContext): RenderedMail {
  const t = MAIL_TEXTS[context.lang];
  const actionCount = new Set(digest.items.map((i) => i.action.id)).size;
  const headers = [t.action, t.objective, t.situation, t.due, t.lastCheckIn];
  const rows = digest.items.map((item) => [
    actionLink(context, item.action),
    escapeHtmlStrict(context.pathOf(item.action)),
    `<strong>${escapeHtmlStrict(situation(item, context.lang))}</strong>`,
    escapeHtmlStrict(item.dueDate ? formatDate(item.dueDate) : '—'),
    escapeHtmlStrict(item.lastCheckInDate ? formatDate(item.lastCheckInDate) : t.none),
  ]);
  const text = digest.items.map(
    (item) =>
      `- ${actionLabel(item.action)} (${context.pathOf(item.action)}) : ${situation(item, context.lang)} ; ${t.due.toLowerCase()} ${item.dueDate ? formatDate(item.dueDate) : '—'} ; ${t.lastCheckIn.toLowerCase()} ${item.lastCheckInDate ? formatDate(item.lastCheckInDate) : t.none}\n  ${context.linkToAction(item.action.id)}`,
  );
  return {
    subject: t.digestSubject(actionCount),
    html: page(context, t.hello(digest.recipient.displayName), [escapeHtmlStrict(t.digestIntro)], [table(headers, rows)]),
    text: plain(t.hello(digest.recipient.displayName), [t.digestIntro], [text], context),
  };
}

export function committeeDigestMail(digest: CommitteeDigest, recipientName: string, context: MailContext): RenderedMail {
  const t = MAIL_TEXTS[context.lang];
  const lead = (a: Action) => a.projectLead?.displayName ?? t.noLead;
  const sections: { title: string; headers: string[]; rows: string[][]; text: string[] }[] = [
    {
      title: t.lateTitle(digest.late.length),
      headers: [t.action, t.lead, t.due, t.daysLate],
      rows: digest.late.map((i) => [actionLink(context, i.action), escapeHtmlStrict(lead(i.action)), escapeHtmlStrict(i.dueDate ? formatDate(i.dueDate) : '—'), escapeHtmlStrict(t.days(i.days))]),
      text: digest.late.map((i) => `- ${actionLabel(i.action)} – ${lead(i.action)} – ${i.dueDate ? formatDate(i.dueDate) : '—'} – ${t.days(i.days)}`),
    },
    {
      title: t.blockedTitle(digest.blocked.length),
      headers: [t.action, t.lead, t.status],
      rows: digest.blocked.map((a) => [actionLink(context, a), escapeHtmlStrict(lead(a)), escapeHtmlStrict(a.status ? statusLabel(a.status, context.lang) : '—')]),
      text: digest.blocked.map((a) => `- ${actionLabel(a)} – ${lead(a)}`),
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
