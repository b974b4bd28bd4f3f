/** @jest-environment ./tests/support/jsdomEnvironmentWithFetch.js */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ConflictError } from '../../../src/data/errors';
import type { ActionDetails } from '../../../src/data/actionDetails';
import type { MeansLine } from '../../../src/domain/means';
import { fakeRepository, NBSP, renderPanel, sampleAction, sampleDetails } from './panelTestSupport';

// The panel's forms are slow to drive in jsdom on a loaded machine.
jest.setTimeout(90_000);

const lines: MeansLine[] = [
  { id: 1, year: 2025, service: 'ordinaire', direction: 'depense', source: 'commune', article: '844/124-48', planned: 1234.5, actual: 1000, etp: 0.5 },
  { id: 2, year: 2025, service: 'ordinaire', direction: 'recette', source: 'region', article: null, planned: 800, actual: null, etp: null },
  { id: 3, year: 2026, service: 'extraordinaire', direction: 'depense', source: 'europe', article: null, planned: 20000, actual: null, etp: 1 },
];

function detailsWith(meansLines: MeansLine[], overrides: Partial<ActionDetails> = {}): ActionDetails {
  const action = sampleAction();
  return sampleDetails({ action: { ...action, resources: { ...action.resources, lines: meansLines } }, meansVersion: 'v1', ...overrides });
}

const euro = (text: string): string => text.replace(/ /g, NBSP) + `${NBSP}€`;

async function meansSection(): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { name: 'Moyens par année' });
  return heading.closest('section') as HTMLElement;
}

describe('the means per year in the panel', () => {
  it('shows the lines and the totals per year in the Belgian format, without the single figures of before', async () => {
    renderPanel(fakeRepository(detailsWith(lines)));
    const section = await meansSection();
    const perYear = within(section).getByTestId('means-per-year');
    const rows = within(perYear).getAllByRole('row').map((r) => r.textContent);
    expect(rows[1]).toBe(`Total 2025${euro('1 234,50')}${euro('1 000,00')}${euro('800,00')}${euro('0,00')}0,5`);
    expect(rows[2]).toBe(`Total 2026${euro('20 000,00')}${euro('0,00')}${euro('0,00')}${euro('0,00')}1`);
    expect(section.textContent).toContain('Région wallonne');
    expect(section.textContent).toContain('844/124-48');
    // The single budget (12 345,50 €) is replaced by the lines.
    expect(document.body.textContent).not.toContain(euro('12 345,50'));
    // Not the coordinator: no edit button.
    expect(within(section).queryByRole('button', { name: 'Modifier les moyens' })).toBeNull();
  });

  it('shows nothing to a reader when the action has no line', async () => {
    renderPanel(fakeRepository(detailsWith([], { canEdit: false })));
    await screen.findByText('Moderniser la téléphonie', { exact: false });
    expect(screen.queryByRole('heading', { name: 'Moyens par année' })).toBeNull();
  });

  it('the coordinator edits a line, adds one, removes one, and the lines are saved with the version shown', async () => {
    const saved = detailsWith([{ ...lines[0], planned: 1500 }], { meansVersion: 'v2' });
    const repository = fakeRepository(detailsWith(lines), { saveMeansLines: jest.fn(async () => saved) });
    renderPanel(repository, { isCoordinator: true });
    fireEvent.click(within(await meansSection()).getByRole('button', { name: 'Modifier les moyens' }));

    const rows = await screen.findAllByTestId('means-row');
    expect(rows).toHaveLength(3);
    fireEvent.change(within(rows[0]).getByLabelText('Prévu (€)'), { target: { value: '1 500' } });
    fireEvent.click(within(rows[1]).getByRole('button', { name: 'Supprimer la Ligne 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une ligne' }));
    const added = screen.getAllByTestId('means-row')[2];
    // The year after the last line's, the same service and source.
    expect((within(added).getByLabelText('Année') as HTMLInputElement).value).toBe('2027');
    fireEvent.change(within(added).getByLabelText('Prévu (€)'), { target: { value: '2.500,75' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les moyens' }));

    await waitFor(() => expect(repository.saveMeansLines).toHaveBeenCalledTimes(1));
    const [actionId, written, version] = (repository.saveMeansLines as jest.Mock).mock.calls[0];
    expect([actionId, version]).toEqual([7, 'v1']);
    expect(written).toEqual([
      { ...lines[0], planned: 1500 },
      lines[2],
      { year: 2027, service: 'extraordinaire', direction: 'depense', source: 'europe', article: null, planned: 2500.75, actual: null, etp: null },
    ]);
    await waitFor(() => expect(document.body.textContent).toContain('Moyens enregistrés.'));
    expect((await meansSection()).textContent).toContain(euro('1 500,00'));
  });

  it('refuses what cannot be read, with a French message, and saves nothing', async () => {
    const repository = fakeRepository(detailsWith(lines), { saveMeansLines: jest.fn() });
    renderPanel(repository, { isCoordinator: true });
    fireEvent.click(within(await meansSection()).getByRole('button', { name: 'Modifier les moyens' }));
    const [first, second] = await screen.findAllByTestId('means-row');
    fireEvent.change(within(first).getByLabelText('Année'), { target: { value: '20266' } });
    fireEvent.change(within(second).getByLabelText('Réalisé (€)'), { target: { value: '-5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les moyens' }));

    await waitFor(() => expect(first.textContent).toContain("L'année doit être comprise entre 1990 et 2100."));
    expect(second.textContent).toContain('Le montant réalisé ne peut pas être négatif.');
    expect(repository.saveMeansLines).not.toHaveBeenCalled();
    expect((within(first).getByLabelText('Année') as HTMLInputElement).value).toBe('20266');
  });

  it('on a conflict shows both versions, keeps what was typed, and saves over the stored version on request', async () => {
    const theirs = detailsWith([{ ...lines[0], planned: 9999 }], { meansVersion: 'v9' });
    const saveMeansLines = jest.fn().mockRejectedValueOnce(new ConflictError(theirs)).mockResolvedValueOnce(detailsWith([lines[0]], { meansVersion: 'v10' }));
    renderPanel(fakeRepository(detailsWith(lines), { saveMeansLines }), { isCoordinator: true });
    fireEvent.click(within(await meansSection()).getByRole('button', { name: 'Modifier les moyens' }));
    const rows = await screen.findAllByTestId('means-row');
    fireEvent.click(within(rows[2]).getByRole('button', { name: 'Supprimer la Ligne 3' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les moyens' }));

    const conflict = await screen.findByTestId('conflict');
    // Theirs: the one line with its new amount; mine: the two lines kept, the receipt among them.
    expect(conflict.textContent).toContain(`Prévu ${euro('9 999,00')}`);
    expect(conflict.textContent).toContain(`2025 · Recette · `);
    expect(screen.getAllByTestId('means-row')).toHaveLength(2);

    fireEvent.click(within(conflict).getByRole('button', { name: 'Garder mes modifications' }));
    await waitFor(() => expect(saveMeansLines).toHaveBeenCalledTimes(2));
    expect(saveMeansLines.mock.calls[1][2]).toBe('v9');
    expect(saveMeansLines.mock.calls[1][1]).toHaveLength(2);
  });
});
