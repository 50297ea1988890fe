/**
 * The admin reports with a long history: 10,000 strategy discussions (their minutes ended over 12
 * months, two in three circulated) and 2,000 professional differences on record. Timed over HTTP,
 * one at a time, in interleaved rounds beside GET /healthz: `minutes report 2026-11`,
 * `differences` and `record SD-…`; and the size of each reply. Run with `npm run bench:reports`;
 * BENCH_DISCUSSIONS and BENCH_DIFFERENCES change the history.
 */
import { loadavg } from 'node:os';
import { benchDiscussion } from './benchDiscussion';
import { checkContent, startClock } from '../src/domain/minutes';
import { DiscussionStore } from '../src/store/discussionStore';
import { DifferenceStore } from '../src/store/differenceStore';
import { MinutesStore } from '../src/store/minutesStore';
import { encodeKey } from '../src/store/tables';
import { FiguresStore } from '../src/partnership/figuresStore';
import { World } from '../test/harness/world';
import { percentile, timed, inBatches } from './measure';

const DISCUSSIONS = Number(process.env.BENCH_DISCUSSIONS ?? 10_000);
const DIFFERENCES = Number(process.env.BENCH_DIFFERENCES ?? 2_000);
const ROUNDS = 5;

async function main(): Promise<void> {
  process.env.CONCORD_QUIET = '1';
  const world = await World.start({ at: '2026-11-23T10:00:00Z' });
  try {
    const id = (name: string) => world.directory.data.people.find((p) => p.name === name)!.aadObjectId;
    const tables = world.concord.tables;
    const discussions = new DiscussionStore(tables);
    const minutes = new MinutesStore(tables);
    const differences = new DifferenceStore(tables);
    const content = checkContent({ agencyInformation: 'a', analysis: 'b', decision: 's47-joint', rationale: 'c', actions: '', familyTold: 'd', link: '' });
    // Spread over the 12 months to November 2026.
    const at = (i: number) => new Date(Date.UTC(2025, 11 + (i % 12), 1 + (i % 27), 10));
    const reference = (i: number) => `SD-${String(i + 1).padStart(5, '0')}`;
    const seeded = await timed(() =>
      inBatches(DISCUSSIONS, 32, async (i) => {
        const d = benchDiscussion(world.directory, reference(i), at(i));
        await discussions.create(d);
        const m = startClock(d, at(i), 24);
        await minutes.create(m);
        if (i % 3 === 0) return;
        const circulatedAt = new Date(at(i).getTime() + (i % 2 ? 20 : 30) * 3_600_000);
        await minutes.addVersion(
          d.reference,
          { version: 1, content, circulatedAt: circulatedAt.toISOString(), circulatedBy: id('Dee Walsh'), recipients: d.invitees.map((x) => x.aadObjectId) },
          { lateByMinutes: i % 2 ? undefined : 360 },
        );
      }),
    );

    // One difference raised as a person would, then the same again under new references.
    const [nia, alison, sam] = await world.install('Nia Evans', 'Alison Bright', 'Sam Okafor', 'Jordan Reid');
    const [form] = await nia.say('escalate');
    await nia.click(form.attachments[0].content, 'Raise the difference', {
      'Case reference (not the child’s name)': 'SD-00142',
      'The decision or action in question': 'No section 47 enquiry',
      'Your reasons and the evidence': 'Every agency but social care understood a s47 enquiry would start.',
      'The outcome you are seeking': 'A section 47 enquiry',
      'Responding practitioner': 'Jordan Reid',
      'Immediate risk': false,
    });
    const pd = (await differences.get('PD-0001'))!;
    await inBatches(DIFFERENCES - 1, 32, (i) => differences.create({ ...pd, reference: `PD-${String(i + 2).padStart(4, '0')}`, caseReference: reference(i) }));

    const figures = new FiguresStore(tables);
    const refs = Array.from({ length: DISCUSSIONS }, (_, i) => encodeKey(reference(i)));
    await inBatches(refs.length / 100, 4, (b) => figures.markPending(refs.slice(b * 100, b * 100 + 100)));
    const projected = await timed(() => world.concord.figures.catchUp());
    console.log(
      `${DISCUSSIONS} discussions with their minutes written in ${(seeded / 1000).toFixed(0)} s, ${DIFFERENCES} differences; counted by the projector in ${(projected / 1000).toFixed(0)} s`,
    );
    const firstLog = await timed(() => alison.say('differences'));
    console.log(`the first "differences": ${(firstLog / 1000).toFixed(1)} s`);

    const sizes = new Map<string, number>();
    const say = (who: typeof alison, text: string) => async () => {
      const replies = (await who.say(text)).filter((a) => a.type === 'message');
      sizes.set(text, Math.max(...replies.map((r) => Buffer.byteLength(JSON.stringify(r)))));
    };
    const healthz: number[] = [];
    const report: number[] = [];
    const log: number[] = [];
    const record: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      healthz.push(await timed(() => fetch(`${world.concord.url}/healthz`).then((r) => r.text())));
      report.push(await timed(say(alison, 'minutes report 2026-11')));
      log.push(await timed(say(alison, 'differences')));
      record.push(await timed(say(sam, `record ${reference(round * 7)}`)));
    }
    const load = loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
    const row = (name: string, xs: number[], text?: string) =>
      `| ${name} | ${percentile(xs, 50).toFixed(0)} ms (${(percentile(xs, 50) / percentile(healthz, 50)).toFixed(1)}×) | ${percentile(xs, 95).toFixed(0)} ms | ${text ? `${((sizes.get(text) ?? 0) / 1024).toFixed(1)} KB` : ''} |`;
    console.log(`| ${DISCUSSIONS} discussions, ${DIFFERENCES} differences, ${ROUNDS} rounds (load average ${load}) | p50 (× healthz) | p95 | largest reply |`);
    console.log('|---|---|---|---|');
    console.log(row('`GET /healthz` (baseline)', healthz));
    console.log(row('`minutes report 2026-11`', report, 'minutes report 2026-11'));
    console.log(row('`differences`', log, 'differences'));
    console.log(row('`record SD-…`', record, `record ${reference((ROUNDS - 1) * 7)}`));
  } finally {
    await world.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
