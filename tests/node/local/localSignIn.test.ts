/**
 * The local intranet of `npm start` (issue #17, point 3) as any other process of the machine
 * sees it: bound to 127.0.0.1, nothing answered without the key of this start (outbox,
 * local Graph, `/_api`, the page, the files Vite can reach, the SQLite file), and a keyed
 * token sends mail as its own user only. See src/node/local/localSession.ts.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { localToken } from '../../../src/node/local/localSession';
import { buildMimeMessage, mimeForGraph } from '../../../src/mail/mime';

jest.setTimeout(240_000);

const REPO = path.resolve(__dirname, '../../..');
const ANNE = 'anne.dupont@cpas.example';
const CLAIRE = 'claire.renard@cpas.example';
let folder: string;
let dataFile: string;
let server: ChildProcess;
let output = '';
/** `http://127.0.0.1:<port>` */
let base: string;
let key: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

// The real `npm start` entry (Vite is ESM only: it runs under tsx, not inside Jest).
beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pst-signin-'));
  dataFile = path.join(folder, 'pst.sqlite');
  const port = await freePort();
  server = spawn(path.join(REPO, 'node_modules', '.bin', 'tsx'), ['src/node/local/start.ts', '--port', String(port), '--data', dataFile], { cwd: REPO });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not answer in time:\n${output}`)), 200_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Connexion .*: http:\/\/\S+\/local\/signin\?cle=\S+/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout!.on('data', read);
    server.stderr!.on('data', read);
    server.on('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
  base = `http://127.0.0.1:${port}`;
  key = fs.readFileSync(path.join(folder, 'local-session.key'), 'utf8').trim();
});

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

const keyed = (email: string) => ({ Authorization: `Bearer ${localToken(email, key)}` });
const outboxSize = async () => ((await (await fetch(`${base}/local/outbox`, { headers: keyed(ANNE) })).json()) as unknown[]).length;

