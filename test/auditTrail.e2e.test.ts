import { TableClient } from '@azure/data-tables';
import { auditRowsWithChildIdentifiers, CHILD } from './harness/childIdentifiers';
import { ackCard, discussionWithOutcome } from './harness/strategyFlow';
import { World } from './harness/world';

/** A trail's event rows as stored, in chain order: what someone with storage access would see. */
async function storedEvents(audit: TableClient, subject: string): Promise<Record<string, any>[]> {
  const rows: Record<string, any>[] = [];
  for await (const r of audit.listEntities<Record<string, any>>({ queryOptions: { filter: `PartitionKey eq '${subject}'` } })) {
    if (r.rowKey !== '|head') rows.push(r);
  }
  return rows.sort((a, b) => a.position - b.position);
}

/** Everything but the keys: what moves when two events are swapped in storage. */
function content(row: Record<string, any>): Record<string, unknown> {
  const { partitionKey: _p, rowKey: _r, etag: _e, timestamp: _t, ...rest } = row;
  return rest;
}

async function verify(world: World): Promise<string> {
  const [reply] = await world.user('Alison Bright').say('verify audit');
  return String(reply.text);
}

describe('a tamper-evident audit trail', () => {
  let world: World;
  afterEach(async () => world?.stop());

  test('editing, deleting or swapping events in storage is named with its position; a clean log verifies', async () => {
    world = await World.start();
    await world.install('Alison Bright');
    const { reference, attendees } = await discussionWithOutcome(world);
    for (const p of attendees) await p.click(await ackCard(world, p, reference), 'I agree');

    const clean = await verify(world);
    expect(clean).toMatch(/^The audit trail verifies: all \d+ events in \d+ trails? are exactly as Concord recorded them/);

    const audit = world.concord.tables.client('audit');
    const events = await storedEvents(audit, reference);
    expect(events.length).toBeGreaterThanOrEqual(8);
    const of = events.length;
    // Edit one event's detail.
    await audit.updateEntity({ partitionKey: reference, rowKey: events[1].rowKey, detail: 'nothing happened' }, 'Merge');
    // Delete one.
    await audit.deleteEntity(reference, events[3].rowKey);
    // Swap two: each row takes the other's content.
    await audit.updateEntity({ partitionKey: reference, rowKey: events[5].rowKey, ...content(events[6]) }, 'Replace');
    await audit.updateEntity({ partitionKey: reference, rowKey: events[6].rowKey, ...content(events[5]) }, 'Replace');

    const report = await verify(world);
    expect(report.split('\n')[0]).toMatch(/^The audit trail does not verify: 3 problems found\./);
    expect(report).toContain(`- ${reference}, event 2 of ${of} (${events[1].action}, `);
    expect(report).toContain(`- ${reference}, event 4 of ${of}: deleted.`);
    expect(report).toContain(`- ${reference}, events 6 and 7 of ${of}: swapped (their order was changed).`);
    expect(await world.auditActions('audit')).toEqual(['audit.verified', 'audit.tampered']);
  });

  test('deleting the newest events, or a whole trail with its checkpoint, is noticed too', async () => {
    world = await World.start();
    await world.install('Alison Bright');
    const { reference } = await discussionWithOutcome(world);
    await world.user('Sam Okafor').say('verify audit'); // refused: the access trail has an event
    expect(await verify(world)).toMatch(/^The audit trail verifies/);

    const audit = world.concord.tables.client('audit');
    const events = await storedEvents(audit, reference);
    const of = events.length;
    await audit.deleteEntity(reference, events[of - 1].rowKey);
    await audit.deleteEntity(reference, events[of - 2].rowKey);
    const access = await storedEvents(audit, 'access');
    for (const r of access) await audit.deleteEntity('access', r.rowKey);
    await audit.deleteEntity('access', '|head');

    const report = await verify(world);
    expect(report).toContain(`- ${reference}, events ${of - 1} to ${of} of ${of}: deleted.`);
    expect(access).toHaveLength(1);
    expect(report).toContain('- the access trail, event 1 of 1: deleted (the whole trail).');
  });

  test('an event edited with its hash recomputed still breaks the link to the next one', async () => {
    world = await World.start();
    await world.install('Alison Bright');
    const { reference } = await discussionWithOutcome(world);
    expect(await verify(world)).toMatch(/^The audit trail verifies/);

    const audit = world.concord.tables.client('audit');
    const events = await storedEvents(audit, reference);
    // Someone who knows the hash rewrites event 3 and its own hash, but not the chain after it.
    const { createHash } = await import('node:crypto');
    const e: Record<string, any> = { ...events[2], detail: 'rewritten' };
    const hash = createHash('sha256')
      .update(JSON.stringify([reference, e.rowKey, e.position, e.prev, e.at, e.action, e.actorAadObjectId, e.tenantId, e.activityId, e.detail]))
      .digest('hex');
    await audit.updateEntity({ partitionKey: reference, rowKey: e.rowKey, detail: e.detail, hash }, 'Merge');

    expect(await verify(world)).toContain(`- ${reference}, event 3 of ${events.length} (${e.action}, `);
  });

  test('only partnership administrators can verify; anyone else is told so, and it is audited', async () => {
    world = await World.start();
    const [sam] = await world.install('Sam Okafor');
    const [reply] = await sam.say('verify audit');
    expect(reply.text).toBe('Only partnership administrators can verify the audit trail.');
    const refused = (await world.concord.audit.trail('access')).filter((e) => e.action === 'refused.not-admin');
    expect(refused).toEqual([expect.objectContaining({ actorAadObjectId: sam.who.aadObjectId, detail: 'verify audit' })]);
  });
});

test('the scanner every end-to-end world runs when it stops finds a child identifier in an audit row', async () => {
  const world = await World.start();
  await world.concord.audit.record({ subject: 'TEST-1', action: 'leak', detail: `about ${CHILD.name}` });
  await world.concord.audit.record({ subject: 'TEST-1', action: 'leak', detail: 'NHS 4010232137' });
  expect(await auditRowsWithChildIdentifiers(world.concord.tables)).toEqual(['TEST-1 leak: Alex Example', 'TEST-1 leak: an NHS-number-shaped "4010232137"']);
  await world.concord.tables
    .client('audit')
    .deleteEntity('|chains', 'TEST-1')
    .catch(() => undefined);
  for (const r of await storedEvents(world.concord.tables.client('audit'), 'TEST-1'))
    await world.concord.tables.client('audit').deleteEntity('TEST-1', r.rowKey);
  await world.stop();
});

test('a request body that is not JSON is refused and audited without any of its content', async () => {
  const world = await World.start();
  const res = await fetch(`${world.concord.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: `{"text": ${CHILD.name}}`,
  });
  expect(res.status).toBe(400);
  expect(await world.auditActions('access')).toEqual(['refused.malformed-request']);
  expect(await auditRowsWithChildIdentifiers(world.concord.tables)).toEqual([]);
  await world.stop();
});
