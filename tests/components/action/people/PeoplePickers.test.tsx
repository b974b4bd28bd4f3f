/** @jest-environment ./tests/support/jsdomEnvironmentWithFetch.js */
/**
 * Issue 13, point 1: the coordinator names the pilot, the team and the mandataire with
 * people pickers on SharePoint's people search, free text kept for a body.
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { PeoplePickers } from '../../../../src/components/action/people/PeoplePickers';
import { ConflictError } from '../../../../src/data/errors';
import { fakeRepository, jean, marie, renderPanel, sampleDetails } from '../panelTestSupport';

jest.setTimeout(30000);

const button = (name: string): HTMLButtonElement => within(document.body).getByText(name, { selector: '.ms-Button-label' }).closest('button') as HTMLButtonElement;
const directory = [marie, jean, { displayName: 'Paul Leroy', email: 'paul.leroy@cpas-binche.be' }];

function setup(overrides = {}) {
  const details = sampleDetails();
  const repository = fakeRepository(details, {
    searchPeople: jest.fn(async (text: string) => directory.filter((p) => p.displayName.toLowerCase().includes(text.toLowerCase()))),
    ...overrides,
  });
  const onSaved = jest.fn();
  const onReplaceDetails = jest.fn();
  render(<PeoplePickers details={details} repository={repository} onSaved={onSaved} onReplaceDetails={onReplaceDetails} />);
  fireEvent.click(button('Pilote (CODIR), équipe, mandataire (élu)'));
  return { repository, onSaved, onReplaceDetails };
}

async function pick(label: string, typed: string, suggestion: string): Promise<void> {
  const input = screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;
  // The picker shows its suggestions only while its input really has the focus.
  act(() => input.focus());
  input.value = typed;
  fireEvent.input(input, { target: { value: typed } });
  const item = await screen.findByText(suggestion, { selector: '.ms-Suggestions-item *' }, { timeout: 5000 });
  fireEvent.click(item);
}
const chosen = (name: string): HTMLElement[] => screen.queryAllByText(name, { selector: '.ms-PickerPersona-container .ms-Persona-primaryText, .ms-PickerPersona-container .ms-Persona-primaryText *' });

describe('people pickers of an action', () => {
  it('shows the people of the action, picks accounts from the search, keeps a body as text', async () => {
    const { repository, onSaved } = setup();
    // The team (Jean) and the mandataire (a body, as text) as stored.
    expect(chosen('Jean Martin').length).toBeGreaterThan(0);
    expect(chosen('Conseil de l’action sociale').length).toBeGreaterThan(0);
    await pick('Pilote (CODIR)', 'paul', 'Paul Leroy');
    await waitFor(() => expect(repository.searchPeople).toHaveBeenCalledWith('paul'));
    await pick('Équipe', 'Service des travaux', 'Utiliser « Service des travaux » tel quel');
    fireEvent.click(button('Enregistrer la fiche'));
    await waitFor(() => expect(repository.updateAction).toHaveBeenCalledTimes(1));
    expect(repository.updateAction).toHaveBeenCalledWith(
      7,
      { pilot: { displayName: 'Paul Leroy', email: 'paul.leroy@cpas-binche.be' }, team: [jean, { displayName: 'Service des travaux' }], mandatary: 'Conseil de l’action sociale' },
      '"1"',
    );
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
  });

  it('an elected official picked from the directory is saved as a person', async () => {
    const { repository } = setup();
    // Remove the body (the picker is full: no input until then), pick Marie.
    const field = screen.getByText('Mandataire (élu)', { selector: 'label' }).parentElement!;
    fireEvent.click(field.querySelector('.ms-PickerItem-removeButton')!);
    expect(chosen('Conseil de l’action sociale')).toHaveLength(0);
    await pick('Mandataire (élu)', 'marie', 'Marie Dupont');
    fireEvent.click(button('Enregistrer la fiche'));
    await waitFor(() => expect(repository.updateAction).toHaveBeenCalledTimes(1));
    expect(repository.updateAction.mock.calls[0][1].mandatary).toEqual(marie);
  });

  it('a conflict shows the stored version and keeps the choices typed', async () => {
    const stored = sampleDetails({ etag: '"9"' });
    const { onReplaceDetails } = setup({ updateAction: jest.fn(async () => Promise.reject(new ConflictError(stored))) });
    await pick('Pilote (CODIR)', 'paul', 'Paul Leroy');
    fireEvent.click(button('Enregistrer la fiche'));
    await waitFor(() => expect(onReplaceDetails).toHaveBeenCalledWith(stored));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(chosen('Paul Leroy').length).toBeGreaterThan(0);
  });
});

describe('in the panel', () => {
  const label = 'Pilote (CODIR), équipe, mandataire (élu)';
  it('only the coordination sees the people pickers', async () => {
    const lead = renderPanel(fakeRepository(sampleDetails()), { isCoordinator: false });
    await screen.findByText('Ajouter un suivi');
    expect(screen.queryByText(label, { selector: '.ms-Button-label' })).toBeNull();
    lead.unmount();
    renderPanel(fakeRepository(sampleDetails()), { isCoordinator: true });
    expect(await screen.findByText(label, { selector: '.ms-Button-label' }, { timeout: 5000 })).toBeTruthy();
  });
});
