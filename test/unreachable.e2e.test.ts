import { World } from './harness/world';

/** Whoever needed someone Concord cannot reach is told how else to reach them, once per case. */
let world: World;
beforeAll(async () => {
  world = await World.start();
});
afterAll(() => world.stop());

test('the chair is told once per case that Mark Stone cannot be reached, with his email, however many messages failed', async () => {
  const chair = world.user('Sam Okafor');
  await chair.install();
  const mark = world.directory.data.people.find((p) => p.name === 'Mark Stone')!;
  for (const version of [1, 2]) {
    await world.concord.outbox.send({
      key: `TEST-7|ack|v${version}|mark`,
      subject: 'TEST-7',
      to: { person: mark.aadObjectId },
      message: { summary: `TEST-7: version ${version}` },
      reportTo: [chair.who.aadObjectId],
    });
    await world.connector.waitFor(
      async () => (await world.concord.outbox.outcome('TEST-7', `TEST-7|ack|v${version}|mark`))?.status === 'unreachable',
      `version ${version} unreachable`,
    );
  }
  await world.runDueWork();
  const reports = chair.messages().filter((a) => String(a.text).startsWith('TEST-7: Mark Stone could not be reached'));
  expect(reports).toHaveLength(1);
  expect(reports[0].text).toContain(mark.email);
});
