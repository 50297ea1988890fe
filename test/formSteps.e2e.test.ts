/**
 * The convene and outcome forms on a phone: one step at a time with its progress, Next and Back
 * keeping every answer, a problem shown beside its input on the step that asks for it, the chair's
 * answers saved per person and case (a dropped card, or Teams closed, resumes where it was), and a
 * short review with the one button that does the thing. Step numbers and drafts come from the card,
 * so a forged step and another person's form are refused, with an audit event.
 */
import * as cards from './harness/cards';
import { CHAIR, CONVENE_ANSWERS, OUTCOME_ANSWERS } from './harness/strategyFlow';
import { World } from './harness/world';

const text = cards.text;
const ATTENDEES = ['Jordan Reid', 'Alex Carter', 'Nia Evans', 'Helen Grant', 'Lucy Park', 'Chris Dunn', 'Dee Walsh'];

/** The answers of CONVENE_ANSWERS this card asks for. */
const asked = (card: any, answers: Record<string, cards.Answer>) =>
  Object.fromEntries(Object.entries(answers).filter(([label]) => cards.findInput(card, label)));

/** The texts of the card's body in order: a problem "beside" an input is the text right after it. */
function afterInput(card: any, label: string): string {
  const items: any[] = [];
  const flat = (xs: any[]) =>
    xs.forEach((x) => {
      items.push(x);
      if (x.items) flat(x.items);
    });
  flat(card.body);
  const at = items.findIndex((x) => x.type?.startsWith('Input.') && cards.findInput({ body: [x] }, label));
  return at >= 0 && items[at + 1]?.type === 'TextBlock' ? items[at + 1].text : '';
}

let world: World;
beforeEach(async () => {
  world = await World.start({ at: '2026-11-23T10:00:00Z' });
  await world.install(CHAIR, 'Omar Haddad', ...ATTENDEES);
});
afterEach(async () => world?.stop());

