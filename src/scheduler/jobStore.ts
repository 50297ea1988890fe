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
  /** What the handler of this kind needs; workflows/jobs.ts says which, kind by kind. */
  payload: object;
}

export type JobState = 'pending' | 'done' | 'parked';

/** A queue row read by a sweep: due, and free of any lease when it was read. */
/**
 * A job read back from the table. Its payload is the JSON that was scheduled under its kind:
 * untyped as read (`any` here, at the storage boundary), typed by the handler registered for the
 * kind (see Sweeper.handle and workflows/jobs.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface DueJob<T extends object = any> extends JobSpec {
  payload: T;
  attempts: number;
  /** The queue row's etag: after a claim or a renewal, the one this sweeper holds. */
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

/** A job given up on, kept with what it was to do so that an administrator can run it again. */
export interface ParkedJob extends JobRecord {
  state: 'parked';
  payload: Record<string, unknown>;
  /** A short description of the failure that says nothing about the case (see `categoryOf`). */
  category: string;
  finishedAt: string;
}

export function shardOf(id: string): string {
  const n = createHash('sha1').update(id).digest().readUInt16BE(0) % SHARDS;
  return `jobs-${n}`;
}

const idKey = (id: string) => `id|${encodeKey(id)}`;
const dueKey = (dueAt: Date, id: string) => `due|${dueAt.toISOString()}|${encodeKey(id)}`;
const parkedKey = (id: string) => `parked|${encodeKey(id)}`;
/** Every parked row's key lies between these two. */
const PARKED_FROM = 'parked|';
const PARKED_TO = 'parked}';
const shards = () => Array.from({ length: SHARDS }, (_, s) => `jobs-${s}`);

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

/** Jobs in one transaction: two rows each, and Azure's limit is 100 rows and 4 MiB. */
const BATCH_JOBS = 50;
const BATCH_BYTES = 3_000_000;

/** A job's two rows, created together: its identity (scheduling is idempotent) and its place in the queue. */
function rowsOf(job: JobSpec): TransactionAction[] {
  const pk = shardOf(job.id);
  const rk = dueKey(job.dueAt, job.id);
  const dueAt = job.dueAt.toISOString();
  return [
    ['create', { partitionKey: pk, rowKey: idKey(job.id), state: 'pending', kind: job.kind, dueAt, queueKey: rk, attempts: 0 }],
    [
      'create',
      { partitionKey: pk, rowKey: rk, jobId: job.id, kind: job.kind, dueAt, ...packJson(job.payload, 'payload'), attempts: 0, leaseUntil: '', notBefore: '' },
    ],
  ];
}

function parkedFrom(r: Record<string, unknown>): ParkedJob {
  return {
    id: String(r.jobId),
    kind: String(r.kind),
    state: 'parked',
    dueAt: String(r.dueAt),
    attempts: Number(r.attempts),
    lastError: String(r.lastError ?? ''),
    finishedAt: String(r.finishedAt),
    payload: JSON.parse(String(r.payload)) as Record<string, unknown>,
    category: String(r.category ?? ''),
  };
}

export class JobStore {
  /** Entities read by the last `due()`: what the benchmark reports. */
  lastRead = 0;

  constructor(private readonly tables: Tables) {}

  private get client(): TableClient {
    return this.tables.client('jobs');
  }

  /** Returns false when a job with this id already exists (pending, done or parked). */
  async schedule(job: JobSpec): Promise<boolean> {
    try {
      await this.client.submitTransaction(rowsOf(job));
      return true;
    } catch (e) {
      if (isConflict(e)) return false;
      throw e;
    }
  }

