/**
 * Start-up with a long history of real cases in the embedded store: `npm start` (node
 * dist/src/index.js, its Azurite child on the data directory) timed from spawn to GET /healthz 200,
 * empty and with 2,000, 5,000 and 10,000 cases on disk (BENCH_CASES="2000,5000,10000"); then, at
 * each size, Azurite's own load of the database alone and what one write costs and what a burst of
 * 50 writes waits, since the embedded store saves the database on every write.
 *
 * A case is real: one referral driven over HTTP through Concord as people would (bench/oneCase.ts:
 * the Front Door decides on a strategy discussion, the chair convenes six people who answer,
 * attendance, the outcome, six acknowledgements, the minutes circulated and confirmed by eight,
 * and 30 days of chasers run), then every row it left in every table cloned under new references.
 * Run with `npm run bench:startup`.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { TransactionAction } from '@azure/data-tables';
import { Tables } from '../src/store/tables';
import { oneCase, Row } from './oneCase';

const SIZES = (process.env.BENCH_CASES ?? '2000,5000,10000').split(',').map(Number);
const ROOT = path.resolve(__dirname, '..', '..');
const DB = '__azurite_db_table__.json';
const wellKnown = (p: number) =>
  `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:${p}/devstoreaccount1;`;

const stopped = (child: ChildProcess) => new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Rows that belong to the partnership, not to the case: counters, a month's figures, the nightly retention job, the NHS-number key. */
export function ofTheCase(r: Row): boolean {
  const pk = String(r.entity.partitionKey);
  const rk = String(r.entity.rowKey);
  if (r.table === 'counters' && pk === 'reference') return false;
  if (r.table === 'figures' && pk === 'months') return false;
  if (r.table === 'governance' && pk === 'key') return false;
  if (r.table === 'jobs' && rk.includes('retention')) return false;
  return true;
}

/** The case's rows under the n-th pair of references; ids that are not the case's get a suffix of n. */
function cloneFor(rows: Row[], referral: string, discussion: string, n: number): Row[] {
  const ref = `REF-${String(n).padStart(5, '0')}`;
  const sd = `SD-${String(n).padStart(5, '0')}`;
  const hex = n.toString(16).padStart(6, '0');
  return rows.map(({ table, entity }) => {
    let text = JSON.stringify(entity).replaceAll(referral, ref).replaceAll(discussion, sd);
    // Keys that name neither reference: a form session (a UUID) and the NHS number's fingerprint.
    if (table === 'counters') text = text.replace(/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-)[0-9a-f]{6}/, `$1${hex}`);
    if (table === 'governance') text = text.replace(/(nhs\|[0-9a-f]+?)[0-9a-f]{6}"/, `$1${hex}"`);
    return { table, entity: JSON.parse(text) as Record<string, unknown> };
  });
}

async function line(child: ChildProcess): Promise<{ port: number }> {
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (l) => {
      try {
        const m = JSON.parse(l) as { port?: number };
        if (m.port) resolve({ port: m.port });
      } catch {
        // Azurite's own chatter
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}`)));
  });
}

/** Adds cases `from`..`to`-1 to the database in `dataDir`, one transaction per partition and 100 rows. */
export async function seed(dataDir: string, rows: Row[], referral: string, discussion: string, from: number, to: number): Promise<void> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/bench/seedingAzurite.js'), dataDir], { stdio: ['pipe', 'pipe', 'inherit'] });
  const { port } = await line(child);
  const tables = new Tables(wellKnown(port));
  await tables.createAll();
  for (let start = from; start < to; start += 500) {
    const groups = new Map<string, Row[]>();
    for (let n = start; n < Math.min(to, start + 500); n++)
      for (const r of cloneFor(rows, referral, discussion, n)) {
        const k = `${r.table}\u0000${String(r.entity.partitionKey)}`;
        groups.set(k, [...(groups.get(k) ?? []), r]);
      }
    const batches: Row[][] = [];
    for (const g of groups.values()) for (let i = 0; i < g.length; i += 100) batches.push(g.slice(i, i + 100));
    for (let i = 0; i < batches.length; i += 8)
      await Promise.all(
        batches
          .slice(i, i + 8)
          .map((b) =>
            tables
              .client(b[0].table)
              .submitTransaction(b.map((r) => ['upsert', r.entity as { partitionKey: string; rowKey: string }, 'Replace'] as TransactionAction)),
          ),
      );
  }
  child.stdin.end();
  await stopped(child);
  if (child.exitCode !== 0) throw new Error('the seeding Azurite did not save');
}

