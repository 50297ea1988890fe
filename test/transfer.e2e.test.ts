import * as cards from './harness/cards';
import { TeamsUser } from './harness/teams';
import { World } from './harness/world';
import { answerReferralSteps, FRONT_DOOR, installInFrontDoorTeam } from './harness/frontDoor';
import { REFERRAL } from './harness/partnershipSeed';
import { CONVENE_ANSWERS } from './harness/strategyFlow';

const text = cards.text;
const NORTHSHIRE_TENANT = '44444444-4444-4444-8444-444444444444';

/** Starts a transfer from the `transfer` command; returns the sender's card and the reference. */
async function startTransfer(sender: TeamsUser, to: string, plan = 'Child protection plan', proposedDate = '2026-12-07') {
  const [form] = await sender.say('transfer');
  const started = await sender.click(form.attachments[0].content, 'Start the transfer', {
    'Receiving authority': to,
    'The child’s plan': plan,
    'The child’s case reference(s), not their name': 'WM-CSC 40122',
    'Why the case transfers': 'Mother and baby moved to the other authority on 16 November.',
    'Proposed transfer date': proposedDate,
  });
  const reference = /(TR-\d{4})/.exec(text(started.card))![1];
  return { card: started.card, reference };
}

/** The latest message this person was sent about the transfer whose first line starts so. */
async function notice(person: TeamsUser, firstLine: string): Promise<any> {
  return person.waitForMessage((a) => typeof a.summary === 'string' && a.summary.startsWith(firstLine), `"${firstLine}"`);
}

