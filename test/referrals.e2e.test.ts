import * as cards from './harness/cards';
import { TeamsUser } from './harness/teams';
import { World } from './harness/world';
import { FRONT_DOOR, installInFrontDoorTeam } from './harness/frontDoor';

/** What a card shows right below the input whose label starts with `label`. */
function below(card: any, label: string): any {
  const all: any[] = [];
  const walk = (elements: any[] | undefined) =>
    elements?.forEach((e) => {
      all.push(e);
      walk(e.items);
    });
  walk(card.body);
  return all[all.findIndex((e) => typeof e.label === 'string' && e.label.startsWith(label)) + 1];
}

const text = cards.text;

const ANSWERS: Record<string, cards.Answer>[] = [
  {
    'Child’s full name (or “unborn baby of …”)': 'Alex Example',
    'Date of birth, or expected due date if unborn': '2026-06-14',
    Address: '1 Example Road, Westmoor',
    'NHS number, if known': '943 476 5919',
    'GP practice': 'Riverside Medical Practice',
  },
  {
    'Mother or main carer (name, relationship)': 'Sam Example, mother',
    'Father (name, or why not known)': 'Jo Sample, birth father, lives in another area',
    'Partners and other adults in the household': 'Chris Partner, mother’s partner, lives at the address',
    'Who holds parental responsibility': 'Mother and birth father',
  },
  {
    'What happened, with dates': '20 November: bruising to both upper arms of a 10-week-old baby.',
    'What you saw yourself': 'Fingertip bruising on both arms during the baby check.',
    'What you were told, and by whom': 'Mother said the baby was handled roughly by her partner.',
  },
  {
    'The child’s needs and the impact on the child': 'A non-mobile baby with unexplained bruising; needs safe care at home and is at risk of serious injury.',
    'The child’s voice: what they say, or show': 'Too young to speak; flinches and cries when lifted.',
  },
  {
    'Do the parents know about this referral?': 'No',
    'Do they consent?': 'Not asked',
    'If they do not know or do not consent, why': 'Asking would increase the risk to the baby.',
  },
  { 'Other agencies involved': 'Health visiting', 'Other processes under way (police investigation, court)': 'None known' },
];

async function walkThrough(nia: TeamsUser, card: any, upTo = ANSWERS.length): Promise<any> {
  for (let i = 0; i < upTo; i++) {
    expect(text(card).split('\n')[0]).toBe(`Referral: step ${i + 1} of 6`);
    const next = await nia.click(card, i === ANSWERS.length - 1 ? 'Review' : 'Next', ANSWERS[i]);
    card = next.card;
  }
  return card;
}

