/**
 * @jest-environment ./tests/support/jsdomEnvironmentWithFetch.js
 */
import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react';
import { FilterBar, FilterBarProps } from '../../../src/components/filters/FilterBar';
import { preloadDropdown } from '../../../src/components/ui/LazyDropdown';
import { PstFilter, filterOptions } from '../../../src/domain/filter';
import { filterToQuery } from '../../../src/domain/links/filterQuery';
import { DATA } from '../tree/fixtures';

setIconOptions({ disableWarnings: true });

const OPTIONS = filterOptions({
  ...DATA,
  actions: DATA.actions.map((a, index) =>
    index === 0 ? { ...a, labels: ['PCS', 'Etats généraux'], sdgs: [1, 10], health: 'risque' as const, priority: 'niveau1' as const } : a,
  ),
});

function Harness(props: Partial<FilterBarProps> & { initial?: PstFilter; changes?: PstFilter[] }): JSX.Element {
  const [filter, setFilter] = React.useState<PstFilter>(props.initial ?? {});
  return (
    <>
      <FilterBar
        filter={filter}
        onChange={(next) => {
          props.changes?.push(next);
          setFilter(next);
        }}
        options={OPTIONS}
        lang="fr"
        searchDelayMs={0}
        {...props}
      />
      <output data-testid="query">{filterToQuery(filter)}</output>
    </>
  );
}

const query = (): string => screen.getByTestId('query').textContent as string;

const optionTexts = (): string[] =>
  screen.getAllByRole('option').map((o) => document.getElementById(o.getAttribute('aria-labelledby') as string)!.textContent as string);

/** Opens a Fluent multi-select dropdown (a panel at jsdom's width), ticks the option, closes it. */
function choose(label: string, option: string): void {
  fireEvent.click(screen.getByRole('combobox', { name: new RegExp(`^${label}`) }));
  fireEvent.click(screen.getByRole('option', { name: option }));
  fireEvent.click(screen.getByRole('button', { name: 'Fermer' }));
}

describe('FilterBar', () => {
  // the lists' code is here, as once the page is idle (the look-alike before it: LazyDropdown.test.tsx)
  beforeAll(() => preloadDropdown());

  it('labels every control (accessible names)', () => {
    render(<Harness />);
    expect(screen.getByRole('search', { name: 'Filtres du PST' })).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Rechercher (titre ou code)' })).toBeTruthy();
    for (const label of ['Volet', 'Service', 'Chef de projet', 'Statut', 'Santé', 'Priorité', 'Label / ODD', 'Échéance']) {
      expect(screen.getByRole('combobox', { name: new RegExp(`^${label.replace(/[/]/g, '\\/')} `) })).toBeTruthy();
    }
    expect(screen.getByRole('switch', { name: 'Mes actions' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Effacer les filtres' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('offers the values present in the data, in French', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('combobox', { name: /^Statut/ }));
    expect(optionTexts()).toEqual(['En cours', 'Problème', 'Terminé', 'Statut inconnu']);
  });

  it('types a search (accents kept as typed) and clears it', () => {
    const changes: PstFilter[] = [];
    render(<Harness changes={changes} />);
    const box = screen.getByRole('searchbox', { name: 'Rechercher (titre ou code)' });
    fireEvent.change(box, { target: { value: 'réécriture' } });
    expect(changes[changes.length - 1]).toEqual({ search: 'réécriture' });
    expect(query()).toBe('pst-q=r%C3%A9%C3%A9criture');
    fireEvent.change(box, { target: { value: '' } });
    expect(changes[changes.length - 1]).toEqual({});
  });

  it('waits for a pause in typing before filtering', () => {
    jest.useFakeTimers();
    try {
      const changes: PstFilter[] = [];
      render(<Harness changes={changes} searchDelayMs={250} />);
      const box = screen.getByRole('searchbox', { name: 'Rechercher (titre ou code)' });
      fireEvent.change(box, { target: { value: 'gui' } });
      fireEvent.change(box, { target: { value: 'guichet' } });
      expect(changes).toEqual([]);
      act(() => {
        jest.advanceTimersByTime(300);
      });
      expect(changes).toEqual([{ search: 'guichet' }]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('multi-selects statuses, services, leads, labels and ODD, and « Mes actions »', () => {
    render(<Harness />);
    choose('Statut', 'En cours');
    choose('Statut', 'Statut inconnu');
    expect(query()).toBe('pst-statut=EN_COURS,INCONNU');
    choose('Statut', 'En cours');
    expect(query()).toBe('pst-statut=INCONNU');
    choose('Service', 'Service social');
    choose('Chef de projet', 'Marie Dupont');
    choose('Label / ODD', 'PCS');
    choose('Label / ODD', 'ODD 10');
    choose('Volet', 'Volet externe');
    choose('Santé', 'À risque');
    choose('Priorité', 'Niveau 1');
    choose('Échéance', 'En retard');
    fireEvent.click(screen.getByRole('switch', { name: 'Mes actions' }));
    expect(query()).toBe(
      'pst-volet=externe&pst-service=Service+social&pst-chef=marie.dupont@cpas-test.be&pst-statut=INCONNU&pst-sante=risque&pst-priorite=niveau1&pst-label=PCS&pst-odd=10&pst-echeance=retard&pst-mes=1',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    expect(query()).toBe('');
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('');
  });

  it('shows a filter that came from a link, even for a value the data no longer has', () => {
    render(<Harness initial={{ search: 'accueil', departments: ['Service disparu'], mine: true }} />);
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('accueil');
    expect(screen.getByRole('combobox', { name: /^Service/ }).textContent).toContain('Service disparu');
    expect(screen.getByRole('switch', { name: 'Mes actions' }).getAttribute('aria-checked')).toBe('true');
    expect((screen.getByRole('button', { name: 'Effacer les filtres' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('hides « Mes actions » when the user is unknown', () => {
    render(<Harness canFilterMine={false} />);
    expect(screen.queryByRole('switch', { name: 'Mes actions' })).toBeNull();
  });

  it('is keyboard usable: the dropdown opens with the keyboard', () => {
    render(<Harness />);
    const status = screen.getByRole('combobox', { name: /^Statut/ });
    expect(status.getAttribute('tabindex')).toBe('0');
    act(() => status.focus());
    fireEvent.keyDown(status, { key: 'ArrowDown', altKey: true, which: 40, keyCode: 40 });
    expect(screen.getAllByRole('option').length).toBeGreaterThan(0);
  });
});
