import { readFileSync } from 'node:fs';
import { raiseDifference } from './harness/differenceFlow';
import * as cards from './harness/cards';
import { CONVENE_ANSWERS } from './harness/strategyFlow';
import { World } from './harness/world';
import { checkDirectory } from '../src/directoryFile';
import { Directory } from '../src/domain/directory';

/**
 * Not only chasers: the first invitation to a discussion, and a professional difference reaching a
 * stage, find someone away through their cover, who can act on it (domain guide §5, Person → cover).
 */
const ALEX = 'aaaaaaaa-0000-4000-8000-000000000009';
const SAM = 'aaaaaaaa-0000-4000-8000-000000000001';
const text = cards.text;

function directoryWithAbsences(away: Record<string, { from: string; until: string; cover?: string }>): Directory {
  const data = JSON.parse(readFileSync('config/partnership.sample.json', 'utf8'));
  for (const p of data.people) if (away[p.aadObjectId]) p.away = [away[p.aadObjectId]];
  return new Directory(checkDirectory(data));
}

describe('an invitation to someone away', () => {
  let world: World;
  beforeAll(async () => {
    // Alex Carter (police) is away and names no cover: Morgan Price, his manager, covers.
    world = await World.start({ at: '2026-11-23T10:00:00Z', directory: directoryWithAbsences({ [ALEX]: { from: '2026-11-20', until: '2026-11-27' } }) });
  });
  afterAll(async () => world?.stop());

  test('reaches their cover, saying why; the cover answers for them and the chair sees it', async () => {
    const [sam, alex, morgan] = await world.install('Sam Okafor', 'Alex Carter', 'Morgan Price');
    await world.install('Jordan Reid', 'Nia Evans', 'Helen Grant', 'Lucy Park', 'Chris Dunn', 'Dee Walsh');
    const [form] = await sam.say('strategy');
    const convened = await sam.click(form.attachments[0].content, 'Convene and send invitations', { ...CONVENE_ANSWERS, Date: '2026-11-24', Time: '10:00' });
    const reference = /^(SD-\d+)/.exec(text(convened.card))![1];
    const invited = `${reference}: you are invited to a strategy discussion`;
    const card = await morgan.waitForMessage((a) => a.summary === invited, 'the invitation, at Alex’s cover');
    expect(text(card.attachments[0].content).split('\n')[1]).toBe('Sent to you as cover for Alex Carter, away until Friday 27 November 2026');
    expect(alex.messages().some((a) => a.summary === invited)).toBe(false);

    const answered = await morgan.click(card.attachments[0].content, 'I cannot attend (apologies)');
    expect(answered.said ?? '').not.toContain('Only the people invited');
    const attendance = await sam.invoke('sd.attendance.open', { ref: reference });
    expect(cards.input(attendance.card, 'Alex Carter (Westmoor Police)').value).toBe('apologies');
    expect(await world.auditActions(reference)).toContain('invitation.answered');
  });
});

describe('a professional difference reaching a stage whose manager is away', () => {
  let world: World;
  beforeAll(async () => {
    // Sam Okafor, Jordan Reid's line manager, is away with no cover named: Priya Shah, his manager, covers.
    world = await World.start({ at: '2026-11-23T10:00:00Z', directory: directoryWithAbsences({ [SAM]: { from: '2026-11-23', until: '2026-11-30' } }) });
  });
  afterAll(async () => world?.stop());

  test('the stage’s notice reaches the cover, saying why, and the cover takes part in the stage', async () => {
    const [nia, jordan, sam, priya, tom] = await world.install('Nia Evans', 'Jordan Reid', 'Sam Okafor', 'Priya Shah', 'Tom Hughes');
    const { reference: reference } = await raiseDifference(nia);
    const jordanCard = await jordan.waitForMessage((a) => a.summary === `${reference}: a professional difference is raised with you`, 'raised');
    await jordan.click(jordanCard.attachments[0].content, 'Escalate to stage 2');

    const stage2 = `${reference}: now at stage 2 (Jordan Reid escalated it from stage 1), and it needs you`;
    await tom.waitForMessage((a) => a.summary === stage2, 'the hospital’s line manager');
    const covered = await priya.waitForMessage((a) => a.summary === stage2, 'the stage, at Sam’s cover');
    expect(text(covered.attachments[0].content).split('\n')[1]).toBe('Sent to you as cover for Sam Okafor, away until Monday 30 November 2026');
    expect(sam.messages().some((a) => a.summary?.startsWith(`${reference}: now at stage 2`))).toBe(false);

    const asked = await priya.click(covered.attachments[0].content, 'Ask for information', {
      'Your proposal, question or information': 'What did the ward see this week?',
    });
    expect(asked.said ?? '').not.toContain('Only the people taking part');
    await tom.waitForMessage((a) => a.summary === `${reference}: Priya Shah asks for information`, 'the other side hears the cover’s question');
  });
});

describe('a manager who goes away while a difference is at their stage', () => {
  let world: World;
  beforeAll(async () => {
    world = await World.start({ at: '2026-11-23T10:00:00Z' });
  });
  afterAll(async () => world?.stop());

  test('the stage’s reminder reaches the cover they named, who can act on it for them', async () => {
    const [nia, jordan, sam, omar, tom] = await world.install('Nia Evans', 'Jordan Reid', 'Sam Okafor', 'Omar Haddad', 'Tom Hughes');
    const { reference: reference } = await raiseDifference(nia);
    const jordanCard = await jordan.waitForMessage((a) => a.summary === `${reference}: a professional difference is raised with you`, 'raised');
    await jordan.click(jordanCard.attachments[0].content, 'Escalate to stage 2');
    await sam.waitForMessage((a) => a.summary?.startsWith(`${reference}: now at stage 2`) ?? false, 'Sam at stage 2');

    // Sam goes on leave the next day, after the stage began, and names Omar.
    world.clock.set('2026-11-24T08:00:00Z');
    expect((await sam.say('away until 2026-12-04 cover Omar Haddad'))[0].text).toContain('Omar Haddad covers for you');
    world.clock.set('2026-11-30T09:00:00Z'); // the stage's last day: everyone at it is reminded
    await world.runDueWork();
    const reminder = await omar.waitForMessage(
      (a) => a.summary?.startsWith(`${reference}: stage 2 must be resolved or escalated`) ?? false,
      'the reminder, at Sam’s cover',
    );
    expect(text(reminder.attachments[0].content).split('\n')[1]).toBe('Sent to you as cover for Sam Okafor, away until Friday 4 December 2026');
    const asked = await omar.click(reminder.attachments[0].content, 'Ask for information', {
      'Your proposal, question or information': 'What did the ward see?',
    });
    expect(asked.said ?? '').not.toContain('Only the people taking part');
    expect(asked.said ?? '').not.toContain('You are not involved');
    await tom.waitForMessage((a) => a.summary === `${reference}: Omar Haddad asks for information`, 'the other side hears the cover’s question');
  });
});
