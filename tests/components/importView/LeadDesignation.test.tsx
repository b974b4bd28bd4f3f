/** @jest-environment ./tests/support/jsdomEnvironmentWithFetch.js */
/**
 * « Désigner les chefs de projet »: the names an import gave, the accounts proposed, the
 * coordinator's choice, applied in one go with one mail per person; a failure is reported
 * for its person and a second « Appliquer » redoes only that.
 */
import * as React from 'react';
import { setIconOptions } from '@fluentui/react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { LeadDesignation } from '../../../src/components/importView/LeadDesignation';
import type { LeadDesignation as Designation, PstRepository } from '../../../src/data/PstRepository';
import { createAction, Person } from '../../../src/domain/model';

setIconOptions({ disableWarnings: true });
jest.setTimeout(30000);

const julien = { displayName: 'Julien Leclercq', email: 'julien.leclercq@cpas.example' };
const jeanne = { displayName: 'Jeanne Leclercq', email: 'jeanne.leclercq@cpas.example' };
const marc = { displayName: 'Marc Dubois', email: 'marc.dubois@cpas.example' };
const anne = { id: 1, displayName: 'Anne Dupont', email: 'anne.dupont@cpas.example' };
const directory = [julien, jeanne, marc];

const actions = [
  createAction({ id: 11, code: '1.1.1', title: 'Logements de transit', projectLead: { displayName: 'LECLERCQ Julien' } }),
  createAction({ id: 12, code: '1.1.2', title: 'Capteurs de logement', projectLead: { displayName: 'Julien Leclercq' } }),
  createAction({ id: 13, code: '1.2.1', title: 'Guichet énergie', projectLead: { displayName: 'Dubois M.' } }),
  createAction({ id: 14, code: '1.2.2', title: 'Fonds social', projectLead: { displayName: 'Directeur général' } }),
  createAction({ id: 15, code: '1.2.3', title: 'Potager', projectLead: { displayName: 'Leclercq J.' } }),
  createAction({ id: 16, code: '1.2.4', title: 'Déjà désignée', projectLead: { id: 7, ...marc } }),
];

function setup(options: { failFor?: number[] } = {}) {
  let failFor = options.failFor ?? [];
  const designateLeads = jest.fn(async (designations: readonly Designation[], onProgress?: (d: number, t: number) => void) =>
    designations.map((d, i) => {
      onProgress?.(i + 1, designations.length);
      const failed = d.actionIds.filter((id) => failFor.indexOf(id) >= 0);
      return { lead: { id: 40 + i, ...d.lead }, assigned: d.actionIds.filter((id) => failed.indexOf(id) < 0), unchanged: [], failed: failed.map((actionId) => ({ actionId, message: 'Délai dépassé' })), permissionErrors: [] };
    }),
  );
  const repository = {
    loadSnapshot: async () => ({ plans: [], sections: [], strategicObjectives: [], operationalObjectives: [], actions, indicators: [] }),
    searchPeople: jest.fn(async (text: string) => directory.filter((p) => `${p.displayName} ${p.email}`.toLowerCase().includes(text.toLowerCase()))),
    designateLeads,
  } as unknown as PstRepository;
  const sent: { to: string; actions: number[] }[] = [];
  const mail = {
    sendAssignment: jest.fn(async (list: unknown, lead: Person) => {
      sent.push({ to: lead.email!, actions: (list as { id: number }[]).map((a) => a.id) });
    }),
    requestUpdate: async () => undefined,
  };
  const onApplied = jest.fn();
  render(<LeadDesignation repository={repository} mail={mail} me={anne} today="2026-11-23" onApplied={onApplied} />);
  return { designateLeads, sent, onApplied, mail, stopFailing: () => (failFor = []) };
}

const rowOf = (name: string): HTMLElement => screen.getAllByTestId('designate-row').find((r) => r.querySelector('th')?.textContent?.startsWith(name))!;
const button = (name: string, container: HTMLElement = document.body): HTMLButtonElement => within(container).getByText(name, { selector: '.ms-Button-label' }).closest('button') as HTMLButtonElement;

