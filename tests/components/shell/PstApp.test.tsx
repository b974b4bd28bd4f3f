/**
 * @jest-environment ./tests/support/jsdomEnvironmentWithFetch.js
 */
import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { act } from 'react-dom/test-utils';
import { PstApp, PST_DATA_CHANGED } from '../../../src/components/shell/PstApp';
import { DASHBOARD_WIDGETS } from '../../../src/components/dashboard/dashboardWidgets';
import type { PstRepository } from '../../../src/data/PstRepository';
import type { PstSnapshot } from '../../../src/domain/snapshot';
import type { ProvisioningState } from '../../../src/data/provisioning';
import { createAction } from '../../../src/domain/model';
import { PST_LISTS } from '../../../src/schema/listSchema';
import * as planTree from '../../../src/domain/tree';

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
    canEditAllActions: track('canEditAllActions', async () => false),
    provisionLists: track('provisionLists', async () => ({ changes: [], listIds: {} as never })),
    loadSnapshot: track('loadSnapshot', async () => snapshot),
    loadCheckInHistory: track('loadCheckInHistory', async () => []),
    currentUser: track('currentUser', async () => ({ id: 1, displayName: 'Coordinatrice PST' })),
    loadActionDetails: notUsedHere,
    loadCheckInsOf: notUsedHere,
    updateAction: notUsedHere,
    addCheckIn: notUsedHere,
    correctCheckIn: notUsedHere,
    designateLeads: notUsedHere,
    importPlan: notUsedHere,
    importDocumentPlan: notUsedHere,
    searchPeople: notUsedHere,
    assignLead: notUsedHere,
    loadMeans: notUsedHere,
    saveMeansLines: notUsedHere,
    saveIndicators: notUsedHere,
    addIndicatorValues: notUsedHere,
    structure: { apply: notUsedHere, loadChangeLog: notUsedHere, setPlanState: notUsedHere, startNextPlan: notUsedHere },
    evaluationArchive: () => {
      throw new Error('not used by these views');
    },
    ...overrides,
  };
}

// React's act() may still be flushing effects when the last test returns (the plan dropdown's
// last update): let it finish before jsdom is torn down, or the worker dies on "document".
afterAll(() => new Promise((resolve) => setTimeout(resolve, 200)));

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
    render(<PstApp view="dashboard" repository={repo} lang="fr" today="2026-11-23" />);

    const button = await screen.findByRole('button', { name: 'Créer les listes du PST ici' });
    // Fluent's MessageBar renders its text a moment later (for screen readers)
    await waitFor(() => expect(document.body.textContent).toContain("Les listes du PST n'existent pas encore sur ce site."));
    fireEvent.click(button);

    expect(await screen.findByText('Taux de réalisation')).toBeTruthy();
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
    const os = await screen.findByRole('treeitem', { name: /1\.1 Améliorer l’offre de services/ });
    expect(os.textContent).toContain('75\u00a0%');
    expect(os.textContent).toContain('2 actions · 1 terminée');
  });

  it('dashboard: realisation rate is done over non-cancelled actions', async () => {
    render(<PstApp view="dashboard" repository={repository({})} lang="fr" today="2026-11-23" />);
    const label = await screen.findByText('Taux de réalisation');
    expect(label.parentElement!.textContent).toBe('50\u00a0%Taux de réalisation');
  });

  it('cards: one card per action with its lead and status', async () => {
    render(<PstApp view="cards" repository={repository({})} lang="fr" today="2026-11-23" />);
    const cards = await screen.findAllByRole('listitem');
    expect(cards.map((c) => c.getAttribute('aria-label'))).toEqual(['1.1.1.1 Téléphonie', '1.1.1.2 Espace d’accueil']);
    for (const card of cards) expect(card.textContent).toContain('Sans chef de projet');
    expect(cards[0].textContent).toContain('En cours');
    expect(cards[1].textContent).toContain('Terminé');
  });
});

