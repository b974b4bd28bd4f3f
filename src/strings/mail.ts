/**
 * The texts of the PST's mails (assignment, update request, lead and committee digests),
 * in French and English. The templates in src/mail/mailTemplates.ts only assemble them;
 * dates and numbers are formatted there, the Belgian way. Imports nothing.
 */

export interface MailTexts {
  /** "Bonjour Sophie Lambert," */
  readonly hello: (name: string) => string;
  readonly regards: string;
  /** The grey line at the bottom of every mail. */
  readonly footer: (organisation: string) => string;
  /** The button (HTML) and the link (text) to an action's panel. */
  readonly open: string;
  readonly code: string;
  readonly action: string;
  readonly objective: string;
  /** A column header; lower-cased inside the plain-text lines of the lead digest. */
  readonly due: string;
  /** A column header; lower-cased inside the plain-text lines of the lead digest. */
  readonly lastCheckIn: string;
  /** No check-in yet. */
  readonly none: string;
  readonly status: string;
  readonly progress: string;
  readonly assignedSubject: (actionTitle: string) => string;
  readonly assignedBody: (assignedBy: string) => string;
  /** One mail for all the actions a lead was given at once (the leads grid of an import). */
  readonly assignedManySubject: (actions: number) => string;
  readonly assignedManyBody: (assignedBy: string, actions: number) => string;
  readonly updateSubject: (actionTitle: string) => string;
  readonly updateBody: (requestedBy: string) => string;
  /** Before the requester's own message in an update request. */
  readonly message: string;
  /** Counts the distinct actions of a lead's digest. */
  readonly digestSubject: (actions: number) => string;
  readonly digestIntro: string;
  readonly overdue: (days: number) => string;
  readonly dueSoon: (days: number) => string;
  readonly stale: (days: number) => string;
  readonly situation: string;
  /** The week's first day, already formatted. */
  readonly committeeSubject: (week: string) => string;
  readonly committeeIntro: string;
  readonly lateTitle: (count: number) => string;
  readonly blockedTitle: (count: number) => string;
  readonly doneTitle: (count: number) => string;
  readonly lead: string;
  readonly noLead: string;
  readonly daysLate: string;
  readonly days: (days: number) => string;
  /** The greeting's name in the committee's weekly digest (sent in French). */
  readonly committee: string;
  // ---- mails that ask clearly (issue 15, point 7)
  /** Under the lead digest's greeting: what is asked, once. */
  readonly digestAsk: string;
  /** What is asked for one action, by its situation. */
  readonly askOverdue: string;
  readonly askDueSoon: string;
  readonly askStale: string;
  /** The button of each action in the lead digest: it opens the action on its check-in form. */
  readonly checkInButton: string;
  /** The assignment of an action already late: days late, the formatted due date. */
  readonly assignedLate: (days: number, due: string) => string;
  /** The column of the reason of a blocked action in the committee digest. */
  readonly reason: string;
  /** The reason: the comment of the last check-in that has one, and its date (formatted). */
  readonly reasonOn: (comment: string, date: string) => string;
  readonly noReason: string;
}

