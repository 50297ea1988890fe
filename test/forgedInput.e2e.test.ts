import * as cards from './harness/cards';
import { ackCard, CHAIR, CONVENE_ANSWERS, discussionWithOutcome } from './harness/strategyFlow';
import { TeamsUser } from './harness/teams';
import { World } from './harness/world';

/**
 * A card's data comes back from the client: anyone can send any value. Names of JavaScript
 * built-ins are "in" every object literal, and numbers can be spelt many ways; none of them may
 * become a domain value.
 */
const BUILT_INS = ['constructor', 'toString', '__proto__', 'hasOwnProperty'];
const text = cards.text;

let world: World;
beforeAll(async () => {
  world = await World.start();
});
afterAll(async () => world?.stop());

/** A clear refusal: says nothing was recorded, never echoes what was sent, never the catch-all. */
function expectRefusal(said: string, forged: string): void {
  expect(said).toMatch(/^This card sent something Concord does not offer, so nothing was recorded\./);
  expect(said).not.toContain(forged);
  expect(said).not.toMatch(/NaN|Something went wrong/);
}

/** Refusals of forged input are audited, and the audit rows never hold what was sent. */
async function expectAudited(count: number, since: number, forged: string[]): Promise<void> {
  const rows = (await world.concord.audit.trail('access')).slice(since).filter((e) => e.action === 'refused.invalid-input');
  expect(rows).toHaveLength(count);
  for (const r of rows) for (const f of forged) expect(JSON.stringify(r)).not.toContain(f);
}

const accessRows = async () => (await world.concord.audit.trail('access')).length;

async function convened(): Promise<{ reference: string; chair: TeamsUser; card: any }> {
  const chair = world.user(CHAIR);
  await chair.install();
  await world.install('Jordan Reid', 'Alex Carter', 'Nia Evans', 'Helen Grant', 'Lucy Park', 'Chris Dunn');
  const [form] = await chair.say('strategy');
  const done = await chair.click(form.attachments[0].content, 'Convene and send invitations', {
    ...CONVENE_ANSWERS,
    Date: world.clock.now().toISOString().slice(0, 10),
  });
  return { reference: /^(SD-\d{4})/.exec(text(done.card))![1], chair, card: done.card };
}

describe('enumerated values are own keys of their table', () => {
  test('an acknowledgement answer named after a built-in is refused, audited, and records nothing', async () => {
    const { reference, chair, attendees } = await discussionWithOutcome(world);
    const jordan = attendees[0];
    const since = await accessRows();
    for (const forged of BUILT_INS) {
      const answer = await jordan.invoke('sd.ack', { ref: reference, version: 1, answer: forged, note: 'a note' });
      expectRefusal(answer.message, forged);
    }
    await expectAudited(BUILT_INS.length, since, BUILT_INS);
    const tally = text((await chair.invoke('sd.tally.view', { ref: reference })).card);
    expect(tally).toContain('Status: Awaiting acknowledgement');
    expect(tally).toContain('Not yet answered 6');
    expect(await world.auditActions(reference)).not.toContain('acknowledged');
    // Nothing was stored: Jordan's real answer is the first one.
    const real = await jordan.click(await ackCard(world, jordan, reference), 'I agree');
    expect(text(real.card)).toContain('Your answer: I agree');
  });

  test('an invitation reply named after a built-in, or "awaiting", is refused and records nothing', async () => {
    const { reference } = await convened();
    const alex = world.user('Alex Carter');
    const invitation = (await alex.waitForMessage((a) => a.summary === `${reference}: you are invited to a strategy discussion`, 'the invitation'))
      .attachments[0].content;
    const since = await accessRows();
    for (const forged of [...BUILT_INS, 'awaiting']) {
      const answer = await alex.invoke('sd.invitation.reply', { ref: reference, reply: forged });
      expectRefusal(answer.message, forged);
    }
    await expectAudited(BUILT_INS.length + 1, since, BUILT_INS);
    expect(await world.auditActions(reference)).not.toContain('invitation.answered');
    const real = await alex.click(invitation, 'I will attend');
    expect(text(real.card)).toContain('Your reply: Will attend');
  });

  test('attendance named after a built-in is refused and records nothing', async () => {
    const { reference, chair, card } = await convened();
    const attendance = (await chair.click(card, 'Record attendance')).card;
    const everyone = Object.fromEntries(cards.inputs(attendance).map((i) => [i.label, 'Attended']));
    const alexInput = cards.input(attendance, 'Alex Carter (Westmoor Police)').id;
    const since = await accessRows();
    for (const forged of BUILT_INS) {
      const answer = await chair.click(attendance, 'Save attendance', everyone, { data: { [alexInput]: forged } });
      expectRefusal(answer.message, forged);
    }
    await expectAudited(BUILT_INS.length, since, BUILT_INS);
    expect(await world.auditActions(reference)).not.toContain('attendance.recorded');
    const outcome = await chair.invoke('sd.outcome.open', { ref: reference });
    expect(outcome.said).toContain('Record who attended first');
  });

  test('a Front Door decision named after a built-in is refused; the referrer is not told; the real decision still records', async () => {
    const [nia, kim] = await world.install('Nia Evans', 'Kim Lee');
    const reference = await referral(nia);
    const since = await accessRows();
    for (const forged of BUILT_INS) {
      const answer = await kim.invoke('ref.decide', { ref: reference, outcome: forged, rationale: 'Forged.' });
      expectRefusal(answer.message, forged);
    }
    await expectAudited(BUILT_INS.length, since, BUILT_INS);
    expect(await world.auditActions(reference)).not.toContain('referral.decided');
    expect(nia.messages().filter((a) => a.summary?.startsWith(`${reference}: the Front Door decided`))).toEqual([]);
    const real = await kim.invoke('ref.decide', { ref: reference, outcome: 'advice', rationale: 'Advice to the school nurse.' });
    expect(real.said).toContain('Decided Monday 23 November 2026 at 10:00 by Kim Lee: Information and advice');
    await nia.waitForMessage((a) => a.summary === `${reference}: the Front Door decided: Information and advice.`, 'the decision');
  });

  test('the outcome form, the referral’s first question and the difference ladder refuse values their cards never offer', async () => {
    const { reference, chair } = await discussionWithOutcome(world);
    const since = await accessRows();
    const amend = { ref: reference, baseVersion: 1, rationale: 'r', contributions: 'c', familyShared: 'no', familyDetail: 'd', amendmentReason: 'a' };
    for (const data of [
      { ...amend, threshold: 'constructor', decision: 'early-help' },
      { ...amend, threshold: 'not-met', decision: '__proto__' },
      { ...amend, threshold: 'not-met', decision: 'early-help', familyShared: 'toString' },
      {
        ...amend,
        threshold: 'not-met',
        decision: 'early-help',
        action_1_text: 'Visit',
        action_1_owner: world.user('Jordan Reid').who.aadObjectId,
        action_1_due: 'soon',
      },
      { ...amend, threshold: 'not-met', decision: 'early-help', baseVersion: [1] },
    ]) {
      expectRefusal((await chair.invoke('sd.outcome.save', data)).message, 'constructor');
    }
    expect(await world.auditActions(reference)).not.toContain('outcome.amended');
    const nia = world.user('Nia Evans');
    expectRefusal((await nia.invoke('ref.danger', { danger: 'constructor' })).message, 'constructor');
    expectRefusal((await nia.invoke('pd.escalate', { ref: 'PD-0001', stage: true })).message, 'true');
    await expectAudited(7, since, BUILT_INS);
  });
});

