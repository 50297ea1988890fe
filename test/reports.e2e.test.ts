import { context, trace } from '@opentelemetry/api';
import { raiseDifference } from './harness/differenceFlow';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import * as cards from './harness/cards';
import { discussionWithOutcome } from './harness/strategyFlow';
import { HOUR, World } from './harness/world';
import { UploadSite } from './harness/uploadSite';
import { DifferenceStore } from '../src/store/differenceStore';

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
  await sd.chair.click(sd.card, 'The discussion has ended');
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
    // Every message sent and every event counted, as a moment later (the report counts whatever is still pending itself).
    await world.runDueWork();
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

describe('the log of professional differences with 800 on record', () => {
  const KB80 = 80 * 1024;
  const size = (activity: unknown) => Buffer.byteLength(JSON.stringify(activity));

  test('differences is a summary and a page, with buttons through the rest; differences csv is a file; no message over 80 KB', async () => {
    const world = await World.start({ at: '2026-11-23T10:00:00Z' });
    const site = await new UploadSite().start();
    try {
      const [nia, alison] = await world.install('Nia Evans', 'Alison Bright', 'Jordan Reid');
      const { reference: first } = await raiseDifference(nia);
      // Seeded straight into storage, as years of differences would be: the same difference again under new references.
      const store = new DifferenceStore(world.concord.tables);
      const pd = (await store.get(first))!;
      const SEEDED = 800;
      for (let i = 2; i <= SEEDED + 1; i += 50) {
        await Promise.all(
          Array.from({ length: Math.min(50, SEEDED + 2 - i) }, (_, k) =>
            store.create({ ...pd, reference: `PD-${String(i + k).padStart(4, '0')}`, caseReference: `SD-${1000 + i + k}` }),
          ),
        );
      }

      const [list] = (await alison.say('differences')).filter((a) => a.type === 'message');
      expect(size(list)).toBeLessThan(KB80);
      const page1 = cards.text(list.attachments[0].content);
      expect(page1).toContain(`Professional differences: ${SEEDED + 1} raised, ${SEEDED + 1} open, 0 resolved, 0 closed.`);
      expect(page1).toContain('Newest first: page 1 of 33.');
      expect(page1).toContain(`- PD-0801 (SD-1801)`);
      expect(page1).not.toContain(`- PD-0776 (`);
      const page2 = await alison.click(list.attachments[0].content, 'Older');
      expect(size(page2.card)).toBeLessThan(KB80);
      expect(cards.text(page2.card)).toContain('Newest first: page 2 of 33.');
      expect(cards.text(page2.card)).toContain(`- PD-0776 (SD-1776)`);
      const back = await alison.click(page2.card, 'Newer');
      expect(cards.text(back.card)).toContain('Newest first: page 1 of 33.');

      const replies = (await alison.say('differences csv')).filter((a) => a.type === 'message');
      for (const r of replies) expect(size(r)).toBeLessThan(KB80);
      expect(replies[0].text).toBe(`The log of ${SEEDED + 1} professional differences, one line each, is offered below as a .csv file.`);
      const consent = replies.flatMap((r) => r.attachments ?? []).find((a) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent');
      await alison.answerFileConsent(consent, 'accept', site.uploadInfo(consent.name));
      const csv = site.uploads.find((u) => u.name === consent.name)!.bytes.toString('utf8');
      expect(csv.split('\n')).toHaveLength(SEEDED + 2);
      expect(csv.split('\n')[1]).toMatch(new RegExp(`^${first},SD-0142,`));

      // Someone else clicking the page button is refused, and the refusal audited.
      const jordan = world.user('Jordan Reid');
      const refused = await jordan.invoke('pd.log', { page: 2 });
      expect(refused.message).toBe('Only partnership administrators can see the log of professional differences.');
      expect((await world.concord.audit.trail('access')).some((e) => e.action === 'refused.not-admin' && e.actorAadObjectId === jordan.who.aadObjectId)).toBe(
        true,
      );
    } finally {
      await site.stop();
      await world.stop();
    }
  }, 90_000);
});
