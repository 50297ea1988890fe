import { logger } from '../logger';

/**
 * Work that may wait a moment and need run only once for a burst of requests: the chair's live
 * tally, updated once for fifty answers given within a second rather than fifty times. Not
 * durable: what it runs must be derived from the record (a lost update is shown when next asked).
 */
export class Batches {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly delayMs: number,
    /** For the log, e.g. 'tally update'. */
    private readonly what: string,
  ) {}

  /** Runs `work` once, `delayMs` after the first request for `key`; requests for the same key in between join it. */
  later(key: string, work: () => Promise<void>): void {
    if (this.pending.has(key)) return;
    const timer = setTimeout(() => {
      this.pending.delete(key);
      work().catch((e: Error) => logger.warn(`${this.what} failed`, { error: e.message }));
    }, this.delayMs);
    this.pending.set(key, timer);
  }

  /** On shutdown: drops what has not run yet. */
  stop(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
  }
}
