/**
 * In-memory stand-ins for the ports use cases declare, for fast in-process tests: each keeps what
 * it was given so a test can read it back, in the port's own words.
 */
import { AuditEvent, AuditRecord, AuditTrail, References } from '../../src/workflows/ports';
import { Job, JobKind, Schedule } from '../../src/workflows/jobs';
import { Notice, NoticeKind, Tell } from '../../src/workflows/notices';

/** A clock a test sets by hand. */
export class FixedClock {
  constructor(private at: Date) {}
  now = (): Date => new Date(this.at);
  set(at: string | Date): void {
    this.at = new Date(at);
  }
}

export class InMemoryAudit implements AuditTrail {
  readonly events: AuditRecord[] = [];
  constructor(private readonly now: () => Date) {}
  async record(event: AuditEvent): Promise<void> {
    this.events.push({ ...event, at: this.now().toISOString() });
  }
  async trail(subject: string): Promise<AuditRecord[]> {
    return this.events.filter((e) => e.subject === subject);
  }
  actions(subject: string): string[] {
    return this.events.filter((e) => e.subject === subject).map((e) => e.action);
  }
}

export class InMemorySchedule implements Schedule {
  readonly jobs = new Map<string, Job>();
  async schedule<K extends JobKind>(job: Job<K>): Promise<boolean> {
    if (this.jobs.has(job.id)) return false;
    this.jobs.set(job.id, job);
    return true;
  }
  /** The jobs of one kind, in the order they were scheduled. */
  ofKind<K extends JobKind>(kind: K): Job<K>[] {
    return [...this.jobs.values()].filter((j): j is Job<K> => j.kind === kind);
  }
}

/** Every notice told, once per key (as the outbox delivers a key once). */
export class RecordingTell implements Tell {
  readonly told: Notice[] = [];
  async tell(notices: Notice[]): Promise<void> {
    for (const n of notices) if (!this.told.some((t) => t.key === n.key)) this.told.push(n);
  }
  async replace(notice: Notice): Promise<boolean> {
    const i = this.told.findIndex((t) => t.key === notice.key);
    if (i < 0) return false;
    this.told[i] = notice;
    return true;
  }
  ofKind<K extends NoticeKind>(kind: K): Extract<Notice, { kind: K }>[] {
    return this.told.filter((n): n is Extract<Notice, { kind: K }> => n.kind === kind);
  }
}

export class InMemoryReferences implements References {
  private readonly counters = new Map<string, number>();
  private readonly forms = new Map<string, string>();
  async next(prefix: string): Promise<string> {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}-${String(n).padStart(4, '0')}`;
  }
  async forForm(prefix: string, formId: string): Promise<{ reference: string; first: boolean }> {
    const key = `${prefix}|${formId}`;
    const given = this.forms.get(key);
    if (given) return { reference: given, first: false };
    const reference = await this.next(prefix);
    this.forms.set(key, reference);
    return { reference, first: true };
  }
}