describe('versions are positive whole numbers only', () => {
  test('[1], true, "0x1", 0, -1, 1.5, "01", " 1" and no version at all are refused; the JSON number 1 and the text "1" are version 1', async () => {
    const { reference, chair, attendees } = await discussionWithOutcome(world);
    const [jordan, alex] = attendees;
    const since = await accessRows();
    const forged: unknown[] = [[1], true, '0x1', 0, -1, 1.5, '01', ' 1', '1e0', 10_000_000, null];
    for (const version of forged) {
      const answer = await jordan.invoke('sd.ack', { ref: reference, answer: 'agree', ...(version === null ? {} : { version }) });
      expectRefusal(answer.message, 'version 1');
    }
    await expectAudited(forged.length, since, []);
    expect(text((await chair.invoke('sd.tally.view', { ref: reference })).card)).toContain('Not yet answered 6');
    expect(text((await alex.invoke('sd.ack', { ref: reference, version: '1', answer: 'agree' })).card)).toContain('Your answer: I agree');
    expect(text((await jordan.invoke('sd.ack', { ref: reference, version: 1, answer: 'agree' })).card)).toContain('Your answer: I agree');
  });
});

describe('every invoke gets an answer', () => {
  test('a message-extension query, a task module, a card action without a verb or with an unknown one: a clear answer, audited without echo', async () => {
    const nia = world.user('Nia Evans');
    await nia.install();
    const since = await accessRows();
    const query = await nia.invokeNamed('composeExtension/query', { commandId: 'search', parameters: [{ name: 'q', value: 'Jane Smith' }] });
    expect(query.status).toBe(200);
    expect(query.body.composeExtension.text).toMatch(/Concord does not offer this/);
    const task = await nia.invokeNamed('task/fetch', { data: { who: 'Jane Smith' } });
    expect(task.status).toBe(200);
    expect(task.body.task).toEqual({ type: 'message', value: expect.stringMatching(/Concord does not offer this/) });
    const noVerb = await nia.invokeNamed('adaptiveCard/action', { action: { type: 'Action.Execute', data: { who: 'Jane Smith' } }, trigger: 'manual' });
    expect(noVerb.status).toBe(200);
    expect(noVerb.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: expect.stringMatching(/not one Concord knows/) });
    const unknownVerb = await nia.invoke('Jane Smith 01/02/2020', {});
    expect(unknownVerb.message).toMatch(/not one Concord knows/);
    const strange = await nia.invokeNamed('Jane Smith', {});
    expect(strange.status).toBe(200);
    const rows = (await world.concord.audit.trail('access')).slice(since).filter((e) => e.action === 'refused.unknown-action');
    expect(rows.map((r) => r.detail)).toEqual([
      'invoke composeExtension/query',
      'invoke task/fetch',
      'card action without a verb',
      'card action: verb not recognised (length 21)',
      'invoke not recognised (name length 10)',
    ]);
  });
});

