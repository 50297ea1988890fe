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
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Tables } from '../src/store/tables';
import { ofTheCase, Row } from './caseClones';
import { oneCase } from './oneCase';

const SIZES = (process.env.BENCH_CASES ?? '2000,5000,10000').split(',').map(Number);
const ROOT = path.resolve(__dirname, '..', '..');
const DB = '__azurite_db_table__.json';
const wellKnown = (p: number) =>
  `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:${p}/devstoreaccount1;`;

const stopped = (child: ChildProcess) => new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

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

/** A new data directory holding cases 1..`cases`, cloned from one (bench/seedingAzurite.ts). */
async function seed(dataDir: string, rowsFile: string, referral: string, discussion: string, cases: number): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=16000', path.join(ROOT, 'dist/bench/seedingAzurite.js'), dataDir, rowsFile, referral, discussion, '1', String(cases + 1)],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  await stopped(child);
  if (child.exitCode !== 0) throw new Error('seeding failed');
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
 * Concord's Azurite child alone on the data: from spawn to listening (reading every table), a
 * cloned case read back through the table service, then one write on its own (answered once
 * saved), three times, and 50 writes at once (they share saves): what an answer waits for in
 * storage at this size. The writes go to the audit table, which every answer writes.
 */
async function storageAlone(dataDir: string): Promise<{ loadMs: number; oneWriteMs: number; burstP50: number; burstP95: number }> {
  const t = Date.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/azurite-table-child.js'), dataDir, '0'], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const { port } = await line(child);
    const loadMs = Date.now() - t;
    const tables = new Tables(wellKnown(port));
    const discussion = await tables.client('discussions').getEntity<{ json: string }>('SD-00002', 'discussion');
    if (!discussion.json.includes('SD-00002')) throw new Error('a cloned case does not read back');
    const write = async (i: number) => {
      const s = Date.now();
      await tables.client('audit').upsertEntity({ partitionKey: 'bench', rowKey: `${Date.now()}-${i}`, detail: 'x' });
      return Date.now() - s;
    };
    const one: number[] = [];
    for (let i = 0; i < 3; i++) one.push(await write(i));
    const burst = (await Promise.all(Array.from({ length: 50 }, (_, i) => write(100 + i)))).sort((a, b) => a - b);
    return { loadMs, oneWriteMs: median(one), burstP50: burst[24], burstP95: burst[47] };
  } finally {
    child.stdin.end();
    await stopped(child);
  }
}

const megabytes = (dir: string) => readdirSync(dir).reduce((n, f) => n + (f.startsWith(DB) ? statSync(path.join(dir, f)).size : 0), 0) / 1e6;

async function main(): Promise<void> {
  const { rows: all, referral, discussion } = await oneCase();
  const rows = all.filter(ofTheCase);
  const bytes = (rs: Row[]) => rs.reduce((n, r) => n + JSON.stringify(r.entity).length, 0);
  const byTable = new Map<string, Row[]>();
  for (const r of rows) byTable.set(r.table, [...(byTable.get(r.table) ?? []), r]);
  console.log(`One case: ${rows.length} rows, ${(bytes(rows) / 1024).toFixed(1)} KB of entities (${all.length - rows.length} more rows are the partnership's)`);
  console.log([...byTable].map(([t, rs]) => `${t} ${rs.length} rows ${(bytes(rs) / 1024).toFixed(1)} KB`).join('; '));

  const work = mkdtempSync(path.join(tmpdir(), 'concord-startup-'));
  const rowsFile = path.join(work, 'case.json');
  writeFileSync(rowsFile, JSON.stringify(rows));
  try {
    const empty = path.join(work, 'empty');
    const emptyMs = [await startUp(empty), await startUp(empty), await startUp(empty)];
    const results: string[] = [];
    for (const size of SIZES) {
      const dir = path.join(work, String(size));
      try {
        const t = Date.now();
        await seed(dir, rowsFile, referral, discussion, size);
        const seedS = ((Date.now() - t) / 1000).toFixed(0);
        const mb = megabytes(dir);
        const s = await storageAlone(dir);
        const ms = [await startUp(dir), await startUp(dir), await startUp(dir)];
        const ratio = (median(ms) / median(emptyMs)).toFixed(1);
        results.push(
          `| ${size} cases (seeded in ${seedS} s) | ${mb.toFixed(0)} MB (${((mb * 1e6) / size / 1024).toFixed(0)} KB a case) | ${ms.map(seconds).join(', ')} s | ${ratio}× | ${seconds(s.loadMs)} s | ${s.oneWriteMs} ms | ${s.burstP50} / ${s.burstP95} ms |`,
        );
      } catch (e) {
        results.push(`| ${size} cases | ${megabytes(dir).toFixed(0)} MB | did not start: ${(e as Error).message.slice(0, 200)} | | | | |`);
      } finally {
        rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 500 });
      }
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
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
