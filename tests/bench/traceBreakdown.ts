/**
 * Where a page's main thread spends a window of time, from a Chromium trace
 * (`browser.startTracing`): the self time of each trace event (script, style, layout, paint,
 * garbage collection…) on the renderer's main thread, and the time it was idle (waiting for
 * the network or a timer). `RENDER_TRACE=1 npm run bench:render -- 5000 1` prints it for the
 * load, from the data's arrival to the last web part painted.
 */

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string; readonly data?: { readonly url?: string; readonly functionName?: string } };
}

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8', 'toplevel'];

/** The mark the instrumented page sets at its start: it ties the trace's clock to `performance.now()`. */
export const TRACE_ORIGIN_MARK = 'pst-trace-origin';

const KIND_OF: ReadonlyArray<[RegExp, string]> = [
  [/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation)$/, 'style'],
  [/^(Layout|InvalidateLayout|UpdateLayout)$/, 'layout'],
  [/^(Paint|PrePaint|Layerize|UpdateLayer|CompositeLayers|PaintImage|RasterTask|Commit|UpdateLayerTree)$/, 'paint'],
  [/GC|garbage/i, 'garbage collection'],
  [/^(ParseHTML|HTMLDocumentParser)/, 'HTML'],
  [/^(v8\.compile|v8\.parseOnBackground|V8\.Compile|v8\.compileModule|CompileScript|CompileCode)/, 'compile'],
];

function kindOf(name: string): string {
  for (const [pattern, kind] of KIND_OF) if (pattern.test(name)) return kind;
  return 'script and other';
}

/** The renderer main thread of the page: the thread named CrRendererMain with the most events. */
function mainThread(events: readonly TraceEvent[]): { pid: number; tid: number } | null {
  const named = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best: { pid: number; tid: number } | null = null;
  let bestCount = -1;
  for (const thread of named) {
    const count = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X').length;
    if (count > bestCount) {
      best = { pid: thread.pid, tid: thread.tid };
      bestCount = count;
    }
  }
  return best;
}

export interface TraceBreakdown {
  readonly windowMs: number;
  readonly busyMs: number;
  readonly byKind: ReadonlyArray<[string, number]>;
  readonly byEvent: ReadonlyArray<[string, number]>;
  /** Tasks longer than 20 ms in the window: start (ms after the window's start) and length. */
  readonly longTasks: ReadonlyArray<[number, number]>;
  /** The window on the trace's clock (µs), which a CPU profile taken at the same time shares. */
  readonly traceWindowUs: readonly [number, number];
}

/**
 * Self time per event in `[fromMs, toMs]` (performance.now() of the page whose trace holds
 * the TRACE_ORIGIN_MARK set at `originMs`).
 */
export function breakDownTrace(traceJson: string, originMs: number, fromMs: number, toMs: number): TraceBreakdown | null {
  const parsed = JSON.parse(traceJson) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const thread = mainThread(events);
  const mark = events.find((e) => e.name === TRACE_ORIGIN_MARK);
  if (!thread || !mark) return null;
  const toTrace = (ms: number): number => mark.ts + (ms - originMs) * 1000;
  const from = toTrace(fromMs);
  const to = toTrace(toMs);
  const spans = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur !== undefined && e.ts < to && e.ts + (e.dur ?? 0) > from)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const longTasks: Array<[number, number]> = [];
  // a stack of open spans: each span's time inside the window, minus its children's, is its own
  const stack: Array<{ event: TraceEvent; end: number; own: number }> = [];
  const clipped = (start: number, end: number): number => Math.max(0, Math.min(end, to) - Math.max(start, from));
  let busy = 0;
  const close = (entry: { event: TraceEvent; own: number }): void => {
    const name = entry.event.name === 'FunctionCall' && entry.event.args?.data?.url ? `FunctionCall ${entry.event.args.data.url.split('/').pop()}` : entry.event.name;
    self.set(name, (self.get(name) ?? 0) + entry.own);
  };
  for (const event of spans) {
    const end = event.ts + (event.dur ?? 0);
    while (stack.length && stack[stack.length - 1].end <= event.ts) close(stack.pop()!);
    const inside = clipped(event.ts, end);
    if (stack.length) stack[stack.length - 1].own -= inside;
    else {
      busy += inside;
      if ((event.dur ?? 0) > 20_000) longTasks.push([(Math.max(event.ts, from) - from) / 1000, inside / 1000]);
    }
    stack.push({ event, end, own: inside });
  }
  while (stack.length) close(stack.pop()!);
  const byKind = new Map<string, number>();
  for (const [name, us] of self) if (!/^(RunTask|ThreadControllerImpl::RunTask|ThreadPool_RunTask)$/.test(name)) byKind.set(kindOf(name), (byKind.get(kindOf(name)) ?? 0) + us);
  const unattributed = Array.from(self.entries()).filter(([name]) => /RunTask/.test(name)).reduce((sum, [, us]) => sum + us, 0);
  if (unattributed) byKind.set('task (unnamed)', unattributed);
  const ms = (entries: Iterable<[string, number]>): Array<[string, number]> =>
    Array.from(entries)
      .map(([name, us]): [string, number] => [name, us / 1000])
      .sort((a, b) => b[1] - a[1]);
  return { windowMs: toMs - fromMs, busyMs: busy / 1000, byKind: ms(byKind), byEvent: ms(self).slice(0, 25), longTasks, traceWindowUs: [from, to] };
}

export function printTraceBreakdown(title: string, breakdown: TraceBreakdown | null): void {
  if (!breakdown) {
    console.error(`${title}: no trace (no renderer main thread or no origin mark)`);
    return;
  }
  console.error(`${title}: ${breakdown.windowMs.toFixed(0)} ms, main thread busy ${breakdown.busyMs.toFixed(0)} ms, idle ${(breakdown.windowMs - breakdown.busyMs).toFixed(0)} ms`);
  for (const [kind, ms] of breakdown.byKind) console.error(`  ${ms.toFixed(1).padStart(7)} ms  ${kind}`);
  console.error('  by event (self time):');
  for (const [name, ms] of breakdown.byEvent) console.error(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`);
  console.error(`  tasks over 20 ms (start, length): ${breakdown.longTasks.map(([at, ms]) => `${at.toFixed(0)}+${ms.toFixed(0)}`).join(', ') || 'none'}`);
}
