/**
 * One live card per thing per person: when a case changes, every card that shows it is updated in
 * place (a PUT of the same message through the Bot Connector, counted here), and a card that is no
 * longer the current one says so and offers nothing to click.
 */
import * as cards from './harness/cards';
import { raiseDifference } from './harness/differenceFlow';
import { ackCard, CHAIR, CONVENE_ANSWERS, discussionWithOutcome, OUTCOME_ANSWERS } from './harness/strategyFlow';
import { chairCardKey } from '../src/workflows/strategy/notices';
import { World } from './harness/world';
import { TeamsUser } from './harness/teams';
import { answerReferralSteps, FRONT_DOOR, installInFrontDoorTeam } from './harness/frontDoor';
import { REFERRAL } from './harness/partnershipSeed';

let world: World;
beforeAll(async () => {
  world = await World.start();
});
afterAll(async () => world?.stop());

const text = cards.text;
const hasExecute = (card: unknown) => JSON.stringify(card).includes('Action.Execute');

describe("the chair's card", () => {
  test('the convened card shows each reply as it comes, in the same message', async () => {
    const chair = world.user(CHAIR);
    await chair.install();
    const people = await world.install('Jordan Reid', 'Alex Carter', 'Nia Evans', 'Helen Grant', 'Lucy Park', 'Chris Dunn');
    const [formMessage] = await chair.say('strategy');
    const convened = await chair.click(formMessage.attachments[0].content, 'Convene and send invitations', CONVENE_ANSWERS);
    const reference = /^(SD-\d{4})/.exec(text(convened.card))![1];
    const message = chair.messageIdOf(convened.card)!;
    expect(message).toBeDefined();

    for (const p of people.slice(0, 4)) {
      const invitation = await p.waitForMessage((a) => a.summary === `${reference}: you are invited to a strategy discussion`, 'the invitation');
      await p.click(invitation.attachments[0].content, 'I will attend');
    }
    const shown = await world.connector.waitFor(() => {
      const now = world.connector.cardNow(chair.chatId, message);
      return now && text(now).match(/: Will attend/g)?.length === 4 && now;
    }, 'the convened card to show four replies');
    expect(text(shown).match(/Not yet replied/g)).toHaveLength(2);
    expect(cards.buttonTitles(shown)).toContain('Record attendance');
    // Teams also refreshes it by itself when the chair looks at it (Universal Actions, the chair only).
    expect(shown.refresh.userIds).toEqual([chair.userId]);
    const refreshed = await chair.invoke(shown.refresh.action.verb, shown.refresh.action.data, 'automatic');
    expect(text(refreshed.card).match(/: Will attend/g)).toHaveLength(4);
    // One message for the chair, updated: no second convened card was posted.
    expect(world.connector.sentTo(chair.chatId).filter((a) => text(a.attachments?.[0]?.content ?? {}).includes('strategy discussion convened'))).toEqual([]);
  });

  test('recording the outcome turns the form into the one tally, and it follows the answers', async () => {
    const { reference, chair, attendees, card } = await discussionWithOutcome(world);
    const message = chair.messageIdOf(card)!;
    for (const person of attendees.slice(0, 3)) await person.click(await ackCard(world, person, reference), 'I agree');
    const shown = await world.connector.waitFor(() => {
      const now = world.connector.cardNow(chair.chatId, message);
      return now && text(now).includes('Agree 3') && now;
    }, 'the tally to show three answers');
    expect(text(shown)).toContain('Not yet answered 3');
    // No second tally was posted beside it.
    expect(world.connector.sentTo(chair.chatId).filter((a) => text(a.attachments?.[0]?.content ?? {}).includes('acknowledgements of the outcome'))).toEqual([]);
  });

  test('an amendment within a second of an answer: the tally shows the new version', async () => {
    const { reference, chair, attendees, card } = await discussionWithOutcome(world);
    const message = chair.messageIdOf(card)!;
    const [jordan] = attendees;
    await jordan.click(await ackCard(world, jordan, reference), 'I agree');
    const form = await chair.click(card, 'Amend the outcome');
    const tally = await chair.click(form.card, 'Save the amendment and ask everyone again', {
      Decision: 'Section 47 enquiry by children’s social care',
      'Reason for the amendment': 'Police will not take part in the enquiry.',
    });
    expect(text(tally.card)).toContain('Version 2');
    await jordan.click(await ackCard(world, jordan, reference, 2), 'I agree');
    await world.connector.waitFor(() => {
      const now = world.connector.cardNow(chair.chatId, message);
      return now && text(now).includes('Version 2') && text(now).includes('Agree 1');
    }, 'the tally of version 2 with its answer');
  });
});

