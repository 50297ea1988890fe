/**
 * The Partnership tab's figures with 10,000 cases on record: the time of GET /api/partnership/figures
 * for 12 months (and its CSV), beside GET /healthz on the same server in the same run, and how
 * long the projector takes to count every case from scratch. Run with `npm run bench:dashboard`;
 * BENCH_CASES=N changes the number of cases.
 */
import { benchDiscussion } from './benchDiscussion';
import { DiscussionStore } from '../src/store/discussionStore';
import { ReferralStore } from '../src/store/referralStore';
import { encodeKey } from '../src/store/tables';
import { FiguresStore } from '../src/partnership/figuresStore';
import { TestEntra } from '../test/harness/tabTokens';
import { World } from '../test/harness/world';
import { percentile, timed, inBatches } from './measure';

const CASES = Number(process.env.BENCH_CASES ?? 10_000);

async function main(): Promise<void> {
  process.env.CONCORD_QUIET = '1';
  const entra = await TestEntra.start();
  const world = await World.start({ at: '2026-11-23T10:00:00Z', env: entra.env });
  try {
    const id = (name: string) => world.directory.data.people.find((p) => p.name === name)!.aadObjectId;
    const referrals = new ReferralStore(world.concord.tables);
    const discussions = new DiscussionStore(world.concord.tables);
    // Half referrals, half strategy discussions, spread over the 12 months to November 2026.
    const at = (i: number) => new Date(Date.UTC(2025, 11 + (i % 12), 1 + (i % 27), 10)).toISOString();
    const seeded = await timed(() =>
      inBatches(CASES, 32, async (i) => {
        if (i % 2 === 0) {
          const reference = `REF-${String(i + 1).padStart(5, '0')}`;
          await referrals.createReferral({
            reference,
            referrer: id('Nia Evans'),
            answers: {},
            urgent: i % 10 === 0,
            submittedAt: at(i),
            decideBy: new Date(Date.parse(at(i)) + 30 * 3_600_000).toISOString(),
            decision: i % 4 === 0 ? { outcome: 'assessment', rationale: 'Bench', by: id('Kim Lee'), at: at(i) } : undefined,
          });
          return;
        }
        await discussions.create(benchDiscussion(world.directory, `SD-${String(i + 1).padStart(5, '0')}`, new Date(at(i))));
      }),
    );
    const figures = new FiguresStore(world.concord.tables);
    const refs = Array.from({ length: CASES }, (_, i) => encodeKey(`${i % 2 === 0 ? 'REF' : 'SD'}-${String(i + 1).padStart(5, '0')}`));
    await inBatches(refs.length / 100, 4, (b) => figures.markPending(refs.slice(b * 100, b * 100 + 100)));
    const projected = await timed(() => world.concord.figures.projectPending());
    console.log(`${CASES} cases written in ${(seeded / 1000).toFixed(1)} s; counted from scratch by the projector in ${(projected / 1000).toFixed(1)} s`);

    const token = await entra.tokenFor(world.directory, 'Alison Bright');
    const headers = { Authorization: `Bearer ${token}` };
    const url = world.concord.url;
    const check = await (await fetch(`${url}/api/partnership/figures?from=2025-12&to=2026-11`, { headers })).json();
    const received = check.sections[0].figures[0].period.value;
    console.log(`referrals received over the 12 months, as the page shows it: ${received}`);
    const runs = 30;
    const sample = async (path: string, h: Record<string, string> = {}) => {
      const out: number[] = [];
      for (let i = 0; i < runs; i++) out.push(await timed(() => fetch(`${url}${path}`, { headers: h }).then((r) => r.text())));
      return out;
    };
    // Interleaved rounds, so that the baseline and the figures see the same machine load.
    const healthz: number[] = [],
      json: number[] = [],
      csv: number[] = [];
    for (let round = 0; round < 3; round++) {
      healthz.push(...(await sample('/healthz')));
      json.push(...(await sample('/api/partnership/figures?from=2025-12&to=2026-11', headers)));
      csv.push(...(await sample('/api/partnership/figures.csv?from=2025-12&to=2026-11', headers)));
    }
    const line = (name: string, xs: number[]) =>
      `${name.padEnd(40)} p50 ${percentile(xs, 50).toFixed(0).padStart(4)} ms (${(percentile(xs, 50) / percentile(healthz, 50)).toFixed(1)}× healthz), p95 ${percentile(xs, 95).toFixed(0).padStart(4)} ms (${(percentile(xs, 95) / percentile(healthz, 95)).toFixed(1)}× healthz)`;
    console.log(line('GET /healthz (baseline)', healthz));
    console.log(line('GET /api/partnership/figures (12 months)', json));
    console.log(line('GET /api/partnership/figures.csv', csv));
  } finally {
    await world.stop();
    await entra.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
