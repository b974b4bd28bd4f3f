/** @jest-environment ./tests/support/jsdomEnvironmentWithFetch.js */
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ConflictError } from '../../../src/data/errors';
import type { ActionDetails } from '../../../src/data/actionDetails';
import {
  NBSP,
  TODAY,
  checkIns,
  fakeRepository,
  jean,
  period,
  renderPanel,
  sampleAction,
  sampleDetails,
} from './panelTestSupport';

// Role queries are slow on Fluent's large DOM: the tests find fields by their label and
// buttons by their text, which is what a user sees too.
jest.setTimeout(30000);

const panel = (): HTMLElement => {
  const dialog = document.querySelector<HTMLElement>('[role="dialog"]');
  if (!dialog) throw new Error('the panel is not open');
  return dialog;
};
const text = (): string => panel().textContent ?? '';
const field = (label: string | RegExp): HTMLInputElement & HTMLTextAreaElement => screen.getByLabelText(label) as HTMLInputElement & HTMLTextAreaElement;
const button = (name: string, container: HTMLElement = document.body): HTMLButtonElement => {
  const label = within(container).getByText(name, { selector: '.ms-Button-label' });
  return label.closest('button') as HTMLButtonElement;
};
/** The row of a comparison or indicator table whose header cell matches. */
const row = (container: HTMLElement, header: RegExp): HTMLTableRowElement | null =>
  (Array.from(container.querySelectorAll('tr')).find((tr) => header.test(tr.querySelector('th')?.textContent ?? '')) as HTMLTableRowElement) ?? null;
const queryButton = (name: string): HTMLButtonElement | null =>
  (screen.queryByText(name, { selector: '.ms-Button-label' })?.closest('button') as HTMLButtonElement | null) ?? null;

async function openLoaded(details: ActionDetails = sampleDetails(), props = {}) {
  const repository = fakeRepository(details);
  const rendered = renderPanel(repository, props);
  await screen.findByText('Moderniser la téléphonie', { exact: false, selector: '[role="heading"], h1, h2, div' });
  await screen.findByText(/Historique des suivis/);
  return { repository, ...rendered };
}

/** The error shown next to a Fluent field: the input is invalid and described by the message. */
async function expectFieldError(input: HTMLElement, message: string): Promise<void> {
  await waitFor(() => {
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const described = ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    expect(described).toContain(message);
  });
}

