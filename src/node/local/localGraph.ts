/**
 * The Microsoft Graph calls the solution makes, answered locally under `/graph/v1.0`:
 * send mail (JSON or MIME, as the user or from a mailbox), Sent Items by Message-ID,
 * user look-up. Sent mail lands in an outbox (SQLite) that the local page shows.
 * Shapes follow Graph's: 202 for sendMail, `{ value: [...] }` collections,
 * `{ error: { code, message } }` errors.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DatabaseSync } from 'node:sqlite';
import { parseMimeMessage } from '../../mail/mime';
import { defaultResolveUser } from '../store';
import { readLimitedBody } from '../store/http/limits';

/** Graph refuses requests over 4 MB (https://learn.microsoft.com/en-us/graph/api/user-sendmail: "under 4 MB"). */
const MAX_GRAPH_REQUEST_BYTES = 4 * 1024 * 1024;

export interface LocalDirectoryUser {
  readonly email: string;
  readonly displayName: string;
  readonly preferredLanguage?: string;
}

export interface ActivityFeedEntry {
  readonly id: number;
  /** The app identity that posted it (the job's mailbox identity locally). */
  readonly sender: string;
  readonly recipient: string;
  readonly activityType: string;
  readonly preview: string;
  readonly webUrl: string;
  readonly parameters: { name: string; value: string }[];
  /** Teams' chainId, when the sender gave one. */
  readonly chainId: number | null;
  readonly sentAt: string;
}

export interface OutboxMail {
  readonly id: number;
  readonly sender: string;
  readonly to: string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly internetMessageId: string | null;
  readonly sentAt: string;
}

