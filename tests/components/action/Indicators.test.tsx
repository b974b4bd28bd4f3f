/** @jest-environment ./tests/support/jsdomEnvironmentWithFetch.js */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ActionDetails } from '../../../src/data/actionDetails';
import type { IndicatorValue } from '../../../src/domain/indicators';
import type { Indicator } from '../../../src/domain/model';
import { fakeRepository, marie, renderPanel, sampleDetails } from './panelTestSupport';

// The panel's forms are slow to drive in jsdom on a loaded machine.
jest.setTimeout(90_000);

const values: IndicatorValue[] = [
  { id: 1, indicatorId: 1, actionId: 7, year: 2023, value: 65, date: '2023-12-01', author: marie },
  { id: 2, indicatorId: 1, actionId: 7, year: 2024, value: 70, date: '2024-06-01', author: marie },
  { id: 3, indicatorId: 1, actionId: 7, year: 2024, value: 78, date: '2024-12-01', author: marie },
];
const withValues = (overrides: Partial<ActionDetails> = {}): ActionDetails => sampleDetails({ indicatorValues: values, indicatorsVersion: 'i1', ...overrides });

describe('indicators in the panel', () => {
  it('show the latest value of the history and its trend, with a text alternative', async () => {
    renderPanel(fakeRepository(withValues({ canEdit: false })));
    const chart = await screen.findByTestId('indicator-chart');
    const table = within(chart).getByRole('table', { name: "Évolution de l'indicateur « Appels décrochés »" });
    expect(within(table).getAllByRole('row').map((r) => r.textContent)).toEqual(['AnnéeValeur actuelle', '202365', '202478', 'Cible90']);
    // The current value is the latest of 2024 (78 %), not the one stored on the indicator (75 %).
    const indicators = screen.getByRole('table', { name: 'Indicateurs' });
    expect(within(indicators).getAllByRole('row')[1].textContent).toContain('78\u00a0%');
    // A reader has no form.
    expect(screen.queryByTestId('indicator-values')).toBeNull();
  });

  it('the lead enters this year’s value with the check-in form; a wrong year is refused in French', async () => {
    const saved = withValues({ indicatorValues: [...values, { id: 4, indicatorId: 1, actionId: 7, year: 2025, value: 81.5, date: '2025-01-12', author: marie }] });
    const repository = fakeRepository(withValues(), { addIndicatorValues: jest.fn(async () => saved) });
    renderPanel(repository);
    const form = await screen.findByTestId('indicator-values');
    expect(form.textContent).toContain('Dernière valeur : 78 (2024)');
    fireEvent.change(within(form).getByLabelText('Valeur : Appels décrochés (%)'), { target: { value: '81,5' } });
    fireEvent.change(within(form).getByLabelText('Année (Appels décrochés)'), { target: { value: '25' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer les valeurs' }));
    await waitFor(() => expect(form.textContent).toContain("L'année doit être comprise entre 1990 et 2100."));
    expect(repository.addIndicatorValues).not.toHaveBeenCalled();

    fireEvent.change(within(form).getByLabelText('Année (Appels décrochés)'), { target: { value: '2025' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer les valeurs' }));
    await waitFor(() => expect(repository.addIndicatorValues).toHaveBeenCalledWith(7, [{ indicatorId: 1, year: 2025, value: 81.5 }], '2025-01-12'));
    await waitFor(() => expect(screen.getByTestId('indicator-values').textContent).toContain('Valeurs des indicateurs enregistrées.'));
    expect(screen.getByTestId('indicator-values').textContent).toContain('Dernière valeur : 81,5 (2025)');
  });

  it('the coordinator edits an indicator and adds one; a lead does not see the command', async () => {
    const repository = fakeRepository(withValues(), { saveIndicators: jest.fn(async (_id: number, indicators: readonly Indicator[]) => withValues({ indicators: indicators.map((i, n) => ({ ...i, id: i.id || 50 + n })) })) });
    renderPanel(repository, { isCoordinator: true });
    fireEvent.click(await screen.findByRole('button', { name: 'Modifier les indicateurs' }));
    const [first] = await screen.findAllByTestId('indicator-row');
    fireEvent.change(within(first).getByLabelText('Cible'), { target: { value: '95' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un indicateur' }));
    const added = screen.getAllByTestId('indicator-row')[1];
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les indicateurs' }));
    await waitFor(() => expect(added.textContent).toContain("Le libellé de l'indicateur est obligatoire."));
    expect(repository.saveIndicators).not.toHaveBeenCalled();
    fireEvent.change(within(added).getByLabelText(/^Indicateur/), { target: { value: 'Délai de réponse' } });
    fireEvent.change(within(added).getByLabelText('Unité'), { target: { value: 'jours' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les indicateurs' }));
    await waitFor(() => expect(repository.saveIndicators).toHaveBeenCalledTimes(1));
    const [actionId, indicators, version] = (repository.saveIndicators as jest.Mock).mock.calls[0];
    expect([actionId, version]).toEqual([7, 'i1']);
    expect(indicators.map((i: { id: number; label: string; target: number | null; unit: string | null }) => [i.id, i.label, i.unit, i.target])).toEqual([
      [1, 'Appels décrochés', '%', 95],
      [0, 'Délai de réponse', 'jours', null],
    ]);
    await waitFor(() => expect(document.body.textContent).toContain('Indicateurs enregistrés.'));
  });

  it('a lead cannot edit the indicators', async () => {
    renderPanel(fakeRepository(withValues()), { isCoordinator: false });
    await screen.findByTestId('indicator-values');
    expect(screen.queryByRole('button', { name: 'Modifier les indicateurs' })).toBeNull();
  });
});
