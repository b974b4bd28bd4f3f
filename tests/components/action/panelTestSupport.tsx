import * as React from 'react';
import { setIconOptions } from '@fluentui/react';
import { render } from '@testing-library/react';
import { ActionPanel, ActionPanelProps } from '../../../src/components/action/ActionPanel';
import type { PstRepository } from '../../../src/data/PstRepository';
import type { ActionDetails } from '../../../src/data/actionDetails';
import { Action, CheckIn, createAction, Period } from '../../../src/domain/model';
import { isParseError, parsePeriod } from '../../../src/domain/parsing';

// The web parts register Fluent's icons; the tests do not need the font.
setIconOptions({ disableWarnings: true });

export const NBSP = '\u00a0';
export const TODAY = '2025-01-12';

export function period(text: string): Period {
  const p = parsePeriod(text);
  if (p === null || isParseError(p)) throw new Error(`bad period ${text}`);
  return p;
}

export const strategicObjective = { id: 1, code: '1.1', title: 'Améliorer l’accueil des usagers', volet: 'externe' as const, order: 1 };
export const operationalObjectives = [
  { id: 11, code: '1.1.1', title: 'Un accueil téléphonique joignable', strategicObjectiveId: 1, order: 1 },
  { id: 12, code: '1.1.2', title: 'Un guichet unique', strategicObjectiveId: 1, order: 2 },
];

export const marie = { id: 5, displayName: 'Marie Dupont', email: 'marie.dupont@cpas-binche.be' };
export const jean = { id: 6, displayName: 'Jean Martin', email: 'jean.martin@cpas-binche.be' };

export function sampleAction(overrides: Partial<Action> = {}): Action {
  return createAction({
    id: 7,
    code: '1.1.1.1',
    title: 'Moderniser la téléphonie',
    operationalObjectiveIds: [11, 12],
    description: '<div class="ExternalClass1"><p>Installer une <b>centrale</b> téléphonique.</p></div>',
    plannedStart: period('2024'),
    plannedStartText: '2024',
    plannedEnd: period('2024'),
    plannedEndText: '2024',
    department: 'Service informatique',
    projectLead: marie,
    team: [jean],
    mandatary: 'Conseil de l’action sociale',
    priority: 'niveau1',
    status: 'EN_COURS',
    progressPercent: 35,
    health: 'risque',
    risks: ['Retard du fournisseur', 'Budget insuffisant'],
    sdgs: [9, 16],
    labels: ['PCS'],
    resources: { text: null, lines: [{ year: 2025, service: 'ordinaire', direction: 'depense', source: 'cpas', article: '844/124-48', planned: 12345.5, actual: null, etp: 1.5 }] },
    comments: 'Suivi mensuel au CODIR.',
    lastCheckInDate: '2025-01-10',
    ...overrides,
  });
}

export const checkIns: CheckIn[] = [
  { id: 99, actionId: 7, date: '2024-11-02', author: jean, status: 'NON_COMMENCE', percent: 0, health: 'bon', comment: 'Cahier des charges en rédaction.' },
  { id: 100, actionId: 7, date: '2025-01-10', author: marie, status: 'EN_COURS', percent: 35, health: 'risque', comment: 'Devis reçus, un fournisseur en retard.' },
];

export function sampleDetails(overrides: Partial<ActionDetails> = {}): ActionDetails {
  return {
    action: sampleAction(),
    etag: '"1"',
    indicators: [{ id: 1, actionId: 7, label: 'Appels décrochés', unit: '%', baseline: 60, target: 90, current: 75, year: 2024 }],
    checkIns,
    canEdit: true,
    modifiedBy: null,
    modified: null,
    ...overrides,
  };
}

const notUsedHere = async (): Promise<never> => {
  throw new Error('not used by the panel');
};

export type FakeRepository = PstRepository & {
  loadActionDetails: jest.Mock;
  updateAction: jest.Mock;
  addCheckIn: jest.Mock;
  correctCheckIn: jest.Mock;
};

/** A repository double: the panel only reads details and writes check-ins and sheets. */
export function fakeRepository(details: ActionDetails, overrides: Partial<PstRepository> = {}): FakeRepository {
  let nextId = 500;
  return {
    inspectLists: notUsedHere,
    canManageLists: notUsedHere,
    canEditAllActions: notUsedHere,
    provisionLists: notUsedHere,
    loadSnapshot: notUsedHere,
    importPlan: notUsedHere,
    currentUser: async () => marie,
    loadActionDetails: jest.fn(async () => details),
    updateAction: jest.fn(async () => '"2"'),
    addCheckIn: jest.fn(async (checkIn) => ({ checkIn: { ...checkIn, id: nextId++, author: marie }, actionEtag: '"2"' })),
    correctCheckIn: jest.fn(async ({ checkInId, actionId, date, status, percent, health, comment }) => ({ checkIn: { id: checkInId, actionId, date, status, percent, health, comment, author: marie, corrections: [] }, actionEtag: '"3"' })),
    ...overrides,
  } as FakeRepository;
}

export function renderPanel(repository: PstRepository, props: Partial<ActionPanelProps> = {}) {
  const onSaved = jest.fn();
  const onClose = jest.fn();
  const utils = render(
    <ActionPanel
      actionId={7}
      repository={repository}
      context={{ strategicObjective, operationalObjectives }}
      today={TODAY}
      lang="fr"
      isCoordinator={false}
      onClose={onClose}
      onSaved={onSaved}
      {...props}
    />,
  );
  return { ...utils, onSaved, onClose };
}
