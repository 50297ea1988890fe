import * as cards from './harness/cards';
import { ackCard, CHAIR, CONVENE_ANSWERS, discussionWithOutcome, OUTCOME_ANSWERS } from './harness/strategyFlow';
import { World } from './harness/world';

let world: World;
beforeAll(async () => {
  world = await World.start();
});
afterAll(async () => world?.stop());

const text = cards.text;

describe('a strategy discussion from convening to a disputed outcome', () => {
  test('the full flow: a GP left out needs a reason, invitations arrive, six attendees answer, one understood differently', async () => {
    const chair = world.user(CHAIR);
    await chair.install();
    const people = await world.install('Jordan Reid', 'Alex Carter', 'Nia Evans', 'Helen Grant', 'Lucy Park', 'Chris Dunn');
    const [jordan, alex, nia, helen, lucy, chris] = people;

    // Convene with the GP for the parents left out and no reason: the chair is asked for one.
    const [formMessage] = await chair.say('strategy');
    const form = formMessage.attachments[0].content;
    expect(text(form)).toContain('Convene a strategy discussion');
    const { ['If nobody is invited as GP for each parent or carer, why not']: _reason, ...withoutReason } = CONVENE_ANSWERS;
    const refused = await chair.click(form, 'Convene and send invitations', withoutReason);
    // On the step that asks for it, beside its input, with the answers given so far kept.
    expect(text(refused.card)).toContain('Step 3 of 5: GPs, health visitor and school');
    expect(text(refused.card)).toContain('Nobody is invited as GP for each parent or carer: invite someone or give the reason.');
    expect(cards.input(refused.card, 'GP for the child').value).toBe(world.directory.data.people.find((p) => p.name === 'Helen Grant')!.aadObjectId);

    const convened = await chair.click(refused.card, 'Convene and send invitations', CONVENE_ANSWERS);
    const summary = text(convened.card);
    expect(summary).toMatch(/^SD-\d{4}: strategy discussion convened/);
    const reference = /^(SD-\d{4})/.exec(summary)![1];
    expect(summary).toContain('GP for each parent or carer: Both parents are registered with Riverside');
    expect(summary).toContain('Monday 23 November 2026 at 09:00');

    // Every invitee gets a 1:1 invitation whose first line names only the case reference.
    for (const p of people) {
      const invitation = await p.waitForMessage((a) => a.summary === `${reference}: you are invited to a strategy discussion`, 'the invitation');
      expect(text(invitation.attachments[0].content).split('\n')[0]).toBe(`${reference}: you are invited to a strategy discussion`);
    }
    const alexInvitation = alex.lastCard();
    expect(text(alexInvitation)).toContain('Your role Police');
    const replied = await alex.click(alexInvitation, 'I will attend');
    expect(text(replied.card)).toContain('Your reply: Will attend');
    expect(cards.buttonTitles(replied.card)).toEqual([]);

    // After the discussion: attendance, then the outcome.
    const attendance = await chair.click(convened.card, 'Record attendance');
    expect(cards.input(attendance.card, 'Alex Carter (Westmoor Police)').value).toBe('attended');
    const all = Object.fromEntries(cards.inputs(attendance.card).map((i) => [i.label, 'Attended']));
    const outcomeForm = await chair.click(attendance.card, 'Save attendance', all);
    const tally = await chair.click(outcomeForm.card, 'Record the outcome and ask attendees to acknowledge', OUTCOME_ANSWERS);
    expect(text(tally.card)).toContain('Status: Awaiting acknowledgement');
    expect(text(tally.card)).toContain('Not yet answered 6');

    // Every attendee is asked, in a message whose first line does not identify the child.
    const answers: [typeof jordan, string, string][] = [
      [jordan, 'I agree', ''],
      [alex, 'I agree', ''],
      [helen, 'I agree', ''],
      [lucy, 'I agree', ''],
      [chris, 'I agree, with a note', 'Midwifery will share the antenatal record today.'],
      [nia, 'My understanding is different', 'I understood a section 47 enquiry by social care alone, starting today, with the hospital holding the baby.'],
    ];
    for (const [person, button, note] of answers) {
      const card = await ackCard(world, person, reference);
      expect(text(card).split('\n')[0]).toBe(`${reference}: the outcome needs your acknowledgement`);
      expect(text(card)).toContain('Decision Section 47 enquiry, joint with police');
      const answered = await person.click(card, button, note ? { 'Your note, or what you understood the outcome to be': note } : {});
      expect(text(answered.card)).toContain(`Your answer: ${button}`);
    }

    // The record is disputed; the chair's tally is right and names who said what.
    const chairView = await chair.invoke('sd.tally.view', { ref: reference });
    const tallyText = text(chairView.card);
    expect(tallyText).toContain('Status: Disputed');
    expect(tallyText).toContain('Agree 4');
    expect(tallyText).toContain('Agree, with a note 1');
    expect(tallyText).toContain('Different understanding 1');
    expect(tallyText).toContain('Not yet answered 0');
    expect(tallyText).toContain(
      'Nia Evans (Westmoor General Hospital): My understanding is different: “I understood a section 47 enquiry by social care alone',
    );

    // The chair is told at once, and the live tally message in the chair's chat is updated.
    const notice = await chair.waitForMessage(
      (a) => a.summary === `${reference}: Nia Evans understood the outcome differently. The record now shows the outcome as disputed.`,
      'the dispute notice',
    );
    expect(notice.text.split('\n')[0]).not.toContain('section 47');
    expect(notice.text).toContain('What they understood: “I understood a section 47 enquiry by social care alone');
    await world.connector.waitFor(
      () => world.connector.updates(chair.chatId).some((u) => text(u.body.attachments[0].content).includes('Status: Disputed')),
      'the tally message to be updated',
    );

    // The attendee who understood differently is offered a professional difference in the same card.
    const niaCard = (await nia.invoke('sd.ack.view', { ref: reference, version: 1 })).card;
    expect(cards.buttonTitles(niaCard)).toEqual(['Raise a professional difference']);
    const raiseForm = await nia.click(niaCard, 'Raise a professional difference');
    expect(cards.input(raiseForm.card, 'Case reference (not the child’s name)').value).toBe(reference);
    expect(cards.input(raiseForm.card, 'Your reasons and the evidence').value).toContain('I understood a section 47 enquiry by social care alone');
    expect(cards.input(raiseForm.card, 'Responding practitioner').value).toBe(chair.who.aadObjectId);
    const raised = await nia.click(raiseForm.card, 'Raise the difference', { 'The outcome you are seeking': 'A section 47 enquiry starts today.' });
    const pdRef = /^(PD-\d{4})/.exec(text(raised.card))![1];
    await chair.waitForMessage((a) => a.summary === `${pdRef}: a professional difference is raised with you`, 'the difference');
    const [recordMessage] = await chair.say(`record ${reference}`);
    expect(text(recordMessage.attachments[0].content)).toContain(
      `Nia Evans (Westmoor General Hospital) raised professional difference ${pdRef} about version 1`,
    );
    const niaAgain = (await nia.invoke('sd.ack.view', { ref: reference, version: 1 })).card;
    expect(text(niaAgain)).toContain(`You raised professional difference ${pdRef}`);
    expect(cards.buttonTitles(niaAgain)).toEqual([]);
    expect(await world.auditActions(reference)).toEqual(
      expect.arrayContaining(['convened', 'attendance.recorded', 'outcome.recorded', 'acknowledged', 'difference.raised']),
    );

    // Jordan's agreement does not offer an escalation.
    const jordanCard = (await jordan.invoke('sd.ack.view', { ref: reference, version: 1 })).card;
    expect(cards.buttonTitles(jordanCard)).toEqual([]);
  });
});

