import { randomUUID } from 'node:crypto';
import { EmbeddedStorage, startEmbeddedAzurite } from '../src/store/embeddedAzurite';
import { isConflict, Tables } from '../src/store/tables';
import { DueJob, JobStore } from '../src/scheduler/jobStore';
import { Sweeper } from '../src/scheduler/sweeper';
import { TestClock } from './harness/world';
import { jobState } from './harness/jobState';

let storage: EmbeddedStorage;
beforeAll(async () => {
  storage = await startEmbeddedAzurite();
});
afterAll(async () => storage?.stop());

/** Each test gets its own tables, so counts are its own. */
async function freshStore(): Promise<{ tables: Tables; jobs: JobStore }> {
  const tables = new Tables(storage.connectionString, `t${randomUUID().replace(/-/g, '').slice(0, 8)}`);
  await tables.createAll();
  return { tables, jobs: new JobStore(tables) };
}

const T0 = new Date('2026-11-23T10:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

test('scheduling the same reminder twice makes one job', async () => {
  const { jobs } = await freshStore();
  const spec = { id: 'remind|SD-0001|v1|nia', kind: 'remind', dueAt: minutes(120), payload: {} };
  expect(await jobs.schedule(spec)).toBe(true);
  expect(await jobs.schedule(spec)).toBe(false);
  const clock = new TestClock(minutes(130));
  const ran: string[] = [];
  const sweeper = new Sweeper<Record<string, object>>(jobs, clock.now, { intervalMs: 1000 });
  sweeper.handle('remind', { run: async (j) => void ran.push(j.id) });
  expect(await sweeper.sweep()).toBe(1);
  expect(ran).toEqual(['remind|SD-0001|v1|nia']);
});

test('two sweepers on the same table (two instances of the service): every due job runs exactly once', async () => {
  const { tables, jobs } = await freshStore();
  for (let i = 0; i < 30; i++) await jobs.schedule({ id: `job-${i}`, kind: 'count', dueAt: minutes(i % 5), payload: { i } });
  const clock = new TestClock(minutes(10));
  const runs = new Map<string, number>();
  const handler = { run: async (j: DueJob) => void runs.set(j.id, (runs.get(j.id) ?? 0) + 1) };
  const a = new Sweeper<Record<string, object>>(new JobStore(tables), clock.now, { intervalMs: 1000 });
  const b = new Sweeper<Record<string, object>>(new JobStore(tables), clock.now, { intervalMs: 1000 });
  a.handle('count', handler);
  b.handle('count', handler);
  const [ranA, ranB] = await Promise.all([a.sweep(), b.sweep()]);
  await Promise.all([a.sweep(), b.sweep()]);
  expect(ranA + ranB).toBe(30);
  expect(runs.size).toBe(30);
  expect([...runs.values()].every((n) => n === 1)).toBe(true);
});

test('a sweeper killed in the middle of a job: the job runs again after its lease, and its effect happens once', async () => {
  const { tables, jobs } = await freshStore();
  await jobs.schedule({ id: 'notify-manager', kind: 'effect', dueAt: minutes(0), payload: {} });
  const clock = new TestClock(minutes(1));
  let attempts = 0;
  // The handler's effect is written under a deterministic key, as Concord's handlers are.
  const effect = async () => {
    attempts++;
    try {
      await tables.client('audit').createEntity({ partitionKey: 'effects', rowKey: 'notify-manager' });
    } catch (e) {
      if (!isConflict(e)) throw e;
    }
  };
  // The first sweeper claims the job, does the work and dies before marking it done.
  const dying = new JobStore(tables);
  const [due] = await dying.due(clock.now());
  const claimed = await dying.claim(due, clock.now(), 60_000, 'dying-instance');
  expect(claimed?.id).toBe('notify-manager');
  await effect();

  const survivor = new Sweeper<Record<string, object>>(new JobStore(tables), clock.now, { intervalMs: 1000, leaseMs: 60_000 });
  survivor.handle('effect', { run: effect });
  expect(await survivor.sweep()).toBe(0); // the lease still holds
  clock.advance(61_000);
  expect(await survivor.sweep()).toBe(1);
  expect(attempts).toBe(2);
  const effects = [];
  for await (const e of tables.client('audit').listEntities({ queryOptions: { filter: "PartitionKey eq 'effects'" } })) effects.push(e);
  expect(effects).toHaveLength(1);
  expect(await jobState(tables, 'notify-manager')).toBe('done');
});

test('after 25 hours down, every job that fell due runs once on start-up, in due order', async () => {
  const { tables, jobs } = await freshStore();
  const due = [300, 60, 1200, 5, 1440];
  for (const m of due) await jobs.schedule({ id: `at-${m}`, kind: 'ordered', dueAt: minutes(m), payload: {} });
  await jobs.schedule({ id: 'tomorrow-night', kind: 'ordered', dueAt: minutes(26 * 60), payload: {} });
  const clock = new TestClock(minutes(25 * 60));
  const ran: string[] = [];
  const sweeper = new Sweeper<Record<string, object>>(jobs, clock.now, { intervalMs: 60_000 });
  sweeper.handle('ordered', { run: async (j) => void ran.push(j.id) });
  sweeper.start(); // a fresh start sweeps at once
  for (let i = 0; i < 100 && ran.length < 5; i++) await new Promise((r) => setTimeout(r, 20));
  await sweeper.stop();
  expect(ran).toEqual(['at-5', 'at-60', 'at-300', 'at-1200', 'at-1440']);
  expect(await jobState(tables, 'tomorrow-night')).toBe('pending');
});

test('a failing job is retried with backoff, then parked where an administrator can see it', async () => {
  const { jobs } = await freshStore();
  await jobs.schedule({ id: 'always-fails', kind: 'broken', dueAt: minutes(0), payload: {} });
  const clock = new TestClock(minutes(1));
  let tries = 0;
  let gaveUp = '';
  const sweeper = new Sweeper<Record<string, object>>(jobs, clock.now, { intervalMs: 1000, maxAttempts: 3, backoffMs: () => 60_000 });
  sweeper.handle('broken', {
    run: async () => {
      tries++;
      throw new Error('connector down');
    },
    onGiveUp: async (_j, error) => void (gaveUp = error),
  });
  await sweeper.sweep();
  expect(tries).toBe(1);
  await sweeper.sweep(); // backing off: not yet
  expect(tries).toBe(1);
  clock.advance(61_000);
  await sweeper.sweep();
  clock.advance(61_000);
  await sweeper.sweep();
  expect(tries).toBe(3);
  expect(gaveUp).toBe('connector down');
  const parked = await jobs.parked();
  expect(parked).toEqual([expect.objectContaining({ id: 'always-fails', state: 'parked', attempts: 3, lastError: 'connector down' })]);
  clock.advance(3_600_000);
  await sweeper.sweep();
  expect(tries).toBe(3);
});

test('a job slower than its lease keeps it while it runs: another instance sweeping meanwhile never runs it', async () => {
  const { tables, jobs } = await freshStore();
  await jobs.schedule({ id: 'slow-send', kind: 'slow', dueAt: minutes(0), payload: {} });
  const clock = new TestClock(minutes(1));
  clock.startTicking(); // leases run out in real time
  const runs: string[] = [];
  const slow = {
    run: async () => {
      runs.push('ran');
      await new Promise((r) => setTimeout(r, 3000));
    },
  };
  const a = new Sweeper<Record<string, object>>(new JobStore(tables), clock.now, { intervalMs: 1000, leaseMs: 1000 });
  const b = new Sweeper<Record<string, object>>(new JobStore(tables), clock.now, { intervalMs: 1000, leaseMs: 1000 });
  a.handle('slow', slow);
  b.handle('slow', slow);
  const first = a.sweep();
  let tookOver = 0;
  for (let i = 0; i < 25; i++) {
    await new Promise((r) => setTimeout(r, 150));
    tookOver += await b.sweep();
  }
  expect(await first).toBe(1);
  expect(tookOver).toBe(0);
  expect(runs).toEqual(['ran']);
  expect(await jobState(tables, 'slow-send')).toBe('done');
});

test('a job nobody handles (left by another version) is parked with that reason, and its listeners are told once', async () => {
  const { tables, jobs } = await freshStore();
  await jobs.schedule({ id: 'from-a-newer-version', kind: 'sd.something-new', dueAt: minutes(0), payload: { ref: 'SD-0001' } });
  const clock = new TestClock(minutes(1));
  const told: string[] = [];
  const sweeper = new Sweeper<Record<string, object>>(jobs, clock.now, { intervalMs: 1000, maxAttempts: 2, backoffMs: () => 0 });
  sweeper.whenParked(async (job, firstTime) => void told.push(`${job.id} ${job.category} ${firstTime}`));
  while ((await sweeper.sweep()) > 0);
  expect(told).toEqual(['from-a-newer-version no handler for this kind of job (scheduled by another version of Concord?) true']);
  expect(await jobs.parkedCount()).toBe(1);
  expect(await jobs.retry('from-a-newer-version')).toMatchObject({ id: 'from-a-newer-version', payload: { ref: 'SD-0001' } });
  expect(await jobs.retry('from-a-newer-version')).toBeUndefined(); // retried once only
  expect(await jobs.parkedCount()).toBe(0);
  expect(await jobState(tables, 'from-a-newer-version')).toBe('pending');
});

test('scheduling many jobs at once: each runs once, and a job that already existed is left as it was', async () => {
  const { jobs } = await freshStore();
  expect(await jobs.schedule({ id: 'remind|person-7', kind: 'remind', dueAt: minutes(1), payload: { first: true } })).toBe(true);
  const many = Array.from({ length: 130 }, (_, i) => ({ id: `remind|person-${i}`, kind: 'remind', dueAt: minutes(i % 3), payload: { i } }));
  await jobs.scheduleAll([...many, many[0]]);
  const ran = new Map<string, object>();
  const sweeper = new Sweeper<Record<string, object>>(jobs, new TestClock(minutes(10)).now, { intervalMs: 1000 });
  sweeper.handle('remind', { run: async (j) => void ran.set(j.id, j.payload) });
  expect(await sweeper.sweep()).toBe(130);
  expect(ran.size).toBe(130);
  expect(ran.get('remind|person-7')).toEqual({ first: true });
  expect(ran.get('remind|person-8')).toEqual({ i: 8 });
});
