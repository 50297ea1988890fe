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
    await sd.chair.click(sd.card, 'The discussion has ended: start the minutes clock');
    world.clock.set('2026-12-24T22:00:00Z'); // 12 hours: the first reminder
    await world.runDueWork();
    const reminder = `${sd.reference}: reminder, the minutes are due`;
    const covered = await priya.waitForMessage((a) => a.summary?.startsWith(reminder), 'the minutes reminder, at the cover');
    expect(cards.text(covered.attachments[0].content).split('\n')[1]).toBe('Sent to you as cover for Dee Walsh, away until Thursday 24 December 2026');
    expect(dee.messages().some((a) => a.summary?.startsWith(reminder))).toBe(false);
  });
});
