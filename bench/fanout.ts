/**
 * Sixty attendees reached with a slow Teams: two instances of Concord on one storage, the fake
 * Bot Connector answering every send after 150 ms. Each round the chair records an outcome for
 * 60 attendees; printed: the chair's click, the time from the click to the 60th card answered by
 * the connector, and duplicates (a conversation receiving the same card twice). Run with
 * `npm run bench:fanout`; BENCH_ROUNDS=N (default 5) changes the rounds.
 */
import { loadavg } from 'node:os';
import { ATTENDEES as SIX, discussionWithOutcome } from '../test/harness/strategyFlow';
import { World } from '../test/harness/world';
import { attendeeNames, directoryWithAttendees } from '../test/harness/attendees';
import { percentile } from './measure';

const ATTENDEES = 60;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTOR_MS = 150;

async function main(): Promise<void> {
  process.env.CONCORD_QUIET = '1';
  const world = await World.start({ directory: directoryWithAttendees(ATTENDEES - SIX.length) });
  try {
    await world.startAnotherInstance();
    const names = [...SIX, ...attendeeNames(ATTENDEES - SIX.length)];
    const clicks: number[] = [];
    const attendanceClicks: number[] = [];
    const reached: number[] = [];
    let duplicates = 0;
    for (let round = 0; round < ROUNDS; round++) {
      world.connector.delayMs = 0;
      const before = world.connector.calls.length;
      world.connector.delayMs = CONNECTOR_MS;
      const { reference, recordedInMs, recordedAt, attendanceInMs } = await discussionWithOutcome(world, names, undefined, undefined, {
        invitationsDelivered: true,
      });
      clicks.push(recordedInMs);
      attendanceClicks.push(attendanceInMs);
      const isCard = (c: (typeof world.connector.calls)[number]) =>
        c.method === 'POST' &&
        (c.body?.attachments?.[0]?.content?.actions ?? []).some(
          (a: { verb?: string; data?: { ref?: string } }) => a.verb === 'sd.ack' && a.data?.ref === reference,
        );
      const cards = await world.connector.waitFor(
        () => {
          const sent = world.connector.calls.slice(before).filter(isCard);
          return new Set(sent.map((c) => c.conversationId)).size >= ATTENDEES && world.connector.inFlight === 0 && sent;
        },
        `${ATTENDEES} cards`,
        60_000,
      );
      const last = Math.max(...cards.map((c) => c.at)) + CONNECTOR_MS;
      reached.push(last - recordedAt);
      duplicates += cards.length - new Set(cards.map((c) => c.conversationId)).size;
    }
    const load = loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
    console.log(`| bench:fanout, ${ATTENDEES} attendees, connector ${CONNECTOR_MS} ms, 2 instances, ${ROUNDS} rounds (load average ${load}) | p50 | p95 |`);
    console.log('|---|---|---|');
    console.log(
      `| "Save attendance": the chair's click (every invitation updated) | ${percentile(attendanceClicks, 50).toFixed(0)} ms | ${percentile(attendanceClicks, 95).toFixed(0)} ms |`,
    );
    console.log(`| "Record the outcome": the chair's click | ${percentile(clicks, 50).toFixed(0)} ms | ${percentile(clicks, 95).toFixed(0)} ms |`);
    console.log(
      `| from the click to the ${ATTENDEES}th card answered by Teams | ${percentile(reached, 50).toFixed(0)} ms | ${percentile(reached, 95).toFixed(0)} ms |`,
    );
    console.log(`| cards sent twice to the same person | ${duplicates} in ${ROUNDS * ATTENDEES} | |`);
  } finally {
    await world.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
