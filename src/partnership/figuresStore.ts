import { odata } from '@azure/data-tables';
import { Counters } from './caseFacts';
import { encodeKey, isConflict, isNotFound, isStale, jsonEntity, listRows, readJson, Tables, unpackJson, upsertJson } from '../store/tables';

/**
 * The partnership's figures, a read model kept beside the records:
 *  - `pending`: one row per audit subject with events the figures have not taken in yet;
 *  - `case|YYYY-MM`: one row per case with what it adds to that month (a case may count in two
 *    months: a discussion convened on the 30th whose minutes follow on the 1st);
 *  - `months`: one row per month, the sum of its cases. The page reads only these.
 */
const PENDING = 'pending';
const MONTHS = 'months';
const casesOf = (month: string) => `case|${month}`;

export interface MonthTotals {
  month: string;
  counters: Counters;
}

export class FiguresStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client('figures');
  }

  /** These subjects (audit partition keys) have new events. Idempotent: a subject is one row. */
  async markPending(partitionKeys: string[]): Promise<void> {
    const at = new Date().toISOString();
    await Promise.all(partitionKeys.map((pk) => this.client.upsertEntity({ partitionKey: PENDING, rowKey: pk, at }, 'Replace')));
  }

  async pending(): Promise<{ partitionKey: string; etag: string }[]> {
    const out: { partitionKey: string; etag: string }[] = [];
    for await (const r of this.client.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${PENDING}` } }))
      out.push({ partitionKey: r.rowKey!, etag: r.etag });
    return out;
  }

  /** Done with this subject, unless it was marked again since it was read (then the etag differs). */
  async donePending(p: { partitionKey: string; etag: string }): Promise<void> {
    await this.client.deleteEntity(PENDING, p.partitionKey, { etag: p.etag }).catch((e) => {
      if (!isNotFound(e) && !isStale(e)) throw e;
    });
  }

  async saveCase(month: string, subject: string, counters: Counters): Promise<void> {
    await upsertJson(this.client, casesOf(month), encodeKey(subject), counters);
  }

  /**
   * The month's total, recounted from its cases. Written under the etag of the total read before
   * the cases were, so that of two instances recounting at once, the one that read older cases
   * recounts again instead of overwriting the newer total.
   */
  async recount(month: string): Promise<Counters> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.client.getEntity(MONTHS, month).catch((e) => (isNotFound(e) ? undefined : Promise.reject(e)));
      const total: Counters = {};
      for (const row of await this.cases(month)) {
        for (const [k, v] of Object.entries(row)) total[k] = (total[k] ?? 0) + v;
      }
      const entity = jsonEntity(MONTHS, month, total);
      try {
        if (current) await this.client.updateEntity(entity, 'Replace', { etag: current.etag });
        else await this.client.createEntity(entity);
        return total;
      } catch (e) {
        if (!(isStale(e) || isConflict(e)) || attempt > 8) throw e;
      }
    }
  }

  /** The months from `from` to `to` (YYYY-MM, inclusive): one range read of one partition. */
  async months(from: string, to: string): Promise<MonthTotals[]> {
    const rows = this.client.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${MONTHS} and RowKey ge ${from} and RowKey le ${to}` },
    });
    const out: MonthTotals[] = [];
    for await (const r of rows) out.push({ month: r.rowKey!, counters: unpackJson<Counters>(r) });
    return out;
  }

  /** Every case's row of one month: one partition. */
  async cases(month: string): Promise<Counters[]> {
    return (await listRows<Counters>(this.client, casesOf(month), '', '~')).map((r) => r.doc);
  }

  async caseRow(month: string, subject: string): Promise<Counters | undefined> {
    return readJson<Counters>(this.client, casesOf(month), encodeKey(subject));
  }
}