describe('case transfer between local authorities', () => {
  let world: World;
  beforeAll(async () => {
    world = await World.start({ at: '2026-11-23T10:00:00Z' }); // Monday
  });
  afterAll(async () => world?.stop());

  test('accepted in Teams with an agreed date: both sides see the same responsible authority before and after the date; the checklist incomplete tells both managers', async () => {
    const [jordan, sam] = await world.install('Jordan Reid', 'Sam Okafor');
    const fiona = world.user('Fiona Nash');
    const gareth = world.user('Gareth Cole');
    expect(fiona.who.tenantId).toBe(NORTHSHIRE_TENANT);
    await fiona.install();
    await gareth.install();

    const { card, reference } = await startTransfer(jordan, 'Northshire Council');
    expect(text(card)).toContain("Responsible now: Westmoor Children's Social Care, until Northshire Council accepts and the agreed date arrives");
    expect(text(card)).toContain('To do: A transfer-in child protection conference is held in the receiving authority by Monday 14 December 2026');
    expect(await world.auditActions(reference)).toEqual(['transfer.started']);

    const request = await notice(fiona, `${reference}: Westmoor Children's Social Care asks Northshire Council to accept a case transfer`);
    const fionaCard = request.attachments[0].content;
    expect(cards.buttonTitles(fionaCard)).toEqual([
      'Accept with this date',
      'Propose another date',
      'Ask for information',
      'Decline, with the reason',
      `Open ${reference}`,
    ]);

    // Accepting needs a date.
    const noDate = await fiona.click(fionaCard, 'Accept with this date');
    expect(noDate.said).toContain('Give the date.');
    const accepted = await fiona.click(fionaCard, 'Accept with this date', { 'Transfer date (to accept, or to propose another)': '2026-12-07' });
    const before =
      "Responsible now: Westmoor Children's Social Care until Monday 7 December 2026, then Northshire Council (accepted by Fiona Nash on Monday 23 November 2026)";
    expect(text(accepted.card)).toContain(before);
    const told = await notice(jordan, `${reference}: Northshire Council accepted the transfer`);
    expect(text(told.attachments[0].content)).toContain(before);
    // A second click changes nothing, and is not recorded twice.
    await fiona.click(fionaCard, 'Accept with this date', { 'Transfer date (to accept, or to propose another)': '2026-12-09' });
    expect((await world.auditActions(reference)).filter((a) => a === 'transfer.accepted')).toHaveLength(1);

    // Jordan ticks off one item; the rest stay open.
    const ticked = await jordan.click(told.attachments[0].content, 'Done: The current assessment is completed');
    expect(text(ticked.card)).toContain('Done (Jordan Reid');

    // The agreed date arrives: responsibility moves, and both managers hear the checklist is incomplete.
    world.clock.set('2026-12-07T00:00:30Z');
    await world.runDueWork();
    const after = 'Responsible now: Northshire Council since Monday 7 December 2026 (accepted by Fiona Nash on Monday 23 November 2026)';
    for (const person of [jordan, fiona]) {
      const [record] = await person.say(`record ${reference}`);
      expect(text(record.attachments[0].content)).toContain(after);
    }
    await notice(sam, `${reference}: the agreed transfer date has arrived with the checklist incomplete`);
    await notice(gareth, `${reference}: the agreed transfer date has arrived with the checklist incomplete`);
    expect(await world.auditActions(reference)).toEqual(
      expect.arrayContaining(['transfer.responsibility-moved', 'transfer.checklist-incomplete', 'transfer.checked', 'record.viewed']),
    );

    const [exported] = await jordan.say(`export ${reference}`);
    expect(exported.text).toContain(after);
    expect(exported.text).toContain('Fiona Nash');
  });

  test('outside the tenants: the sender gets the summary and a one-time code; entering it accepts; a wrong or reused code is refused and audited', async () => {
    world.clock.set('2026-11-24T10:00:00Z');
    const [jordan, priya] = await world.install('Jordan Reid', 'Priya Shah');
    const { card, reference } = await startTransfer(jordan, 'Eastvale Borough Council', 'Child in need plan');
    const said = text(card);
    expect(said).toContain('Email this to the receiving authority’s contact');
    const summary = cards
      .text(card)
      .split('\n')
      .find((l) => l.startsWith(`${reference}: request to transfer`))!;
    // Its first line names no child: the reference and the two authorities.
    expect(summary).toBe(`${reference}: request to transfer a case from Westmoor Children's Social Care to Eastvale Borough Council`);
    const code = /One-time acceptance code: ([A-Z0-9]{8})/.exec(said)![1];
    expect(said).toContain('transfers@eastvale.gov.example');

    // The sender was shown the code: they cannot enter it themselves.
    const [refusedSender] = await jordan.say(`accept transfer ${reference} ${code}`);
    expect(refusedSender.text).toContain('not whoever started the transfer');

    // Priya records Eastvale's acceptances; a wrong code is refused and audited.
    const [form] = await priya.say(`accept transfer ${reference} WRONG123`);
    const wrong = await priya.click(form.attachments[0].content, 'Accept with the code', {
      'Who accepted (name and role)': 'Pat Kaur, team manager',
      'Agreed transfer date': '2026-12-14',
    });
    expect(wrong.message).toContain(`That is not the acceptance code of ${reference}. Nothing was recorded.`);
    const [right] = await priya.say(`accept transfer ${reference} ${code.toLowerCase()}`);
    const ok = await priya.click(right.attachments[0].content, 'Accept with the code', {
      'Who accepted (name and role)': 'Pat Kaur, team manager',
      'Agreed transfer date': '2026-12-14',
    });
    expect(text(ok.card)).toContain(
      "Responsible now: Westmoor Children's Social Care until Monday 14 December 2026, then Eastvale Borough Council (accepted by Pat Kaur, team manager on Tuesday 24 November 2026)",
    );
    expect(text(ok.card)).toContain('with the acceptance code, recorded by Priya Shah');
    await notice(jordan, `${reference}: Eastvale Borough Council accepted the transfer`);
    const reused = await priya.click(right.attachments[0].content, 'Accept with the code', {
      'Who accepted (name and role)': 'Pat Kaur, team manager',
      'Agreed transfer date': '2026-12-21',
    });
    expect(reused.message).toContain('That acceptance code was already used');
    const trail = await world.concord.audit.trail(reference);
    expect(trail.filter((e) => e.action === 'refused.wrong-code').map((e) => e.detail)).toEqual(['wrong code (1 of 5)', 'code already used']);
    expect(trail.filter((e) => e.action === 'refused.not-authority')).toHaveLength(1);
    // The code itself is on no audit row and not stored: only its hash.
    expect(JSON.stringify(trail)).not.toContain(code);
  });

  test('a phone acceptance is recorded with who and when by the named partnership person', async () => {
    world.clock.set('2026-11-24T11:00:00Z');
    const [jordan, kim] = await world.install('Jordan Reid', 'Kim Lee');
    const { card, reference } = await startTransfer(jordan, 'Southmere District Council', 'Looked after child');
    expect(text(card)).toContain('Southmere District Council is reached by phone (Southmere duty team, [01632 960 800 (fictional)](tel:01632960800)): Kim Lee');
    expect(cards.buttonTitles(card)).not.toContain('Record an acceptance by phone or email');
    const [kimView] = await kim.say(`record ${reference}`);
    const form = await kim.click(kimView.attachments[0].content, 'Record an acceptance by phone or email');
    const recorded = await kim.click(form.card, 'Record the acceptance', {
      'Who accepted (name and role)': 'Sue Bell, duty manager',
      'Date of the call or email': '2026-11-24',
      'Agreed transfer date': '2026-12-01',
    });
    expect(text(recorded.card)).toContain('then Southmere District Council (accepted by Sue Bell, duty manager on Tuesday 24 November 2026)');
    expect(text(recorded.card)).toContain('by phone or email, recorded by Kim Lee');
    expect(await world.auditActions(reference)).toContain('transfer.accepted');
  });

  test('no answer in 2 working days tells the sender’s manager; a decline tells the admins and one click raises a professional difference pre-filled', async () => {
    world.clock.set('2026-11-25T10:00:00Z'); // Wednesday
    const [jordan, sam, alison] = await world.install('Jordan Reid', 'Sam Okafor', 'Alison Bright');
    const fiona = world.user('Fiona Nash');
    const { reference } = await startTransfer(jordan, 'Northshire Council', 'Child protection plan', '2026-12-21');
    world.clock.set('2026-11-27T10:00:01Z'); // Friday, 2 working days on
    await world.runDueWork();
    await notice(sam, `${reference}: Northshire Council has not answered the transfer request in 2 working days`);
    expect(await world.auditActions(reference)).toContain('transfer.unanswered');

    const request = await notice(fiona, `${reference}: Westmoor Children's Social Care asks Northshire Council`);
    const declined = await fiona.click(request.attachments[0].content, 'Decline, with the reason', {
      'Your reason, question or note': 'The family’s tenancy here is not confirmed.',
    });
    expect(text(declined.card)).toContain("Responsible now: Westmoor Children's Social Care (Northshire Council declined the transfer)");
    await notice(alison, `${reference}: Northshire Council declined the transfer; Westmoor Children's Social Care stays responsible`);
    const toJordan = await notice(jordan, `${reference}: Northshire Council declined the transfer`);
    const raise = await jordan.click(toJordan.attachments[0].content, 'Raise a professional difference');
    const form = raise.card;
    expect(cards.input(form, 'Case reference (not the child’s name)').value).toBe(reference);
    expect(cards.input(form, 'The decision or action in question').value).toContain('declined by Northshire Council');
    expect(cards.input(form, 'Your reasons and the evidence').value).toContain('The family’s tenancy here is not confirmed.');
    expect(cards.input(form, 'Responding practitioner').value).toBe(fiona.who.aadObjectId);
    const raised = await jordan.click(form, 'Raise the difference', { 'The outcome you are seeking': 'The transfer accepted' });
    expect(text(raised.card)).toMatch(/PD-\d{4}/);
  });

  test('a person of neither authority cannot see or act on a transfer', async () => {
    world.clock.set('2026-11-30T10:00:00Z');
    const [jordan, nia] = await world.install('Jordan Reid', 'Nia Evans');
    const { reference } = await startTransfer(jordan, 'Northshire Council', 'Child in need plan', '2026-12-21');
    const [seen] = await nia.say(`record ${reference}`);
    expect(seen.text).toBe(`Neither authority of ${reference} is yours, so Concord cannot show or change it.`);
    const acted = await nia.invoke('tr.answer', { ref: reference, answer: 'accept', date: '2026-12-21' });
    expect(acted.message).toContain('Neither authority');
    const [exported] = await nia.say(`export ${reference}`);
    expect(exported.text).toContain('Neither authority');
    const access = (await world.concord.audit.trail('access')).filter((e) => e.actorAadObjectId === nia.who.aadObjectId);
    expect(access.map((e) => e.action)).toEqual(['refused.not-involved', 'refused.not-involved', 'refused.not-involved']);
    expect(access.every((e) => e.detail === `asked for ${reference}`)).toBe(true);
    // Help offers it to social care, not to a nurse.
    const [jordanHelp] = await jordan.say('help');
    const opened = await jordan.click(jordanHelp.attachments[0].content, 'Transfer a case to another authority');
    expect(cards.buttonTitles(opened.card)).toEqual(['Start the transfer']);
    const [niaHelp] = await nia.say('help');
    expect(cards.buttonTitles(niaHelp.attachments[0].content)).not.toContain('Transfer a case to another authority');
    // Nor can someone outside social care start one: told before filling in the form, and when sending it anyway.
    const ONLY = 'Only a practitioner or manager of a local authority’s children’s social care can start a transfer.';
    expect((await nia.say('transfer'))[0].text).toBe(ONLY);
    const form = (await jordan.invoke('tr.start.open', {})).card;
    const refused = await nia.click(form, 'Start the transfer', {
      'Receiving authority': 'Northshire Council',
      'The child’s plan': 'Child in need plan',
      'The child’s case reference(s), not their name': 'X',
      'Why the case transfers': 'Moved',
      'Proposed transfer date': '2026-12-21',
    });
    expect(refused.message).toBe(ONLY);
  });

  test('the proposed date passing unaccepted lapses a transfer (the admins are told); the admins’ report counts transfers by month', async () => {
    const [alison, jordan] = await world.install('Alison Bright', 'Jordan Reid');
    world.clock.set('2026-12-21T00:00:30Z');
    await world.runDueWork();
    const lapsed = await notice(alison, 'TR-0005: the proposed transfer date passed without acceptance');
    expect(text(lapsed.attachments[0].content)).toContain(
      "Responsible now: Westmoor Children's Social Care (the proposed date passed without Northshire Council’s acceptance)",
    );
    expect(await world.auditActions('TR-0005')).toContain('transfer.lapsed');
    // The declined one does not lapse again.
    expect(await world.auditActions('TR-0004')).not.toContain('transfer.lapsed');

    const [report] = await alison.say('transfers');
    expect(report.text).toContain('2026-11: 5 out, 0 in; 3 accepted (median 0 working days to acceptance); 1 declined; 1 lapsed');
    const [csv] = await alison.say('transfers csv');
    expect(csv.text.split('\n')).toEqual([
      'month,transfers_out,transfers_in,accepted,median_working_days_to_acceptance,declined,lapsed',
      '2026-11,5,0,3,0,1,1',
    ]);
    const [refused] = await jordan.say('transfers');
    expect(refused.text).toBe('Only partnership administrators can see the transfers report.');
  });
});