/** Milliseconds from spawning `npm start`'s process to GET /healthz answering 200. */
async function startUp(dataDir: string): Promise<number> {
  const p = 20_000 + Math.floor(Math.random() * 20_000);
  const t = Date.now();
  const child = spawn(process.execPath, ['dist/src/index.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(p), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', STORAGE_CONNECTION_STRING: '' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${p}/healthz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return Date.now() - t;
      if (Date.now() - t > 180_000) throw new Error('not ready in 180 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await stopped(child);
  }
}

/**
 * Concord's Azurite child alone on the data: from spawn to listening (LokiJS reading the whole
 * file), then one write on its own (answered once the database is saved), three times, and 50
 * writes at once (they share saves): what an answer waits for in storage at this size.
 */
async function storageAlone(dataDir: string): Promise<{ loadMs: number; oneWriteMs: number; burstP50: number; burstP95: number }> {
  const t = Date.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/azurite-table-child.js'), dataDir, '0'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const { port } = await line(child);
  const loadMs = Date.now() - t;
  const audit = new Tables(wellKnown(port)).client('audit');
  const write = async (i: number) => {
    const s = Date.now();
    await audit.upsertEntity({ partitionKey: 'bench', rowKey: `${Date.now()}-${i}`, detail: 'x' });
    return Date.now() - s;
  };
  const one: number[] = [];
  for (let i = 0; i < 3; i++) one.push(await write(i));
  const burst = (await Promise.all(Array.from({ length: 50 }, (_, i) => write(100 + i)))).sort((a, b) => a - b);
  child.stdin.end();
  await stopped(child);
  return { loadMs, oneWriteMs: median(one), burstP50: burst[24], burstP95: burst[47] };
}

async function main(): Promise<void> {
  const { rows: all, referral, discussion } = await oneCase();
  const rows = all.filter(ofTheCase);
  const bytes = (rs: Row[]) => rs.reduce((n, r) => n + JSON.stringify(r.entity).length, 0);
  const byTable = new Map<string, Row[]>();
  for (const r of rows) byTable.set(r.table, [...(byTable.get(r.table) ?? []), r]);
  console.log(`One case: ${rows.length} rows, ${(bytes(rows) / 1024).toFixed(1)} KB of entities (${all.length - rows.length} more rows are the partnership's)`);
  console.log([...byTable].map(([t, rs]) => `${t} ${rs.length} rows ${(bytes(rs) / 1024).toFixed(1)} KB`).join('; '));

  const dir = mkdtempSync(path.join(tmpdir(), 'concord-startup-'));
  try {
    const emptyMs = [await startUp(dir), await startUp(dir), await startUp(dir)];
    const results: string[] = [];
    let seeded = 0;
    for (const size of SIZES) {
      const t = Date.now();
      await seed(dir, rows, referral, discussion, seeded + 1, size + 1);
      const seedS = ((Date.now() - t) / 1000).toFixed(0);
      seeded = size;
      const mb = statSync(path.join(dir, DB)).size / 1e6;
      const ms = [await startUp(dir), await startUp(dir), await startUp(dir)];
      const s = await storageAlone(dir);
      const ratio = (median(ms) / median(emptyMs)).toFixed(1);
      results.push(
        `| ${size} cases (seeded in ${seedS} s) | ${mb.toFixed(0)} MB (${((mb * 1e6) / size / 1024).toFixed(0)} KB a case) | ${ms.map(seconds).join(', ')} s | ${ratio}× | ${seconds(s.loadMs)} s | ${s.oneWriteMs} ms | ${s.burstP50} / ${s.burstP95} ms |`,
      );
      console.log(results.at(-1));
    }
    const load = loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
    console.log(
      `\n| embedded store (load average ${load}) | database | start-up to /healthz 200, 3 starts | median × empty | Azurite's load alone | one write | 50 writes at once, p50 / p95 |`,
    );
    console.log('|---|---|---|---|---|---|---|');
    console.log(`| empty | | ${emptyMs.map(seconds).join(', ')} s | 1.0× | | | |`);
    for (const r of results) console.log(r);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
