/**
 * The local sign-in of `npm start`. Each start draws a random key (32 bytes) and writes it to
 * `local-session.key` next to the data file, readable by its owner only (0600). Nothing of
 * the local intranet answers without it (issue #17: the outbox, the local Graph and the
 * SQLite file answered any process of the machine):
 *
 * - the browser signs in once through the link `npm start` prints,
 *   `/local/signin?cle=<key>`, or by pasting the key in the form that any page shows when
 *   signed out; the key then travels in the `pst-session` cookie (HttpOnly, SameSite=Strict:
 *   no script of the page and no other site can read or send it). The user switcher still
 *   picks who the page acts as (cookie `pst-user`), among the local accounts;
 * - tests and command-line jobs read the key from the file and send it in their bearer
 *   token, `local:<key>:<email>` (`localToken(email, key)`); `PST_LOCAL_KEY` overrides.
 *
 * The key changes at every start; the file is removed on a clean stop.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LOCAL_TOKEN_PREFIX, USER_COOKIE } from '../store';

export const SESSION_COOKIE = 'pst-session';
export const SESSION_FILE_NAME = 'local-session.key';
const SIGN_IN_PATH = '/local/signin';
/**
 * The bearer token the SPFx workbench page's Graph client sends (workbench/workbenchApp.ts):
 * it stands for "the browser's session", which the HttpOnly cookie then proves.
 */
export const LOCAL_BROWSER_TOKEN = 'local-browser-session';
const MAX_FORM_BYTES = 4096;

/** The key file of the data file's folder. */
export function sessionFileOf(dataFile: string): string {
  return path.join(path.dirname(path.resolve(dataFile)), SESSION_FILE_NAME);
}

/** The key of the running `npm start` whose data file is `dataFile`, if any (`PST_LOCAL_KEY` first). */
export function readLocalKey(dataFile: string): string | undefined {
  if (process.env.PST_LOCAL_KEY) return process.env.PST_LOCAL_KEY.trim();
  try {
    return fs.readFileSync(sessionFileOf(dataFile), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The bearer token of a local account: `local:<email>` for a bare store, `local:<key>:<email>` for `npm start`. */
export function localToken(email: string, key?: string): string {
  return key ? `${LOCAL_TOKEN_PREFIX}${key}:${email}` : `${LOCAL_TOKEN_PREFIX}${email}`;
}

function cookieOf(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.substring(0, at).trim() === name) {
      try {
        return decodeURIComponent(part.substring(at + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function escapeText(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export class LocalSession {
  private constructor(
    readonly key: string,
    readonly file: string,
  ) {}

  /** A new key for this start, written to the data folder with mode 0600. */
  static start(dataFile: string): LocalSession {
    const key = randomBytes(32).toString('base64url');
    const file = sessionFileOf(dataFile);
    // Removed first: `mode` applies only to a file being created.
    fs.rmSync(file, { force: true });
    fs.writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return new LocalSession(key, file);
  }

  /** The link that signs a browser in. */
  signInUrl(origin: string): string {
    return `${origin}${SIGN_IN_PATH}?cle=${encodeURIComponent(this.key)}`;
  }

  private matches(candidate: string | undefined): boolean {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.key);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** Who calls, when the request carries the key: the bearer token's account, else the page's `pst-user`. */
  callerOf(req: IncomingMessage): string | undefined {
    const bearer = /^Bearer\s+(\S+)$/i.exec((req.headers.authorization ?? '').trim())?.[1];
    if (bearer && bearer !== LOCAL_BROWSER_TOKEN) {
      if (!bearer.startsWith(LOCAL_TOKEN_PREFIX)) return undefined;
      const rest = bearer.substring(LOCAL_TOKEN_PREFIX.length);
      const colon = rest.indexOf(':');
      return colon > 0 && this.matches(rest.substring(0, colon)) ? rest.substring(colon + 1) || undefined : undefined;
    }
    return this.isBrowserSignedIn(req) ? cookieOf(req, USER_COOKIE) : undefined;
  }

  isBrowserSignedIn(req: IncomingMessage): boolean {
    return this.matches(cookieOf(req, SESSION_COOKIE));
  }

  /** Signed in as a browser or with a keyed token. */
  isSignedIn(req: IncomingMessage): boolean {
    return this.isBrowserSignedIn(req) || (req.headers.authorization !== undefined && this.callerOf(req) !== undefined);
  }

  /** `/local/signin`: GET with `?cle=` or POST of the form; true when the path is the sign-in page. */
  async handleSignIn(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (url.pathname !== SIGN_IN_PATH) return false;
    let candidate = url.searchParams.get('cle') ?? undefined;
    if (req.method === 'POST') candidate = new URLSearchParams(await readSmallBody(req)).get('cle') ?? undefined;
    if (candidate !== undefined && this.matches(candidate.trim())) {
      res.writeHead(303, {
        'Set-Cookie': `${SESSION_COOKIE}=${encodeURIComponent(this.key)}; Path=/; HttpOnly; SameSite=Strict`,
        Location: '/',
        'Cache-Control': 'no-store',
      });
      res.end();
      return true;
    }
    this.refusePage(res, candidate !== undefined);
    return true;
  }

  /** The answer to a request without the key: Graph's 401, JSON for `/local/*`, else the sign-in page. */
  refuse(res: ServerResponse, url: URL): void {
    if (url.pathname.startsWith('/graph/')) {
      res.writeHead(401, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } }));
    } else if (url.pathname.startsWith('/local/')) {
      res.writeHead(401, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: 'Connexion locale requise (local sign-in required).' }));
    } else this.refusePage(res, false);
  }

  private refusePage(res: ServerResponse, wrongKey: boolean): void {
    const file = escapeText(this.file);
    res.writeHead(401, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Connexion locale – PST</title></head><body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>Connexion locale</h1>
${wrongKey ? '<p role="alert"><strong>Cette clé n’est pas celle de ce démarrage.</strong></p>' : ''}
<p>Ouvrez le lien de connexion affiché par <code>npm start</code>, ou collez la clé du fichier <code>${file}</code> (elle change à chaque démarrage).</p>
<form method="post" action="${SIGN_IN_PATH}"><label>Clé <input name="cle" type="password" autocomplete="off" size="48"></label> <button type="submit">Se connecter</button></form>
<p lang="en"><small>Local sign-in: open the link printed by <code>npm start</code>, or paste the key from the file above.</small></p>
</body></html>`);
  }

  /** Removes the key file (a clean stop). */
  close(): void {
    fs.rmSync(this.file, { force: true });
  }
}

function readSmallBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
      if (body.length > MAX_FORM_BYTES) {
        resolve('');
        req.destroy();
      }
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}
