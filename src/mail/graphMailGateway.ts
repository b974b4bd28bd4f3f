/**
 * Mail through Microsoft Graph (`@microsoft/microsoft-graph-client`), app-only from the
 * reminder job: MIME `sendMail` from one mailbox, Sent Items looked up by Message-ID.
 * The client's retry handler honours `Retry-After` on 429/503/504.
 */
import { Client } from '@microsoft/microsoft-graph-client';
import type { Lang } from '../domain/vocabularies';
import type { MailGateway, OutgoingMail } from './reminderRun';
import type { MimeAddress } from './mime';
import { mimeForGraph } from './mime';

export class GraphMailGateway implements MailGateway {
  constructor(
    private readonly client: Client,
    readonly sender: MimeAddress,
  ) {}

  private mailbox(): string {
    return `/users/${encodeURIComponent(this.sender.email)}`;
  }

  async alreadySent(messageId: string): Promise<boolean> {
    const found: { value: unknown[] } = await this.client
      .api(`${this.mailbox()}/mailFolders/sentitems/messages`)
      .filter(`internetMessageId eq '${messageId.replace(/'/g, "''")}'`)
      .select('id')
      .top(1)
      .get();
    return found.value.length > 0;
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.client.api(`${this.mailbox()}/sendMail`).header('Content-Type', 'text/plain').post(mimeForGraph(mail.mime));
  }

  async languageOf(email: string): Promise<Lang> {
    try {
      const user: { preferredLanguage?: string | null } = await this.client.api(`/users/${encodeURIComponent(email)}`).select('preferredLanguage').get();
      return user.preferredLanguage?.toLowerCase().startsWith('en') ? 'en' : 'fr';
    } catch {
      // Unknown to the directory (an external partner): French, the users' language.
      return 'fr';
    }
  }
}
