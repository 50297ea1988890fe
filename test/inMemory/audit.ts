import { AuditEvent, AuditRecord, AuditTrail } from '../../src/workflows/ports';
import type { Actor } from '../../src/workflows/actor';

/** The audit trail in memory: every event, in order. */
export class InMemoryAudit implements AuditTrail {
  readonly events: AuditRecord[] = [];
  constructor(private readonly now: () => Date) {}
  async record(event: AuditEvent): Promise<void> {
    this.events.push({ ...event, at: this.now().toISOString() });
  }
  async trail(subject: string): Promise<AuditRecord[]> {
    return this.events.filter((e) => e.subject === subject);
  }
  actions(subject?: string): string[] {
    return this.events.filter((e) => !subject || e.subject === subject).map((e) => e.action);
  }
  /** Noting a person's step, as CaseAccess does: on the case's trail, and on the turn for writes. */
  notes = {
    note: async (actor: Actor, subject: string, action: string, detail?: string): Promise<void> => {
      if (!action.startsWith('record.')) actor.recorded = subject;
      await this.record({ subject, action, actorAadObjectId: actor.person.aadObjectId, tenantId: actor.tenantId, activityId: actor.activityId, detail });
    },
  };
}
