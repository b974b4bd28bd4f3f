/** @jest-environment ./tests/support/jsdomEnvironmentWithFetch.js */
/**
 * Issue 13, point 6, in the panel: the guardrails of a check-in (the fix or confirmation
 * the form offers), the form cleared after saving, and a lead correcting their latest check-in.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ActionDetails } from '../../../../src/data/actionDetails';
import { NBSP, checkIns, fakeRepository, jean, marie, period, renderPanel, sampleAction, sampleDetails } from '../panelTestSupport';

jest.setTimeout(30000);

const panel = (): HTMLElement => document.querySelector<HTMLElement>('[role="dialog"]')!;
const text = (): string => panel().textContent ?? '';
const field = (label: string | RegExp): HTMLInputElement & HTMLTextAreaElement => screen.getByLabelText(label) as HTMLInputElement & HTMLTextAreaElement;
const button = (name: string): HTMLButtonElement => within(document.body).getByText(name, { selector: '.ms-Button-label' }).closest('button') as HTMLButtonElement;
const queryButton = (name: string): HTMLButtonElement | null => (screen.queryByText(name, { selector: '.ms-Button-label' })?.closest('button') as HTMLButtonElement | null) ?? null;

async function open(details: ActionDetails = sampleDetails({ action: sampleAction({ health: 'bon' }) }), me = marie) {
  const repository = fakeRepository(details);
  const rendered = renderPanel(repository, { me });
  await screen.findByText('Ajouter un suivi');
  return { repository, ...rendered };
}

async function chooseStatus(label: string): Promise<void> {
  fireEvent.click(field(/Statut/));
  fireEvent.click(await screen.findByRole('option', { name: label }));
}

describe('the check-in guardrails in the form', () => {
  it('« Terminé » below 100 %: refused until the confirmation sets 100 %', async () => {
    const { repository } = await open();
    await chooseStatus('Terminé');
    expect(text()).toContain('« Terminé » veut dire 100 %, l\'avancement indiqué est de 35 %');
    fireEvent.click(button('Enregistrer le suivi'));
    await waitFor(() => expect(document.activeElement).toBe(field('Avancement (%)')));
    expect(repository.addCheckIn).not.toHaveBeenCalled();

    fireEvent.click(button('Confirmer : terminé à 100 %'));
    expect(field('Avancement (%)').value).toBe('100');
    expect(queryButton('Confirmer : terminé à 100 %')).toBeNull();
    fireEvent.click(button('Enregistrer le suivi'));
    await waitFor(() => expect(repository.addCheckIn).toHaveBeenCalledTimes(1));
    expect(repository.addCheckIn.mock.calls[0][0]).toMatchObject({ status: 'TERMINE', percent: 100 });
  });

  it('« À risque » needs a reason: the comment becomes required', async () => {
    const { repository } = await open();
    fireEvent.click(field('À risque'));
    expect(text()).toContain('Raison (obligatoire)');
    fireEvent.click(button('Enregistrer le suivi'));
    await waitFor(() => expect(text()).toContain('« À risque » demande une raison'));
    expect(repository.addCheckIn).not.toHaveBeenCalled();
  });

  it("questions a date before the action's start; saved once confirmed; changing the date asks again", async () => {
    const details = sampleDetails({ action: sampleAction({ health: 'bon', plannedStart: period('2025'), plannedStartText: '2025' }) });
    const { repository } = await open(details);
    fireEvent.change(field(/Date du suivi/), { target: { value: '15/12/2024' } });
    await waitFor(() => expect(text()).toContain("Le 15/12/2024 est avant le début prévu de l'action (01/01/2025). Cette date est-elle correcte ?"));
    fireEvent.click(button('Enregistrer le suivi'));
    await waitFor(() => expect(text()).toContain('Confirmez la date ou corrigez-la.'));
    expect(repository.addCheckIn).not.toHaveBeenCalled();

    fireEvent.click(field('Oui, cette date est correcte'));
    fireEvent.change(field(/Date du suivi/), { target: { value: '16/12/2024' } });
    expect((field('Oui, cette date est correcte') as HTMLInputElement).checked).toBe(false);
    fireEvent.click(field('Oui, cette date est correcte'));
    fireEvent.click(button('Enregistrer le suivi'));
    await waitFor(() => expect(repository.addCheckIn).toHaveBeenCalledTimes(1));
    expect(repository.addCheckIn.mock.calls[0][0]).toMatchObject({ date: '2024-12-16' });
  });

  it('clears after saving: comment empty, dated today again, no question left', async () => {
    const details = sampleDetails({ action: sampleAction({ health: 'bon', plannedStart: period('2025'), plannedStartText: '2025' }) });
    await open(details);
    fireEvent.change(field(/Date du suivi/), { target: { value: '15/12/2024' } });
    fireEvent.click(field('Oui, cette date est correcte'));
    fireEvent.change(field('Commentaire'), { target: { value: 'Premier devis.' } });
    fireEvent.click(button('Enregistrer le suivi'));
    await waitFor(() => expect(text()).toContain('Suivi enregistré.'));
    expect(field('Commentaire').value).toBe('');
    expect(field(/Date du suivi/).value).toBe('12/01/2025');
    expect(screen.queryByLabelText('Oui, cette date est correcte')).toBeNull();
  });
});

describe('correcting my latest check-in', () => {
  it('is offered to its author only, fills the form, and replaces it in the history', async () => {
    const { repository } = await open();
    // checkIns[1] (10/01/2025) is Marie's and the latest.
    fireEvent.click(button('Corriger mon dernier suivi'));
    expect(text()).toContain('Correction de votre suivi du 10/01/2025');
    expect(field('Commentaire').value).toBe('Devis reçus, un fournisseur en retard.');
    expect(field('Avancement (%)').value).toBe('35');
    fireEvent.change(field('Avancement (%)'), { target: { value: '30' } });
    fireEvent.click(button('Enregistrer la correction'));
    await waitFor(() => expect(repository.correctCheckIn).toHaveBeenCalledTimes(1));
    expect(repository.addCheckIn).not.toHaveBeenCalled();
    expect(repository.correctCheckIn.mock.calls[0]).toEqual([
      { checkInId: 100, actionId: 7, date: '2025-01-10', status: 'EN_COURS', percent: 30, health: 'risque', comment: 'Devis reçus, un fournisseur en retard.', key: expect.any(String) },
      '"1"',
    ]);
    await waitFor(() => expect(text()).toContain("Votre suivi est corrigé ; sa version précédente reste dans l'historique."));
    // Still two check-ins: corrected in place, and the form is back to a new check-in.
    expect(screen.getAllByTestId('check-in')).toHaveLength(2);
    expect(text()).toContain('Ajouter un suivi');
    expect(field('Commentaire').value).toBe('');
  });

  it('is not offered on another lead\'s check-in, and can be cancelled', async () => {
    const first = await open(sampleDetails(), jean);
    expect(queryButton('Corriger mon dernier suivi')).toBeNull();
    first.unmount();
    const own = sampleDetails({ checkIns: [...checkIns, { id: 101, actionId: 7, date: '2025-01-11', author: jean, status: 'EN_COURS', percent: 40, health: 'bon', comment: 'Jean' }] });
    await open(own, jean);
    fireEvent.click(button('Corriger mon dernier suivi'));
    fireEvent.click(button('Annuler la correction'));
    expect(field('Commentaire').value).toBe('');
    expect(queryButton('Enregistrer la correction')).toBeNull();
  });

  it('shows what a corrected check-in said before', async () => {
    const corrected = { ...checkIns[1], percent: 30, corrections: [{ correctedOn: '2025-01-11T08:00:00Z', date: '2025-01-10', status: 'EN_COURS' as const, percent: 35, health: 'risque' as const, comment: 'Trop optimiste' }] };
    await open(sampleDetails({ checkIns: [checkIns[0], corrected] }));
    expect(screen.getByTestId('check-in-correction').textContent).toBe(`Corrigé le 11/01/2025 ; avant : En cours, 35${NBSP}%, À risque, « Trop optimiste »`);
  });
});
