#!/usr/bin/env node
// Azurite's table service in a process of its own, started and supervised by Concord
// (src/store/embeddedAzurite.ts). It runs apart from the bot because restify patches Node's http
// request prototype, which breaks Azurite's query parsing when the two share a process.
//
// It talks to its parent in JSON lines on stdout:
//   {"port": 52011}                         listening
//   {"storage": "cannot-save", "reason": …} a save failed (disk full): writes are refused from now on
//   {"storage": "saving"}                   saves work again: writes are accepted again
// and stops only when its parent says so (stdin closes, also when the parent dies). Signals are
// ignored: Ctrl+C reaches the whole process group, and the parent must finish its own work
// (the sweeper's jobs) before the storage goes away.
const fs = require('node:fs');
const path = require('node:path');
const TableServer = require('azurite/dist/src/table/TableServer').default;
const TableConfiguration = require('azurite/dist/src/table/TableConfiguration').default;
const StorageError = require('azurite/dist/src/table/errors/StorageError').default;

const [location = '', portArg = '0'] = process.argv.slice(2); // location empty: in memory
const dbPath = location ? path.join(location, '__azurite_db_table__.json') : 'memory-db.json';
if (location) fs.mkdirSync(location, { recursive: true });

// host, port, keep-alive, db path, debug log, access log, access log stream, debug log path,
// loose, skip API version check (the SDK may be newer), cert, key, pwd, oauth,
// product-style URLs, in-memory persistence.
const config = new TableConfiguration(
  '127.0.0.1',
  Number(portArg),
  undefined,
  dbPath,
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
  !location,
);
const server = new TableServer(config);
const store = server.metadataStore;
const db = store.db;

function tell(message) {
  process.stdout.write(JSON.stringify(message) + '\n');
}

// ---- Durable writes -------------------------------------------------------------------------
// Azurite keeps its tables in memory (LokiJS) and autosaves every 5 s: a crash lost every write
// of the last 5 s, although each had been answered "created". Here a write is answered only once
// the whole database has been written to a new file, flushed to the disk (fsync) and renamed over
// the old one. Writes arriving while a save runs are saved together by the next one (group
// commit), so throughput stays up. A batch (transaction) is saved once, when it ends.
let cannotSave; // the reason, while saves fail
let saving = false;
let saveQueued = false;
let batchOpen = false;
let waiting = []; // writes done in memory, waiting for the next save

// Saves and loads run one at a time, whoever asks (a write, the stop, the probe, a reload after a
// failed save): two saves at once would both commit as the same generation through the same
// temporary file, and one could remove the table file the other's database file names, so the
// store would not start again.
let turn = Promise.resolve();
function inTurn(work) {
  const run = turn.then(work);
  turn = run.catch(() => undefined);
  return run;
}

if (location) {
  db.autosaveDisable();
  db.saveDatabase = (done) => inTurn(() => new Promise((resolve) => saveTables(resolve))).then(done, done);
  db.loadDatabase = (_options, done) => inTurn(loadTables).then(() => done(null), done);
}

// ---- One file a table -------------------------------------------------------------------------
// LokiJS saves a database as one JSON file: every save serialised every table, so with a long
// history (about 137 KB a case) each write waited seconds for the whole history to be written
// again. Here each table (a Loki collection) is a file of its own, and the database file names
// the file that holds each table now; a save writes the tables changed since the last one (Loki
// marks them dirty) under new names, then the database file. Renaming the database file into place
// is the one step that commits a save: a crash before it leaves the last save whole (the new files
// are named by nothing and removed at the next start), a crash after it the new save whole, so
// the tables on disk are always one save's, never a mix. A database written whole by an earlier
// version is read as it is and written table by table from its first save.
const base = path.basename(dbPath);
let generation = 0; // of the last save committed
let named = {}; // table -> the file that holds it, as the database file says

/** Calls `done` with the error, or nothing once the save is committed. Never throws. */
function saveTables(done) {
  const changed = db.collections.filter((c) => c.dirty || !named[c.name]);
  const next = generation + 1;
  const files = {};
  for (const c of db.collections) files[c.name] = changed.includes(c) ? `${base}.${next}.${encodeURIComponent(c.name)}` : named[c.name];
  let texts;
  try {
    texts = changed.map((c) => [files[c.name], JSON.stringify(c, db.serializeReplacer)]);
  } catch (e) {
    done(e); // a table too big to write as one string (V8 strings stop at 512 MB)
    return;
  }
  const manifest = JSON.stringify({ databaseVersion: db.databaseVersion, generation: next, tables: files });
  // Writes from now on mark their table again, for the next save.
  for (const c of changed) c.dirty = false;
  commitSave(texts, manifest).then(
    () => {
      const before = named;
      generation = next;
      named = files;
      for (const file of Object.values(before)) if (!Object.values(files).includes(file)) unlinkQuietly(file);
      done();
    },
    (e) => {
      for (const c of changed) c.dirty = true;
      for (const [file] of texts) unlinkQuietly(file);
      done(e);
    },
  );
}

function unlinkQuietly(file) {
  fs.promises.unlink(path.join(location, file)).catch(() => undefined);
}

