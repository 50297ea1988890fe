// `npm start`'s embedded storage, as a person running it would meet it: the bot and its Azurite
// child in a process group, killed, interrupted with Ctrl+C, or out of disk.
import { symlinkSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedAzurite } from '../src/store/embeddedAzurite';
import { DiscussionStore } from '../src/store/discussionStore';
import { Tables } from '../src/store/tables';
import * as cards from './harness/cards';
import { ConcordProcess, ensureBuilt, ProcessWorld, removeTempPartnerships, tempPartnership } from './harness/concordProcess';
import { FakeConnector } from './harness/fakeConnector';
import { ackCard, ATTENDEES, CONVENE_ANSWERS, discussionWithOutcome } from './harness/strategyFlow';

jest.setTimeout(90_000);

let connector: FakeConnector;
const running: ConcordProcess[] = [];

beforeAll(() => ensureBuilt());
beforeEach(async () => {
  connector = await new FakeConnector().start();
});
afterEach(async () => {
  for (const p of running.splice(0)) await p.kill();
  await connector.stop();
  removeTempPartnerships();
});

async function start(world: ProcessWorld, env: Record<string, string>): Promise<ConcordProcess> {
  const p = await ConcordProcess.start(env);
  running.push(p);
  world.concord = p;
  return p;
}

async function healthz(p: ConcordProcess): Promise<{ status: number; body: any }> {
  try {
    const res = await fetch(`${p.url}/healthz`, { signal: AbortSignal.timeout(3000) });
    return { status: res.status, body: await res.json() };
  } catch {
    return { status: 0, body: undefined };
  }
}

test('acknowledgements answered "recorded" are all there after the whole process group is killed right after the answers', async () => {
  const { dataDir, directoryFile, directory } = tempPartnership(24);
  const world = new ProcessWorld(directory, connector);
  const concord = await start(world, { DATA_DIR: dataDir, DIRECTORY_FILE: directoryFile });
  const names = [...ATTENDEES, ...Array.from({ length: 24 }, (_, i) => `Attendee ${i + 1}`)];
  const { reference, attendees } = await discussionWithOutcome(world, names);
  const ackCards = await Promise.all(attendees.map((p) => ackCard(world, p, reference)));

  const answers = await Promise.all(attendees.map((p, i) => p.click(ackCards[i], 'I agree')));
  // No delay: the window in which an answered write can be lost is zero (README, "Embedded storage").
  concord.signalGroup('SIGKILL');
  await concord.exited;

  const answeredRecorded = answers.filter((a) => cards.text(a.card).includes('Your answer: I agree')).length;
  expect(answeredRecorded).toBe(30);
  const storage = await startEmbeddedAzurite({ dataDir });
  try {
    const kept = (await new DiscussionStore(new Tables(storage.connectionString)).acknowledgements(reference)).filter((a) => a.version === 1);
    expect(kept).toHaveLength(30);
  } finally {
    await storage.stop();
  }
});

test('Ctrl+C lets the sweeper finish before the storage stops: after a restart no message is sent twice', async () => {
  const { dataDir, directoryFile, directory } = tempPartnership();
  const world = new ProcessWorld(directory, connector);
  const first = await start(world, { DATA_DIR: dataDir, DIRECTORY_FILE: directoryFile });
  const chair = world.user('Sam Okafor');
  await chair.install();
  await world.install(...ATTENDEES);
  connector.delayMs = 300; // Teams is slow today: the invitations are still going out when Ctrl+C comes
  const sentBefore = connector.calls.length;
  const [form] = await chair.say('strategy');
  await chair.click(form.attachments[0].content, 'Convene and send invitations', { ...conveneAnswers(world) });
  await connector.waitFor(() => connector.calls.slice(sentBefore).some((c) => /invit/i.test(c.body?.summary ?? '')), 'the first invitation');

  first.signalGroup('SIGINT'); // what a terminal does on Ctrl+C: the bot and its Azurite child both get it
  expect((await first.exited).code).toBe(0);

  // Started again later than any lease the first run could have left behind.
  connector.delayMs = 0;
  await start(world, {
    DATA_DIR: dataDir,
    DIRECTORY_FILE: directoryFile,
    NODE_OPTIONS: `--require ${path.join(__dirname, 'harness', 'shiftedClock.js')}`,
    CONCORD_TEST_CLOCK_SHIFT_MS: String(5 * 60_000),
  });
  const invited = ATTENDEES.map((n) => world.user(n));
  for (const person of invited) await person.waitForMessage((a) => /invit/i.test(a.summary ?? ''), 'their invitation');
  await new Promise((r) => setTimeout(r, 1500)); // a dozen sweeps: anything left to resend would go now

  const sent = connector.calls.filter((c) => c.method === 'POST' && c.body?.summary !== undefined).map((c) => `${c.conversationId} ${c.body.summary}`);
  const twice = sent.filter((s, i) => sent.indexOf(s) !== i);
  expect(twice).toEqual([]);
});