  /**
   * Many jobs in one transaction per partition (at most 50 jobs, 100 rows, and well under the
   * 4 MiB a transaction may carry): sixty attendees' chasers cost a handful of round trips, not
   * sixty. A transaction is all or nothing, so a batch in which some job already exists (the same
   * click again after a failure half-way) is scheduled job by job, each existing one left alone.
   */
  async scheduleAll(jobs: JobSpec[]): Promise<void> {
    const batches = new Map<string, { jobs: JobSpec[]; bytes: number }[]>();
    const seen = new Set<string>();
    for (const job of jobs) {
      if (seen.has(job.id)) continue;
      seen.add(job.id);
      // As it travels: the payload is a JSON string inside the transaction's JSON body.
      const bytes = Buffer.byteLength(JSON.stringify(JSON.stringify(job.payload)));
      const shard = batches.get(shardOf(job.id)) ?? [];
      batches.set(shardOf(job.id), shard);
      const last = shard.at(-1);
      if (last && last.jobs.length < BATCH_JOBS && last.bytes + bytes < BATCH_BYTES) {
        last.jobs.push(job);
        last.bytes += bytes;
      } else shard.push({ jobs: [job], bytes });
    }
    await Promise.all(
      [...batches.values()].flat().map(async (b) => {
        try {
          await this.client.submitTransaction(b.jobs.flatMap(rowsOf));
        } catch (e) {
          if (!isConflict(e)) throw e;
          await Promise.all(b.jobs.map((j) => this.schedule(j)));
        }
      }),
    );
  }

  /**
   * The jobs due by `now` whose lease is free, in due order, without claiming any: a sweeper
   * claims each one just before it runs it (`claim`), so a lease never covers work still waiting.
   */
  async due(now: Date): Promise<DueJob[]> {
    const upper = `due|${now.toISOString()}|~`;
    const nowIso = now.toISOString();
    const rows: DueJob[] = [];
    let read = 0;
    for (const pk of shards()) {
      const it = this.client.listEntities<Omit<QueueRow, 'partitionKey' | 'rowKey' | 'etag'>>({
        queryOptions: { filter: odata`PartitionKey eq ${pk} and RowKey ge 'due|' and RowKey le ${upper}` },
      });
      for await (const e of it) {
        read++;
        const r = e as unknown as QueueRow;
        if ((r.leaseUntil && r.leaseUntil > nowIso) || (r.notBefore && r.notBefore > nowIso)) continue;
        rows.push({
          id: r.jobId,
          kind: r.kind,
          dueAt: new Date(r.dueAt),
          payload: unpackJson<Record<string, unknown>>(r as unknown as Record<string, unknown>, 'payload'),
          attempts: Number(r.attempts ?? 0),
          etag: r.etag,
          partitionKey: r.partitionKey,
          rowKey: r.rowKey,
        });
      }
    }
    this.lastRead = read;
    return rows.sort((a, b) => a.rowKey.localeCompare(b.rowKey));
  }

