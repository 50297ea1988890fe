/**
 * Azurite's table service on a data directory, for seeding a long history quickly: it keeps
 * everything in memory and saves once, when its stdin closes (bin/azurite-table-child.js, which
 * Concord runs, saves on every write: right for Concord, too slow for writing a million rows).
 * Prints {"port": n} when listening. Run by bench/startup.ts, never by Concord.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- Azurite has no typed entry point for its table server */
import path from 'node:path';

const TableServer = require('azurite/dist/src/table/TableServer').default;
const TableConfiguration = require('azurite/dist/src/table/TableConfiguration').default;

const [location] = process.argv.slice(2);
// The same arguments as bin/azurite-table-child.js, on disk.
const config = new TableConfiguration(
  '127.0.0.1',
  0,
  undefined,
  path.join(location, '__azurite_db_table__.json'),
  false,
  false,
  undefined,
  undefined,
  false,
  true,
  '',
  '',
  '',
  undefined,
  false,
  false,
);
const server = new TableServer(config);
server.metadataStore.db.autosaveDisable();
server.start().then(() => process.stdout.write(JSON.stringify({ port: Number(new URL(server.getHttpServerAddress()).port) }) + '\n'));
process.stdin.on('end', () => {
  server
    .close()
    .then(() => new Promise<void>((resolve, reject) => server.metadataStore.db.saveDatabase((e: Error | null) => (e ? reject(e) : resolve()))))
    .then(
      () => process.exit(0),
      (e: Error) => {
        process.stderr.write(`${e.message}\n`);
        process.exit(1);
      },
    );
});
process.stdin.resume();
