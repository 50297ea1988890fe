import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { HEAD_ROW, PENDING_PARTITION } from './auditChain';
import { encodeKey, Tables } from './tables';
import { logger } from '../logger';

import type { AuditEvent, AuditRecord, AuditTrail } from '../workflows/ports';

export type { AuditEvent, AuditRecord };

/**
 * Append-only: events are only ever created, under a key that sorts by time, one partition per
 * subject so a case's whole trail is one partition read.
 *
 * Appending never reads: fifty people acknowledging at once each create their own rows and none
 * waits for another. Each event is written with a pending marker; the sealer (`AuditSealer`) links
 * marked events into their subject's hash chain moments later.
 */
export class AuditLog implements AuditTrail {
  private sequence = 0;
  /** Told after each append, so that the sealer can seal soon. */
  onAppended: () => void = () => undefined;

  constructor(
    private readonly tables: Tables,
    private readonly now: () => Date,
  ) {}

  async record(event: AuditEvent): Promise<void> {
    const at = this.now().toISOString();
    const partitionKey = encodeKey(event.subject);
    // Events in the same millisecond (or under a test's frozen clock) keep the order they
    // were written in: real time, then a per-process sequence, then a tie-breaker.
    const rowKey = `${at}|${Date.now().toString().padStart(15, '0')}|${String(++this.sequence).padStart(9, '0')}|${randomUUID().slice(0, 8)}`;
    const client = this.tables.client('audit');
    // Both at once: the sealer skips a marker whose event it cannot read yet, so their order does not matter.
    const [event_, marker] = await Promise.allSettled([
      client.createEntity({
        partitionKey,
        rowKey,
        at,
        action: event.action,
        actorAadObjectId: event.actorAadObjectId ?? '',
        tenantId: event.tenantId ?? '',
        activityId: event.activityId ?? '',
        detail: event.detail ?? '',
      }),
      client.createEntity({ partitionKey: PENDING_PARTITION, rowKey: `${partitionKey}|${rowKey}`, markedAt: new Date().toISOString() }),
    ]);
    if (event_.status === 'rejected') {
      if (marker.status === 'fulfilled') await client.deleteEntity(PENDING_PARTITION, `${partitionKey}|${rowKey}`).catch(() => undefined);
      throw event_.reason;
    }
    // The event is kept: without its marker it is sealed by the next `verify audit`, which seals whatever it finds unsealed.
    if (marker.status === 'rejected') logger.warn('audit event written without its pending marker', { error: (marker.reason as Error).name });
    this.onAppended();
  }

  async trail(subject: string): Promise<AuditRecord[]> {
    const out: AuditRecord[] = [];
    const rows = this.tables.client('audit').listEntities<Record<string, string>>({
      queryOptions: { filter: odata`PartitionKey eq ${encodeKey(subject)} and RowKey ne ${HEAD_ROW}` },
    });
    for await (const r of rows) {
      out.push({
        subject,
        at: r.at,
        action: r.action,
        actorAadObjectId: r.actorAadObjectId || undefined,
        tenantId: r.tenantId || undefined,
        activityId: r.activityId || undefined,
        detail: r.detail || undefined,
      });
    }
    return out;
  }
}
