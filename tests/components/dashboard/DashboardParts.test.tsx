/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { PstDashboard } from '../../../src/components/dashboard/PstDashboard';
import { AttentionTable, LateTable, ServiceTable } from '../../../src/components/dashboard/ActionTables';
import { agendaLine } from '../../../src/components/dashboard/LeadAgenda';
import { dashboardFigures } from '../../../src/domain/dashboard';
import type { PstFilter } from '../../../src/domain/filter';
import { leadAgenda } from '../../../src/domain/leadAgenda';
import { CheckIn, createAction, Period } from '../../../src/domain/model';

const day = (iso: string): Period => ({ text: iso, start: iso, end: iso, precision: 'day' });
const julien = { displayName: 'Julien Leclercq', email: 'julien.leclercq@cpas.example' };
const today = '2026-11-23';
const actions = [
  createAction({ id: 3, code: '1.1.1', title: 'Horaires élargis', operationalObjectiveIds: [2], status: 'EN_COURS', progressPercent: 40, plannedEnd: day('2026-08-25'), projectLead: julien, lastCheckInDate: '2026-11-01' }),
  createAction({ id: 4, code: '1.1.2', title: 'Borne', operationalObjectiveIds: [2], status: 'TERMINE', plannedEnd: day('2026-03-31') }),
  createAction({ id: 7, code: '2.1.1', title: 'Rénovation', operationalObjectiveIds: [6], status: 'PROBLEME', progressPercent: 20, plannedEnd: day('2027-06-30'), projectLead: julien, lastCheckInDate: '2026-09-15' }),
];
const input = {
  plan: { id: 1, title: 'PST', organisation: null, startYear: 2025, endYear: 2030 },
  strategicObjectives: [
    { id: 1, code: '1', title: 'Accueil', volet: null, order: 1 },
    { id: 5, code: '2', title: 'Logement', volet: null, order: 2 },
  ],
  operationalObjectives: [
    { id: 2, code: '1.1', title: 'Guichet', strategicObjectiveId: 1, order: 1 },
    { id: 6, code: '2.1', title: 'Logements de transit', strategicObjectiveId: 5, order: 1 },
  ],
  actions,
};
const figures = dashboardFigures(input, today);

function Controlled({ onChange }: { onChange: (f: PstFilter) => void }): JSX.Element {
  const [filter, setFilter] = React.useState<PstFilter>({ search: 'a' });
  return (
    <PstDashboard
      figures={figures}
      lang="fr"
      onOpenAction={() => undefined}
      onExport={() => undefined}
      filter={filter}
      onFilterChange={(f) => {
        onChange(f);
        setFilter(f);
      }}
    />
  );
}

