import * as React from 'react';

export interface PreloadableLazy<P> {
  /** Renders the component: at once when its code is here, else through React.lazy (a Suspense above shows the fallback). */
  readonly Component: React.FunctionComponent<P>;
  /** Starts fetching the code (once); resolves with the component when it is here. */
  readonly preload: () => Promise<React.ComponentType<P>>;
  /** The component when its code is here, else undefined. */
  readonly loaded: () => React.ComponentType<P> | undefined;
}

/**
 * A component loaded on demand that can be fetched before it is first rendered. React.lazy
 * alone suspends at its first render even when its code came long before (its own promise
 * settles only after that render), which costs a fallback pass and a render more; once the
 * code is here, this renders the component directly. An element first rendered through
 * React.lazy keeps it (switching would remount it and lose its state).
 */
export function preloadableLazy<P extends object>(load: () => Promise<React.ComponentType<P>>): PreloadableLazy<P> {
  let loaded: React.ComponentType<P> | undefined;
  let pending: Promise<React.ComponentType<P>> | undefined;
  const preload = (): Promise<React.ComponentType<P>> => {
    pending =
      pending ??
      load().then(
        (component) => (loaded = component),
        (error: unknown) => {
          // a failed fetch may be tried again by the next render
          pending = undefined;
          throw error;
        },
      );
    return pending;
  };
  const Lazy = React.lazy(() => preload().then((component) => ({ default: component })));
  function Component(props: P): JSX.Element {
    const direct = React.useRef(loaded);
    const Loaded = direct.current;
    return Loaded ? React.createElement(Loaded, props) : React.createElement(Lazy as unknown as React.ComponentType<P>, props);
  }
  return { Component, preload, loaded: () => loaded };
}