describe('referral triage', () => {
  let world: World;
  let nia: TeamsUser;
  let kim: TeamsUser;
  beforeEach(async () => {
    world = await World.start({ at: '2026-11-23T10:00:00Z' });
    [nia, kim] = await world.install('Nia Evans', 'Kim Lee', 'Sam Okafor');
    await installInFrontDoorTeam(world, kim);
  });
  afterEach(async () => world?.stop());

  test('a full referral from a hospital nurse, father and partner included, reaches the Front Door; “strategy discussion” is decided and the nurse told', async () => {
    const [first] = await nia.say('refer');
    expect(text(first.attachments[0].content)).toContain('Is a child in immediate danger now?');
    const step1 = await nia.click(first.attachments[0].content, 'No');
    const review = await walkThrough(nia, step1.card);
    expect(text(review)).toContain('Father (name, or why not known): Jo Sample, birth father, lives in another area');
    expect(text(review)).toContain('Partners and other adults in the household: Chris Partner');
    const submitted = await nia.click(review, 'Submit the referral');
    const reference = /(REF-\d{4})/.exec(submitted.said)![1];
    expect(submitted.said).toContain('The Front Door will decide by 17:00 on Tuesday 24 November');

    const triage = await world.connector.waitFor(
      () => world.connector.sentTo(FRONT_DOOR).find((a) => a.summary === `${reference}: new referral`),
      'the triage card',
    );
    const triageCard = triage.attachments[0].content;
    expect(text(triageCard).split('\n')[0]).toBe(`${reference}: new referral`);
    expect(text(triageCard)).toContain('Nia Evans, Safeguarding Nurse, Neonatal Unit, Westmoor General Hospital');

    const frontDoor = kim.inChannel(FRONT_DOOR);
    // A client that skips Teams' required check still meets Concord's.
    const noReason = await frontDoor.click(triageCard, 'Record the decision', { Decision: 'Strategy discussion' }, { unchecked: true });
    expect(noReason.said).toContain('Give the rationale');
    const decided = await frontDoor.click(triageCard, 'Record the decision', {
      Decision: 'Strategy discussion',
      'Rationale (the referrer is told)': 'Unexplained bruising in a non-mobile baby: possible significant harm.',
    });
    expect(decided.said).toContain('Decided Monday 23 November 2026 at 10:00 by Kim Lee: Strategy discussion');
    const told = await nia.waitForMessage((a) => a.summary === `${reference}: the Front Door decided: Strategy discussion.`, 'the decision');
    // The rationale may describe the child: never in the first line or the notification.
    expect(told.text.split('\n')[0]).toBe(told.summary);
    expect(told.text).toContain('Why: Unexplained bruising in a non-mobile baby');

    // "Strategy discussion" offers a chair the convene form with the referral's details filled in.
    const sam = world.user('Sam Okafor');
    const [view] = await sam.say(`referral ${reference}`);
    const chairView = view.attachments[0].content;
    expect(cards.buttonTitles(chairView)).toEqual(['Convene a strategy discussion']);
    const convene = await sam.click(chairView, 'Convene a strategy discussion');
    expect(cards.input(convene.card, 'What the discussion is about').value).toMatch(new RegExp(`^Referral ${reference}: 20 November: bruising`));
    // The referrer is asked on a later step: the first step carries it into the chair's draft.
    expect(cards.action(convene.card, 'Next').data.referredBy).toBe(nia.who.aadObjectId);
    expect(cards.input(convene.card, 'Baby or unborn child').value).toBe('false');
    const notChair = await kim.invoke('ref.convene', { ref: reference });
    expect(notChair.message).toBe('Only people with the chair role can convene a strategy discussion.');
    // Before a strategy discussion is decided, a chair who is not the Front Door cannot see a referral.
    const alex = world.user('Alex Carter');
    await alex.install();
    const [notInvolved] = await alex.say(`referral ${reference}`);
    expect(notInvolved.text).toContain(`You are not involved in ${reference}`);
  });

  test('“Submit the referral” clicked twice makes one referral', async () => {
    const [first] = await nia.say('refer');
    const review = await walkThrough(nia, (await nia.click(first.attachments[0].content, 'No')).card);
    const [a, b] = await Promise.all([nia.click(review, 'Submit the referral'), nia.click(review, 'Submit the referral')]);
    // Both clicks show the one referral's receipt.
    expect(a.said).toMatch(/^REF-0001: referral submitted/);
    expect(b.said).toBe(a.said);
    await world.connector.waitFor(() => world.connector.sentTo(FRONT_DOOR).length === 1, 'the triage card');
    await new Promise((r) => setTimeout(r, 300));
    expect(world.connector.sentTo(FRONT_DOOR)).toHaveLength(1);
  });

  test('immediate danger: the emergency route is shown before anything else, and the referral is marked urgent', async () => {
    const [first] = await nia.say('refer');
    const danger = await nia.click(first.attachments[0].content, 'Yes, a child is in danger now');
    const route = text(danger.card).split('\n');
    expect(route[0]).toBe('Call [999](tel:999) now');
    // Each number is a tel: link: one tap dials it on a phone.
    expect(route).toContain('Front Door: [01632 960 100 (Front Door, fictional)](tel:01632960100)');
    const cont = await nia.click(danger.card, 'Continue the referral (urgent)');
    expect(text(cont.card)).toContain('Urgent: a child was in immediate danger.');
    const review = await walkThrough(nia, cont.card);
    const submitted = await nia.click(review, 'Submit the referral');
    const reference = /(REF-\d{4})/.exec(submitted.said)![1];
    // Urgent runs on working hours (4 by default), not "the next working day": Monday 10:00 → 14:00.
    expect(submitted.said).toContain('The Front Door will decide by 14:00 on Monday 23 November');
    await world.connector.waitFor(
      () => world.connector.sentTo(FRONT_DOOR).find((a) => a.summary === `${reference}: new referral, urgent`),
      'the urgent triage card',
    );
  });

  test('invalid answers are caught on the card: a future date of birth, a level of need alone; nothing is submitted', async () => {
    const [first] = await nia.say('refer');
    const step1 = await nia.click(first.attachments[0].content, 'No');
    const future = await nia.click(step1.card, 'Next', { ...ANSWERS[0], 'Date of birth, or expected due date if unborn': '2027-01-01' });
    // On a phone the problem stands right below its answer, said once, not in a paragraph at the top.
    const birth = 'Date of birth, or expected due date if unborn: a date of birth cannot be in the future';
    expect(below(future.card, 'Date of birth, or expected due date if unborn')).toMatchObject({ type: 'TextBlock', color: 'Attention' });
    expect(below(future.card, 'Date of birth, or expected due date if unborn').text).toContain(birth);
    expect(text(future.card).split(birth)).toHaveLength(2);
    expect(text(future.card).split('\n')[0]).toBe('Referral: step 1 of 6');
    let card = (await nia.click(future.card, 'Next', ANSWERS[0])).card;
    card = (await nia.click(card, 'Next', ANSWERS[1])).card;
    card = (await nia.click(card, 'Next', ANSWERS[2])).card;
    const level = await nia.click(card, 'Next', {
      'The child’s needs and the impact on the child': 'Level 4',
      'The child’s voice: what they say, or show': 'n/a',
    });
    expect(text(level.card)).toContain('a level of need alone is not accepted');
    const missing = await nia.click(level.card, 'Next', { 'The child’s needs and the impact on the child': '' }, { unchecked: true });
    expect(below(missing.card, 'The child’s needs and the impact on the child')).toMatchObject({
      type: 'TextBlock',
      text: 'The child’s needs and the impact on the child: please answer.',
      color: 'Attention',
    });
    // Marked required, so Teams shows it as such and says so beside it before sending.
    expect(cards.input(missing.card, 'The child’s needs and the impact on the child')).toMatchObject({
      isRequired: true,
      errorMessage: 'The child’s needs and the impact on the child: please answer.',
    });
    expect(cards.input(missing.card, 'The child’s voice: what they say, or show').isRequired).toBe(true);
    expect(world.connector.sentTo(FRONT_DOOR)).toHaveLength(0);
    expect((await world.concord.audit.trail('referrals')).length).toBe(0);
    // What a submission would leave: a referral row, a REF- reference spent.
    const referrals = [];
    for await (const row of world.concord.tables.client('referrals').listEntities({ queryOptions: { filter: "RowKey eq 'referral'" } }))
      referrals.push(row.partitionKey);
    expect(referrals).toEqual([]);
    const spent = [];
    for await (const row of world.concord.tables.client('counters').listEntities()) spent.push(`${row.partitionKey}/${row.rowKey}`);
    expect(spent.filter((k) => k.includes('REF'))).toEqual([]);
  });

  test('a referral left after step 3 keeps its answers when resumed, also across a restart', async () => {
    const [first] = await nia.say('refer');
    const step1 = await nia.click(first.attachments[0].content, 'No');
    const step4 = await walkThrough(nia, step1.card, 3);
    expect(text(step4).split('\n')[0]).toBe('Referral: step 4 of 6');
    await world.restart();
    const [resumed] = await nia.say('refer');
    // The danger question first, a draft or not; then the draft is offered with its date in words.
    expect(text(resumed.attachments[0].content)).toContain('Is a child in immediate danger now?');
    const choice = await nia.click(resumed.attachments[0].content, 'No');
    expect(text(choice.card)).toContain('You have a referral you did not submit, last saved on Monday 23 November 2026 at 10:00.');
    const card = (await nia.click(choice.card, 'Continue the draft')).card;
    expect(text(card).split('\n')[0]).toBe('Referral: step 4 of 6');
    const back = await nia.click(card, 'Back');
    expect(cards.input(back.card, 'What you saw yourself').value).toBe(ANSWERS[2]['What you saw yourself']);
  });

  test('with a draft saved, "refer" still asks about danger first: in danger, the emergency route comes before the draft; "start again" discards it', async () => {
    const [first] = await nia.say('refer');
    await walkThrough(nia, (await nia.click(first.attachments[0].content, 'No')).card, 2);

    const [again] = await nia.say('refer');
    const emergency = await nia.click(again.attachments[0].content, 'Yes, a child is in danger now');
    expect(text(emergency.card)).toContain('Call [999](tel:999) now');
    const urgent = await nia.click(emergency.card, 'Continue the referral (urgent)');
    expect(text(urgent.card).split('\n')[0]).toBe('Referral: step 3 of 6');

    const [third] = await nia.say('refer');
    const choice = await nia.click(third.attachments[0].content, 'No');
    expect(cards.buttonTitles(choice.card)).toEqual(['Continue the draft', 'Start again']);
    const fresh = await nia.click(choice.card, 'Start again');
    expect(text(fresh.card).split('\n')[0]).toBe('Referral: step 1 of 6');
    expect(cards.input(fresh.card, 'Address').value).toBe('');
    expect(text(fresh.card)).not.toMatch(/urgent/i);
  });

  test('an undecided referral is chased at the end of the next working day: a Friday before a bank holiday Monday', async () => {
    world.clock.set('2026-08-28T13:00:00Z'); // Friday; Monday 31 August is the summer bank holiday
    const [first] = await nia.say('refer');
    const review = await walkThrough(nia, (await nia.click(first.attachments[0].content, 'No')).card);
    const submitted = await nia.click(review, 'Submit the referral');
    expect(submitted.said).toContain('by 17:00 on Tuesday 1 September');
    const reference = /(REF-\d{4})/.exec(submitted.said)![1];
    world.clock.set('2026-08-31T16:00:00Z');
    await world.runDueWork();
    expect(kim.messages().some((a) => a.text?.startsWith(`${reference}: this referral`))).toBe(false);
    world.clock.set('2026-09-01T16:00:00Z'); // 17:00 British Summer Time
    await world.runDueWork();
    await kim.waitForMessage((a) => a.text?.startsWith(`${reference}: this referral was due a decision by the end of the working day`), 'the chase');
  });

  test('someone without the Front Door role cannot decide; a referrer sees only their own referrals', async () => {
    const [first] = await nia.say('refer');
    const review = await walkThrough(nia, (await nia.click(first.attachments[0].content, 'No')).card);
    const reference = /(REF-\d{4})/.exec((await nia.click(review, 'Submit the referral')).said)![1];
    const own = await nia.say(`referral ${reference}`);
    expect(text(own[0].attachments[0].content)).toContain(`${reference}: new referral`);
    const decide = await nia.invoke('ref.decide', { ref: reference, outcome: 'no-further-action', rationale: 'mine' });
    expect(decide.message).toBe('Only the Front Door decides on referrals.');
    expect(await world.auditActions(reference)).not.toContain('referral.decided');
    const alex = world.user('Alex Carter');
    await alex.install();
    const [other] = await alex.say(`referral ${reference}`);
    expect(other.text).toContain(`You are not involved in ${reference}`);
    const notFrontDoor = await world.user('Tom Hughes').invoke('ref.decide', { ref: reference, outcome: 'advice', rationale: 'x' });
    expect(notFrontDoor.message).toContain('You are not involved');
    expect((await world.concord.audit.trail('access')).filter((e) => e.action === 'refused.not-involved').length).toBeGreaterThanOrEqual(2);
  });
});

