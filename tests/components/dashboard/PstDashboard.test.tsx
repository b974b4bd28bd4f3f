/**
 * @jest-environment ./tests/support/jsdomEnvironmentWithFetch.js
 */
import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { PstDashboard } from '../../../src/components/dashboard/PstDashboard';
import { dashboardFigures } from '../../../src/domain/dashboard';
import { createAction } from '../../../src/domain/model';
import { parsePeriod, isParseError } from '../../../src/domain/parsing';

const end = parsePeriod('01/10/2026');
if (!end || isParseError(end)) throw new Error('date');
const figures = dashboardFigures(
  {
    plan: { id: 1, title: 'PST', organisation: null, startYear: 2025, endYear: 2030 },
    strategicObjectives: [{ id: 1, code: '1', title: 'Accueil', volet: null, order: 1 }],
    operationalObjectives: [{ id: 2, code: '1.1', title: 'Guichet', strategicObjectiveId: 1, order: 1 }],
    actions: [
      createAction({ id: 3, code: '1.1.1', title: 'Horaires élargis', operationalObjectiveIds: [2], status: 'EN_COURS', progressPercent: 40, plannedEnd: end, projectLead: { displayName: 'Marc Dubois' }, department: 'Accueil' }),
      createAction({ id: 4, code: '1.1.2', title: 'Borne', operationalObjectiveIds: [2], status: 'TERMINE' }),
    ],
  },
  '2026-11-23',
);

describe('PstDashboard', () => {
  it('lists the late action with its lead and days late, and opens its panel', async () => {
    const opened: number[] = [];
    render(<PstDashboard figures={figures} lang="fr" onOpenAction={(id) => opened.push(id)} onExport={() => undefined} />);
    // the key figures first; the blocks below the first screen once they are painted
    expect(screen.getByText('Taux de réalisation')).toBeTruthy();
    expect(screen.queryByText('Actions en retard (1)')).toBeNull();
    expect(await screen.findByText('Actions en retard (1)')).toBeTruthy();
    expect(screen.getByText('Marc Dubois')).toBeTruthy();
    expect(screen.getByText('53 j de retard')).toBeTruthy();
    fireEvent.click(screen.getByText('1.1.1 Horaires élargis'));
    expect(opened).toEqual([3]);
    expect(screen.getByText('Taux de réalisation').parentElement!.textContent).toBe('50\u00a0%Taux de réalisation');
  });

  it('shows only the blocks chosen in the property pane', async () => {
    render(<PstDashboard figures={figures} lang="fr" onOpenAction={() => undefined} onExport={() => undefined} widgets={['late']} />);
    expect(await screen.findByText('Actions en retard (1)')).toBeTruthy();
    expect(screen.queryByText('Répartition par statut')).toBeNull();
    expect(screen.queryByText('Taux de réalisation')).toBeNull();
  });

  it('exports what is shown', () => {
    const exported: string[] = [];
    render(<PstDashboard figures={figures} lang="fr" onOpenAction={() => undefined} onExport={() => exported.push('xlsx')} />);
    fireEvent.click(screen.getByText('Exporter vers Excel'));
    expect(exported).toEqual(['xlsx']);
  });
});
