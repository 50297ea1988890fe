import { World } from './harness/world';

let world: World;
beforeAll(async () => {
  world = await World.start();
});
afterAll(async () => world?.stop());

test('Teams answering 429 with Retry-After: 2, then 200: the message arrives once, after the wait', async () => {
  const [nurse] = await world.install('Nia Evans');
  world.connector.failNext({ status: 429, headers: { 'Retry-After': '2' } });
  const asked = Date.now();
  await world.concord.outbox.send({
    key: 'throttled',
    subject: 'TEST-429',
    to: { person: nurse.who.aadObjectId },
    message: { summary: 'TEST-429: please look' },
  });
  await nurse.waitForMessage((a) => a.text === 'TEST-429: please look', 'the throttled message');
  const failed = world.connector.calls.filter((c) => c.method === 'FAILED POST');
  const delivered = world.connector.calls.filter((c) => c.method === 'POST' && c.body?.text === 'TEST-429: please look');
  expect(failed).toHaveLength(1);
  expect(delivered).toHaveLength(1);
  expect(delivered[0].at - failed[0].at).toBeGreaterThanOrEqual(1900);
  expect(Date.now() - asked).toBeLessThan(8000);
  const outcome = await world.connector.waitFor(async () => (await world.concord.outbox.outcome('TEST-429', 'throttled'))?.status, 'the outcome');
  expect(outcome).toBe('delivered');
});

test('Teams failing for good: the delivery is recorded as failed and whoever needed it is told', async () => {
  const [police, chair] = await world.install('Alex Carter', 'Sam Okafor');
  // Teams asks to come back at once; it never recovers.
  world.connector.failAlways({ status: 503, headers: { 'Retry-After': '0' } }, police.chatId);
  await world.concord.outbox.send({
    key: 'never-arrives',
    subject: 'TEST-503',
    to: { person: police.who.aadObjectId },
    message: { summary: 'TEST-503: invitation' },
    reportTo: [chair.who.aadObjectId],
  });
  for (let i = 0; i < 10 && !(await world.concord.outbox.outcome('TEST-503', 'never-arrives')); i++) {
    await world.runDueWork();
    world.clock.advance(15 * 60_000); // past the longest backoff
  }
  world.connector.recover();
  expect(await world.concord.outbox.outcome('TEST-503', 'never-arrives')).toMatchObject({ status: 'failed' });
  // Eight tries by the queue, each with the connector client's own quick retries.
  expect(world.connector.calls.filter((c) => c.method === 'FAILED POST' && c.conversationId === police.chatId).length).toBeGreaterThanOrEqual(8);
  await world.runDueWork();
  const report = await chair.waitForMessage((a) => a.text?.startsWith('TEST-503: Alex Carter could not be reached'), 'the report');
  expect(report.text).toMatch(/did not accept the message after several tries/);
  expect((await world.concord.jobs.parked()).map((j) => j.id)).toContain('deliver|never-arrives');
});
