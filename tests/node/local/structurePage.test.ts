/**
 * Structure editing in Chromium on the local intranet (issue 13, points 1 and 5): the
 * coordinator renames an OS, adds an OO under it, moves the OO to another OS, archives it
 * and reads the change log; drags an action to another OO with the mouse (and is refused an
 * OS dropped on an action); a lead and a reader are offered none of it, and the embedded
 * store refuses their writes to the structure lists as SharePoint would.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { barCommand, launchChromium, LocalIntranet, startLocalIntranet } from './intranetSupport';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { createNodeSp } from '../../../src/node/sp/nodeSp';
import { localToken } from '../../../src/node/local/localSession';
import { PstError, ForbiddenError } from '../../../src/data/errors';
import { actionsList } from '../../../src/schema/listSchema';
import { lookupIdProperty } from '../../../src/schema/query';

jest.setTimeout(300_000);

const COORDINATOR = 'anne.dupont@cpas.example';
const LEAD = 'sophie.lambert@cpas.example';
const READER = 'lucie.moreau@cpas.example';
const TREE = 'Arbre des objectifs';

let intranet: LocalIntranet | undefined;
let browser: Browser;

async function openAs(email: string): Promise<Page> {
  // Tall enough for the tree's window (70 % of the height) to hold every OS and OO row: the
  // tree renders the rows in view only.
  const context = await browser.newContext({ viewport: { width: 1440, height: 6000 } });
  await context.addCookies([
    { name: 'pst-session', value: intranet!.sessionKey, url: intranet!.baseUrl },
    { name: 'pst-user', value: encodeURIComponent(email), url: intranet!.baseUrl },
  ]);
  const page = await context.newPage();
  await page.goto(`${intranet!.baseUrl}/`);
  await tree(page).getByRole('tree').waitFor({ timeout: 60_000 });
  return page;
}

const tree = (page: Page) => page.locator(`section[aria-label="${TREE}"]`);
const row = (page: Page, nodeId: string) => tree(page).locator(`li[data-node-id="${nodeId}"]`).first();

async function rowMenu(page: Page, nodeId: string, command: string): Promise<void> {
  await row(page, nodeId).locator('[data-testid="structure-menu"]').click();
  await page.getByRole('menuitem', { name: command }).click();
}

/** Waits until the tree shows a row whose text contains `text` (after the page read the plan again). */
async function rowWithText(page: Page, text: string) {
  const found = tree(page).locator('li[role="treeitem"]', { hasText: text }).first();
  await found.waitFor({ timeout: 30_000 });
  return found;
}

/**
 * A drag with the mouse as a user makes it (press, move in steps, release); `during` runs
 * while the pointer is over the target, before the release.
 */
async function dragWithMouse(page: Page, from: Locator, to: Locator, during: () => Promise<void>): Promise<void> {
  await from.scrollIntoViewIfNeeded();
  const start = (await from.boundingBox())!;
  await page.mouse.move(start.x + 40, start.y + start.height / 2);
  await page.mouse.down();
  await to.scrollIntoViewIfNeeded();
  const end = (await to.boundingBox())!;
  await page.mouse.move(end.x + 60, end.y + end.height / 2, { steps: 12 });
  await page.mouse.move(end.x + 64, end.y + end.height / 2, { steps: 2 });
  await during();
  await page.mouse.up();
}

beforeAll(async () => {
  intranet = await startLocalIntranet('pst-structure-');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  intranet?.stop();
});

