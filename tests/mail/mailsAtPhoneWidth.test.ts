/**
 * Issue 15, point 7: the lead digest reads at phone width. Its HTML is laid out by
 * Chromium at 390 px (a phone) and at 1024 px: nothing wider than the screen, every
 * « Noter un suivi » button inside it and as tall as a finger needs.
 */
import type { Browser } from 'playwright-core';
import { leadDigestMail } from '../../src/mail/mailTemplates';
import { leadDigests } from '../../src/domain/reminders';
import { createAction, Person } from '../../src/domain/model';
import { parsePeriod, isParseError } from '../../src/domain/parsing';
import { launchChromium } from '../node/local/intranetSupport';

jest.setTimeout(60_000);

const day = (text: string) => {
  const p = parsePeriod(text);
  if (!p || isParseError(p)) throw new Error(text);
  return p;
};
const sophie: Person = { id: 2, displayName: 'Sophie Lambert', email: 'sophie.lambert@cpas.example' };
const actions = [
  createAction({ id: 12, code: '1.1.1.1.1', title: "Marché public de téléphonie fixe et mobile pour l'ensemble des services du CPAS et de la maison de repos", status: 'EN_COURS', plannedEnd: day('01/10/2026'), lastCheckInDate: '2026-09-02', projectLead: sophie }),
  createAction({ id: 13, code: '2.1', title: 'Crèche', status: 'EN_COURS', plannedEnd: day('30/11/2026'), lastCheckInDate: '2026-11-20', projectLead: sophie }),
  createAction({ id: 14, code: '2.2', title: 'Accueil extrascolaire', status: 'EN_COURS', plannedEnd: day('2027'), lastCheckInDate: '2026-03-01', projectLead: sophie }),
];
const { digests } = leadDigests(actions, '2026-11-23', new Set());
const mail = leadDigestMail(digests[0], {
  lang: 'fr',
  organisation: 'CPAS de Binche',
  linkToAction: (id) => `https://cpas.sharepoint.com/sites/pst/SitePages/Suivi-du-PST.aspx#pst=action-${id}`,
  pathOf: () => 'OS 1 Assurer une gestion moderne et efficace › OO 1.1 Moderniser les outils de communication',
});

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

describe.each([390, 1024])('the lead digest at %i px', (width) => {
  it('fits the width, with one reachable button per action', async () => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await page.setContent(mail.html);
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      buttons: Array.from(document.querySelectorAll('a'))
        .filter((a) => a.textContent === 'Noter un suivi')
        .map((a) => {
          const box = a.getBoundingClientRect();
          return { right: box.right, height: box.height, href: a.getAttribute('href') };
        }),
    }));
    await page.close();
    expect(layout.scrollWidth).toBeLessThanOrEqual(width);
    expect(layout.buttons.map((b) => b.href!.replace(/.*#/, '#'))).toEqual(['#pst=action-12', '#pst=action-13', '#pst=action-14']);
    for (const button of layout.buttons) {
      expect(button.right).toBeLessThanOrEqual(width);
      expect(button.height).toBeGreaterThanOrEqual(32);
    }
  });
});
