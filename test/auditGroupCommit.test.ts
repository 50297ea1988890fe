import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { AuditLog } from '../src/store/auditLog';
import { PENDING_PARTITION } from '../src/store/auditChain';
import { AuditSealer } from '../src/store/auditSealer';
import { AuditVerifier } from '../src/store/auditVerifier';
import { EmbeddedStorage, startEmbeddedAzurite } from '../src/store/embeddedAzurite';
import { encodeKey, Tables } from '../src/store/tables';

/**
 * Audit events arriving together are written together: an event that comes while another write is
 * in flight joins the next, one transaction per trail and one for the pending markers. Each
 * caller still learns its own event's fate, and the chain and `verify audit` are as before.
 */
let storage: EmbeddedStorage;
let tables: Tables;
/** Requests the audit table's client sent to storage, counted in its own pipeline. */
let requests = 0;
const counting: PipelinePolicy = { name: 'countAuditRequests', sendRequest: (request, next) => (requests++, next(request)) };

beforeAll(async () => {
  storage = await startEmbeddedAzurite();
  tables = new Tables(storage.connectionString);
  await tables.createAll();
  tables.client('audit').pipeline.addPolicy(counting);
});
afterAll(async () => storage?.stop());

const now = () => new Date('2026-11-24T01:00:00Z');

async function rows(partitionKey: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const r of tables.client('audit').listEntities<Record<string, unknown>>({ queryOptions: { filter: `PartitionKey eq '${partitionKey}'` } }))
    out.push(r);
  return out;
}

test('fifty events appended at once are all kept with their pending markers, in a few round trips, and the trail verifies intact', async () => {
  const log = new AuditLog(tables, now);
  requests = 0;
  await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      log.record({ subject: 'SD-0950', action: 'acknowledged', actorAadObjectId: `person-${i}`, detail: 'version 1: I agree' }),
    ),
  );
  // The first goes at once (its event and its marker); the 49 arriving meanwhile share one transaction each.
  expect(requests).toBeLessThanOrEqual(4);
  const events = (await rows('SD-0950')).filter((r) => r.rowKey !== '|head');
  expect(events.map((e) => e.actorAadObjectId).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `person-${i}`).sort());
  const markers = (await rows(PENDING_PARTITION)).filter((m) => String(m.rowKey).startsWith(`${encodeKey('SD-0950')}|`));
  expect(markers.map((m) => String(m.rowKey).slice('SD-0950|'.length)).sort()).toEqual(events.map((e) => e.rowKey).sort());

  const sealer = new AuditSealer(tables);
  const result = await new AuditVerifier(tables, sealer).verify();
  expect(result.problems).toEqual([]);
  const sealed = (await rows('SD-0950')).filter((r) => r.rowKey !== '|head');
  // Sealed in the order they were recorded: the row keys still sort as the calls were made.
  expect(sealed.sort((a, b) => Number(a.position) - Number(b.position)).map((e) => e.actorAadObjectId)).toEqual(
    Array.from({ length: 50 }, (_, i) => `person-${i}`),
  );
});

test('an event storage refuses fails for its own caller only: the others written with it are kept, with their markers', async () => {
  const log = new AuditLog(tables, now);
  requests = 0;
  const outcomes = await Promise.allSettled(
    Array.from({ length: 20 }, (_, i) =>
      log.record({
        subject: 'SD-0951',
        action: 'acknowledged',
        actorAadObjectId: `person-${i}`,
        // Over Azure's 64 KiB a property: storage refuses this one event.
        detail: i === 7 ? 'x'.repeat(40_000) : 'version 1: I agree',
      }),
    ),
  );
  expect(outcomes.map((o) => o.status)).toEqual(Array.from({ length: 20 }, (_, i) => (i === 7 ? 'rejected' : 'fulfilled')));
  expect((outcomes[7] as PromiseRejectedResult).reason).toMatchObject({ statusCode: 400 });
  // It was refused inside a group (one by one, the twenty would have taken forty writes).
  expect(requests).toBeLessThan(40);
  const events = (await rows('SD-0951')).filter((r) => r.rowKey !== '|head');
  expect(events.map((e) => e.actorAadObjectId).sort()).toEqual(
    Array.from({ length: 20 }, (_, i) => `person-${i}`)
      .filter((p) => p !== 'person-7')
      .sort(),
  );
  // The refused event leaves no marker behind; every kept event has one.
  const markers = (await rows(PENDING_PARTITION)).filter((m) => String(m.rowKey).startsWith('SD-0951|'));
  expect(markers.map((m) => String(m.rowKey).slice('SD-0951|'.length)).sort()).toEqual(events.map((e) => e.rowKey).sort());
  const result = await new AuditVerifier(tables, new AuditSealer(tables)).verify();
  expect(result.problems).toEqual([]);
});

test('events about different cases arriving together are each kept in their own trail', async () => {
  const log = new AuditLog(tables, now);
  const subjects = ['SD-0952', 'PD-0953', 'REF-0954'];
  await Promise.all(Array.from({ length: 30 }, (_, i) => log.record({ subject: subjects[i % 3], action: 'noted', detail: `n ${i}` })));
  for (const s of subjects) expect((await rows(encodeKey(s))).filter((r) => r.rowKey !== '|head')).toHaveLength(10);
  expect((await new AuditVerifier(tables, new AuditSealer(tables)).verify()).problems).toEqual([]);
});

test('sealing fifty events of a burst takes a few round trips, not two for each event', async () => {
  const log = new AuditLog(tables, now);
  const sealer = new AuditSealer(tables);
  await sealer.sealPending(); // what earlier tests left
  await Promise.all(Array.from({ length: 50 }, (_, i) => log.record({ subject: 'SD-0955', action: 'acknowledged', actorAadObjectId: `person-${i}` })));
  requests = 0;
  expect(await sealer.sealPending()).toBe(50);
  // The markers' list, the chain's events and head, one transaction, the ledger, the markers' removal.
  expect(requests).toBeLessThanOrEqual(8);
  expect((await rows(PENDING_PARTITION)).filter((m) => String(m.rowKey).startsWith('SD-0955|'))).toEqual([]);
  expect((await new AuditVerifier(tables, sealer).verify()).problems).toEqual([]);
});
