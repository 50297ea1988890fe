import * as cards from './harness/cards';
import { raiseDifference } from './harness/differenceFlow';
import { TeamsUser } from './harness/teams';
import { readFileSync } from 'node:fs';
import { checkDirectory } from '../src/directoryFile';
import { Directory } from '../src/domain/directory';
import { World } from './harness/world';

const text = cards.text;

async function raiseAsNia(world: World, options: { immediateRisk?: boolean } = {}) {
  const [nia, jordan] = await world.install('Nia Evans', 'Jordan Reid');
  const { reference: reference, raised } = await raiseDifference(nia, options);
  return { nia, jordan, reference, raised };
}

/** The latest stage card this person was sent for the difference. */
async function stageCard(person: TeamsUser, reference: string, stage: number): Promise<any> {
  const msg = await person.waitForMessage(
    (a) =>
      a.summary?.startsWith(reference) &&
      a.attachments?.[0]?.content?.actions?.some(
        (x: any) => (x.data?.stage === stage && x.verb === 'pd.propose') || (x.data?.stage === stage && x.verb === 'pd.final'),
      ),
    `${person.who.name}'s card for stage ${stage}`,
  );
  return msg.attachments[0].content;
}

describe('the Child Alex path', () => {
  let world: World;
  beforeAll(async () => {
    world = await World.start({ at: '2026-11-23T10:00:00Z' }); // Monday
  });
  afterAll(async () => world?.stop());

  test('stage 1 stalls and moves up by itself; a manager asks, then approves; a resolution accepted by the other side closes it', async () => {
    const [tom, sam, ruth, priya] = await world.install('Tom Hughes', 'Sam Okafor', 'Ruth Abbott', 'Priya Shah');
    const { nia, jordan, reference, raised } = await raiseAsNia(world);
    expect(text(raised.card)).toContain('Stage 1 of 4: The practitioners');
    expect(text(raised.card)).toContain('Resolve or escalate by 17:00 on Wednesday 25 November');
    expect(text(raised.card)).toContain('Raised by Nia Evans (Westmoor General Hospital)');
    expect(text(raised.card)).toContain("Responding: Jordan Reid (Westmoor Children's Social Care)");
    await jordan.waitForMessage((a) => a.summary === `${reference}: a professional difference is raised with you`, 'the difference');

    // Nobody resolves stage 1: at its deadline it moves to stage 2 by itself.
    world.clock.set('2026-11-25T17:00:00Z');
    await world.runDueWork();
    const tomCard = await stageCard(tom, reference, 2);
    expect(text(tomCard).split('\n')[0]).toMatch(
      new RegExp(`^${reference}: now at stage 2 \\(escalated automatically: the stage 1 deadline passed without a resolution\\)`),
    );
    expect(cards.buttonTitles(tomCard)).toEqual([
      'Propose a resolution',
      'Approve escalation to stage 3',
      'Ask for information',
      'Give information',
      `Open ${reference}`,
    ]);
    const samCard = await stageCard(sam, reference, 2);
    await nia.waitForMessage((a) => a.summary?.startsWith(`${reference}: now at stage 2`), 'the practitioners to be told why');

    // Sam (social care's manager) asks for information, then approves the escalation.
    world.clock.set('2026-11-26T09:30:00Z');
    const asked = await sam.click(samCard, 'Ask for information', {
      'Your proposal, question or information': 'What did the hospital see on the ward this week?',
    });
    expect(asked.said).toContain('Sam Okafor asked for information: “What did the hospital see on the ward this week?”');
    await tom.waitForMessage((a) => a.summary === `${reference}: Sam Okafor asks for information`, 'the question');
    await tom.click(tomCard, 'Give information', { 'Your proposal, question or information': 'Mother left the baby unattended twice; partner visited drunk.' });
    const approved = await sam.click(samCard, 'Approve escalation to stage 3');
    expect(approved.said).toContain('Stage 3 of 4');

    // Stage 3: the senior managers of both sides. One proposes; the same side cannot accept its own proposal.
    const ruthCard = await stageCard(ruth, reference, 3);
    const proposed = await ruth.click(ruthCard, 'Propose a resolution', {
      'Your proposal, question or information': 'Reconvene the strategy discussion tomorrow with both GPs; s47 enquiry starts today.',
    });
    expect(proposed.said).toContain('(waiting for the other side)');
    const priyaCard = (
      await priya.waitForMessage((a) => a.summary === `${reference}: a resolution is proposed; the other side is asked to accept it`, 'the proposal')
    ).attachments[0].content;
    expect(cards.buttonTitles(priyaCard)).toContain('Accept this resolution');
    const accepted = await priya.click(priyaCard, 'Accept this resolution');
    expect(accepted.said).toContain('Resolved');
    expect(accepted.said).toContain('Reconvene the strategy discussion tomorrow with both GPs');
    await nia.waitForMessage((a) => a.summary === `${reference}: resolved at stage 3; both sides accepted the resolution`, 'the resolution');

    const [exported] = await nia.say(`export ${reference}`);
    const log: string = exported.text;
    expect(log).toContain('- State: **resolved**, stage 3');
    expect(log).toContain('- Stage 1: Monday 23 November 2026 at 10:00 to Wednesday 25 November 2026 at 17:00 (auto-escalated)');
    expect(log).toContain('- Stage 2: Wednesday 25 November 2026 at 17:00 to Thursday 26 November 2026 at 09:30 (escalated); Tom Hughes, Sam Okafor');
    expect(log).toContain('23 Nov 10:00, stage 1: Nia Evans raised the difference');
    expect(log).toContain('25 Nov 17:00, stage 1: Escalated automatically: “the stage 1 deadline passed without a resolution”');
    expect(log).toContain('26 Nov 09:30, stage 2: Sam Okafor asked for information');
    expect(log).toContain('26 Nov 09:30, stage 2: Tom Hughes gave information');
    expect(log).toContain('stage 3: Priya Shah accepted the resolution: resolved');
  });

  test('a resolution accepted by only one side does not close the difference; an earlier stage cannot act; strangers and forged data are refused', async () => {
    world.clock.set('2026-11-30T10:00:00Z');
    const { nia, jordan, reference, raised } = await raiseAsNia(world);
    const niaCard = raised.card; // the raiser's card is the answer to raising it: she is not told it was raised with her
    expect(nia.messages().some((a) => a.summary?.startsWith(reference))).toBe(false);
    await nia.click(niaCard, 'Propose a resolution', { 'Your proposal, question or information': 'Social care starts a s47 enquiry.' });
    const jordanCard = (
      await jordan.waitForMessage((a) => a.summary === `${reference}: a resolution is proposed; the other side is asked to accept it`, 'the proposal')
    ).attachments[0].content;
    const acceptButton = cards.action(jordanCard, 'Accept this resolution');
    const ownSide = await nia.invoke('pd.accept', acceptButton.data);
    expect(ownSide.message).toBe('The resolution must be accepted by the other side, not the side that proposed it.');

    const escalated = await jordan.click(jordanCard, 'Escalate to stage 2');
    expect(escalated.said).toContain('Stage 2 of 4');
    const late = await jordan.invoke('pd.accept', acceptButton.data);
    expect(late.message).toContain('This card is for stage 1 of');
    expect(late.message).toContain('The people at stage 2 act on it now.');
    const earlierStage = await nia.invoke('pd.escalate', { ref: reference, stage: 2 });
    expect(earlierStage.message).toBe(`Only the people taking part in stage 2 of ${reference} can act on it now.`);

    const stranger = world.user('Mark Stone');
    await stranger.install();
    const refused = await stranger.invoke('pd.view', { ref: reference });
    expect(refused.message).toBe(`You are not involved in ${reference}, so Concord cannot show or change it.`);
    const forged = await jordan.invoke('pd.escalate', { ref: 'PD-9999', stage: 1 });
    expect(forged.message).toContain('You are not involved in PD-9999');
    const trail = await world.auditActions(reference);
    expect(trail).toEqual(expect.arrayContaining(['refused.same-side', 'refused.not-participant', 'refused.old-version']));
    expect((await world.concord.audit.trail('access')).some((e) => e.action === 'refused.not-involved' && e.detail?.includes(reference))).toBe(true);
    expect(text((await nia.invoke('pd.view', { ref: reference })).card)).not.toContain('Resolved');
  });

  test('an approval nobody answers within a working day goes to that manager’s own manager, and the silence is recorded', async () => {
    world.clock.set('2026-12-01T10:00:00Z'); // Tuesday
    const [, , ruth] = await world.install('Tom Hughes', 'Sam Okafor', 'Ruth Abbott');
    const { jordan, reference } = await raiseAsNia(world);
    await jordan.click(await stageCard(jordan, reference, 1), 'Escalate to stage 2');
    world.clock.set('2026-12-02T09:59:00Z');
    await world.runDueWork();
    expect(ruth.messages().some((a) => a.summary?.startsWith(`${reference}: Tom Hughes has not answered`))).toBe(false);
    world.clock.set('2026-12-02T10:00:00Z');
    await world.runDueWork();
    const cover = await ruth.waitForMessage(
      (a) => a.summary === `${reference}: Tom Hughes has not answered a professional difference at stage 2; it needs you`,
      'the cover request',
    );
    expect(cards.buttonTitles(cover.attachments[0].content)).toContain('Approve escalation to stage 3');
    expect(text(cover.attachments[0].content)).toContain('No answer: “Tom Hughes did not answer within a working day; Ruth Abbott asked instead”');
    expect(await world.auditActions(reference)).toContain('difference.silence');
  });
});

