/**
 * The reminder ledger on its SharePoint list. The list grows past the view threshold
 * over a legislature: it is read through the indexed run date, paged.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { addDays, IsoDate } from '../domain/model';
import { reminderLedgerList } from '../schema/listSchema';
import { dayToSharePoint } from '../schema/mapping';
import type { LedgerEntry, ReminderLedger } from '../domain/reminders';
import { listUrl } from './sharePointPaths';
import { MAX_BATCH_REQUESTS } from '../domain/limits';

/** Reminders older than this cannot come back (deadlines and silences are more recent). */
const LEDGER_MEMORY_DAYS = 800;
const PAGE = 2000;

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
    const since = dayToSharePoint(addDays(today, -LEDGER_MEMORY_DAYS))!;
    const keys = new Set<string>();
    const pages = this.list()
      .items.select(f.title.internalName)
      .filter(`${f.runDate.internalName} ge datetime'${since}'`)
      .top(PAGE);
    for await (const page of pages) {
      for (const item of page as Record<string, string>[]) keys.add(item[f.title.internalName]);
    }
    return keys;
  }

  async record(entries: readonly LedgerEntry[]): Promise<void> {
    const f = reminderLedgerList.fields;
    for (let start = 0; start < entries.length; start += MAX_BATCH_REQUESTS) {
      const [batchedSp, execute] = this.sp.batched();
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