describe('convening in steps', () => {
  test('step by step with progress; Back keeps what each step saved; a problem beside its input; resumed after the card drops; a short review convenes', async () => {
    const sam = world.user(CHAIR);
    const [message] = await sam.say('strategy');
    const first = message.attachments[0].content;
    expect(text(first)).toContain('Step 1 of 5: The discussion');
    expect(cards.buttonTitles(first)).toEqual(['Next']);
    expect(cards.findInput(first, 'Police')).toBeUndefined();

    // The date left out (past Teams' own required check, as an old client would): the same step
    // again, the problem right under the date, the purpose kept.
    const noDate = await sam.click(first, 'Next', { ...asked(first, CONVENE_ANSWERS), Date: '' }, { unchecked: true });
    expect(text(noDate.card)).toContain('Step 1 of 5');
    expect(afterInput(noDate.card, 'Date')).toBe('Give the date and time of the discussion.');
    expect(cards.input(noDate.card, 'What the discussion is about').value).toBe(CONVENE_ANSWERS['What the discussion is about']);

    const second = await sam.click(noDate.card, 'Next', { Date: '2026-11-23' });
    expect(text(second.card)).toContain('Step 2 of 5: Social care, police and health');
    expect(cards.buttonTitles(second.card)).toEqual(['Next', 'Back']);
    const third = await sam.click(second.card, 'Next', asked(second.card, CONVENE_ANSWERS));
    expect(text(third.card)).toContain('Step 3 of 5');
    // Back sends nothing (Teams would not send a step whose required answer is empty, so Back
    // could never be blocked by one) and shows the step before as it was saved.
    expect(cards.action(third.card, 'Back').associatedInputs).toBe('none');
    const back = await sam.click(third.card, 'Back');
    expect(text(back.card)).toContain('Step 2 of 5');
    expect(cards.input(back.card, 'Police').value).toBe(world.directory.data.people.find((p) => p.name === 'Alex Carter')!.aadObjectId);
    const again = await sam.click(back.card, 'Next');
    expect(text(again.card)).toContain('Step 3 of 5');

    // The card drops (or Teams is closed): "strategy" opens the form where it was, answers kept.
    const [resumed] = await sam.say('strategy');
    const card = resumed.attachments[0].content;
    expect(text(card)).toContain('Step 3 of 5');

    // The GP for the parents left out with no reason: that step does not move on.
    const { ['If nobody is invited as GP for each parent or carer, why not']: _reason, ...withoutReason } = CONVENE_ANSWERS;
    const noReason = await sam.click(card, 'Next', asked(card, withoutReason));
    expect(text(noReason.card)).toContain('Step 3 of 5');
    expect(afterInput(noReason.card, 'If nobody is invited as GP for each parent or carer, why not')).toBe(
      'Nobody is invited as GP for each parent or carer: invite someone or give the reason.',
    );
    const fourth = await sam.click(noReason.card, 'Next', asked(noReason.card, CONVENE_ANSWERS));
    expect(text(fourth.card)).toContain('Step 4 of 5: The referrer and others');
    const review = await sam.click(fourth.card, 'Next', asked(fourth.card, CONVENE_ANSWERS));
    const reviewed = text(review.card);
    expect(reviewed).toContain('Step 5 of 5: Check and convene');
    expect(reviewed).toContain('Monday 23 November 2026 at 09:00');
    expect(reviewed).toContain('GP for each parent or carer\nNobody: Both parents are registered with Riverside');
    expect(cards.buttonTitles(review.card)).toEqual(['Convene and send invitations', 'Back']);
    expect(cards.inputs(review.card)).toEqual([]);

    const convened = await sam.click(review.card, 'Convene and send invitations');
    const reference = /^(SD-\d{4})/.exec(text(convened.card))![1];
    expect(text(convened.card)).toContain('GP for each parent or carer: Both parents are registered with Riverside');
    // Clicked again: the same discussion, not a second one; and the draft is gone, so "strategy" starts afresh.
    const twice = await sam.click(review.card, 'Convene and send invitations');
    expect(text(twice.card)).toContain(reference);
    const [fresh] = await sam.say('strategy');
    expect(text(fresh.attachments[0].content)).toContain('Step 1 of 5');
    expect(cards.input(fresh.attachments[0].content, 'What the discussion is about').value).toBe('');
  });

  test('a rule that fails at the end says which step to put right, and shows it there', async () => {
    const sam = world.user(CHAIR);
    const [message] = await sam.say('strategy');
    const { ['Baby or unborn child']: _baby, ...notABaby } = CONVENE_ANSWERS;
    const { ['Health visitor or midwife (for a baby or unborn child)']: _hv, ...answers } = notABaby;
    // Passed as not a baby, then made one on the first step: the health visitor is now a core role.
    const first = message.attachments[0].content;
    let card = (await sam.click(first, 'Next', asked(first, answers))).card;
    for (let i = 0; i < 3; i++) card = (await sam.click(card, 'Next', asked(card, answers))).card;
    expect(text(card)).toContain('Step 5 of 5');
    let back = card;
    for (let i = 0; i < 4; i++) back = (await sam.click(back, 'Back')).card;
    expect(text(back)).toContain('Step 1 of 5');
    let next = (await sam.click(back, 'Next', { 'Baby or unborn child': true })).card;
    for (let i = 0; i < 3; i++) next = (await sam.click(next, 'Next')).card;
    expect(text(next)).toContain('Step 3 of 5');
    expect(afterInput(next, 'If nobody is invited as Health visitor or midwife, why not')).toBe(
      'Nobody is invited as Health visitor or midwife: invite someone or give the reason.',
    );
  });

  test('a forged step number, and a step of another chair’s form, are refused with a message and an audit event', async () => {
    const sam = world.user(CHAIR);
    const omar = world.user('Omar Haddad');
    const [message] = await sam.say('strategy');
    const second = await sam.click(message.attachments[0].content, 'Next', asked(message.attachments[0].content, CONVENE_ANSWERS));
    const next = cards.action(second.card, 'Next');
    const before = (await world.concord.audit.trail('access')).length;

    const forged = await sam.invoke('sd.convene.step', { ...next.data, step: 9 } as never);
    expect(forged.message).toMatch(/^This card sent something Concord does not offer, so nothing was recorded\./);
    // Omar sends Sam's step-2 card (its form id) as his own: not a form he has in progress.
    const notHis = await omar.invoke('sd.convene.step', { ...next.data, Police: '' } as never);
    expect(notHis.message).toContain('is not one you have in progress');
    const rows = (await world.concord.audit.trail('access')).slice(before).map((e) => e.action);
    expect(rows).toEqual(['refused.invalid-input', 'refused.old-version']);
    // Sam's form is untouched.
    const [mine] = await sam.say('strategy');
    expect(text(mine.attachments[0].content)).toContain('Step 2 of 5');
  });
});

