/**
 * `npx tsx src/node/teams/drawIcons.ts`: draws the Teams app's icons from their SVG sources
 * (icons/color.svg, icons/outline.svg) with Chromium, into icons/color.png (192×192) and
 * icons/outline.png (32×32, transparent background). The PNGs are committed: the package
 * (buildTeamsPackage.ts) reads them, so building needs no browser. Run again after an SVG
 * changes; tests/node/teams/teamsPackage.test.ts checks Teams' rules on the result.
 * Chromium: `CHROMIUM_PATH`, else /usr/bin/chromium.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

export const ICONS_FOLDER = path.join(__dirname, 'icons');
const ICONS = [
  { svg: 'color.svg', png: 'color.png', size: 192 },
  { svg: 'outline.svg', png: 'outline.png', size: 32 },
];

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const icon of ICONS) {
      const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size }, deviceScaleFactor: 1 });
      const svg = fs.readFileSync(path.join(ICONS_FOLDER, icon.svg), 'utf8');
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
      const png = await page.locator('svg').screenshot({ omitBackground: true });
      fs.writeFileSync(path.join(ICONS_FOLDER, icon.png), png);
      console.log(`${icon.png} : ${icon.size}×${icon.size}, ${png.length} octets`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
