/**
 * One child, one thread (issue 18): cases about the same child are linked, by hand or by the NHS
 * number, the Front Door sees what Concord already knew, and every record shows its thread.
 */
import { answerTo } from './harness/replies';
import * as cards from './harness/cards';
import { TeamsUser } from './harness/teams';
import { World } from './harness/world';
import { FRONT_DOOR, installInFrontDoorTeam } from './harness/frontDoor';
import { ackCard, CONVENE_ANSWERS, discussionWithOutcome } from './harness/strategyFlow';
import { refer, referralAbout } from './harness/referral';

// Each test drives a referral, a discussion and more through the wire: slow on a loaded 2-core machine.
jest.setTimeout(60_000);
const text = cards.text;
const DAY = 86_400_000;

describe('one child, one thread', () => {
  let world: World;
  let nia: TeamsUser;
  let kim: TeamsUser;
  beforeEach(async () => {
    world = await World.start({ at: '2026-10-12T10:00:00Z' });
    [nia, kim] = await world.install('Nia Evans', 'Kim Lee', 'Sam Okafor');
    await installInFrontDoorTeam(world, kim);
  });
  afterEach(async () => world?.stop());

  test('an NHS number whose check digit is wrong is refused on the referral form, saying so', async () => {
    const first = await answerTo(nia, 'refer');
    const step1 = await nia.click(first.attachments[0].content, 'No');
    const [child] = referralAbout({ 'NHS number, if known': '943 476 5918' });
    const again = await nia.click(step1.card, 'Next', child);
    expect(text(again.card).split('\n')[0]).toBe('Referral: step 1 of 6');
    expect(again.said).toContain('NHS number, if known: this is not a valid NHS number (its check digit does not match)');
    const fixed = await nia.click(again.card, 'Next', referralAbout()[0]);
    expect(text(fixed.card).split('\n')[0]).toBe('Referral: step 2 of 6');
  });

  test('a referral with an NHS number an earlier case had shows the Front Door the earlier cases; a chair links a discussion by hand; every record shows its thread', async () => {
    const first = await refer(world, nia);
    expect(text(first.triage)).not.toContain('Known to Concord');
    const frontDoor = kim.inChannel(FRONT_DOOR);
    await frontDoor.click(first.triage, 'Record the decision', {
      Decision: 'Strategy discussion',
      'Rationale (the referrer is told)': 'Possible significant harm.',
    });
    const sd = await discussionWithOutcome(world);

    // Only the Front Door or a chair links, and only cases they are part of: both refusals audited.
    expect((await answerTo(nia, `link ${first.reference} ${sd.reference}`)).text).toBe('Only the Front Door or a chair can link two cases.');
    expect((await answerTo(kim, `link ${first.reference} ${sd.reference}`)).text).toContain(`You are not involved in ${sd.reference}`);
    expect(await world.auditActions('access')).toEqual(expect.arrayContaining(['refused.not-front-door', 'refused.not-involved']));

    const linked = await answerTo(sd.chair, `link ${first.reference} ${sd.reference.toLowerCase()}`);
    expect(linked.text).toBe(
      `${first.reference} and ${sd.reference} are now linked as cases of the same child. The thread: ${first.reference}, ${sd.reference}.`,
    );
    expect(await world.auditActions(sd.reference)).toContain('thread.linked');
    expect(await world.auditActions(first.reference)).toContain('thread.linked');

    // A month later the same child is referred again, with the same NHS number written another way.
    world.clock.advance(40 * DAY);
    const second = await refer(world, nia, referralAbout({ 'NHS number, if known': '9434765919' }));
    expect(text(second.triage)).toContain(`known: ${first.reference} (October 2026), ${sd.reference}`);
    expect(await world.auditActions(second.reference)).toEqual(['referral.submitted', 'thread.linked']);
    expect((await world.concord.audit.trail(first.reference)).map((e) => e.detail)).toContain(`linked to ${second.reference} by the same NHS number`);
    // The referrer does not see what else Concord holds about the child.
    const own = await answerTo(nia, `record ${second.reference}`);
    expect(text(own.attachments[0].content)).not.toContain('Known to Concord');

    const record = await answerTo(sd.chair, `record ${sd.reference}`);
    expect(text(record.attachments[0].content)).toContain(`Linked cases (the same child): ${first.reference}, ${second.reference}`);
    const referral = await answerTo(kim, `record ${first.reference}`);
    expect(text(referral.attachments[0].content)).toContain(`Linked cases (the same child): ${second.reference}, ${sd.reference}`);

    // Only a keyed fingerprint of the number is stored for matching, never the number.
    for await (const row of world.concord.tables.client('governance').listEntities()) expect(JSON.stringify(row)).not.toMatch(/943 ?476 ?5919/);
  });

  test('a strategy discussion convened from a referral is on the referral’s thread', async () => {
    await world.install('Jordan Reid', 'Alex Carter', 'Helen Grant', 'Lucy Park', 'Chris Dunn', 'Dee Walsh');
    const sam = world.user('Sam Okafor');
    const referral = await refer(world, nia);
    await kim.inChannel(FRONT_DOOR).click(referral.triage, 'Record the decision', {
      Decision: 'Strategy discussion',
      'Rationale (the referrer is told)': 'Possible significant harm.',
    });
    const offer = await sam.waitForMessage(
      (a) => a.summary?.startsWith(`${referral.reference}: the Front Door decided on a strategy discussion`),
      'the convene card',
    );
    const { 'What the discussion is about': _prefilled, ...answers } = CONVENE_ANSWERS;
    const convened = await sam.click(offer.attachments[0].content, 'Convene and send invitations', { ...answers, Date: '2026-10-13' });
    const sd = /^(SD-\d+)/.exec(text(convened.card))![1];
    // The referral's free text, pre-filled into what the discussion is about, reaches invitees inside their card only.
    const jordan = world.user('Jordan Reid');
    const invitation = await jordan.waitForMessage((a) => a.summary?.startsWith(`${sd}:`), 'the invitation');
    expect(text(invitation.attachments[0].content)).toContain(`Referral ${referral.reference}: 20 November: bruising.`);
    expect(invitation.summary).not.toContain('bruising');
    expect(invitation.text ?? '').not.toContain('bruising');
    const record = await answerTo(sam, `record ${sd}`);
    expect(text(record.attachments[0].content)).toContain(`Linked cases (the same child): ${referral.reference}`);
  });

  test('a case transfer started from a strategy discussion is on the discussion’s thread', async () => {
    const sd = await discussionWithOutcome(world);
    const jordan = sd.attendees[0];
    const form = await answerTo(jordan, `transfer ${sd.reference}`);
    const started = await jordan.click(form.attachments[0].content, 'Start the transfer', {
      'Receiving authority': 'Northshire Council',
      'The child’s plan': 'Child protection plan',
      'The child’s case reference(s), not their name': sd.reference,
      'Why the case transfers': 'Mother and baby moved to the other authority.',
      'Proposed transfer date': '2026-10-26',
    });
    const transfer = /(TR-\d{4})/.exec(text(started.card))![1];
    const record = await answerTo(sd.chair, `record ${sd.reference}`);
    expect(text(record.attachments[0].content)).toContain(`Linked cases (the same child): ${transfer}`);
  });

  test('a professional difference raised from a different understanding of the outcome is on the discussion’s thread', async () => {
    const sd = await discussionWithOutcome(world);
    const attendee = sd.attendees[2];
    const answered = await attendee.click(await ackCard(world, attendee, sd.reference), 'My understanding is different', {
      'Your note, or what you understood the outcome to be': 'I understood the enquiry starts today.',
    });
    const form = await attendee.click(answered.card, 'Raise a professional difference');
    const raised = await attendee.click(form.card, 'Raise the difference', { 'The outcome you are seeking': 'A s47 today.' });
    const difference = /^(PD-\d{4})/.exec(text(raised.card))![1];
    const record = await answerTo(sd.chair, `record ${sd.reference}`);
    expect(text(record.attachments[0].content)).toContain(`Linked cases (the same child): ${difference}`);
  });
});
