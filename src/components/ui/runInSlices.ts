/**
 * Runs a long computation written as a generator (it pauses between steps) in tasks of
 * about `sliceMs`, giving the page back between them: keys typed and frames to paint are
 * not held up behind it. Where the browser says when it is idle (`requestIdleCallback`),
 * the slices run in its idle time, so that the frame showing a key's result comes first;
 * elsewhere in timer tasks. Calls `onDone` with the generator's result; the returned
 * function stops it (a component unmounted, its input changed).
 */
export function runInSlices<T>(steps: Iterator<void, T, void>, onDone: (result: T) => void, sliceMs = 8): () => void {
  let stopped = false;
  let cancelNext: () => void = () => undefined;
  const idle = idleScheduler();
  /** One slice: at least a step, then steps while it lasts less than `budgetMs` and `more()` holds. */
  const slice = (budgetMs: number, more: () => boolean): void => {
    if (stopped) return;
    const start = Date.now();
    for (;;) {
      const step = steps.next();
      if (step.done) {
        onDone(step.value);
        return;
      }
      if (Date.now() - start >= budgetMs || !more()) break;
    }
    cancelNext = schedule();
  };
  const schedule = (): (() => void) => {
    // Idle periods come one per frame or every 50 ms: a slice takes up to twice `sliceMs` of one, not past its end.
    if (idle) return idle((deadline) => slice(deadline.didTimeout ? sliceMs : 2 * sliceMs, () => deadline.didTimeout || deadline.timeRemaining() > 1));
    const timer = setTimeout(() => slice(sliceMs, () => true), 0);
    return () => clearTimeout(timer);
  };
  cancelNext = schedule();
  return () => {
    stopped = true;
    cancelNext();
  };
}

interface IdleDeadline {
  readonly didTimeout: boolean;
  timeRemaining(): number;
}

/** Most a slice waits for idle time before it runs anyway (the page never idles while busy). */
const IDLE_TIMEOUT_MS = 500;

function idleScheduler(): ((work: (deadline: IdleDeadline) => void) => () => void) | null {
  const win = typeof window !== 'undefined' ? (window as unknown as Partial<Record<'requestIdleCallback' | 'cancelIdleCallback', unknown>>) : undefined;
  if (!win || typeof win.requestIdleCallback !== 'function' || typeof win.cancelIdleCallback !== 'function') return null;
  const request = win.requestIdleCallback as (work: (deadline: IdleDeadline) => void, options: { timeout: number }) => number;
  const cancel = win.cancelIdleCallback as (handle: number) => void;
  return (work) => {
    const handle = request.call(window, work, { timeout: IDLE_TIMEOUT_MS });
    return () => cancel.call(window, handle);
  };
}
