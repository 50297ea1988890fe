import { odata } from '@azure/data-tables';
import { JobStore } from '../src/scheduler/jobStore';
import { jobState } from './harness/jobState';
import { ATTENDEES, CHAIR, discussionWithOutcome } from './harness/strategyFlow';
import { HOUR, World } from './harness/world';

/** Nothing due is left in the queue and Teams has answered every send, twice in a row. */
async function settled(world: World, timeoutMs: number): Promise<void> {
  const jobs = world.concord.tables.client('jobs');
  let quiet = 0;
  await world.connector.waitFor(
    async () => {
      const upper = `due|${world.clock.now().toISOString()}|~`;
      let due = 0;
      for (let s = 0; s < 4; s++) {
        for await (const _ of jobs.listEntities({
          queryOptions: { filter: odata`PartitionKey eq ${`jobs-${s}`} and RowKey ge 'due|' and RowKey le ${upper}`, select: ['RowKey'] },
        }))
          due++;
      }
      quiet = due === 0 && world.connector.inFlight === 0 ? quiet + 1 : 0;
      if (quiet < 2) await new Promise((r) => setTimeout(r, 250));
      return quiet >= 2;
    },
    'every due job to run',
    timeoutMs,
  );
}

/** How many times each conversation received each first line, from the `since`th connector call on. */
function received(world: World, since: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of world.connector.calls.slice(since)) {
    if (c.method !== 'POST' || c.body?.type !== 'message' || c.body.summary === undefined) continue;
    const key = `${c.conversationId} ${String(c.body.summary).split('\n')[0]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('several instances of the service on one storage', () => {
  let world: World;
  afterAll(async () => world?.stop(), 60_000);

  test('two instances, Teams answering in 10 s, 25 hours later: every overdue notice exactly once', async () => {
    // A lease shorter than one send: only a lease renewed while the job runs keeps the other instance off it.
    world = await World.start({ at: '2026-11-23T10:00:00Z', env: { JOB_LEASE_MS: '4000' } });
    await world.startAnotherInstance();
    await world.install('Tom Hughes', 'Morgan Price', 'Priya Shah', 'Ben Ford', 'Grace Mills', 'Dee Walsh');
    const { reference, card } = await discussionWithOutcome(world);
    await world.user(CHAIR).click(card, 'The discussion has ended');
    await settled(world, 20_000);

    // Both instances were down for 25 hours (a Monday 10:00 discussion, now Tuesday 11:00); Teams is slow.
    const before = world.connector.calls.length;
    world.connector.delayMs = 10_000;
    world.clock.set(new Date(world.clock.now().getTime() + 25 * HOUR));
    world.clock.startTicking();
    const finished = await settled(world, 60_000).then(
      () => true,
      () => false,
    );

    const expected = new Map<string, number>();
    const expect_ = (name: string, line: string, times = 1) => expected.set(`${world.user(name).chatId} ${reference}: ${line}`, times);
    for (const a of ATTENDEES) {
      expect_(a, 'reminder, the outcome still needs your acknowledgement', 2); // after 2 hours, and at the start of the next working day
      const manager = world.directory.manager(world.directory.person(world.user(a).who.aadObjectId)!);
      expect_(
        manager?.name ?? CHAIR,
        `${a} has not acknowledged the outcome of a strategy discussion chaired by ${CHAIR}, sent Monday 23 November 2026 at 10:00. Please make sure they answer today.`,
      );
    }
    expect_('Dee Walsh', 'reminder, the minutes are due by 10:00 on Tuesday 24 November', 2);
    for (const who of [CHAIR, 'Priya Shah']) {
      expect_(who, 'the minutes were due 24 hours after the discussion ended and have not been circulated by Dee Walsh. The record will show them as late.');
    }
    expect([...expected.values()].reduce((a, b) => a + b)).toBe(22);
    expect(received(world, before)).toEqual(expected);
    expect(finished).toBe(true);
  }, 90_000);

  test('a delivery taken over from an instance that died after sending it is not sent again', async () => {
    for (const c of [world.concord, ...world.others]) await c.sweeper.stop();
    world.connector.delayMs = 0;
    const nia = world.user('Nia Evans');
    await world.concord.outbox.send({
      key: 'sent-by-a-dying-instance',
      subject: 'TEST-1',
      to: { person: nia.who.aadObjectId },
      message: { summary: 'TEST-1: once only' },
    });
    // An instance claims the delivery, sends it, and dies before marking the job done.
    const dying = new JobStore(world.concord.tables);
    const due = (await dying.due(world.clock.now())).find((j) => j.id === 'deliver|sent-by-a-dying-instance')!;
    await world.concord.outbox.run((await dying.claim(due, world.clock.now(), 4000, 'dying-instance'))!);
    expect(nia.messages().filter((a) => a.summary === 'TEST-1: once only')).toHaveLength(1);

    world.clock.advance(5000); // its lease runs out: the survivor takes the job over
    await world.runDueWork();
    expect(await jobState(world.concord.tables, 'deliver|sent-by-a-dying-instance')).toBe('done');
    expect(nia.messages().filter((a) => a.summary === 'TEST-1: once only')).toHaveLength(1);
  });
});