describe('the leads grid', () => {
  it('lists every name once, proposes the accounts that match, says which match nobody or several', async () => {
    setup();
    await waitFor(() => expect(screen.getAllByTestId('designate-row')).toHaveLength(4));
    expect(screen.getAllByTestId('designate-row').map((r) => r.querySelector('th')!.textContent)).toEqual([
      'Directeur général',
      'Dubois M.',
      'Leclercq J.',
      'LECLERCQ JulienJulien Leclercq',
    ]);
    expect(rowOf('LECLERCQ Julien').textContent).toContain('1.1.1 Logements de transit');
    expect(rowOf('LECLERCQ Julien').textContent).toContain('1.1.2 Capteurs de logement');
    expect(rowOf('LECLERCQ Julien').textContent).toContain('Julien Leclercq');
    expect(rowOf('Dubois M.').textContent).toContain('Marc Dubois');
    expect(rowOf('Directeur général').textContent).toContain('Aucun compte ne correspond');
    expect(rowOf('Leclercq J.').textContent).toContain('Plusieurs comptes possibles');
    expect(await screen.findByText(/Noms sans compte, laissés tels quels : Directeur général, Leclercq J\./)).toBeTruthy();
    expect(screen.getByLabelText('Compte pour Directeur général')).toBeTruthy();
  });

  it('applies the choices in one go, one mail per person listing all their actions, the unmatched left', async () => {
    const { designateLeads, sent, onApplied } = setup();
    await waitFor(() => expect(screen.getAllByTestId('designate-row')).toHaveLength(4));
    fireEvent.click(button('Appliquer'));
    await waitFor(() => expect(designateLeads).toHaveBeenCalledTimes(1));
    expect(designateLeads.mock.calls[0][0]).toEqual([
      { lead: marc, actionIds: [13] },
      { lead: julien, actionIds: [11, 12] },
    ]);
    await waitFor(() => expect(rowOf('LECLERCQ Julien').textContent).toContain('Julien Leclercq : 2 action(s) attribuée(s). E-mail envoyé.'));
    expect(sent).toEqual([
      { to: marc.email, actions: [13] },
      { to: julien.email, actions: [11, 12] },
    ]);
    expect(onApplied).toHaveBeenCalledTimes(1);
    expect(screen.getByText(/Noms sans compte, laissés tels quels : Directeur général, Leclercq J\./)).toBeTruthy();
  });

  it('two names of the same account make one designation and one mail', async () => {
    const { designateLeads, sent } = setup();
    await waitFor(() => expect(screen.getAllByTestId('designate-row')).toHaveLength(4));
    // « Leclercq J. » is Jeanne or Julien: the coordinator picks Julien among the candidates.
    const picker = screen.getByLabelText('Compte pour Leclercq J.');
    fireEvent.focus(picker);
    fireEvent.click(picker);
    fireEvent.click(await screen.findByText('Julien Leclercq', { selector: '.ms-Suggestions-item *' }));
    fireEvent.click(button('Appliquer'));
    await waitFor(() => expect(designateLeads).toHaveBeenCalledTimes(1));
    expect(designateLeads.mock.calls[0][0]).toEqual([
      { lead: marc, actionIds: [13] },
      { lead: julien, actionIds: [15, 11, 12] },
    ]);
    await waitFor(() => expect(rowOf('Leclercq J.').textContent).toContain('Julien Leclercq : 3 action(s) attribuée(s). E-mail envoyé.'));
    expect(sent).toEqual([
      { to: marc.email, actions: [13] },
      { to: julien.email, actions: [15, 11, 12] },
    ]);
  });

  it('« Laisser le nom tel quel » takes a proposal back; no mail when unticked', async () => {
    const { designateLeads, mail } = setup();
    await waitFor(() => expect(screen.getAllByTestId('designate-row')).toHaveLength(4));
    fireEvent.click(button('Laisser le nom tel quel', rowOf('Dubois M.')));
    fireEvent.click(screen.getByLabelText('Envoyer à chaque chef de projet un e-mail listant ses actions'));
    fireEvent.click(button('Appliquer'));
    await waitFor(() => expect(designateLeads).toHaveBeenCalledTimes(1));
    expect(designateLeads.mock.calls[0][0]).toEqual([{ lead: julien, actionIds: [11, 12] }]);
    await waitFor(() => expect(rowOf('LECLERCQ Julien').textContent).toContain('2 action(s) attribuée(s).'));
    expect(mail.sendAssignment).not.toHaveBeenCalled();
    expect(screen.getByText(/Noms sans compte, laissés tels quels : Directeur général, Dubois M\., Leclercq J\./)).toBeTruthy();
  });

  it('reports a failure for its person, and « Appliquer » again redoes only that person', async () => {
    const { designateLeads, stopFailing } = setup({ failFor: [12] });
    await waitFor(() => expect(screen.getAllByTestId('designate-row')).toHaveLength(4));
    fireEvent.click(button('Appliquer'));
    await waitFor(() => expect(rowOf('LECLERCQ Julien').textContent).toContain('Julien Leclercq : 1 action(s) attribuée(s), échec pour 1.1.2 Capteurs de logement : Délai dépassé'));
    expect(rowOf('Dubois M.').textContent).toContain('Marc Dubois : 1 action(s) attribuée(s).');
    expect(screen.getByRole('alert').textContent).toContain('1 personne(s) en échec');
    stopFailing();
    fireEvent.click(button('Appliquer'));
    await waitFor(() => expect(designateLeads).toHaveBeenCalledTimes(2));
    expect(designateLeads.mock.calls[1][0]).toEqual([{ lead: julien, actionIds: [11, 12] }]);
    await waitFor(() => expect(rowOf('LECLERCQ Julien').textContent).toContain('Julien Leclercq : 2 action(s) attribuée(s).'));
  });
});
