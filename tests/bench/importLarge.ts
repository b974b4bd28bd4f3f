/**
 * `npx tsx tests/bench/importLarge.ts [megabytes…]`: imports a generated PST of that size
 * (10 MB = 10 000 000 bytes by default, just under the 10 MiB limit of .txt) whose titles repeat, and prints time (wall clock, and CPU time, which a busy machine disturbs less), peak memory and the size of
 * the report. A measurement, not a test: run it with `node --max-old-space-size=…` to
 * see the memory bound.
 */
import { strToU8 } from 'fflate';
import { analyseDocument } from '../../src/import/importDocument';
import { formatReport, reportFigures } from '../../src/import/report';
import { largePstText } from '../import/support/largeDocument';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
for (const megabytes of sizes.length ? sizes : [10]) {
  const text = largePstText(megabytes * 1000 * 1000);
  const bytes = strToU8(text);
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = Date.now();
  const cpu = process.cpuUsage();
  const analysis = analyseDocument('grand.txt', bytes);
  const analysed = Date.now();
  const analysisCpu = process.cpuUsage(cpu);
  const report = formatReport(analysis);
  const done = Date.now();
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const figures = reportFigures(analysis);
  console.log(
    `${megabytes} Mo (${bytes.length} octets, ${text.split('\n').length} lignes) : analyse ${analysed - started} ms (CPU ${Math.round((analysisCpu.user + analysisCpu.system) / 1000)} ms), rapport ${done - analysed} ms, ` +
      `mémoire max ${Math.round(peak / 1024 / 1024)} Mo ; ${figures.strategicObjectives} OS, ${figures.operationalObjectives} OO, ${figures.actions} actions ; ` +
      `${analysis.anomalies.length} anomalies ; rapport de ${report.split('\n').length} lignes (${report.length} caractères)`,
  );
}
