import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** The well-known Azurite development account: public, documented, and only valid against Azurite. */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface EmbeddedStorage {
  connectionString: string;
  stop(): Promise<void>;
}

function childScript(): string {
  // From src/store under ts-jest, or from dist/src/store once built.
  for (const up of [['..', '..'], ['..', '..', '..']]) {
    const candidate = path.resolve(__dirname, ...up, 'bin', 'azurite-table-child.js');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('bin/azurite-table-child.js is missing');
}

/**
 * Starts Azurite's table service, the real local Azure Table service, on 127.0.0.1 in a child
 * process, so a newcomer needs no Azure account. `dataDir` persists across restarts; without it
 * the data lives in memory (tests). The child ends when this process does.
 */
export async function startEmbeddedAzurite(options: { dataDir?: string } = {}): Promise<EmbeddedStorage> {
  const child: ChildProcess = spawn(process.execPath, [childScript(), options.dataDir ?? ''], {
    stdio: ['pipe', 'pipe', 'pipe'],
    cwd: path.resolve(__dirname, '..', '..'),
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const msg = JSON.parse(line) as { port?: number };
        if (msg.port) resolve(msg.port);
      } catch {
        // Azurite's own start-up chatter
      }
    });
    child.once('exit', (code) => reject(new Error(`Azurite exited (${code}) before it was ready: ${stderr.trim().slice(0, 300)}`)));
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
      `TableEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`,
    async stop() {
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