describe('audit rows never echo what a person typed', () => {
  test('a reference that is not one, typed or on a card: the audit row gives its length only', async () => {
    const nia = world.user('Nia Evans');
    await nia.install();
    const since = await accessRows();
    expect((await nia.say('record Jane-Smith'))[0].text).toContain('You are not involved in JANE-SMITH');
    expect((await nia.invoke('sd.tally.view', { ref: 'Jane Smith' })).message).toBe('You are not involved in that case, so Concord cannot show or change it.');
    const access = (await world.concord.audit.trail('access')).slice(since);
    expect(access.map((e) => e.detail)).toEqual([
      'asked for a reference not in Concord’s format (length 10)',
      'asked for a reference not in Concord’s format (length 10)',
    ]);
  });

  test('a body that is not JSON: the audit row does not quote it', async () => {
    const since = await accessRows();
    const res = await fetch(`${world.concord.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": "Jane Smith", born 2020',
    });
    expect(res.status).toBe(400);
    expect((await world.concord.audit.trail('access')).slice(since).map((e) => e.detail)).toEqual(['body is not JSON']);
  });

  test('a difference about a case reference that is not Concord’s: the audit row does not repeat it', async () => {
    const nia = world.user('Nia Evans');
    await world.install('Nia Evans', 'Jordan Reid');
    const [form] = await nia.say('escalate');
    const raised = await nia.click(form.attachments[0].content, 'Raise the difference', {
      'Case reference (not the child’s name)': 'Jane Smith',
      'The decision or action in question': 'No section 47 enquiry',
      'Your reasons and the evidence': 'Bruising.',
      'The outcome you are seeking': 'A section 47 enquiry',
      'Responding practitioner': 'Jordan Reid',
    });
    const pd = /^(PD-\d{4})/.exec(text(raised.card))![1];
    const trail = await world.concord.audit.trail(pd);
    expect(trail.map((e) => e.detail)).toEqual(['about a case reference not in Concord’s format']);
  });
});

/** The referral questions, answered, then submitted: returns its reference. */
async function referral(nia: TeamsUser): Promise<string> {
  const answers: Record<string, cards.Answer>[] = [
    {
      'Child’s full name (or “unborn baby of …”)': 'Alex Example',
      'Date of birth, or expected due date if unborn': '2026-06-14',
      Address: '1 Example Road, Westmoor',
      'GP practice': 'Riverside Medical Practice',
    },
    {
      'Mother or main carer (name, relationship)': 'Sam Example, mother',
      'Father (name, or why not known)': 'Not known',
      'Partners and other adults in the household': 'None',
      'Who holds parental responsibility': 'Mother',
    },
    { 'What happened, with dates': '20 November: bruising.', 'What you saw yourself': 'Bruising.', 'What you were told, and by whom': 'Nothing.' },
    {
      'The child’s needs and the impact on the child': 'A baby with unexplained bruising who needs safe care at home.',
      'The child’s voice: what they say, or show': 'Too young to speak.',
    },
    { 'Do the parents know about this referral?': 'No', 'Do they consent?': 'Not asked', 'If they do not know or do not consent, why': 'Risk to the baby.' },
    { 'Other agencies involved': 'None', 'Other processes under way (police investigation, court)': 'None' },
  ];
  const [first] = await nia.say('refer');
  let card = (await nia.click(first.attachments[0].content, 'No')).card;
  for (let i = 0; i < answers.length; i++) card = (await nia.click(card, i === answers.length - 1 ? 'Review' : 'Next', answers[i])).card;
  return /(REF-\d{4})/.exec((await nia.click(card, 'Submit the referral')).said)![1];
}

describe('typed text holds only what a keyboard sends', () => {
  test('a note with control characters, U+FFFE or a lone surrogate (no keyboard sends them; a forged card can) is refused, audited, and records nothing', async () => {
    const { reference, chair, attendees } = await discussionWithOutcome(world);
    const jordan = attendees[0];
    const since = await accessRows();
    const forged = ['Seen\u0001 today', 'Seen\u001b[31m', 'Seen\uFFFE', 'Seen \uD800 alone'];
    for (const note of forged) {
      const answer = await jordan.invoke('sd.ack', { ref: reference, version: 1, answer: 'agree-with-note', note });
      expectRefusal(answer.message, note);
    }
    await expectAudited(forged.length, since, forged);
    expect(await world.auditActions(reference)).not.toContain('acknowledged');
    // A tab, new lines and any language's letters are typed text, kept as typed.
    const real = await jordan.invoke('sd.ack', { ref: reference, version: 1, answer: 'agree-with-note', note: 'Seen\ttoday\r\nby the HV — café, 家庭 🙂' });
    expect(text(real.card)).toContain('Seen\ttoday\r\nby the HV — café, 家庭 🙂');
    expect(text((await chair.invoke('sd.tally.view', { ref: reference })).card)).toContain('Not yet answered 5');
  });
});
