import { runReminders, MailGateway, OutgoingMail, messageIdFor } from '../../src/mail/reminderRun';
import type { LedgerEntry, ReminderLedger } from '../../src/domain/reminders';
import { parseMimeMessage } from '../../src/mail/mime';
import type { ActivityFeed, ActivityNotification } from '../../src/mail/teamsActivity';
import { createAction, Person } from '../../src/domain/model';
import { parsePeriod, isParseError } from '../../src/domain/parsing';

const TODAY = '2026-11-23';
const day = (text: string) => {
  const p = parsePeriod(text);
  if (!p || isParseError(p)) throw new Error(text);
  return p;
};
const sophie: Person = { displayName: 'Sophie Lambert', email: 'sophie.lambert@cpas.example' };
const marc: Person = { displayName: 'Marc Dubois', email: 'marc.dubois@cpas.example' };
const pierre: Person = { displayName: 'Pierre Lemaire', email: 'pierre.lemaire@cpas.example' };
const actions = [
  createAction({ id: 1, code: '1', title: 'Téléphonie', status: 'EN_COURS', plannedEnd: day('01/10/2026'), lastCheckInDate: '2026-11-10', projectLead: sophie }),
  createAction({ id: 2, code: '2', title: 'Crèche', status: 'EN_COURS', plannedEnd: day('30/11/2026'), lastCheckInDate: '2026-11-20', projectLead: marc }),
  createAction({ id: 3, code: '3', title: 'RH', status: 'EN_COURS', plannedEnd: day('2027'), lastCheckInDate: '2026-11-20', projectLead: marc }),
];

class MemoryLedger implements ReminderLedger {
  entries: LedgerEntry[] = [];
  async sentKeys(): Promise<Set<string>> {
    return new Set(this.entries.map((e) => e.key));
  }
  async record(entries: readonly LedgerEntry[]): Promise<void> {
    this.entries.push(...entries);
  }
}

class Mailbox implements MailGateway {
  readonly sender = { name: 'PST – CPAS', email: 'pst@cpas.example' };
  sentItems: OutgoingMail[] = [];
  failFor = new Set<string>();
  crashAfterSending = false;
  async alreadySent(messageId: string): Promise<boolean> {
    return this.sentItems.some((m) => m.messageId === messageId);
  }
  async send(mail: OutgoingMail): Promise<void> {
    if (mail.to.some((t) => this.failFor.has(t.email))) throw new Error('Boîte aux lettres introuvable');
    this.sentItems.push(mail);
    if (this.crashAfterSending) throw new Error('processus interrompu');
  }
  async languageOf(email: string) {
    return email.startsWith('marc') ? ('en' as const) : ('fr' as const);
  }
}

/** As Teams shows it: a notice with the chainId of an earlier one to the same person replaces it. */
class TeamsFeed implements ActivityFeed {
  shown: (ActivityNotification & { to: string })[] = [];
  posts = 0;
  crashAfterDelivering = false;
  async notify(to: string, notification: ActivityNotification): Promise<void> {
    this.posts++;
    this.shown = this.shown.filter((n) => !(n.to === to && n.chainId === notification.chainId));
    this.shown.push({ ...notification, to });
    if (this.crashAfterDelivering) throw new Error('processus interrompu');
  }
}

/** Fails every record while `crashing`: the run dies after the mail and the notice, before the ledger. */
class CrashingLedger extends MemoryLedger {
  crashing = false;
  async record(entries: readonly LedgerEntry[]): Promise<void> {
    if (this.crashing) throw new Error('processus interrompu');
    return super.record(entries);
  }
}

const context = { organisation: 'CPAS de Binche', linkToAction: (id: number) => `http://localhost:4321/#pst=action-${id}`, pathOf: () => 'OS 1 › OO 1.1' };

