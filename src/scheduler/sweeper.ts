import { randomUUID } from 'node:crypto';
import { DueJob, JobStore } from './jobStore';
import { logger } from '../logger';

export interface JobHandler {
  run(job: DueJob): Promise<void>;
  /** Called once when the job is parked after its last failed attempt: tell someone. */
  onGiveUp?(job: DueJob, error: string): Promise<void>;
}

export interface SweeperOptions {
  intervalMs: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** Backoff after the Nth failure; default 2^n seconds with jitter, capped at 10 minutes. */
  backoffMs?: (attempt: number) => number;
}

const defaultBackoff = (attempt: number) => Math.min(600_000, 1000 * 2 ** attempt) * (0.75 + Math.random() / 2);

/**
 * Runs due jobs. Safe with several instances on one table: each job is claimed under an etag
 * lease, and a job whose sweeper died is claimed again once the lease runs out. Handlers must
 * therefore be idempotent; the ones in Concord are (they check state, or write under
 * deterministic keys).
 */
export class Sweeper {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly owner = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    private readonly jobs: JobStore,
    private readonly now: () => Date,
    private readonly options: SweeperOptions,
  ) {}

  handle(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Starts sweeping, beginning at once: whatever fell due while the service was down runs now. */
  start(): void {
    this.stopped = false;
    this.poke();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
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

  /** One pass: claim what is due and run it in due order. Returns how many jobs ran. */
  async sweep(): Promise<number> {
    const claimed = await this.jobs.claimDue(this.now(), this.options.leaseMs ?? 60_000, this.owner);
    for (const job of claimed) await this.runOne(job);
    return claimed.length;
  }

  private async runOne(job: DueJob): Promise<void> {
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler.run(job);
      await this.jobs.complete(job, this.now());
    } catch (e) {
      const error = (e as Error).message ?? String(e);
      const attempts = job.attempts + 1;
      if (attempts >= (this.options.maxAttempts ?? 8)) {
        logger.warn('job parked', { kind: job.kind, attempts });
        await this.jobs.park(job, this.now(), error);
        await handler?.onGiveUp?.(job, error).catch((err: Error) => logger.error('give-up handler failed', { kind: job.kind, error: err.message }));
      } else {
        const wait = (e as { retryAfterMs?: number }).retryAfterMs ?? (this.options.backoffMs ?? defaultBackoff)(attempts);
        await this.jobs.retryLater(job, new Date(this.now().getTime() + wait), error);
      }
    }
  }
}
