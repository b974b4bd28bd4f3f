/**
 * Mails sent from the web parts, as the signed-in user (delegated Graph `Mail.Send`):
 * "you are the lead of this action" and "please update this action". The web part gives
 * a Graph client (MSGraphClientV3 in SPFx, the local Graph on the local page).
 */
import type { Action, IsoDate, Person } from '../domain/model';
import type { Lang } from '../domain/vocabularies';
import type { MailContext, RenderedMail } from './mailTemplates';

/** The templates and the MIME writer, fetched with the first mail: a page that sends none never downloads them. */
const loadMailWriting = () =>
  Promise.all([import(/* webpackChunkName: 'pst-mail' */ './mailTemplates'), import(/* webpackChunkName: 'pst-mail' */ './mime')]).then(([templates, mime]) => ({ ...templates, ...mime }));

/** The part of a Graph client (`@microsoft/microsoft-graph-client` / MSGraphClientV3) used here. */
export interface GraphRequestClient {
  api(path: string): { header(name: string, value: string): { post(body: unknown): Promise<unknown> } };
}

/** What the mail says of the action beyond the action itself. */
export interface ActionMailFacts {
  /** « OS 1 … → OO 1.1 … », as the panel shows it: one text for one action, or per action for several. */
  readonly objective: string | ((action: Action) => string);
  /** The day of sending: an action already late is flagged. */
  readonly today: IsoDate;
}

export interface MailService {
  /** "You are the project lead": one mail, for one action or for all those given at once. */
  sendAssignment(actions: Action | readonly Action[], lead: Person, assignedBy: Person, facts: ActionMailFacts): Promise<void>;
  requestUpdate(action: Action, lead: Person, requestedBy: Person, message: string | null, facts: ActionMailFacts): Promise<void>;
}

export class GraphMailService implements MailService {
  constructor(
    /** Resolved on first use: SPFx hands out its Graph client asynchronously. */
    private readonly client: () => Promise<GraphRequestClient>,
    private readonly context: Omit<MailContext, 'lang' | 'pathOf' | 'today'>,
    private readonly lang: Lang = 'fr',
  ) {}

  private async send(to: Person, from: Person, render: (writing: Awaited<ReturnType<typeof loadMailWriting>>) => RenderedMail): Promise<void> {
    if (!to.email) throw new Error(`${to.displayName} n'a pas d'adresse e-mail : le message ne peut pas être envoyé.`);
    const writing = await loadMailWriting();
    const { buildMimeMessage, mimeForGraph } = writing;
    const mail = render(writing);
    const mime = buildMimeMessage({ from: from.email ? { name: from.displayName, email: from.email } : undefined, to: [{ name: to.displayName, email: to.email }], mail });
    await (await this.client()).api('/me/sendMail').header('Content-Type', 'text/plain').post(mimeForGraph(mime));
  }

  private contextFor(facts: ActionMailFacts): MailContext {
    const objective = facts.objective;
    return { ...this.context, lang: this.lang, pathOf: typeof objective === 'string' ? () => objective : objective, today: facts.today };
  }

  sendAssignment(actions: Action | readonly Action[], lead: Person, assignedBy: Person, facts: ActionMailFacts): Promise<void> {
    return this.send(lead, assignedBy, ({ assignmentMail }) => assignmentMail(actions, lead, assignedBy, this.contextFor(facts)));
  }

  requestUpdate(action: Action, lead: Person, requestedBy: Person, message: string | null, facts: ActionMailFacts): Promise<void> {
    return this.send(lead, requestedBy, ({ updateRequestMail }) => updateRequestMail(action, lead, requestedBy, message, this.contextFor(facts)));
  }
}
