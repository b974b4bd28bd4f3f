/**
 * The reminder job end to end: the sample PST in the embedded store, the local Graph and
 * its outbox, the job's own PnPjs and Graph client code, at a fixed date.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import outline from '../../src/node/local/sample/binche-2019-2024.outline.json';
import { startEmbeddedStore, roleBasedAuthorizer, EmbeddedStore } from '../../src/node/store';
import { LocalGraph } from '../../src/node/local/localGraph';
import { seedSamplePst } from '../../src/node/local/seed';
import { buildSamplePst, LOCAL_REMINDER_MAILBOX, SAMPLE_USERS } from '../../src/node/local/samplePst';
import { runReminderJob } from '../../src/node/jobs/reminderJob';
import { classifyLateness } from '../../src/domain/lateness';
import type { OutlineDocument } from '../../src/import/toPlan';

jest.setTimeout(120_000);

const TODAY = '2026-11-23';
const MAILBOX = LOCAL_REMINDER_MAILBOX;
let folder: string;
let store: EmbeddedStore;
let graph: LocalGraph;

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pst-reminders-'));
  const dataFile = path.join(folder, 'pst.sqlite');
  store = await startEmbeddedStore({
    dataFile,
    authorize: roleBasedAuthorizer,
    extraRoutes: (req: IncomingMessage, res: ServerResponse, url: URL) => graph.handle(req, res, url),
  });
  graph = new LocalGraph(dataFile, () => SAMPLE_USERS);
  for (const user of SAMPLE_USERS) store.db.ensureUser({ email: user.email, title: user.displayName, isSiteAdmin: user.role === 'coordinator' });
  // the job reads the site as the mailbox's app identity: a site collection admin locally
  store.db.ensureUser({ email: MAILBOX, title: 'PST', isSiteAdmin: true });
  await seedSamplePst(store.siteUrl, TODAY);
});

afterAll(async () => {
  await store?.close();
  graph?.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

const job = () => runReminderJob({ siteUrl: store.siteUrl, mailbox: MAILBOX, pageUrl: 'http://localhost:4321/', today: TODAY });

/** The leads who must hear from the job at TODAY, computed from the sample with the domain rules. */
function expectedRecipients(): string[] {
  const sample = buildSamplePst(outline as OutlineDocument, TODAY);
  const concerned = sample.data.actions.filter((a) => {
    const { flags } = classifyLateness(a, TODAY);
    return !flags.done && !flags.cancelled && (flags.overdue || flags.dueSoon || flags.stale);
  });
  return Array.from(new Set(concerned.map((a) => a.projectLead!.email!))).sort();
}