export interface LocalGraphFaults {
  readonly rate429?: number;
  readonly rate503?: number;
  readonly retryAfterSeconds?: number;
  /** Mail to this address fails permanently (400 ErrorInvalidRecipients), to test one bad recipient. */
  readonly failRecipient?: string;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export class LocalGraph {
  private readonly db: DatabaseSync;
  private faults: LocalGraphFaults = {};
  private faultCounter = 0;
  /** How many requests the faults answered with 429/503 (tests check faults really happened). */
  faultsInjected = 0;

  constructor(
    dataFile: string,
    private readonly directory: () => readonly LocalDirectoryUser[],
    /** Who calls; default: the `local:<email>` bearer token or the `pst-user` cookie (a bare test store). */
    private readonly resolveCaller: (req: IncomingMessage) => string | undefined = defaultCaller,
  ) {
    this.db = new DatabaseSync(dataFile);
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS graph_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, sender TEXT NOT NULL, recipients TEXT NOT NULL, subject TEXT NOT NULL, text TEXT NOT NULL, html TEXT NOT NULL, internet_message_id TEXT, sent_at TEXT NOT NULL)',
    );
    this.db.exec('CREATE INDEX IF NOT EXISTS graph_outbox_message_id ON graph_outbox (internet_message_id)');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS graph_activity (id INTEGER PRIMARY KEY AUTOINCREMENT, sender TEXT NOT NULL, recipient TEXT NOT NULL, activity_type TEXT NOT NULL, preview TEXT NOT NULL, web_url TEXT NOT NULL, parameters TEXT NOT NULL, sent_at TEXT NOT NULL)',
    );
    // Data files from before chainId was honoured.
    const columns = this.db.prepare('PRAGMA table_info(graph_activity)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'chain_id')) this.db.exec('ALTER TABLE graph_activity ADD COLUMN chain_id INTEGER');
  }

  /** Teams activity-feed notifications received, newest first. */
  activityFeed(): ActivityFeedEntry[] {
    const rows = this.db.prepare('SELECT * FROM graph_activity ORDER BY id DESC').all() as Record<string, string | number>[];
    return rows.map((r) => ({
      id: Number(r.id),
      sender: String(r.sender),
      recipient: String(r.recipient),
      activityType: String(r.activity_type),
      preview: String(r.preview),
      webUrl: String(r.web_url),
      parameters: JSON.parse(String(r.parameters)),
      chainId: r.chain_id === null || r.chain_id === undefined ? null : Number(r.chain_id),
      sentAt: String(r.sent_at),
    }));
  }

  setFaults(faults: LocalGraphFaults): void {
    this.faults = faults;
    this.faultCounter = 0;
  }

  outbox(): OutboxMail[] {
    const rows = this.db.prepare('SELECT * FROM graph_outbox ORDER BY id DESC').all() as Record<string, string | number | null>[];
    return rows.map((r) => ({
      id: Number(r.id),
      sender: String(r.sender),
      to: JSON.parse(String(r.recipients)),
      subject: String(r.subject),
      text: String(r.text),
      html: String(r.html),
      internetMessageId: r.internet_message_id === null ? null : String(r.internet_message_id),
      sentAt: String(r.sent_at),
    }));
  }

  close(): void {
    this.db.close();
  }

  /** Handles `/graph/v1.0/...`; returns false for any other path. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const match = /^\/graph\/v1\.0(\/.*)$/.exec(url.pathname);
    if (!match) return false;
    const path = decodeURIComponent(match[1]);
    const caller = this.caller(req);
    if (!caller) return this.error(res, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
    if (this.injectFault(res)) return true;

    let body = '';
    if (req.method === 'POST') {
      const read = await readLimitedBody(req, MAX_GRAPH_REQUEST_BYTES);
      if (!read.ok) {
        res.setHeader('Connection', 'close');
        return this.error(res, 413, 'RequestEntityTooLarge', 'The request exceeds the maximum size of 4 MB.');
      }
      body = read.body;
    }
    let m: RegExpExecArray | null;
    if ((m = /^\/(?:me|users\/([^/]+))\/sendMail$/i.exec(path)) && req.method === 'POST') {
      // A token sends as its own user only (issue #17: one user sent mail as another).
      if (m[1] && m[1].toLowerCase() !== caller.toLowerCase()) return this.accessDenied(res);
      return this.sendMail(req, res, caller, body);
    }
    if ((m = /^\/users\/([^/]+)\/teamwork\/sendActivityNotification$/i.exec(path)) && req.method === 'POST') {
      return this.sendActivity(res, caller, m[1], body);
    }
    if ((m = /^\/users\/([^/]+)\/mailFolders\/sentitems\/messages$/i.exec(path)) && req.method === 'GET') {
      if (m[1].toLowerCase() !== caller.toLowerCase()) return this.accessDenied(res);
      const filter = url.searchParams.get('$filter') ?? '';
      const wanted = /internetMessageId eq '((?:[^']|'')*)'/.exec(filter)?.[1]?.replace(/''/g, "'");
      const rows = wanted
        ? (this.db.prepare('SELECT id FROM graph_outbox WHERE lower(sender) = lower(?) AND internet_message_id = ?').all(m[1], wanted) as { id: number }[])
        : [];
      return json(res, 200, { value: rows.map((r) => ({ id: String(r.id) })) });
    }
    if ((m = /^\/(?:me|users\/([^/]+))$/i.exec(path)) && req.method === 'GET') {
      const email = (m[1] ?? caller).toLowerCase();
      const user = this.findUser(email);
      if (!user) return this.userNotFound(res, email);
      return json(res, 200, { id: user.email, displayName: user.displayName, mail: user.email, userPrincipalName: user.email, preferredLanguage: user.preferredLanguage ?? 'fr-BE' });
    }
    return this.error(res, 400, 'BadRequest', `Resource not found for the segment '${path}'.`);
  }

  private findUser(email: string): LocalDirectoryUser | undefined {
    return this.directory().find((u) => u.email.toLowerCase() === email.toLowerCase());
  }

  /** Graph's answer for an address the directory does not know. */
  private userNotFound(res: ServerResponse, email: string): boolean {
    return this.error(res, 404, 'Request_ResourceNotFound', `Resource '${email}' does not exist or one of its queried reference-property objects are not present.`);
  }

  /**
   * As Graph: 404 for an unknown user, 400 without activity type or topic; 204 when accepted.
   * As Teams: a notification with the chainId of an earlier one to the same user replaces it.
   */
  private sendActivity(res: ServerResponse, sender: string, recipient: string, body: string): boolean {
    const user = this.findUser(recipient);
    if (!user) return this.userNotFound(res, recipient);
    let request: { activityType?: string; topic?: { source?: string; value?: string; webUrl?: string }; previewText?: { content?: string }; templateParameters?: { name: string; value: string }[]; chainId?: unknown };
    try {
      request = JSON.parse(body);
    } catch {
      return this.error(res, 400, 'BadRequest', 'The request body is not valid JSON.');
    }
    if (!request.activityType || !request.topic || !request.topic.source || !request.topic.value) {
      return this.error(res, 400, 'BadRequest', 'activityType and topic are required.');
    }
    if (request.topic.source === 'text' && !/^https:\/\/teams\.microsoft\.com\/l\//.test(request.topic.webUrl ?? '')) {
      return this.error(res, 400, 'BadRequest', 'A text topic needs a Teams deep link as webUrl.');
    }
    const chainId = request.chainId ?? null;
    if (chainId !== null && !(typeof chainId === 'number' && Number.isSafeInteger(chainId))) {
      return this.error(res, 400, 'BadRequest', 'chainId must be an Int64.');
    }
    if (chainId !== null) this.db.prepare('DELETE FROM graph_activity WHERE sender = ? AND recipient = ? AND chain_id = ?').run(sender, user.email, chainId);
    this.db
      .prepare('INSERT INTO graph_activity (sender, recipient, activity_type, preview, web_url, parameters, chain_id, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(sender, user.email, request.activityType, request.previewText?.content ?? '', request.topic.webUrl ?? '', JSON.stringify(request.templateParameters ?? []), chainId, new Date().toISOString());
    res.writeHead(204);
    res.end();
    return true;
  }

  private sendMail(_req: IncomingMessage, res: ServerResponse, sender: string, body: string): boolean {
    let to: string[];
    let subject: string;
    let text = '';
    let html = '';
    let messageId: string | null = null;
    let from: string | null = null;
    const trimmed = body.trim();
    if (trimmed.startsWith('{')) {
      const message = JSON.parse(trimmed).message ?? {};
      to = (message.toRecipients ?? []).map((r: { emailAddress: { address: string } }) => r.emailAddress.address);
      subject = message.subject ?? '';
      if (message.body?.contentType?.toLowerCase() === 'html') html = message.body.content ?? '';
      else text = message.body?.content ?? '';
      messageId = message.internetMessageId ?? null;
      from = message.from?.emailAddress?.address ?? null;
    } else {
      const mime = parseMimeMessage(Buffer.from(trimmed, 'base64').toString('utf8'));
      to = (mime.headers.to ?? '').split(',').map((a) => (/<([^>]+)>/.exec(a)?.[1] ?? a).trim()).filter((a) => a !== '');
      subject = mime.headers.subject ?? '';
      text = mime.text;
      html = mime.html;
      messageId = mime.headers['message-id'] ?? null;
      from = mime.headers.from ? (/<([^>]+)>/.exec(mime.headers.from)?.[1] ?? mime.headers.from).trim() : null;
    }
    if (from && from.toLowerCase() !== sender.toLowerCase()) {
      // Graph's answer to a From that is not the mailbox, without Send As rights on it.
      return this.error(res, 403, 'ErrorSendAsDenied', 'The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account.');
    }
    const failing = this.faults.failRecipient?.toLowerCase();
    const invalid = to.filter((address) => !EMAIL.test(address) || address.toLowerCase() === failing);
    if (to.length === 0 || invalid.length > 0) {
      return this.error(res, 400, 'ErrorInvalidRecipients', `At least one recipient is not valid., Recipient '${invalid[0] ?? ''}' is not resolved.`);
    }
    this.db
      .prepare('INSERT INTO graph_outbox (sender, recipients, subject, text, html, internet_message_id, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(sender, JSON.stringify(to), subject, text, html, messageId, new Date().toISOString());
    res.writeHead(202);
    res.end();
    return true;
  }

  private caller(req: IncomingMessage): string | undefined {
    return this.resolveCaller(req);
  }

  /** Every n-th request fails, n derived from the rate: deterministic for tests. */
  private injectFault(res: ServerResponse): boolean {
    const { rate429 = 0, rate503 = 0, retryAfterSeconds = 1 } = this.faults;
    const rate = rate429 + rate503;
    if (rate <= 0) return false;
    this.faultCounter++;
    const every = Math.max(1, Math.round(1 / rate));
    if (this.faultCounter % every !== 1 && every !== 1) return false;
    const status = rate429 >= rate503 ? 429 : 503;
    this.faultsInjected++;
    res.writeHead(status, { 'Content-Type': 'application/json', 'Retry-After': String(retryAfterSeconds) });
    res.end(JSON.stringify({ error: { code: status === 429 ? 'TooManyRequests' : 'ServiceNotAvailable', message: 'Please retry after the delay.' } }));
    return true;
  }

  /** Graph's answer when a token acts on another user's mailbox. */
  private accessDenied(res: ServerResponse): boolean {
    return this.error(res, 403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
  }

  private error(res: ServerResponse, status: number, code: string, message: string): boolean {
    return json(res, status, { error: { code, message, innerError: { date: new Date().toISOString() } } });
  }
}

function json(res: ServerResponse, status: number, value: unknown): boolean {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
  return true;
}

function defaultCaller(req: IncomingMessage): string | undefined {
  try {
    return defaultResolveUser(req);
  } catch {
    return undefined;
  }
}
