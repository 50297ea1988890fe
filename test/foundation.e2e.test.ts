import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedAzurite } from '../src/store/embeddedAzurite';
import { TableName, Tables } from '../src/store/tables';
import * as cards from './harness/cards';
import { OUTSIDE_TENANT, TeamsUser } from './harness/teams';
import { World } from './harness/world';

let world: World;
beforeAll(async () => {
  world = await World.start();
});
afterAll(async () => world?.stop());

describe('the service', () => {
  test('answers /healthz when storage answers', async () => {
    const res = await fetch(`${world.concord.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  test('a malformed request body gets 400, is audited, and the server keeps serving', async () => {
    const res = await fetch(`${world.concord.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message", ',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/JSON Bot Framework activity/);
    const notActivity = await fetch(`${world.concord.url}/api/messages`, { method: 'POST', body: '[1,2]' });
    expect(notActivity.status).toBe(400);
    expect(await world.auditActions('access')).toContain('refused.malformed-request');
    const chair = world.user('Sam Okafor');
    const replies = await chair.say('help');
    expect(replies).toHaveLength(1);
  });
});

describe('help', () => {
  test('a chair is offered to convene a strategy discussion', async () => {
    const [reply] = await world.user('Sam Okafor').say('help');
    const card = reply.attachments[0].content;
    expect(card.version).toBe('1.5');
    expect(cards.text(card)).toContain("Sam Okafor, Westmoor Children's Social Care");
    expect(cards.buttonTitles(card)).toContain('Convene a strategy discussion');
  });

  test('a hospital nurse, from the NHS tenant, is not offered to convene', async () => {
    const [reply] = await world.user('Nia Evans').say('help');
    const card = reply.attachments[0].content;
    expect(cards.text(card)).toContain('acknowledge strategy discussion outcomes');
    expect(cards.buttonTitles(card)).not.toContain('Convene a strategy discussion');
  });
});

describe('who may use Concord', () => {
  test('someone not in the directory is told who administers Concord, and it is audited', async () => {
    const stranger = new TeamsUser(
      { aadObjectId: 'bbbbbbbb-0000-4000-8000-000000000001', name: 'Stranger', tenantId: world.directory.data.tenants[0].id },
      world.concord.url,
      world.connector,
    );
    const [reply] = await stranger.say('help');
    expect(reply.text).toContain('not in the Westmoor Safeguarding Children Partnership (fictional sample) directory');
    expect(reply.text).toContain('Alison Bright (alison.bright@westmoor.gov.example)');
    const trail = await world.concord.audit.trail('access');
    expect(trail).toContainEqual(expect.objectContaining({ action: 'refused.unknown-person', actorAadObjectId: 'bbbbbbbb-0000-4000-8000-000000000001' }));
  });

  test('an activity from a tenant outside the partnership is refused and audited, even from a known person', async () => {
    const outsider = world.user('Nia Evans', OUTSIDE_TENANT);
    const [reply] = await outsider.say('help');
    expect(reply.text).toMatch(/not available to your organisation/);
    const trail = await world.concord.audit.trail('access');
    expect(trail).toContainEqual(expect.objectContaining({ action: 'refused.tenant', tenantId: OUTSIDE_TENANT }));
  });

  test('a card button Concord does not know gets a clear answer and an audit event', async () => {
    const answer = await world.user('Nia Evans').invoke('no.such.verb', {});
    expect(answer.http.status).toBe(200);
    expect(answer.message).toMatch(/not one Concord knows/);
    expect(await world.auditActions('access')).toContain('refused.unknown-action');
  });
});

describe('reaching people', () => {
  test('installing Concord greets the person with their help card and keeps how to reach them, across a restart', async () => {
    const gp = world.user('Helen Grant');
    await gp.install();
    expect(cards.text(gp.lastCard())).toContain('What you can do with Concord');
    await world.restart();
    await world.concord.outbox.send({
      key: 'hello-after-restart',
      subject: 'TEST-1',
      to: { person: gp.who.aadObjectId },
      message: { summary: 'TEST-1: a message after the restart' },
    });
    await gp.waitForMessage((a) => a.text === 'TEST-1: a message after the restart', 'the message');
    // The outcome is recorded just after Teams accepts the message.
    expect(await world.connector.waitFor(async () => (await world.concord.outbox.outcome('TEST-1', 'hello-after-restart'))?.status, 'the outcome')).toBe(
      'delivered',
    );
  });

  test('someone seen only as a member of a team gets a new 1:1 chat opened for them', async () => {
    const police = world.user('Alex Carter');
    const channel = { id: '19:general@thread.tacv2', conversationType: 'channel', tenantId: police.who.tenantId };
    await police.post({
      type: 'conversationUpdate',
      id: 'cu-1',
      serviceUrl: world.connector.url,
      channelId: 'msteams',
      from: { id: police.userId, aadObjectId: police.who.aadObjectId },
      recipient: { id: '28:concord-test-bot', name: 'Concord' },
      conversation: channel,
      channelData: { tenant: { id: police.who.tenantId }, team: { id: '19:team@thread.tacv2' } },
      membersAdded: [
        { id: '29:someone-else' },
        { id: 'aaaa-29:morgan', aadObjectId: world.directory.data.people.find((p) => p.name === 'Morgan Price')!.aadObjectId },
      ],
    });
    const morgan = world.directory.data.people.find((p) => p.name === 'Morgan Price')!;
    await world.concord.outbox.send({ key: 'hello-morgan', subject: 'TEST-2', to: { person: morgan.aadObjectId }, message: { summary: 'TEST-2: hello' } });
    await world.connector.waitFor(() => world.connector.sentTo('a:1on1-aaaa-29:morgan').length > 0, 'a message in the new 1:1 chat');
    const created = world.connector.calls.find((c) => c.method === 'POST' && c.path === '/v3/conversations');
    expect(created?.body.members[0].id).toBe('aaaa-29:morgan');
  });

  test('a channel is remembered by its own id, not the thread a message arrived in', async () => {
    const jordan = world.user('Jordan Reid').inChannel('19:case-team@thread.tacv2;messageid=1716');
    await jordan.post({
      ...{ type: 'message', text: 'help' },
      id: 'in-thread',
      serviceUrl: world.connector.url,
      channelId: 'msteams',
      from: { id: jordan.userId, aadObjectId: jordan.who.aadObjectId, name: 'Jordan Reid' },
      recipient: { id: '28:concord-test-bot', name: 'Concord' },
      conversation: { id: '19:case-team@thread.tacv2;messageid=1716', conversationType: 'channel', tenantId: jordan.who.tenantId },
      channelData: { tenant: { id: jordan.who.tenantId }, channel: { id: '19:case-team@thread.tacv2' } },
    });
    await world.concord.outbox.send({
      key: 'to-channel',
      subject: 'TEST-4',
      to: { channel: '19:case-team@thread.tacv2' },
      message: { summary: 'TEST-4: to the channel' },
    });
    await world.connector.waitFor(
      () => world.connector.sentTo('19:case-team@thread.tacv2').some((a) => a.text === 'TEST-4: to the channel'),
      'the channel message',
    );
  });

  test('someone Concord has never seen is reported as unreachable to whoever needed them, by name', async () => {
    const chair = world.user('Sam Okafor');
    await chair.install();
    const mark = world.directory.data.people.find((p) => p.name === 'Mark Stone')!;
    await world.concord.outbox.send({
      key: 'to-mark',
      subject: 'TEST-3',
      to: { person: mark.aadObjectId },
      message: { summary: 'TEST-3: invitation' },
      reportTo: [chair.who.aadObjectId],
    });
    const report = await chair.waitForMessage((a) => a.text?.startsWith('TEST-3: Mark Stone could not be reached'), 'the report');
    expect(report.text).toContain('contact them another way');
    expect((await world.concord.outbox.outcome('TEST-3', 'to-mark'))?.status).toBe('unreachable');
    expect(await world.auditActions('TEST-3')).toContain('delivery.unreachable');
  });
});

test('/healthz says 503 when storage stops answering', async () => {
  const other = await World.start();
  await other.concord.sweeper.stop(); // only the health check is under test here
  await other.storage.stop();
  const res = await fetch(`${other.concord.url}/healthz`);
  expect(res.status).toBe(503);
  await other.concord.stop();
  await other.connector.stop();
});

test('the first-line rule every end-to-end test checks at the end catches a message that names a child', async () => {
  const other = await World.start();
  const [nia] = await other.install('Nia Evans');
  await other.concord.outbox.send({
    key: 'bad',
    subject: 'TEST-9',
    to: { person: nia.who.aadObjectId },
    message: { summary: 'Alex Example, 10 weeks: bruising' },
  });
  await nia.waitForMessage((a) => a.text?.startsWith('Alex Example'), 'the bad message');
  expect(other.proactiveFirstLinesThatBreakTheRule()).toEqual(['Alex Example, 10 weeks: bruising']);
  other.connector.calls.length = 0; // so that stopping this world does not fail
  await other.stop();
});

test('when storage fails mid-request the person gets a plain message, never a stack trace, and nothing half-written', async () => {
  // Storage on disk, so that what it holds can be read once it answers again.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'concord-half-written-'));
  const other = await World.start({ storage: await startEmbeddedAzurite({ dataDir }) });
  const [chair] = await other.install('Sam Okafor');
  await other.concord.sweeper.stop();
  await other.storage.stop();
  const asked = Date.now();
  const answer = await chair.invoke('sd.ack', { ref: 'SD-0001', version: 1, answer: 'agree' });
  expect(Date.now() - asked).toBeLessThan(5000); // inside Teams' patience
  expect(answer.http.status).toBe(200);
  expect(answer.message).toBe('Something went wrong and nothing was recorded. Please try again; if it keeps happening tell your partnership administrator.');
  expect(JSON.stringify(answer.http.body)).not.toMatch(/at .*\.ts:\d+|Error:/);
  const replies = await chair.say('record SD-0001'); // a command that must read storage
  // (teams-ai shows "typing" while a turn is slow)
  expect(replies.filter((r) => r.type === 'message').map((r) => r.text)).toEqual([
    'Something went wrong and nothing was recorded. Please try again; if it keeps happening tell your partnership administrator.',
  ]);
  await other.concord.stop();
  await other.connector.stop();
  // Storage answers again: it holds nothing of the failed acknowledgement, not even part of it.
  const again = await startEmbeddedAzurite({ dataDir });
  try {
    const tables = new Tables(again.connectionString);
    const rows = async (table: TableName) => {
      const out: Record<string, unknown>[] = [];
      for await (const row of tables.client(table).listEntities()) out.push(row);
      return out;
    };
    expect((await rows('conversations')).length).toBeGreaterThan(0); // what was written before storage stopped is there
    expect(await rows('discussions')).toEqual([]);
    expect(await rows('deliveries')).toEqual([]);
    expect((await rows('audit')).filter((r) => JSON.stringify(r).includes('SD-0001'))).toEqual([]);
  } finally {
    await again.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
