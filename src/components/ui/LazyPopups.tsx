import * as React from 'react';
import type { IContextualMenuProps, ITooltipProps } from '@fluentui/react';
import { preloadableLazy } from './preloadableLazy';

/**
 * Fluent's ContextualMenu and Tooltip with their code fetched on demand. A menu or a tooltip
 * shows only once opened or hovered, but Fluent's buttons and tooltip hosts import them (with
 * their callout and layers) when they load: about a tenth of what a page downloads before its
 * first render. The tree's menus use these; the ship build (gulpfile.js) points Fluent's
 * BaseButton and TooltipHost at them too. The shell preloads them once the page is idle, so
 * they normally open at once; one opened before shows when its code arrives.
 */
// Each import names its export where webpack sees it: passed through a function, the whole of
// Fluent would come along.
const MenuCode = preloadableLazy<IContextualMenuProps>(() => import(/* webpackChunkName: 'pst-popups' */ '@fluentui/react').then((m) => m.ContextualMenu));
const TooltipCode = preloadableLazy<ITooltipProps>(() => import(/* webpackChunkName: 'pst-popups' */ '@fluentui/react').then((m) => m.Tooltip));

/** Fetches the code of both (the shell when idle; tests before they open a menu). */
export const preloadPopups = (): Promise<unknown> => Promise.all([MenuCode.preload(), TooltipCode.preload()]);

/** Fluent's ContextualMenu, same props (see above). */
export function ContextualMenu(props: IContextualMenuProps): JSX.Element {
  return (
    <React.Suspense fallback={null}>
      <MenuCode.Component {...props} />
    </React.Suspense>
  );
}

/** Fluent's Tooltip, same props (see above). */
export function Tooltip(props: ITooltipProps): JSX.Element {
  return (
    <React.Suspense fallback={null}>
      <TooltipCode.Component {...props} />
    </React.Suspense>
  );
}
