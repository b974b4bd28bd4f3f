import { runInSlices } from '../../../src/components/ui/runInSlices';

/** A computation of `count` steps, each busy for `stepMs`, recording in which task it ran. */
function* busySteps(count: number, stepMs: number, tasks: number[], task: () => number): Generator<void, string, void> {
  for (let i = 0; i < count; i++) {
    const end = Date.now() + stepMs;
    while (Date.now() < end) {
      // busy, as a month of the trend is
    }
    tasks.push(task());
    if (i < count - 1) yield;
  }
  return `${count} steps`;
}

describe('runInSlices', () => {
  it('runs every step, in several tasks when the steps are long, and gives the result', async () => {
    let taskNumber = 0;
    const counter = setInterval(() => taskNumber++, 0);
    const tasks: number[] = [];
    const result = await new Promise<string>((resolve) => runInSlices(busySteps(12, 3, tasks, () => taskNumber), resolve, 8));
    clearInterval(counter);
    expect(result).toBe('12 steps');
    expect(tasks).toHaveLength(12);
    // 3 ms steps in 8 ms slices: about three steps per task, never all twelve in one
    expect(new Set(tasks).size).toBeGreaterThanOrEqual(3);
  });

  it('never runs in the caller\'s task, and stops when told', async () => {
    const tasks: number[] = [];
    let done = false;
    const stop = runInSlices(busySteps(50, 2, tasks, () => 0), () => (done = true), 4);
    expect(tasks).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 15));
    stop();
    const ranBeforeStop = tasks.length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(ranBeforeStop).toBeGreaterThan(0);
    expect(ranBeforeStop).toBeLessThan(50);
    expect(tasks).toHaveLength(ranBeforeStop);
    expect(done).toBe(false);
  });
});

describe('runInSlices where the browser tells its idle time', () => {
  // this suite runs in Node: a `window` that is the global object, with the idle callbacks each test gives
  const win = globalThis as unknown as Record<string, unknown>;
  beforeEach(() => {
    win.window = globalThis;
  });
  afterEach(() => {
    delete win.window;
    delete win.requestIdleCallback;
    delete win.cancelIdleCallback;
  });

  it('runs the slices in idle periods only, each ending before its period does, and stops when told', async () => {
    const periods: { remaining: number; steps: number }[] = [];
    let pending: ((deadline: { didTimeout: boolean; timeRemaining(): number }) => void) | null = null;
    win.requestIdleCallback = (work: typeof pending) => {
      pending = work;
      return 1;
    };
    win.cancelIdleCallback = () => (pending = null);
    const tasks: number[] = [];
    let result: string | null = null;
    const stop = runInSlices(busySteps(20, 2, tasks, () => periods.length), (value) => (result = value), 8);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // nothing runs until the browser is idle, whatever the timers
    expect(tasks).toHaveLength(0);
    // an idle period of 5 ms: the slice stops as it runs out (a step of 2 ms may end past it)
    const runPeriod = (ms: number): void => {
      const end = Date.now() + ms;
      const work = pending!;
      pending = null;
      const before = tasks.length;
      work({ didTimeout: false, timeRemaining: () => Math.max(0, end - Date.now()) });
      periods.push({ remaining: ms, steps: tasks.length - before });
    };
    runPeriod(5);
    expect(periods[0].steps).toBeGreaterThanOrEqual(1);
    expect(periods[0].steps).toBeLessThanOrEqual(3);
    // a long period: up to twice the slice (16 ms), not all of it
    runPeriod(50);
    expect(periods[1].steps).toBeGreaterThanOrEqual(4);
    expect(periods[1].steps).toBeLessThanOrEqual(9);
    stop();
    expect(pending).toBeNull();
    expect(result).toBeNull();
  });

  it('goes to the end in idle periods and gives the result', () => {
    const idle: { pending: ((deadline: { didTimeout: boolean; timeRemaining(): number }) => void) | null } = { pending: null };
    win.requestIdleCallback = (work: typeof idle.pending) => ((idle.pending = work), 1);
    win.cancelIdleCallback = () => (idle.pending = null);
    const tasks: number[] = [];
    let result: string | null = null;
    runInSlices(busySteps(6, 1, tasks, () => 0), (value) => (result = value), 8);
    let periods = 0;
    while (idle.pending && periods < 20) {
      const work = idle.pending;
      idle.pending = null;
      periods++;
      // a period that timed out (the page never idled): one slice anyway
      work({ didTimeout: true, timeRemaining: () => 0 });
    }
    expect(result).toBe('6 steps');
    expect(tasks).toHaveLength(6);
  });
});
