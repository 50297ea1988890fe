import { odata } from '@azure/data-tables';
import type { Transfer } from '../domain/transfer';
import type { TransferRepository } from '../workflows/transfer/ports';
import { ConcurrencyError, encodeKey, isStale, jsonEntity, readJson, Tables, unpackJson } from './tables';

/**
 * Case transfers, one partition each, the transfer one row changed under its etag: only the two
 * authorities' few people act on it, one step at a time, so a row of its own per step would buy
 * nothing. A repeated click changes nothing and is neither audited nor announced twice.
 */
const ROW = 'transfer';

export class TransferStore implements TransferRepository {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client('transfers');
  }

  async create(t: Transfer): Promise<void> {
    await this.client.createEntity(jsonEntity(encodeKey(t.reference), ROW, t));
  }

  get(reference: string): Promise<Transfer | undefined> {
    return readJson<Transfer>(this.client, encodeKey(reference), ROW);
  }

  async apply(reference: string, change: (t: Transfer) => Transfer, attempts = 8): Promise<{ transfer: Transfer; changed: boolean }> {
    const pk = encodeKey(reference);
    for (let i = 0; i < attempts; i++) {
      const entity = await this.client.getEntity<Record<string, unknown>>(pk, ROW);
      const cur = unpackJson<Transfer>(entity);
      const next = change(cur);
      if (next === cur || JSON.stringify(next) === JSON.stringify(cur)) return { transfer: cur, changed: false };
      try {
        await this.client.updateEntity(jsonEntity(pk, ROW, next), 'Replace', { etag: entity.etag });
        return { transfer: next, changed: true };
      } catch (e) {
        if (!isStale(e)) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * 20 * (i + 1)));
      }
    }
    throw new ConcurrencyError(reference);
  }

  /** Every transfer, for the partnership's report: a scan, for an administrator. */
  async all(): Promise<Transfer[]> {
    const out: Transfer[] = [];
    for await (const r of this.client.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`RowKey eq ${ROW}` } }))
      out.push(unpackJson<Transfer>(r));
    return out.sort((a, b) => a.reference.localeCompare(b.reference));
  }
}
