/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { PstApp } from '../../src/components/PstApp';
import type { PstRepository, PstSnapshot } from '../../src/data/PstRepository';
import type { ProvisioningState } from '../../src/data/provisioning';
import { createAction } from '../../src/domain/model';
import { PST_LISTS } from '../../src/schema/listSchema';

const snapshot: PstSnapshot = {
  plans: [{ id: 1, title: 'PST 2019-2024 du CPAS de Binche', organisation: 'CPAS de Binche', startYear: 2019, endYear: 2024 }],
  sections: [],
  strategicObjectives: [{ id: 1, code: '1.1', title: 'Améliorer l’offre de services', volet: 'externe', order: 1 }],
  operationalObjectives: [{ id: 1, code: '1.1.1', title: 'Accueil', strategicObjectiveId: 1, order: 1 }],
  actions: [
    createAction({ id: 1, code: '1.1.1.1', title: 'Téléphonie', operationalObjectiveIds: [1], status: 'EN_COURS', progressPercent: 50 }),
    createAction({ id: 2, code: '1.1.1.2', title: 'Espace d’accueil', operationalObjectiveIds: [1], status: 'TERMINE' }),
  ],
  indicators: [],
};

const notFound = Object.assign(new Error('List does not exist'), { status: 404 });
const missing: ProvisioningState = { missingLists: PST_LISTS.map((l) => l.key), missingFields: [], upToDate: false };

const notUsedHere = async (): Promise<never> => {
  throw new Error('not used by these views');
};

function repository(overrides: Partial<PstRepository>): PstRepository & { calls: string[] } {
  const calls: string[] = [];
  const track = <T,>(name: string, result: () => Promise<T>) => () => {
    calls.push(name);
    return result();
  };
  return {
    calls,
    inspectLists: track('inspectLists', async () => missing),
    canManageLists: track('canManageLists', async () => true),
    provisionLists: track('provisionLists', async () => ({ changes: [], listIds: {} as never })),
    loadSnapshot: track('loadSnapshot', async () => snapshot),
    currentUser: track('currentUser', async () => ({ id: 1, displayName: 'Coordinatrice PST' })),
    loadActionDetails: notUsedHere,
    updateAction: notUsedHere,
    addCheckIn: notUsedHere,
    importPlan: notUsedHere,
    ...overrides,
  };
}

describe('PstApp on a site without the PST lists', () => {
  it('offers a site owner to create the lists, creates them, then shows the plan', async () => {
    let provisioned = false;
    const repo = repository({
      loadSnapshot: async () => {
        if (!provisioned) throw notFound;
        return snapshot;
      },
      provisionLists: async () => {
        provisioned = true;
        return { changes: [], listIds: {} as never };
      },
    });
    render(<PstApp view="tree" repository={repo} lang="fr" today="2026-11-23" />);

    const button = await screen.findByRole('button', { name: 'Créer les listes du PST ici' });
    // Fluent's MessageBar renders its text a moment later (for screen readers)
    await waitFor(() => expect(document.body.textContent).toContain("Les listes du PST n'existent pas encore sur ce site."));
    fireEvent.click(button);

    expect(await screen.findByText('PST 2019-2024 du CPAS de Binche')).toBeTruthy();
    expect(provisioned).toBe(true);
  });

  it('tells a reader whom to ask, without a button', async () => {
    const repo = repository({
      loadSnapshot: async () => {
        throw notFound;
      },
      canManageLists: async () => false,
    });
    render(<PstApp view="dashboard" repository={repo} lang="fr" today="2026-11-23" />);
    await waitFor(() => expect(document.body.textContent).toContain('Demandez au propriétaire du site'));
    expect(screen.queryByRole('button', { name: 'Créer les listes du PST ici' })).toBeNull();
  });

  it('shows any other failure as an error with a retry, without inspecting the site', async () => {
    const repo = repository({
      loadSnapshot: async () => {
        throw Object.assign(new Error('Accès refusé'), { status: 403 });
      },
    });
    render(<PstApp view="cards" repository={repo} lang="fr" today="2026-11-23" />);
    expect(await screen.findByText(/Le PST n'a pas pu être chargé : Accès refusé/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeTruthy();
    expect(repo.calls).not.toContain('inspectLists');
  });
});

describe('PstApp views on a loaded plan', () => {
  it('tree: the OS shows the mean of its actions, a finished action counting 100 %', async () => {
    render(<PstApp view="tree" repository={repository({})} lang="fr" today="2026-11-23" />);
    await screen.findByText('PST 2019-2024 du CPAS de Binche');
    const bar = screen.getAllByRole('progressbar')[0];
    expect(bar.getAttribute('aria-valuetext')).toBe('75\u00a0%');
    // the plan and its only OS hold the same two actions
    expect(screen.getAllByText('2 actions · 1 terminées · 0 en retard · 0 bloquées')).toHaveLength(2);
  });

  it('dashboard: realisation rate is done over non-cancelled actions', async () => {
    render(<PstApp view="dashboard" repository={repository({})} lang="fr" today="2026-11-23" />);
    const label = await screen.findByText('Taux de réalisation');
    expect(label.parentElement!.textContent).toBe('50\u00a0%Taux de réalisation');
  });

  it('cards: one card per action with its lead and status', async () => {
    render(<PstApp view="cards" repository={repository({})} lang="fr" today="2026-11-23" />);
    const cards = await screen.findAllByRole('listitem');
    expect(cards.map((c) => c.getAttribute('aria-label'))).toEqual(['Téléphonie', 'Espace d’accueil']);
    for (const card of cards) expect(card.textContent).toContain('Sans chef de projet');
    expect(cards[0].textContent).toContain('En cours');
    expect(cards[1].textContent).toContain('Terminé');
  });
});