describe('a date the receiving authority proposes', () => {
  let world: World;
  beforeAll(async () => {
    world = await World.start({ at: '2026-11-23T10:00:00Z' }); // Monday
  });
  afterAll(async () => world?.stop());

  test('the sender agrees to it from the card: accepted for that date, the proposer told, responsibility moving on it and not on the date first proposed; an older proposal’s button is refused', async () => {
    const [jordan] = await world.install('Jordan Reid');
    const fiona = world.user('Fiona Nash');
    await fiona.install();
    const { reference } = await startTransfer(jordan, 'Northshire Council');
    const request = await notice(fiona, `${reference}: Westmoor Children's Social Care asks Northshire Council to accept a case transfer`);
    const dateField = 'Transfer date (to accept, or to propose another)';
    await fiona.click(request.attachments[0].content, 'Propose another date', {
      [dateField]: '2026-12-14',
      'Your reason, question or note': 'Our panel sits that week.',
    });
    const first = await notice(jordan, `${reference}: Northshire Council proposes another date`);
    expect(cards.buttonTitles(first.attachments[0].content)).toContain('Agree to Monday 14 December 2026');

    // Fiona changes her mind before Jordan answers: the older card's button is refused.
    const [again] = await fiona.say(`record ${reference}`);
    await fiona.click(again.attachments[0].content, 'Propose another date', {
      [dateField]: '2026-12-21',
      'Your reason, question or note': 'The week after, please.',
    });
    const stale = await jordan.click(first.attachments[0].content, 'Agree to Monday 14 December 2026');
    expect(stale.message).toContain('Northshire Council has since proposed Monday 21 December 2026');
    expect(await world.auditActions(reference)).not.toContain('transfer.date-agreed');

    const [mine] = await jordan.say(`record ${reference}`);
    const agreed = await jordan.click(mine.attachments[0].content, 'Agree to Monday 21 December 2026');
    const before =
      "Responsible now: Westmoor Children's Social Care until Monday 21 December 2026, then Northshire Council (accepted by Fiona Nash on Monday 23 November 2026)";
    expect(text(agreed.card)).toContain(before);
    expect(text(agreed.card)).toContain("Jordan Reid (Westmoor Children's Social Care) agreed the proposed date Monday 21 December 2026");
    expect(text(agreed.card)).not.toContain('Northshire Council proposes');
    const told = await notice(fiona, `${reference}: Westmoor Children's Social Care agreed the date you proposed; the transfer is accepted`);
    expect(text(told.attachments[0].content)).toContain(before);
    // The same click again changes nothing and is audited once.
    await jordan.click(mine.attachments[0].content, 'Agree to Monday 21 December 2026');
    expect((await world.auditActions(reference)).filter((a) => a === 'transfer.date-agreed')).toHaveLength(1);

    // The date first proposed passes: nothing lapses and nothing moves. The agreed date moves responsibility.
    world.clock.set('2026-12-07T00:00:30Z');
    await world.runDueWork();
    expect(await world.auditActions(reference)).not.toContain('transfer.lapsed');
    expect(await world.auditActions(reference)).not.toContain('transfer.responsibility-moved');
    world.clock.set('2026-12-21T00:00:30Z');
    await world.runDueWork();
    await notice(jordan, `${reference}: responsibility has moved to Northshire Council today`);
    await notice(fiona, `${reference}: responsibility has moved to Northshire Council today`);
  });
});

