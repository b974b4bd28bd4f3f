/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { TrendChart, TrendSource } from '../../../src/components/dashboard/TrendChart';
import { createAction, Period } from '../../../src/domain/model';
import type { TrendCheckIn } from '../../../src/domain/trend';

const day = (iso: string): Period => ({ text: iso, start: iso, end: iso, precision: 'day' });
const input = {
  plan: { id: 1, title: 'PST', organisation: null, startYear: 2026, endYear: 2031 },
  strategicObjectives: [
    { id: 1, code: '1', title: 'Accueil', volet: null, order: 1 },
    { id: 5, code: '2', title: 'Logement', volet: null, order: 2 },
  ],
  operationalObjectives: [
    { id: 2, code: '1.1', title: 'Guichet', strategicObjectiveId: 1, order: 1 },
    { id: 6, code: '2.1', title: 'Rénovation', strategicObjectiveId: 5, order: 1 },
  ],
  actions: [
    createAction({ id: 3, title: 'Horaires', operationalObjectiveIds: [2], status: 'EN_COURS', progressPercent: 60, plannedEnd: day('2026-12-31') }),
    createAction({ id: 7, title: 'Toiture', operationalObjectiveIds: [6], status: 'PROBLEME', health: 'blocage', progressPercent: 20, plannedEnd: day('2026-02-15') }),
  ],
};
const history: TrendCheckIn[] = [
  { id: 1, actionId: 3, date: '2026-01-20', status: 'EN_COURS', percent: 30, health: 'bon' },
  { id: 2, actionId: 3, date: '2026-03-02', status: 'EN_COURS', percent: 60, health: 'bon' },
  { id: 3, actionId: 7, date: '2026-02-10', status: 'PROBLEME', percent: 20, health: 'blocage' },
];
const source = (overrides: Partial<TrendSource> = {}): TrendSource => ({ input, plan: input, from: '2026-01-01', today: '2026-03-15', load: async () => history, ...overrides });
const rows = (): string[][] =>
  Array.from(document.querySelectorAll('table tbody tr')).map((tr) => Array.from(tr.children).map((cell) => (cell.textContent ?? '').replace(/\u00a0/g, ' ')));

describe('TrendChart', () => {
  it('reads the history once and gives the plan month by month in its text alternative', async () => {
    const load = jest.fn(async () => history);
    render(<TrendChart source={source({ load })} />);
    expect(screen.getByText("Lecture de l'historique des suivis…")).toBeTruthy();
    await waitFor(() => expect(document.querySelector('table')).not.toBeNull());
    expect(load).toHaveBeenCalledTimes(1);
    expect(document.querySelector('caption')!.textContent).toBe('Tout le plan : avancement, actions en retard et bloquées, fin de chaque mois');
    expect(Array.from(document.querySelectorAll('table thead th')).map((th) => th.textContent)).toEqual(['Mois', 'Avancement', 'En retard', 'Bloquées']);
    // Jan: 30 % and 0 % → 15 %; Feb: 30 % and 20 % (blocked, late since 15/02) → 25 %; Mar: 60 % and 20 % → 40 %.
    expect(rows()).toEqual([
      ['01/2026', '15 %', '0', '0'],
      ['02/2026', '25 %', '1', '1'],
      ['03/2026', '40 %', '1', '1'],
    ]);
    // the lines themselves are drawn, hidden from screen readers (the table says it)
    const svgs = document.querySelectorAll('svg[aria-hidden="true"] polyline');
    expect(svgs.length).toBe(3);
  });

  it('shows one OS when chosen', async () => {
    render(<TrendChart source={source()} />);
    await waitFor(() => expect(document.querySelector('table')).not.toBeNull());
    await act(async () => {
      fireEvent.click(screen.getByRole('combobox', { name: /^Objectif/ }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('option', { name: '2 Logement' }));
    });
    expect(document.querySelector('caption')!.textContent).toContain('2 Logement');
    expect(rows().map((r) => r[1])).toEqual(['0 %', '20 %', '20 %']);
  });

  it('follows the filter: the part of the plan shown, from the history read once', async () => {
    const load = jest.fn(async () => history);
    const { rerender } = render(<TrendChart source={source({ load })} />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    const onlyHoraires = { ...input, actions: input.actions.filter((a) => a.id === 3) };
    const before = rows();
    rerender(<TrendChart source={source({ load, input: onlyHoraires })} />);
    // the new part is counted in short tasks: the chart keeps the last one until then
    expect(rows()).toEqual(before);
    await waitFor(() =>
      expect(rows()).toEqual([
        ['01/2026', '30 %', '0', '0'],
        ['02/2026', '30 %', '0', '0'],
        ['03/2026', '60 %', '0', '0'],
      ]),
    );
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says so when the history cannot be read, or when the plan has no start', async () => {
    const { unmount } = render(<TrendChart source={source({ load: async () => Promise.reject(new Error('Accès refusé')) })} />);
    await waitFor(() => expect(document.body.textContent).toContain("L'historique des suivis n'a pas pu être lu : Accès refusé"));
    unmount();
    render(<TrendChart source={source({ from: null })} />);
    expect(document.body.textContent).toContain("Pas d'historique à montrer : le plan n'a pas d'année de début.");
  });
});
