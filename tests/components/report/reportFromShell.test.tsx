/**
 * @jest-environment ./tests/support/jsdomEnvironmentWithFetch.js
 */
// « Générer un rapport » on the tree: the Word file the coordinator downloads holds the plan
// as the page shows it, with each action's last check-in comment read through the panel's read.
import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { unzipSync, strFromU8 } from 'fflate';
import { PstApp } from '../../../src/components/shell/PstApp';
import type { PstRepository } from '../../../src/data/PstRepository';
import type { PstSnapshot } from '../../../src/domain/snapshot';
import { createAction } from '../../../src/domain/model';

const snapshot: PstSnapshot = {
  plans: [{ id: 1, title: 'PST 2025-2030 du CPAS de Ciney', organisation: 'CPAS de Ciney', startYear: 2025, endYear: 2030 }],
  sections: [],
  strategicObjectives: [{ id: 1, code: '1', title: 'Renforcer l’accueil', volet: 'externe', order: 1 }],
  operationalObjectives: [{ id: 1, code: '1.1', title: 'Un guichet unique', strategicObjectiveId: 1, order: 1 }],
  actions: [
    createAction({ id: 1, code: '1.1.1', title: 'Ouvrir une permanence sociale', operationalObjectiveIds: [1], status: 'EN_COURS', progressPercent: 40 }),
    createAction({ id: 2, code: '1.1.2', title: 'Former les agents d’accueil', operationalObjectiveIds: [1], status: 'EN_COURS', health: 'blocage' }),
  ],
  indicators: [],
};

const unused = async (): Promise<never> => {
  throw new Error('not used here');
};

afterAll(() => new Promise((resolve) => setTimeout(resolve, 200)));

function readBlob(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

it('writes the filtered plan with the last check-in comments as a Word file', async () => {
  const detailReads: number[] = [];
  const repository: PstRepository = {
    inspectLists: async () => ({ missingLists: [], missingFields: [], upToDate: true }),
    canManageLists: async () => true,
    canEditAllActions: async () => true,
    provisionLists: unused,
    loadSnapshot: async () => snapshot,
    currentUser: async () => ({ id: 1, displayName: 'Coordinatrice PST' }),
    loadActionDetails: async (actionId: number) => {
      detailReads.push(actionId);
      const action = snapshot.actions.find((a) => a.id === actionId)!;
      const comment = actionId === 2 ? 'En attente du local rénové' : 'Permanence ouverte le mardi';
      return {
        action,
        etag: '"1"',
        indicators: [],
        checkIns: [{ id: 10 + actionId, actionId, date: '2026-11-02', author: null, status: action.status!, percent: 40, health: null, comment }],
        canEdit: true,
        modifiedBy: null,
        modified: null,
      };
    },
    updateAction: unused,
    addCheckIn: unused,
    importPlan: unused,
    importDocumentPlan: unused,
    searchPeople: unused,
    assignLead: unused,
  } as unknown as PstRepository;

  const blobs: Blob[] = [];
  const created = jest.fn((blob: Blob) => {
    blobs.push(blob);
    return 'blob:report';
  });
  Object.assign(URL, { createObjectURL: created, revokeObjectURL: jest.fn() });

  render(<PstApp view="tree" repository={repository} lang="fr" today="2026-12-01" />);
  // A command of the page's command bar, shown once the bar has measured its items.
  fireEvent.click(await screen.findByRole('menuitem', { name: 'Générer un rapport' }, { timeout: 5000 }));
  fireEvent.click(await screen.findByRole('menuitem', { name: 'Rapport complet' }));
  fireEvent.click(await screen.findByRole('menuitem', { name: 'Word (.docx)' }));

  await waitFor(() => expect(created).toHaveBeenCalled(), { timeout: 20000 }).catch(() => {
    throw new Error(`${String(document.body.textContent).slice(0, 400)} / reads ${detailReads}`);
  });
  expect(detailReads.sort()).toEqual([1, 2]);
  const files = unzipSync(await readBlob(blobs[0]));
  const body = strFromU8(files['word/document.xml']);
  expect(body).toContain('PST 2025-2030 du CPAS de Ciney');
  expect(body).toContain('Ouvrir une permanence sociale');
  expect(body).toContain('En attente du local rénové');
}, 30000);
