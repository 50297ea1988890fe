import { createHash } from 'node:crypto';
import { odata, TableClient, TransactionAction } from '@azure/data-tables';
import { encodeKey, isConflict, isNotFound, isStale, packJson, statusOf, Tables, unpackJson } from '../store/tables';

/**
 * Due work, kept in Azure Tables so a restart loses nothing.
 *
 * A job is two rows in one partition, written in one transaction: an identity row (`id|<job id>`)
 * whose creation makes scheduling idempotent, and a queue row (`due|<due instant>|<job id>`) that
 * exists only while the job is pending. A sweep reads the queue range up to now and nothing
 * else, so a long history of finished jobs costs nothing. Jobs are spread over a fixed number of
 * partitions by a hash of their id so no single partition carries all the traffic.
 */
export const SHARDS = 4;

export interface JobSpec {
  /** Deterministic: scheduling the same id twice is one job. */
  id: string;
  kind: string;
  dueAt: Date;
  payload: Record<string, unknown>;
}

export type JobState = 'pending' | 'done' | 'cancelled' | 'parked';

export interface DueJob extends JobSpec {
  attempts: number;
  /** The queue row's etag after this sweeper claimed it. */
  etag: string;
  partitionKey: string;
  rowKey: string;
}

export interface JobRecord {
  id: string;
  kind: string;
  state: JobState;
  dueAt: string;
  attempts: number;
  lastError?: string;
  finishedAt?: string;
}

export function shardOf(id: string): string {
  const n = createHash('sha1').update(id).digest().readUInt16BE(0) % SHARDS;
  return `jobs-${n}`;
}

const idKey = (id: string) => `id|${encodeKey(id)}`;
const dueKey = (dueAt: Date, id: string) => `due|${dueAt.toISOString()}|${encodeKey(id)}`;

interface QueueRow {
  partitionKey: string;
  rowKey: string;
  etag: string;
  jobId: string;
  kind: string;
  dueAt: string;
  payload: string;
  attempts: number;
  leaseUntil: string;
  notBefore: string;
}

export class JobStore {
  /** Entities read by the last `claimDue`: what the benchmark reports. */
  lastRead = 0;

  constructor(private readonly tables: Tables) {}

  private get client(): TableClient {
    return this.tables.client('jobs');
  }

  /** Returns false when a job with this id already exists (pending, done or cancelled). */
  async schedule(job: JobSpec): Promise<boolean> {
    const pk = shardOf(job.id);
    const rk = dueKey(job.dueAt, job.id);
    try {
      await this.client.submitTransaction([
        ['create', { partitionKey: pk, rowKey: idKey(job.id), state: 'pending', kind: job.kind, dueAt: job.dueAt.toISOString(), queueKey: rk, attempts: 0 }],
        ['create', { partitionKey: pk, rowKey: rk, jobId: job.id, kind: job.kind, dueAt: job.dueAt.toISOString(), ...packJson(job.payload, 'payload'), attempts: 0, leaseUntil: '', notBefore: '' }],
      ]);
      return true;
    } catch (e) {
      if (isConflict(e)) return false;
      throw e;
    }
  }

