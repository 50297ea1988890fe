import { readFileSync } from 'node:fs';
import * as cards from './harness/cards';
import { discussionWithOutcome, OUTCOME_ANSWERS } from './harness/strategyFlow';
import { World } from './harness/world';
import { checkDirectory } from '../src/directoryFile';
import { Directory } from '../src/domain/directory';

const ALEX = 'aaaaaaaa-0000-4000-8000-000000000009';
const SAM = 'aaaaaaaa-0000-4000-8000-000000000001';
const OMAR = 'aaaaaaaa-0000-4000-8000-000000000018';
const DEE = 'aaaaaaaa-0000-4000-8000-000000000003';

/** The sample partnership with people away over Christmas 2026. */
function directoryWithAbsences(away: Record<string, { from: string; until: string; cover?: string }>): Directory {
  const data = JSON.parse(readFileSync('config/partnership.sample.json', 'utf8'));
  for (const p of data.people) if (away[p.aadObjectId]) p.away = [away[p.aadObjectId]];
  return new Directory(checkDirectory(data));
}

/** Actions due on the first working day after Christmas 2026 (Tuesday 29 December). */
const christmasOutcome = {
  ...OUTCOME_ANSWERS,
  'Action 1 due date': '2026-12-29',
  'Action 2': 'Police checks on the partner, shared with social care',
  'Action 2 owner': 'Alex Carter',
  'Action 2 due date': '2026-12-29',
};

describe('someone away: every chase reaches their cover and says why', () => {
  let world: World;
  beforeAll(async () => {
    world = await World.start({
      at: '2026-12-24T15:00:00Z',
      directory: directoryWithAbsences({
        // Alex names no cover: his manager, Morgan Price, covers.
        [ALEX]: { from: '2026-12-28', until: '2027-01-04' },
        // The chair names another chair.
        [SAM]: { from: '2026-12-29', until: '2026-12-31', cover: OMAR },
        // The minute-taker is off on Christmas Eve: Priya Shah, her manager, covers.
        [DEE]: { from: '2026-12-24', until: '2026-12-24' },
      }),
    });
  });
  afterAll(async () => world?.stop());

  test('an action due while its owner is away goes to their manager; overdue, the chair’s cover hears it', async () => {
    const { reference, attendees } = await discussionWithOutcome(world, undefined, christmasOutcome);
    const [jordan, alex] = attendees;
    const [morgan, omar] = await world.install('Morgan Price', 'Omar Haddad');
    const sam = world.user('Sam Okafor');
    const due = (n: string) => `${reference}: action ${n} is due today`;

    world.clock.set('2026-12-29T09:00:00Z');
    await world.runDueWork();
    await jordan.waitForMessage((a) => a.summary === due('A1'), 'Jordan’s own reminder (not away)');
    const covered = await morgan.waitForMessage((a) => a.summary === due('A2'), 'Alex’s reminder, at his cover');
    const body = cards.text(covered.attachments[0].content).split('\n');
    expect(body[0]).toBe(due('A2'));
    expect(body[1]).toBe('Sent to you as cover for Alex Carter, away until Monday 4 January 2027');
    expect(alex.messages().some((a) => a.summary === due('A2'))).toBe(false);
    expect(jordan.messages().some((a) => cards.text(a.attachments?.[0]?.content ?? {}).includes('Sent to you as cover'))).toBe(false);

    world.clock.set('2026-12-29T17:00:00Z');
    await world.runDueWork();
    const overdue = `${reference}: action A2, owned by Alex Carter, was due today and is not marked done.`;
    const toOmar = await omar.waitForMessage((a) => a.text?.startsWith(overdue), 'the overdue notice, at the chair’s cover');
    expect(toOmar.text).toBe(`${overdue}\n\nSent to you as cover for Sam Okafor, away until Thursday 31 December 2026`);
    // Alex's manager is not away: told as himself.
    const toMorgan = await morgan.waitForMessage((a) => a.text?.startsWith(overdue), 'the overdue notice, at the owner’s manager');
    expect(toMorgan.text).toBe(overdue);
    expect(sam.messages().some((a) => a.text?.startsWith(overdue))).toBe(false);
  });

  test('the minutes reminder for a minute-taker who is away reaches their manager, saying why', async () => {
    world.clock.set('2026-12-24T10:00:00Z');
    const sd = await discussionWithOutcome(world, undefined, christmasOutcome);
    const [priya, dee] = await world.install('Priya Shah', 'Dee Walsh');
    await sd.chair.click(sd.card, 'The discussion has ended');
    world.clock.set('2026-12-24T22:00:00Z'); // 12 hours: the first reminder
    await world.runDueWork();
    const reminder = `${sd.reference}: reminder, the minutes are due`;
    const covered = await priya.waitForMessage((a) => a.summary?.startsWith(reminder), 'the minutes reminder, at the cover');
    expect(cards.text(covered.attachments[0].content).split('\n')[1]).toBe('Sent to you as cover for Dee Walsh, away until Thursday 24 December 2026');
    expect(dee.messages().some((a) => a.summary?.startsWith(reminder))).toBe(false);
  });
});

