import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { HEAD_ROW, PENDING_PARTITION } from './auditChain';
import { createTogether, GroupCommit, Outcome } from './groupCommit';
import { encodeKey, Tables } from './tables';
import { logger } from '../logger';

import type { AuditEvent, AuditRecord, AuditTrail } from '../workflows/ports';

export type { AuditEvent, AuditRecord };

interface Append {
  event: { partitionKey: string; rowKey: string } & Record<string, string>;
  marker: { partitionKey: string; rowKey: string; markedAt: string };
}

/**
 * Append-only: events are only ever created, under a key that sorts by time, one partition per
 * subject so a case's whole trail is one partition read.
 *
 * Appending never reads, and events arriving together are written together (group commit): fifty
 * people acknowledging at once cost a few transactions, not a hundred writes. Each event is written
 * with a pending marker; the sealer (`AuditSealer`) links marked events into their subject's hash
 * chain moments later. A caller is answered once its own event is stored, or with its own failure.
 */
export class AuditLog implements AuditTrail {
  private sequence = 0;
  /** Told after each group of appends, so that the sealer can seal soon. */
  onAppended: () => void = () => undefined;

  constructor(
    private readonly tables: Tables,
    private readonly now: () => Date,
  ) {}

  /** Events arriving while a write is in flight are written together with the next. */
  private readonly appends = new GroupCommit<Append, void>((group) => this.write(group));

  async record(event: AuditEvent): Promise<void> {
    const at = this.now().toISOString();
    const partitionKey = encodeKey(event.subject);
    // Events in the same millisecond (or under a test's frozen clock) keep the order they
    // were written in: real time, then a per-process sequence, then a tie-breaker.
    const rowKey = `${at}|${Date.now().toString().padStart(15, '0')}|${String(++this.sequence).padStart(9, '0')}|${randomUUID().slice(0, 8)}`;
    await this.appends.add({
      event: {
        partitionKey,
        rowKey,
        at,
        action: event.action,
        actorAadObjectId: event.actorAadObjectId ?? '',
        tenantId: event.tenantId ?? '',
        activityId: event.activityId ?? '',
        detail: event.detail ?? '',
      },
      marker: { partitionKey: PENDING_PARTITION, rowKey: `${partitionKey}|${rowKey}`, markedAt: new Date().toISOString() },
    });
  }

  /**
   * A group of events: one transaction per trail and one for their pending markers, all at once (the
   * sealer skips a marker whose event it cannot read yet, so their order does not matter).
   */
  private async write(group: Append[]): Promise<Outcome<void>[]> {
    const client = this.tables.client('audit');
    const trails = new Map<string, Append[]>();
    for (const a of group) trails.set(a.event.partitionKey, [...(trails.get(a.event.partitionKey) ?? []), a]);
    const eventErrors = new Map<Append, unknown>();
    const [, markerErrors] = await Promise.all([
      Promise.all(
        [...trails.values()].map(async (trail) => {
          const errors = await createTogether(
            client,
            trail.map((a) => a.event),
          );
          trail.forEach((a, i) => errors[i] !== undefined && eventErrors.set(a, errors[i]));
        }),
      ),
      createTogether(
        client,
        group.map((a) => a.marker),
      ),
    ]);
    // A refused event's marker goes with it, before its caller hears of the failure.
    const orphans = group.filter((a, i) => eventErrors.has(a) && markerErrors[i] === undefined);
    await Promise.all(orphans.map((a) => client.deleteEntity(PENDING_PARTITION, a.marker.rowKey).catch(() => undefined)));
    const outcomes = group.map((a, i): Outcome<void> => {
      const error = eventErrors.get(a);
      if (error !== undefined) return { error };
      // The event is kept: without its marker it is sealed by the next `verify audit`, which seals whatever it finds unsealed.
      if (markerErrors[i] !== undefined) logger.warn('audit event written without its pending marker', { error: (markerErrors[i] as Error).name });
      return { value: undefined };
    });
    if (outcomes.some((o) => !o.error)) this.onAppended();
    return outcomes;
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
