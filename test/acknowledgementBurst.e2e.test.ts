import { readFileSync } from 'node:fs';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { checkDirectory } from '../src/directoryFile';
import { Directory } from '../src/domain/directory';
import { text } from './harness/cards';
import { ackCard, ATTENDEES, discussionWithOutcome } from './harness/strategyFlow';
import { World } from './harness/world';

/**
 * Forty attendees answering at once: every answer and its audit event recorded, each person told
 * their own, in fewer storage round trips than the three an answer took on its own (the answer,
 * its audit event and the event's pending marker). Counted from the turns' traces.
 */
const spans = new InMemorySpanExporter();
const CROWD = Array.from({ length: 40 }, (_, i) => `Attendee ${i + 1}`);
let world: World;

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }));
  const data = JSON.parse(readFileSync('config/partnership.sample.json', 'utf8')) as { people: object[] };
  CROWD.forEach((name, i) =>
    data.people.push({
      aadObjectId: `eeeeeeee-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      name,
      email: `a${i + 1}@westmoor.example`,
      agency: 'wm-hospital',
      jobTitle: 'Nurse',
      roles: [],
    }),
  );
  world = await World.start({ directory: new Directory(checkDirectory(data)) });
});
afterAll(async () => {
  await world.stop();
  trace.disable();
  context.disable();
});

/** The storage writes (answers, audit events, markers) made inside acknowledgement turns. */
function writesInAcknowledgements(): number {
  const all = spans.getFinishedSpans();
  const byId = new Map(all.map((s) => [s.spanContext().spanId, s]));
  const inAnswer = (s: ReadableSpan): boolean => {
    for (let p = s.parentSpanContext?.spanId; p; p = byId.get(p)?.parentSpanContext?.spanId) {
      const parent = byId.get(p);
      if (parent?.name === 'turn invoke' && parent.attributes['concord.verb'] === 'sd.ack') return true;
    }
    return false;
  };
  return all.filter((s) => (s.name === 'storage POST discussions' || s.name === 'storage POST audit') && inAnswer(s)).length;
}

test('forty attendees answering at once are each recorded once, with their audit events, in fewer than three writes an answer', async () => {
  const { reference, attendees } = await discussionWithOutcome(world, [...ATTENDEES, ...CROWD]);
  await world.runDueWork();
  const crowd = attendees.slice(ATTENDEES.length);
  const cards = await Promise.all(crowd.map((p) => ackCard(world, p, reference)));
  spans.reset();
  // Everyone at once, and one of them clicking twice.
  const answers = await Promise.all([...crowd.map((p, i) => p.click(cards[i], 'I agree')), crowd[5].click(cards[5], 'I agree')]);
  for (const a of answers) expect(text(a.card)).toContain('Your answer: I agree');

  expect(writesInAcknowledgements()).toBeLessThan(3 * crowd.length);
  const acknowledged = (await world.concord.audit.trail(reference)).filter((e) => e.action === 'acknowledged');
  expect(acknowledged.map((e) => e.actorAadObjectId).sort()).toEqual(crowd.map((p) => p.who.aadObjectId).sort());
  await world.install('Alison Bright');
  const [verified] = await world.user('Alison Bright').say('verify audit');
  expect(String(verified.text)).toMatch(/^The audit trail verifies: all \d+ events/);
});
