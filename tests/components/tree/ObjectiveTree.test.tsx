/**
 * @jest-environment ./tests/support/jsdomEnvironmentWithFetch.js
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react';
import { ObjectiveTree, ObjectiveTreeProps } from '../../../src/components/tree/ObjectiveTree';
import { PstFilter, filterPlanData } from '../../../src/domain/filter';
import { buildPlanTree, formatPercent, rollUp } from '../../../src/domain';
import { DATA, ME, TODAY, bigPlan } from './fixtures';
import { TREE_ROW_HEIGHT } from '../../../src/components/tree/treeStyles';

setIconOptions({ disableWarnings: true });

type HarnessProps = Partial<ObjectiveTreeProps> & { initialFilter?: PstFilter };

function Harness({ initialFilter, ...props }: HarnessProps): JSX.Element {
  const [filter, setFilter] = React.useState<PstFilter>(initialFilter ?? {});
  return (
    <ObjectiveTree
      data={DATA}
      today={TODAY}
      lang="fr"
      filter={filter}
      onFilterChange={setFilter}
      onOpenAction={() => undefined}
      searchDelayMs={0}
      linkForNode={(id) => `https://cpas.sharepoint.com/sites/pst/SitePages/Arbre.aspx#pst=${id}`}
      {...props}
    />
  );
}

const items = (): HTMLElement[] => screen.queryAllByRole('treeitem');
const names = (): string[] => items().map((item) => nameOf(item));
/** The title part of a row's name (the first element it is labelled by). */
function nameOf(item: HTMLElement): string {
  const id = (item.getAttribute('aria-labelledby') as string).split(' ')[0];
  return (document.getElementById(id) as HTMLElement).textContent as string;
}
const item = (name: string, index = 0): HTMLElement => {
  const found = items().filter((i) => nameOf(i) === name);
  if (!found[index]) throw new Error(`no tree item "${name}" (#${index}) among ${JSON.stringify(names())}`);
  return found[index];
};
/** What the row says after its title (badges, progress, counts), then what the progress means. */
const descriptionOf = (element: HTMLElement): string =>
  [...(element.getAttribute('aria-labelledby') as string).split(' ').slice(1), ...(element.getAttribute('aria-describedby') as string).split(' ')]
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');
/** The counts line of an item (its own row, not its children). */
const countsOf = (element: HTMLElement): string => document.getElementById(`${element.id}-d`)?.textContent ?? '';
const progressOf = (element: HTMLElement): string =>
  within(element.firstElementChild as HTMLElement).getByRole('progressbar').getAttribute('aria-valuetext') as string;

const TOP = [
  'Volet interne',
  'I.I Ressources humaines',
  '1 Être une administration moderne',
  '1.1 Améliorer l’accueil',
  '1.2 Élaboration du plan de formation',
  'Volet externe',
  '2 Renforcer l’insertion',
  '2.1 Insertion socio-professionnelle',
];

