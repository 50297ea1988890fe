import * as cards from './harness/cards';
import { TeamsUser } from './harness/teams';
import { World } from './harness/world';
import { ackCard, discussionWithOutcome } from './harness/strategyFlow';
import { FRONT_DOOR, installInFrontDoorTeam } from './harness/frontDoor';
import { refer } from './harness/referral';

/** What `mine` lists for this person: one line a piece of work, "REF-0001: decide the referral". */
async function mine(person: TeamsUser): Promise<{ lines: string[]; card: any }> {
  const [reply] = await person.say('mine');
  const card = reply.attachments[0].content;
  return {
    card,
    lines: cards
      .text(card)
      .split('\n')
      .filter((l) => /^(SD|PD|REF|SI)-\d+: /.test(l)),
  };
}

describe('"mine": what is waiting for each person', () => {
  let world: World;
  beforeAll(async () => {
    world = await World.start({ at: '2026-11-23T10:00:00Z' }); // Monday
  });
  afterAll(async () => world?.stop());

  test('the Front Door, a chair, attendees and a manager each see exactly their outstanding work, with deadlines, and each opens its record', async () => {
    // A referral to decide.
    const [nia, kim, tom] = await world.install('Nia Evans', 'Kim Lee', 'Tom Hughes');
    await installInFrontDoorTeam(world, kim);
    const { reference: ref } = await refer(world, nia);

    // A discussion whose outcome awaits acknowledgement; Alex has acknowledged it.
    const sd = await discussionWithOutcome(world);
    const [jordan, alex] = sd.attendees;
    await alex.click(await ackCard(world, alex, sd.reference), 'I agree');

    // A difference escalated to the line managers (stage 2): Tom Hughes for Nia, Sam Okafor for Jordan.
    const [form] = await nia.say('escalate');
    const raised = await nia.click(form.attachments[0].content, 'Raise the difference', {
      'Case reference (not the child’s name)': sd.reference,
      'The decision or action in question': 'The threshold decision',
      'Your reasons and the evidence': 'The injuries were unexplained.',
      'The outcome you are seeking': 'A section 47 enquiry',
      'Responding practitioner': 'Jordan Reid',
      'Immediate risk': false,
    });
    const pd = /^(PD-\d{4})/.exec(cards.text(raised.card))![1];
    const stage1 = await jordan.waitForMessage((a) => a.attachments?.[0]?.content?.actions?.some((x: any) => x.verb === 'pd.escalate'), 'the stage 1 card');
    await jordan.click(stage1.attachments[0].content, 'Escalate to stage 2');

    expect((await mine(kim)).lines).toEqual([`${ref}: decide the referral`]);
    expect(cards.text((await mine(kim)).card)).toContain('Due by 17:00 on Tuesday 24 November');
    expect((await mine(tom)).lines).toEqual([`${pd}: stage 2: resolve or escalate`]);
    expect((await mine(sd.chair)).lines).toEqual([
      `${pd}: stage 2: resolve or escalate`,
      `${sd.reference}: say the discussion has ended, to start the minutes clock`,
    ]);
    expect((await mine(jordan)).lines).toEqual([
      `${sd.reference}: acknowledge the outcome (version 1)`,
      `${sd.reference}: agreed action: Joint home visit and interview with both parents`,
    ]);
    expect((await mine(nia)).lines).toEqual([`${sd.reference}: acknowledge the outcome (version 1)`]);
    const alexList = await mine(alex);
    expect(alexList.lines).toEqual([]);
    expect(cards.text(alexList.card)).toContain('Nothing is waiting for you now.');

    // Each item opens its record in the same chat; the list stays.
    const opened = await tom.click((await mine(tom)).card, `Open ${pd}`);
    expect(opened.message).toBe(`${pd}: its record is below.`);
    const record = await tom.waitForMessage((a) => cards.text(a.attachments?.[0]?.content ?? {}).includes('Stage 2 of 4'), 'the record of the difference');
    expect(cards.text(record.attachments[0].content)).toContain(pd);

    // Decided, the referral leaves the Front Door's list and joins the chairs' until one convenes it.
    const triage = await world.connector.waitFor(
      () => world.connector.sentTo(FRONT_DOOR).find((a) => a.summary?.startsWith(`${ref}: new referral`)),
      'the triage card',
    );
    await kim.inChannel(FRONT_DOOR).click(triage.attachments[0].content, 'Record the decision', {
      Decision: 'Strategy discussion',
      'Rationale (the referrer is told)': 'Possible significant harm.',
    });
    expect((await mine(kim)).lines).toEqual([]);
    expect((await mine(sd.chair)).lines).toEqual([
      `${ref}: convene the strategy discussion`,
      `${pd}: stage 2: resolve or escalate`,
      `${sd.reference}: say the discussion has ended, to start the minutes clock`,
    ]);
  });

  test('a serious incident is on every partnership admin’s list until the Panel is notified, then until the rapid review is done', async () => {
    const [jordan, alison] = await world.install('Jordan Reid', 'Alison Bright');
    const before = (await mine(alison)).lines;
    const [form] = await jordan.say('serious incident');
    const step1 = await jordan.click(form.attachments[0].content, 'Next', {
      'Case reference (not the child’s name)': 'SD-0142',
      'The child has been seriously harmed': true,
      'Date of the incident': '2026-11-22',
      'Abuse or neglect is known or suspected': true,
    });
    const review = await jordan.click(step1.card, 'Review', {
      'Summary of events': 'A 10-week-old baby admitted with inflicted head injuries.',
      'Agencies involved': 'Hospital, police, social care, health visiting',
    });
    const si = /(SI-\d{4})/.exec((await jordan.click(review.card, 'Submit and alert the partnership')).message)![1];
    const listed = await mine(alison);
    expect(listed.lines).toEqual([...before, `${si}: notify the National Panel`]);
    expect(cards.text(listed.card)).toContain('Due by 17:00 on Monday 30 November');
    expect((await mine(jordan)).lines).not.toContain(`${si}: notify the National Panel`); // the reporter has nothing to do in it
    const opened = await alison.click(listed.card, `Open ${si}`);
    expect(opened.message).toBe(`${si}: its record is below.`);
    const record = await alison.waitForMessage((a) => cards.text(a.attachments?.[0]?.content ?? {}).startsWith(si), 'the incident');
    await alison.click(record.attachments[0].content, 'Record the National Panel notification', { Date: '2026-11-23' });
    expect((await mine(alison)).lines).toEqual([...before, `${si}: complete the rapid review`]);
  });

  test('every notice about a case carries a button that opens its record; someone not involved is refused and audited', async () => {
    const sd = await discussionWithOutcome(world, ['Jordan Reid', 'Alex Carter']);
    const alex = sd.attendees[1];
    const ack = await ackCard(world, alex, sd.reference);
    expect(cards.buttonTitles(ack)).toContain(`Open ${sd.reference}`);
    const opened = await alex.click(ack, `Open ${sd.reference}`);
    expect(opened.message).toBe(`${sd.reference}: its record is below.`);
    await alex.waitForMessage(
      (a) => a.attachments?.[0]?.content && cards.text(a.attachments[0].content).includes(`${sd.reference}`) && a !== undefined,
      'the record',
    );

    const [mark] = await world.install('Mark Stone');
    const refused = await mark.invoke('record', { ref: sd.reference });
    expect(refused.message).toContain('not involved');
    expect(await world.auditActions('access')).toContain('refused.not-involved');
  });
});
