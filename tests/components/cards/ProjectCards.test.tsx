/**
 * @jest-environment ./tests/support/jsdomEnvironmentWithFetch.js
 */
import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { cardRows, CardItem, ProjectCards } from '../../../src/components/cards/ProjectCards';
import { createAction } from '../../../src/domain/model';
import { parsePeriod, isParseError } from '../../../src/domain/parsing';
import { classifyLateness } from '../../../src/domain/lateness';

const end = (text: string) => {
  const p = parsePeriod(text);
  if (!p || isParseError(p)) throw new Error(text);
  return p;
};

function item(id: number, code: string, fields: Parameters<typeof createAction>[0] extends infer F ? Partial<F> : never, os = 'OS 1 Accueil'): CardItem {
  const action = createAction({ id, code, title: `Action ${code}`, ...fields } as Parameters<typeof createAction>[0]);
  return {
    action,
    path: `${os} › OO`,
    strategicObjective: os,
    rollup: {
      actionId: id,
      progress: action.progressPercent ?? 0,
      source: 'own',
      noData: false,
      blocked: action.status === 'PROBLEME',
      lateness: classifyLateness(action, '2026-11-23'),
      subActions: null,
    },
  };
}

const items = [
  item(1, '1.10', { status: 'EN_COURS', progressPercent: 30, plannedEnd: end('2027'), department: 'Crèche' }),
  item(2, '1.2', { status: 'PROBLEME', progressPercent: 10, plannedEnd: end('01/10/2026'), department: 'Accueil', projectLead: { displayName: 'Marc Dubois' } }),
  item(3, '2.1', { status: 'TERMINE', progressPercent: 100, department: 'Accueil' }, 'OS 2 RH'),
];

describe('cardRows', () => {
  it('sorts codes naturally and cuts rows to the number of columns', () => {
    const rows = cardRows(items, 'code', 'none', 2, 'fr');
    expect(rows.map((r) => (r.kind === 'cards' ? r.items.map((i) => i.action.code) : r.title))).toEqual([['1.2', '1.10'], ['2.1']]);
  });

  it('groups by service in alphabetical order with a header and count', () => {
    const rows = cardRows(items, 'due', 'service', 3, 'fr');
    expect(rows.map((r) => (r.kind === 'header' ? `${r.title} (${r.count})` : r.items.map((i) => i.action.code).join(',')))).toEqual([
      'Accueil (2)',
      '1.2,2.1',
      'Crèche (1)',
      '1.10',
    ]);
  });

  it('keeps the document order of strategic objectives and sorts by progress', () => {
    const rows = cardRows(items, 'progress', 'strategicObjective', 3, 'fr');
    expect(rows.map((r) => (r.kind === 'header' ? r.title : r.items.map((i) => i.action.code).join(',')))).toEqual(['OS 1 Accueil', '1.2,1.10', 'OS 2 RH', '2.1']);
  });

  it('groups by status with French labels', () => {
    const titles = cardRows(items, 'code', 'status', 3, 'fr').filter((r) => r.kind === 'header').map((r) => (r as { title: string }).title);
    expect(titles).toEqual(['En cours', 'Problème', 'Terminé']);
  });
});

describe('ProjectCards', () => {
  it('shows a card per action with lead, dates, late and blocked badges, and opens the panel', () => {
    const opened: number[] = [];
    render(<ProjectCards items={items} lang="fr" onOpenAction={(id) => opened.push(id)} initialGroup="none" />);
    const card = screen.getByRole('listitem', { name: '1.2 Action 1.2' });
    expect(card.textContent).toContain('Marc Dubois');
    expect(card.textContent).toContain('→ 01/10/2026');
    expect(card.textContent).toContain('53 j de retard · Bloquée');
    fireEvent.click(screen.getByRole('button', { name: '1.2 – Action 1.2' }));
    expect(opened).toEqual([2]);
    expect(screen.getByText('3 fiche(s)')).toBeTruthy();
  });

  it('cuts a long title to two lines in bold, and a long group heading with an ellipsis', () => {
    render(<ProjectCards items={items} lang="fr" onOpenAction={() => undefined} />);
    const title = screen.getByRole('button', { name: '1.2 – Action 1.2' });
    // the rules Fluent inserted in the page's style sheets, as the browser would read them
    const ruleOf = (className: string): string => {
      for (const sheet of Array.from(document.styleSheets)) {
        for (const rule of Array.from(sheet.cssRules)) {
          if ((rule as CSSStyleRule).selectorText === `.${className}`) return rule.cssText.replace(/\s+/g, '');
        }
      }
      throw new Error(`no rule for ${className}`);
    };
    const titleRule = ruleOf(title.className.split(' ')[0]);
    // a number would become « 2px », which browsers drop: the title would run over the card
    expect(titleRule).toContain('-webkit-line-clamp:2;');
    expect(titleRule).toContain('display:-webkit-box');
    // `all: unset` first, or it would undo the weight and font set after it
    expect(titleRule.indexOf('all:unset')).toBeLessThan(titleRule.indexOf('font-weight:600'));
    const heading = screen.getByRole('heading', { name: /OS 1 Accueil/ });
    const headingRule = ruleOf(heading.className.split(' ')[0]);
    expect(headingRule).toContain('display:block');
    expect(headingRule).toContain('text-overflow:ellipsis');
  });
});

describe('ProjectCards: 2,000 actions, windowed', () => {
  const many = Array.from({ length: 2000 }, (_, i) => item(i + 1, `9.${i + 1}`, { status: 'EN_COURS' }));
  const cards = (): string[] => Array.from(document.querySelectorAll('article')).map((a) => a.getAttribute('aria-label') as string);

  it('renders only the rows of cards in view, in their own scroll container, and those scrolled to', () => {
    render(<ProjectCards items={many} lang="fr" onOpenAction={() => undefined} initialGroup="none" />);
    expect(screen.getByText('2000 fiche(s)')).toBeTruthy();
    const shown = cards();
    // 2 columns (in 900 px, the width until measured): a few rows, starting with the first cards
    expect(shown.slice(0, 3)).toEqual(['9.1 Action 9.1', '9.2 Action 9.2', '9.3 Action 9.3']);
    expect(shown.length).toBeLessThan(30);
    expect(shown).not.toContain('9.2000 Action 9.2000');
    const viewport = screen.getByRole('region', { name: 'Fiches projets' }).firstElementChild as HTMLElement;
    expect(viewport.style.overflowY).toBe('auto');
    // 1,000 rows of 2 cards, each 260 px high
    expect((viewport.firstElementChild as HTMLElement).style.height).toBe(`${1000 * 260}px`);
    viewport.scrollTop = 999 * 260;
    fireEvent.scroll(viewport);
    expect(cards()).toContain('9.2000 Action 9.2000');
    expect(cards()).not.toContain('9.1 Action 9.1');
  });
});
