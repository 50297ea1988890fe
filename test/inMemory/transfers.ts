import type { Transfer } from '../../src/domain/transfer';
import type { TransferOrigins, TransferRepository } from '../../src/workflows/transfer/ports';

/** Transfers in memory: each step applied to a copy, `changed` as the store reports it. */
export class InMemoryTransfers implements TransferRepository {
  private readonly rows = new Map<string, string>();
  async create(t: Transfer): Promise<void> {
    if (this.rows.has(t.reference)) throw new Error(`${t.reference} exists`);
    this.rows.set(t.reference, JSON.stringify(t));
  }
  async get(reference: string): Promise<Transfer | undefined> {
    const row = this.rows.get(reference);
    return row ? (JSON.parse(row) as Transfer) : undefined;
  }
  async apply(reference: string, change: (t: Transfer) => Transfer): Promise<{ transfer: Transfer; changed: boolean }> {
    const cur = (await this.get(reference))!;
    const next = change(cur);
    const changed = JSON.stringify(next) !== JSON.stringify(cur);
    if (changed) this.rows.set(reference, JSON.stringify(next));
    return { transfer: next, changed };
  }
  async all(): Promise<Transfer[]> {
    return [...this.rows.values()].map((r) => JSON.parse(r) as Transfer);
  }
}

/** No referrals or discussions: starting from one is tested end to end (test/transfer.e2e.test.ts). */
export const noOrigins: TransferOrigins = {
  referral: () => Promise.resolve(undefined),
  discussion: () => Promise.resolve(undefined),
  linkTransfer: () => Promise.resolve(),
};
