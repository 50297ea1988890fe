/**
 * 50 attendees acknowledging the same outcome at the same moment, over HTTP, against Azurite:
 * p50 and p95 of the card action's answer, beside GET /healthz (one storage round trip) on the
 * same server as the baseline. Run with `npm run bench:ack`.
 */
import { readFileSync } from 'node:fs';
import { checkDirectory } from '../src/directoryFile';
import { Directory } from '../src/domain/directory';
import { ackCard, discussionWithOutcome } from '../test/harness/strategyFlow';
import { World } from '../test/harness/world';
import { PENDING_PARTITION } from '../src/store/auditChain';

const ATTENDEES = 50;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function main(): Promise<void> {
  process.env.CONCORD_QUIET = '1';
  const data = JSON.parse(readFileSync('config/partnership.sample.json', 'utf8'));
  for (let i = 1; i <= ATTENDEES; i++) {
    data.people.push({
      aadObjectId: `eeeeeeee-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `Attendee ${i}`,
      email: `a${i}@westmoor.example`,
      agency: 'wm-hospital',
      jobTitle: 'Nurse',
      roles: [],
    });
  }
  const world = await World.start({ directory: new Directory(checkDirectory(data)) });
  try {
    const names = Array.from({ length: ATTENDEES }, (_, i) => `Attendee ${i + 1}`);
    const { reference, attendees } = await discussionWithOutcome(world, [
      'Jordan Reid',
      'Alex Carter',
      'Nia Evans',
      'Helen Grant',
      'Lucy Park',
      'Chris Dunn',
      ...names,
    ]);
    const crowd = attendees.slice(6);
    const cards = await Promise.all(crowd.map((p) => ackCard(world, p, reference)));

    const single: number[] = [];
    for (let i = 0; i < 5; i++) single.push(await timed(() => crowd[i].invoke('sd.ack.view', { ref: reference, version: 1 })));
    console.log(`one at a time, viewing the card: ${single.map((x) => x.toFixed(0)).join(', ')} ms`);
    const baseline = await Promise.all(crowd.map(() => timed(() => fetch(`${world.concord.url}/healthz`).then((r) => r.text()))));
    const answers = await Promise.all(crowd.map((p, i) => timed(() => p.click(cards[i], 'I agree'))));
    const recorded = (await world.concord.audit.trail(reference)).filter((e) => e.action === 'acknowledged').length;
    // The window in which the burst's audit events are not yet in the hash chain.
    const sealedAfter = await timed(async () => {
      while (await hasPendingAuditEvents(world)) await new Promise((r) => setTimeout(r, 20));
    });

    console.log(`${ATTENDEES} concurrent requests each; ${recorded} acknowledgements recorded`);
    console.log(`GET /healthz (baseline):   p50 ${percentile(baseline, 50).toFixed(0)} ms, p95 ${percentile(baseline, 95).toFixed(0)} ms`);
    console.log(`acknowledge (card action): p50 ${percentile(answers, 50).toFixed(0)} ms, p95 ${percentile(answers, 95).toFixed(0)} ms`);
    console.log(`every audit event sealed into its chain ${sealedAfter.toFixed(0)} ms after the last answer`);
  } finally {
    await world.stop();
  }
}

async function hasPendingAuditEvents(world: World): Promise<boolean> {
  const pending = world.concord.tables.client('audit').listEntities({ queryOptions: { filter: `PartitionKey eq '${PENDING_PARTITION}'` } });
  for await (const _ of pending) return true;
  return false;
}

void main();