describe('immediate risk and the Christmas calendar', () => {
  test('immediate risk starts at stage 3 with the emergency route shown and everyone told at once', async () => {
    const world = await World.start({ at: '2026-11-23T10:00:00Z' });
    try {
      const [ruth, priya] = await world.install('Ruth Abbott', 'Priya Shah');
      const { reference, raised, jordan } = await raiseAsNia(world, { immediateRisk: true });
      const said = text(raised.card);
      expect(said).toContain('If the child is in danger now, call 999. Out of hours: 01632 960 999');
      expect(said).toContain('Stage 3 of 4: Senior managers, heads of service and designated professionals');
      for (const p of [ruth, priya]) {
        await p.waitForMessage(
          (a) => a.summary === `${reference}: now at stage 3 (raised because the child is at immediate risk), and it needs you`,
          'the alert',
        );
      }
      // The responding practitioner does not act at the senior managers' stage: they are kept informed.
      await jordan.waitForMessage(
        (a) => a.summary === `${reference}: now at stage 3 (raised because the child is at immediate risk), for your information`,
        'the alert',
      );
    } finally {
      await world.stop();
    }
  });

  test('a difference raised on Thursday 24 December 2026 is due after Christmas, the weekend and the Boxing Day substitute', async () => {
    const world = await World.start({ at: '2026-12-24T11:00:00Z' });
    try {
      const { raised, reference, jordan } = await raiseAsNia(world);
      expect(text(raised.card)).toContain('Resolve or escalate by 17:00 on Wednesday 30 December');
      world.clock.set('2026-12-29T17:00:00Z');
      await world.runDueWork();
      expect(jordan.messages().some((a) => a.summary?.startsWith(`${reference}: now at stage 2`))).toBe(false);
      world.clock.set('2026-12-30T09:00:00Z');
      await world.runDueWork();
      await jordan.waitForMessage((a) => a.summary === `${reference}: stage 1 must be resolved or escalated by 17:00 on Wednesday 30 December`, 'the reminder');
      world.clock.set('2026-12-30T17:00:00Z');
      await world.runDueWork();
      await jordan.waitForMessage((a) => a.summary?.startsWith(`${reference}: now at stage 2`), 'the automatic escalation');
    } finally {
      await world.stop();
    }
  });
});