test('Azurite killed: it is started again on the same data and serving within 5 s, and /healthz says 503 only meanwhile', async () => {
  const { dataDir, directoryFile, directory } = tempPartnership();
  const world = new ProcessWorld(directory, connector);
  const concord = await start(world, { DATA_DIR: dataDir, DIRECTORY_FILE: directoryFile });
  const [chair] = await world.install('Sam Okafor');
  expect((await healthz(concord)).status).toBe(200);
  const storagePid = concord.storagePid();
  expect(storagePid).toBeDefined();

  process.kill(storagePid!, 'SIGKILL');
  const seen: number[] = [];
  await connector.waitFor(
    async () => {
      const { status } = await healthz(concord);
      seen.push(status);
      return status === 200 && seen.includes(503);
    },
    'the storage to be serving again',
    5000,
  );
  expect(concord.storagePid()).not.toBe(storagePid);

  // Serving, with what was there before: Concord still knows how to reach the chair.
  const replies = await chair.say('help');
  expect(cards.text(replies[0].attachments[0].content)).toContain('What you can do with Concord');
});

test('a full disk: answers are refused with a clear message, /healthz says 503, and once there is space again all is well', async () => {
  const { dataDir, directoryFile, directory } = tempPartnership();
  const world = new ProcessWorld(directory, connector);
  const concord = await start(world, { DATA_DIR: dataDir, DIRECTORY_FILE: directoryFile });
  const { reference, attendees } = await discussionWithOutcome(world);
  const ackCards = await Promise.all(attendees.map((p) => ackCard(world, p, reference)));

  // The disk is full: Azurite's next save goes to /dev/full, which answers every write with ENOSPC.
  // (The name is free between two saves; a save under way is let finish.)
  const temp = path.join(dataDir, '__azurite_db_table__.json~');
  await connector.waitFor(() => {
    try {
      symlinkSync('/dev/full', temp);
      return true;
    } catch {
      return false;
    }
  }, 'a moment between two saves');
  const refused = await Promise.all(attendees.slice(0, 5).map((p, i) => p.click(ackCards[i], 'I agree')));
  for (const answer of refused) {
    expect(answer.message).toBe(
      'Concord cannot save anything just now: its storage is full or failing. Nothing was recorded. Please try again later, and tell your partnership administrator.',
    );
  }
  const health = await healthz(concord);
  expect(health.status).toBe(503);
  expect(health.body.status).toMatch(/storage cannot save/);

  unlinkSync(temp); // space again
  await connector.waitFor(async () => (await healthz(concord)).status === 200, '/healthz to say ok again');
  const again = await attendees[0].click(ackCards[0], 'I agree');
  expect(cards.text(again.card)).toContain('Your answer: I agree');

  // What was refused was not kept, what was answered "recorded" was.
  concord.signalGroup('SIGKILL');
  await concord.exited;
  const storage = await startEmbeddedAzurite({ dataDir });
  try {
    const kept = await new DiscussionStore(new Tables(storage.connectionString)).acknowledgements(reference);
    expect(kept.map((a) => a.aadObjectId)).toEqual([attendees[0].who.aadObjectId]);
  } finally {
    await storage.stop();
  }
});

function conveneAnswers(world: ProcessWorld): Record<string, cards.Answer> {
  return { ...CONVENE_ANSWERS, Date: world.clock.now().toISOString().slice(0, 10) }; // the process's clock is the real one
}
