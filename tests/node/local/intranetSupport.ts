/**
 * The local intranet for browser tests: the real `npm start` entry on a free port with a
 * fresh data file, its sign-in key, and the Chromium that `chromiumExecutable` picks.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Browser, Locator, Page, chromium } from 'playwright-core';
import { chromiumExecutable } from './chromiumExecutable';

export const REPO = path.resolve(__dirname, '../../..');

export interface LocalIntranet {
  readonly baseUrl: string;
  readonly dataFolder: string;
  /** The key `npm start` writes next to its data file (`local-session.key`). */
  readonly keyFile: string;
  readonly sessionKey: string;
  /** What `npm start` printed so far. */
  output(): string;
  stop(): void;
}

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

export async function startLocalIntranet(folderPrefix: string): Promise<LocalIntranet> {
  const dataFolder = fs.mkdtempSync(path.join(os.tmpdir(), folderPrefix));
  const port = await freePort();
  const server: ChildProcess = spawn(path.join(REPO, 'node_modules', '.bin', 'tsx'), ['src/node/local/start.ts', '--port', String(port), '--data', path.join(dataFolder, 'pst.sqlite')], {
    cwd: REPO,
    env: { ...process.env, PATH: `${path.join(REPO, 'node_modules', '.bin')}:${process.env.PATH}` },
  });
  let output = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not answer in time:\n${output}`)), 180_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Intranet local du PST : (http:\/\/\S+?)\/?\s/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    server.stdout!.on('data', read);
    server.stderr!.on('data', read);
    server.on('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
  const keyFile = path.join(dataFolder, 'local-session.key');
  return {
    baseUrl,
    dataFolder,
    keyFile,
    sessionKey: fs.readFileSync(keyFile, 'utf8').trim(),
    output: () => output,
    stop: () => {
      server.kill('SIGTERM');
      fs.rmSync(dataFolder, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  const executable = chromiumExecutable();
  return chromium.launch({
    executablePath: executable.path,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...executable.extraArgs],
  });
}

/**
 * Runs a command of a web part's command bar (shell/PlanCommandBar) as a user would: from
 * the bar, or from its « Autres commandes » menu when the column is too narrow for it;
 * `path` goes through the menus (« Plan », then « Journal des modifications »).
 */
export async function barCommand(page: Page, webPart: Locator, path: readonly string[]): Promise<void> {
  const bar = webPart.getByRole('menubar', { name: 'Commandes du plan' });
  await bar.waitFor({ timeout: 60_000 });
  const [first, ...rest] = path;
  const inBar = bar.getByRole('menuitem', { name: first, exact: true });
  if ((await inBar.count()) > 0) await inBar.click();
  else {
    await bar.getByRole('menuitem', { name: 'Autres commandes' }).click();
    await page.getByRole('menu').getByRole('menuitem', { name: first, exact: true }).click();
  }
  for (const name of rest) await page.getByRole('menu').getByRole('menuitem', { name, exact: true }).click();
}