describe('the serious-incident route', () => {
  test('alerts the partnership admins at once and tracks the 5 and 15 working-day deadlines', async () => {
    const world = await World.start({ at: '2026-12-21T10:00:00Z' }); // Monday before Christmas
    try {
      const [jordan, alison] = await world.install('Jordan Reid', 'Alison Bright');
      const [form] = await jordan.say('serious incident');
      const step1 = form.attachments[0].content;
      expect(text(step1).split('\n')[0]).toBe('Serious incident: step 1 of 2');
      const notSerious = await jordan.click(step1, 'Next', {
        'Case reference (not the child’s name)': 'SD-0142',
        'The child has been seriously harmed': true,
        'Date of the incident': '2026-12-20',
      });
      expect(text(notSerious.card)).toContain('a serious incident needs abuse or neglect known or suspected');
      const step2 = await jordan.click(notSerious.card, 'Next', { 'Abuse or neglect is known or suspected': true });
      const review = await jordan.click(step2.card, 'Review', {
        'Summary of events': 'A 10-week-old baby admitted with inflicted head injuries.',
        'Agencies involved': 'Hospital, police, social care, health visiting',
      });
      const done = await jordan.click(review.card, 'Submit and alert the partnership');
      const reference = /(SI-\d{4})/.exec(done.message)![1];
      // 5 working days from Monday 21 December: 22, 23, 24, 29, 30 December.
      expect(done.message).toContain('the National Panel must be notified by 17:00 on Wednesday 30 December');
      const alert = await alison.waitForMessage((a) => a.summary?.startsWith(`${reference}: serious incident reported`), 'the alert');
      expect(text(alert.attachments[0].content)).toContain('Notify the National Panel (5 working days): due by 17:00 on Wednesday 30 December');

      world.clock.set('2026-12-30T09:00:00Z');
      await world.runDueWork();
      await alison.waitForMessage(
        (a) => a.summary === `${reference}: reminder, the National Panel must be notified by 17:00 on Wednesday 30 December`,
        'the reminder',
      );
      world.clock.set('2026-12-30T11:00:00Z');
      const notified = await alison.click(alert.attachments[0].content, 'Record the National Panel notification', { Date: '2026-12-30' });
      // 15 working days from Wednesday 30 December 2026, with New Year's Day a bank holiday: Thursday 21 January 2027.
      expect(notified.said).toContain('Notify the National Panel (5 working days): done Wednesday 30 December 2026 at 11:00, within the deadline');
      expect(notified.said).toContain('Rapid review (15 working days from notification): due by 17:00 on Thursday 21 January 2027');
      world.clock.set('2027-01-21T17:00:00Z');
      await world.runDueWork();
      await alison.waitForMessage(
        (a) => a.summary?.startsWith(`${reference}: The rapid review has not been completed and the statutory deadline has passed`),
        'the missed deadline',
      );
      const [view] = await alison.say(`incident ${reference}`);
      expect(text(view.attachments[0].content)).toContain('due by 17:00 on Thursday 21 January (overdue: the statutory deadline was missed)');
      const [refused] = await world.user('Alex Carter').say(`incident ${reference}`);
      expect(refused.text).toContain(`You are not involved in ${reference}`);
    } finally {
      await world.stop();
    }
  });
});