async function loadTables() {
  let saved;
  try {
    saved = JSON.parse(await fs.promises.readFile(dbPath, 'utf8'));
  } catch (e) {
    if (e.code === 'ENOENT') return; // nothing saved yet: what is in memory stands
    throw e;
  }
  if (saved.collections) {
    db.loadJSONObject(saved, {}); // written whole by an earlier version
    return;
  }
  generation = saved.generation ?? 0;
  // The first version of this format listed the tables, each in `<db>.<table>`.
  named = Array.isArray(saved.tables) ? Object.fromEntries(saved.tables.map((name) => [name, `${base}.${name}`])) : saved.tables;
  const collections = [];
  for (const file of Object.values(named)) collections.push(JSON.parse(await fs.promises.readFile(path.join(location, file), 'utf8')));
  db.loadJSONObject({ databaseVersion: saved.databaseVersion, collections }, {});
  // Files of a save that never committed (a crash, a full disk) are named by nothing.
  const kept = new Set(Object.values(named));
  for (const file of await fs.promises.readdir(location)) if (file.startsWith(`${base}.`) && !kept.has(file)) unlinkQuietly(file);
}

/**
 * Each table's file is written and flushed (fsync) under its new name, then the database file
 * naming them is written to a new file, flushed, and renamed over the old one (the commit), and
 * the directory flushed. A failure before the rename (a full disk) changes nothing that is read.
 */
async function commitSave(texts, manifest) {
  for (const [file, text] of texts) await writeFlushed(path.join(location, file), text);
  await writeFlushed(dbPath + '~', manifest);
  await fs.promises.rename(dbPath + '~', dbPath);
  const dir = await fs.promises.open(location, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

async function writeFlushed(file, text) {
  const handle = await fs.promises.open(file, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function persisted(context) {
  if (!location) return Promise.resolve();
  return new Promise((resolve, reject) => {
    waiting.push({ resolve, reject, context });
    queueSave();
  });
}

function queueSave() {
  if (saveQueued) return;
  saveQueued = true;
  // On the next turn of the event loop: writes answered in this turn share the save, and a batch
  // under way finishes first (it is applied without I/O in between).
  setImmediate(saveNow);
}

function saveNow() {
  saveQueued = false;
  if (saving || batchOpen || waiting.length === 0) return;
  const group = waiting;
  waiting = [];
  saving = true;
  db.saveDatabase((err) => {
    saving = false;
    if (err) {
      failed(err, group);
      return;
    }
    for (const w of group) w.resolve();
    if (waiting.length) queueSave();
  });
}

// `context`: the request's, so that the error is in the format the client asked for.
function refusal(context = {}) {
  return new StorageError(507, 'InsufficientStorage', `The storage cannot save (${cannotSave}); nothing was written.`, 'concord', {}, context);
}

function failed(err, group) {
  cannotSave = (err && (err.code || err.message)) || 'unknown error';
  tell({ storage: 'cannot-save', reason: String(err && err.message ? err.message : err).slice(0, 200) });
  // Nothing of what is in memory and not on disk was acknowledged: drop it by reloading the last
  // saved database, so what Concord was told ("not written") is what is true.
  const dropped = group.concat(waiting);
  waiting = [];
  db.loadDatabase({}, (loadErr) => {
    for (const w of dropped) w.reject(refusal(w.context));
    if (loadErr) {
      process.stderr.write(`Azurite could not reload its database after a failed save: ${loadErr.message}\n`);
      process.exit(1); // Concord starts it again from the file
    }
    setTimeout(probe, 1000);
  });
}

// While saves fail, try one every second; the database in memory is the one on disk, so a
// successful save changes nothing but tells that the disk takes writes again.
function probe() {
  if (!cannotSave || stopping) return;
  db.saveDatabase((err) => {
    if (err) {
      setTimeout(probe, 1000);
      return;
    }
    cannotSave = undefined;
    tell({ storage: 'saving' });
  });
}

// Every method of the store that changes data: the position of its request context, and of its
// batch id when it can be part of a batch (then the batch's end saves).
const WRITES = {
  createTable: [0],
  deleteTable: [0],
  setTableACL: [2],
  setServiceProperties: [0],
  insertTableEntity: [0, 4],
  insertOrUpdateTableEntity: [0, 5],
  insertOrMergeTableEntity: [0, 5],
  updateTableEntity: [0, 5],
  mergeTableEntity: [0, 5],
  deleteTableEntity: [0, 6],
};
for (const [name, [contextArg, batchArg]] of Object.entries(WRITES)) {
  const original = store[name].bind(store);
  store[name] = async (...args) => {
    if (cannotSave) throw refusal(args[contextArg]);
    const result = await original(...args);
    if (batchArg === undefined || !args[batchArg]) await persisted(args[contextArg]);
    return result;
  };
}
const beginBatch = store.beginBatchTransaction.bind(store);
store.beginBatchTransaction = async (batchId) => {
  if (cannotSave) throw refusal();
  await beginBatch(batchId);
  batchOpen = true;
};
const endBatch = store.endBatchTransaction.bind(store);
store.endBatchTransaction = async (...args) => {
  try {
    await endBatch(...args);
  } finally {
    batchOpen = false;
  }
  const [, , , context, succeeded] = args;
  if (succeeded) await persisted(context);
  else queueSave(); // writes outside the batch may have waited for it
};

// ---- Start and stop ---------------------------------------------------------------------------
// Stdin's 'end' and 'close' may both arrive: close once, and exit only after Azurite has closed.
let stopping;
function stop() {
  stopping ??= server
    .close()
    .then(() => {
      // Everything acknowledged is on disk already; this saves nothing new unless a batch was cut short.
      if (location && !cannotSave) return new Promise((resolve) => db.saveDatabase(() => resolve()));
    })
    .then(
      () => process.exit(0),
      (e) => {
        process.stderr.write(`Azurite did not close cleanly: ${e.message}\n`);
        process.exit(1);
      },
    );
  return stopping;
}

server.start().then(
  () => tell({ port: Number(new URL(server.getHttpServerAddress()).port) }),
  (e) => {
    process.stderr.write(`Azurite could not start: ${e.message}\n`);
    process.exit(1);
  },
);
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => undefined);
