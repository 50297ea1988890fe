import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import * as cards from './harness/cards';
import { discussionWithOutcome } from './harness/strategyFlow';
import { HOUR, World } from './harness/world';

/**
 * The partnership's reports cost what their period holds, not the whole history: the storage
 * calls made inside the report's turn are read from its trace.
 */
const spans = new InMemorySpanExporter();
beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }));
});
afterAll(() => {
  trace.disable();
  context.disable();
});

const MINUTES: Record<string, cards.Answer> = {
  'Information shared by each agency': 'Police: partner arrested eight months before the birth. Hospital: bruising seen on admission.',
  'Analysis of risk and needs, in words': 'A non-mobile baby with unexplained bruising; a carer with a history of violence.',
};

/** The tables read or written inside the last turn that carried this message text's span. */
function tablesTouchedByLastMessageTurn(): string[] {
  const all = spans.getFinishedSpans();
  const turn = all.filter((s) => s.name === 'turn message').at(-1)!;
  const byId = new Map(all.map((s) => [s.spanContext().spanId, s]));
  const inTurn = (s: ReadableSpan): boolean => {
    for (let p = s.parentSpanContext?.spanId; p; p = byId.get(p)?.parentSpanContext?.spanId) if (byId.get(p) === turn) return true;
    return false;
  };
  return all.filter((s) => s.name.startsWith('storage ') && inTurn(s)).map((s) => String(s.attributes['concord.table']));
}

async function circulatedDiscussion(world: World, afterHours: number): Promise<void> {
  const sd = await discussionWithOutcome(world);
  await sd.chair.click(sd.card, 'The discussion has ended: start the minutes clock');
  const dee = world.user('Dee Walsh');
  const draft = await dee.waitForMessage((a) => a.summary?.startsWith(`${sd.reference}: please write the minutes`), 'the drafting card');
  world.clock.advance(afterHours * HOUR);
  await dee.click(draft.attachments[0].content, 'Circulate the minutes', MINUTES);
}

test('minutes report YYYY-MM counts that month from its own rows: no discussion or minutes is read, whatever the history', async () => {
  const world = await World.start({ at: '2026-10-29T10:00:00Z' });
  try {
    await world.install('Dee Walsh', 'Alison Bright');
    await circulatedDiscussion(world, 30); // ended in October, circulated late
    world.clock.set(new Date('2026-11-23T10:00:00Z'));
    await circulatedDiscussion(world, 2);
    // Counted as the projector counts every event a moment later (the report counts whatever is still pending itself).
    await world.concord.figures.catchUp();
    spans.reset();
    const [report] = await world.user('Alison Bright').say('minutes report 2026-11');
    expect(report.text).toBe(
      [
        'Minutes in November 2026: 1 discussions ended, 1 with minutes circulated.',
        '- Circulated within 24 hours: 1 of 1 (100%)',
        '- Median time to circulation: 2 hours',
        '- Confirmed by every recipient: 0 of 1 (0%)',
      ].join('\n'),
    );
    const touched = tablesTouchedByLastMessageTurn();
    expect(touched).not.toContain('discussions');
    const [october] = await world.user('Alison Bright').say('minutes report 2026-10');
    expect(october.text).toContain('- Circulated within 24 hours: 0 of 1 (0%)');
  } finally {
    await world.stop();
  }
});
