import * as cards from './harness/cards';
import { World } from './harness/world';
import { LADDERS, partnershipWithLadder } from './harness/ladders';
import { ladderOf } from '../src/domain/professionalDifference';
import { WorkingCalendar } from '../src/domain/calendar';

const text = cards.text;

/** A partnership's own ladder, over the wire: every stage's deadline moves the difference up, to the partnership. */
describe.each(Object.entries(LADDERS).filter(([, stages]) => stages))('a partnership with %s', (_name, stages) => {
  test('the escalation path runs stage by stage to the partnership, each stage named and numbered from the file', async () => {
    const directory = partnershipWithLadder(stages);
    const ladder = ladderOf(directory);
    const world = await World.start({ at: '2026-11-23T10:00:00Z', directory });
    try {
      const [nia, jordan, alison] = await world.install('Nia Evans', 'Jordan Reid', 'Alison Bright');
      const [form] = await nia.say('escalate');
      const raised = await nia.click(form.attachments[0].content, 'Raise the difference', {
        'Case reference (not the child’s name)': 'SD-0142',
        'The decision or action in question': 'No section 47 enquiry',
        'Your reasons and the evidence': 'Bruising on a non-mobile baby.',
        'The outcome you are seeking': 'A section 47 enquiry',
        'Responding practitioner': 'Jordan Reid',
      });
      const reference = /^(PD-\d{4})/.exec(text(raised.card))![1];
      expect(text(raised.card)).toContain(`Stage 1 of ${ladder.length}: ${ladder[0].name}`);
      // Each stage starts when the one before is due: at the end of its last working day.
      const calendar = new WorkingCalendar('Europe/London');
      let due = new Date('2026-11-23T10:00:00Z');
      for (const spec of ladder.slice(1)) {
        due = calendar.endOfWorkingDayAfter(due, ladder[spec.stage - 2].workingDays);
        world.clock.set(due);
        await world.runDueWork();
        const moved = await jordan.waitForMessage(
          (a) => a.summary?.startsWith(`${reference}: now at stage ${spec.stage} (escalated automatically`),
          `the move to stage ${spec.stage}`,
        );
        expect(text(moved.attachments[0].content)).toContain(`Stage ${spec.stage} of ${ladder.length}: ${spec.name}`);
      }
      const final = await alison.waitForMessage((a) => a.summary?.startsWith(`${reference}: now at stage ${ladder.length}`), 'the partnership’s stage');
      expect(cards.buttonTitles(final.attachments[0].content)).toContain('Record the final outcome');
    } finally {
      await world.stop();
    }
  });
});