describe('PstApp: the web parts of a page after a save', () => {
  const rates = () => screen.getAllByText('Taux de réalisation').map((label) => label.parentElement!.textContent);
  const loadsOf = (repo: { calls: string[] }) => repo.calls.filter((c) => c === 'loadSnapshot').length;

  it('take the saved action into their plan without loading it again', async () => {
    const repo = repository({});
    render(
      <>
        <PstApp view="dashboard" repository={repo} lang="fr" today="2026-11-23" />
        <PstApp view="tree" repository={repo} lang="fr" today="2026-11-23" />
      </>,
    );
    await screen.findByText('Taux de réalisation');
    expect(rates()).toEqual(['50\u00a0%Taux de réalisation']);
    const os = () => screen.getByRole('treeitem', { name: /1\.1 Améliorer l’offre de services/ });
    await waitFor(() => expect(os().textContent).toContain('1 terminée'));
    const loads = loadsOf(repo);
    const saved = { ...snapshot.actions[0], status: 'TERMINE' as const, progressPercent: 100 };
    act(() => {
      window.dispatchEvent(new CustomEvent(PST_DATA_CHANGED, { detail: { action: saved } }));
    });
    await waitFor(() => expect(rates()).toEqual(['100\u00a0%Taux de réalisation']));
    expect(os().textContent).toContain('100\u00a0%');
    expect(os().textContent).not.toContain('1 terminée');
    expect(loadsOf(repo)).toBe(loads);
  });

  it('load the plan again after an import (no action in the event)', async () => {
    const repo = repository({});
    render(<PstApp view="dashboard" repository={repo} lang="fr" today="2026-11-23" />);
    await screen.findByText('Taux de réalisation');
    const loads = loadsOf(repo);
    act(() => {
      window.dispatchEvent(new CustomEvent(PST_DATA_CHANGED, { detail: {} }));
    });
    await waitFor(() => expect(loadsOf(repo)).toBe(loads + 1));
    await screen.findByText('Taux de réalisation');
  });
});

describe('PstApp: one computed plan model for the web parts of a page', () => {
  it('the tree, the cards and the dashboard build the plan tree once, once more per filter and per save', async () => {
    const built = jest.spyOn(planTree, 'buildPlanTree');
    try {
      // a snapshot of its own: the model of the shared one is already computed by the tests above
      const pageSnapshot: PstSnapshot = { ...snapshot };
      const repo = repository({ loadSnapshot: async () => pageSnapshot });
      render(
        <>
          <PstApp view="tree" repository={repo} lang="fr" today="2026-11-23" />
          <PstApp view="cards" repository={repo} lang="fr" today="2026-11-23" />
          {/* without the trend: it walks its own copy of the tree through the months of the check-in history */}
          <PstApp view="dashboard" repository={repo} lang="fr" today="2026-11-23" dashboardWidgets={DASHBOARD_WIDGETS.filter((w) => w !== 'trend')} />
        </>,
      );
      await screen.findByText('Taux de réalisation');
      await screen.findAllByRole('treeitem');
      await waitFor(() => expect(document.querySelectorAll('article')).toHaveLength(2));
      expect(built).toHaveBeenCalledTimes(1);

      // a search typed in one web part filters all three: one more tree, for all of them
      jest.useFakeTimers();
      try {
        fireEvent.change(screen.getAllByLabelText('Rechercher (titre ou code)')[0], { target: { value: 'téléphonie' } });
        act(() => {
          jest.advanceTimersByTime(1000);
        });
      } finally {
        jest.useRealTimers();
      }
      await waitFor(() => expect(document.querySelectorAll('article')).toHaveLength(1));
      expect(built).toHaveBeenCalledTimes(2);

      // a save: every web part patches its plan with the same action, one model again
      const saved = { ...snapshot.actions[0], status: 'TERMINE' as const, progressPercent: 100 };
      act(() => {
        window.dispatchEvent(new CustomEvent(PST_DATA_CHANGED, { detail: { action: saved } }));
      });
      await waitFor(() => expect(document.querySelector('article')!.textContent).toContain('Terminé'));
      expect(built).toHaveBeenCalledTimes(3);
    } finally {
      built.mockRestore();
      // the search went into the page's URL (shared filter): the next tests start without it
      window.history.replaceState(null, '', '/');
    }
  });
});

