/**
 * Windowing for long lists of rows whose heights are known in advance (fixed per row
 * kind): only the rows in view (plus a margin) are rendered, inside the list's own scroll
 * container. Nothing on the page is measured but that container's scroll position and
 * height (a ResizeObserver), so a render never forces a page-wide layout.
 */
import * as React from 'react';
import { usePainted } from './usePainted';

/**
 * Rows rendered above and below the ones in view, so that a fast scroll shows no gap; from
 * the first paint on (the rows out of view would only make it later).
 */
const OVERSCAN_PX = 400;

/** The container's height where nothing measures it (tests, print). */
export const DEFAULT_VIEW_HEIGHT = 800;

/** The scroll containers' height at most, in hundredths of the window's: `maxHeight: '70vh'`. */
export const VIEW_MAX_VH = 70;

/**
 * The container's height until its ResizeObserver reports it: the most it can be, known
 * without measuring anything, so that the first rows drawn are already all those in view
 * (a guess too small would draw the list twice before the first paint).
 */
function estimatedViewHeight(): number {
  if (typeof ResizeObserver === 'undefined' || typeof window === 'undefined' || !(window.innerHeight > 0)) return DEFAULT_VIEW_HEIGHT;
  return Math.round((window.innerHeight * VIEW_MAX_VH) / 100);
}

export interface VirtualRowsOptions {
  /** Height of each row in pixels: one number for all, or one per index. */
  readonly rowHeight: number | ((index: number) => number);
  /** Changes when the heights change (with a function for `rowHeight`). */
  readonly heightsKey?: unknown;
}

export interface VirtualRow {
  readonly index: number;
  /** Offset from the top of the list, px. */
  readonly top: number;
  readonly height: number;
}

export interface VirtualRows<E extends HTMLElement> {
  /** For the scroll container (`overflow-y: auto` and a bounded height). */
  readonly containerRef: React.RefObject<E>;
  readonly onScroll: (event: React.UIEvent<E>) => void;
  /** Height of all rows: the height of the element holding them. */
  readonly totalHeight: number;
  /** The rows to render, in order. */
  readonly rows: readonly VirtualRow[];
  /** Where row `index` is (to render a row kept outside the window, e.g. the focused one). */
  rowAt(index: number): VirtualRow;
  /** Scrolls the container so that row `index` is in view (at once: the next render shows it). */
  scrollToIndex(index: number, align?: 'nearest' | 'center'): void;
}

function offsetsOf(count: number, rowHeight: VirtualRowsOptions['rowHeight']): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i] + (typeof rowHeight === 'number' ? rowHeight : rowHeight(i));
  return offsets;
}

/** The last index whose top is at or above `y` (binary search over the offsets). */
function indexAt(offsets: Float64Array, count: number, y: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (offsets[middle] <= y) low = middle;
    else high = middle - 1;
  }
  return Math.max(0, low);
}

/** The window over `count` rows: which ones to render for the container's scroll position. */
export function useVirtualRows<E extends HTMLElement = HTMLDivElement>(count: number, options: VirtualRowsOptions): VirtualRows<E> {
  const { rowHeight, heightsKey } = options;
  const containerRef = React.useRef<E>(null);
  const [scrollTop, setScrollTop] = React.useState(0);
  const [viewHeight, setViewHeight] = React.useState(estimatedViewHeight);
  const painted = usePainted();

  const fixedHeight = typeof rowHeight === 'number' ? rowHeight : null;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const offsets = React.useMemo(() => offsetsOf(count, rowHeight), [count, fixedHeight, heightsKey]);
  const totalHeight = offsets[count];

  React.useEffect(() => {
    const element = containerRef.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver((entries) => {
      const height = entries[0].contentRect.height;
      if (height > 0) setViewHeight(height);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Fewer rows than before (a filter, a collapse): the position may now be past the end.
  const top = Math.max(0, Math.min(scrollTop, totalHeight - viewHeight));

  const rowAt = React.useCallback((index: number): VirtualRow => ({ index, top: offsets[index], height: offsets[index + 1] - offsets[index] }), [offsets]);

  const rows: VirtualRow[] = [];
  if (count > 0) {
    const overscan = painted ? OVERSCAN_PX : 0;
    const first = indexAt(offsets, count, top - overscan);
    const last = indexAt(offsets, count, top + viewHeight + overscan);
    for (let index = first; index <= last; index++) rows.push(rowAt(index));
  }

  const live = React.useRef({ offsets, viewHeight, top });
  live.current = { offsets, viewHeight, top };

  const scrollToIndex = React.useCallback((index: number, align: 'nearest' | 'center' = 'nearest'): void => {
    const { offsets: current, viewHeight: height, top: shown } = live.current;
    if (index < 0 || index >= current.length - 1) return;
    const rowTop = current[index];
    const rowBottom = current[index + 1];
    let next = shown;
    if (align === 'center') next = rowTop - (height - (rowBottom - rowTop)) / 2;
    else if (rowTop < shown) next = rowTop;
    else if (rowBottom > shown + height) next = rowBottom - height;
    next = Math.max(0, Math.min(next, current[current.length - 1] - height));
    if (next === shown) return;
    const element = containerRef.current;
    if (element) element.scrollTop = next;
    setScrollTop(next);
  }, []);

  const onScroll = React.useCallback((event: React.UIEvent<E>): void => setScrollTop(event.currentTarget.scrollTop), []);

  return { containerRef, onScroll, totalHeight, rows, rowAt, scrollToIndex };
}
