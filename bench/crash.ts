/**
 * What `npm start`'s embedded storage keeps after a crash: 30 attendees acknowledge at once, each
 * answered "recorded"; then, after a delay, the whole process group (Concord and its Azurite
 * child) is killed with SIGKILL, as a power cut or the OOM killer would. The storage is opened
 * again and the acknowledgements counted. Also the burst's answer times, the cost of durability.
 * Run with `npm run bench:crash` (BENCH_DELAYS=0,1000 to choose the delays, in ms).
 */
import { startEmbeddedAzurite } from '../src/store/embeddedAzurite';
import { DiscussionStore } from '../src/store/discussionStore';
import { Tables } from '../src/store/tables';
import * as cards from '../test/harness/cards';
import { ConcordProcess, ProcessWorld, removeTempPartnerships, tempPartnership } from '../test/harness/concordProcess';
import { FakeConnector } from '../test/harness/fakeConnector';
import { attendeeNames } from '../test/harness/attendees';
import { ackCard, ATTENDEES, discussionWithOutcome } from '../test/harness/strategyFlow';
import { percentile } from './measure';

const EXTRA = 24; // with the sample's 6 attendees: 30 acknowledging

async function once(delayMs: number): Promise<string> {
  const { dataDir, directoryFile, directory } = tempPartnership(EXTRA);
  const connector = await new FakeConnector().start();
  const world = new ProcessWorld(directory, connector);
  const concord = await ConcordProcess.start({ DATA_DIR: dataDir, DIRECTORY_FILE: directoryFile, SWEEP_INTERVAL_MS: '100' });
  world.concord = concord;
  try {
    const names = [...ATTENDEES, ...attendeeNames(EXTRA)];
    const { reference, attendees } = await discussionWithOutcome(world, names);
    const ackCards = await Promise.all(attendees.map((p) => ackCard(world, p, reference)));
    const started = Date.now();
    const times: number[] = [];
    const answers = await Promise.all(
      attendees.map(async (p, i) => {
        const t = Date.now();
        const a = await p.click(ackCards[i], 'I agree');
        times.push(Date.now() - t);
        return a;
      }),
    );
    const burstMs = Date.now() - started;
    await new Promise((r) => setTimeout(r, delayMs));
    concord.signalGroup('SIGKILL');
    await concord.exited;
    const recorded = answers.filter((a) => cards.text(a.card).includes('Your answer: I agree')).length;
    const storage = await startEmbeddedAzurite({ dataDir });
    const store = new DiscussionStore(new Tables(storage.connectionString));
    // Before writes were durable, a crash could lose the tables themselves.
    const kept = await store.acknowledgements(reference).then(
      (acks) => acks.length,
      () => 0,
    );
    const outcome = (await store.get(reference).catch(() => undefined)) ? 'kept' : 'lost';
    await storage.stop();
    return `| ${delayMs} ms | ${recorded} | ${kept} | ${outcome} | ${burstMs} ms | ${percentile(times, 50)} ms | ${percentile(times, 95)} ms |`;
  } finally {
    await concord.kill();
    await connector.stop();
    removeTempPartnerships();
  }
}

async function main(): Promise<void> {
  process.env.CONCORD_QUIET = '1';
  const delays = (process.env.BENCH_DELAYS ?? '0,250,1000,3000,6000').split(',').map(Number);
  console.log('| killed after the last answer | answered "recorded" | kept | outcome | burst of 30 | p50 | p95 |');
  console.log('|---|---|---|---|---|---|---|');
  for (const d of delays) console.log(await once(d));
}

void main();
