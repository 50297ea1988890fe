import * as cards from './harness/cards';
import { discussionWithOutcome } from './harness/strategyFlow';
import { HOUR, World } from './harness/world';
import { TeamsUser } from './harness/teams';

const text = cards.text;
const START = '2026-11-23T10:00:00Z'; // Monday 10:00

const MINUTES: Record<string, cards.Answer> = {
  'Information shared by each agency': 'Police: partner arrested for domestic abuse eight months before the birth. Hospital: bruising seen on admission.',
  'Analysis of risk and needs, in words': 'A non-mobile baby with unexplained bruising; a carer with a history of violence; mother isolated from her family.',
};

async function ended(world: World, attendance: Record<string, string> = {}) {
  const sd = await discussionWithOutcome(world, undefined, undefined, attendance);
  const endedNote = await sd.chair.click(sd.card, 'The discussion has ended');
  expect(endedNote.message).toMatch(/The minutes are due by \d\d:\d\d on \w+day \d+ November; Dee Walsh has been asked to write them/);
  const dee = world.user('Dee Walsh');
  const draftMessage = await dee.waitForMessage((a) => a.summary?.startsWith(`${sd.reference}: please write the minutes`), 'the drafting card');
  return { ...sd, dee, draft: draftMessage.attachments[0].content };
}

function reviewCard(person: TeamsUser, reference: string, version = 1) {
  return person
    .waitForMessage(
      (a) => a.attachments?.[0]?.content?.actions?.some((x: any) => x.verb === 'minutes.confirm' && x.data?.ref === reference && x.data?.version === version),
      `the minutes of ${reference} v${version}`,
    )
    .then((m) => m.attachments[0].content);
}

