/**
 * `npx tsx tests/bench/exportsSize.ts [ACTIONS]`: size and time of the documents of issue 14
 * on a generated plan (default 5,000 actions, 50 OS, 500 OO, means per year on every action):
 * the plan workbook, its re-import and comparison, the published page, the eComptes XML
 * export and import, a frozen snapshot and its parts in the list. Prints figures, asserts nothing;
 * last line JSON.
 */
import { performance } from 'node:perf_hooks';
import { createAction } from '../../src/domain/model';
import type { OperationalObjective, PlanData, StrategicObjective } from '../../src/domain/model';
import { planWorkbook } from '../../src/export/planWorkbook';
import { writeXlsx } from '../../src/export/xlsx';
import { publicPageHtml } from '../../src/export/publicPage';
import { ecomptesXml } from '../../src/export/ecomptes/ecomptesXml';
import { analyseDocument } from '../../src/import/importDocument';
import { planSync, syncTotals } from '../../src/domain/planSync';
import { freezePlan } from '../../src/domain/evaluation';
import { cutInParts } from '../../src/data/SharePointSnapshotArchive';
import { generatedActions } from './generatedPlan';

const actionsCount = Number(process.argv[2] ?? 5000);
const TODAY = '2026-11-23';
const osCount = Math.max(1, Math.round(actionsCount / 100));
const ooCount = Math.max(1, Math.round(actionsCount / 10));
const strategicObjectives: StrategicObjective[] = Array.from({ length: osCount }, (_, i) => ({ id: i + 1, code: String(i + 1), title: `Objectif stratégique ${i + 1}`, volet: i % 2 ? 'interne' : 'externe', order: i + 1 }));
const operationalObjectives: OperationalObjective[] = Array.from({ length: ooCount }, (_, i) => ({
  id: i + 1,
  code: `${Math.floor(i / (ooCount / osCount)) + 1}.${(i % Math.round(ooCount / osCount)) + 1}`,
  title: `Objectif opérationnel ${i + 1}`,
  strategicObjectiveId: Math.floor(i / (ooCount / osCount)) + 1,
  order: (i % Math.round(ooCount / osCount)) + 1,
}));
const actions = generatedActions({ os: osCount, oo: ooCount, actions: actionsCount, checkIns: 0 }, TODAY).map((a, i) =>
  createAction({
    ...a,
    order: (i % (actionsCount / ooCount)) + 1,
    resources: { text: null, lines: [2025, 2026, 2027].map((year) => ({ year, service: 'ordinaire' as const, direction: 'depense' as const, source: 'cpas' as const, article: `844/124-${i % 90}`, planned: 1000 + i, actual: year < 2026 ? 900 : null, etp: 0.5 })) },
  }),
);
const data: PlanData = { plan: { id: 1, title: 'PST généré', organisation: 'CPAS de Banc-d’essai', startYear: 2025, endYear: 2030 }, sections: [], strategicObjectives, operationalObjectives, actions };

function timed<T>(what: string, f: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = f();
  const ms = Math.round(performance.now() - start);
  return { value, ms };
}

const workbook = timed('workbook', () => writeXlsx(planWorkbook(data, TODAY)));
const reimport = timed('reimport', () => analyseDocument('pst.xlsx', workbook.value));
const sync = timed('sync', () => syncTotals(planSync({ plans: [data.plan], sections: [], strategicObjectives, operationalObjectives, actions, indicators: [] }, reimport.value.plan)));
const page = timed('page', () => publicPageHtml(data, { today: TODAY }));
const xml = timed('ecomptes', () => ecomptesXml(data, { today: TODAY, ins: 56011 }).xml);
const xmlImport = timed('ecomptesImport', () => analyseDocument('pst.xml', new TextEncoder().encode(xml.value)));
const frozen = timed('freeze', () => JSON.stringify(freezePlan(data, { takenOn: TODAY, kind: 'miParcours' })));
const parts = cutInParts(frozen.value).length;

const kb = (n: number) => Math.round(n / 1024);
console.log(`Plan généré : ${osCount} OS, ${ooCount} OO, ${actionsCount} actions, 3 lignes de moyens chacune`);
console.log(`Classeur du plan : ${kb(workbook.value.length)} Ko en ${workbook.ms} ms ; relu par l'import en ${reimport.ms} ms, comparé en ${sync.ms} ms : ${sync.value.adds} ajout(s), ${sync.value.updates} modification(s)`);
console.log(`Page publique : ${kb(page.value.length)} Ko en ${page.ms} ms`);
console.log(`eComptes : ${kb(xml.value.length)} Ko écrits en ${xml.ms} ms, relus en ${xmlImport.ms} ms (${xmlImport.value.plan.actions.length} actions)`);
console.log(`Cliché : ${kb(frozen.value.length)} Ko de JSON en ${frozen.ms} ms, ${parts} partie(s) dans la liste`);
console.log(JSON.stringify({ actions: actionsCount, workbookKb: kb(workbook.value.length), workbookMs: workbook.ms, reimportMs: reimport.ms, syncMs: sync.ms, syncAdds: sync.value.adds, syncUpdates: sync.value.updates, pageKb: kb(page.value.length), pageMs: page.ms, ecomptesKb: kb(xml.value.length), ecomptesMs: xml.ms, ecomptesImportMs: xmlImport.ms, snapshotKb: kb(frozen.value.length), snapshotParts: parts }));
