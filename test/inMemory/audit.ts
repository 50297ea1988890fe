import { AuditEvent, AuditRecord, AuditTrail } from '../../src/workflows/ports';

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
}