describe('ObjectiveTree: structure and ARIA', () => {
  it('shows volet → section → OS → OO with codes, open down to the OO, actions not rendered yet', () => {
    render(<Harness />);
    expect(screen.getByRole('tree', { name: 'Arbre des objectifs' })).toBeTruthy();
    expect(names()).toEqual(TOP);
    const oo = item('1.1 Améliorer l’accueil');
    expect(oo.getAttribute('aria-level')).toBe('4');
    expect(oo.getAttribute('aria-expanded')).toBe('false');
    expect(oo.getAttribute('aria-posinset')).toBe('1');
    expect(oo.getAttribute('aria-setsize')).toBe('2');
    expect(item('Volet externe').getAttribute('aria-posinset')).toBe('2');
    expect(item('1 Être une administration moderne').getAttribute('aria-expanded')).toBe('true');
    // a flat tree: each item carries its level, and follows its parent
    const os = item('1 Être une administration moderne');
    expect(Number(oo.getAttribute('aria-level'))).toBe(Number(os.getAttribute('aria-level')) + 1);
    expect(items().indexOf(oo)).toBeGreaterThan(items().indexOf(os));
    // one tab stop
    expect(items().filter((i) => i.tabIndex === 0)).toEqual([items()[0]]);
  });

  it('expands all, collapses all, and expands down to the OO', async () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Tout déplier' }));
    // the last rows are past the default height: drawn with the margin below the view, once the first frame is painted
    await waitFor(() => expect(names()).toHaveLength(15));
    expect(names()).toEqual([
      'Volet interne',
      'I.I Ressources humaines',
      '1 Être une administration moderne',
      '1.1 Améliorer l’accueil',
      '1.1.1 Guichet unique',
      '1.1.2 Téléphonie',
      '1.2 Élaboration du plan de formation',
      '1.2.1 Réécriture des procédures',
      'Volet externe',
      '2 Renforcer l’insertion',
      '2.1 Insertion socio-professionnelle',
      '1.1.1 Guichet unique',
      '2.1.1 Ateliers emploi',
      'Recrutement formateur',
      'Salle équipée',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Tout replier' }));
    expect(names()).toEqual(['Volet interne', 'Volet externe']);
    fireEvent.click(screen.getByRole('button', { name: "Déplier jusqu'aux OO" }));
    expect(names()).toEqual(TOP);
  });

  it('a click on the chevron or the row of an objective toggles it', () => {
    render(<Harness />);
    fireEvent.click(item('1.1 Améliorer l’accueil').firstElementChild as HTMLElement);
    expect(names()).toContain('1.1.2 Téléphonie');
    fireEvent.click(item('1.1 Améliorer l’accueil').querySelector('[aria-hidden="true"]') as HTMLElement);
    expect(names()).not.toContain('1.1.2 Téléphonie');
  });
});

describe('ObjectiveTree: figures', () => {
  it('shows the roll-up of each node, its counts with French plurals, and late / blocked badges as text', () => {
    render(<Harness />);
    expect(countsOf(item('1 Être une administration moderne'))).toBe('3 actions · 1 terminée · 1 en retard');
    expect(progressOf(item('1 Être une administration moderne'))).toBe('47\u00a0%');
    expect(countsOf(item('1.2 Élaboration du plan de formation'))).toBe('1 action');
    expect(countsOf(item('2.1 Insertion socio-professionnelle'))).toBe('2 actions · 1 en retard · 1 bloquée');
    expect(progressOf(item('2.1 Insertion socio-professionnelle'))).toBe('50\u00a0%');
    // the bar says what it is
    const bar = within(item('2.1 Insertion socio-professionnelle').firstElementChild as HTMLElement).getByRole('progressbar');
    expect(bar.getAttribute('aria-label')).toBe('Avancement consolidé des actions : 50\u00a0%');
    expect(bar.getAttribute('aria-valuenow')).toBe('50');
    // the plan
    expect(screen.getByText('4 actions · 1 terminée · 1 en retard · 1 bloquée')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Tout déplier' }));
    const guichet = item('1.1.1 Guichet unique');
    expect(descriptionOf(guichet)).toContain('En retard (76 j)');
    expect(countsOf(guichet)).toBe('En cours · Échéance : 31/03/2024 · Marie Dupont');
    const ateliers = item('2.1.1 Ateliers emploi');
    expect(descriptionOf(ateliers)).toContain('Bloquée');
    expect(countsOf(ateliers)).toBe('Problème · 2 sous-actions · 1 terminée');
    expect(descriptionOf(ateliers)).toContain('Avancement calculé à partir des sous-actions : 60\u00a0%');
    expect(countsOf(item('1.2.1 Réécriture des procédures'))).toBe('Statut inconnu');
    expect(descriptionOf(item('1.2.1 Réécriture des procédures'))).toContain('Avancement non renseigné');
  });

  it('a shared action shows under both OO, marked « partagée », naming the other OO', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Tout déplier' }));
    const first = item('1.1.1 Guichet unique', 0);
    const second = item('1.1.1 Guichet unique', 1);
    expect(screen.getAllByText('partagée')).toHaveLength(2);
    expect(descriptionOf(first)).toContain('Action partagée, également sous : 2.1 Insertion socio-professionnelle');
    expect(descriptionOf(second)).toContain('Action partagée, également sous : 1.1 Améliorer l’accueil');
    expect(first.getAttribute('data-node-id')).toBe('action-1');
    expect(second.getAttribute('data-node-id')).toBe('action-1');
    expect(first.id).not.toBe(second.id);
    expect(within(item('1.1.2 Téléphonie')).queryByText('partagée')).toBeNull();
  });

  it('filters reduce the counts and the progress exactly as the domain computes them', () => {
    const filter: PstFilter = { departments: ['Service social'] };
    render(<Harness initialFilter={filter} />);
    const expected = rollUp(buildPlanTree(filterPlanData(DATA, filter, { today: TODAY })), { today: TODAY });
    // Téléphonie and Ateliers emploi are gone; the shared action stays under both OO
    expect(countsOf(item('1 Être une administration moderne'))).toBe('2 actions · 1 en retard');
    expect(progressOf(item('1 Être une administration moderne'))).toBe(formatPercent(expected.strategicObjectives.get(1)!.progress, 0));
    expect(progressOf(item('1 Être une administration moderne'))).toBe('20\u00a0%');
    expect(countsOf(item('2.1 Insertion socio-professionnelle'))).toBe('1 action · 1 en retard');
    // the plan line, the volet, the section and the OS hold the same two actions
    expect(screen.getAllByText('2 actions · 1 en retard')).toHaveLength(4);
    expect(screen.getByText('Actions affichées : 2 sur 4')).toBeTruthy();
    expect(screen.getByText(/actions retenues par les filtres/)).toBeTruthy();
  });

  it('a filter by volet keeps the shared action under the OO of that volet only, still marked shared', () => {
    render(<Harness initialFilter={{ volets: ['externe'] }} />);
    expect(names()).toEqual(['Volet externe', '2 Renforcer l’insertion', '2.1 Insertion socio-professionnelle']);
    fireEvent.click(screen.getByRole('button', { name: 'Tout déplier' }));
    expect(descriptionOf(item('1.1.1 Guichet unique'))).toContain('également sous : 1.1 Améliorer l’accueil');
  });

  it('uses the filter bar: « Mes actions », then « Effacer les filtres »', () => {
    render(<Harness me={ME} />);
    fireEvent.click(screen.getByRole('switch', { name: 'Mes actions' }));
    expect(names()).toEqual(['Volet interne', 'I.I Ressources humaines', '1 Être une administration moderne', '1.1 Améliorer l’accueil', 'Volet externe', '2 Renforcer l’insertion', '2.1 Insertion socio-professionnelle']);
    expect(screen.getByText('Actions affichées : 1 sur 4')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Effacer les filtres' }));
    expect(names()).toEqual(TOP);
  });

  it('says when nothing matches and offers to clear the filters', () => {
    render(<Harness initialFilter={{ search: 'introuvable' }} />);
    expect(screen.queryByRole('tree')).toBeNull();
    expect(screen.getByText('Aucune action ne correspond aux filtres.')).toBeTruthy();
    expect(screen.getByText('Aucune action')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Effacer les filtres' })[1]);
    expect(names()).toEqual(TOP);
  });
});

describe('ObjectiveTree: search', () => {
  it('finds by code, expands to the match and highlights it', () => {
    render(<Harness />);
    fireEvent.change(screen.getByLabelText('Rechercher (titre ou code)'), { target: { value: '2.1.1' } });
    // the action matches by its code: its sub-actions come with it, folded
    expect(names()).toEqual(['Volet externe', '2 Renforcer l’insertion', '2.1 Insertion socio-professionnelle', '2.1.1 Ateliers emploi']);
    expect(item('2.1.1 Ateliers emploi').getAttribute('aria-expanded')).toBe('false');
    const marks = Array.from(item('2.1.1 Ateliers emploi').firstElementChild!.querySelectorAll('mark')).map((m) => m.textContent);
    expect(marks).toEqual(['2.1.1']);
  });

  it('finds by a title typed without accents and highlights the accented text', () => {
    render(<Harness />);
    fireEvent.change(screen.getByLabelText('Rechercher (titre ou code)'), { target: { value: 'reecriture' } });
    expect(names()).toEqual([
      'Volet interne',
      'I.I Ressources humaines',
      '1 Être une administration moderne',
      '1.2 Élaboration du plan de formation',
      '1.2.1 Réécriture des procédures',
    ]);
    const row = item('1.2.1 Réécriture des procédures').firstElementChild as HTMLElement;
    expect(Array.from(row.querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['Réécriture']);
  });

  it('a search in an OO title expands to the OO and highlights it', () => {
    render(<Harness initialFilter={{ search: 'ELABORATION' }} />);
    const oo = item('1.2 Élaboration du plan de formation');
    expect(Array.from((oo.firstElementChild as HTMLElement).querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['Élaboration']);
  });
});

describe('ObjectiveTree: keyboard', () => {
  it('moves with the arrows, Home and End, opens and closes, and Enter opens the action panel', () => {
    const opened: number[] = [];
    render(<Harness onOpenAction={(id) => opened.push(id)} />);
    const first = items()[0];
    act(() => first.focus());
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(item('I.I Ressources humaines'));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(item('2.1 Insertion socio-professionnelle'));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(item('Volet interne'));
    expect(item('Volet interne').tabIndex).toBe(0);
    expect(item('I.I Ressources humaines').tabIndex).toBe(-1);

    // down to OO 1.1, open it, enter it
    for (let i = 0; i < 3; i++) fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    const oo = item('1.1 Améliorer l’accueil');
    expect(document.activeElement).toBe(oo);
    fireEvent.keyDown(oo, { key: 'ArrowRight' });
    expect(oo.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(oo);
    fireEvent.keyDown(oo, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(item('1.1.1 Guichet unique'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(item('1.1.2 Téléphonie'));
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(opened).toEqual([2]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    fireEvent.keyDown(document.activeElement!, { key: ' ' });
    expect(opened).toEqual([2, 1]);

    // left: to the parent, then closes it
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(item('1.1 Améliorer l’accueil'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(item('1.1 Améliorer l’accueil').getAttribute('aria-expanded')).toBe('false');
    expect(names()).not.toContain('1.1.1 Guichet unique');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(item('1 Être une administration moderne'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(names()).toEqual(['Volet interne', 'I.I Ressources humaines', '1 Être une administration moderne', 'Volet externe', '2 Renforcer l’insertion', '2.1 Insertion socio-professionnelle']);
  });

  it('* opens the siblings; typing a letter jumps to the next title starting with it', () => {
    render(<Harness />);
    const oo = item('1.1 Améliorer l’accueil');
    act(() => oo.focus());
    fireEvent.keyDown(oo, { key: '*' });
    expect(item('1.1 Améliorer l’accueil').getAttribute('aria-expanded')).toBe('true');
    expect(item('1.2 Élaboration du plan de formation').getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(document.activeElement!, { key: 'r' });
    expect(document.activeElement).toBe(item('1.2.1 Réécriture des procédures'));
  });

  it('Enter on an objective toggles it and reports the selection', () => {
    const selected: string[] = [];
    render(<Harness onSelectNode={(id) => selected.push(id)} />);
    const oo = item('1.2 Élaboration du plan de formation');
    act(() => oo.focus());
    fireEvent.keyDown(oo, { key: 'Enter' });
    expect(oo.getAttribute('aria-expanded')).toBe('true');
    expect(selected).toEqual(['oo-12']);
  });
});

describe('ObjectiveTree: deep links', () => {
  it('opens the ancestors of the selected node, focuses it and marks it selected', () => {
    render(<Harness selectedNodeId="action-42" />);
    const target = item('Salle équipée');
    expect(document.activeElement).toBe(target);
    expect(target.getAttribute('aria-selected')).toBe('true');
    expect(item('2.1.1 Ateliers emploi').getAttribute('aria-expanded')).toBe('true');
    expect(item('2.1 Insertion socio-professionnelle').getAttribute('aria-expanded')).toBe('true');
    expect(target.tabIndex).toBe(0);
  });

  it('a shared action opens under its first OO; an OS can be the target too', () => {
    const { rerender } = render(<Harness selectedNodeId="action-1" />);
    expect(document.activeElement!.getAttribute('data-key')).toBe('volet-interne/section-100/os-1/oo-11/action-1');
    rerender(<Harness selectedNodeId="os-2" />);
    expect(document.activeElement).toBe(item('2 Renforcer l’insertion'));
  });

  it('says when the node is hidden by the filters (and goes there once they are cleared) or unknown', async () => {
    const { rerender } = render(<Harness initialFilter={{ volets: ['interne'] }} selectedNodeId="oo-21" />);
    // Fluent's MessageBar renders its text a moment later (for screen readers)
    expect(await screen.findByText("L'élément demandé (oo-21) est masqué par les filtres.")).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Effacer les filtres' })[1]);
    expect(document.activeElement).toBe(item('2.1 Insertion socio-professionnelle'));
    rerender(<Harness selectedNodeId="oo-999" />);
    expect(await screen.findByText("L'élément demandé (oo-999) n'existe pas dans ce PST.")).toBeTruthy();
  });

  it('« Copier le lien » copies the link of the node and says so', async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (text: string) => void written.push(text) }, configurable: true });
    render(<Harness />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copier le lien vers « 1.1 Améliorer l’accueil »' }));
    });
    expect(written).toEqual(['https://cpas.sharepoint.com/sites/pst/SitePages/Arbre.aspx#pst=oo-11']);
    expect(screen.getByRole('status').textContent).toBe('Lien copié : https://cpas.sharepoint.com/sites/pst/SitePages/Arbre.aspx#pst=oo-11');
  });

  it('Shift+F10 opens the node menu with « Ouvrir la fiche » and « Copier le lien »', async () => {
    const opened: number[] = [];
    render(<Harness selectedNodeId="action-2" onOpenAction={(id) => opened.push(id)} />);
    fireEvent.keyDown(document.activeElement!, { key: 'F10', shiftKey: true });
    // the menu's code comes on demand (ui/LazyPopups): the menu shows once it is here
    const openItem = await screen.findByRole('menuitem', { name: 'Ouvrir la fiche' });
    expect(screen.getByRole('menuitem', { name: 'Copier le lien' })).toBeTruthy();
    fireEvent.click(openItem);
    expect(opened).toEqual([2]);
  });

  it('uses location.href with #pst=<nodeId> by default', async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (text: string) => void written.push(text) }, configurable: true });
    render(<Harness linkForNode={undefined} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copier le lien vers « 2 Renforcer l’insertion »' }));
    });
    expect(written).toEqual([`${location.href.split('#')[0]}#pst=os-2`]);
  });
});

describe('ObjectiveTree: 5,000 actions, windowed', () => {
  // Plain DOM queries: testing-library's role queries compute styles for every element.
  const treeItems = (): HTMLElement[] => Array.from(document.querySelectorAll<HTMLElement>('[role="treeitem"]'));
  const nodeIds = (): string[] => treeItems().map((i) => i.getAttribute('data-node-id') as string);
  const byNodeId = (nodeId: string): HTMLElement | null => document.querySelector<HTMLElement>(`[data-node-id="${nodeId}"]`);
  const tree = (): HTMLElement => document.querySelector<HTMLElement>('[role="tree"]') as HTMLElement;
  const viewport = (): HTMLElement => tree().parentElement as HTMLElement;
  const focusedNodeId = (): string | null => document.activeElement!.getAttribute('data-node-id');
  const press = (key: string): void => {
    fireEvent.keyDown(document.activeElement!, { key });
  };
  const ROW = TREE_ROW_HEIGHT;

  it('renders only the rows in view, each with its level, set size and position, in a list as high as all the rows', () => {
    render(<Harness data={bigPlan()} />);
    // 2 volets, 10 OS, 100 OO are shown (the tree opens down to the OO)…
    expect(tree().style.height).toBe(`${112 * ROW}px`);
    // …but only the window is in the DOM, at the place of its row
    const rendered = treeItems();
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThan(40);
    expect(rendered[0].getAttribute('data-node-id')).toBe('volet-interne');
    expect(rendered[3].style.top).toBe(`${3 * ROW}px`);
    expect(byNodeId('oo-1010')).toBeNull();
    const oo = byNodeId('oo-101') as HTMLElement;
    expect([oo.getAttribute('aria-level'), oo.getAttribute('aria-posinset'), oo.getAttribute('aria-setsize')]).toEqual(['3', '1', '10']);
  });

  it('arrows, Home and End move the focus to rows outside the window, which are scrolled into it and focused', () => {
    render(<Harness data={bigPlan()} />);
    act(() => (byNodeId('volet-interne') as HTMLElement).focus());
    press('End');
    expect(focusedNodeId()).toBe('oo-1010');
    expect(viewport().scrollTop).toBe(112 * ROW - 800);
    expect(byNodeId('oo-1010')!.getAttribute('tabindex')).toBe('0');
    expect(byNodeId('volet-interne')).toBeNull();
    press('ArrowUp');
    expect(focusedNodeId()).toBe('oo-1009');
    press('Home');
    expect(focusedNodeId()).toBe('volet-interne');
    expect(viewport().scrollTop).toBe(0);
    for (let i = 0; i < 40; i++) press('ArrowDown');
    // rows 0…40: volet interne, OS 1, its 10 OO, OS 3, its 10 OO, OS 5, its 10 OO, OS 7 (34), its OO…
    expect(focusedNodeId()).toBe('oo-706');
    expect(viewport().scrollTop).toBe(41 * ROW - 800);
    press('ArrowLeft');
    expect(focusedNodeId()).toBe('os-7');
  });

  it('keeps the focused row rendered when the list is scrolled away from it, and renders the rows scrolled to', () => {
    render(<Harness data={bigPlan()} />);
    act(() => (byNodeId('os-1') as HTMLElement).focus());
    viewport().scrollTop = 80 * ROW;
    fireEvent.scroll(viewport());
    expect(nodeIds()).toContain('os-1');
    expect(document.activeElement).toBe(byNodeId('os-1'));
    // row 80: the first OO of OS 6 (volet interne and its 5 OS take rows 0–55, then volet externe, OS 2, OS 4…)
    expect(byNodeId('oo-601')!.style.top).toBe(`${80 * ROW}px`);
    expect(byNodeId('volet-interne')).toBeNull();
    expect(byNodeId('oo-101')).toBeNull();
  });

  it('expand all shows the 5,112 rows through the window; End reaches the last action', () => {
    render(<Harness data={bigPlan()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Tout déplier' }));
    expect(tree().style.height).toBe(`${5112 * ROW}px`);
    expect(treeItems().length).toBeLessThan(40);
    act(() => (byNodeId('volet-interne') as HTMLElement).focus());
    press('End');
    expect(focusedNodeId()).toBe('action-101050');
    const last = byNodeId('action-101050') as HTMLElement;
    expect([last.getAttribute('aria-level'), last.getAttribute('aria-posinset'), last.getAttribute('aria-setsize')]).toEqual(['4', '50', '50']);
    fireEvent.click(screen.getByRole('button', { name: 'Tout replier' }));
    expect(tree().style.height).toBe(`${2 * ROW}px`);
    expect(nodeIds()).toEqual(['volet-interne', 'volet-externe']);
  });

  it('a search opens the way to its matches, also those outside the window, highlighted when reached', () => {
    render(<Harness data={bigPlan()} />);
    fireEvent.change(screen.getByLabelText('Rechercher (titre ou code)'), { target: { value: '9.10.' } });
    // volet interne, OS 9, OO 9.10, its 50 actions: more than the window holds
    expect(tree().style.height).toBe(`${53 * ROW}px`);
    expect(byNodeId('action-101050')).toBeNull();
    expect(byNodeId('action-91050')).toBeNull();
    act(() => (byNodeId('volet-interne') as HTMLElement).focus());
    press('End');
    const last = byNodeId('action-91050') as HTMLElement;
    expect(document.activeElement).toBe(last);
    expect(last.querySelector('mark')!.textContent).toBe('9.10.');
    expect(last.getAttribute('aria-posinset')).toBe('50');
  });

  it('a deep link to an action far down opens its ancestors, centres it in the window and focuses it', () => {
    render(<Harness data={bigPlan()} selectedNodeId="action-101025" />);
    const target = byNodeId('action-101025') as HTMLElement;
    expect(document.activeElement).toBe(target);
    expect(target.getAttribute('aria-selected')).toBe('true');
    const index = Number.parseFloat(target.style.top) / ROW;
    expect(index).toBe(136);
    expect(viewport().scrollTop).toBe(index * ROW - (800 - ROW) / 2);
  });
});
