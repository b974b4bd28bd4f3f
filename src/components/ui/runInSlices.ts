/**
 * Runs a long computation written as a generator (it pauses between steps) in tasks of
 * about `sliceMs`, giving the page back between them: keys typed and frames to paint are
 * not held up behind it. Calls `onDone` with the generator's result; the returned function
 * stops it (a component unmounted, its input changed).
 */
export function runInSlices<T>(steps: Iterator<void, T, void>, onDone: (result: T) => void, sliceMs = 8): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slice = (): void => {
    if (stopped) return;
    const start = Date.now();
    for (;;) {
      const step = steps.next();
      if (step.done) {
        onDone(step.value);
        return;
      }
      if (Date.now() - start >= sliceMs) break;
    }
    timer = setTimeout(slice, 0);
  };
  timer = setTimeout(slice, 0);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
