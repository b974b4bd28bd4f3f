/**
 * Who is calling. Locally there is no Entra ID: the caller names a local account, either
 * as a bearer token `local:<email>` (what src/local/seed.ts's `localToken` produces, sent by
 * `createNodeSp`) or as the `pst-user` cookie the local page sets. An unknown or missing
 * account gets SharePoint's 401 (System.UnauthorizedAccessException, "Access denied.").
 */
import type { IncomingMessage } from 'node:http';

export const LOCAL_TOKEN_PREFIX = 'local:';
export const USER_COOKIE = 'pst-user';

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The e-mail of the local account a request names, if any. */
export function defaultResolveUser(req: Pick<IncomingMessage, 'headers'>): string | undefined {
  const authorization = req.headers.authorization;
  const bearer = typeof authorization === 'string' ? /^Bearer\s+(.+)$/i.exec(authorization.trim()) : null;
  if (bearer) {
    const token = bearer[1].trim();
    if (!token.startsWith(LOCAL_TOKEN_PREFIX)) return undefined;
    // `local:<key>:<email>` (a job that found the key of a running `npm start`) names the same
    // account: a store without a key trusts `local:<email>` already, so the key changes nothing here.
    const rest = token.substring(LOCAL_TOKEN_PREFIX.length);
    const colon = rest.indexOf(':');
    return (colon >= 0 ? rest.substring(colon + 1) : rest) || undefined;
  }
  const cookie = req.headers.cookie;
  return cookieValue(Array.isArray(cookie) ? cookie.join(';') : cookie, USER_COOKIE);
}
