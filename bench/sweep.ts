/**
 * How much a sweep costs as the job history grows: 100,000 finished jobs and 10 due ones,
 * against an empty history with the same 10 due. Run with `npm run bench:sweep`.
 */
import { TransactionAction } from '@azure/data-tables';
import { startEmbeddedAzurite } from '../src/store/embeddedAzurite';
import { encodeKey, Tables } from '../src/store/tables';
import { JobStore, shardOf } from '../src/scheduler/jobStore';
import { Sweeper } from '../src/scheduler/sweeper';

const HISTORY = Number(process.env.BENCH_HISTORY ?? 100_000);
const DUE = 10;
const now = new Date('2026-11-23T10:00:00Z');

async function fillHistory(tables: Tables, count: number): Promise<void> {
  // A finished job leaves only its identity row behind: that is what history looks like.
  const byShard = new Map<string, TransactionAction[]>();
  const flush = async (pk: string) => {
    const batch = byShard.get(pk) ?? [];
    if (batch.length) await tables.client('jobs').submitTransaction(batch);
    byShard.set(pk, []);
  };
  for (let i = 0; i < count; i++) {
    const id = `deliver|history-${i}`;
    const pk = shardOf(id);
    const batch = byShard.get(pk) ?? [];
    batch.push([
      'create',
      { partitionKey: pk, rowKey: `id|${encodeKey(id)}`, state: 'done', kind: 'deliver', dueAt: now.toISOString(), finishedAt: now.toISOString(), attempts: 0 },
    ]);
    byShard.set(pk, batch);
    if (batch.length === 100) await flush(pk);
  }
  for (const pk of [...byShard.keys()]) await flush(pk);
}

async function measure(tables: Tables): Promise<{ read: number; ran: number; ms: number }> {
  const jobs = new JobStore(tables);
  for (let i = 0; i < DUE; i++) await jobs.schedule({ id: `due-${i}`, kind: 'noop', dueAt: new Date(now.getTime() - i * 60_000), payload: {} });
  const sweeper = new Sweeper<Record<string, object>>(jobs, () => now, { intervalMs: 60_000 });
  sweeper.handle('noop', { run: async () => undefined });
  const started = process.hrtime.bigint();
  const ran = await sweeper.sweep();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { read: jobs.lastRead, ran, ms };
}

async function main(): Promise<void> {
  const storage = await startEmbeddedAzurite();
  try {
    const empty = new Tables(storage.connectionString, 'benchempty');
    await empty.createAll();
    const full = new Tables(storage.connectionString, 'benchfull');
    await full.createAll();
    const t0 = Date.now();
    await fillHistory(full, HISTORY);
    console.log(`filled ${HISTORY} finished jobs in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const a = await measure(empty);
    const b = await measure(full);
    console.log(`sweep, empty history:          ${a.ran} jobs run, ${a.read} entities read, ${a.ms.toFixed(0)} ms`);
    console.log(`sweep, ${HISTORY} finished jobs: ${b.ran} jobs run, ${b.read} entities read, ${b.ms.toFixed(0)} ms`);
  } finally {
    await storage.stop();
  }
}

void main();