describe('the key figures', () => {
  it('are toggle buttons that set the shared filter, and plain figures for the rates', () => {
    const changes: PstFilter[] = [];
    render(<Controlled onChange={(f) => changes.push(f)} />);
    const figuresList = screen.getByRole('list', { name: 'Chiffres clés' });
    const late = within(figuresList).getByRole('button', { name: /En retard/ });
    expect(late.textContent).toContain('1');
    expect(late.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(late);
    expect(changes[0]).toEqual({ search: 'a', lateness: ['overdue'] });
    expect(late.getAttribute('aria-pressed')).toBe('true');
    expect(within(figuresList).getByRole('button', { name: /^\d+\s*Actions/ }).getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(within(figuresList).getByRole('button', { name: /Bloquées/ }));
    expect(changes[1]).toEqual({ search: 'a', blocked: true });
    fireEvent.click(within(figuresList).getByRole('button', { name: /Sans suivi récent/ }));
    expect(changes[2]).toEqual({ search: 'a', lateness: ['stale'] });
    fireEvent.click(within(figuresList).getByRole('button', { name: /Sans suivi récent/ }));
    expect(changes[3]).toEqual({ search: 'a' });
    expect(within(figuresList).queryByRole('button', { name: /Taux de réalisation/ })).toBeNull();
    expect(within(figuresList).getByText('Taux de réalisation')).toBeTruthy();
  });

  it('are plain figures without a shared filter', () => {
    render(<PstDashboard figures={figures} lang="fr" onOpenAction={() => undefined} onExport={() => undefined} />);
    expect(within(screen.getByRole('list', { name: 'Chiffres clés' })).queryAllByRole('button')).toEqual([]);
  });
});

describe('the charts', () => {
  it('progress per OS: one button per OS, named by its figures, opening its OO', () => {
    render(<PstDashboard figures={figures} lang="fr" onOpenAction={() => undefined} onExport={() => undefined} />);
    const os = screen.getByRole('button', { name: /^2 Logement/ });
    expect(os.textContent).toMatch(/Avancement 20\u00a0%1 bloquée$/);
    expect(screen.getByRole('button', { name: /^1 Accueil/ }).textContent).toMatch(/Avancement 70\u00a0%1 en retard$/);
    expect(os.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('2.1 Logements de transit : avancement 20 %, 0 en retard, 1 bloquée')).toBeNull();
    fireEvent.click(os);
    expect(os.getAttribute('aria-expanded')).toBe('true');
    const list = document.getElementById(os.getAttribute('aria-controls') as string) as HTMLElement;
    expect(within(list).getByText('2.1 Logements de transit : avancement 20 %, 0 en retard, 1 bloquée')).toBeTruthy();
  });

  it('status distribution and quarters: the figures in tables with a caption, the drawing hidden', async () => {
    render(<PstDashboard figures={figures} lang="fr" onOpenAction={() => undefined} onExport={() => undefined} />);
    const status = await screen.findByRole('table', { name: 'Répartition par statut' });
    expect(within(status).getByRole('row', { name: /Problème 1 33\u00a0%/ })).toBeTruthy();
    expect(within(status).getAllByRole('row')).toHaveLength(8);
    const quarters = screen.getByRole('table', { name: 'Échéances par trimestre' });
    expect(within(quarters).getByRole('row', { name: 'T3 2026 1 0' })).toBeTruthy();
    expect(within(quarters).getByRole('row', { name: 'T1 2026 1 1' })).toBeTruthy();
    for (const svg of Array.from(document.querySelectorAll('svg'))) expect(svg.closest('[aria-hidden="true"]')).not.toBeNull();
    expect(screen.getByText('Fins prévues (toutes) : 3')).toBeTruthy();
    expect(screen.getByText('dont terminées : 1')).toBeTruthy();
  });
});

describe('the tables', () => {
  it('late actions: lead, deadline and delay as columns, or on one line when stacked', () => {
    const opened: number[] = [];
    const { unmount } = render(<LateTable items={figures.lateActions} onOpenAction={(id) => opened.push(id)} layout="table" />);
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Action', 'Chef de projet', 'Échéance', 'Retard']);
    expect(within(table).getByRole('row', { name: '1.1.1 Horaires élargis Julien Leclercq 25/08/2026 90 j de retard' })).toBeTruthy();
    unmount();
    render(<LateTable items={figures.lateActions} onOpenAction={(id) => opened.push(id)} layout="stacked" />);
    const item = screen.getByRole('listitem');
    expect(item.textContent).toBe('1.1.1 Horaires élargis90 j de retard · échéance 25/08/2026 · Julien Leclercq');
    fireEvent.click(screen.getByText('1.1.1 Horaires élargis'));
    expect(opened).toEqual([3]);
  });

  it('blocked actions: the reason and the date read from the check-ins, per action', async () => {
    const history: CheckIn[] = [
      { id: 2, actionId: 7, date: '2026-10-10', author: null, status: 'PROBLEME', percent: 20, health: 'blocage', comment: 'Entrepreneur en faillite' },
      { id: 1, actionId: 7, date: '2026-09-15', author: null, status: 'PROBLEME', percent: 20, health: null, comment: 'Permis refusé' },
      { id: 0, actionId: 7, date: '2026-06-01', author: null, status: 'EN_COURS', percent: 10, health: null, comment: null },
    ];
    const asked: number[][] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const load = async (ids: readonly number[]) => {
      asked.push([...ids]);
      await gate;
      return new Map(ids.map((id) => [id, history]));
    };
    render(<AttentionTable items={figures.attentionActions} onOpenAction={() => undefined} loadCheckIns={load} layout="table" />);
    expect(screen.getAllByText('Chargement…')).toHaveLength(2);
    await act(async () => release());
    const row = await screen.findByRole('row', { name: /Rénovation/ });
    expect(row.textContent).toBe('2.1.1 RénovationBloquéeEntrepreneur en failliteJulien Leclercq15/09/2026');
    expect(asked).toEqual([[7]]);
  });

  it('blocked actions without a loader say the reason is not known; stacked rows keep state, date and lead', () => {
    render(<AttentionTable items={figures.attentionActions} onOpenAction={() => undefined} layout="stacked" />);
    expect(screen.getByRole('listitem').textContent).toBe('2.1.1 RénovationBloquée · date inconnue · Julien Leclercq« Aucun commentaire de suivi »');
  });
});

describe('the services table', () => {
  it('is a plain table: one row per service with its counts and progress', () => {
    render(<ServiceTable items={figures.services} />);
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Service', 'Actions', 'Terminées', 'En retard', 'Bloquées', 'Avancement']);
    expect(within(table).getAllByRole('row')).toHaveLength(1 + figures.services.length);
    expect(within(table).getByRole('rowheader', { name: '(sans service)' })).toBeTruthy();
  });
});

describe('long tables, shown in steps', () => {
  const many = Array.from({ length: 130 }, (_, i) =>
    createAction({ id: 100 + i, code: `9.${i + 1}`, title: `Action ${i + 1}`, operationalObjectiveIds: [2], status: 'PROBLEME', plannedEnd: day('2026-01-01'), lastCheckInDate: '2026-10-01' }),
  );
  const big = dashboardFigures({ ...input, actions: many }, today);

  it('late actions: the 25 most late first, then 100 more per click, until all are shown', () => {
    expect(big.lateActions).toHaveLength(130);
    render(<LateTable items={big.lateActions} onOpenAction={() => undefined} layout="table" />);
    expect(screen.getAllByRole('row')).toHaveLength(1 + 25);
    fireEvent.click(screen.getByRole('button', { name: 'Afficher 100 de plus (105 non affichées)' }));
    expect(screen.getAllByRole('row')).toHaveLength(1 + 125);
    fireEvent.click(screen.getByRole('button', { name: 'Afficher 5 de plus (5 non affichées)' }));
    expect(screen.getAllByRole('row')).toHaveLength(1 + 130);
    expect(screen.queryByRole('button', { name: /^Afficher/ })).toBeNull();
  });

  it('blocked actions: the check-ins are read for the rows shown only', async () => {
    const asked: number[][] = [];
    const load = async (ids: readonly number[]) => {
      asked.push([...ids]);
      return new Map<number, CheckIn[]>();
    };
    render(<AttentionTable items={big.attentionActions} onOpenAction={() => undefined} loadCheckIns={load} layout="table" />);
    await waitFor(() => expect(asked).toHaveLength(1));
    expect(asked[0]).toEqual(big.attentionActions.slice(0, 25).map((a) => a.action.id));
  });

  it('blocked actions: what was read is kept with the loader, another filter reads only the rows not read yet, in one call', async () => {
    const asked: number[][] = [];
    const load = async (ids: readonly number[]) => {
      asked.push([...ids]);
      return new Map(ids.map((id): [number, CheckIn[]] => [id, [{ id, actionId: id, date: '2026-10-01', author: null, status: 'PROBLEME', percent: 5, health: null, comment: `Raison ${id}` }]]));
    };
    const first = big.attentionActions.slice(0, 10);
    const second = big.attentionActions.slice(5, 15);
    const { rerender, unmount } = render(<AttentionTable items={first} onOpenAction={() => undefined} loadCheckIns={load} layout="table" />);
    await screen.findByText(`Raison ${first[0].action.id}`);
    rerender(<AttentionTable items={second} onOpenAction={() => undefined} loadCheckIns={load} layout="table" />);
    await screen.findByText(`Raison ${second[9].action.id}`);
    expect(asked).toEqual([first.map((a) => a.action.id), second.slice(5).map((a) => a.action.id)]);
    // Shown again (another filter, the table mounted anew): nothing read, no « Chargement… ».
    unmount();
    render(<AttentionTable items={first} onOpenAction={() => undefined} loadCheckIns={load} layout="table" />);
    expect(screen.queryByText('Chargement…')).toBeNull();
    expect(screen.getByText(`Raison ${first[0].action.id}`)).toBeTruthy();
    expect(asked).toHaveLength(2);
  });
});

describe('the lead’s start', () => {
  it('says what needs doing and lists the actions most urgent first', async () => {
    const agenda = leadAgenda(actions, julien, today);
    expect(agendaLine(agenda, 'fr')).toBe('À faire : 1 action en retard à replanifier ou terminer et 1 suivi à ajouter.');
    expect(agendaLine({ items: [], overdue: 0, dueSoon: 0, stale: 0, upToDate: 2 }, 'fr')).toBe("Rien d'urgent : vos actions en cours sont à jour.");
    const opened: number[] = [];
    render(<PstDashboard figures={figures} lang="fr" onOpenAction={(id) => opened.push(id)} onExport={() => undefined} agenda={agenda} />);
    const block = screen.getByRole('region', { name: 'Mes actions à traiter' });
    const items = within(block).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['1.1.1 Horaires élargis90 j de retard · échéance 25/08/2026', '2.1.1 Rénovationsans suivi depuis 69 j']);
    fireEvent.click(within(block).getByText('2.1.1 Rénovation'));
    await waitFor(() => expect(opened).toEqual([7]));
  });
});