describe('PstApp: « Importer un PST » is the coordinator’s', () => {
  const as = (canEditAllActions: boolean, plans = snapshot.plans) =>
    repository({ loadSnapshot: async () => ({ ...snapshot, plans, viewer: { user: { id: 7, displayName: 'X' }, canEditAllActions } }) });

  it('the coordinator opens the import view from the tree', async () => {
    render(<PstApp view="tree" repository={as(true)} lang="fr" today="2026-11-23" />);
    // The bar shows its items once it has measured them (an animation frame after the first render).
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Plan' }, { timeout: 5000 }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Importer un PST' }));
    expect(await screen.findByRole('button', { name: /Déposez le fichier ici/ })).toBeTruthy();
  });

  it('a project lead or a reader does not see it', async () => {
    render(<PstApp view="tree" repository={as(false)} lang="fr" today="2026-11-23" />);
    // The bar holds the report alone: no « Plan » menu with the import and the leads' designation.
    const bar = await screen.findByRole('menubar', { name: 'Commandes du plan' });
    await waitFor(() => expect(Array.from(bar.querySelectorAll('[role="menuitem"]')).map((item) => item.textContent)).toEqual(['Générer un rapport']));
  });

  it('« Désigner les chefs de projet » is the coordinator’s too, from the tree', async () => {
    render(<PstApp view="tree" repository={as(true)} lang="fr" today="2026-11-23" />);
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Plan' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Désigner les chefs de projet' }));
    expect(await screen.findByRole('dialog', { name: 'Désigner les chefs de projet' })).toBeTruthy();
  });

  it('on the dashboard, only while the site has no plan yet', async () => {
    const { unmount } = render(<PstApp view="dashboard" repository={as(true)} lang="fr" today="2026-11-23" />);
    await screen.findByText('Taux de réalisation');
    const bar = await screen.findByRole('menubar', { name: 'Commandes du plan' });
    await waitFor(() => expect(Array.from(bar.querySelectorAll('[role="menuitem"]')).map((item) => item.textContent)).toEqual(['Générer un rapport', 'Exporter / publier']));
    unmount();
    // Without a plan, the import is the one plan command: in the bar itself.
    render(<PstApp view="dashboard" repository={as(true, [])} lang="fr" today="2026-11-23" />);
    expect(await screen.findByRole('menuitem', { name: 'Importer un PST' })).toBeTruthy();
  });
});

describe('PstApp on a site keeping two legislatures', () => {
  const twoPlans: PstSnapshot = {
    ...snapshot,
    plans: [
      { id: 1, title: 'PST 2019-2024', organisation: 'CPAS de Binche', startYear: 2019, endYear: 2024 },
      { id: 2, title: 'PST 2025-2030', organisation: 'CPAS de Binche', startYear: 2025, endYear: 2030 },
    ],
    strategicObjectives: [
      { id: 1, code: '1', title: 'Ancien objectif', volet: null, order: 1, planId: 1 },
      { id: 2, code: '1', title: 'Nouvel objectif', volet: null, order: 1, planId: 2 },
    ],
    operationalObjectives: [
      { id: 1, code: '1.1', title: 'Ancien OO', strategicObjectiveId: 1, order: 1 },
      { id: 2, code: '1.1', title: 'Nouvel OO', strategicObjectiveId: 2, order: 1 },
    ],
    actions: [createAction({ id: 1, code: '1.1.1', title: 'Ancienne action', operationalObjectiveIds: [1] }), createAction({ id: 2, code: '1.1.1', title: 'Nouvelle action', operationalObjectiveIds: [2] })],
  };

  it('shows the running plan only, and the other one on request', async () => {
    render(<PstApp view="tree" repository={repository({ loadSnapshot: async () => twoPlans })} lang="fr" today="2026-11-23" />);
    await screen.findByRole('treeitem', { name: /Nouvel objectif/ });
    expect(screen.queryByRole('treeitem', { name: /Ancien objectif/ })).toBeNull();
    // In the command bar's far end (the bar shows its items once it has measured them).
    fireEvent.click(await screen.findByRole('combobox', { name: /^PST affiché/ }));
    fireEvent.click(await screen.findByRole('option', { name: /PST 2019-2024/ }));
    await screen.findByRole('treeitem', { name: /Ancien objectif/ });
    expect(screen.queryByRole('treeitem', { name: /Nouvel objectif/ })).toBeNull();
  });
});

// Fluent's ResizeGroup and Dropdown finish on animation frames: let them run before jsdom goes away.
afterAll(() => new Promise((resolve) => setTimeout(resolve, 200)));