test('a chair who takes the minutes drafts them on their card, and no tally update wipes the draft', async () => {
  const chair = world.user(CHAIR);
  await chair.install();
  await world.install('Jordan Reid', 'Alex Carter', 'Nia Evans', 'Helen Grant', 'Lucy Park', 'Chris Dunn');
  const [formMessage] = await chair.say('strategy');
  const convened = await chair.click(formMessage.attachments[0].content, 'Convene and send invitations', { ...CONVENE_ANSWERS, 'Minute-taker': 'Sam Okafor' });
  const reference = /^(SD-\d{4})/.exec(text(convened.card))![1];
  const attendance = await chair.click(convened.card, 'Record attendance');
  const all = Object.fromEntries(cards.inputs(attendance.card).map((i) => [i.label, 'Attended']));
  const form = await chair.click(attendance.card, 'Save attendance', all);
  const tally = await chair.click(form.card, 'Record the outcome and ask attendees to acknowledge', OUTCOME_ANSWERS);
  expect(await world.concord.outbox.outcome(reference, chairCardKey(reference, chair.who.aadObjectId))).toBeDefined(); // the tally is live
  const draft = await chair.click(tally.card, 'The discussion has ended');
  expect(text(draft.card)).toContain('minutes');
  // The card is a form now: it is no longer the one Concord updates.
  expect(await world.concord.outbox.outcome(reference, chairCardKey(reference, chair.who.aadObjectId))).toBeUndefined();
});

test('once the chair ends the discussion, their card no longer offers to end it', async () => {
  const { chair, card } = await discussionWithOutcome(world);
  const message = chair.messageIdOf(card)!;
  const ended = await chair.click(card, 'The discussion has ended');
  expect(ended.message).toContain('The minutes are due');
  const now = await world.connector.waitFor(() => {
    const c = world.connector.updatesOf(chair.chatId, message).length > 0 && world.connector.cardNow(chair.chatId, message);
    return c && !cards.buttonTitles(c).includes('The discussion has ended') && c;
  }, 'the chair’s card to show the discussion ended');
  expect(text(now)).toContain('acknowledgements of the outcome');
});

test('a chair who hands the discussion over keeps no live card: theirs says who chairs it now', async () => {
  const { reference, chair, card } = await discussionWithOutcome(world);
  await world.install('Omar Haddad');
  const message = chair.messageIdOf(card)!;
  const [form] = await chair.say(`handover ${reference}`);
  await chair.click(form.attachments[0].content, 'Save and tell them', { Chair: 'Omar Haddad' });
  const now = await world.connector.waitFor(() => {
    const c = world.connector.updatesOf(chair.chatId, message).length > 0 && world.connector.cardNow(chair.chatId, message);
    return c && text(c).startsWith(`${reference}: now chaired by Omar Haddad`) && c;
  }, 'the old chair’s card to point to the new chair');
  expect(hasExecute(now)).toBe(false);
});

describe('superseded cards', () => {
  test('after an amendment every version-1 acknowledgement card says it was replaced, with nothing left to click', async () => {
    const { reference, chair, attendees, card } = await discussionWithOutcome(world);
    const [jordan, alex] = attendees;
    const answered = await jordan.click(await ackCard(world, jordan, reference), 'I agree');
    const alexV1 = await ackCard(world, alex, reference);
    const form = await chair.click(card, 'Amend the outcome');
    await chair.click(form.card, 'Save the amendment and ask everyone again', {
      Decision: 'Section 47 enquiry by children’s social care',
      'Reason for the amendment': 'Police will not take part in the enquiry.',
    });
    for (const [person, v1] of [
      [jordan, answered.card],
      [alex, alexV1],
    ] as const) {
      const message = person.messageIdOf(v1)!;
      const now = await world.connector.waitFor(() => {
        const c = world.connector.cardNow(person.chatId, message);
        return c && text(c).includes('replaced by version 2') && c;
      }, `${person.who.name}'s version-1 card to be replaced`);
      expect(text(now).split('\n')[0]).toBe(`${reference}: replaced by version 2`);
      expect(hasExecute(now)).toBe(false);
    }
    // Every attendee's version-1 card was updated once.
    await world.connector.waitFor(
      () => attendees.every((p) => world.connector.updates(p.chatId).some((u) => text(u.body.attachments[0].content).includes('replaced by version 2'))),
      'every version-1 card to be replaced',
    );
  });
});

