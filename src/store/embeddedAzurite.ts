import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { logger } from '../logger';

/** The well-known Azurite development account: public, documented, and only valid against Azurite. */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** Azurite answers a write with this status while its disk refuses saves (see bin/azurite-table-child.js). */
export const STORAGE_CANNOT_SAVE_STATUS = 507;

export interface EmbeddedStorage {
  connectionString: string;
  /** Why the storage cannot be used just now, for an operator; undefined while it serves. */
  problem(): string | undefined;
  /** The process id of Azurite's child process while one runs. */
  pid(): number | undefined;
  stop(): Promise<void>;
}

function childScript(): string {
  // From src/store under ts-jest, or from dist/src/store once built.
  for (const up of [
    ['..', '..'],
    ['..', '..', '..'],
  ]) {
    const candidate = path.resolve(__dirname, ...up, 'bin', 'azurite-table-child.js');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('bin/azurite-table-child.js is missing');
}

// A child that dies is started again at once, then less eagerly if it keeps dying.
const RESTART_DELAYS_MS = [0, 250, 1000, 2000];
// A child that ran this long had not been crashing: the next restart is immediate again.
const STABLE_AFTER_MS = 30_000;

/**
 * Azurite's table service, the real local Azure Table service, on 127.0.0.1 in a child process,
 * so a newcomer needs no Azure account. `dataDir` persists across restarts; without it the data
 * lives in memory (tests).
 *
 * Supervised: if the child dies it is started again on the same data and port, so the connection
 * string never changes. It stops only when told to (`stop`), or when this process ends.
 */
class SupervisedAzurite implements EmbeddedStorage {
  private child: ChildProcess | undefined;
  private port = 0;
  private state: 'starting' | 'serving' | 'down' | 'cannot-save' | 'stopped' = 'starting';
  private cannotSaveReason = '';
  private failures = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private exited: Promise<void> = Promise.resolve();

  constructor(private readonly dataDir: string | undefined) {}

  get connectionString(): string {
    return `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` + `TableEndpoint=http://127.0.0.1:${this.port}/${DEV_ACCOUNT};`;
  }

  problem(): string | undefined {
    if (this.state === 'serving') return undefined;
    if (this.state === 'cannot-save') return `storage cannot save (${this.cannotSaveReason})`;
    return 'storage is not running';
  }

  pid(): number | undefined {
    return this.child?.exitCode === null ? this.child.pid : undefined;
  }

  async start(): Promise<void> {
    const startedAt = Date.now();
    const child = spawn(process.execPath, [childScript(), this.dataDir ?? '', String(this.port)], {
      stdio: ['pipe', 'pipe', 'pipe'],
      cwd: path.resolve(__dirname, '..', '..'),
    });
    this.child = child;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    this.exited = new Promise<void>((r) => child.once('exit', () => r()));
    const port = await new Promise<number>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        let msg: { port?: number; storage?: string; reason?: string };
        try {
          msg = JSON.parse(line) as typeof msg;
        } catch {
          return; // Azurite's own chatter
        }
        if (msg.port) resolve(msg.port);
        else if (msg.storage === 'cannot-save') {
          this.state = 'cannot-save';
          this.cannotSaveReason = String(msg.reason ?? 'unknown').slice(0, 200);
          logger.error('storage cannot save: writes are refused until it can', { reason: this.cannotSaveReason });
        } else if (msg.storage === 'saving' && this.state === 'cannot-save') {
          this.state = 'serving';
          logger.warn('storage saves again: writes are accepted again');
        }
      });
      child.once('exit', (code, signal) => {
        reject(new Error(`Azurite exited (${code ?? signal}) before it was ready: ${stderr.trim().slice(0, 300)}`));
        if (this.child === child) this.onExit(code, signal, Date.now() - startedAt, stderr);
      });
    });
    this.port = port;
    if (this.state !== 'stopped') this.state = 'serving';
    logger.info('storage started', { pid: child.pid, port });
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null, ranMs: number, stderr: string): void {
    this.child = undefined;
    if (this.state === 'stopped') return;
    this.state = 'down';
    if (ranMs > STABLE_AFTER_MS) this.failures = 0;
    const delay = RESTART_DELAYS_MS[Math.min(this.failures, RESTART_DELAYS_MS.length - 1)];
    this.failures++;
    logger.error('storage stopped unexpectedly: starting it again', {
      code: code ?? undefined,
      signal: signal ?? undefined,
      inMs: delay,
      said: stderr.trim().slice(-300) || undefined,
    });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (this.state === 'stopped') return;
      // A failed start ends in onExit, which schedules the next try.
      this.start().catch((e: Error) => logger.error('storage did not start', { error: e.message.slice(0, 300) }));
    }, delay);
  }

  async stop(): Promise<void> {
    this.state = 'stopped';
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    // Closing stdin is the child's signal to close Azurite and exit.
    child.stdin!.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }
}

export async function startEmbeddedAzurite(options: { dataDir?: string } = {}): Promise<EmbeddedStorage> {
  const storage = new SupervisedAzurite(options.dataDir);
  try {
    await storage.start();
  } catch (e) {
    await storage.stop();
    throw e;
  }
  return storage;
}