describe('the chair hands over, reassigns and invites: the chasers follow, and reach whoever covers', () => {
  let world: World;
  beforeAll(async () => {
    world = await World.start({
      at: '2026-12-24T15:00:00Z',
      directory: directoryWithAbsences({
        [ALEX]: { from: '2026-12-28', until: '2027-01-04' }, // covered by Morgan Price, his manager
        [OMAR]: { from: '2026-12-29', until: '2026-12-29', cover: SAM }, // the new chair, off for a day
      }),
    });
  });
  afterAll(async () => world?.stop());

  test('chair handed over, minute-taker changed, an action reassigned, someone invited late: each is told, and each chase finds its person or their cover', async () => {
    const { reference, chair: sam, attendees } = await discussionWithOutcome(world, undefined, christmasOutcome);
    const [jordan, alex] = attendees;
    const [omar, morgan, grace] = await world.install('Omar Haddad', 'Morgan Price', 'Grace Mills');

    const [form] = await sam.say(`handover ${reference}`);
    const saved = await sam.click(form.attachments[0].content, 'Save and tell them', {
      Chair: 'Omar Haddad',
      'Minute-taker': 'Sam Okafor',
      'Owner of A1: Joint home visit and interview with both parents': 'Alex Carter',
      'Invite (they get the invitation; once attendance is recorded, they acknowledge the outcome too)': ['Grace Mills'],
    });
    expect(saved.said).toBe(
      `${reference}: Omar Haddad now chairs it. Sam Okafor now takes the minutes. Action A1 is now Alex Carter’s. Grace Mills is invited and asked to acknowledge the outcome. Each of them is told.`,
    );
    const handed = await omar.waitForMessage(
      (a) => a.summary === `${reference}: you now chair this strategy discussion (handed over by Sam Okafor)`,
      'the new chair',
    );
    await alex.waitForMessage((a) => a.summary === `${reference}: action A1 is now yours (given to you by Sam Okafor)`, 'the new owner');
    await sam.waitForMessage((a) => a.text?.startsWith(`${reference}: you now take the minutes`), 'the new minute-taker');
    // Grace joins a discussion whose outcome is recorded: she is asked to acknowledge it, and counts.
    const graceCard = await grace.waitForMessage((a) => a.summary === `${reference}: the outcome needs your acknowledgement`, 'the late invitee');
    await grace.click(graceCard.attachments[0].content, 'I agree');
    const tally = await omar.invoke('sd.tally.view', { ref: reference });
    expect(cards.text(tally.card)).toContain('Agree 1');
    expect(cards.text(tally.card)).toContain('Not yet answered 6');

    // The old chair keeps the record in reach but no longer acts as chair; the new one does.
    const record = cards.text((await sam.say(`record ${reference}`))[0].attachments[0].content);
    expect(record).toContain('Thursday 24 December 2026 at 15:00: Sam Okafor handed the chair from Sam Okafor to Omar Haddad.');
    expect(record).toContain('Thursday 24 December 2026 at 15:00: Sam Okafor handed action A1 from Jordan Reid to Alex Carter.');
    expect(record).toContain('Thursday 24 December 2026 at 15:00: Sam Okafor invited Grace Mills, who joined after attendance was recorded.');
    expect((await sam.invoke('sd.attendance.open', { ref: reference })).said).toContain(`Only the chair of ${reference}`);
    await omar.click(handed.attachments[0].content, 'The discussion has ended');

    world.clock.set('2026-12-25T03:30:00Z'); // 12 hours after the end: the minutes reminder, to the new minute-taker
    await world.runDueWork();
    await sam.waitForMessage((a) => a.summary?.startsWith(`${reference}: reminder, the minutes are due`), 'the minutes reminder');
    expect(
      world
        .user('Dee Walsh')
        .messages()
        .some((a) => a.summary?.startsWith(`${reference}: reminder, the minutes are due`)),
    ).toBe(false);

    world.clock.set('2026-12-29T09:00:00Z');
    await world.runDueWork();
    const due = `${reference}: action A1 is due today`;
    const covered = await morgan.waitForMessage((a) => a.summary === due, 'A1, reassigned to Alex who is away, at his cover');
    expect(cards.text(covered.attachments[0].content).split('\n')[1]).toBe('Sent to you as cover for Alex Carter, away until Monday 4 January 2027');
    expect(jordan.messages().some((a) => a.summary === due)).toBe(false);

    world.clock.set('2026-12-29T17:00:00Z');
    await world.runDueWork();
    const overdue = `${reference}: action A1, owned by Alex Carter, was due today and is not marked done.`;
    // The chair is now Omar, away today: Sam covers him.
    const toSam = await sam.waitForMessage((a) => a.text?.startsWith(overdue), 'the overdue notice, at the new chair’s cover');
    expect(toSam.text).toBe(`${overdue}\n\nSent to you as cover for Omar Haddad, away until Tuesday 29 December 2026`);
    expect(omar.messages().some((a) => a.text?.startsWith(overdue))).toBe(false);
    expect(await world.auditActions(reference)).toContain('handed-over');
  });

  test('a hand-over is the chair’s alone, and names only people in the directory', async () => {
    world.clock.set('2026-12-24T15:00:00Z');
    const { reference } = await discussionWithOutcome(world, undefined, christmasOutcome);
    const jordan = world.user('Jordan Reid');
    expect((await jordan.say(`handover ${reference}`))[0].text).toContain(`Only the chair of ${reference}`);
    const forged = await world.user('Sam Okafor').invoke('sd.handover.save', { ref: reference });
    expect(forged.said).toContain('Nothing was changed');
    // A chair that is no directory id at all: forged, refused at the edge and audited.
    const stranger = await world.user('Sam Okafor').invoke('sd.handover.save', { ref: reference, chair: 'Robert Tables' } as never);
    expect(stranger.said).toContain('This card sent something Concord does not offer');
    expect(await world.auditActions('access')).toContain('refused.invalid-input');
  });
});
