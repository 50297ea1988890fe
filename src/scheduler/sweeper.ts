import { randomUUID } from 'node:crypto';
import { DueJob, JobStore, ParkedJob } from './jobStore';
import type { JobPayloads } from '../workflows/jobs';
import { statusOf } from '../store/tables';
import { logger } from '../logger';
import { caseReference, inSpan, measure } from '../telemetry';
import { SpanKind } from '@opentelemetry/api';

export interface JobHandler<T extends object = object> {
  run(job: DueJob<T>): Promise<void>;
  /** Called once when the job is parked after its last failed attempt: tell someone. */
  onGiveUp?(job: DueJob<T>, error: string): Promise<void>;
  /**
   * Jobs in the same lane run one after another in due order; different lanes run side by side.
   * Without one, a job shares the sweeper's single ordered lane.
   */
  lane?(job: DueJob<T>): string;
}

export interface SweeperOptions {
  intervalMs: number;
  /** How long a claimed job is held; renewed every third of it while the job runs. */
  leaseMs?: number;
  maxAttempts?: number;
  /** How many lanes run at once. */
  concurrency?: number;
  /** Backoff after the Nth failure; default 2^n seconds with jitter, capped at 10 minutes. */
  backoffMs?: (attempt: number) => number;
}

const defaultBackoff = (attempt: number) => Math.min(600_000, 1000 * 2 ** attempt) * (0.75 + Math.random() / 2);
const ORDERED = 'in due order';

