/**
 * `npx tsx tests/bench/dropCheck.ts [ACTIONS] [EVENTS]`: what the tree computes on each
 * `dragover` while a row is dragged (components/structure/structureDrop: the row's item, the
 * domain's checks of a move and of a place among siblings, the side under the pointer), on a
 * generated plan. The browser sends a dragover every few tens of milliseconds: this is the
 * work each one adds. Prints a table, then one JSON line
 * `{"actions","acrossMedianUs","acrossP95Us","siblingsMedianUs","siblingsP95Us"}`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Module from 'node:module';
import { performance } from 'node:perf_hooks';
import type { OperationalObjective, StrategicObjective } from '../../src/domain/model';
import type { StructureData } from '../../src/domain/structure';
import { generatedActions } from './generatedPlan';

// The components read their strings from the AMD module 'PstStrings' (SPFx); give Node the French table.
const stringsFile = path.resolve(__dirname, '../../src/strings/loc/fr-fr.js');
const resolve = (Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string })._resolveFilename;
(Module as unknown as { _resolveFilename: typeof resolve })._resolveFilename = (request, ...rest) => (request === 'PstStrings' ? stringsFile : resolve(request, ...rest));
(Module as unknown as { _extensions: Record<string, (module: { exports: unknown }, file: string) => void> })._extensions['.js'] = ((original) => (module, file) => {
  if (file !== stringsFile) return original(module, file);
  let table: unknown;
  new Function('define', fs.readFileSync(file, 'utf8'))((_deps: unknown, factory: () => unknown) => (table = factory()));
  module.exports = table;
})((Module as unknown as { _extensions: Record<string, (module: { exports: unknown }, file: string) => void> })._extensions['.js']);

const ACTIONS = Number(process.argv[2] ?? 5000);
const EVENTS = Number(process.argv[3] ?? 2000);

async function main(): Promise<void> {
  const { dropChecks, dropItemOf, sideAt } = await import('../../src/components/structure/structureDrop');
  const os = Math.max(1, Math.round(ACTIONS / 50));
  const oo = os * 5;
  const data: StructureData = {
    sections: [],
    strategicObjectives: Array.from({ length: os }, (_, i): StrategicObjective => ({ id: i + 1, code: `${i + 1}`, title: `OS ${i + 1}`, volet: null, order: i + 1 })),
    operationalObjectives: Array.from({ length: oo }, (_, i): OperationalObjective => ({ id: i + 1, code: `${Math.floor(i / 5) + 1}.${(i % 5) + 1}`, title: `OO ${i + 1}`, strategicObjectiveId: Math.floor(i / 5) + 1, order: i + 1 })),
    actions: generatedActions({ os, oo, actions: ACTIONS, checkIns: 0 }, '2026-12-02'),
  };
  const keyOf = (actionId: number): string => {
    const ooId = data.actions[actionId - 1].operationalObjectiveIds[0];
    return `os-${Math.ceil(ooId / 5)}/oo-${ooId}/action-${actionId}`;
  };
  const dragged = { key: keyOf(1), nodeId: 'action-1' };
  const perOo = ACTIONS / oo;
  const scenarios: [string, (n: number) => { key: string; nodeId: string }][] = [
    // Across the plan: actions of other OO (refused at once) and OO (a move).
    [
      'over rows across the plan',
      (n) => {
        const id = 1 + ((n * 7919) % (n % 2 === 0 ? ACTIONS : oo));
        return n % 2 === 0 ? { key: keyOf(id), nodeId: `action-${id}` } : { key: `os-${Math.ceil(id / 5)}/oo-${id}`, nodeId: `oo-${id}` };
      },
    ],
    // The siblings of the dragged action: the whole check of a place among them.
    ['over its siblings', (n) => ({ key: keyOf(2 + (n % Math.max(1, perOo - 1))), nodeId: `action-${2 + (n % Math.max(1, perOo - 1))}` })],
  ];
  const results: Record<string, number> = { actions: ACTIONS };
  console.log(`dragover work on a plan of ${ACTIONS} actions, ${oo} OO (${EVENTS} events per case; the first event of all left out: warm-up)`);
  dropItemOf(data, dragged);
  for (const [index, [name, targetOf]] of scenarios.entries()) {
    const times: number[] = [];
    let allowed = 0;
    for (let n = 0; n <= EVENTS; n++) {
      const target = targetOf(n);
      const start = performance.now();
      const from = dropItemOf(data, dragged)!;
      const to = dropItemOf(data, target)!;
      if (sideAt(dropChecks(data, from, to), (n % 10) / 10).check.ok) allowed++;
      if (n > 0) times.push((performance.now() - start) * 1000);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]);
    console.log(`  ${name.padEnd(28)} median ${String(at(0.5)).padStart(6)} µs   p95 ${String(at(0.95)).padStart(6)} µs   max ${String(Math.round(times[times.length - 1])).padStart(7)} µs   (${allowed} allowed)`);
    const prefix = index === 0 ? 'across' : 'siblings';
    results[`${prefix}MedianUs`] = at(0.5);
    results[`${prefix}P95Us`] = at(0.95);
  }
  console.log(JSON.stringify(results));
}

void main();
