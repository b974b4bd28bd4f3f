/** @jest-environment ./tests/support/jsdomEnvironmentWithFetch.js */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { ConflictError } from '../../../../src/data/errors';
import type { Person } from '../../../../src/domain/model';
import { fakeRepository, jean, renderPanel, sampleDetails, TODAY } from '../panelTestSupport';

jest.setTimeout(30000);

const anne = { displayName: 'Anne Dupont', email: 'anne.dupont@cpas.example' };
const marc: Person = { displayName: 'Marc Dubois', email: 'marc.dubois@cpas.example' };
const button = (name: string): HTMLButtonElement => screen.getByText(name, { selector: '.ms-Button-label' }).closest('button') as HTMLButtonElement;

async function openAsCoordinator(overrides: Parameters<typeof fakeRepository>[1] = {}, mailFails = false) {
  const details = sampleDetails();
  const sent: { to: string; by: string; action: string; objective: string; today: string }[] = [];
  const mail = {
    sendAssignment: jest.fn(async (actions: { title: string } | readonly { title: string }[], lead: Person, by: Person, facts: { objective: string | ((a: never) => string); today: string }) => {
      if (mailFails) throw new Error('Boîte aux lettres introuvable');
      const action = Array.isArray(actions) ? actions[0] : (actions as { title: string });
      sent.push({ to: lead.email!, by: by.displayName, action: action.title, objective: String(facts.objective), today: facts.today });
    }),
    requestUpdate: async () => undefined,
  };
  const repository = fakeRepository(details, {
    searchPeople: jest.fn(async (text: string) => ([marc, jean] as Person[]).filter((p) => p.displayName.toLowerCase().includes(text.toLowerCase()))),
    assignLead: jest.fn(async (_id: number, lead: Person) => ({ etag: '"9"', lead: { ...lead, id: 42 }, permissionError: null })),
    ...overrides,
  });
  const rendered = renderPanel(repository, { isCoordinator: true, mail, me: anne });
  await screen.findByText(/Historique des suivis/);
  return { ...rendered, repository, details, mail, sent };
}

async function pick(text: string, name: string): Promise<void> {
  // The lead picker is its own chunk: wait until it is there.
  fireEvent.click(await screen.findByRole('button', { name: 'Changer le chef de projet' }));
  const input = screen.getByLabelText('Nouveau chef de projet') as HTMLInputElement;
  // The picker shows its suggestions only while its input really has the focus.
  act(() => input.focus());
  input.value = text;
  fireEvent.input(input, { target: { value: text } });
  const suggestion = await screen.findByText(name, { selector: '.ms-Persona-primaryText, .ms-Persona-primaryText *' }, { timeout: 5000 });
  fireEvent.click(suggestion);
}

describe('ActionPanel: the coordinator assigns a project lead', () => {
  it('picks a person, saves them as lead and mails them as the coordinator', async () => {
    const { repository, details, sent, onSaved } = await openAsCoordinator();
    await pick('dub', 'Marc Dubois');
    await act(async () => {
      fireEvent.click(button('Désigner'));
    });
    await waitFor(() => expect(document.body.textContent).toContain("Marc Dubois est désormais chef de projet de cette action. Un e-mail l'en a informé."));
    expect(repository.assignLead).toHaveBeenCalledWith(details.action.id, marc, details.etag);
    // The mail says where the action sits, as the panel shows it, and the day (to flag an action already late).
    expect(sent).toEqual([{ to: 'marc.dubois@cpas.example', by: 'Anne Dupont', action: details.action.title, objective: expect.stringMatching(/^1\.1 Améliorer l’accueil des usagers → 1\.1\.\d /), today: TODAY }]);
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ projectLead: { ...marc, id: 42 } }));
  });

  it('without the mail box ticked, saves without mailing', async () => {
    const { sent } = await openAsCoordinator();
    await pick('dub', 'Marc Dubois');
    fireEvent.click(screen.getByLabelText('Informer le nouveau chef de projet par e-mail'));
    await act(async () => {
      fireEvent.click(button('Désigner'));
    });
    await waitFor(() => expect(document.body.textContent).toContain('Marc Dubois est désormais chef de projet de cette action.'));
    expect(document.body.textContent).not.toContain("Un e-mail l'en a informé.");
    expect(sent).toEqual([]);
  });

  it('keeps the assignment when the mail fails, and says so', async () => {
    const { repository } = await openAsCoordinator({}, true);
    await pick('dub', 'Marc Dubois');
    await act(async () => {
      fireEvent.click(button('Désigner'));
    });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain("L'e-mail n'a pas pu être envoyé : Boîte aux lettres introuvable"));
    expect(repository.assignLead).toHaveBeenCalledTimes(1);
    expect(document.body.textContent).toContain('Marc Dubois est désormais chef de projet de cette action.');
  });

  it('says when the rights could not be given, and how to fix it', async () => {
    await openAsCoordinator({ assignLead: jest.fn(async (_id: number, lead: Person) => ({ etag: '"9"', lead: { ...lead, id: 42 }, permissionError: 'Accès refusé' })) });
    await pick('dub', 'Marc Dubois');
    await act(async () => {
      fireEvent.click(button('Désigner'));
    });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Marc Dubois est enregistré comme chef de projet, mais n'a pas reçu le droit de modifier cette action \(Accès refusé\)/));
  });

  it('on a conflict, shows the stored version and asks to assign again', async () => {
    const stored = sampleDetails({ etag: '"5"' });
    const { mail } = await openAsCoordinator({
      assignLead: jest.fn(async () => {
        throw new ConflictError(stored);
      }),
    });
    await pick('dub', 'Marc Dubois');
    await act(async () => {
      fireEvent.click(button('Désigner'));
    });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Cette action a été modifiée entre-temps'));
    expect(mail.sendAssignment).not.toHaveBeenCalled();
  });

  it('is not offered to a project lead', async () => {
    const repository = fakeRepository(sampleDetails());
    renderPanel(repository, { isCoordinator: false, me: anne });
    await screen.findByText(/Historique des suivis/);
    // Give the lazy chunk time to appear if it were offered.
    await act(async () => void (await new Promise((resolve) => setTimeout(resolve, 50))));
    expect(screen.queryByText('Changer le chef de projet')).toBeNull();
  });
});
