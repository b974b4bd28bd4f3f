/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react';
import { MeansView } from '../../../src/components/dashboard/MeansView';
import { PstDashboard } from '../../../src/components/dashboard/PstDashboard';
import { dashboardFigures } from '../../../src/domain/dashboard';
import type { MeansLine } from '../../../src/domain/means';
import { createAction } from '../../../src/domain/model';

setIconOptions({ disableWarnings: true });

const NBSP = '\u00a0';
const euro = (text: string): string => text.replace(/ /g, NBSP) + `${NBSP}€`;
const strategicObjectives = [
  { id: 1, code: '1', title: 'Accueil', volet: null, order: 1 },
  { id: 5, code: '2', title: 'Logement', volet: null, order: 2 },
];
const operationalObjectives = [
  { id: 2, code: '1.1', title: 'Guichet', strategicObjectiveId: 1, order: 1 },
  { id: 6, code: '2.1', title: 'Transit', strategicObjectiveId: 5, order: 1 },
];
const actions = [
  createAction({ id: 3, title: 'Horaires', operationalObjectiveIds: [2], department: 'Accueil', status: 'EN_COURS' }),
  createAction({ id: 7, title: 'Rénovation', operationalObjectiveIds: [6], department: 'Travaux', status: 'EN_COURS' }),
  createAction({ id: 8, title: 'Sans moyens', operationalObjectiveIds: [6], status: 'EN_COURS' }),
];
const line = (fields: Partial<MeansLine>): MeansLine => ({ year: 2026, service: 'ordinaire', direction: 'depense', source: 'commune', article: null, planned: null, actual: null, etp: null, ...fields });
const lines = new Map<number, MeansLine[]>([
  [3, [line({ planned: 10000, actual: 8000, etp: 1 }), line({ year: 2027, planned: 12000, etp: 1 })]],
  [7, [line({ service: 'extraordinaire', source: 'region', planned: 250000, actual: 1000 }), line({ direction: 'recette', source: 'region', planned: 200000 })]],
]);

function renderView(load = jest.fn(async () => lines)) {
  render(<MeansView actions={actions} operationalObjectives={operationalObjectives} strategicObjectives={strategicObjectives} load={load} lang="fr" />);
  return load;
}

const tableNamed = (name: string): HTMLElement => screen.getByRole('table', { name });
const rowTexts = (table: HTMLElement): string[] => within(table).getAllByRole('row').slice(1).map((r) => Array.from(r.children).map((c) => c.textContent).join(' | '));

describe('the means view of the dashboard', () => {
  it('reads the lines once and sums them: the summary, per year, per service, per source, per OS, per pilot service', async () => {
    const load = renderView();
    const summary = await screen.findByTestId('means-summary');
    expect(load).toHaveBeenCalledTimes(1);
    expect(summary.textContent).toBe(
      `2 action(s) avec des moyens · dépenses prévues ${euro('272 000')} · réalisées ${euro('9 000')} · recettes prévues ${euro('200 000')} · 2 ETP`,
    );
    // The chart's text alternative.
    expect(rowTexts(tableNamed('Dépenses prévues et réalisées par année'))).toEqual([`2026 | ${euro('260 000')} | ${euro('9 000')}`, `2027 | ${euro('12 000')} | ${euro('0')}`]);
    expect(rowTexts(tableNamed('Par service budgétaire'))).toEqual([
      `Service ordinaire | ${euro('22 000')} | ${euro('8 000')} | ${euro('200 000')} | 2`,
      `Service extraordinaire | ${euro('250 000')} | ${euro('1 000')} | ${euro('0')} | 0`,
    ]);
    expect(rowTexts(tableNamed('Par source de financement')).map((r) => r.split(' | ')[0])).toEqual(['Commune', 'Région wallonne']);
    expect(rowTexts(tableNamed('Par objectif stratégique')).map((r) => r.split(' | ').slice(0, 2).join(' | '))).toEqual([
      `1 Accueil | ${euro('22 000')}`,
      `2 Logement | ${euro('250 000')}`,
    ]);
    expect(rowTexts(tableNamed('Par service pilote')).map((r) => r.split(' | ')[0])).toEqual(['Accueil', 'Travaux']);
  });

  it('shows one year when chosen', async () => {
    renderView();
    await screen.findByTestId('means-summary');
    fireEvent.click(screen.getByRole('combobox', { name: /^Année/ }));
    fireEvent.click(await screen.findByRole('option', { name: '2027' }));
    await waitFor(() => expect(screen.getByTestId('means-summary').textContent).toContain(`dépenses prévues ${euro('12 000')}`));
    expect(rowTexts(tableNamed('Par source de financement'))).toEqual([`Commune | ${euro('12 000')} | ${euro('0')} | ${euro('0')} | 1`]);
    expect(screen.queryByRole('table', { name: 'Dépenses prévues et réalisées par année' })).toBeNull();
  });

  it('says so when no action has means', async () => {
    renderView(jest.fn(async () => new Map()));
    expect(await screen.findByText("Aucune action n'a de moyens renseignés.")).toBeTruthy();
  });

  it('says why when the lines cannot be read', async () => {
    renderView(jest.fn(async () => Promise.reject(new Error('Accès refusé'))));
    expect(await screen.findByText("Les moyens n'ont pas pu être lus : Accès refusé")).toBeTruthy();
  });

  it('is a dashboard block the property pane can switch off', async () => {
    const figures = dashboardFigures({ plan: { id: 1, title: 'PST', organisation: null, startYear: 2025, endYear: 2030 }, strategicObjectives, operationalObjectives, actions }, '2026-11-23');
    const load = jest.fn(async () => lines);
    const means = { actions, operationalObjectives, strategicObjectives, load };
    const { unmount } = render(<PstDashboard figures={figures} lang="fr" onOpenAction={jest.fn()} onExport={jest.fn()} means={means} />);
    expect(await screen.findByRole('heading', { name: 'Moyens (budget et ETP)' })).toBeTruthy();
    await screen.findByTestId('means-summary');
    unmount();
    load.mockClear();
    render(<PstDashboard figures={figures} lang="fr" onOpenAction={jest.fn()} onExport={jest.fn()} means={means} widgets={['figures', 'objectives']} />);
    expect(screen.queryByRole('heading', { name: 'Moyens (budget et ETP)' })).toBeNull();
    expect(load).not.toHaveBeenCalled();
  });
});