describe('amending the outcome', () => {
  test('an amendment is version 2: earlier answers are set aside, everyone is asked again, version 1 stays readable', async () => {
    const { reference, chair, attendees } = await discussionWithOutcome(world);
    const [jordan, alex] = attendees;
    await jordan.click(await ackCard(world, jordan, reference), 'I agree');
    await alex.click(await ackCard(world, alex, reference), 'I agree');

    const form = await chair.invoke('sd.outcome.open', { ref: reference });
    expect(text(form.card)).toContain(`${reference}: amend the outcome (version 2)`);
    expect(cards.input(form.card, 'Rationale for the threshold decision').value).toBe(OUTCOME_ANSWERS['Rationale for the threshold decision']);
    const noReason = await chair.click(form.card, 'Save the amendment and ask everyone again', { Decision: 'Section 47 enquiry by children’s social care' });
    expect(text(noReason.card)).toContain('Give the reason for amending the outcome');

    const tally = await chair.click(noReason.card, 'Save the amendment and ask everyone again', {
      Decision: 'Section 47 enquiry by children’s social care',
      'Reason for the amendment': 'Police will not take part in the enquiry: single-agency s47 agreed with the police manager.',
    });
    expect(text(tally.card)).toContain('Version 2: Section 47 enquiry by children’s social care');
    expect(text(tally.card)).toContain('Not yet answered 6');

    for (const person of attendees) {
      const card = await ackCard(world, person, reference, 2);
      expect(text(card).split('\n')[0]).toBe(`${reference}: the outcome was amended and needs your acknowledgement again`);
      expect(text(card)).toContain('Amended: Police will not take part');
    }
    // Answering the old card now is refused with an explanation.
    const stale = await world.user('Nia Evans').invoke('sd.ack', { ref: reference, version: 1, answer: 'agree' });
    expect(stale.message).toContain('replaced with version 2');

    const [recordMessage] = await jordan.say(`record ${reference}`);
    const record = text(recordMessage.attachments[0].content);
    expect(record).toContain('Version 1,');
    expect(record).toContain('Decision: Section 47 enquiry, joint with police');
    expect(record).toContain("Jordan Reid (Westmoor Children's Social Care): I agree");
    expect(record).toContain('Version 2,');
    expect(record).toContain('Status: Awaiting acknowledgement');
  });
});