describe('an acceptance code guessed at', () => {
  let world: World;
  beforeAll(async () => {
    world = await World.start({ at: '2026-11-24T10:30:00Z' });
  });
  afterAll(async () => world?.stop());

  test('five wrong codes lock a transfer’s code, even against the right one; the sender issues a new one, which accepts; every refusal and the new code are audited, no code on any row', async () => {
    const [jordan, priya] = await world.install('Jordan Reid', 'Priya Shah');
    const { card, reference } = await startTransfer(jordan, 'Eastvale Borough Council', 'Child in need plan');
    const code = /One-time acceptance code: ([A-Z0-9]{8})/.exec(text(card))![1];
    const enter = async (entered: string) => {
      const [form] = await priya.say(`accept transfer ${reference} ${entered}`);
      return priya.click(form.attachments[0].content, 'Accept with the code', {
        'Who accepted (name and role)': 'Pat Kaur, team manager',
        'Agreed transfer date': '2026-12-14',
      });
    };
    for (const left of [4, 3, 2, 1]) {
      const wrong = await enter('WRONG123');
      expect(wrong.message).toBe(
        `That is not the acceptance code of ${reference}. Nothing was recorded. ${left} more wrong code${left === 1 ? '' : 's'} will lock it.`,
      );
    }
    const fifth = await enter('WRONG123');
    expect(fifth.message).toBe(
      `That is not the acceptance code of ${reference}. Nothing was recorded. That was the fifth wrong code, so the code is now locked: ask Jordan Reid (Westmoor Children's Social Care) for a new one.`,
    );
    const locked = await enter(code);
    expect(locked.message).toBe(
      `The acceptance code of ${reference} is locked after five wrong codes. Nothing was recorded. Ask Jordan Reid (Westmoor Children's Social Care) for a new code.`,
    );

    // The sender sees the lock on their card and issues a new code: the old one stays dead.
    const [mine] = await jordan.say(`transfer ${reference}`);
    expect(text(mine.attachments[0].content)).toContain('The acceptance code was locked after five wrong codes: issue a new one and email it.');
    const reissued = await jordan.click(mine.attachments[0].content, 'Issue a new acceptance code');
    expect(text(reissued.card)).toContain('Email this to the receiving authority’s contact');
    const fresh = /One-time acceptance code: ([A-Z0-9]{8})/.exec(text(reissued.card))![1];
    expect(fresh).not.toBe(code);
    expect((await enter(code)).message).toBe(`That is not the acceptance code of ${reference}. Nothing was recorded. 4 more wrong codes will lock it.`);
    const ok = await enter(fresh);
    expect(text(ok.card)).toContain('with the acceptance code, recorded by Priya Shah');

    const trail = await world.concord.audit.trail(reference);
    expect(trail.filter((e) => e.action === 'refused.wrong-code').map((e) => e.detail)).toEqual([
      'wrong code (1 of 5)',
      'wrong code (2 of 5)',
      'wrong code (3 of 5)',
      'wrong code (4 of 5)',
      'wrong code (5 of 5): locked',
      'code locked',
      'wrong code (1 of 5)',
    ]);
    expect(trail.filter((e) => e.action === 'transfer.code-issued').map((e) => e.detail)).toEqual(['a new code; the last one was locked']);
    expect(JSON.stringify(trail)).not.toContain(code);
    expect(JSON.stringify(trail)).not.toContain(fresh);
  });
});

