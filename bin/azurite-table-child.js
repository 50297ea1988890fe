#!/usr/bin/env node
// Azurite's table service in a process of its own, started by Concord (src/store/embeddedAzurite.ts).
// It runs apart from the bot because restify patches Node's http request prototype, which breaks
// Azurite's query parsing when the two share a process. It reports the port it listens on as one
// JSON line, and exits when its parent goes away (stdin closes), so it is never orphaned.
const TableServer = require('azurite/dist/src/table/TableServer').default;
const TableConfiguration = require('azurite/dist/src/table/TableConfiguration').default;

const [location] = process.argv.slice(2); // empty: in memory
const dbPath = location ? require('node:path').join(location, '__azurite_db_table__.json') : 'memory-db.json';
if (location) require('node:fs').mkdirSync(location, { recursive: true });

// host, port, keep-alive, db path, debug log, access log, access log stream, debug log path,
// loose, skip API version check (the SDK may be newer), cert, key, pwd, oauth,
// product-style URLs, in-memory persistence.
const config = new TableConfiguration('127.0.0.1', 0, undefined, dbPath, false, false, undefined, undefined, false, true, '', '', '', undefined, false, !location);
const server = new TableServer(config);

// Stdin's 'end' and 'close' (and a signal) may all arrive: close once, and exit only after
// Azurite has written its database, or the last writes would be lost.
let stopping;
function stop() {
  stopping ??= server.close().then(
    () => process.exit(0),
    (e) => {
      process.stderr.write(`Azurite did not close cleanly: ${e.message}\n`);
      process.exit(1);
    },
  );
  return stopping;
}

server.start().then(
  () => process.stdout.write(JSON.stringify({ port: Number(new URL(server.getHttpServerAddress()).port) }) + '\n'),
  (e) => {
    process.stderr.write(`Azurite could not start: ${e.message}\n`);
    process.exit(1);
  },
);
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