describe('a form sent twice', () => {
  test('“Raise the difference” clicked twice raises one difference; a question asked twice is logged once', async () => {
    const world = await World.start({ at: '2026-11-23T10:00:00Z' });
    try {
      const [nia, jordan] = await world.install('Nia Evans', 'Jordan Reid');
      const [form] = await nia.say('escalate');
      const answers = {
        'Case reference (not the child’s name)': 'SD-0142',
        'The decision or action in question': 'No section 47 enquiry',
        'Your reasons and the evidence': 'Bruising on a non-mobile baby.',
        'The outcome you are seeking': 'A section 47 enquiry',
        'Responding practitioner': 'Jordan Reid',
      };
      const [a, b] = await Promise.all([
        nia.click(form.attachments[0].content, 'Raise the difference', answers),
        nia.click(form.attachments[0].content, 'Raise the difference', answers),
      ]);
      const refs = [a, b].map((x) => /(PD-\d{4})/.exec(text(x.card))?.[1]);
      expect(refs).toEqual(['PD-0001', 'PD-0001']);
      const card = await stageCard(jordan, 'PD-0001', 1);
      const question = { 'Your proposal, question or information': 'Who saw the bruising?' };
      await Promise.all([jordan.click(card, 'Ask for information', question), jordan.click(card, 'Ask for information', question)]);
      const [exported] = await nia.say('export PD-0001');
      expect(exported.text.match(/Jordan Reid asked for information/g)).toHaveLength(1);
      expect(await world.auditActions('PD-0001')).toEqual(['difference.raised', 'difference.information-asked', 'record.exported']);
    } finally {
      await world.stop();
    }
  });
});