describe('referrals', () => {
  let nia: TeamsUser;
  let kim: TeamsUser;

  async function submittedReview(): Promise<any> {
    const [first] = await nia.say('refer');
    const step1 = await nia.click(first.attachments[0].content, 'No');
    return answerReferralSteps(nia, step1.card, REFERRAL);
  }

  beforeAll(async () => {
    [nia, kim] = await world.install('Nia Evans', 'Kim Lee');
    await installInFrontDoorTeam(world, kim);
  });

  test('a submitted referral becomes its receipt: the reference, what happens next and by when, nothing to click; a second submit shows the same', async () => {
    const review = await submittedReview();
    const receipt = await nia.click(review, 'Submit the referral');
    const shown = text(receipt.card);
    const reference = /^(REF-\d{4}): referral submitted/.exec(shown)![1];
    expect(shown).toContain('The Front Door will decide by 17:00 on Tuesday 24 November');
    expect(shown).toContain(`Quote ${reference}`);
    expect(hasExecute(receipt.card)).toBe(false);
    const again = await nia.click(review, 'Submit the referral');
    expect(text(again.card)).toBe(shown);
  });

  test('the Front Door card in the channel is updated for everyone once the referral is decided', async () => {
    const review = await submittedReview();
    const reference = /^(REF-\d{4})/.exec((await nia.click(review, 'Submit the referral')).said)![1];
    const triage = await world.connector.waitFor(
      () => world.connector.sentTo(FRONT_DOOR).find((a) => a.summary === `${reference}: new referral`),
      'the triage card',
    );
    const card = triage.attachments[0].content;
    const message = world.connector.messageIdOf(card)!;
    await kim.inChannel(FRONT_DOOR).click(card, 'Record the decision', {
      Decision: 'Strategy discussion',
      'Rationale (the referrer is told)': 'Unexplained bruising in a non-mobile baby.',
    });
    const now = await world.connector.waitFor(() => {
      const c = world.connector.cardNow(FRONT_DOOR, message);
      return c && text(c).startsWith(`${reference}: referral decided`) && c;
    }, 'the channel card to show the decision');
    expect(cards.buttonTitles(now)).not.toContain('Record the decision');
    expect(text(now)).toContain('by Kim Lee: Strategy discussion');
  });
});

describe('professional differences', () => {
  let pw: World;
  beforeAll(async () => {
    pw = await World.start({ at: '2026-11-23T10:00:00Z' }); // Monday
  });
  afterAll(async () => pw?.stop());

  test('each person has one live card: earlier stage cards, and the raiser’s first card, point to the current stage; each is told what is true for them', async () => {
    const [nia, jordan, tom, sam, ruth] = await pw.install('Nia Evans', 'Jordan Reid', 'Tom Hughes', 'Sam Okafor', 'Ruth Abbott');
    const { reference: reference, raised } = await raiseDifference(nia);
    const jordanFirst = await jordan.waitForMessage((a) => a.summary === `${reference}: a professional difference is raised with you`, 'the difference');

    // The day it is due everyone is reminded, on a new card: the first one points to it.
    pw.clock.set('2026-11-25T09:30:00Z');
    await pw.runDueWork();
    await jordan.waitForMessage((a) => a.summary?.startsWith(`${reference}: stage 1 must be resolved or escalated`), 'the reminder');
    await pw.connector.waitFor(() => {
      const c = pw.connector.updatesOf(jordan.chatId, pw.connector.messageIdOf(jordanFirst.attachments[0].content)!).length > 0;
      return (
        c && text(pw.connector.cardNow(jordan.chatId, pw.connector.messageIdOf(jordanFirst.attachments[0].content)!)).startsWith(`${reference}: now at stage 1`)
      );
    }, 'Jordan’s first card to point to the reminder');

    // Stage 1 passes with no resolution: stage 2, the managers'.
    pw.clock.set('2026-11-25T17:00:00Z');
    await pw.runDueWork();
    const tomTold = await tom.waitForMessage((a) => a.summary?.startsWith(`${reference}: now at stage 2`), 'stage 2');
    expect(tomTold.summary).toContain('it needs you');
    for (const party of [nia, jordan]) {
      const told = await party.waitForMessage((a) => a.summary?.startsWith(`${reference}: now at stage 2`), 'stage 2, for information');
      expect(told.summary).toContain('for your information');
      expect(told.summary).not.toContain('needs you');
    }
    // The raiser was never told it was raised with them: they raised it.
    expect(nia.messages().some((a) => String(a.summary).includes('raised with you'))).toBe(false);

    // Nia's first card (her answer to raising it) and Jordan's stage-1 card now point to stage 2, with nothing to click.
    for (const [person, message] of [
      [nia, nia.messageIdOf(raised.card)!],
      [jordan, pw.connector.messageIdOf(jordanFirst.attachments[0].content)!],
    ] as const) {
      const now = await pw.connector.waitFor(() => {
        const c = pw.connector.cardNow(person.chatId, message);
        return c && text(c).startsWith(`${reference}: now at stage 2`) && c;
      }, `${person.who.name}'s earlier card to point to stage 2`);
      expect(hasExecute(now)).toBe(false);
    }

    // A manager approves the escalation: the history says so once, without echoing itself.
    const samCard = (await sam.waitForMessage((a) => a.summary?.startsWith(`${reference}: now at stage 2`), 'stage 2')).attachments[0].content;
    await sam.click(samCard, 'Approve escalation to stage 3');
    const ruthCard = (await ruth.waitForMessage((a) => a.summary?.startsWith(`${reference}: now at stage 3`), 'stage 3')).attachments[0].content;
    expect(text(ruthCard)).toContain('Sam Okafor escalated it');
    expect(text(ruthCard)).not.toContain('escalated it: “');
  });
});
