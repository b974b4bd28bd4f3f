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
