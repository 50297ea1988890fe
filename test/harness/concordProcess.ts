import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { checkDirectory } from '../../src/directoryFile';
import { Directory } from '../../src/domain/directory';
import { FakeConnector } from './fakeConnector';
import { TeamsUser, userFor } from './teams';
import { SAMPLE_DIRECTORY, TestClock } from './world';
import { sampleWithAttendees } from './attendees';

/** The project's root: above test/harness, or above dist/test/harness for a built benchmark. */
function projectRoot(dir = __dirname): string {
  return existsSync(path.join(dir, 'package.json')) ? dir : projectRoot(path.dirname(dir));
}
const ROOT = projectRoot();

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** `npm start` runs dist/: build it when the sources are newer (npm ci builds it once). */
export function ensureBuilt(): void {
  let built = 0;
  try {
    built = statSync(path.join(ROOT, 'dist', 'src', 'index.js')).mtimeMs;
  } catch {
    // not built yet
  }
  if (newestChange(path.join(ROOT, 'src')) > built) {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  }
}

const temporary: string[] = [];

/** Removes what `tempPartnership` made (its processes must have ended). */
export function removeTempPartnerships(): void {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh data directory, and the sample directory with `extra` more hospital nurses in it. */
export function tempPartnership(extra = 0): { dataDir: string; directoryFile: string; directory: Directory } {
  const dir = mkdtempSync(path.join(tmpdir(), 'concord-process-'));
  temporary.push(dir);
  const data = sampleWithAttendees(extra, path.join(ROOT, SAMPLE_DIRECTORY));
  const directoryFile = path.join(dir, 'partnership.json');
  writeFileSync(directoryFile, JSON.stringify(data));
  return { dataDir: path.join(dir, 'data'), directoryFile, directory: new Directory(checkDirectory(data)) };
}

/**
 * Concord as `npm start` runs it: `node dist/src/index.js` with its embedded Azurite child, in a
 * process group of its own so that a test can do what a terminal's Ctrl+C or a crash does to the
 * whole group.
 */
export class ConcordProcess {
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    private readonly log: { text: string },
  ) {
    this.exited = new Promise((r) =>
      child.exitCode !== null ? r({ code: child.exitCode, signal: null }) : child.once('exit', (code, signal) => r({ code, signal })),
    );
  }

  /** What it logged, for a failing test's message. */
  get output(): string {
    return this.log.text;
  }

  get pid(): number {
    return this.child.pid!;
  }

  static async start(env: Record<string, string>): Promise<ConcordProcess> {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', SWEEP_INTERVAL_MS: '100', ...env };
    delete childEnv.CONCORD_QUIET; // the "ready" line tells the address
    const child = spawn(process.execPath, ['dist/src/index.js'], { cwd: ROOT, env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = { text: '' };
    child.stderr.on('data', (d: Buffer) => (log.text += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        log.text += line + '\n';
        try {
          const msg = JSON.parse(line) as { message?: string; url?: string };
          if (msg.message === 'Concord is ready' && msg.url) resolve(msg.url.replace(/\/api\/messages$/, ''));
        } catch {
          // not a log line
        }
      });
      child.once('exit', (code) => reject(new Error(`Concord exited (${code}) before it was ready:\n${log.text}`)));
    });
    return new ConcordProcess(child, url, log);
  }

  /** Azurite's child process (Linux: the kernel lists a process's children). */
  storagePid(): number | undefined {
    try {
      const children = readFileSync(`/proc/${this.pid}/task/${this.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      return children.find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('azurite-table-child'));
    } catch {
      return undefined;
    }
  }

  /** A signal to the whole process group, as a terminal's Ctrl+C (SIGINT) or `kill -9 -PGID`. */
  signalGroup(signal: NodeJS.Signals): void {
    process.kill(-this.pid, signal);
  }

  /** Ends what is left of the group (after a test failed half-way). */
  async kill(): Promise<void> {
    try {
      process.kill(-this.pid, 'SIGKILL');
    } catch {
      // gone already
    }
    await this.exited;
  }
}

/** People using a Concord that runs in another process, for the flows in strategyFlow. */
export class ProcessWorld {
  concord: ConcordProcess | undefined;
  readonly clock = new TestClock(new Date());

  constructor(
    readonly directory: Directory,
    readonly connector: FakeConnector,
  ) {}

  private get url(): string {
    if (!this.concord) throw new Error('Concord is not running');
    return this.concord.url;
  }

  user(name: string): TeamsUser {
    return userFor(this.directory, name, () => this.url, this.connector);
  }

  async install(...names: string[]): Promise<TeamsUser[]> {
    const users = names.map((n) => this.user(n));
    for (const u of users) await u.install();
    return users;
  }
}
