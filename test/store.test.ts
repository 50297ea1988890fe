import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedAzurite, EmbeddedStorage } from '../src/store/embeddedAzurite';
import { GovernanceStore } from '../src/store/governanceStore';
import { decodeKey, encodeKey, isStale, Tables, updateJson } from '../src/store/tables';
import { DifferenceStore } from '../src/store/differenceStore';

let storage: EmbeddedStorage;
let tables: Tables;
beforeAll(async () => {
  storage = await startEmbeddedAzurite();
  tables = new Tables(storage.connectionString);
  await tables.createAll();
});
afterAll(async () => storage?.stop());

test('two writers with the same etag: one succeeds, the other sees the conflict', async () => {
  const c = tables.client('discussions');
  const created = await c.createEntity({ partitionKey: 'etag-test', rowKey: 'r', status: 'awaiting' });
  await c.updateEntity({ partitionKey: 'etag-test', rowKey: 'r', status: 'agreed' }, 'Replace', { etag: created.etag });
  const second = c.updateEntity({ partitionKey: 'etag-test', rowKey: 'r', status: 'disputed' }, 'Replace', { etag: created.etag });
  const error = await second.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isStale(error)).toBe(true);
  expect((await c.getEntity('etag-test', 'r')).status).toBe('agreed');
});

test('twenty changes to one record at the same moment are all kept', async () => {
  const c = tables.client('discussions');
  await c.createEntity({ partitionKey: 'many', rowKey: 'r', json: JSON.stringify({ answers: [] }) });
  await Promise.all(Array.from({ length: 20 }, (_, i) => updateJson<{ answers: number[] }>(c, 'many', 'r', (doc) => ({ answers: [...doc.answers, i] }), 40)));
  const doc = JSON.parse((await c.getEntity<{ json: string }>('many', 'r')).json);
  expect(doc.answers.sort((a: number, b: number) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
});

test('any value makes a safe key and reads back the same', async () => {
  const nasty = "SD/0142\\#?'%|\u0001 é";
  const key = encodeKey(nasty);
  expect(key).not.toMatch(/[/\\#?\u0000-\u001f']/);
  expect(decodeKey(key)).toBe(nasty);
  await tables.client('discussions').createEntity({ partitionKey: key, rowKey: key, v: 1 });
  expect((await tables.client('discussions').getEntity(key, key)).v).toBe(1);
});

test('the embedded storage keeps its data under DATA_DIR across a restart', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'concord-data-'));
  const first = await startEmbeddedAzurite({ dataDir: dir });
  const t1 = new Tables(first.connectionString);
  await t1.createAll();
  await t1.client('conversations').createEntity({ partitionKey: 'person', rowKey: 'kept', json: '{}' });
  await first.stop();
  const second = await startEmbeddedAzurite({ dataDir: dir });
  const t2 = new Tables(second.connectionString);
  expect((await t2.client('conversations').getEntity('person', 'kept')).json).toBe('{}');
  await second.stop();
});

test('differences stored before the log kept summary rows get theirs, once, and the log lists them', async () => {
  const prefixed = new Tables(storage.connectionString, `pd${Date.now().toString(36)}`);
  await prefixed.createAll();
  const store = new DifferenceStore(prefixed);
  const pd = {
    reference: 'PD-0001',
    caseReference: 'SD-0142',
    raisedBy: 'a',
    responding: 'b',
    decision: 'd',
    reasons: 'r',
    outcomeSought: 'o',
    immediateRisk: false,
    raisedAt: '2026-11-23T10:00:00.000Z',
    stages: [{ stage: 1, startedAt: '2026-11-23T10:00:00.000Z', dueAt: '2026-11-30T10:00:00.000Z', participants: [] }],
    log: [],
    state: 'open',
  } as unknown as Parameters<typeof store.create>[0];
  for (let i = 1; i <= 150; i++) await store.create({ ...pd, reference: `PD-${String(i).padStart(4, '0')}` });
  // As stored by the version before summaries: no summary rows, no mark that they were made.
  const client = prefixed.client('differences');
  for await (const r of client.listEntities({ queryOptions: { filter: `PartitionKey eq 'summaries'` } })) await client.deleteEntity(r.partitionKey!, r.rowKey!);
  const listed = await new DifferenceStore(prefixed).summaries();
  expect(listed.map((s) => s.reference).sort()).toEqual(Array.from({ length: 150 }, (_, i) => `PD-${String(i + 1).padStart(4, '0')}`));
  expect(listed[0]).toMatchObject({ caseReference: 'SD-0142', state: 'open', stages: [{ stage: 1 }], autoEscalations: 0 });
});

test('a case marked as being erased is seen as such by a hold; the mark goes when the erasure ends, and one left by a crash lapses after ten minutes', async () => {
  const governance = new GovernanceStore(tables);
  const at = new Date('2026-11-24T10:00:00Z');
  const minutes = (n: number) => new Date(at.getTime() + n * 60_000);
  const mark = await governance.startErasing('SD-0042', at);
  expect(await governance.erasing('SD-0042', minutes(1))).toBe(true);
  expect(await governance.erasing('SD-0043', minutes(1))).toBe(false);
  await governance.finishErasing(mark);
  expect(await governance.erasing('SD-0042', minutes(1))).toBe(false);

  await governance.startErasing('SD-0042', at); // never finished: the process stopped
  expect(await governance.erasing('SD-0042', minutes(9))).toBe(true);
  expect(await governance.erasing('SD-0042', minutes(11))).toBe(false);
});
