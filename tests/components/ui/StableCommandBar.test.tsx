/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { CommandBar, ICommandBarItemProps, ICommandBarProps, setIconOptions } from '@fluentui/react';
import { StableCommandBar } from '../../../src/components/ui/StableCommandBar';

setIconOptions({ disableWarnings: true });

// a frame, then the idle time after it (whenIdle's fallback where requestIdleCallback is missing: 50 ms)
const frames = (): Promise<void> => act(() => new Promise((resolve) => setTimeout(resolve, 120)));

function items(onClick: () => void, text = 'Générer un rapport'): ICommandBarItemProps[] {
  return [
    { key: 'report', text, iconProps: { iconName: 'ReportDocument' }, onClick },
    { key: 'plan', text: 'Plan', subMenuProps: { items: [{ key: 'import', text: 'Importer', onClick }] } },
  ];
}

/** How many times the bar measures itself (getBoundingClientRect) while re-rendered with new handlers but the same items. */
async function measuresOnRerender(Bar: (props: ICommandBarProps) => JSX.Element): Promise<number> {
  const measure = jest.spyOn(HTMLElement.prototype, 'getBoundingClientRect');
  const { rerender } = render(<Bar items={items(() => undefined)} />);
  await frames();
  measure.mockClear();
  for (let i = 0; i < 3; i++) {
    rerender(<Bar items={items(() => undefined)} />);
    await frames();
  }
  const count = measure.mock.calls.length;
  measure.mockRestore();
  return count;
}

describe('StableCommandBar', () => {
  it('does not measure itself again when the page re-renders it with the same items (Fluent’s bar does)', async () => {
    expect(await measuresOnRerender((props) => <CommandBar {...props} />)).toBeGreaterThan(0);
    expect(await measuresOnRerender(StableCommandBar)).toBe(0);
  });

  it('calls the latest handler, not the one of the first render', async () => {
    const first = jest.fn();
    const latest = jest.fn();
    const { rerender } = render(<StableCommandBar items={items(first)} />);
    await frames();
    rerender(<StableCommandBar items={items(latest)} />);
    await frames();
    fireEvent.click(screen.getByRole('menuitem', { name: 'Générer un rapport' }));
    expect(latest).toHaveBeenCalledTimes(1);
    expect(first).not.toHaveBeenCalled();
  });

  it('draws a look-alike for the first frame (hidden from assistive technology, a command still works), then Fluent’s bar', async () => {
    const clicked = jest.fn();
    render(<StableCommandBar items={items(clicked)} ariaLabel="Commandes du plan" />);
    expect(screen.queryByRole('menubar')).toBeNull();
    expect(screen.queryByRole('menuitem')).toBeNull();
    fireEvent.click(screen.getByText('Générer un rapport'));
    expect(clicked).toHaveBeenCalledTimes(1);
    await frames();
    expect(screen.getByRole('menubar', { name: 'Commandes du plan' })).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: 'Générer un rapport' })).toBeTruthy();
  });

  it('shows a changed text', async () => {
    const { rerender } = render(<StableCommandBar items={items(() => undefined)} />);
    await frames();
    rerender(<StableCommandBar items={items(() => undefined, 'Génération…')} />);
    await frames();
    expect(screen.getByRole('menuitem', { name: 'Génération…' })).toBeTruthy();
  });
});
