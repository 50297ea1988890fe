/**
 * Writes a long history of cases into a new embedded-store data directory: the rows of one real
 * case (bench/oneCase.ts, a JSON file) cloned for cases `from`..`to`-1 and inserted into Azurite's
 * own table store as its table service inserts an entity (LokiTableMetadataStore.insertTableEntity,
 * less its check that the key is new, which scans the partition: the clones' keys are new), then
 * saved once, one file a table, as bin/azurite-table-child.js keeps them (a database of more than
 * 512 MB cannot be one JSON string).
 * Run by bench/startup.ts: node seedingAzurite.js <dataDir> <rows.json> <referral> <discussion> <from> <to>.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- Azurite's table store has no typed entry point */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TABLE_NAMES } from '../src/store/tables';
import { cloneFor, Row } from './caseClones';

const LokiTableMetadataStore = require('azurite/dist/src/table/persistence/LokiTableMetadataStore').default;

const ACCOUNT = 'devstoreaccount1';
const DB = '__azurite_db_table__.json';

async function main(): Promise<void> {
  const [dataDir, rowsFile, referral, discussion, from, to] = process.argv.slice(2);
  mkdirSync(dataDir, { recursive: true });
  const dbPath = path.join(dataDir, DB);
  const store = new LokiTableMetadataStore(dbPath, true);
  await store.init();
  const context = {};
  for (const table of TABLE_NAMES) await store.createTable(context, { account: ACCOUNT, table });
  const rows = JSON.parse(readFileSync(rowsFile, 'utf8')) as Row[];
  // As Azurite's handler makes an entity (TableHandler.createPersistedEntity), at one instant.
  const modTime = new Date().toISOString().replace('Z', '0000Z');
  const eTag = `W/"datetime'${encodeURIComponent(modTime)}'"`;
  for (let n = Number(from); n < Number(to); n++)
    for (const { table, entity } of cloneFor(rows, referral, discussion, n)) {
      const { partitionKey, rowKey, ...properties } = entity;
      await store.insertTableEntity(
        context,
        table,
        ACCOUNT,
        {
          PartitionKey: partitionKey,
          RowKey: rowKey,
          properties: { PartitionKey: partitionKey, RowKey: rowKey, ...properties },
          lastModifiedTime: modTime,
          eTag,
        },
        undefined,
      );
    }
  // One file a table, and the database file naming them (bin/azurite-table-child.js, saveTables).
  const db = store.db;
  const tables: Record<string, string> = {};
  for (const c of db.collections as { name: string }[]) {
    tables[c.name] = `${DB}.1.${encodeURIComponent(c.name)}`;
    writeFileSync(path.join(dataDir, tables[c.name]), JSON.stringify(c, db.serializeReplacer));
  }
  writeFileSync(dbPath, JSON.stringify({ databaseVersion: db.databaseVersion, generation: 1, tables }));
}

main().catch((e: Error) => {
  process.stderr.write(`${e.stack}\n`);
  process.exit(1);
});
