/** What the dashboard's charts and tables share: theme colours, a hidden text alternative, the width they have. */
import * as React from 'react';
import type { ITheme } from '@fluentui/react';

/** Visually hidden, still read by screen readers (the charts' data tables). */
export const VISUALLY_HIDDEN: React.CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/**
 * The meaning colours, from the theme's semantic tokens so that Teams dark and high contrast
 * get their own: late in the error colour, blocked in the (severe) warning colour, done in the
 * success colour. Each has at least 3:1 against the body background in the four themes.
 */
export interface DashboardColours {
  readonly late: string;
  readonly blocked: string;
  readonly done: string;
  readonly neutral: string;
  readonly accent: string;
  /** The unfilled part of a bar. */
  readonly track: string;
  readonly text: string;
  readonly subtext: string;
  readonly surface: string;
  readonly border: string;
}

export function dashboardColours(theme: ITheme): DashboardColours {
  const s = theme.semanticColors;
  return {
    late: s.errorText,
    blocked: s.severeWarningIcon,
    done: s.successIcon,
    neutral: theme.palette.neutralSecondary,
    accent: theme.palette.themePrimary,
    track: theme.palette.neutralLight,
    text: s.bodyText,
    subtext: s.bodySubtext,
    surface: theme.palette.neutralLighterAlt,
    border: s.inputBorder,
  };
}

/**
 * The width of the element (ResizeObserver), for layouts that follow the web part's column
 * rather than the window: a web part in a one-third column is narrow on a wide screen.
 * `fallback` is used until measured (and where ResizeObserver is missing, as in jsdom).
 */
export function useWidth<T extends HTMLElement>(fallback: number): [React.RefObject<T>, number] {
  const ref = React.useRef<T>(null);
  const printWidth = React.useContext(PrintWidth);
  const [width, setWidth] = React.useState(fallback);
  React.useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => setWidth(entries[0].contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, printWidth ?? width];
}

/**
 * The width of the paper while the dashboard is laid out for printing (A4 landscape less the
 * margins, in CSS px): tables and charts take their wide layout even in a narrow column.
 */
export const PRINT_WIDTH = 1000;
export const PrintWidth = React.createContext<number | null>(null);

/** Below this width (px) tables become stacked rows. */
export const NARROW_WIDTH = 560;