describe('minutes within 24 hours', () => {
  let world: World;
  beforeEach(async () => {
    world = await World.start({ at: START });
    await world.install('Dee Walsh', 'Priya Shah', 'Tom Hughes');
  });
  afterEach(async () => world?.stop());

  test('circulated at 20 hours to every attendee, the absent invitee and the referrer; all confirm; on time and fully confirmed', async () => {
    const { reference, chair, attendees, dee, draft } = await ended(world, { 'Chris Dunn (Westmoor Community Midwifery)': 'Sent apologies' });
    expect(dee.messages().some((a) => a.summary === `${reference}: please write the minutes, due by 10:00 on Tuesday 24 November`)).toBe(true);
    expect(text(draft)).toContain('Outcome, not yet acknowledged by everyone (version 1): Section 47 enquiry, joint with police');
    expect(cards.input(draft, 'Decision').value).toBe('s47-joint');

    world.clock.advance(20 * HOUR);
    const circulated = await dee.click(draft, 'Circulate the minutes', MINUTES);
    expect(circulated.message).toBe(
      `${reference}: the minutes were circulated to 7 people, within 24 hours. Each is asked to confirm they received and reviewed them; anyone who cannot be reached will be reported to you.`,
    );

    const chris = attendees[5]; // sent apologies: still receives them
    for (const person of [...attendees, chair]) {
      const card = await reviewCard(person, reference);
      expect(text(card).split('\n')[0]).toBe(`${reference}: the minutes need your review`);
      const confirmed = await person.click(card, 'Received and reviewed');
      expect(confirmed.said).toContain('You confirmed you received and reviewed these minutes');
    }
    expect(chris).toBeDefined();
    const [record] = await chair.say(`record ${reference}`);
    const shown = text(record.attachments[0].content);
    expect(shown).toContain('Circulated within 24 hours.');
    expect(shown).toContain('confirmed by 7 of 7');
    expect(shown).not.toContain('Not yet confirmed');
  });

  test('minutes not written: reminders at 12 and 20 hours, chair and manager told at 24, circulated at 30 hours shows late by 6 hours', async () => {
    const { reference, chair, dee, draft } = await ended(world);
    const priya = world.user('Priya Shah'); // Dee's manager
    const reminders = () => dee.messages().filter((a) => a.summary?.startsWith(`${reference}: reminder, the minutes are due`));
    world.clock.advance(12 * HOUR);
    await world.runDueWork();
    await dee.waitForMessage((a) => a.summary?.startsWith(`${reference}: reminder, the minutes are due`), 'the 12-hour reminder');
    world.clock.advance(8 * HOUR);
    await world.runDueWork();
    await world.connector.waitFor(() => reminders().length === 2, 'the 20-hour reminder');
    world.clock.advance(4 * HOUR);
    await world.runDueWork();
    const overdue = `${reference}: the minutes were due 24 hours after the discussion ended and have not been circulated by Dee Walsh.`;
    await priya.waitForMessage((a) => a.text?.startsWith(overdue), 'the manager notice');
    await chair.waitForMessage((a) => a.text?.startsWith(overdue), 'the chair notice');

    world.clock.advance(6 * HOUR);
    const late = await dee.click(draft, 'Circulate the minutes', MINUTES);
    expect(late.message).toContain('late by 6 hours');
    const card = await reviewCard(chair, reference);
    expect(text(card)).toContain('Circulated late: 6 hours after the 24-hour deadline.');
    expect(await world.auditActions(reference)).toEqual(expect.arrayContaining(['minutes.overdue', 'minutes.circulated']));
  });

  test('the service restarted while the 24-hour deadline passed: the overdue notice goes out once, on start-up', async () => {
    const { reference, chair } = await ended(world);
    await world.concord.stop();
    world.clock.advance(30 * HOUR);
    await world.startConcord();
    const overdue = `${reference}: the minutes were due 24 hours`;
    await chair.waitForMessage((a) => a.text?.startsWith(overdue), 'the overdue notice after the restart');
    await world.runDueWork();
    await world.restart();
    await world.runDueWork();
    expect(chair.messages().filter((a) => a.text?.startsWith(overdue))).toHaveLength(1);
  });

  test('a correction accepted is version 2, circulated and confirmed again; one declined stays as dissent, visible to all, with the offer to raise a difference', async () => {
    const { reference, chair, attendees, dee, draft } = await ended(world);
    const [jordan, alex, nia] = attendees;
    await dee.click(draft, 'Circulate the minutes', MINUTES);
    const niaCard = await reviewCard(nia, reference);
    const correctionAnswers = {
      'What is wrong (for a correction)': 'The hospital said the bruising was on both arms.',
      'What it should say': 'Bruising on both upper arms, photographed.',
    };
    // Clicked twice: one correction.
    const [asked] = await Promise.all([
      nia.click(niaCard, 'Ask for a correction', correctionAnswers),
      nia.click(niaCard, 'Ask for a correction', correctionAnswers),
    ]);
    expect(asked.said).toContain('You asked for correction C1');
    expect((await world.concord.audit.trail(reference)).filter((e) => e.action === 'minutes.correction-requested')).toHaveLength(1);
    const correction = (await chair.waitForMessage((a) => a.summary === `${reference}: a correction to the minutes is asked for`, 'the correction'))
      .attachments[0].content;
    const accepted = await chair.click(correction, 'Accept the correction');
    expect(accepted.said).toContain('Accepted: a new version of the minutes has been circulated.');

    const v2 = await reviewCard(jordan, reference, 2);
    expect(text(v2).split('\n')[0]).toBe(`${reference}: the minutes were corrected (version 2) and need your review again`);
    expect(text(v2)).toContain(
      'Correction C1 applied: “The hospital said the bruising was on both arms.” now reads “Bruising on both upper arms, photographed.”',
    );
    expect((await jordan.click(v2, 'Received and reviewed')).said).toContain('You confirmed');
    const staleConfirm = await alex.click(await reviewCard(alex, reference, 1), 'Received and reviewed');
    expect(staleConfirm.message).toContain('version 2 has replaced them');

    // Alex asks for a correction the chair declines: it stays on the record as dissent.
    const alexV2 = await reviewCard(alex, reference, 2);
    await alex.click(alexV2, 'Ask for a correction', {
      'What is wrong (for a correction)': 'Police did not agree to a joint visit.',
      'What it should say': 'Police will decide on a joint visit tomorrow.',
    });
    const second = (
      await chair.waitForMessage(
        (a) => a.summary === `${reference}: a correction to the minutes is asked for` && text(a.attachments[0].content).includes('correction C2'),
        'the second correction',
      )
    ).attachments[0].content;
    const noReason = await chair.click(second, 'Decline the correction');
    expect(noReason.said).toContain('Give the reason for declining');
    const declined = await chair.click(noReason.card, 'Decline the correction', {
      'Reason, if you decline': 'The police manager agreed the joint visit at the meeting',
    });
    expect(declined.said).toContain('Declined: The police manager agreed the joint visit at the meeting. It stays on the record as a dissent.');

    await jordan.waitForMessage((a) => a.text === `${reference}: a dissent from Alex Carter has been added to the minutes record.`, 'the dissent notice');
    const jordanView = await jordan.invoke('minutes.view', { ref: reference, version: 2 });
    expect(jordanView.said).toContain('Dissent on the record from Alex Carter (Westmoor Police): “Police did not agree to a joint visit.”');
    const alexView = await alex.invoke('minutes.view', { ref: reference, version: 2 });
    expect(cards.buttonTitles(alexView.card)).toContain('Raise a professional difference');
    const form = await alex.click(alexView.card, 'Raise a professional difference');
    expect(cards.input(form.card, 'Your reasons and the evidence').value).toBe(
      'The minutes say “Police did not agree to a joint visit.”; they should say “Police will decide on a joint visit tomorrow.”.',
    );
    const raised = await alex.click(form.card, 'Raise the difference');
    expect(text(raised.card)).toMatch(/^PD-0001: professional difference raised/);
    const after = await alex.invoke('minutes.view', { ref: reference, version: 2 });
    expect(cards.buttonTitles(after.card)).not.toContain('Raise a professional difference');
    const [exported] = await chair.say(`export ${reference}`);
    expect(exported.text).toContain(
      'Correction C2 from Alex Carter: “Police did not agree to a joint visit.” should say “Police will decide on a joint visit tomorrow.”; declined (The police manager agreed the joint visit at the meeting): dissent on the record; raised as professional difference PD-0001.',
    );
  });

  test('minutes whose decision contradicts the acknowledged outcome cannot be circulated silently', async () => {
    const { reference, chair, dee, draft } = await ended(world);
    const refused = await dee.click(draft, 'Circulate the minutes', { ...MINUTES, Decision: 'No further action' });
    expect(refused.said).toContain(
      'The minutes record the decision as “No further action”, but the outcome acknowledged by the attendees (version 1) is “Section 47 enquiry, joint with police”.',
    );
    await chair.waitForMessage(
      (a) => a.text?.startsWith(`${reference}: the draft minutes record a different decision (No further action)`),
      'the chair to be told',
    );
    expect(await world.auditActions(reference)).not.toContain('minutes.circulated');
    const levelOnly = await dee.click(refused.card, 'Circulate the minutes', { ...MINUTES, 'Analysis of risk and needs, in words': 'Level 4' });
    expect(levelOnly.said).toContain('a level alone is not enough');
  });

  test('only the minute-taker and chair write; only recipients confirm, for themselves; a double click confirms once; a draft survives a restart', async () => {
    const { reference, attendees, dee, draft } = await ended(world);
    const [jordan] = attendees;
    const notWriter = await jordan.invoke('minutes.circulate', { ref: reference, ...{ agencyInformation: 'x' } });
    expect(notWriter.message).toBe(`Only the minute-taker or the chair of ${reference} writes its minutes.`);

    const saved = await dee.click(draft, 'Save draft', { 'Information shared by each agency': 'Half written' });
    expect(saved.said).toContain('Draft saved');
    await world.restart();
    const [reopened] = await dee.say(`minutes ${reference}`);
    expect(cards.input(reopened.attachments[0].content, 'Information shared by each agency').value).toBe('Half written');
    await dee.click(reopened.attachments[0].content, 'Circulate the minutes', MINUTES);

    const tom = world.user('Tom Hughes');
    const stranger = await tom.invoke('minutes.confirm', { ref: reference, version: 1 });
    expect(stranger.message).toContain(`You are not involved in ${reference}`);
    const card = await reviewCard(jordan, reference);
    await Promise.all([jordan.click(card, 'Received and reviewed'), jordan.click(card, 'Received and reviewed')]);
    const confirmed = (await world.concord.audit.trail(reference)).filter((e) => e.action === 'minutes.confirmed');
    expect(confirmed).toHaveLength(1);
  });
});

describe('the partnership measure', () => {
  test('partnership admins see minutes on time, the median time to circulation and the share fully confirmed; others are refused', async () => {
    const world = await World.start({ at: START });
    try {
      await world.install('Dee Walsh', 'Alison Bright');
      const a = await ended(world);
      world.clock.advance(2 * HOUR);
      await a.dee.click(a.draft, 'Circulate the minutes', MINUTES);
      const b = await ended(world);
      world.clock.advance(28 * HOUR);
      await b.dee.click(b.draft, 'Circulate the minutes', MINUTES);
      const [report] = await world.user('Alison Bright').say('minutes report 2026-11');
      expect(report.text).toBe(
        [
          'Minutes in November 2026: 2 discussions ended, 2 with minutes circulated.',
          '- Circulated within 24 hours: 1 of 2 (50%)',
          '- Median time to circulation: 15 hours',
          '- Confirmed by every recipient: 0 of 2 (0%)',
        ].join('\n'),
      );
      const [refused] = await world.user('Sam Okafor').say('minutes report 2026-11');
      expect(refused.text).toContain('Only partnership administrators');
    } finally {
      await world.stop();
    }
  });
});