describe('runReminders', () => {
  it('sends one digest per lead concerned and the weekly committee digest, in each recipient language', async () => {
    const ledger = new MemoryLedger();
    const mailbox = new Mailbox();
    const report = await runReminders({ actions, today: TODAY, committee: [pierre], ledger, gateway: mailbox, context });

    expect(report.sent.map((m) => [m.to.join(','), m.subject])).toEqual([
      ['marc.dubois@cpas.example', 'PST: 1 action needs your attention'],
      ['sophie.lambert@cpas.example', 'PST : 1 action demande votre attention'],
      ['pierre.lemaire@cpas.example', 'PST : synthèse de la semaine du 23/11/2026'],
    ]);
    const toSophie = parseMimeMessage(mailbox.sentItems[1].mime);
    expect(toSophie.headers.to).toBe('Sophie Lambert <sophie.lambert@cpas.example>');
    expect(toSophie.headers['message-id']).toBe(mailbox.sentItems[1].messageId);
    expect(toSophie.text).toContain('En retard de 53 jours');
    expect(toSophie.html).toContain('#pst=action-1');
    expect(ledger.entries.map((e) => e.key)).toEqual(['dueSoon:2:2026-11-30', 'overdue:1:2026-10-01#0', 'committee:2026-11-23']);
  });

  it('sends nothing on a second run the same day', async () => {
    const ledger = new MemoryLedger();
    const mailbox = new Mailbox();
    await runReminders({ actions, today: TODAY, committee: [pierre], ledger, gateway: mailbox, context });
    const second = await runReminders({ actions, today: TODAY, committee: [pierre], ledger, gateway: mailbox, context });
    expect(second.sent).toEqual([]);
    expect(mailbox.sentItems).toHaveLength(3);
  });

  it('after a crash between sending and recording, records without sending again', async () => {
    const ledger = new MemoryLedger();
    const mailbox = new Mailbox();
    mailbox.crashAfterSending = true;
    const first = await runReminders({ actions: [actions[0]], today: TODAY, committee: [], ledger, gateway: mailbox, context });
    expect(first.failed).toHaveLength(1);
    expect(ledger.entries).toEqual([]);
    mailbox.crashAfterSending = false;
    const second = await runReminders({ actions: [actions[0]], today: TODAY, committee: [], ledger, gateway: mailbox, context });
    expect(second.sent).toEqual([]);
    expect(second.recovered.map((m) => m.to)).toEqual([['sophie.lambert@cpas.example']]);
    expect(mailbox.sentItems).toHaveLength(1);
    expect(ledger.entries.map((e) => e.key)).toEqual(['overdue:1:2026-10-01#0']);
  });

  it('reports a permanent failure for one recipient and still sends to the others; the next run retries only that one', async () => {
    const ledger = new MemoryLedger();
    const mailbox = new Mailbox();
    mailbox.failFor.add('sophie.lambert@cpas.example');
    const report = await runReminders({ actions, today: TODAY, committee: [], ledger, gateway: mailbox, context });
    expect(report.failed.map((f) => [f.to[0], f.error])).toEqual([['sophie.lambert@cpas.example', 'Boîte aux lettres introuvable']]);
    expect(report.sent.map((m) => m.to[0])).toEqual(['marc.dubois@cpas.example']);
    mailbox.failFor.clear();
    const retry = await runReminders({ actions, today: TODAY, committee: [], ledger, gateway: mailbox, context });
    expect(retry.sent.map((m) => m.to[0])).toEqual(['sophie.lambert@cpas.example']);
  });

  it('in dry-run mode, describes the mails and sends and records nothing', async () => {
    const ledger = new MemoryLedger();
    const mailbox = new Mailbox();
    const report = await runReminders({ actions, today: TODAY, committee: [pierre], ledger, gateway: mailbox, context, dryRun: true });
    expect(report.sent).toHaveLength(3);
    expect(report.sent[1].text).toContain('Bonjour Sophie Lambert,');
    expect(mailbox.sentItems).toEqual([]);
    expect(ledger.entries).toEqual([]);
  });

  it('gives the same Message-ID to the same digest whatever the order of its reminders', () => {
    expect(messageIdFor('a@x', ['k1', 'k2'], 'x')).toBe(messageIdFor('a@x', ['k2', 'k1'], 'x'));
    expect(messageIdFor('a@x', ['k1'], 'x')).not.toBe(messageIdFor('b@x', ['k1'], 'x'));
  });

  describe('the Teams notice after a crash', () => {
    const run = (ledger: ReminderLedger, gateway: MailGateway, feed: ActivityFeed) =>
      runReminders({ actions: [actions[0]], today: TODAY, committee: [], ledger, gateway, context, activityFeed: feed });

    it.each([
      ['killed between the mail and the notice', (m: Mailbox) => (m.crashAfterSending = true), (m: Mailbox) => (m.crashAfterSending = false)],
      ['by a notice call that fails once Teams has it', (_m: Mailbox, f: TeamsFeed) => (f.crashAfterDelivering = true), (_m: Mailbox, f: TeamsFeed) => (f.crashAfterDelivering = false)],
      ['killed while recording', (_m: Mailbox, _f: TeamsFeed, l: CrashingLedger) => (l.crashing = true), (_m: Mailbox, _f: TeamsFeed, l: CrashingLedger) => (l.crashing = false)],
    ])('%s: the next run completes it, one mail and one notice shown', async (_when, crash, recover) => {
      const ledger = new CrashingLedger();
      const mailbox = new Mailbox();
      const feed = new TeamsFeed();
      crash(mailbox, feed, ledger);
      const first = await run(ledger, mailbox, feed);
      expect(first.failed.length + first.activitiesFailed.length).toBeGreaterThan(0);
      recover(mailbox, feed, ledger);
      const second = await run(ledger, mailbox, feed);
      expect(second.failed).toEqual([]);
      expect(mailbox.sentItems).toHaveLength(1);
      expect(feed.shown.map((n) => [n.to, n.count, n.preview])).toEqual([['sophie.lambert@cpas.example', 1, 'PST : 1 action demande votre attention']]);
      expect(ledger.entries.map((e) => e.key)).toEqual(['overdue:1:2026-10-01#0']);
      // and a third run neither mails nor notifies
      const postsBefore = feed.posts;
      await run(ledger, mailbox, feed);
      expect(feed.posts).toBe(postsBefore);
      expect(mailbox.sentItems).toHaveLength(1);
    });

    it('gives every retry of a digest the same chain, and different digests different chains', async () => {
      const ledger = new CrashingLedger();
      const mailbox = new Mailbox();
      const feed = new TeamsFeed();
      ledger.crashing = true;
      await run(ledger, mailbox, feed);
      await run(ledger, mailbox, feed);
      expect(feed.posts).toBe(2);
      expect(feed.shown).toHaveLength(1);
      ledger.crashing = false;
      await runReminders({ actions, today: TODAY, committee: [], ledger, gateway: mailbox, context, activityFeed: feed });
      expect(feed.shown.map((n) => n.to).sort()).toEqual(['marc.dubois@cpas.example', 'sophie.lambert@cpas.example']);
      expect(new Set(feed.shown.map((n) => n.chainId)).size).toBe(2);
      for (const n of feed.shown) expect(Number.isSafeInteger(n.chainId) && n.chainId > 0).toBe(true);
    });
  });
});
