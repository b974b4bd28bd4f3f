/**
 * `npm run bench:reminders -- ACTIONS LEDGER`: one run of the reminder job (the product's
 * own PnPjs and Graph client code) on a generated PST whose ledger already holds LEDGER
 * entries, against the embedded store and its local Graph. Defaults: 5,000 actions, 12,000
 * entries. Prints the requests (SharePoint and Graph), the time, the mails, and whether the
 * run was right: no failure, exactly the reminders the ledger does not hold yet, and a
 * second run the same day sends nothing. The last line is JSON:
 * `{"requests","ms","mails","ok"}`.
 */
import * as fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startEmbeddedStore, roleBasedAuthorizer } from '../../src/node/store';
import { LocalGraph, LocalDirectoryUser } from '../../src/node/local/localGraph';
import { ensurePstLists } from '../../src/data/provisioning';
import { createNodeSp } from '../../src/node/sp/nodeSp';
import { runReminderJob } from '../../src/node/jobs/reminderJob';
import { addDays, Person } from '../../src/domain/model';
import { DEFAULT_REMINDER_THRESHOLDS, leadDigests } from '../../src/domain/reminders';
import { reminderLedgerList } from '../../src/schema/listSchema';
import { dayToSharePoint } from '../../src/schema/mapping';
import { generatedActions, insertGeneratedPlan } from './generatedPlan';

const args = process.argv.slice(2);
const [actionCount, ledgerCount] = (args.length === 2 ? args : ['5000', '12000']).map(Number);
const TODAY = '2026-11-23';
const MAILBOX = 'pst@cpas.example';
/** Daily runs over about two years fill the ledger. */
const LEDGER_DAYS = 730;

async function main(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pst-bench-reminders-'));
  const dataFile = path.join(folder, 'bench.sqlite');
  const directory: LocalDirectoryUser[] = [];
  let graphRequests = 0;
  let graph: LocalGraph | undefined;
  const store = await startEmbeddedStore({
    dataFile,
    authorize: roleBasedAuthorizer,
    extraRoutes: (req: IncomingMessage, res: ServerResponse, url: URL) => {
      if (url.pathname.startsWith('/graph/')) graphRequests++;
      return graph!.handle(req, res, url);
    },
  });
  graph = new LocalGraph(dataFile, () => directory);
  try {
    const mailbox = store.db.ensureUser({ email: MAILBOX, title: 'PST', isSiteAdmin: true });
    const leadCount = Math.max(1, Math.round(actionCount / 100));
    const leads: Person[] = Array.from({ length: leadCount }, (_, i) => {
      const email = `chef${i + 1}@cpas.example`;
      const displayName = `Chef de projet ${i + 1}`;
      directory.push({ email, displayName, preferredLanguage: 'fr-BE' });
      return { id: store.db.ensureUser({ email, title: displayName }).id, displayName, email };
    });
    const sp = createNodeSp(store.siteUrl, async () => `local:${MAILBOX}`);
    const ids = (await ensurePstLists(sp, '/sites/pst')).listIds;
    const size = { os: 10, oo: 100, actions: actionCount, checkIns: 0, leads };
    insertGeneratedPlan(store, ids, mailbox.id, size, TODAY);

    // The ledger: every ninth entry names a reminder today's run would send (it must not go
    // again), the others older reminders, one run date per day over two years.
    const due = leadDigests(generatedActions(size, TODAY), TODAY, new Set(), DEFAULT_REMINDER_THRESHOLDS).digests.flatMap((d) => d.keys);
    const f = reminderLedgerList.fields;
    const recorded = new Set<string>();
    const entries = Array.from({ length: ledgerCount }, (_, i) => {
      const current = i % 9 === 0 && i / 9 < due.length;
      const key = current ? due[i / 9] : `overdue:${(i % actionCount) + 1}:${addDays(TODAY, -i)}#0`;
      recorded.add(key);
      return {
        [f.title.internalName]: key,
        [f.recipient.internalName]: 'chef@cpas.example',
        [f.kind.internalName]: 'overdue',
        [f.runDate.internalName]: dayToSharePoint(addDays(TODAY, -1 - (i % LEDGER_DAYS))),
        [f.messageId.internalName]: `<bench-${i}@cpas.example>`,
      };
    });
    for (let start = 0; start < entries.length; start += 10000) store.db.addItems(ids.reminderLedger, entries.slice(start, start + 10000), { authorId: mailbox.id });
    const expectedItems = due.filter((key) => !recorded.has(key)).length;

    store.requests.length = 0;
    graphRequests = 0;
    let ok = true;
    let report;
    const t = performance.now();
    try {
      report = await runReminderJob({ siteUrl: store.siteUrl, mailbox: MAILBOX, pageUrl: 'http://localhost:4321/', today: TODAY });
    } catch (error) {
      ok = false;
      console.error(`Le passage a échoué : ${error instanceof Error ? error.message : String(error)}`);
    }
    const ms = performance.now() - t;
    const spRequests = store.requests.length;
    const requests = spRequests + graphRequests;
    const sentItems = report ? report.sent.filter((m) => m.to[0] !== undefined && m.to[0].startsWith('chef')).reduce((s, m) => s + m.items, 0) : 0;
    if (report) {
      const again = await runReminderJob({ siteUrl: store.siteUrl, mailbox: MAILBOX, pageUrl: 'http://localhost:4321/', today: TODAY }).catch((error: unknown) => {
        console.error(`Le second passage a échoué : ${error instanceof Error ? error.message : String(error)}`);
        return null;
      });
      ok = report.failed.length === 0 && sentItems === expectedItems && again !== null && again.sent.length === 0 && again.failed.length === 0;
      console.log(`Plan généré : ${actionCount} actions, ${leadCount} chefs de projet ; journal : ${ledgerCount} rappels déjà envoyés.`);
      console.log(`Passage : ${report.sent.length} mails (${sentItems} rappels, attendus ${expectedItems}), ${report.failed.length} échecs ; second passage : ${again ? `${again.sent.length} mails` : 'échec'}.`);
      console.log(`Requêtes : ${spRequests} SharePoint (${Array.from(new Set(store.requests.slice(0, spRequests).map((r) => r.path.split('?')[0]))).join(', ')}), ${graphRequests} Graph ; ${ms.toFixed(0)} ms.`);
    }
    console.log(JSON.stringify({ requests, ms: Math.round(ms), mails: report ? report.sent.length : 0, ok }));
  } finally {
    await store.close();
    graph.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