  /**
   * Takes a lease on one due job, with an etag-conditional write so that of two sweepers only one
   * wins it. Undefined when another sweeper took it, renewed it or finished it since it was read.
   */
  async claim(job: DueJob, now: Date, leaseMs: number, owner: string): Promise<DueJob | undefined> {
    try {
      const res = await this.client.updateEntity(
        { partitionKey: job.partitionKey, rowKey: job.rowKey, leaseUntil: new Date(now.getTime() + leaseMs).toISOString(), leaseOwner: owner },
        'Merge',
        { etag: job.etag },
      );
      return { ...job, etag: res.etag! };
    } catch (e) {
      if (isStale(e) || isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** Extends the lease of a job still running. False when it was lost (another sweeper took the job over). */
  async renew(job: DueJob, now: Date, leaseMs: number): Promise<boolean> {
    try {
      const res = await this.client.updateEntity(
        { partitionKey: job.partitionKey, rowKey: job.rowKey, leaseUntil: new Date(now.getTime() + leaseMs).toISOString() },
        'Merge',
        { etag: job.etag },
      );
      job.etag = res.etag!;
      return true;
    } catch (e) {
      if (isStale(e) || isNotFound(e)) return false;
      throw e;
    }
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

  /**
   * Given up after too many failures: the queue row goes, and a parked row keeps what the job was
   * to do, where an administrator can see it (`parked()`) and run it again (`retry()`). Undefined
   * when another sweeper took the job over meanwhile: its outcome stands.
   */
  async park(job: DueJob, now: Date, error: string, category: string): Promise<ParkedJob | undefined> {
    const pk = job.partitionKey;
    const parked: ParkedJob = {
      id: job.id,
      kind: job.kind,
      state: 'parked',
      dueAt: job.dueAt.toISOString(),
      attempts: job.attempts + 1,
      lastError: error.slice(0, 1000),
      finishedAt: now.toISOString(),
      payload: job.payload as Record<string, unknown>,
      category,
    };
    const { payload, id, ...fields } = parked;
    const finished = await this.finish(id, 'parked', now, { attempts: parked.attempts, lastError: parked.lastError }, [
      ['upsert', { partitionKey: pk, rowKey: parkedKey(id), jobId: id, ...fields, payload: JSON.stringify(payload) }, 'Replace'],
    ]);
    return finished ? parked : undefined;
  }

  /** Every parked job: a few rows per partition, read by key range whatever the history. */
  async parked(): Promise<ParkedJob[]> {
    const out: ParkedJob[] = [];
    for (const pk of shards()) {
      const it = this.client.listEntities<Record<string, string | number>>({
        queryOptions: { filter: odata`PartitionKey eq ${pk} and RowKey ge ${PARKED_FROM} and RowKey lt ${PARKED_TO}` },
      });
      for await (const r of it) out.push(parkedFrom(r));
    }
    return out.sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
  }

  /** How many jobs are parked: what /healthz reports. */
  async parkedCount(): Promise<number> {
    let n = 0;
    for (const pk of shards()) {
      const it = this.client.listEntities({
        queryOptions: { filter: odata`PartitionKey eq ${pk} and RowKey ge ${PARKED_FROM} and RowKey lt ${PARKED_TO}`, select: ['RowKey'] },
      });
      for await (const _ of it) n++;
    }
    return n;
  }

  /** The payload of a job still to run (due, or waiting to be tried again); undefined once it ran, or if there is none. */
  async pendingPayload<P>(id: string): Promise<P | undefined> {
    const pk = shardOf(id);
    try {
      const identity = await this.client.getEntity<{ state: string; queueKey: string }>(pk, idKey(id));
      if (identity.state !== 'pending') return undefined;
      return unpackJson<P>(await this.client.getEntity<Record<string, unknown>>(pk, identity.queueKey), 'payload');
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /**
   * Puts a parked job back in the queue at its old place, with its attempts counted afresh (the
   * cause has been fixed). Undefined when it is not parked (any more).
   */
  async retry(id: string): Promise<ParkedJob | undefined> {
    const pk = shardOf(id);
    let row, identity;
    try {
      [row, identity] = await Promise.all([
        this.client.getEntity<Record<string, string | number>>(pk, parkedKey(id)),
        this.client.getEntity<{ state: string }>(pk, idKey(id)),
      ]);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
    if (identity.state !== 'parked') return undefined;
    const rk = dueKey(new Date(String(row.dueAt)), id);
    try {
      await this.client.submitTransaction([
        ['delete', { partitionKey: pk, rowKey: parkedKey(id) }],
        ['update', { partitionKey: pk, rowKey: idKey(id), state: 'pending', queueKey: rk, attempts: 0, finishedAt: '' }, 'Merge', { etag: identity.etag }],
        [
          'create',
          { partitionKey: pk, rowKey: rk, jobId: id, kind: row.kind, dueAt: row.dueAt, payload: row.payload, attempts: 0, leaseUntil: '', notBefore: '' },
        ],
      ]);
    } catch (e) {
      const s = statusOf(e);
      if (s === 404 || s === 412 || s === 409) return undefined; // another administrator retried it first
      throw e;
    }
    return parkedFrom(row);
  }

  /** Ends a pending job (at most once, under the identity row's etag), with `also` in the same transaction. */
  private async finish(id: string, state: JobState, now: Date, extra: Record<string, unknown> = {}, also: TransactionAction[] = []): Promise<boolean> {
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
      ...also,
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
