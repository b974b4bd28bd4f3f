/**
 * Runs `work` once the browser is idle (after the frames in progress), or after a short
 * timeout where `requestIdleCallback` is missing (Safari); returns what cancels it.
 * For work that makes a later interaction fast, never for what the user waits to see.
 */
export function whenIdle(work: () => void): () => void {
  const idle = typeof window !== 'undefined' ? (window as Window & { requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number }) : undefined;
  if (idle && typeof idle.requestIdleCallback === 'function' && typeof idle.cancelIdleCallback === 'function') {
    const handle = idle.requestIdleCallback(work, { timeout: 2000 });
    return () => idle.cancelIdleCallback(handle);
  }
  const timer = setTimeout(work, 50);
  return () => clearTimeout(timer);
}