describe('recording the outcome in steps', () => {
  test('step by step, Back keeps answers, resumed from the convened card where it was, a review records it', async () => {
    const sam = world.user(CHAIR);
    const [message] = await sam.say('strategy');
    const convened = await sam.click(message.attachments[0].content, 'Convene and send invitations', CONVENE_ANSWERS);
    const attendance = await sam.click(convened.card, 'Record attendance');
    const form = await sam.click(attendance.card, 'Save attendance', Object.fromEntries(cards.inputs(attendance.card).map((i) => [i.label, 'Attended'])));
    expect(text(form.card)).toContain('Step 1 of 5: Threshold and decision');

    const noDecision = await sam.click(form.card, 'Next', { ...asked(form.card, OUTCOME_ANSWERS), Decision: '' }, { unchecked: true });
    expect(afterInput(noDecision.card, 'Decision')).toBe('Choose the decision.');
    const actions = await sam.click(noDecision.card, 'Next', asked(form.card, OUTCOME_ANSWERS));
    expect(text(actions.card)).toContain('Step 2 of 5: Agreed actions');
    const third = await sam.click(actions.card, 'Next', asked(actions.card, OUTCOME_ANSWERS));
    // Back shows the step before as saved; a step's answers are saved by its Next.
    const back = await sam.click(third.card, 'Back');
    expect(cards.input(back.card, 'Action 1').value).toBe(OUTCOME_ANSWERS['Action 1']);
    const thirdAgain = await sam.click(back.card, 'Next');
    const fourthStep = await sam.click(thirdAgain.card, 'Next', {
      ...asked(thirdAgain.card, OUTCOME_ANSWERS),
      'What each agency contributes': 'Police checks.',
    });
    const backToThird = await sam.click(fourthStep.card, 'Back');
    expect(cards.input(backToThird.card, 'What each agency contributes').value).toBe('Police checks.');
    await sam.click(backToThird.card, 'Back');

    // Teams closed: from the convened card again, the outcome form opens where it was.
    const attendedAgain = await sam.click(convened.card, 'Record attendance');
    const reopened = await sam.click(attendedAgain.card, 'Save attendance');
    expect(text(reopened.card)).toContain('Step 2 of 5');
    const again = await sam.click(reopened.card, 'Next');
    expect(cards.input(again.card, 'What each agency contributes').value).toBe('Police checks.');
    const fourth = await sam.click(again.card, 'Next');
    const review = await sam.click(fourth.card, 'Next', asked(fourth.card, OUTCOME_ANSWERS));
    const reviewed = text(review.card);
    expect(reviewed).toContain('Step 5 of 5: Check and record');
    expect(reviewed).toContain('Section 47 enquiry, joint with police');
    expect(reviewed).toContain('Joint home visit and interview with both parents. Owner Jordan Reid');
    expect(cards.buttonTitles(review.card)).toEqual(['Record the outcome and ask attendees to acknowledge', 'Back']);

    const tally = await sam.click(review.card, 'Record the outcome and ask attendees to acknowledge');
    expect(text(tally.card)).toContain('acknowledgements of the outcome');
    const reference = /^(SD-\d{4})/.exec(text(convened.card))![1];
    expect(await world.auditActions(reference)).toContain('outcome.recorded');
    // Amending starts from the recorded version, at the first step.
    const amend = await sam.click(tally.card, 'Amend the outcome');
    expect(text(amend.card)).toContain('Step 1 of 5');
    expect(cards.input(amend.card, 'Rationale for the threshold decision').value).toBe(OUTCOME_ANSWERS['Rationale for the threshold decision']);
  });

  test('a forged step, and an outcome step from someone who is not the chair, are refused and audited', async () => {
    const sam = world.user(CHAIR);
    const jordan = world.user('Jordan Reid');
    const [message] = await sam.say('strategy');
    const convened = await sam.click(message.attachments[0].content, 'Convene and send invitations', CONVENE_ANSWERS);
    const attendance = await sam.click(convened.card, 'Record attendance');
    const form = await sam.click(attendance.card, 'Save attendance', Object.fromEntries(cards.inputs(attendance.card).map((i) => [i.label, 'Attended'])));
    const next = cards.action(form.card, 'Next');
    const before = (await world.concord.audit.trail('access')).length;
    const forged = await sam.invoke('sd.outcome.step', { ...next.data, step: -1 } as never);
    expect(forged.message).toMatch(/^This card sent something Concord does not offer/);
    const notChair = await jordan.invoke('sd.outcome.step', { ...next.data, threshold: 'not-met' } as never);
    expect(notChair.message).toContain('Only the chair');
    const reference = /^(SD-\d{4})/.exec(text(convened.card))![1];
    const refusals = [...(await world.concord.audit.trail('access')).slice(before), ...(await world.concord.audit.trail(reference))]
      .map((e) => e.action)
      .filter((a) => a.startsWith('refused.'));
    expect(refusals).toEqual(expect.arrayContaining(['refused.invalid-input', 'refused.not-chair']));
  });
});
