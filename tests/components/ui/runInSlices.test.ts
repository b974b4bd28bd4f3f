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
  // this suite runs in Node: a `window` that is the global object, with the idle callbacks each test gives,
  // and a clock each step moves on by its length, so that what a slice does depends on no machine's speed
  const win = globalThis as unknown as Record<string, unknown>;
  let now = 0;
  beforeEach(() => {
    win.window = globalThis;
    now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    delete win.window;
    delete win.requestIdleCallback;
    delete win.cancelIdleCallback;
  });

  /** A computation of `count` steps of `stepMs` each on the test's clock. */
  function* clockSteps(count: number, stepMs: number, done: { steps: number }): Generator<void, string, void> {
    for (let i = 0; i < count; i++) {
      now += stepMs;
      done.steps++;
      if (i < count - 1) yield;
    }
    return `${count} steps`;
  }

  it('runs the slices in idle periods only, each ending before its period does, and stops when told', async () => {
    let pending: ((deadline: { didTimeout: boolean; timeRemaining(): number }) => void) | null = null;
    win.requestIdleCallback = (work: typeof pending) => {
      pending = work;
      return 1;
    };
    win.cancelIdleCallback = () => (pending = null);
    const done = { steps: 0 };
    let result: string | null = null;
    const stop = runInSlices(clockSteps(20, 2, done), (value) => (result = value), 8);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // nothing runs until the browser is idle, whatever the timers
    expect(done.steps).toBe(0);
    /** Gives the slice an idle period of `ms`; answers the steps it ran. */
    const runPeriod = (ms: number): number => {
      const end = now + ms;
      const work = pending!;
      pending = null;
      const before = done.steps;
      work({ didTimeout: false, timeRemaining: () => Math.max(0, end - now) });
      return done.steps - before;
    };
    // a period of 5 ms: two steps of 2 ms, then only 1 ms is left and the slice gives it back
    expect(runPeriod(5)).toBe(2);
    // a long period: twice the slice (16 ms), not all of the 50
    expect(runPeriod(50)).toBe(8);
    // a period already over still runs one step: the computation always moves on
    expect(runPeriod(0)).toBe(1);
    stop();
    expect(pending).toBeNull();
    expect(result).toBeNull();
    expect(done.steps).toBe(11);
  });

  it('goes to the end in idle periods and gives the result', () => {
    const idle: { pending: ((deadline: { didTimeout: boolean; timeRemaining(): number }) => void) | null } = { pending: null };
    win.requestIdleCallback = (work: typeof idle.pending) => ((idle.pending = work), 1);
    win.cancelIdleCallback = () => (idle.pending = null);
    const done = { steps: 0 };
    let result: string | null = null;
    runInSlices(clockSteps(6, 3, done), (value) => (result = value), 8);
    let periods = 0;
    while (idle.pending && periods < 20) {
      const work = idle.pending;
      idle.pending = null;
      periods++;
      // a period that timed out (the page never idled): one slice of 8 ms anyway, three steps of 3 ms
      work({ didTimeout: true, timeRemaining: () => 0 });
    }
    expect(result).toBe('6 steps');
    expect(done.steps).toBe(6);
    expect(periods).toBe(2);
  });
});
