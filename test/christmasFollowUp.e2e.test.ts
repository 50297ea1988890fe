import { readFileSync } from 'node:fs';
import * as cards from './harness/cards';
import { discussionWithOutcome, OUTCOME_ANSWERS } from './harness/strategyFlow';
import { TeamsUser } from './harness/teams';
import { World } from './harness/world';
import { checkDirectory } from '../src/directoryFile';
import { Directory } from '../src/domain/directory';

/**
 * Child Alex (seed 004): the follow-up strategy discussion fell into Christmas and never happened;
 * nobody above the chair heard. Here the chair is away over the holiday with a named cover, and
 * the follow-up is due on the first working day after it.
 */
const SAM = 'aaaaaaaa-0000-4000-8000-000000000001';
const OMAR = 'aaaaaaaa-0000-4000-8000-000000000018';

function chairAwayOverChristmas(): Directory {
  const data = JSON.parse(readFileSync('config/partnership.sample.json', 'utf8'));
  data.people.find((p: { aadObjectId: string }) => p.aadObjectId === SAM).away = [{ from: '2026-12-21', until: '2027-01-04', cover: OMAR }];
  return new Directory(checkDirectory(data));
}

// Tuesday 29 December 2026: the first working day after Christmas (25 and 28 December are bank holidays).
const FOLLOW_UP = { ...OUTCOME_ANSWERS, 'Action 1 due date': '2026-12-18', 'Date of the follow-up discussion, if any': '2026-12-29' };

describe('the Christmas case: a follow-up due while the chair is away', () => {
  let world: World;
  afterAll(async () => world?.stop());

  test('the reminders reach the chair’s cover, who can convene it; not convened, the chair’s manager and then above hear, each told for whom', async () => {
    world = await World.start({ at: '2026-12-17T10:00:00Z', directory: chairAwayOverChristmas() });
    const { reference, chair: sam } = await discussionWithOutcome(world, undefined, FOLLOW_UP);
    const [omar, priya, alison] = await world.install('Omar Haddad', 'Priya Shah', 'Alison Bright');
    const coverNote = 'Sent to you as cover for Sam Okafor, away until Monday 4 January 2027';
    const secondLine = (a: { attachments: { content: object }[] }) => cards.text(a.attachments[0].content).split('\n')[1];
    const seen = (u: TeamsUser, start: string) => u.messages().filter((a) => a.summary?.startsWith(start) || a.text?.startsWith(start));

    // Thursday 24 December, the working day before: the cover, not the chair away.
    world.clock.set('2026-12-24T09:00:00Z');
    await world.runDueWork();
    const before = `${reference}: the follow-up strategy discussion is agreed for Tuesday 29 December. Please see that it is convened now.`;
    const reminder = await omar.waitForMessage((a) => a.summary === before, 'the reminder, at the chair’s cover');
    expect(secondLine(reminder)).toBe(coverNote);
    expect(seen(sam, before)).toHaveLength(0);

    // The cover can read what they are asked to act on: the discussion's record opens for them.
    const [record] = await omar.say(`record ${reference}`);
    expect(cards.text(record.attachments[0].content)).toContain('Follow-up: Tuesday 29 December 2026, owned by Sam Okafor');

    // On the day, again the cover.
    world.clock.set('2026-12-29T09:00:00Z');
    await world.runDueWork();
    const today = `${reference}: the follow-up strategy discussion agreed for today is not convened yet.`;
    const onTheDay = await omar.waitForMessage((a) => a.summary?.startsWith(today) ?? false, 'the reminder on the day, at the cover');
    expect(secondLine(onTheDay)).toBe(coverNote);
    expect(seen(sam, today)).toHaveLength(0);

    // Unanswered: at the end of the day the chair's manager is told, as the chair's manager.
    world.clock.set('2026-12-29T17:00:00Z');
    await world.runDueWork();
    const missed = `${reference}: the follow-up strategy discussion agreed for Tuesday 29 December, chaired by Sam Okafor, was not convened by that date.`;
    const toPriya = await priya.waitForMessage((a) => a.summary?.startsWith(missed) ?? false, 'the chair’s manager');
    expect(cards.text(toPriya.attachments?.[0]?.content ?? {}) + (toPriya.text ?? '')).toContain('You are told as Sam Okafor’s manager');
    expect(seen(omar, missed)).toHaveLength(0);

    // A working day later, above Priya: nobody in the directory, so the partnership's admins, told why them.
    world.clock.set('2026-12-30T17:00:00Z');
    await world.runDueWork();
    const toAlison = await alison.waitForMessage((a) => a.summary?.startsWith(missed) ?? false, 'above the chair’s manager');
    expect(toAlison.text).toContain('You are told as a partnership administrator: nobody above Priya Shah is in the directory.');
    expect(await world.auditActions(reference)).toEqual(expect.arrayContaining(['chased.follow-up-missed']));
  });

  test('the cover convenes the follow-up from the reminder: linked to the first, and nobody above is told', async () => {
    world.clock.set('2026-12-17T10:00:00Z');
    const { reference } = await discussionWithOutcome(world, undefined, FOLLOW_UP);
    const omar = world.user('Omar Haddad');
    world.clock.set('2026-12-24T09:00:00Z');
    await world.runDueWork();
    const before = `${reference}: the follow-up strategy discussion is agreed for Tuesday 29 December. Please see that it is convened now.`;
    const reminder = await omar.waitForMessage((a) => a.summary === before, 'the reminder, at the chair’s cover');
    const form = await omar.click(reminder.attachments[0].content, 'Convene the follow-up discussion');
    expect(cards.text(form.card)).toContain(`The follow-up agreed at ${reference}`);
    const convened = await omar.click(form.card, 'Convene and send invitations');
    const second = /^(SD-\d+)/.exec(cards.text(convened.card))?.[1];
    expect(second).toBeDefined();
    const [first] = await omar.say(`record ${reference}`);
    expect(cards.text(first.attachments[0].content)).toContain(`Its follow-up: ${second}`);
    world.clock.set('2026-12-30T17:00:00Z');
    await world.runDueWork();
    expect(
      world
        .user('Priya Shah')
        .messages()
        .filter((a) => a.summary?.startsWith(`${reference}: the follow-up`)),
    ).toHaveLength(0);
  });
});
