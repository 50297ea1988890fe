import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ackCard, ATTENDEES, discussionWithOutcome } from './harness/strategyFlow';
import { World } from './harness/world';
import { SHARDS } from '../src/scheduler/jobStore';

/**
 * Telling every attendee costs the chair's click a few storage round trips, whatever the number
 * of attendees: the storage calls made inside the turn are counted from its trace.
 */
const spans = new InMemorySpanExporter();
let world: World;

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }));
  world = await World.start();
});
afterAll(async () => {
  await world.stop();
  trace.disable();
  context.disable();
});

/** The job-table writes made inside the turn of a card action with this verb. */
function jobWritesIn(verb: string): number {
  return storageCallsIn(verb, 'storage POST jobs');
}

/** The storage calls of this name made inside the turn of a card action with this verb. */
function storageCallsIn(verb: string, name: string): number {
  const all = spans.getFinishedSpans();
  const turn = all.find((s) => s.name === 'turn invoke' && s.attributes['concord.verb'] === verb)!;
  expect(turn).toBeDefined();
  const byId = new Map(all.map((s) => [s.spanContext().spanId, s]));
  // A job the sweeper runs meanwhile may share the trace: only what the turn itself waited for counts.
  const inTurn = (s: ReadableSpan): boolean => {
    for (let p = s.parentSpanContext?.spanId; p; p = byId.get(p)?.parentSpanContext?.spanId) {
      const parent = byId.get(p);
      if (parent === turn) return true;
      if (parent?.name.startsWith('job ')) return false;
    }
    return false;
  };
  return all.filter((s) => s.name === name && inTurn(s)).length;
}

test('recording the outcome schedules every attendee’s card and chasers in a few round trips, not one or more per attendee', async () => {
  spans.reset();
  const { reference, attendees } = await discussionWithOutcome(world);
  // Each attendee: three chasers and the card; then the action's two, and the chair's tally.
  const jobs = ATTENDEES.length * 4 + 2 + 1;
  expect(jobs).toBeGreaterThan(4 * SHARDS);
  expect(jobWritesIn('sd.outcome.save')).toBeLessThanOrEqual(2 * SHARDS);
  // Every attendee still gets their card.
  await world.runDueWork();
  for (const person of attendees) await ackCard(world, person, reference);
});

test('convening sends the invitations in a few round trips', async () => {
  spans.reset();
  await discussionWithOutcome(world);
  // The invitations, and the discussion's own chase should its time pass with no outcome recorded (one job).
  expect(jobWritesIn('sd.convene')).toBeLessThanOrEqual(SHARDS + 1);
});

test('the cards of a fan-out name each person’s Teams id without reading it again for everyone told', async () => {
  spans.reset();
  await discussionWithOutcome(world);
  // Every attendee has used Concord through this instance (installed it): their ids are known.
  expect(storageCallsIn('sd.outcome.save', 'storage GET conversations')).toBeLessThanOrEqual(1);
});
