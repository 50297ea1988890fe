/**
 * In-memory implementations of the shared workflow ports, for use cases tested in-process: they
 * keep what they are given, as the real ones do, and let a test read it back.
 */
import type { AuditEvent, AuditRecord, AuditTrail, References } from '../../src/workflows/ports';
import type { Job, JobKind, Schedule } from '../../src/workflows/jobs';
import type { NoticeKind } from '../../src/workflows/notices';

/** A job of any one kind, its payload narrowed by its kind. */
export type AnyJob = { [K in JobKind]: Job<K> }[JobKind];
import type { Notice, Tell } from '../../src/workflows/notices';
import type { Actor } from '../../src/workflows/actor';

/** A clock that stands still until a test moves it. */
export class FixedClock {
  constructor(private at: Date) {}
  now = (): Date => new Date(this.at);
  set(at: string | Date): void {
    this.at = new Date(at);
  }
}

export class InMemoryAudit implements AuditTrail {
  readonly records: AuditRecord[] = [];
  /** The same records, by the name the referral tests use. */
  get events(): AuditRecord[] {
    return this.records;
  }
  constructor(private readonly now: () => Date) {}
  async record(event: AuditEvent): Promise<void> {
    this.records.push({ ...event, at: this.now().toISOString() });
  }
  async trail(subject: string): Promise<AuditRecord[]> {
    return this.records.filter((r) => r.subject === subject);
  }
  /** The actions on one subject's trail, in order. */
  actions(subject: string): string[] {
    return this.records.filter((r) => r.subject === subject).map((r) => r.action);
  }
  /** Noting a person's step, as CaseAccess does: on the case's trail, and on the turn for writes. */
  notes = {
    note: async (actor: Actor, subject: string, action: string, detail?: string): Promise<void> => {
      if (!action.startsWith('record.')) actor.recorded = subject;
      await this.record({ subject, action, actorAadObjectId: actor.person.aadObjectId, tenantId: actor.tenantId, activityId: actor.activityId, detail });
    },
  };
}

/** Due work kept by id (scheduling an id twice is one job); `due` hands back what is due, once. */
export class InMemorySchedule implements Schedule {
  readonly jobs = new Map<string, AnyJob>();
  private readonly done = new Set<string>();
  async schedule<K extends JobKind>(job: Job<K>): Promise<boolean> {
    if (this.jobs.has(job.id)) return false;
    this.jobs.set(job.id, job as AnyJob);
    return true;
  }
  /** The jobs of one kind, in the order they were scheduled. */
  ofKind<K extends JobKind>(kind: K): Job<K>[] {
    return [...this.jobs.values()].filter((j): j is AnyJob & Job<K> => j.kind === kind) as Job<K>[];
  }
  pending(): AnyJob[] {
    return [...this.jobs.values()].filter((j) => !this.done.has(j.id));
  }
  /** The jobs due at `now`, earliest first, each handed out once. */
  due(now: Date): AnyJob[] {
    const due = this.pending().filter((j) => j.dueAt.getTime() <= now.getTime()).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    for (const j of due) this.done.add(j.id);
    return due;
  }
}

/** Everything told, in order; a key told twice is told once, as the outbox does. */
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
  /** What one person was told, as notices. */
  to(person: string): Notice[] {
    return this.told.filter((n) => 'person' in n.to && n.to.person === person);
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
    const known = this.forms.get(`${prefix}|${formId}`);
    if (known) return { reference: known, first: false };
    const reference = await this.next(prefix);
    this.forms.set(`${prefix}|${formId}`, reference);
    return { reference, first: true };
  }
}