/** What went wrong, in words that say nothing about the case: an administrator's first clue. */
export function categoryOf(e: unknown): string {
  const given = (e as { category?: unknown } | undefined)?.category;
  if (typeof given === 'string') return given;
  const status = statusOf(e);
  if (status !== undefined && (e as Error).name === 'RestError') {
    const code = (e as { code?: unknown }).code;
    return `storage refused it (HTTP ${status}${typeof code === 'string' && /^\w+$/.test(code) ? ` ${code}` : ''})`;
  }
  if (status !== undefined) return `HTTP ${status}`;
  const code = (e as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return `network (${code})`;
  if (e instanceof TypeError || e instanceof RangeError || e instanceof SyntaxError || e instanceof ReferenceError) return `a fault in Concord (${e.name})`;
  return 'an error';
}

class NoHandler extends Error {
  readonly category = 'no handler for this kind of job (scheduled by another version of Concord?)';
  constructor(kind: string) {
    super(`no handler for job kind "${kind}"`);
  }
}

/**
 * Runs due jobs. Safe with several instances on one table: each job is claimed just before it
 * runs, under an etag lease that is renewed while it runs, so a slow job is never taken over by
 * another instance; a job whose sweeper died is claimed again once its lease runs out. Handlers
 * must therefore still be idempotent; the ones in Concord are (they check state, or write under
 * deterministic keys, and a delivery checks its record before sending).
 */
/**
 * `P` maps each job kind to its payload (workflows/jobs.ts in Concord; tests use their own), so a
 * handler is typed by the kind it handles.
 */
export class Sweeper<P extends object = JobPayloads> {
  // Keyed by kind: each entry was registered by `handle` for exactly that kind's payload.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private readonly handlers = new Map<string, JobHandler<any>>();
  private readonly parkedListeners: ((job: ParkedJob, firstTime: boolean) => Promise<void>)[] = [];
  private readonly owner = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private announcing: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  /** Set while stopping: lanes finish the job in hand and claim no more. */
  private draining = false;

  constructor(
    private readonly jobs: JobStore,
    private readonly now: () => Date,
    private readonly options: SweeperOptions,
  ) {}

  private get leaseMs(): number {
    return this.options.leaseMs ?? 60_000;
  }

  handle<K extends keyof P & string>(kind: K, handler: JobHandler<P[K] & object>): void {
    this.handlers.set(kind, handler);
  }

  /**
   * Someone to tell when a job is given up on: a parked job is an incident, not a log line.
   * `firstTime` is false when a parked job is announced again at start-up.
   */
  whenParked(listener: (job: ParkedJob, firstTime: boolean) => Promise<void>): void {
    this.parkedListeners.push(listener);
  }

  /**
   * Starts sweeping, beginning at once: whatever fell due while the service was down runs now.
   * Parked jobs are announced again (listeners are idempotent), in case an instance stopped
   * between parking a job and telling anyone.
   */
  start(): void {
    this.stopped = false;
    this.poke();
    if (this.parkedListeners.length) this.announcing = this.announceParked();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.draining = true;
    await Promise.all([this.running, this.announcing]);
    this.draining = false;
  }

  private async announceParked(): Promise<void> {
    try {
      for (const job of await this.jobs.parked()) await this.announce(job, false);
    } catch (e) {
      logger.error('could not read parked jobs', { error: (e as Error).message });
    }
  }

  /** Sweep soon (new work was scheduled for now), without overlapping a sweep under way. */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.loop(), 0);
  }

  private async loop(): Promise<void> {
    this.running = this.sweepSafely();
    await this.running;
    this.running = undefined;
    if (this.stopped) return;
    const delay = this.again ? 0 : this.options.intervalMs;
    this.again = false;
    this.timer = setTimeout(() => void this.loop(), delay);
  }

  private async sweepSafely(): Promise<void> {
    try {
      await this.sweep();
    } catch (e) {
      logger.error('sweep failed', { error: (e as Error).message });
    }
  }

  /**
   * One pass: read what is due, then run it lane by lane (each lane in due order, up to
   * `concurrency` lanes at once), claiming each job just before it runs. Returns how many ran.
   */
  async sweep(): Promise<number> {
    const lanes = new Map<string, DueJob[]>();
    for (const job of await this.jobs.due(this.now())) {
      const lane = this.handlers.get(job.kind)?.lane?.(job) ?? ORDERED;
      const jobs = lanes.get(lane);
      if (jobs) jobs.push(job);
      else lanes.set(lane, [job]);
    }
    const queue = [...lanes.values()];
    let ran = 0;
    const worker = async () => {
      for (let lane = queue.shift(); lane; lane = queue.shift()) {
        for (const due of lane) {
          if (this.draining) return;
          const job = await this.jobs.claim(due, this.now(), this.leaseMs, this.owner);
          if (!job) continue; // another instance has it, or finished it
          await this.runOne(job);
          ran++;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(queue.length, this.options.concurrency ?? 16) }, worker));
    return ran;
  }

  /** Each job is a span of its own (a request in Application Insights), with its case reference. */
  private runOne(job: DueJob): Promise<void> {
    // Chasers carry their case as `ref`, deliveries as `subject`.
    const carried = job.payload as { ref?: unknown; subject?: unknown };
    const ref = caseReference(carried.ref ?? carried.subject);
    const attributes = { 'concord.job.kind': job.kind, 'concord.job.attempt': job.attempts + 1, ...(ref ? { 'concord.case.reference': ref } : {}) };
    return inSpan(`job ${job.kind}`, SpanKind.CONSUMER, attributes, () => this.runJob(job));
  }

  private async runJob(job: DueJob): Promise<void> {
    const handler = this.handlers.get(job.kind);
    const release = this.holdLease(job);
    try {
      if (!handler) throw new NoHandler(job.kind);
      await handler.run(job);
      await release();
      await this.jobs.complete(job, this.now());
      measure.jobRun(job.kind, 'done', this.now().getTime() - job.dueAt.getTime());
    } catch (e) {
      await release();
      measure.jobRun(job.kind, 'failed', this.now().getTime() - job.dueAt.getTime());
      const error = (e as Error).message ?? String(e);
      const attempts = job.attempts + 1;
      if (attempts >= (this.options.maxAttempts ?? 8)) {
        logger.warn('job parked', { kind: job.kind, attempts });
        const parked = await this.jobs.park(job, this.now(), error, categoryOf(e));
        if (!parked) return; // another instance finished it meanwhile
        measure.jobParked(job.kind);
        await handler?.onGiveUp?.(job, error).catch((err: Error) => logger.error('give-up handler failed', { kind: job.kind, error: err.message }));
        await this.announce(parked, true);
      } else {
        const wait = (e as { retryAfterMs?: number }).retryAfterMs ?? (this.options.backoffMs ?? defaultBackoff)(attempts);
        await this.jobs.retryLater(job, new Date(this.now().getTime() + wait), error);
      }
    }
  }

  /**
   * Renews the job's lease every third of its length while it runs, so that a slow job (Teams
   * answering in 10 s, a retry after 429) is never taken over by another instance. Returns the
   * release, which waits for a renewal in flight so that the job's etag is current.
   */
  private holdLease(job: DueJob): () => Promise<void> {
    let renewing: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      renewing = renewing
        .then(() => this.jobs.renew(job, this.now(), this.leaseMs))
        .then((held) => held || logger.warn('job lease lost', { kind: job.kind }))
        .catch((e: Error) => logger.warn('job lease not renewed', { kind: job.kind, error: e.message }));
    }, this.leaseMs / 3);
    return async () => {
      clearInterval(timer);
      await renewing;
    };
  }

  private async announce(job: ParkedJob, firstTime: boolean): Promise<void> {
    for (const listener of this.parkedListeners) {
      await listener(job, firstTime).catch((e: Error) => logger.error('parked job not announced', { kind: job.kind, error: e.message }));
    }
  }
}