describe('npm run reminders against the local store', () => {
  it('sends one digest per concerned lead and the committee digest; a second run sends nothing', async () => {
    const expected = expectedRecipients();
    expect(expected.length).toBeGreaterThan(1);
    graph.setFaults({ failRecipient: expected[0] });

    // first run: one recipient fails permanently, the others are served and reported
    const first = await job();
    expect(first.failed.map((f) => f.to)).toEqual([[expected[0]]]);
    const leadMails = () => graph.outbox().filter((m) => !m.subject.includes('synthèse'));
    expect(leadMails().map((m) => m.to[0]).sort()).toEqual(expected.slice(1));

    // the committee (Pierre Lemaire) gets the weekly digest
    const committee = graph.outbox().filter((m) => m.subject === 'PST : synthèse de la semaine du 23/11/2026');
    expect(committee.map((m) => m.to)).toEqual([['pierre.lemaire@cpas.example']]);
    expect(committee[0].text).toContain('Actions en retard');
    // each blocked action with its lead's last comment, read from its check-ins
    expect(committee[0].text).toMatch(/Actions bloquées \(\d+\)/);
    expect(committee[0].text).toContain("raison (dernier suivi) : Bloqué : en attente de l'avis de la tutelle. (suivi du ");

    // the restarted run completes what is missing, without any duplicate
    graph.setFaults({});
    const second = await job();
    expect(second.sent.map((m) => m.to)).toEqual([[expected[0]]]);
    expect(leadMails().map((m) => m.to[0]).sort()).toEqual(expected);

    // and a third run the same day sends nothing
    const third = await job();
    expect(third.sent).toEqual([]);
    expect(third.failed).toEqual([]);
  });

  it('writes each lead in their language, with code, OS/OO path, Belgian dates and a link', () => {
    // Marc Dubois reads English (preferredLanguage en-US in the directory)
    const marc = graph.outbox().find((m) => m.to[0] === 'marc.dubois@cpas.example');
    expect(marc).toBeDefined();
    expect(marc!.subject).toMatch(/^PST: \d+ actions? needs? your attention$/);
    expect(marc!.text).toContain('Hello Marc Dubois,');
    const french = graph.outbox().find((m) => m.to[0] !== 'marc.dubois@cpas.example' && !m.subject.includes('synthèse'))!;
    expect(french.subject).toMatch(/^PST : \d+ actions? demande(nt)? votre attention$/);
    expect(french.text).toMatch(/OS \d+(\.\d+)* .* › OO \d+(\.\d+)*/);
    expect(french.text).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(french.html).toContain('http://localhost:4321/#pst=action-');
  });

  it('survives Graph throttling: 429 with Retry-After is retried, nothing sent twice', async () => {
    const before = graph.outbox().length;
    const faultsBefore = graph.faultsInjected;
    graph.setFaults({ rate429: 0.5, retryAfterSeconds: 0 });
    const report = await runReminderJob({ siteUrl: store.siteUrl, mailbox: MAILBOX, pageUrl: 'http://localhost:4321/', today: '2026-11-30' });
    graph.setFaults({});
    expect(graph.faultsInjected - faultsBefore).toBeGreaterThan(0);
    expect(report.failed).toEqual([]);
    const sent = graph.outbox().slice(0, graph.outbox().length - before);
    const keys = sent.map((m) => `${m.to.join(',')}|${m.subject}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(sent.length).toBe(report.sent.length + report.recovered.length);
  });

  it('where configured, posts one Teams activity-feed notification per lead digest it sends, and none twice', async () => {
    const before = graph.activityFeed().length;
    const run = () => runReminderJob({ siteUrl: store.siteUrl, mailbox: MAILBOX, pageUrl: 'http://localhost:4321/', today: '2026-12-14', teamsAppId: 'app-pst' });
    const report = await run();
    const committee = SAMPLE_USERS.filter((u) => u.role === 'committee').map((u) => u.email);
    const leadDigests = report.sent.filter((m) => !m.to.some((to) => committee.includes(to)));
    expect(leadDigests.length).toBeGreaterThan(0);
    expect(report.activitiesFailed).toEqual([]);
    expect(report.activities.slice().sort()).toEqual(leadDigests.map((m) => m.to[0]).sort());
    const posted = graph.activityFeed().slice(0, graph.activityFeed().length - before);
    expect(posted.map((a) => a.recipient).sort()).toEqual(report.activities.slice().sort());
    for (const activity of posted) {
      const digest = leadDigests.find((m) => m.to[0] === activity.recipient)!;
      expect(activity).toMatchObject({ activityType: 'actionsNeedAttention', webUrl: 'https://teams.microsoft.com/l/entity/app-pst/pst-mes-actions', preview: digest.subject.slice(0, 150) });
      expect(activity.parameters).toEqual([{ name: 'count', value: String(digest.items) }]);
    }
    const again = await run();
    expect(again.sent).toEqual([]);
    expect(again.activities).toEqual([]);
    expect(graph.activityFeed().length - before).toBe(posted.length);
  });

  it('killed after the mails and notices but before the ledger: the next run shows each lead one notice and sends no mail again', async () => {
    const today = '2026-12-28';
    const run = () => runReminderJob({ siteUrl: store.siteUrl, mailbox: MAILBOX, pageUrl: 'http://localhost:4321/', today, teamsAppId: 'app-pst' });
    const ledgerList = store.db.listLists().find((l) => l.url.endsWith('/PstReminderLedger'))!;
    const feedBefore = graph.activityFeed().length;
    const outboxBefore = graph.outbox().length;
    // The job dies where it would record: every ledger write fails from now on.
    store.db.sql.exec(`CREATE TEMP TRIGGER ledger_crash BEFORE INSERT ON items WHEN NEW.list_id = '${ledgerList.id}' BEGIN SELECT RAISE(ABORT, 'processus interrompu'); END`);
    let first;
    try {
      first = await run();
    } finally {
      store.db.sql.exec('DROP TRIGGER ledger_crash');
    }
    expect(first.failed.length).toBeGreaterThan(0);
    expect(first.activities.length).toBeGreaterThan(0);
    const mailed = graph.outbox().length - outboxBefore;

    const second = await run();
    expect(second.failed).toEqual([]);
    expect(second.sent).toEqual([]);
    expect(second.recovered.length).toBe(mailed);
    expect(graph.outbox().length - outboxBefore).toBe(mailed);
    const notices = graph.activityFeed().slice(0, graph.activityFeed().length - feedBefore);
    const recipients = notices.map((n) => n.recipient).sort();
    expect(recipients).toEqual(first.activities.slice().sort());
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(notices.every((n) => n.chainId !== null)).toBe(true);
  });
});
