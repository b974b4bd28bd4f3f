/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { PstApp } from '../../../src/components/shell/PstApp';
import type { PstRepository } from '../../../src/data/PstRepository';
import type { PstSnapshot } from '../../../src/domain/snapshot';
import { createAction, Period } from '../../../src/domain/model';

const day = (iso: string): Period => ({ text: iso, start: iso, end: iso, precision: 'day' });
const julien = { id: 7, displayName: 'Julien Leclercq', email: 'julien.leclercq@cpas.example' };
const claire = { id: 8, displayName: 'Claire Renard', email: 'claire.renard@cpas.example' };

function snapshotFor(viewer: PstSnapshot['viewer']): PstSnapshot {
  return {
    viewer,
    plans: [{ id: 1, title: 'PST 2025-2030', organisation: null, startYear: 2025, endYear: 2030 }],
    sections: [],
    strategicObjectives: [{ id: 1, code: '1', title: 'Accueil', volet: null, order: 1 }],
    operationalObjectives: [{ id: 1, code: '1.1', title: 'Guichet', strategicObjectiveId: 1, order: 1 }],
    actions: [
      createAction({ id: 1, code: '1.1.1', title: 'Téléphonie', operationalObjectiveIds: [1], status: 'EN_COURS', plannedEnd: day('2026-09-30'), projectLead: julien, lastCheckInDate: '2026-11-01' }),
      createAction({ id: 2, code: '1.1.2', title: 'Borne', operationalObjectiveIds: [1], status: 'EN_COURS', plannedEnd: day('2027-06-30'), projectLead: claire, lastCheckInDate: '2026-11-01' }),
      createAction({ id: 3, code: '1.1.3', title: 'Guichet unique', operationalObjectiveIds: [1], status: 'PROBLEME', plannedEnd: day('2027-06-30'), projectLead: claire, lastCheckInDate: '2026-11-01' }),
    ],
    indicators: [],
  };
}

const fail = async (): Promise<never> => {
  throw new Error('not used here');
};

function repository(snapshot: PstSnapshot): PstRepository {
  return {
    inspectLists: fail,
    canManageLists: fail,
    canEditAllActions: fail,
    provisionLists: fail,
    loadSnapshot: async () => snapshot,
    loadCheckInHistory: async () => [],
    currentUser: fail,
    loadActionDetails: async (id: number) => ({ action: snapshot.actions.find((a) => a.id === id)!, etag: '1', indicators: [], checkIns: [], canEdit: false, modifiedBy: null, modified: null }),
    updateAction: fail,
    addCheckIn: fail,
    correctCheckIn: fail,
    designateLeads: fail,
    importPlan: fail,
    importDocumentPlan: fail,
    searchPeople: fail,
    assignLead: fail,
  } as unknown as PstRepository;
}

afterEach(() => window.history.replaceState(null, '', '/'));
// React's act() may still be flushing effects when the last test returns: let it finish before jsdom goes.
afterAll(() => new Promise((resolve) => setTimeout(resolve, 200)));

describe('the filter shared by the web parts of a page', () => {
  it('a dashboard tile filters the cards of another web part, and the URL keeps it', async () => {
    const repo = repository(snapshotFor({ user: { id: 1, displayName: 'Anne Dupont', email: 'anne.dupont@cpas.example' }, canEditAllActions: true }));
    render(
      <>
        <section aria-label="tableau">
          <PstApp view="dashboard" repository={repo} lang="fr" today="2026-11-23" />
        </section>
        <section aria-label="fiches">
          <PstApp view="cards" repository={repo} lang="fr" today="2026-11-23" />
        </section>
      </>,
    );
    const cards = within(screen.getByRole('region', { name: 'fiches' }));
    await cards.findByText('3 fiche(s)');
    const board = within(screen.getByRole('region', { name: 'tableau' }));
    fireEvent.click(await board.findByRole('button', { name: /En retard/ }));
    await cards.findByText('1 fiche(s)');
    expect(window.location.search).toBe('?pst-echeance=retard');
    fireEvent.click(board.getByRole('button', { name: /Bloquées/ }));
    await cards.findByText('1 fiche(s)');
    expect(cards.getByText(/Guichet unique/)).toBeTruthy();
    expect(window.location.search).toBe('?pst-bloque=1');
    fireEvent.click(board.getByRole('button', { name: /Bloquées/ }));
    await cards.findByText('3 fiche(s)');
    expect(window.location.search).toBe('');
  }, 30_000);

  it('reads the filter of the URL first', async () => {
    window.history.replaceState(null, '', '/?pst-bloque=1');
    const repo = repository(snapshotFor(undefined));
    render(<PstApp view="cards" repository={repo} lang="fr" today="2026-11-23" defaultFilterQuery="pst-echeance=retard" />);
    await screen.findByText('1 fiche(s)');
    expect(screen.getByText(/Guichet unique/)).toBeTruthy();
  });

  it('starts a project lead on « Mes actions », and the coordinator on everything', async () => {
    const { unmount } = render(<PstApp view="cards" repository={repository(snapshotFor({ user: julien, canEditAllActions: false }))} lang="fr" today="2026-11-23" />);
    await screen.findByText('1 fiche(s)');
    expect((screen.getByRole('switch', { name: 'Mes actions' }) as HTMLInputElement).getAttribute('aria-checked')).toBe('true');
    unmount();
    render(<PstApp view="cards" repository={repository(snapshotFor({ user: { ...julien }, canEditAllActions: true }))} lang="fr" today="2026-11-23" />);
    await screen.findByText('3 fiche(s)');
    await waitFor(() => expect(screen.getByRole('switch', { name: 'Mes actions' }).getAttribute('aria-checked')).toBe('false'));
  }, 30_000);
});
