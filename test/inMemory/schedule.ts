import { AnyJob, Job, JobKind, Schedule } from '../../src/workflows/jobs';

export type { AnyJob };

/** Due work in memory: scheduled once per id, taken in due order by the test. */
export class InMemorySchedule implements Schedule {
  readonly jobs = new Map<string, AnyJob>();
  /** Set to make the next `schedule` fail, as storage can. */
  failNext = false;
  async schedule<K extends JobKind>(job: Job<K>): Promise<boolean> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('storage did not answer');
    }
    if (this.jobs.has(job.id)) return false;
    this.jobs.set(job.id, job as AnyJob);
    return true;
  }
  async scheduleAll(jobs: AnyJob[]): Promise<void> {
    for (const job of jobs) await this.schedule(job);
  }
  /** The jobs of a kind due by `at`, earliest first, removed as a sweeper would run them. */
  takeDue<K extends JobKind>(kind: K, at: Date): Job<K>[] {
    const due = this.of(kind)
      .filter((j) => j.dueAt.getTime() <= at.getTime())
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    for (const j of due) this.jobs.delete(j.id);
    return due;
  }
  of<K extends JobKind>(kind: K): Job<K>[] {
    return [...this.jobs.values()].filter((j) => j.kind === kind) as Job<K>[];
  }
  /** Every job due by `at`, of any kind, earliest first, removed as a sweeper would run them. */
  takeAllDue(at: Date): AnyJob[] {
    const due = [...this.jobs.values()].filter((j) => j.dueAt.getTime() <= at.getTime()).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
    for (const j of due) this.jobs.delete(j.id);
    return due;
  }
}