describe('the ladder is the partnership’s', () => {
  test('a partnership with a one-day first stage gets that deadline and its own stage names', async () => {
    const data = JSON.parse(readFileSync('config/partnership.sample.json', 'utf8'));
    data.partnership.escalation.stages[0] = { name: 'Frontline conversation', workingDays: 1 };
    const world = await World.start({ at: '2026-11-23T10:00:00Z', directory: new Directory(checkDirectory(data)) });
    try {
      const { raised } = await raiseAsNia(world);
      expect(text(raised.card)).toContain('Stage 1 of 4: Frontline conversation');
      expect(text(raised.card)).toContain('Resolve or escalate by 17:00 on Tuesday 24 November');
    } finally {
      await world.stop();
    }
  });
});

describe('the partnership log', () => {
  test('partnership admins list every difference and export it as CSV; others are refused', async () => {
    const world = await World.start({ at: '2026-11-23T10:00:00Z' });
    try {
      const { reference } = await raiseAsNia(world);
      const [alison] = await world.install('Alison Bright');
      const [list] = await alison.say('differences');
      const log = text(list.attachments[0].content);
      expect(log).toContain(`Professional differences: 1 raised, 1 open, 0 resolved, 0 closed.`);
      expect(log).toContain(`- ${reference} (SD-0142): Westmoor General Hospital and Westmoor Children's Social Care; open at stage 1`);
      const [csv] = await alison.say('differences csv');
      expect(csv.text).toBe('The log of 1 professional differences, one line each, is offered below as a .csv file.');
      const [refused] = await world.user('Jordan Reid').say('differences');
      expect(refused.text).toBe('Only partnership administrators can see the log of professional differences.');
    } finally {
      await world.stop();
    }
  });
});

describe('questions get answers', () => {
  test('a stage-2 manager asks for information; the practitioner who raised it answers from her own card, and the manager is told', async () => {
    const world = await World.start({ at: '2026-11-23T10:00:00Z' });
    try {
      const [, sam] = await world.install('Tom Hughes', 'Sam Okafor');
      const { nia, reference } = await raiseAsNia(world);
      world.clock.set('2026-11-25T17:00:00Z');
      await world.runDueWork();
      const samCard = await stageCard(sam, reference, 2);
      world.clock.set('2026-11-26T09:30:00Z');
      await sam.click(samCard, 'Ask for information', { 'Your proposal, question or information': 'What did the hospital see on the ward this week?' });
      const question = await nia.waitForMessage(
        (a) => a.summary === `${reference}: Sam Okafor asks for information`,
        `the question (got ${JSON.stringify(nia.messages().map((m) => m.summary))})`,
      );
      const card = question.attachments[0].content;
      expect(text(card)).toContain(
        "Sam Okafor (Westmoor Children's Social Care) asks for information: “What did the hospital see on the ward this week?”. You can answer below.",
      );
      expect(cards.buttonTitles(card)).toEqual(['Give information', `Open ${reference}`]);
      await nia.click(card, 'Give information', { 'Your proposal, question or information': 'Mother left the baby unattended twice.' });
      const told = await sam.waitForMessage((a) => a.summary === `${reference}: Nia Evans has given information`, 'the answer');
      expect(text(told.attachments[0].content)).toContain('Mother left the baby unattended twice.');
      // Once answered, a practitioner no longer acts at a managers' stage.
      const again = await nia.click(card, 'Give information', { 'Your proposal, question or information': 'More' });
      expect(again.said).toContain('Only the people taking part in stage 2');
    } finally {
      await world.stop();
    }
  });
});