describe('a child open to another local authority', () => {
  let world: World;
  beforeAll(async () => {
    world = await World.start({ at: '2026-11-23T10:00:00Z' }); // Monday
  });
  afterAll(async () => world?.stop());

  test('the referral says so; the discussion convened from it makes that authority a core invitee (a reason is needed to leave it out); a transfer starts from it pre-filled', async () => {
    const [nia, kim, sam, jordan] = await world.install('Nia Evans', 'Kim Lee', 'Sam Okafor', 'Jordan Reid');
    await world.install('Alex Carter', 'Helen Grant', 'Lucy Park', 'Chris Dunn', 'Dee Walsh');
    const fiona = world.user('Fiona Nash');
    await fiona.install();
    await installInFrontDoorTeam(world, kim);

    const steps = REFERRAL.slice(0, -1).concat({
      ...REFERRAL[REFERRAL.length - 1],
      'Is the child, or an unborn baby’s family, known or open to another local authority?': 'Northshire Council',
      'Known or open to it since': '2026-03-02',
      'The plan there': 'Child protection plan',
      'Has the family moved, or is it about to move, between authorities?': 'Yes, it has moved',
    });
    const [first] = await nia.say('refer');
    const review = await answerReferralSteps(nia, (await nia.click(first.attachments[0].content, 'No')).card, steps);
    const submitted = await nia.click(review, 'Submit the referral');
    const reference = /(REF-\d{4})/.exec(submitted.said)![1];
    const triage = await world.connector.waitFor(
      () => world.connector.sentTo(FRONT_DOOR).find((a) => a.summary === `${reference}: new referral`),
      'the triage card',
    );
    // The Front Door sees it on the referral.
    expect(text(triage.attachments[0].content)).toContain('Northshire Council');
    expect(text(triage.attachments[0].content)).toContain('Child protection plan');
    await kim.inChannel(FRONT_DOOR).click(triage.attachments[0].content, 'Record the decision', {
      Decision: 'Strategy discussion',
      'Rationale (the referrer is told)': 'Possible significant harm.',
    });
    const offer = await sam.waitForMessage((a) => a.summary?.startsWith(`${reference}: the Front Door decided on a strategy discussion`), 'the convene card');
    const conveneCard = offer.attachments[0].content;
    expect(text(conveneCard)).toContain(
      'Known to Northshire Council since Monday 2 March 2026: Child protection plan; the family has moved. That authority is a core invitee: invite its contact, or say why not.',
    );
    const { 'What the discussion is about': _prefilled, ...answers } = CONVENE_ANSWERS;
    const refused = await sam.click(conveneCard, 'Convene and send invitations', answers);
    expect(refused.said).toContain('Nobody is invited as The other local authority: invite someone or give the reason.');

    // Invited, Fiona (Northshire's transfer contact) gets her invitation; the record says why she is there.
    const convened = await sam.click(refused.card, 'Convene and send invitations', {
      ...answers,
      'The other local authority (Northshire Council)': ['Fiona Nash'],
    });
    const sd = /^(SD-\d+)/.exec(text(convened.card))![1];
    await fiona.waitForMessage((a) => a.summary?.startsWith(sd), 'her invitation');
    const [record] = await sam.say(`record ${sd}`);
    expect(text(record.attachments[0].content)).toContain('Known to Northshire Council since Monday 2 March 2026: Child protection plan; the family has moved');
    expect(text(record.attachments[0].content)).toContain('The other local authority');

    // The chair starts the transfer from the discussion's record: filled in from it.
    const fromRecord = await sam.click(record.attachments[0].content, 'Transfer the case to another authority');
    expect(cards.input(fromRecord.card, 'Receiving authority').value).toBe('northshire');
    // So can Jordan (social care, invited), by typing it.
    const [form] = await jordan.say(`transfer ${sd}`);
    const startCard = form.attachments[0].content;
    expect(cards.input(startCard, 'Receiving authority').value).toBe('northshire');
    expect(cards.input(startCard, 'The child’s plan').value).toBe('cp');
    expect(cards.input(startCard, 'The child’s case reference(s), not their name').value).toBe(sd);
    const started = await jordan.click(startCard, 'Start the transfer', {
      'Why the case transfers': 'The family moved to Northshire.',
      'Proposed transfer date': '2026-12-14',
    });
    expect(text(started.card)).toContain("Responsible now: Westmoor Children's Social Care, until Northshire Council accepts");
    const tr = /(TR-\d{4})/.exec(text(started.card))![1];
    expect(await world.auditActions(tr)).toEqual(['transfer.started']);
    // The discussion shows the transfer started from it, on its card and in its export.
    const [withTransfer] = await sam.say(`record ${sd}`);
    expect(text(withTransfer.attachments[0].content)).toContain(`Case transfer ${tr} to Northshire Council, started`);
    const [sdExport] = await sam.say(`export ${sd}`);
    expect(sdExport.text).toContain(`Case transfer ${tr} to Northshire Council`);
    expect(await world.auditActions(sd)).toContain('transfer.started');
    // The referral's own card offers it to the Front Door too.
    const [referralCard] = await kim.say(`record ${reference}`);
    expect(cards.buttonTitles(referralCard.attachments[0].content)).toContain('Transfer the case to another authority');
    const kimForm = await kim.click(referralCard.attachments[0].content, 'Transfer the case to another authority');
    expect(cards.input(kimForm.card, 'The child’s case reference(s), not their name').value).toBe(reference);
    const kimStarted = await kim.click(kimForm.card, 'Start the transfer', { 'Why the case transfers': 'Moved.', 'Proposed transfer date': '2026-12-14' });
    const fromReferral = /(TR-\d{4})/.exec(text(kimStarted.card))![1];
    const [referralAfter] = await kim.say(`record ${reference}`);
    expect(text(referralAfter.attachments[0].content)).toContain(`${fromReferral} to Northshire Council, started`);
    // Someone not involved in the discussion cannot start from it.
    const [notInvolved] = await world.user('Omar Haddad').say(`transfer ${sd}`);
    expect(notInvolved.text).toContain(`not involved in ${sd}`);
  });

  test('convened with "strategy" and no referral, the chair is asked too: the authority named becomes a core invitee, on the record, and a transfer starts from it filled in', async () => {
    const [sam, jordan] = await world.install('Sam Okafor', 'Jordan Reid');
    const fiona = world.user('Fiona Nash');
    await fiona.install();
    const [form] = await sam.say('strategy');
    const card = form.attachments[0].content;
    expect(cards.input(card, 'Is the child, or an unborn baby’s family, known or open to another local authority?')).toBeDefined();
    const answers = {
      ...CONVENE_ANSWERS,
      Date: '2026-11-24',
      'Is the child, or an unborn baby’s family, known or open to another local authority?': 'Northshire Council',
      'Known or open to it since': '2026-03-02',
      'The plan there': 'Child protection plan',
      'Has the family moved, or is it about to move, between authorities?': 'Yes, it is about to move',
    };
    const refused = await sam.click(card, 'Convene and send invitations', answers);
    expect(refused.said).toContain('Nobody is invited as The other local authority: invite someone or give the reason.');
    expect(text(refused.card)).toContain('Known to Northshire Council since Monday 2 March 2026: Child protection plan; the family is about to move.');
    const convened = await sam.click(refused.card, 'Convene and send invitations', {
      ...answers,
      'The other local authority (Northshire Council)': ['Fiona Nash'],
    });
    const sd = /^(SD-\d+)/.exec(text(convened.card))![1];
    await fiona.waitForMessage((a) => a.summary?.startsWith(sd), 'her invitation');
    const [record] = await sam.say(`record ${sd}`);
    expect(text(record.attachments[0].content)).toContain(
      'Known to Northshire Council since Monday 2 March 2026: Child protection plan; the family is about to move',
    );
    const [start] = await jordan.say(`transfer ${sd}`);
    expect(cards.input(start.attachments[0].content, 'Receiving authority').value).toBe('northshire');
    expect(cards.input(start.attachments[0].content, 'The child’s plan').value).toBe('cp');

    // "No, or not known" adds no role, and an authority Concord does not know is refused, not stored.
    const [plain] = await sam.say('strategy');
    const none = await sam.click(plain.attachments[0].content, 'Convene and send invitations', {
      ...CONVENE_ANSWERS,
      Date: '2026-11-24',
      'Is the child, or an unborn baby’s family, known or open to another local authority?': 'No, or not known',
    });
    const other = /^(SD-\d+)/.exec(text(none.card))![1];
    const [otherRecord] = await sam.say(`record ${other}`);
    expect(text(otherRecord.attachments[0].content)).not.toContain('Known to');
    const [forged] = await sam.say('strategy');
    const forgedAnswer = await sam.click(forged.attachments[0].content, 'Convene and send invitations', CONVENE_ANSWERS, {
      data: { otherAuthority: 'atlantis' },
    });
    expect(forgedAnswer.message).toContain('This card sent something Concord does not offer');
    expect((await world.concord.audit.trail('access')).map((e) => e.action)).toContain('refused.invalid-input');
  });
});