describe('the local intranet without the key of this start', () => {
  it('writes the key to the data folder, readable by its owner only, and prints the sign-in link', () => {
    const file = path.join(folder, 'local-session.key');
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(output).toContain(`/local/signin?cle=${key}`);
  });

  it('refuses the outbox, the local Graph, /_api and the page, with the old unkeyed credentials too', async () => {
    const before = await outboxSize();
    const unkeyed: Record<string, string>[] = [{}, { Cookie: `pst-user=${encodeURIComponent(ANNE)}` }, { Authorization: `Bearer local:${ANNE}` }, { Authorization: `Bearer local:wrongkey:${ANNE}` }];
    for (const headers of unkeyed) {
      const statuses: Record<string, number> = {};
      for (const p of ['/local/outbox', '/local/users', '/local/activity', '/local/fonts/x.woff', '/graph/v1.0/me', '/sites/pst/_api/web', '/', '/main.tsx', `/@fs${dataFile}`]) {
        statuses[p] = (await fetch(`${base}${p}`, { headers, redirect: 'manual' })).status;
      }
      const send = await fetch(`${base}/graph/v1.0/me/sendMail`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ message: { subject: 'x', toRecipients: [{ emailAddress: { address: CLAIRE } }], body: { contentType: 'text', content: 'x' } } }),
      });
      statuses.sendMail = send.status;
      expect({ headers, statuses }).toEqual({ headers, statuses: Object.fromEntries(Object.keys(statuses).map((k) => [k, 401])) });
    }
    const api = await fetch(`${base}/sites/pst/_api/web`, { headers: { Accept: 'application/json' } });
    expect(await api.json()).toEqual({ 'odata.error': { code: '-2147024891, System.UnauthorizedAccessException', message: { lang: 'en-US', value: 'Access denied.' } } });
    const graph = (await (await fetch(`${base}/graph/v1.0/me`)).json()) as { error: { code: string } };
    expect(graph.error.code).toBe('InvalidAuthenticationToken');
    const page = await (await fetch(`${base}/`)).text();
    expect(page).toContain('Connexion locale');
    expect(page).not.toContain(key);
    expect(await outboxSize()).toBe(before);
  });

  it('signs a browser in with the key only: HttpOnly, SameSite=Strict cookie', async () => {
    expect((await fetch(`${base}/local/signin?cle=nope`, { redirect: 'manual' })).status).toBe(401);
    const ok = await fetch(`${base}/local/signin?cle=${encodeURIComponent(key)}`, { redirect: 'manual' });
    expect(ok.status).toBe(303);
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^pst-session=[^;]+; Path=\/; HttpOnly; SameSite=Strict$/);
    const form = await fetch(`${base}/local/signin`, { method: 'POST', body: new URLSearchParams({ cle: key }), redirect: 'manual' });
    expect(form.status).toBe(303);
    const session = cookie.split(';')[0];
    const signedIn = { Cookie: `${session}; pst-user=${encodeURIComponent(ANNE)}` };
    expect((await fetch(`${base}/local/outbox`, { headers: signedIn })).status).toBe(200);
    const me = (await (await fetch(`${base}/sites/pst/_api/web/currentuser?$select=Email`, { headers: { ...signedIn, Accept: 'application/json' } })).json()) as { Email: string };
    expect(me.Email).toBe(ANNE);
  });

  it('never serves the data folder, even signed in', async () => {
    const signedIn = { Cookie: `pst-session=${key}` };
    for (const p of [`/@fs${dataFile}`, `/@fs${path.join(REPO, 'data', 'pst.sqlite')}`, `/@fs${path.join(folder, 'local-session.key')}`, `/@fs${path.resolve(__dirname, '../../..', 'package.json')}`]) {
      const response = await fetch(`${base}${p}`, { headers: signedIn });
      const body = await response.text();
      // Refused (403), or the page's fallback when the file does not exist: never the file itself.
      expect({ p, served: response.status === 200 && (body.startsWith('SQLite format') || body.includes(key) || body.includes('"name": "pst-cpas"')) }).toEqual({ p, served: false });
      if (fs.existsSync(p.substring('/@fs'.length))) expect({ p, status: response.status }).toEqual({ p, status: 403 });
    }
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(new URL(base).hostname).toBe('127.0.0.1');
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    const port = Number(new URL(base).port);
    const reach = (host: string) =>
      new Promise<boolean>((resolve) => {
        const socket = net.connect({ host, port }, () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
    expect(await reach('127.0.0.1')).toBe(true);
    if (external) expect({ host: external.address, reachable: await reach(external.address) }).toEqual({ host: external.address, reachable: false });
  });
});

describe('mail through the local Graph, with the key', () => {
  const mail = (subject: string) => ({ message: { subject, toRecipients: [{ emailAddress: { address: CLAIRE } }], body: { contentType: 'text', content: 'x' } } });

  it('sends as the token’s own user only: another mailbox, a foreign From and another user’s Sent Items are refused', async () => {
    const before = await outboxSize();
    const asAnne = { ...keyed(ANNE), 'Content-Type': 'application/json' };
    const other = await fetch(`${base}/graph/v1.0/users/${CLAIRE}/sendMail`, { method: 'POST', headers: asAnne, body: JSON.stringify(mail('usurpé')) });
    expect(other.status).toBe(403);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('ErrorAccessDenied');
    const foreignFrom = await fetch(`${base}/graph/v1.0/me/sendMail`, {
      method: 'POST',
      headers: asAnne,
      body: JSON.stringify({ message: { ...mail('usurpé').message, from: { emailAddress: { address: CLAIRE } } } }),
    });
    expect(foreignFrom.status).toBe(403);
    expect(((await foreignFrom.json()) as { error: { code: string } }).error.code).toBe('ErrorSendAsDenied');
    const mime = buildMimeMessage({ from: { name: 'Claire', email: CLAIRE }, to: [{ name: 'Anne', email: ANNE }], mail: { subject: 'usurpé', text: 'x', html: '<p>x</p>' } });
    const foreignMime = await fetch(`${base}/graph/v1.0/me/sendMail`, { method: 'POST', headers: { ...keyed(ANNE), 'Content-Type': 'text/plain' }, body: mimeForGraph(mime) });
    expect(foreignMime.status).toBe(403);
    const sentItems = await fetch(`${base}/graph/v1.0/users/${CLAIRE}/mailFolders/sentitems/messages?$filter=internetMessageId eq 'x'`, { headers: keyed(ANNE) });
    expect(sentItems.status).toBe(403);
    expect(await outboxSize()).toBe(before);

    const own = await fetch(`${base}/graph/v1.0/users/${ANNE}/sendMail`, { method: 'POST', headers: asAnne, body: JSON.stringify(mail('le mien')) });
    expect(own.status).toBe(202);
    expect(await outboxSize()).toBe(before + 1);
  });

  it('refuses a Graph request over 4 MB with 413', async () => {
    const big = await fetch(`${base}/graph/v1.0/me/sendMail`, { method: 'POST', headers: { ...keyed(ANNE), 'Content-Type': 'application/json' }, body: 'x'.repeat(5 * 1024 * 1024) });
    expect(big.status).toBe(413);
  });
});
