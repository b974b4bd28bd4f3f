/**
 * The published PST: a complete page without script, French, nothing internal unless asked;
 * axe-core in Chromium finds no serious or critical violation, on screen and in print.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { publicPageHtml } from '../../src/export/publicPage';
import { buildSamplePst } from '../../src/node/local/samplePst';
import type { OutlineDocument } from '../../src/import/toPlan';
import sampleOutline from '../../src/node/local/sample/binche-2019-2024.outline.json';
import { launchChromium } from '../node/local/intranetSupport';
import { reportInput, TODAY } from './report/reportFixture';

jest.setTimeout(120_000);

function fixture() {
  const input = reportInput();
  return { ...input, actions: input.actions.map((a) => (a.id === 101 ? { ...a, comments: 'Note interne du comité' } : a)) };
}

describe('the published PST (HTML)', () => {
  const html = publicPageHtml(fixture(), { today: TODAY });

  it('is one French page without script: title, date of the data, the tree with progress and the public fields', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="fr-BE">');
    expect(html).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
    expect(html).not.toMatch(/<link|src="http|url\(/i);
    expect(html).toContain('<h1>PST 2025-2030</h1>');
    expect(html).toContain('Données au <time datetime="2026-11-23">23/11/2026</time>');
    expect(html).toMatch(/<h2 id="os-1"><span class="code">Objectif stratégique 1<\/span> – Un accueil de qualité<\/h2>/);
    expect(html).toMatch(/<h3 id="oo-11">/);
    expect(html).toContain('Refaire le guichet');
    expect(html).toContain('<dt>Fin prévue</dt><dd>30/09/2026</dd>');
    expect(html).toContain('<dt>Chef de projet</dt><dd>Marie Dupont</dd>');
    expect(html).toContain('Visiteurs accueillis : 1\u00a0234,5 sur un objectif de 1\u00a0500 pers. (2026)');
    expect(html).toContain('Avancement : 40\u00a0%');
    expect(html).toContain('<dt>Aussi rattachée à</dt><dd>2.1</dd>');
  });

  it('leaves out comments, e-mails and check-in authors unless chosen', () => {
    for (const internal of ['Marché public relancé', 'Ancien commentaire', 'Note interne du comité', 'marie@cpas.example', 'jean@cpas.example', 'Dernier suivi', 'tutelle']) {
      expect([internal, html.includes(internal)]).toEqual([internal, false]);
    }
    const withAll = publicPageHtml(fixture(), { today: TODAY, comments: true, emails: true, checkIns: true });
    expect(withAll).toContain('Marché public relancé');
    expect(withAll).toContain('Note interne du comité');
    expect(withAll).toContain('Marie Dupont (marie@cpas.example)');
    expect(withAll).toContain('<dt>Dernier suivi</dt><dd>15/10/2026 – Marie Dupont</dd>');
    expect(publicPageHtml(fixture(), { today: TODAY, emails: true })).not.toContain('Marché public relancé');
  });

  it('gives every heading its own id (a transversal action and its sub-action appear under each OO)', () => {
    const ids = Array.from(html.matchAll(/ id="([^"]+)"/g)).map((m) => m[1]);
    expect(ids.filter((id) => id.startsWith('a-103-'))).toHaveLength(2);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('escapes what people typed', () => {
    const input = fixture();
    const page = publicPageHtml({ ...input, actions: input.actions.map((a) => (a.id === 104 ? { ...a, title: 'Plan <b>formation</b> & "suivi"' } : a)) }, { today: TODAY });
    expect(page).toContain('Plan &lt;b&gt;formation&lt;/b&gt; &amp; "suivi"');
  });

  describe('in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('has no serious or critical axe-core violation (the sample PST), on screen and printed', async () => {
      const sample = buildSamplePst(sampleOutline as OutlineDocument, TODAY);
      const page = await browser.newPage();
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pst-public-'));
      const file = path.join(folder, 'index.html');
      fs.writeFileSync(file, publicPageHtml({ ...sample.data, checkIns: [] }, { today: TODAY }));
      await page.goto(`file://${file}`);
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const run = () =>
        page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
        });
      const screen = await run();
      expect(screen.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      await page.emulateMedia({ media: 'print' });
      const printed = await run();
      expect(printed.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      // The small plan too (a transversal action with a sub-action, internal fields shown).
      const small = await browser.newPage();
      await small.setContent(publicPageHtml(fixture(), { today: TODAY, comments: true, emails: true, checkIns: true }));
      await small.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const smallViolations = await small.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
        return (await axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact }));
      });
      expect(smallViolations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      await small.close();
      expect(await page.locator('h2[id^="os-"]').count()).toBe(9);
      expect(await page.locator('h3[id^="oo-"]').count()).toBe(23);
      // Screenshot and PDF for a look at the rendering (kept in the temp folder).
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: path.join(folder, 'page.png') });
      await page.pdf({ path: path.join(folder, 'page.pdf'), format: 'A4' });
      if (process.env.PST_KEEP_RENDERING) fs.cpSync(folder, process.env.PST_KEEP_RENDERING, { recursive: true });
      fs.rmSync(folder, { recursive: true, force: true });
      await page.close();
    });
  });
});