export const MAIL_TEXTS: { readonly fr: MailTexts; readonly en: MailTexts } = {
  fr: {
    hello: (name: string) => `Bonjour ${name},`,
    regards: 'Bien à vous,',
    footer: (org: string) => `Programme stratégique transversal – ${org}. Ce message est envoyé automatiquement par le suivi du PST.`,
    open: "Ouvrir l'action",
    code: 'Code',
    action: 'Action',
    objective: 'Objectif',
    due: 'Échéance',
    lastCheckIn: 'Dernier suivi',
    none: 'aucun',
    status: 'Statut',
    progress: 'Avancement',
    assignedSubject: (title: string) => `PST : vous êtes chef de projet de « ${title} »`,
    assignedBody: (by: string) => `${by} vous a désigné(e) chef de projet de l'action suivante du PST. Vous pouvez la consulter et y noter l'avancement à tout moment.`,
    assignedManySubject: (n: number) => `PST : vous êtes chef de projet de ${n} actions`,
    assignedManyBody: (by: string, n: number) => `${by} vous a désigné(e) chef de projet des ${n} actions suivantes du PST. Vous pouvez les consulter et y noter l'avancement à tout moment.`,
    updateSubject: (title: string) => `PST : mise à jour demandée pour « ${title} »`,
    updateBody: (by: string) => `${by} vous demande de mettre à jour l'avancement de l'action suivante (statut, pourcentage, commentaire). Cela prend moins d'une minute.`,
    message: 'Message',
    digestSubject: (n: number) => `PST : ${n} action${n > 1 ? 's' : ''} demande${n > 1 ? 'nt' : ''} votre attention`,
    digestIntro: 'Voici les actions du PST dont vous êtes chef de projet et qui demandent votre attention :',
    overdue: (d: number) => `En retard de ${d} jour${d > 1 ? 's' : ''}`,
    dueSoon: (d: number) => (d === 0 ? "Échéance aujourd'hui" : `Échéance dans ${d} jour${d > 1 ? 's' : ''}`),
    stale: (d: number) => `Sans suivi depuis ${d} jour${d > 1 ? 's' : ''}`,
    situation: 'Situation',
    committeeSubject: (week: string) => `PST : synthèse de la semaine du ${week}`,
    committeeIntro: 'Synthèse hebdomadaire du PST pour le comité de pilotage.',
    lateTitle: (n: number) => `Actions en retard (${n})`,
    blockedTitle: (n: number) => `Actions bloquées (${n})`,
    doneTitle: (n: number) => `Actions terminées cette semaine (${n})`,
    lead: 'Chef de projet',
    noLead: 'non désigné',
    daysLate: 'Retard',
    days: (d: number) => `${d} j`,
    committee: 'Comité de pilotage',
    digestAsk: "Pour chaque action ci-dessous, notez un suivi (statut, avancement, commentaire) avec le bouton « Noter un suivi » : cela prend moins d'une minute. Si une échéance n'est plus tenable, dites-le dans le commentaire.",
    askOverdue: "Demandé : dites où en est l'action et la nouvelle échéance envisagée, ou notez qu'elle est terminée.",
    askDueSoon: "Demandé : confirmez que l'échéance sera tenue, ou signalez ce qui bloque.",
    askStale: "Demandé : notez où en est l'action (aucun suivi récent).",
    checkInButton: 'Noter un suivi',
    assignedLate: (d: number, due: string) => `Attention : cette action est déjà en retard de ${d} jour${d > 1 ? 's' : ''} (échéance du ${due}). Notez dès que possible où elle en est et l'échéance que vous envisagez.`,
    reason: 'Raison (dernier suivi)',
    reasonOn: (comment: string, date: string) => `${comment} (suivi du ${date})`,
    noReason: 'aucun commentaire dans les suivis',
  },
  en: {
    hello: (name: string) => `Hello ${name},`,
    regards: 'Kind regards,',
    footer: (org: string) => `Strategic programme (PST) – ${org}. This message is sent automatically by the PST follow-up.`,
    open: 'Open the action',
    code: 'Code',
    action: 'Action',
    objective: 'Objective',
    due: 'Due',
    lastCheckIn: 'Last check-in',
    none: 'none',
    status: 'Status',
    progress: 'Progress',
    assignedSubject: (title: string) => `PST: you lead "${title}"`,
    assignedBody: (by: string) => `${by} made you the project lead of the following PST action. You can open it and record its progress at any time.`,
    assignedManySubject: (n: number) => `PST: you lead ${n} actions`,
    assignedManyBody: (by: string, n: number) => `${by} made you the project lead of the following ${n} PST actions. You can open them and record their progress at any time.`,
    updateSubject: (title: string) => `PST: update requested for "${title}"`,
    updateBody: (by: string) => `${by} asks you to update the progress of the following action (status, percentage, comment). It takes less than a minute.`,
    message: 'Message',
    digestSubject: (n: number) => `PST: ${n} action${n > 1 ? 's' : ''} need${n > 1 ? '' : 's'} your attention`,
    digestIntro: 'These PST actions you lead need your attention:',
    overdue: (d: number) => `${d} day${d > 1 ? 's' : ''} late`,
    dueSoon: (d: number) => (d === 0 ? 'Due today' : `Due in ${d} day${d > 1 ? 's' : ''}`),
    stale: (d: number) => `No check-in for ${d} day${d > 1 ? 's' : ''}`,
    situation: 'Situation',
    committeeSubject: (week: string) => `PST: summary of the week of ${week}`,
    committeeIntro: 'Weekly PST summary for the steering committee.',
    lateTitle: (n: number) => `Late actions (${n})`,
    blockedTitle: (n: number) => `Blocked actions (${n})`,
    doneTitle: (n: number) => `Actions completed this week (${n})`,
    lead: 'Project lead',
    noLead: 'not assigned',
    daysLate: 'Delay',
    days: (d: number) => `${d} d`,
    committee: 'Steering committee',
    digestAsk: 'For each action below, record a check-in (status, progress, comment) with the "Record a check-in" button: it takes less than a minute. If a deadline can no longer be met, say so in the comment.',
    askOverdue: 'Asked: say where the action stands and the new deadline you expect, or record that it is done.',
    askDueSoon: 'Asked: confirm the deadline will be met, or say what is in the way.',
    askStale: 'Asked: record where the action stands (no recent check-in).',
    checkInButton: 'Record a check-in',
    assignedLate: (d: number, due: string) => `Please note: this action is already ${d} day${d > 1 ? 's' : ''} late (due ${due}). Record where it stands and the deadline you expect as soon as you can.`,
    reason: 'Reason (last check-in)',
    reasonOn: (comment: string, date: string) => `${comment} (check-in of ${date})`,
    noReason: 'no comment in the check-ins',
  },
};
