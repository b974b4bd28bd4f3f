/**
 * The one place that decides which Chromium the browser tests and benches launch:
 * `CHROMIUM_PATH` when set, else the system's (`/usr/bin/chromium`, Debian), else the
 * headless shell that `npm ci` installed with `@sparticuz/chromium` (a fresh machine has
 * no system browser and cannot download one). `PST_SYSTEM_CHROMIUM` names the system
 * path to look for; pointing it at a missing file shows the fallback on a machine that
 * has Chromium.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');
const SYSTEM_CHROMIUM = process.env.PST_SYSTEM_CHROMIUM ?? '/usr/bin/chromium';

export interface ChromiumExecutable {
  readonly path: string;
  readonly source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
  /** Flags this build needs on top of the common ones. */
  readonly extraArgs: readonly string[];
}

function packagedChromiumVersion(): string {
  const manifest = path.join(REPO, 'node_modules', '@sparticuz', 'chromium', 'package.json');
  if (!fs.existsSync(manifest)) {
    throw new Error(`No Chromium: ${SYSTEM_CHROMIUM} is absent and @sparticuz/chromium is not installed (run npm ci).`);
  }
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/**
 * Unpacks the package's Brotli archives once per checkout into node_modules/.cache (the
 * package itself would write to the shared /tmp, where parallel runs would race). The
 * package is ES modules only, so a child Node unpacks it into a private folder that is
 * then renamed into place: a concurrent run sees either nothing or a whole browser.
 */
function packagedChromium(): string {
  const version = packagedChromiumVersion();
  const cacheRoot = path.join(REPO, 'node_modules', '.cache', 'pst-chromium');
  const finalFolder = path.join(cacheRoot, version);
  const binary = path.join(finalFolder, 'chromium');
  if (fs.existsSync(binary)) return binary;
  fs.mkdirSync(cacheRoot, { recursive: true });
  const staging = fs.mkdtempSync(path.join(cacheRoot, `unpack-${process.pid}-`));
  try {
    execFileSync(process.execPath, ['--input-type=module', '-e', "const { default: c } = await import('@sparticuz/chromium'); console.log(await c.executablePath());"], {
      cwd: REPO,
      env: { ...process.env, TMPDIR: staging },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      fs.renameSync(staging, finalFolder);
    } catch (error) {
      // Another run renamed its copy first: keep that one.
      if (!fs.existsSync(binary)) throw error;
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return binary;
}

let resolved: ChromiumExecutable | undefined;

export function chromiumExecutable(): ChromiumExecutable {
  if (resolved) return resolved;
  if (process.env.CHROMIUM_PATH) {
    resolved = { path: process.env.CHROMIUM_PATH, source: 'CHROMIUM_PATH', extraArgs: [] };
  } else if (fs.existsSync(SYSTEM_CHROMIUM)) {
    resolved = { path: SYSTEM_CHROMIUM, source: 'system', extraArgs: [] };
  } else {
    // The serverless build is a headless shell that wants no zygote and its own GL.
    resolved = { path: packagedChromium(), source: '@sparticuz/chromium', extraArgs: ['--no-zygote', '--use-gl=angle', '--use-angle=swiftshader'] };
  }
  return resolved;
}
