/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { act, render, screen } from '@testing-library/react';
import { preloadableLazy } from '../../../src/components/ui/preloadableLazy';

function Counter({ label }: { label: string }): JSX.Element {
  const [count, setCount] = React.useState(0);
  return <button onClick={() => setCount((c) => c + 1)}>{`${label} ${count}`}</button>;
}

const inSuspense = (element: JSX.Element) => <React.Suspense fallback={<p>Chargement…</p>}>{element}</React.Suspense>;

describe('preloadableLazy', () => {
  it('preloaded: renders at once, without the fallback, and fetches once', async () => {
    const load = jest.fn(async () => Counter);
    const { Component, preload } = preloadableLazy(load);
    await act(async () => {
      await preload();
    });
    render(inSuspense(<Component label="Vue" />));
    expect(screen.queryByText('Chargement…')).toBeNull();
    expect(screen.getByRole('button').textContent).toBe('Vue 0');
    await preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('not preloaded: suspends like React.lazy, then keeps its element (and its state) when the code is here', async () => {
    let resolve: (component: typeof Counter) => void = () => undefined;
    const load = jest.fn(() => new Promise<typeof Counter>((r) => (resolve = r)));
    const { Component } = preloadableLazy(load);
    const { rerender } = render(inSuspense(<Component label="Vue" />));
    expect(screen.getByText('Chargement…')).toBeTruthy();
    await act(async () => resolve(Counter));
    const button = await screen.findByRole('button');
    act(() => button.click());
    expect(button.textContent).toBe('Vue 1');
    rerender(inSuspense(<Component label="Autre" />));
    // the same button: not remounted when the direct path became possible
    expect(screen.getByRole('button')).toBe(button);
    expect(button.textContent).toBe('Autre 1');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a failed fetch is tried again by the next preload', async () => {
    const load = jest.fn().mockRejectedValueOnce(new Error('réseau')).mockResolvedValueOnce(Counter);
    const { preload } = preloadableLazy(load);
    await expect(preload()).rejects.toThrow('réseau');
    await expect(preload()).resolves.toBe(Counter);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