describe('a referral always reaches someone who can decide', () => {
  test('when Concord cannot post in the Front Door channel yet, every Front Door person gets the referral in their own chat, and the referrer is told so', async () => {
    const world = await World.start();
    try {
      const nia = world.user('Nia Evans');
      await nia.install();
      const frontDoor = world.directory.withRole('front-door');
      await world.install(...frontDoor.map((p) => p.name)); // in their own chats, but nobody has opened the team
      const [first] = await nia.say('refer');
      const review = await walkThrough(nia, (await nia.click(first.attachments[0].content, 'No')).card);
      const submitted = await nia.click(review, 'Submit the referral');
      const reference = /(REF-\d{4})/.exec(submitted.said)![1];
      expect(submitted.said).toContain(
        `Concord cannot post in the Front Door channel yet, so it was sent to each Front Door person directly (${frontDoor.map((p) => p.name).join(', ')})`,
      );
      for (const p of frontDoor) {
        const card = await world.user(p.name).waitForMessage((a) => a.summary === `${reference}: new referral`, `${p.name}'s copy`);
        expect(cards.buttonTitles(card.attachments[0].content)).toContain('Record the decision');
      }
      expect(world.connector.sentTo(FRONT_DOOR)).toHaveLength(0);

      // The Front Door's team installs Concord later: the channel gets the referral too, while it is undecided.
      await installInFrontDoorTeam(world, world.user(frontDoor[0].name));
      world.clock.set('2026-11-23T10:15:00Z');
      await world.runDueWork();
      await world.connector.waitFor(
        () => world.connector.sentTo(FRONT_DOOR).some((a) => a.summary === `${reference}: new referral`),
        'the referral in the Front Door channel, once it can be reached',
      );
      world.clock.set('2026-11-23T11:00:00Z');
      await world.runDueWork();
      expect(world.connector.sentTo(FRONT_DOOR).filter((a) => a.summary === `${reference}: new referral`)).toHaveLength(1);
    } finally {
      await world.stop();
    }
  });
});
