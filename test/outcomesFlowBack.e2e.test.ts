import * as cards from './harness/cards';
import { TeamsUser } from './harness/teams';
import { ackCard, discussionWithOutcome } from './harness/strategyFlow';
import { World } from './harness/world';

const text = cards.text;

/** The latest card this person was sent for the difference at this stage, with its buttons. */
async function stageCard(person: TeamsUser, reference: string, stage: number): Promise<any> {
  const msg = await person.waitForMessage(
    (a) => a.summary?.startsWith(reference) && a.attachments?.[0]?.content?.actions?.some((x: any) => x.data?.stage === stage && x.verb === 'pd.propose'),
    `${person.who.name}'s card for stage ${stage}`,
  );
  return msg.attachments[0].content;
}

describe('outcomes flow back: a difference’s resolution reaches the discussion it came from', () => {
  let world: World;
  beforeAll(async () => {
    world = await World.start({ at: '2026-11-23T10:00:00Z' }); // Monday
  });
  afterAll(async () => world?.stop());

  test('resolved at stage 2: the record of its origin shows the resolution, its managers can open it, and the chair is asked to amend', async () => {
    const { reference: sd, chair, attendees } = await discussionWithOutcome(world);
    const nia = attendees[2];
    const [tom, priya] = await world.install('Tom Hughes', 'Priya Shah'); // the stage-2 managers: Nia's and the chair's
    await nia.click(await ackCard(world, nia, sd), 'My understanding is different', {
      'Your note, or what you understood the outcome to be': 'A s47 by social care alone, starting today.',
    });
    const form = await nia.click((await nia.invoke('sd.ack.view', { ref: sd, version: 1 })).card, 'Raise a professional difference');
    const raised = await nia.click(form.card, 'Raise the difference', { 'The outcome you are seeking': 'A section 47 enquiry today.' });
    const pd = /^(PD-\d{4})/.exec(text(raised.card))![1];

    // Not yet at any stage of it: Tom cannot read the discussion.
    expect((await tom.say(`record ${sd}`))[0].text).toBe(`You are not involved in ${sd}, so Concord cannot show or change it.`);

    world.clock.set('2026-11-25T17:00:00Z'); // stage 1's deadline: up to the managers
    await world.runDueWork();
    const tomCard = await stageCard(tom, pd, 2);
    const origin = text((await tom.say(`record ${sd}`))[0].attachments[0].content);
    expect(origin).toContain(`${sd}: the record`);
    expect(origin).toContain('Status: Disputed');
    expect(await world.auditActions(sd)).toContain('record.viewed');

    const resolution = 'Children’s social care starts a section 47 enquiry today; the police join the home visit.';
    await tom.click(tomCard, 'Propose a resolution', { 'Your proposal, question or information': resolution });
    const priyaCard = (await priya.waitForMessage((a) => a.summary === `${pd}: a resolution is proposed; the other side is asked to accept it`, 'the proposal'))
      .attachments[0].content;
    await priya.click(priyaCard, 'Accept this resolution');

    // The chair is asked to amend, on a card that opens the amendment.
    const asked = await chair.waitForMessage(
      (a) => a.summary?.startsWith(`${sd}: professional difference ${pd}, raised from this discussion, is resolved`),
      'the prompt',
    );
    expect(text(asked.attachments[0].content)).toContain(`“${resolution}”`);
    // The record no longer reads as if nothing happened.
    const record = text((await chair.say(`record ${sd}`))[0].attachments[0].content);
    expect(record).toContain(`Status: Disputed, then ${pd} resolved Wednesday 25 November 2026 at 17:00: the chair is asked to amend the outcome`);
    expect(record).toContain(`${pd}, raised from this outcome, was resolved on Wednesday 25 November 2026 at 17:00: “${resolution}”. Version 1 predates it`);
    expect(await world.auditActions(sd)).toContain('difference.resolution-recorded');
    const [exported] = await chair.say(`export ${sd}`);
    expect(exported.text).toContain(`${pd}, resolved Wednesday 25 November 2026 at 17:00 (outcome version 1 then): "${resolution}"`);

    // Amending through the prompt: a new version everyone acknowledges again, and the record says so.
    const amend = await chair.click(asked.attachments[0].content, 'Amend the outcome');
    await chair.click(amend.card, 'Save the amendment and ask everyone again', {
      Decision: 'Section 47 enquiry by children’s social care',
      'Reason for the amendment': `As resolved in ${pd}.`,
    });
    await ackCard(world, attendees[0], sd, 2);
    const amended = text((await tom.say(`record ${sd}`))[0].attachments[0].content);
    expect(amended).toContain('Status: Awaiting acknowledgement');
    expect(amended).toContain(
      `${pd}, raised from this outcome, was resolved on Wednesday 25 November 2026 at 17:00: “${resolution}”. The outcome was amended since (now version 2).`,
    );
  });

  test('minutes drafted after a disputed amendment call the outcome disputed, not acknowledged', async () => {
    world.clock.set('2026-11-23T10:00:00Z');
    const { reference, chair, attendees, card } = await discussionWithOutcome(world);
    const [jordan, alex] = attendees;
    const dee = (await world.install('Dee Walsh'))[0];
    await jordan.click(await ackCard(world, jordan, reference), 'I agree');
    const form = await chair.click(card, 'Amend the outcome');
    const tally = await chair.click(form.card, 'Save the amendment and ask everyone again', {
      Decision: 'Section 47 enquiry by children’s social care',
      'Reason for the amendment': 'Police will not take part in the enquiry.',
    });
    await alex.click(await ackCard(world, alex, reference, 2), 'My understanding is different', {
      'Your note, or what you understood the outcome to be': 'A joint enquiry with the police.',
    });
    await chair.click(tally.card, 'The discussion has ended');
    const draft = await dee.waitForMessage((a) => a.summary?.startsWith(`${reference}: please write the minutes`), 'the drafting card');
    expect(text(draft.attachments[0].content)).toContain('Disputed outcome (version 2): Section 47 enquiry by children’s social care');
    expect(text(draft.attachments[0].content)).not.toContain('Acknowledged outcome');
  });
});
