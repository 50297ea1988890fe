/**
 * Start-up with a long history in the embedded store: `npm start` (node dist/src/index.js, its
 * Azurite child on the data directory) timed from spawn to GET /healthz 200, empty and with
 * BENCH_CASES strategy discussions (default 10,000, each with its minutes clock) on disk. The
 * history is written through Azurite's own table service with its ordinary autosave (the
 * embedded child saves on every write, which is slow for seeding only). Run with
 * `npm run bench:startup`.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { loadDirectory } from '../src/directoryFile';
import { convene } from '../src/domain/convening';
import { startClock } from '../src/domain/minutes';
import { DiscussionStore } from '../src/store/discussionStore';
import { MinutesStore } from '../src/store/minutesStore';
import { Tables } from '../src/store/tables';

const CASES = Number(process.env.BENCH_CASES ?? 10_000);
const ROOT = path.resolve(__dirname, '..', '..');
const port = () => 20_000 + Math.floor(Math.random() * 20_000);
const wellKnown = (p: number) =>
  `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:${p}/devstoreaccount1;`;

const stopped = (child: ChildProcess) => new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));

async function inBatches(n: number, size: number, each: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < n; i += size) await Promise.all(Array.from({ length: Math.min(size, n - i) }, (_, j) => each(i + j)));
}

async function seed(dataDir: string): Promise<void> {
  const p = port();
  const azurite = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/azurite/dist/src/table/main.js'),
      '--tableHost',
      '127.0.0.1',
      '--tablePort',
      String(p),
      '--location',
      dataDir,
      '--silent',
      '--skipApiVersionCheck',
      '--disableTelemetry',
    ],
    { stdio: 'ignore' },
  );
  const tables = new Tables(wellKnown(p));
  for (let tries = 0; ; tries++) {
    try {
      await tables.createAll();
      break;
    } catch (e) {
      if (tries > 100) throw e;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  const directory = loadDirectory(path.join(ROOT, 'config/partnership.sample.json'));
  const id = (name: string) => directory.data.people.find((x) => x.name === name)!.aadObjectId;
  const discussions = new DiscussionStore(tables);
  const minutes = new MinutesStore(tables);
  const at = (i: number) => new Date(Date.UTC(2025, 11 + (i % 12), 1 + (i % 27), 10));
  await inBatches(CASES, 32, async (i) => {
    const d = convene(
      {
        chair: id('Sam Okafor'),
        scheduledAt: at(i),
        minuteTaker: id('Dee Walsh'),
        referrer: id('Nia Evans'),
        babyOrUnborn: false,
        purpose: 'Bench',
        invitees: { 'social-care': [id('Jordan Reid')], police: [id('Alex Carter')], health: [id('Nia Evans')], 'gp-child': [id('Helen Grant')] },
        reasons: { 'gp-parents': 'Bench', education: 'Bench' },
      },
      `SD-${String(i + 1).padStart(5, '0')}`,
      directory,
      at(i),
    );
    await discussions.create(d);
    await minutes.create(startClock(d, at(i), 24));
  });
  // Azurite autosaves every 5 s: wait for the save after the last write, then stop it.
  await new Promise((r) => setTimeout(r, 7000));
  azurite.kill('SIGINT');
  await stopped(azurite);
}

/** Milliseconds from spawning `npm start`'s process to GET /healthz answering 200. */
async function startUp(dataDir: string): Promise<number> {
  const p = port();
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
      if (Date.now() - t > 120_000) throw new Error('not ready in 120 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await stopped(child);
  }
}

async function main(): Promise<void> {
  const empty = mkdtempSync(path.join(tmpdir(), 'concord-startup-'));
  const full = mkdtempSync(path.join(tmpdir(), 'concord-startup-'));
  try {
    const emptyMs = [await startUp(empty), await startUp(empty), await startUp(empty)];
    const seededAt = Date.now();
    await seed(full);
    const seconds = ((Date.now() - seededAt) / 1000).toFixed(0);
    const mb = (statSync(path.join(full, '__azurite_db_table__.json')).size / 1e6).toFixed(0);
    const fullMs = [await startUp(full), await startUp(full), await startUp(full)];
    const load = loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
    const list = (xs: number[]) => xs.map((x) => (x / 1000).toFixed(1)).join(', ');
    console.log(`| embedded store (load average ${load}) | database | start-up to /healthz 200, 3 starts |`);
    console.log('|---|---|---|');
    console.log(`| empty | | ${list(emptyMs)} s |`);
    console.log(`| ${CASES} discussions with their minutes clocks (written in ${seconds} s) | ${mb} MB | ${list(fullMs)} s |`);
  } finally {
    rmSync(empty, { recursive: true, force: true });
    rmSync(full, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