describe('nothing is lost, nothing counted twice', () => {
  test('the same click delivered twice, and Teams refreshing the card by itself, record one acknowledgement', async () => {
    const { reference, attendees } = await discussionWithOutcome(world);
    const nia = attendees[2];
    const card = await ackCard(world, nia, reference);
    const auto = await nia.click(card, 'I agree', {}, { trigger: 'automatic' });
    expect(text(auto.card)).toContain('the outcome needs your acknowledgement');
    const [first, second] = await Promise.all([nia.click(card, 'I agree'), nia.click(card, 'I agree')]);
    expect(text(first.card)).toContain('Your answer: I agree');
    expect(text(second.card)).toContain('Your answer: I agree');
    const third = await nia.click(card, 'My understanding is different', { 'Your note, or what you understood the outcome to be': 'changed my mind' });
    expect(text(third.card)).toContain('Your answer: I agree');
    const acknowledged = (await world.concord.audit.trail(reference)).filter((e) => e.action === 'acknowledged' && e.actorAadObjectId === nia.who.aadObjectId);
    expect(acknowledged).toHaveLength(1);
  });
});

describe('who may do what', () => {
  test('a non-attendee, a non-chair amending, and forged card data are refused, audited, and change nothing', async () => {
    const { reference, attendees } = await discussionWithOutcome(world);
    const before = await world.concord.audit.trail(reference);
    const tom = world.user('Tom Hughes');
    await tom.install();

    const notAttendee = await tom.invoke('sd.ack', { ref: reference, version: 1, answer: 'agree' });
    expect(notAttendee.message).toContain(`You are not involved in ${reference}`);

    const jordan = attendees[0];
    const notChair = await jordan.invoke('sd.outcome.save', {
      ref: reference,
      baseVersion: 1,
      decision: 'no-further-action',
      rationale: 'x',
      threshold: 'not-met',
    });
    expect(notChair.message).toBe(`Only the chair of ${reference} can amend the outcome.`);

    const dee = world.user('Dee Walsh'); // the minute-taker: involved, but did not attend
    await dee.install();
    const minuteTaker = await dee.invoke('sd.ack', { ref: reference, version: 1, answer: 'agree' });
    expect(minuteTaker.message).toContain('Only the people who attended');

    const forgedVersion = await jordan.invoke('sd.ack', { ref: reference, version: 7, answer: 'agree' });
    expect(forgedVersion.message).toContain('version 7');
    const forgedCase = await jordan.invoke('sd.ack', { ref: 'SD-9999', version: 1, answer: 'agree' });
    expect(forgedCase.message).toBe('You are not involved in SD-9999, so Concord cannot show or change it.');
    const garbage = await jordan.invoke('sd.ack', { ref: { $ne: 1 }, version: 'x', answer: 'agree' });
    expect(garbage.message).toContain('You are not involved in');

    const [notInvolvedRecord] = await tom.say(`record ${reference}`);
    expect(notInvolvedRecord.text).toContain(`You are not involved in ${reference}`);

    const after = await world.concord.audit.trail(reference);
    const added = after.slice(before.length).map((e) => e.action);
    expect(added).toEqual(expect.arrayContaining(['refused.not-chair', 'refused.not-attendee', 'refused.old-version']));
    expect(added).not.toContain('acknowledged');
    const access = (await world.concord.audit.trail('access')).map((e) => e.action);
    expect(access.filter((a) => a === 'refused.not-involved').length).toBeGreaterThanOrEqual(3);

    const chairView = await world.user(CHAIR).invoke('sd.tally.view', { ref: reference });
    expect(text(chairView.card)).toContain('Not yet answered 6');
    expect(text(chairView.card)).toContain('Version 1: Section 47 enquiry, joint with police');
  });

  test('the convene form clicked twice makes one discussion, and one set of invitations', async () => {
    const chair = world.user(CHAIR);
    const invitees = await world.install('Jordan Reid', 'Alex Carter', 'Nia Evans', 'Helen Grant', 'Lucy Park', 'Chris Dunn');
    const [formMessage] = await chair.say('strategy');
    const form = formMessage.attachments[0].content;
    const [a, b] = await Promise.all([
      chair.click(form, 'Convene and send invitations', CONVENE_ANSWERS),
      chair.click(form, 'Convene and send invitations', CONVENE_ANSWERS),
    ]);
    const refs = [a, b].map((x) => /^(SD-\d{4})/.exec(x.said)?.[1] ?? /(SD-\d{4})/.exec(x.said)?.[1]);
    expect(refs[0]).toBeDefined();
    expect(refs[1]).toBe(refs[0]);
    expect((await world.concord.audit.trail(refs[0]!)).filter((e) => e.action === 'convened')).toHaveLength(1);
    // The invitations the connector actually carried: one to each invitee, none twice.
    const invitation = `${refs[0]}: you are invited to a strategy discussion`;
    for (const p of invitees) await p.waitForMessage((m) => m.summary === invitation, `the invitation to ${refs[0]}`);
    await world.runDueWork();
    const sent = world.connector.calls.filter((c) => c.method === 'POST' && c.body?.summary === invitation);
    expect(sent).toHaveLength(invitees.length);
  });

  test('only a chair can convene', async () => {
    const [reply] = await world.user('Nia Evans').say('strategy');
    expect(reply.text).toContain('Only people with the chair role can convene');
  });

  test('the outcome form catches mistakes on the step that asks: no rationale, a s47 without actions, a past follow-up date', async () => {
    const chair = world.user(CHAIR);
    await chair.install();
    const [formMessage] = await chair.say('strategy');
    const convened = await chair.click(formMessage.attachments[0].content, 'Convene and send invitations', CONVENE_ANSWERS);
    const attendance = await chair.click(convened.card, 'Record attendance');
    const form = await chair.click(attendance.card, 'Save attendance', Object.fromEntries(cards.inputs(attendance.card).map((i) => [i.label, 'Attended'])));
    const mistakes = {
      ...OUTCOME_ANSWERS,
      'Rationale for the threshold decision': '',
      'Action 1': '',
      'Action 1 owner': '',
      'Action 1 due date': '',
      'Date of the follow-up discussion, if any': '2026-11-01',
    };
    // Past Teams' own required check (an old client), Concord's catches it on its step.
    const noRationale = await chair.click(form.card, 'Record the outcome and ask attendees to acknowledge', mistakes, { unchecked: true });
    expect(text(noRationale.card)).toContain('Step 1 of 5: Threshold and decision');
    expect(text(noRationale.card)).toContain('Give the rationale for the threshold decision');
    const noAction = await chair.click(noRationale.card, 'Record the outcome and ask attendees to acknowledge', {
      ...mistakes,
      'Rationale for the threshold decision': OUTCOME_ANSWERS['Rationale for the threshold decision'],
    });
    expect(text(noAction.card)).toContain('Step 2 of 5: Agreed actions');
    expect(text(noAction.card)).toContain('A section 47 enquiry needs at least one action');
    const pastDate = await chair.click(noAction.card, 'Record the outcome and ask attendees to acknowledge', {
      ...mistakes,
      'Action 1': 'Joint home visit',
      'Action 1 owner': 'Jordan Reid',
      'Action 1 due date': '2026-11-25',
    });
    expect(text(pastDate.card)).toContain('Step 4 of 5: The family and the follow-up');
    expect(text(pastDate.card)).toContain('The follow-up date 2026-11-01 is in the past.');
    const reference = /^(SD-\d+)/.exec(text(convened.card))![1];
    expect(await world.auditActions(reference)).not.toContain('outcome.recorded');
  });
});

describe('the record', () => {
  test('export gives the agreed record for an agency’s case file: attendance, versions, answers with times, the trail', async () => {
    const { reference, attendees } = await discussionWithOutcome(world);
    const [jordan, , nia] = attendees;
    await jordan.click(await ackCard(world, jordan, reference), 'I agree, with a note', {
      'Your note, or what you understood the outcome to be': 'Visit booked for Wednesday.',
    });
    const [exported] = await nia.say(`export ${reference}`);
    const md: string = exported.text;
    expect(md.split('\n')[0]).toBe(`# ${reference}: strategy discussion record`);
    expect(md).toContain('- Status: **Awaiting acknowledgement**');
    expect(md).toContain('Not invited as GP for each parent or carer: Both parents are registered with Riverside');
    expect(md).toContain('- Decision: Section 47 enquiry, joint with police');
    expect(md).toContain(
      '- Jordan Reid (Social Worker, Westmoor Children\'s Social Care): I agree, with a note: "Visit booked for Wednesday." (Monday 23 November 2026 at 10:00)',
    );
    expect(md).toContain('outcome.recorded by Sam Okafor');
    expect(md).toContain('record.exported by Nia Evans');
  });
});