  async get(id: string): Promise<JobRecord | undefined> {
    try {
      const e = await this.client.getEntity<Record<string, string | number>>(shardOf(id), idKey(id));
      return {
        id,
        kind: String(e.kind),
        state: e.state as JobState,
        dueAt: String(e.dueAt),
        attempts: Number(e.attempts ?? 0),
        lastError: e.lastError ? String(e.lastError) : undefined,
        finishedAt: e.finishedAt ? String(e.finishedAt) : undefined,
      };
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** An answered reminder must never fire. Cancelling a finished or unknown job does nothing. */
  async cancel(id: string, now: Date): Promise<boolean> {
    return this.finish(id, 'cancelled', now);
  }

  /**
   * Claims every due job whose lease is free, each with an etag-conditional write so that of two
   * sweepers only one wins a job. Returned in due order.
   */
  async claimDue(now: Date, leaseMs: number, owner: string): Promise<DueJob[]> {
    const upper = `due|${now.toISOString()}|~`;
    const rows: QueueRow[] = [];
    let read = 0;
    for (let s = 0; s < SHARDS; s++) {
      const it = this.client.listEntities<Omit<QueueRow, 'partitionKey' | 'rowKey' | 'etag'>>({
        queryOptions: { filter: odata`PartitionKey eq ${`jobs-${s}`} and RowKey ge 'due|' and RowKey le ${upper}` },
      });
      for await (const r of it) {
        read++;
        rows.push(r as unknown as QueueRow);
      }
    }
    this.lastRead = read;
    rows.sort((a, b) => a.rowKey.localeCompare(b.rowKey));
    const claimed: DueJob[] = [];
    const nowIso = now.toISOString();
    for (const r of rows) {
      if (r.leaseUntil && r.leaseUntil > nowIso) continue;
      if (r.notBefore && r.notBefore > nowIso) continue;
      try {
        const res = await this.client.updateEntity(
          { partitionKey: r.partitionKey, rowKey: r.rowKey, leaseUntil: new Date(now.getTime() + leaseMs).toISOString(), leaseOwner: owner },
          'Merge',
          { etag: r.etag },
        );
        claimed.push({
          id: r.jobId,
          kind: r.kind,
          dueAt: new Date(r.dueAt),
          payload: unpackJson<Record<string, unknown>>(r as unknown as Record<string, unknown>, 'payload'),
          attempts: Number(r.attempts ?? 0),
          etag: res.etag!,
          partitionKey: r.partitionKey,
          rowKey: r.rowKey,
        });
      } catch (e) {
        if (isStale(e) || isNotFound(e)) continue; // another sweeper won it, or it was cancelled
        throw e;
      }
    }
    return claimed;
  }

  async complete(job: DueJob, now: Date): Promise<void> {
    await this.finish(job.id, 'done', now);
  }

  /** A failed run: try again after `retryAt`, keeping the job's place in the queue. */
  async retryLater(job: DueJob, retryAt: Date, error: string): Promise<void> {
    try {
      await this.client.updateEntity(
        { partitionKey: job.partitionKey, rowKey: job.rowKey, attempts: job.attempts + 1, notBefore: retryAt.toISOString(), leaseUntil: '', lastError: error },
        'Merge',
        { etag: job.etag },
      );
    } catch (e) {
      if (!isStale(e) && !isNotFound(e)) throw e;
    }
  }

  /** Given up after too many failures: kept where an administrator can see it (`parked()`). */
  async park(job: DueJob, now: Date, error: string): Promise<void> {
    await this.finish(job.id, 'parked', now, { attempts: job.attempts + 1, lastError: error });
  }

  async parked(): Promise<JobRecord[]> {
    const out: JobRecord[] = [];
    for (let s = 0; s < SHARDS; s++) {
      const it = this.client.listEntities<Record<string, string>>({
        queryOptions: { filter: odata`PartitionKey eq ${`jobs-${s}`} and state eq 'parked'` },
      });
      for await (const r of it) out.push((await this.get(decodeURIComponent(r.rowKey!.slice(3))))!);
    }
    return out;
  }

  private async finish(id: string, state: JobState, now: Date, extra: Record<string, unknown> = {}): Promise<boolean> {
    const pk = shardOf(id);
    let identity;
    try {
      identity = await this.client.getEntity<{ state: string; queueKey: string }>(pk, idKey(id));
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
    if (identity.state !== 'pending') return false;
    const actions: TransactionAction[] = [
      ['delete', { partitionKey: pk, rowKey: identity.queueKey }],
      ['update', { partitionKey: pk, rowKey: idKey(id), state, finishedAt: now.toISOString(), ...extra }, 'Merge', { etag: identity.etag }],
    ];
    try {
      await this.client.submitTransaction(actions);
      return true;
    } catch (e) {
      // Someone else finished it first: their outcome stands.
      const s = statusOf(e);
      if (s === 404 || s === 412 || s === 409) return false;
      throw e;
    }
  }
}