describe('structure editing in Chromium', () => {
  let firstOs: string;
  let secondOs: string;
  let newOo: string;

  it('the coordinator renames an OS, adds an OO, moves it, archives it, and reads the change log', async () => {
    const page = await openAs(COORDINATOR);
    await tree(page).getByRole('button', { name: "Déplier jusqu'aux OO" }).click();
    const osIds = await tree(page).locator('li[data-node-id^="os-"]').evaluateAll((items) => [...new Set(items.map((i) => i.getAttribute('data-node-id')!))]);
    expect(osIds.length).toBeGreaterThan(1);
    [firstOs, secondOs] = osIds;

    // Rename (keyboard: type, Enter submits).
    await rowMenu(page, firstOs, 'Renommer ou changer le code…');
    const dialog = page.getByRole('dialog');
    const title = dialog.getByRole('textbox', { name: /Intitulé/ });
    await title.fill('Un CPAS accueillant et accessible');
    await title.press('Enter');
    await rowWithText(page, 'Un CPAS accueillant et accessible');

    // Add an OO under it, with the code the dialog proposes.
    await rowMenu(page, firstOs, 'Ajouter un objectif opérationnel…');
    const proposed = await page.getByRole('dialog').getByRole('textbox', { name: 'Code' }).inputValue();
    expect(proposed).not.toBe('');
    await page.getByRole('dialog').getByRole('textbox', { name: /Intitulé/ }).fill('Accueil numérique de test');
    await page.getByRole('dialog').getByRole('button', { name: 'Enregistrer' }).click();
    const added = await rowWithText(page, 'Accueil numérique de test');
    newOo = (await added.getAttribute('data-node-id'))!;
    expect(newOo).toMatch(/^oo-\d+$/);
    expect(await added.getAttribute('data-key')).toContain(`${firstOs}/`);

    // Move it to the second OS.
    await rowMenu(page, newOo, 'Déplacer vers…');
    await page.getByRole('dialog').getByRole('combobox', { name: /Nouvel emplacement/ }).click();
    const secondLabel = (await row(page, secondOs).locator('[id$="-t"]').first().innerText()).trim();
    await page.getByRole('option', { name: secondLabel }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForFunction(
      ([id, os]) => [...document.querySelectorAll(`li[data-node-id="${id}"]`)].some((li) => (li.getAttribute('data-key') ?? '').includes(`${os}/`)),
      [newOo, secondOs],
      { timeout: 30_000 },
    );

    // Archive it: gone from the tree, back with « Afficher les éléments archivés ».
    await rowMenu(page, newOo, 'Archiver…');
    await page.getByRole('dialog').getByRole('button', { name: 'Archiver' }).click();
    await tree(page).locator(`li[data-node-id="${newOo}"]`).waitFor({ state: 'detached', timeout: 30_000 });
    await tree(page).getByRole('menuitemcheckbox', { name: 'Afficher les éléments archivés' }).click();
    await tree(page).getByRole('button', { name: 'Tout déplier' }).click();
    await expect(rowWithText(page, 'Accueil numérique de test')).resolves.toBeTruthy();

    // The change log: who, when, what.
    await barCommand(page, tree(page), ['Plan', 'Journal des modifications']);
    const log = page.getByTestId('change-log');
    await log.waitFor({ timeout: 30_000 });
    const text = await log.innerText();
    expect(text).toContain('Anne Dupont');
    expect(text).toMatch(/\d\d\/\d\d\/\d{4} \d\d:\d\d/);
    expect(text).toContain('nouvel intitulé « Un CPAS accueillant et accessible »');
    expect(text).toContain("Ajout de l'OO");
    expect(text).toContain('déplacé vers');
    expect(text).toContain('archivé');
    await page.context().close();
  });

  it('the coordinator drags an action onto another OO with the mouse: the store holds the move, the log says it', async () => {
    const page = await openAs(COORDINATOR);
    await tree(page).getByRole('button', { name: 'Tout déplier' }).click();
    const keys = await tree(page).locator('li[role="treeitem"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-key') ?? ''));
    // A top-level action under an OO, and an OO shown further down that it does not serve.
    const actionKey = keys.find((k) => /\/oo-\d+\/action-\d+$/.test(k))!;
    const [fromOo, actionNode] = actionKey.split('/').slice(-2);
    const served = new Set(keys.filter((k) => k.endsWith(`/${actionNode}`)).map((k) => k.split('/').slice(-2)[0]));
    const targetKey = keys.find((k) => /\/oo-\d+$/.test(k) && !served.has(k.split('/').pop()!) && keys.indexOf(k) > keys.indexOf(actionKey))!;
    const targetOo = targetKey.split('/').pop()!;
    expect(fromOo).not.toBe(targetOo);
    const source = tree(page).locator(`li[data-key="${actionKey}"] > .pst-tree-row`);
    const target = tree(page).locator(`li[data-key="${targetKey}"] > .pst-tree-row`);
    expect(await source.getAttribute('draggable')).toBe('true');

    // A refused drop first: an OS on the action; the row says so, nothing is sent.
    const osRow = tree(page).locator('li[data-node-id^="os-"] > .pst-tree-row').first();
    await dragWithMouse(page, osRow, source, async () => expect(await source.getAttribute('data-drop')).toBe('refused'));
    await tree(page).getByText(/^Dépôt impossible sur .+ : déposez-le sur une section/).waitFor({ timeout: 10_000 });

    // The move: the OO row shows where the action goes while it is dragged over it.
    await dragWithMouse(page, source, target, async () => expect(await target.getAttribute('data-drop')).toBe('inside'));
    await page.waitForFunction(
      ([node, oo]) => [...document.querySelectorAll(`li[data-node-id="${node}"]`)].some((li) => (li.getAttribute('data-key') ?? '').endsWith(`${oo}/${node}`)),
      [actionNode, targetOo],
      { timeout: 30_000 },
    );
    await tree(page).getByText(/^Modification enregistrée : L'action .+ déplacé vers l'OO/).waitFor({ timeout: 10_000 });

    // What the store holds: the action serves the target OO instead of the one it came from.
    const sp = createNodeSp(`${intranet!.baseUrl}/sites/pst`, async () => localToken(COORDINATOR, intranet!.sessionKey));
    const objectives = lookupIdProperty(actionsList.fields.operationalObjectives);
    const stored = (await sp.web.getList(`/sites/pst/Lists/${actionsList.urlName}`).items.getById(Number(actionNode.replace('action-', ''))).select(objectives)()) as Record<string, unknown>;
    const ids = stored[objectives] as number[];
    expect(ids).toContain(Number(targetOo.replace('oo-', '')));
    expect(ids).not.toContain(Number(fromOo.replace('oo-', '')));
    const log = (await sp.web.getList('/sites/pst/Lists/PstChangeLog').items.orderBy('Id', false).top(1)()) as { Title: string }[];
    expect(log[0].Title).toMatch(/^L'action .+ déplacé vers l'OO /);
    await page.context().close();
  });

  for (const [who, email] of [
    ['a lead', LEAD],
    ['a reader', READER],
  ] as const) {
    it(`${who} is offered no structure command, and the store refuses their writes`, async () => {
      const page = await openAs(email);
      await tree(page).getByRole('button', { name: 'Tout déplier' }).click();
      // A lead starts on « Mes actions »: any OS, OO or action row will do.
      const anyRow = tree(page).locator('li[data-node-id^="action-"], li[data-node-id^="oo-"], li[data-node-id^="os-"]').first();
      await anyRow.waitFor();
      expect(await tree(page).locator('[data-testid="structure-menu"]').count()).toBe(0);
      // Nothing to drag either.
      expect(await tree(page).locator('[draggable="true"]').count()).toBe(0);
      // The command bar holds the report alone: no « Ajouter », no « Plan », no archived toggle, nothing in an overflow menu.
      const bar = tree(page).getByRole('menubar', { name: 'Commandes du plan' });
      await bar.waitFor();
      const commands = await bar.locator('[role^="menuitem"]').allInnerTexts();
      expect(commands).toHaveLength(1);
      expect(commands[0]).toContain('Générer un rapport');
      // Shift+F10 on a row: only « Copier le lien ».
      await anyRow.focus();
      await page.keyboard.press('Shift+F10');
      const menu = page.locator('.ms-ContextualMenu-list');
      await menu.waitFor();
      const items = await menu.getByRole('menuitem').allInnerTexts();
      // (the text of an item starts with its icon's glyph)
      expect(items).toHaveLength(1);
      expect(items[0]).toContain('Copier le lien');
      await page.context().close();

      // With a REST client and their own token: the structure lists and the change log refuse.
      const sp = createNodeSp(`${intranet!.baseUrl}/sites/pst`, async () => localToken(email, intranet!.sessionKey));
      const osId = Number(firstOs.replace('os-', ''));
      const rename = await sp.web.getList('/sites/pst/Lists/PstStrategicObjectives').items.getById(osId).update({ Title: 'Piraté' }).catch((e: unknown) => e);
      expect(PstError.from(rename)).toBeInstanceOf(ForbiddenError);
      const add = await sp.web.getList('/sites/pst/Lists/PstOperationalObjectives').items.add({ Title: 'Piraté', PstStrategicObjectiveId: osId }).catch((e: unknown) => e);
      expect(PstError.from(add)).toBeInstanceOf(ForbiddenError);
      const log = await sp.web.getList('/sites/pst/Lists/PstChangeLog').items.add({ Title: 'Faux' }).catch((e: unknown) => e);
      expect(PstError.from(log)).toBeInstanceOf(ForbiddenError);
      const stored = (await sp.web.getList('/sites/pst/Lists/PstStrategicObjectives').items.getById(osId).select('Title')()) as { Title: string };
      expect(stored.Title).toBe('Un CPAS accueillant et accessible');
    });
  }
});
