/**
 * The reminder ledger on its SharePoint list. The list grows past the view threshold
 * within a year or two of daily runs, and the reminders of the last 800 days alone may be
 * more than 5,000: a filter on the run date would then be refused. The ledger is read
 * newest first through the ID index (always allowed, whatever the list's size), a page of
 * 5,000 at a time through `odata.nextLink`, and the reading stops at the first entry older
 * than the window: the entries are added run after run, so IDs follow run dates.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { addDays, IsoDate } from '../domain/model';
import { reminderLedgerList } from '../schema/listSchema';
import { dayFromSharePoint, dayToSharePoint } from '../schema/mapping';
import type { LedgerEntry, ReminderLedger } from '../domain/reminders';
import { listUrl } from './sharePointPaths';
import { MAX_BATCH_REQUESTS, MAX_PAGE_SIZE } from '../domain/limits';
import { batched, noMetadata } from './requests';

/** Reminders older than this cannot come back (deadlines and silences are more recent). */
const LEDGER_MEMORY_DAYS = 800;

export class SharePointReminderLedger implements ReminderLedger {
  constructor(
    private readonly sp: SPFI,
    private readonly webServerRelativeUrl: string,
  ) {}

  private list(sp: SPFI = this.sp) {
    return sp.web.getList(listUrl(this.webServerRelativeUrl, reminderLedgerList));
  }

  async sentKeys(today: IsoDate): Promise<Set<string>> {
    const f = reminderLedgerList.fields;
    const since = addDays(today, -LEDGER_MEMORY_DAYS);
    const keys = new Set<string>();
    const newestFirst = this.list()
      .items.select(f.title.internalName, f.runDate.internalName)
      .using(noMetadata())
      .orderBy('ID', false)
      .top(MAX_PAGE_SIZE);
    for await (const page of newestFirst) {
      for (const item of page as Record<string, unknown>[]) {
        const runDate = dayFromSharePoint(item[f.runDate.internalName]);
        if (runDate !== null && runDate < since) return keys;
        keys.add(String(item[f.title.internalName]));
      }
    }
    return keys;
  }

  async record(entries: readonly LedgerEntry[]): Promise<void> {
    const f = reminderLedgerList.fields;
    for (let start = 0; start < entries.length; start += MAX_BATCH_REQUESTS) {
      const [batchedSp, execute] = batched(this.sp);
      // PnPjs v4: every request of a batch needs its own queryable instance.
      const pending = Promise.all(
        entries.slice(start, start + MAX_BATCH_REQUESTS).map((e) =>
          this.list(batchedSp).items.add({
            [f.title.internalName]: e.key,
            [f.recipient.internalName]: e.recipient,
            [f.kind.internalName]: e.kind,
            [f.runDate.internalName]: dayToSharePoint(e.runDate),
            [f.messageId.internalName]: e.messageId,
          }),
        ),
      );
      pending.catch(() => undefined);
      await execute();
      await pending;
    }
  }
}
