/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react';
import { Dropdown } from '../../../src/components/ui/LazyDropdown';
import { ContextualMenu } from '../../../src/components/ui/LazyPopups';

setIconOptions({ disableWarnings: true });

const OPTIONS = [
  { key: 'a', text: 'Accueil' },
  { key: 'b', text: 'Budget' },
];

// Each test file has its own modules: Fluent's Dropdown is not loaded until the second test,
// so the tests run in this order.
describe('LazyDropdown', () => {
  it('first shows a closed look-alike named like Fluent (label, then the choice); disabled, it takes no focus', () => {
    render(
      <>
        <Dropdown label="Volet" selectedKey="b" options={OPTIONS} />
        <Dropdown label="Service" placeholder="Tous" options={OPTIONS} disabled />
      </>,
    );
    const [chosen, disabled] = screen.getAllByRole('combobox');
    expect(screen.getByRole('combobox', { name: 'Volet Budget' })).toBe(chosen);
    expect(chosen.getAttribute('aria-expanded')).toBe('false');
    expect(chosen.tabIndex).toBe(0);
    expect(document.querySelector('.ms-Dropdown')).toBeNull();
    expect(disabled.textContent).toBe('Tous');
    expect(disabled.getAttribute('aria-disabled')).toBe('true');
    expect(disabled.tabIndex).toBe(-1);
  });

  it('a key on the look-alike fetches the real list and opens it; the choice goes to onChange', async () => {
    const chosen: string[] = [];
    render(<Dropdown label="Volet" selectedKey="b" options={OPTIONS} onChange={(_, option) => option && chosen.push(String(option.key))} />);
    fireEvent.keyDown(screen.getByRole('combobox', { name: 'Volet Budget' }), { key: 'Enter' });
    fireEvent.click(await screen.findByRole('option', { name: 'Accueil' }));
    expect(chosen).toEqual(['a']);
    expect(document.querySelector('.ms-Dropdown')).not.toBeNull();
  });

  it('once the code is here, renders Fluent’s Dropdown at once', () => {
    render(<Dropdown label="Volet" selectedKey="a" options={OPTIONS} />);
    expect(document.querySelector('.ms-Dropdown')).not.toBeNull();
    expect(screen.getByRole('combobox', { name: /^Volet/ }).textContent).toContain('Accueil');
  });
});

describe('LazyPopups', () => {
  it('a menu opened before its code is here shows once the code arrives, with its items', async () => {
    const target = document.createElement('button');
    document.body.appendChild(target);
    await act(async () => {
      render(<ContextualMenu target={target} items={[{ key: 'open', text: 'Ouvrir la fiche' }]} onDismiss={() => undefined} />);
    });
    expect(await screen.findByRole('menuitem', { name: 'Ouvrir la fiche' })).toBeTruthy();
  });
});
