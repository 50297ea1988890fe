import * as cards from './harness/cards';
import { ackCard, discussionWithOutcome, OUTCOME_ANSWERS } from './harness/strategyFlow';
import { World } from './harness/world';

/**
 * Section 47(1) is a duty to enquire where there is reasonable cause to suspect significant harm:
 * "threshold met" with no further action, early help or a section 17 assessment needs a reason,
 * recorded as such and shown to everyone asked to acknowledge.
 */
let world: World;
beforeAll(async () => {
  world = await World.start();
});
afterAll(() => world.stop());

const REASON = 'If the threshold is met but no section 47 enquiry follows: why';
const NFA = { ...OUTCOME_ANSWERS, Decision: 'No further action', 'Action 1': '', 'Action 1 owner': '', 'Action 1 due date': '' };

test('threshold met with "no further action" and no reason is refused, naming the duty; with the reason it is recorded and flagged to every attendee', async () => {
  const { reference, chair, attendees } = await discussionWithOutcome(world);
  const form = await chair.invoke('sd.outcome.open', { ref: reference });
  const refused = await chair.click(form.card, 'Save the amendment and ask everyone again', {
    ...NFA,
    'Reason for the amendment': 'New information from the GP.',
  });
  expect(cards.text(refused.card)).toContain('section 47(1) is a duty to enquire. Give the reason no section 47 enquiry follows');

  const recorded = await chair.click(form.card, 'Save the amendment and ask everyone again', {
    ...NFA,
    'Reason for the amendment': 'New information from the GP.',
    [REASON]: 'The injury is explained by a diagnosed bone condition, confirmed by the paediatric consultant.',
  });
  expect(cards.text(recorded.card)).toContain('acknowledgements of the outcome');
  for (const person of attendees) {
    const card = await ackCard(world, person, reference, 2);
    expect(cards.text(card)).toContain('No s47 enquiry although the threshold is met, because');
    expect(cards.text(card)).toContain('explained by a diagnosed bone condition');
  }
  const [exported] = await attendees[0].say(`export ${reference}`);
  expect(exported.text).toContain('**No section 47 enquiry although the threshold is met**, because: The injury is explained');
});

test('the threshold is asked, recorded and exported in the words of s47(1): "reasonable cause to suspect" significant harm', async () => {
  const { reference, chair, attendees } = await discussionWithOutcome(world);
  const outcomeForm = await chair.invoke('sd.outcome.open', { ref: reference });
  const threshold = cards.input(outcomeForm.card, 'Reasonable cause to suspect significant harm (s47 threshold)');
  expect(threshold.choices.map((c: { title: string }) => c.title)).toEqual([
    'Met: reasonable cause to suspect the child is suffering significant harm',
    'Met: reasonable cause to suspect the child is likely to suffer significant harm',
    'Not met: no reasonable cause to suspect significant harm',
  ]);
  const said = cards.text((await ackCard(world, attendees[0], reference)) as object);
  expect(said).toContain('Threshold Met: reasonable cause to suspect the child is likely to suffer significant harm');
  const [record] = await chair.say(`record ${reference}`);
  expect(cards.text(record.attachments[0].content)).toContain('Threshold: Met: reasonable cause to suspect the child is likely to suffer significant harm');
  const [exported] = await chair.say(`export ${reference}`);
  expect(exported.text).toContain('Threshold: Met: reasonable cause to suspect the child is likely to suffer significant harm');
  const invitation = await attendees[0].waitForMessage(
    (a) => a.summary?.startsWith(`${reference}: `) && cards.text(a.attachments?.[0]?.content ?? {}).includes('Please bring'),
    'the invitation',
  );
  expect(cards.text(invitation.attachments[0].content)).toContain('whether there is reasonable cause to suspect significant harm');
});
