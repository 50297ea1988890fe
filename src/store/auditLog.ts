import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { encodeKey, Tables } from './tables';

export interface AuditEvent {
  /** What the event is about: a case reference such as SD-0142, or 'access' / 'system'. */
  subject: string;
  /** e.g. 'acknowledged', 'refused.not-attendee', 'refused.tenant'. */
  action: string;
  actorAadObjectId?: string;
  tenantId?: string;
  activityId?: string;
  /** Free text for people reading the trail; never a child's details. */
  detail?: string;
}

export interface AuditRecord extends AuditEvent {
  at: string;
}

/**
 * Append-only: events are only ever created, under a key that sorts by time, one partition per
 * subject so a case's whole trail is one partition read.
 */
export class AuditLog {
  private sequence = 0;

  constructor(private readonly tables: Tables, private readonly now: () => Date) {}

  async record(event: AuditEvent): Promise<void> {
    const at = this.now().toISOString();
    await this.tables.client('audit').createEntity({
      partitionKey: encodeKey(event.subject),
      // Events in the same millisecond (or under a test's frozen clock) keep the order they
      // were written in: real time, then a per-process sequence, then a tie-breaker.
      rowKey: `${at}|${Date.now().toString().padStart(15, '0')}|${String(++this.sequence).padStart(9, '0')}|${randomUUID().slice(0, 8)}`,
      at,
      action: event.action,
      actorAadObjectId: event.actorAadObjectId ?? '',
      tenantId: event.tenantId ?? '',
      activityId: event.activityId ?? '',
      detail: event.detail ?? '',
    });
  }

  async trail(subject: string): Promise<AuditRecord[]> {
    const out: AuditRecord[] = [];
    const rows = this.tables.client('audit').listEntities<Record<string, string>>({
      queryOptions: { filter: odata`PartitionKey eq ${encodeKey(subject)}` },
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
