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
  constructor(private readonly tables: Tables, private readonly now: () => Date) {}

  async record(event: AuditEvent): Promise<void> {
    const at = this.now().toISOString();
    await this.tables.client('audit').createEntity({
      partitionKey: encodeKey(event.subject),
      rowKey: `${at}|${randomUUID()}`,
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