describe('ActionPanel: reading an action', () => {
  it('stays closed and loads nothing without an action', () => {
    const repository = fakeRepository(sampleDetails());
    renderPanel(repository, { actionId: null });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(repository.loadActionDetails).not.toHaveBeenCalled();
  });

  it('loads the details and shows the sheet in Belgian formats', async () => {
    const { repository } = await openLoaded();
    expect(repository.loadActionDetails).toHaveBeenCalledWith(7);

    // header: code, title, OS → OO path (both OO of a transversal action), badges, lateness
    expect(screen.getByText('1.1.1.1 Moderniser la téléphonie')).toBeTruthy();
    expect(text()).toContain('Action transversale : elle sert 2 objectifs opérationnels.');
    expect(text()).toContain('1.1 Améliorer l’accueil des usagers → 1.1.1 Un accueil téléphonique joignable');
    expect(text()).toContain('1.1 Améliorer l’accueil des usagers → 1.1.2 Un guichet unique');
    expect(text()).toContain('Statut : En cours');
    expect(text()).toContain('Santé : À risque');
    expect(text()).toContain('En retard de 12 jours');

    // dates: the day used, and the text as written
    expect(text()).toContain('01/01/2024 (écrit : 2024)');
    expect(text()).toContain('31/12/2024 (écrit : 2024)');
    expect(text()).toContain('10/01/2025');

    // people as personas with their e-mail
    expect(screen.getAllByText('Marie Dupont').length).toBeGreaterThan(0);
    expect(screen.getByText('marie.dupont@cpas-binche.be').closest('a')!.getAttribute('href')).toBe('mailto:marie.dupont@cpas-binche.be');
    expect(text()).toContain('Service informatique');
    expect(text()).toContain('Conseil de l’action sociale');

    // numbers, money, vocabularies
    expect(text()).toContain(`12${NBSP}345,50${NBSP}€`);
    expect(text()).toContain('1,5');
    expect(text()).toContain('Service ordinaire');
    expect(text()).toContain('Niveau 1');
    expect(text()).toContain('ODD 9, ODD 16');
    expect(text()).toContain('Retard du fournisseur');
    expect(text()).toContain('Budget insuffisant');
    expect(text()).toContain('Suivi mensuel au CODIR.');

    // empty fields are hidden, not shown blank
    expect(text()).not.toContain('Partenaires');
    expect(text()).not.toContain('Synergies');
    expect(text()).not.toContain('Objectif politique');
  });

  it('shows the indicators with a progress bar from the baseline to the target', async () => {
    await openLoaded();
    const table = screen.getByText('Indicateurs', { selector: 'caption' }).closest('table') as HTMLElement;
    const indicator = row(table, /Appels décrochés/)!;
    expect(indicator.textContent).toContain(`60${NBSP}%`);
    expect(indicator.textContent).toContain(`90${NBSP}%`);
    expect(indicator.textContent).toContain(`75${NBSP}%`);
    expect(indicator.textContent).toContain('2024');
    // (75 − 60) / (90 − 60)
    expect(indicator.querySelector('[role="progressbar"]')!.getAttribute('aria-valuetext')).toBe(`50${NBSP}% de la cible atteint`);
  });

  it('lists the check-ins newest first with date, author, status, percent, health and comment', async () => {
    await openLoaded();
    const items = screen.getAllByTestId('check-in');
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('10/01/2025 · Marie Dupont');
    expect(items[0].textContent).toContain('En cours');
    expect(items[0].textContent).toContain(`Avancement : 35${NBSP}%`);
    expect(items[0].textContent).toContain('Santé : À risque');
    expect(items[0].textContent).toContain('Devis reçus, un fournisseur en retard.');
    expect(items[1].textContent).toContain('02/11/2024 · Jean Martin');
  });

  it('shows a clear message and a retry when the action cannot be loaded', async () => {
    const repository = fakeRepository(sampleDetails());
    repository.loadActionDetails.mockRejectedValueOnce(new Error('Délai dépassé'));
    renderPanel(repository);
    await waitFor(() => expect(document.body.textContent).toContain("L'action n'a pas pu être chargée : Délai dépassé"));
    fireEvent.click(button('Réessayer'));
    await screen.findByText(/Historique des suivis/);
    expect(repository.loadActionDetails).toHaveBeenCalledTimes(2);
  });

  it('renders the description safely: no script, no event handler, no javascript: link', async () => {
    const hostile = sampleDetails({
      action: sampleAction({
        description:
          '<p>Installer une <b>centrale</b>.<img src="x" onerror="window.__pwned = 1"></p><script>window.__pwned = 1</script>' +
          '<a href="javascript:window.__pwned=1">cliquez</a> <a href="https://www.wallonie.be">Wallonie</a>' +
          '<iframe src="https://evil.example"></iframe><div onmouseover="window.__pwned = 1" style="position:fixed">survol</div>',
      }),
    });
    await openLoaded(hostile);
    const dialog = panel();
    expect(dialog.querySelector('script, img, iframe, [onerror], [onmouseover]')).toBeNull();
    const description = within(dialog).getByText('centrale').closest('dd') as HTMLElement;
    expect(description.querySelector('[style], [class*="Ext"]')).toBeNull();
    expect(description.textContent).toContain('survol');
    expect(dialog.querySelector('a[href^="javascript"]')).toBeNull();
    expect(within(dialog).getByText('centrale').tagName).toBe('B');
    expect(text()).toContain('cliquez');
    const link = within(dialog).getByText('Wallonie').closest('a') as HTMLAnchorElement;
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('shows plain text imported from a document as paragraphs and a list', async () => {
    await openLoaded(sampleDetails({ action: sampleAction({ steps: 'Trois étapes :\n• analyse\n• marché public\n• installation' }) }));
    const items = within(panel()).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(expect.arrayContaining(['analyse', 'marché public', 'installation']));
  });
});

describe('ActionPanel: rights', () => {
  it('a reader sees the sheet read-only, with the reason, and no form', async () => {
    await openLoaded(sampleDetails({ canEdit: false }), { isCoordinator: false });
    await waitFor(() => expect(text()).toContain('Seul le chef de projet ou le coordinateur peut mettre à jour cette action.'));
    expect(queryButton('Enregistrer le suivi')).toBeNull();
    expect(queryButton('Modifier la fiche')).toBeNull();
    expect(screen.queryByLabelText('Commentaire')).toBeNull();
    expect(document.querySelector('form')).toBeNull();
  });

  it('a coordinator without the right on this item cannot edit either', async () => {
    await openLoaded(sampleDetails({ canEdit: false }), { isCoordinator: true });
    expect(queryButton('Modifier la fiche')).toBeNull();
    expect(queryButton('Enregistrer le suivi')).toBeNull();
  });

  it('the lead may add a check-in but not edit the sheet', async () => {
    await openLoaded(sampleDetails(), { isCoordinator: false });
    expect(button('Enregistrer le suivi')).toBeTruthy();
    expect(queryButton('Modifier la fiche')).toBeNull();
  });
});

describe('ActionPanel: adding a check-in', () => {
  it('starts from where the action stands, dated today', async () => {
    await openLoaded();
    expect(field('Avancement (%)').value).toBe('35');
    expect(field(/Date du suivi/).value).toBe('12/01/2025');
    expect((field('À risque') as HTMLInputElement).checked).toBe(true);
  });

  it('a lead records a check-in: the repository gets the values, the parent refreshes its figures', async () => {
    const { repository, onSaved } = await openLoaded();

    fireEvent.click(field(/Statut/));
    fireEvent.click(await screen.findByRole('option', { name: 'Problème' }));
    fireEvent.change(field('Avancement (%)'), { target: { value: '45,5' } });
    fireEvent.click(field('Bloqué'));
    fireEvent.change(field('Commentaire'), { target: { value: 'Le fournisseur ne livre pas.' } });
    fireEvent.click(button('Enregistrer le suivi'));

    await waitFor(() => expect(repository.addCheckIn).toHaveBeenCalledTimes(1));
    expect(repository.addCheckIn).toHaveBeenCalledWith(
      { actionId: 7, date: TODAY, status: 'PROBLEME', percent: 45.5, health: 'blocage', comment: 'Le fournisseur ne livre pas.', key: expect.stringMatching(/^[0-9a-z-]{16,}$/) },
      '"1"',
    );
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(onSaved.mock.calls[0][0]).toMatchObject({ id: 7, status: 'PROBLEME', progressPercent: 45.5, health: 'blocage', lastCheckInDate: TODAY });

    // the history shows it first, the header the new state, and the form is ready again
    await waitFor(() => expect(screen.getAllByTestId('check-in')).toHaveLength(3));
    expect(screen.getAllByTestId('check-in')[0].textContent).toContain('Le fournisseur ne livre pas.');
    expect(text()).toContain('Statut : Problème');
    await waitFor(() => expect(text()).toContain('Suivi enregistré.'));
    expect(field('Commentaire').value).toBe('');
  });

  it('uses the new ETag for the next save', async () => {
    const { repository } = await openLoaded();
    fireEvent.change(field('Commentaire'), { target: { value: 'Toujours le fournisseur.' } });
    fireEvent.click(button('Enregistrer le suivi'));
    await waitFor(() => expect(repository.addCheckIn).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(text()).toContain('Suivi enregistré.'));
    fireEvent.change(field('Commentaire'), { target: { value: 'Encore le fournisseur.' } });
    fireEvent.click(button('Enregistrer le suivi'));
    await waitFor(() => expect(repository.addCheckIn).toHaveBeenCalledTimes(2));
    expect(repository.addCheckIn.mock.calls[1][1]).toBe('"2"');
  });

  it.each([
    ['120', "L'avancement doit être compris entre 0 et 100 % (valeur saisie : 120 %)."],
    ['abc', '« abc » n\'est pas un pourcentage : tapez un nombre entre 0 et 100, par exemple 35 ou 35,5.'],
    ['35,55', "L'avancement accepte au plus une décimale (par exemple 35,5 %), pas 35,55 %."],
  ])('an invalid percent (%s) is explained next to the field and nothing is saved', async (typed, message) => {
    const { repository, onSaved } = await openLoaded();
    const percent = field('Avancement (%)');
    fireEvent.change(percent, { target: { value: typed } });
    fireEvent.click(button('Enregistrer le suivi'));
    await expectFieldError(percent, message);
    expect(document.activeElement).toBe(percent);
    expect(repository.addCheckIn).not.toHaveBeenCalled();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('refuses a date in the future or a date that is not a day, next to the date field', async () => {
    const { repository } = await openLoaded();
    const date = field(/Date du suivi/);
    fireEvent.change(date, { target: { value: '13/01/2025' } });
    fireEvent.click(button('Enregistrer le suivi'));
    await expectFieldError(date, 'La date du suivi (13/01/2025) est dans le futur : nous sommes le 12/01/2025.');
    fireEvent.change(date, { target: { value: '01/2025' } });
    await expectFieldError(date, 'Indiquez un jour précis, par exemple 12/01/2025.');
    fireEvent.change(date, { target: { value: '31/02/2024' } });
    await expectFieldError(date, "Le 31/02/2024 n'existe pas : février 2024 compte 29 jours.");
    expect(repository.addCheckIn).not.toHaveBeenCalled();
  });

  it('requires a reason when the action is blocked: nothing saved until the comment says why', async () => {
    const { repository } = await openLoaded();
    fireEvent.click(field('Bloqué'));
    fireEvent.click(button('Enregistrer le suivi'));
    await waitFor(() => expect(text()).toContain('« Bloqué » demande une raison'));
    expect(repository.addCheckIn).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(field('Commentaire'));
    fireEvent.change(field('Commentaire'), { target: { value: 'Le fournisseur ne répond plus.' } });
    fireEvent.click(button('Enregistrer le suivi'));
    await waitFor(() => expect(repository.addCheckIn).toHaveBeenCalledTimes(1));
  });
});

describe('ActionPanel: conflicts and failures', () => {
  function otherVersion(): ActionDetails {
    return sampleDetails({
      etag: '"9"',
      action: sampleAction({ progressPercent: 50, health: 'blocage', lastCheckInDate: '2025-01-11' }),
      checkIns: [
        { id: 101, actionId: 7, date: '2025-01-11', author: jean, status: 'EN_COURS', percent: 50, health: 'blocage', comment: 'Marché attribué.' },
        ...checkIns,
      ],
    });
  }

  it('keeps the typed comment, shows the other version, and « Garder mes modifications » re-saves on the new ETag', async () => {
    const current = otherVersion();
    const { repository, onSaved } = await openLoaded();
    repository.addCheckIn.mockRejectedValueOnce(new ConflictError(current));

    fireEvent.change(field('Avancement (%)'), { target: { value: '40' } });
    fireEvent.change(field('Commentaire'), { target: { value: 'Réunion avec le fournisseur.' } });
    fireEvent.click(button('Enregistrer le suivi'));

    const conflict = await screen.findByTestId('conflict');
    await waitFor(() =>
      expect(conflict.textContent).toContain('Cette action a été modifiée par Jean Martin le 11/01/2025 pendant que vous la modifiiez.'),
    );
    expect(field('Commentaire').value).toBe('Réunion avec le fournisseur.');
    expect(field('Avancement (%)').value).toBe('40');
    const percentRow = row(conflict, /Avancement/)!;
    expect(percentRow.textContent).toContain('40');
    expect(percentRow.textContent).toContain('50');
    const healthRow = row(conflict, /Santé/)!;
    expect(healthRow.textContent).toContain('À risque');
    expect(healthRow.textContent).toContain('Bloqué');
    expect(row(conflict, /Statut/)).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();

    fireEvent.click(button('Garder mes modifications', conflict));
    await waitFor(() => expect(repository.addCheckIn).toHaveBeenCalledTimes(2));
    // The same check-in, with the same key: had the first attempt been written, the repository would find it.
    expect(repository.addCheckIn.mock.calls[1][0].key).toBe(repository.addCheckIn.mock.calls[0][0].key);
    expect(repository.addCheckIn.mock.calls[1]).toEqual([
      { actionId: 7, date: TODAY, status: 'EN_COURS', percent: 40, health: 'risque', comment: 'Réunion avec le fournisseur.', key: expect.any(String) },
      '"9"',
    ]);
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(screen.queryByTestId('conflict')).toBeNull();
    // the history now holds the other person's check-in and ours
    await waitFor(() => expect(screen.getAllByTestId('check-in')).toHaveLength(4));
    expect(screen.getAllByTestId('check-in')[0].textContent).toContain('Réunion avec le fournisseur.');
    expect(text()).toContain('Marché attribué.');
  });

  it('« Reprendre la version enregistrée » drops the input and shows the stored version', async () => {
    const current = otherVersion();
    const { repository, onSaved } = await openLoaded();
    repository.addCheckIn.mockRejectedValueOnce(new ConflictError(current));
    fireEvent.change(field('Commentaire'), { target: { value: 'Brouillon' } });
    fireEvent.click(button('Enregistrer le suivi'));
    const conflict = await screen.findByTestId('conflict');
    fireEvent.click(button('Reprendre la version enregistrée', conflict));

    await waitFor(() => expect(screen.queryByTestId('conflict')).toBeNull());
    expect(field('Avancement (%)').value).toBe('50');
    expect(field('Commentaire').value).toBe('');
    expect(text()).toContain('Marché attribué.');
    expect(repository.addCheckIn).toHaveBeenCalledTimes(1);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('a refusal (403) is explained in French and the form is kept', async () => {
    const { repository } = await openLoaded();
    repository.addCheckIn.mockRejectedValueOnce(Object.assign(new Error('Forbidden'), { status: 403 }));
    fireEvent.change(field('Commentaire'), { target: { value: 'À garder' } });
    fireEvent.click(button('Enregistrer le suivi'));
    await waitFor(() => expect(text()).toContain("Vous n'avez pas le droit de modifier cette action."));
    expect(field('Commentaire').value).toBe('À garder');
  });

  it('a network failure is explained in French and the form is kept', async () => {
    const { repository } = await openLoaded();
    repository.addCheckIn.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    fireEvent.change(field('Commentaire'), { target: { value: 'À garder' } });
    fireEvent.click(button('Enregistrer le suivi'));
    await waitFor(() => expect(text()).toContain("Le serveur n'a pas pu être joint."));
    expect(field('Commentaire').value).toBe('À garder');
    // and a second try works
    fireEvent.click(button('Enregistrer le suivi'));
    await waitFor(() => expect(repository.addCheckIn).toHaveBeenCalledTimes(2));
  });
});

describe('ActionPanel: the coordinator edits the sheet', () => {
  async function openEditor(details = sampleDetails()) {
    const opened = await openLoaded(details, { isCoordinator: true });
    fireEvent.click(button('Modifier la fiche'));
    await screen.findByText("Modifier la fiche de l'action", { selector: 'h3' });
    return opened;
  }

  it('starts with the current values, the description as plain text', async () => {
    await openEditor(sampleDetails({ action: sampleAction({ description: '<p>Un</p><ul><li>deux</li></ul>' }) }));
    expect(field(/^Intitulé/).value).toBe('Moderniser la téléphonie');
    expect(field('Fin prévue').value).toBe('2024');
    // Budget and ETP are the means lines, edited apart: the sheet's form has no single figure.
    expect(screen.queryByLabelText('Budget prévu')).toBeNull();
    expect(screen.queryByLabelText('ETP')).toBeNull();
    expect(screen.queryByLabelText('Service budgétaire')).toBeNull();
    expect(field('Moyens (texte)').value).toBe('');
    expect(field('Description').value).toBe('Un\n• deux');
    expect(field('Risques').value).toBe('Retard du fournisseur\nBudget insuffisant');
    // the check-in form is out of the way while editing
    expect(queryButton('Enregistrer le suivi')).toBeNull();
  });

  it('explains an unreadable date next to the field, focuses it, and saves nothing', async () => {
    const { repository } = await openEditor();
    const end = field('Fin prévue');
    fireEvent.change(end, { target: { value: '31/02/2025' } });
    fireEvent.click(button('Enregistrer la fiche'));
    await expectFieldError(end, "Le 31/02/2025 n'existe pas : février 2025 compte 28 jours.");
    expect(document.activeElement).toBe(end);
    expect(repository.updateAction).not.toHaveBeenCalled();
  });

  it('saves only the changed fields, read the Belgian way, with the ETag', async () => {
    const { repository, onSaved } = await openEditor();
    fireEvent.change(field(/^Intitulé/), { target: { value: 'Moderniser la téléphonie du CPAS' } });
    fireEvent.change(field('Fin prévue'), { target: { value: '06/2025' } });
    fireEvent.change(field('Moyens (texte)'), { target: { value: 'Marché conjoint avec la commune' } });
    fireEvent.change(field('Risques'), { target: { value: 'Retard du fournisseur\n\n• Panne pendant la migration' } });
    fireEvent.change(field('Description'), { target: { value: 'Nouvelle centrale.\n• 40 postes' } });
    fireEvent.click(button('Enregistrer la fiche'));

    await waitFor(() => expect(repository.updateAction).toHaveBeenCalledTimes(1));
    const [id, changes, etag] = repository.updateAction.mock.calls[0];
    expect(id).toBe(7);
    expect(etag).toBe('"1"');
    expect(changes).toEqual({
      title: 'Moderniser la téléphonie du CPAS',
      plannedEnd: period('06/2025'),
      plannedEndText: '06/2025',
      description: '<p>Nouvelle centrale.</p><ul><li>40 postes</li></ul>',
      risks: ['Retard du fournisseur', 'Panne pendant la migration'],
      // the text only: the lines are not sent with the sheet
      resources: { text: 'Marché conjoint avec la commune' },
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(onSaved.mock.calls[0][0]).toMatchObject({ title: 'Moderniser la téléphonie du CPAS', plannedEndText: '06/2025' });
    // back to the sheet, showing the saved values
    await waitFor(() => expect(text()).toContain('30/06/2025 (écrit : 06/2025)'));
    expect(text()).toContain('Marché conjoint avec la commune');
    // the means are still those of the lines, with their total per year
    expect(screen.getByTestId('means-per-year').textContent).toContain(`12${NBSP}345,50${NBSP}€`);
    await waitFor(() => expect(text()).toContain('Fiche enregistrée.'));
  });

  it('says when there is nothing to save', async () => {
    const { repository } = await openEditor();
    fireEvent.click(button('Enregistrer la fiche'));
    await waitFor(() => expect(text()).toContain('Aucune modification à enregistrer.'));
    expect(repository.updateAction).not.toHaveBeenCalled();
  });

  it('on a conflict keeps the input, compares field by field, and keeps only the user’s changes on top of the other version', async () => {
    const current = sampleDetails({
      etag: '"9"',
      action: sampleAction({ title: 'Téléphonie (version CODIR)', comments: 'Ajouté par le CODIR.', resources: { text: 'Marché conjoint' } }),
    });
    (current as { modifiedBy?: unknown; modified?: string }).modifiedBy = jean;
    (current as { modifiedBy?: unknown; modified?: string }).modified = '2025-01-11';
    const { repository, onSaved } = await openEditor();
    repository.updateAction.mockRejectedValueOnce(new ConflictError(current));

    fireEvent.change(field(/^Intitulé/), { target: { value: 'Téléphonie et accueil' } });
    fireEvent.change(field('Risques'), { target: { value: 'Retard du fournisseur' } });
    fireEvent.click(button('Enregistrer la fiche'));

    const conflict = await screen.findByTestId('conflict');
    await waitFor(() => expect(conflict.textContent).toContain('Cette action a été modifiée par Jean Martin le 11/01/2025 pendant que vous la modifiiez.'));
    expect(field(/^Intitulé/).value).toBe('Téléphonie et accueil');
    const titleRow = row(conflict, /Intitulé/)!;
    expect(titleRow.textContent).toContain('Téléphonie et accueil');
    expect(titleRow.textContent).toContain('Téléphonie (version CODIR)');
    expect(row(conflict, /Commentaires/)!.textContent).toContain('Ajouté par le CODIR.');

    fireEvent.click(button('Garder mes modifications', conflict));
    await waitFor(() => expect(repository.updateAction).toHaveBeenCalledTimes(2));
    const [, changes, etag] = repository.updateAction.mock.calls[1];
    expect(etag).toBe('"9"');
    // only what the user changed; the resources text of the other version is kept
    expect(changes).toEqual({ title: 'Téléphonie et accueil', risks: ['Retard du fournisseur'] });
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(onSaved.mock.calls[0][0]).toMatchObject({ title: 'Téléphonie et accueil', comments: 'Ajouté par le CODIR.' });
  });

  it('cancel goes back to the sheet without saving', async () => {
    const { repository } = await openEditor();
    fireEvent.change(field(/^Intitulé/), { target: { value: 'Autre' } });
    fireEvent.click(button('Annuler'));
    await waitFor(() => expect(screen.queryByText("Modifier la fiche de l'action", { selector: 'h3' })).toBeNull());
    expect(repository.updateAction).not.toHaveBeenCalled();
    expect(screen.getByText('1.1.1.1 Moderniser la téléphonie')).toBeTruthy();
  });
});

describe('ActionPanel: themes', () => {
  it.each(['teamsDark', 'teamsContrast'] as const)('renders under the Teams %s theme', async (name) => {
    const { ThemeProvider } = await import('@fluentui/react');
    const { THEMES } = await import('../../../src/components/ui/themes');
    const { ActionPanel } = await import('../../../src/components/action/ActionPanel');
    render(
      <ThemeProvider theme={THEMES[name]}>
        <ActionPanel
          actionId={7}
          repository={fakeRepository(sampleDetails())}
          context={{ operationalObjectives: [] }}
          today={TODAY}
          lang="fr"
          isCoordinator
          onClose={() => undefined}
          onSaved={() => undefined}
        />
      </ThemeProvider>,
    );
    await screen.findByText(/Historique des suivis/);
    expect(text()).toContain('Statut : En cours');
    expect(button('Modifier la fiche')).toBeTruthy();
  });
});

describe('ActionPanel: closing', () => {
  it('calls onClose from the close button', async () => {
    const { onClose } = await openLoaded();
    fireEvent.click(screen.getByTitle('Fermer'));
    expect(onClose).toHaveBeenCalled();
  });

  it('loads the new action when actionId changes', async () => {
    const repository = fakeRepository(sampleDetails());
    repository.loadActionDetails.mockImplementation(async (id: number) =>
      sampleDetails({ action: sampleAction({ id, title: id === 7 ? 'Moderniser la téléphonie' : 'Guichet unique', code: null }) }),
    );
    const { rerender, onSaved, onClose } = renderPanel(repository);
    await screen.findByText(/Historique des suivis/);
    const { ActionPanel } = await import('../../../src/components/action/ActionPanel');
    rerender(
      <ActionPanel
        actionId={8}
        repository={repository}
        context={() => []}
        today={TODAY}
        lang="fr"
        isCoordinator={false}
        onClose={onClose}
        onSaved={onSaved}
      />,
    );
    await waitFor(() => expect(screen.getAllByText('Guichet unique').length).toBeGreaterThan(0));
    expect(repository.loadActionDetails).toHaveBeenLastCalledWith(8);
  });
});

describe('ActionPanel: asking the lead for an update', () => {
  it('lets the coordinator mail the lead, with a message, as themselves', async () => {
    const sent: { lead: string; by: string; message: string | null; objective: string }[] = [];
    const mail = {
      sendAssignment: async () => undefined,
      requestUpdate: async (_action: unknown, lead: { displayName: string }, by: { displayName: string }, message: string | null, facts: { objective: string }) => {
        sent.push({ lead: lead.displayName, by: by.displayName, message, objective: facts.objective });
      },
    };
    const details = sampleDetails();
    const lead = details.action.projectLead!;
    await openLoaded(details, { isCoordinator: true, mail, me: { displayName: 'Anne Dupont', email: 'anne.dupont@cpas.example' } });
    fireEvent.click(button(`Demander une mise à jour à ${lead.displayName}`));
    fireEvent.change(screen.getByLabelText('Message (facultatif)'), { target: { value: 'Pour le CODIR de jeudi' } });
    fireEvent.click(button('Envoyer la demande'));
    await waitFor(() => expect(document.body.textContent).toContain(`Demande envoyée à ${lead.displayName}.`));
    expect(sent).toEqual([{ lead: lead.displayName, by: 'Anne Dupont', message: 'Pour le CODIR de jeudi', objective: expect.stringContaining('1.1 Améliorer l’accueil des usagers → ') }]);
  });

  it('is not offered to a lead (only the coordinator asks)', async () => {
    const mail = { sendAssignment: async () => undefined, requestUpdate: async () => undefined };
    await openLoaded(sampleDetails(), { isCoordinator: false, mail, me: { displayName: 'Marie' } });
    expect(screen.queryByText(/Demander une mise à jour/)).toBeNull();
  });
});
