/**
 * Attendees acknowledging the same outcome at the same moment, over HTTP, against Azurite, with
 * the load sent from a separate process (bench/load.ts). In the same run, bursts of the same size
 * against the floors under an answer: a bare HTTP request (restify answering 404, no handler), a
 * teams-ai card verb doing nothing, and a teams-ai card verb making one durable write (`floor:`,
 * the least a recorded answer can cost), then the acknowledgement. Printed: the median over the
 * rounds of each burst's p50 and p95, as ratios to the bare request and (the answer) to the floor,
 * and the bot's CPU per request (this process: the bot, with the fake Bot Connector; Azurite is a
 * child process). Run with `npm run bench:ack`; BENCH_ROUNDS=N (default 3).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { Tables } from '../src/store/tables';
import type { WorkflowRoutes } from '../src/teams/app';
import { ATTENDEES as SIX, discussionWithOutcome } from '../test/harness/strategyFlow';
import { TeamsUser } from '../test/harness/teams';
import { World } from '../test/harness/world';
import { attendeeNames, directoryWithAttendees } from '../test/harness/attendees';
import { percentile } from './measure';

const CONCURRENCY = [50, 100];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const KINDS = ['bare HTTP (404)', 'teams-ai verb, nothing', 'floor: teams-ai verb, one durable write', 'acknowledge'] as const;
type Kind = (typeof KINDS)[number];

const median = (xs: number[]) => percentile(xs, 50);

const CARD = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Done' }] } as const;
let tables: Tables | undefined;

/** The reference verbs, registered after Concord's own: through the same gate as every card action. */
const referenceVerbs: WorkflowRoutes = {
  registerCommands: () => undefined,
  registerActions: (app: Application<TurnState>) => {
    app.adaptiveCards.actionExecute('bench.nothing', async () => CARD);
    app.adaptiveCards.actionExecute('bench.write', async () => {
      await tables!.client('deliveries').createEntity({ partitionKey: 'bench', rowKey: randomUUID(), at: new Date().toISOString() });
      return CARD;
    });
  },
};

async function main(): Promise<void> {
  process.env.CONCORD_QUIET = '1';
  const most = Math.max(...CONCURRENCY);
  const world = await World.start({ directory: directoryWithAttendees(most), extraRoutes: [referenceVerbs] });
  tables = world.concord.tables;
  const load = spawn(process.execPath, [path.join(__dirname, 'load.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const answers = createInterface({ input: load.stdout })[Symbol.asyncIterator]();
  try {
    const names = attendeeNames(most);
    // One discussion per round and size, so that every answer in a burst is a first answer.
    const discussions: { reference: string; crowd: TeamsUser[] }[] = [];
    for (let i = 0; i < ROUNDS * CONCURRENCY.length; i++) {
      const { reference, attendees } = await discussionWithOutcome(world, [...SIX, ...names]);
      discussions.push({ reference, crowd: attendees.slice(SIX.length) });
    }
    await settle(world);

    const results = new Map<string, { p50: number[]; p95: number[]; cpu: number[] }>();
    const url = world.concord.url;
    let next = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const n of CONCURRENCY) {
        const { reference, crowd } = discussions[next++];
        const people = crowd.slice(0, n);
        const bodies: Record<Kind, { url: string; body?: string }[]> = {
          'bare HTTP (404)': people.map(() => ({ url: `${url}/bench-nothing-here` })),
          'teams-ai verb, nothing': people.map((p) => ({ url: `${url}/api/messages`, body: JSON.stringify(p.cardActionActivity('bench.nothing', {})) })),
          'floor: teams-ai verb, one durable write': people.map((p) => ({
            url: `${url}/api/messages`,
            body: JSON.stringify(p.cardActionActivity('bench.write', {})),
          })),
          acknowledge: people.map((p) => ({
            url: `${url}/api/messages`,
            body: JSON.stringify(p.cardActionActivity('sd.ack', { ref: reference, version: 1, answer: 'agree' })),
          })),
        };
        for (const kind of KINDS) {
          // BENCH_PROFILE=file: a CPU profile of the bot's process during the acknowledgement bursts only.
          const profiling = process.env.BENCH_PROFILE && kind === 'acknowledge' ? await startProfile() : undefined;
          const cpu = process.cpuUsage();
          load.stdin.write(`${JSON.stringify(bodies[kind])}\n`);
          const burst = JSON.parse((await answers.next()).value as string) as { ms: number; status: number }[];
          const used = process.cpuUsage(cpu);
          if (profiling) await stopProfile(profiling, `${process.env.BENCH_PROFILE}-${n}-${round}.cpuprofile`);
          const expected = kind === 'bare HTTP (404)' ? 404 : 200;
          if (burst.some((b) => b.status !== expected)) throw new Error(`${kind}: answered ${burst.map((b) => b.status).join(' ')}`);
          const r = results.get(`${n}|${kind}`) ?? { p50: [], p95: [], cpu: [] };
          r.p50.push(
            percentile(
              burst.map((b) => b.ms),
              50,
            ),
          );
          r.p95.push(
            percentile(
              burst.map((b) => b.ms),
              95,
            ),
          );
          r.cpu.push((used.user + used.system) / 1000 / n);
          results.set(`${n}|${kind}`, r);
          await settle(world);
        }
        const recorded = (await world.concord.audit.trail(reference)).filter((e) => e.action === 'acknowledged').length;
        if (recorded !== n) throw new Error(`${recorded} of ${n} answers recorded`);
      }
    }

    const load1 = loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
    console.log(`| bench:ack, median of ${ROUNDS} rounds (load average ${load1}) | concurrent | p50 | p95 | p95 × bare | p95 × floor | bot CPU per request |`);
    console.log('|---|---|---|---|---|---|---|');
    for (const n of CONCURRENCY) {
      const bare = median(results.get(`${n}|bare HTTP (404)`)!.p95);
      const floor = median(results.get(`${n}|floor: teams-ai verb, one durable write`)!.p95);
      for (const kind of KINDS) {
        const r = results.get(`${n}|${kind}`)!;
        const p95 = median(r.p95);
        console.log(
          `| ${kind} | ${n} | ${median(r.p50).toFixed(0)} ms | ${p95.toFixed(0)} ms | ${(p95 / bare).toFixed(2)} | ${(p95 / floor).toFixed(2)} | ${median(r.cpu).toFixed(2)} ms |`,
        );
      }
    }
    for (const n of CONCURRENCY) {
      const floor = results.get(`${n}|floor: teams-ai verb, one durable write`)!;
      const ack = results.get(`${n}|acknowledge`)!;
      console.log(
        `floor: ${n} concurrent, one durable write p95 ${median(floor.p95).toFixed(0)} ms; acknowledge p95 ${median(ack.p95).toFixed(0)} ms = ${(median(ack.p95) / median(floor.p95)).toFixed(2)}× the floor; CPU ${median(ack.cpu).toFixed(2)} ms per answer`,
      );
    }
  } finally {
    load.stdin.end();
    await world.stop();
  }
}

async function startProfile(): Promise<Session> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return session;
}

async function stopProfile(session: Session, file: string): Promise<void> {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  session.disconnect();
}

/** Until nothing is being sent and the sweeps have caught up: a burst measures itself, not the last one's aftermath. */
async function settle(world: World): Promise<void> {
  let calls = -1;
  while (world.connector.calls.length !== calls || world.connector.inFlight > 0) {
    calls = world.connector.calls.length;
    await new Promise((r) => setTimeout(r, 1500));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
