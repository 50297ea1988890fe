// The embedded store on disk, one file a table: a write saves the table it changed, not the
// whole history (issue #19: every save wrote the whole database, seconds at a few hundred cases).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { TransactionAction } from '@azure/data-tables';
import { startEmbeddedAzurite } from '../src/store/embeddedAzurite';
import { Tables } from '../src/store/tables';

jest.setTimeout(60_000);

const DB = '__azurite_db_table__.json';
/** The file holding a table now, as the database file names it. */
const tableFile = (dataDir: string, table: string) =>
  path.join(dataDir, (JSON.parse(readFileSync(path.join(dataDir, DB), 'utf8')) as { tables: Record<string, string> }).tables[`devstoreaccount1$${table}`]);
let dataDir: string;
beforeEach(() => (dataDir = mkdtempSync(path.join(tmpdir(), 'concord-tables-'))));
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

async function history(tables: Tables, n: number): Promise<void> {
  for (let i = 0; i < n; i += 100)
    await tables
      .client('jobs')
      .submitTransaction(
        Array.from(
          { length: Math.min(100, n - i) },
          (_, j) => ['create', { partitionKey: 'jobs-0', rowKey: `id|${i + j}`, state: 'done' }] as TransactionAction,
        ),
      );
}

async function count(tables: Tables, table: 'jobs' | 'audit'): Promise<number> {
  let n = 0;
  for await (const _ of tables.client(table).listEntities()) n++;
  return n;
}

test('a write saves the table it changed: the history in other tables is not written again, and all of it is there after a restart', async () => {
  let storage = await startEmbeddedAzurite({ dataDir });
  try {
    let tables = new Tables(storage.connectionString);
    await tables.createAll();
    await history(tables, 300);
    const jobs = statSync(tableFile(dataDir, 'jobs'));
    const audit = statSync(tableFile(dataDir, 'audit'));

    await tables.client('audit').createEntity({ partitionKey: 'SD-0001', rowKey: '1', action: 'sd.convened' });
    expect(statSync(tableFile(dataDir, 'jobs'))).toMatchObject({ ino: jobs.ino, mtimeMs: jobs.mtimeMs });
    expect(statSync(tableFile(dataDir, 'audit')).ino).not.toBe(audit.ino);
    // A save committed only when the database file names its tables: a table file of a save that
    // never committed (a crash before the rename) is named by nothing, never read, and removed.
    writeFileSync(path.join(dataDir, `${DB}.999.devstoreaccount1%24audit`), '{"name":"devstoreaccount1$audit","data":[]}');

    await storage.stop();
    storage = await startEmbeddedAzurite({ dataDir });
    tables = new Tables(storage.connectionString);
    expect(await count(tables, 'jobs')).toBe(300);
    expect(await count(tables, 'audit')).toBe(1);
    expect(readdirSync(dataDir)).not.toContain(`${DB}.999.devstoreaccount1%24audit`);
  } finally {
    await storage.stop();
  }
});

// Azurite's own table service, saving its database as one file (as Concord's store did before).
const ONE_FILE_AZURITE = `
const TableServer = require('azurite/dist/src/table/TableServer').default;
const TableConfiguration = require('azurite/dist/src/table/TableConfiguration').default;
const c = new TableConfiguration('127.0.0.1', 0, undefined, process.argv[1], false, false, undefined, undefined, false, true, '', '', '', undefined, false, false);
const server = new TableServer(c);
server.metadataStore.db.autosaveDisable();
server.start().then(() => console.log(JSON.stringify({ port: Number(new URL(server.getHttpServerAddress()).port) })));
process.stdin.on('end', () => server.close().then(() => server.metadataStore.db.saveDatabase(() => process.exit(0))));
process.stdin.resume();
`;

test('a database saved as one file by an earlier version is read whole, and kept table by table from then on', async () => {
  const old = spawn(process.execPath, ['-e', ONE_FILE_AZURITE, path.join(dataDir, DB)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) =>
    createInterface({ input: old.stdout }).on('line', (l) => resolve((JSON.parse(l) as { port: number }).port)),
  );
  const before = new Tables(
    `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`,
  );
  await before.createAll();
  await history(before, 150);
  old.stdin.end();
  await new Promise((r) => old.once('exit', r));
  expect(() => statSync(tableFile(dataDir, 'jobs'))).toThrow();

  let storage = await startEmbeddedAzurite({ dataDir });
  try {
    let tables = new Tables(storage.connectionString);
    await tables.createAll();
    expect(await count(tables, 'jobs')).toBe(150);
    await tables.client('audit').createEntity({ partitionKey: 'SD-0001', rowKey: '1', action: 'sd.convened' });
    expect(statSync(tableFile(dataDir, 'jobs')).size).toBeGreaterThan(0);
    await storage.stop();
    storage = await startEmbeddedAzurite({ dataDir });
    tables = new Tables(storage.connectionString);
    expect(await count(tables, 'jobs')).toBe(150);
    expect(await count(tables, 'audit')).toBe(1);
  } finally {
    await storage.stop();
  }
});

test('stopped while answers are still being written, the store starts again with every answer it acknowledged', async () => {
  // Five stops, each at a different moment of a flow of writes to two tables: the stop's own save
  // ran beside a write's save, and the store then named a table file that one of them had removed
  // (7 stops in 10 left a store that would not start).
  for (let round = 0; round < 5; round++) {
    const dir = mkdtempSync(path.join(tmpdir(), 'concord-stop-'));
    try {
      let storage = await startEmbeddedAzurite({ dataDir: dir });
      let tables = new Tables(storage.connectionString);
      await tables.createAll();
      await history(tables, 500); // a save takes long enough for the stop to come during one
      const acknowledged: string[] = [];
      let flowing = true;
      let next = 0;
      const writer = async (table: 'jobs' | 'audit'): Promise<void> => {
        while (flowing) {
          const rowKey = `answer|${next++}`;
          try {
            await tables.client(table).createEntity({ partitionKey: 'flow', rowKey });
          } catch {
            return; // refused by a store that is stopping: not acknowledged
          }
          acknowledged.push(`${table} ${rowKey}`);
        }
      };
      const writers = [writer('jobs'), writer('audit'), writer('jobs'), writer('audit')];
      await new Promise((r) => setTimeout(r, 100 + round * 60));
      await storage.stop();
      flowing = false;
      await Promise.all(writers);

      storage = await startEmbeddedAzurite({ dataDir: dir });
      try {
        tables = new Tables(storage.connectionString);
        const kept = new Set<string>();
        for (const table of ['jobs', 'audit'] as const)
          for await (const e of tables.client(table).listEntities({ queryOptions: { filter: "PartitionKey eq 'flow'" } })) kept.add(`${table} ${e.rowKey}`);
        expect(acknowledged.filter((a) => !kept.has(a))).toEqual([]);
        expect(acknowledged.length).toBeGreaterThan(0);
      } finally {
        await storage.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});
