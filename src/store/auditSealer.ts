import { odata, TransactionAction } from '@azure/data-tables';
import { ChainHead, eventHash, EventRow, HEAD_ROW, isSealed, LEDGER_PARTITION, PENDING_PARTITION } from './auditChain';
import { deleteTogether } from './groupCommit';
import { isConflict, isNotFound, isStale, Tables } from './tables';
import { logger } from '../logger';

export interface SealerOptions {
  /** How long after an append the sealer runs: a burst of appends is sealed in one pass. */
  delayMs: number;
  /** A pass at this interval also seals what another instance (or one that stopped) left pending. */
  intervalMs: number;
}

/** A marker whose event never appeared (its write failed) is dropped after this long. */
const ORPHAN_MS = 10 * 60_000;
/** A transaction holds at most 100 operations: the events it seals and their chain's head. */
const BATCH = 99;

/**
 * Links newly appended audit events into their subject's hash chain, shortly after they are
 * written, so that appending never waits for another append. Until an event is sealed (normally
 * within a second; within `intervalMs` if the instance that wrote it stopped first) it is not yet
 * protected: it could be changed or removed without a trace.
 *
 * Safe with several instances: a chain's events and its head are written in one transaction under
 * the head's etag, so of two sealers only one extends a chain; the other reads again.
 */
export class AuditSealer {
  private delayTimer: NodeJS.Timeout | undefined;
  private intervalTimer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = true;
  /**
   * Told which chains have events about to be sealed, before they are (the partnership's figures
   * are kept this way). A failure stops the pass, so the events stay pending and are told again.
   */
  beforeSealing: (partitionKeys: string[]) => Promise<void> = () => Promise.resolve();

  constructor(
    private readonly tables: Tables,
    private readonly options: SealerOptions = { delayMs: 500, intervalMs: 60_000 },
  ) {}

  start(): void {
    this.stopped = false;
    this.intervalTimer = setInterval(() => this.soon(), this.options.intervalMs);
    this.soon();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.delayTimer);
    clearInterval(this.intervalTimer);
    this.delayTimer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** An event was appended: seal it (and whatever else arrives meanwhile) in a moment. */
  soon(): void {
    if (this.stopped || this.delayTimer) return;
    this.delayTimer = setTimeout(() => {
      this.delayTimer = undefined;
      this.sealPending().catch((e: Error) => logger.error('audit sealing failed', { error: e.name }));
    }, this.options.delayMs);
  }

  /** Seals every pending event now, after any pass under way. Returns how many were sealed. */
  async sealPending(): Promise<number> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.sealAllPending().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sealAllPending(): Promise<number> {
    const client = this.tables.client('audit');
    const byChain = new Map<string, { marker: string; rowKey: string; markedAt: string }[]>();
    const markers = client.listEntities<{ markedAt: string }>({ queryOptions: { filter: `PartitionKey eq '${PENDING_PARTITION}'` } });
    for await (const m of markers) {
      const cut = m.rowKey!.indexOf('|');
      const pk = m.rowKey!.slice(0, cut);
      byChain.set(pk, [...(byChain.get(pk) ?? []), { marker: m.rowKey!, rowKey: m.rowKey!.slice(cut + 1), markedAt: m.markedAt }]);
    }
    if (byChain.size) await this.beforeSealing([...byChain.keys()]);
    let sealed = 0;
    for (const [pk, pending] of byChain) {
      const { count, present } = await this.sealChain(
        pk,
        pending.map((p) => p.rowKey),
      );
      sealed += count;
      const done = pending.filter((p) => present.has(p.rowKey) || Date.now() - new Date(p.markedAt).getTime() > ORPHAN_MS);
      await deleteTogether(
        client,
        PENDING_PARTITION,
        done.map((p) => p.marker),
      );
    }
    return sealed;
  }

  /**
   * Appends these events of one chain, in key order, after the chain's head. Events already sealed
   * are left as they are; events not written yet are left for a later pass.
   */
  async sealChain(partitionKey: string, rowKeys: string[]): Promise<{ count: number; present: Set<string> }> {
    const client = this.tables.client('audit');
    const wanted = new Set(rowKeys);
    const [first, last] = [[...wanted].sort()[0], [...wanted].sort().at(-1)];
    let sealed = 0;
    for (let conflicts = 0; ;) {
      const head = await client.getEntity<Record<string, unknown>>(partitionKey, HEAD_ROW).catch((e) => {
        if (isNotFound(e)) return undefined;
        throw e;
      });
      // The events in one range read (a burst's are neighbours), not one read each.
      const events: (EventRow & { etag: string })[] = [];
      if (first !== undefined) {
        const range = client.listEntities<Record<string, unknown>>({
          queryOptions: { filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${first} and RowKey le ${last}` },
        });
        for await (const r of range) if (wanted.has(r.rowKey!)) events.push(r as EventRow & { etag: string });
      }
      const present = new Set(events.map((e) => e.rowKey));
      const allUnsealed = events.filter((e) => !isSealed(e)).sort((a, b) => (a.rowKey < b.rowKey ? -1 : 1));
      const unsealed = allUnsealed.slice(0, BATCH);
      if (unsealed.length === 0) return { count: sealed, present };

      let position = Number(head?.count ?? 0);
      let hash = String(head?.hash ?? '');
      const actions: TransactionAction[] = unsealed.map((e) => {
        const place = { rowKey: e.rowKey, position: ++position, prev: hash };
        hash = eventHash(partitionKey, place, e);
        return ['update', { partitionKey, rowKey: e.rowKey, position, prev: place.prev, hash }, 'Merge', { etag: e.etag }];
      });
      const next: ChainHead = { count: position, hash };
      actions.push(
        head
          ? ['update', { partitionKey, rowKey: HEAD_ROW, ...next }, 'Replace', { etag: head.etag }]
          : ['create', { partitionKey, rowKey: HEAD_ROW, ...next }],
      );
      try {
        await client.submitTransaction(actions);
      } catch (e) {
        // Another sealer extended the chain first, or an event changed since it was read: read again.
        if (!(isStale(e) || isConflict(e) || isNotFound(e)) || ++conflicts > 8) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * 50 * conflicts));
        continue;
      }
      sealed += unsealed.length;
      // The ledger's copy may trail the head if two sealers race; `verify audit` allows for that.
      await client.upsertEntity({ partitionKey: LEDGER_PARTITION, rowKey: partitionKey, ...next }, 'Replace');
      if (unsealed.length === allUnsealed.length) return { count: sealed, present };
    }
  }
}
