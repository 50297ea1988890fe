import { AuditLog } from '../src/store/auditLog';
import { AuditSealer } from '../src/store/auditSealer';
import { AuditVerifier } from '../src/store/auditVerifier';
import { EmbeddedStorage, startEmbeddedAzurite } from '../src/store/embeddedAzurite';
import { Tables } from '../src/store/tables';

let storage: EmbeddedStorage;
let tables: Tables;
beforeAll(async () => {
  storage = await startEmbeddedAzurite();
  tables = new Tables(storage.connectionString);
  await tables.createAll();
});
afterAll(async () => storage?.stop());

test('120 events appended at once by two instances, sealed by two racing sealers: one unbroken chain, none lost', async () => {
  const now = () => new Date('2026-11-23T10:00:00Z');
  const [a, b] = [new AuditLog(tables, now), new AuditLog(tables, now)];
  const [sealerA, sealerB] = [new AuditSealer(tables), new AuditSealer(tables)];
  const appends = Array.from({ length: 120 }, (_, i) => (i % 2 ? a : b).record({ subject: 'SD-0900', action: 'acknowledged', detail: `version 1: I agree` }));
  // Sealing while appends are still arriving, from both instances.
  await Promise.all([...appends, sealerA.sealPending(), sealerB.sealPending(), sealerA.sealPending()]);
  await Promise.all([sealerA.sealPending(), sealerB.sealPending()]);

  const rows: Record<string, unknown>[] = [];
  for await (const r of tables.client('audit').listEntities<Record<string, unknown>>({ queryOptions: { filter: "PartitionKey eq 'SD-0900'" } })) rows.push(r);
  const positions = rows
    .filter((r) => r.rowKey !== '|head')
    .map((r) => r.position)
    .sort((x, y) => Number(x) - Number(y));
  expect(positions).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
  const pending = [];
  for await (const m of tables.client('audit').listEntities({ queryOptions: { filter: "PartitionKey eq '|pending'" } })) pending.push(m);
  expect(pending).toEqual([]);
  const result = await new AuditVerifier(tables, sealerA).verify();
  expect(result.problems).toEqual([]);
  expect(result.events).toBe(120);
});

test('two events whose content (but not their place in the chain) was swapped are reported as swapped', async () => {
  const log = new AuditLog(tables, () => new Date('2026-11-23T10:00:00Z'));
  const sealer = new AuditSealer(tables);
  for (const action of ['convened', 'attendance.recorded', 'outcome.recorded']) await log.record({ subject: 'SD-0901', action });
  await sealer.sealPending();
  const c = tables.client('audit');
  const rows: Record<string, any>[] = [];
  for await (const r of c.listEntities<Record<string, any>>({ queryOptions: { filter: "PartitionKey eq 'SD-0901' and RowKey ne '|head'" } })) rows.push(r);
  const [first, second] = rows.sort((a, b) => a.position - b.position);
  await c.updateEntity({ partitionKey: 'SD-0901', rowKey: first.rowKey, action: second.action, at: second.at }, 'Merge');
  await c.updateEntity({ partitionKey: 'SD-0901', rowKey: second.rowKey, action: first.action, at: first.at }, 'Merge');
  const { problems } = await new AuditVerifier(tables, sealer).verify();
  expect(problems.filter((p) => p.subject === 'SD-0901')).toEqual([{ kind: 'swapped', subject: 'SD-0901', positions: [1, 2], of: 3 }]);
});
