import { readFileSync } from 'node:fs';
import * as cards from './harness/cards';
import { CONVENE_ANSWERS, discussionWithOutcome, OUTCOME_ANSWERS } from './harness/strategyFlow';
import { TeamsUser } from './harness/teams';
import { World } from './harness/world';
import { checkDirectory } from '../src/directoryFile';
import { Directory } from '../src/domain/directory';

/**
 * Follow-ups are first-class, and a discussion that is never recorded is chased (domain guide §5):
 * an owner, a reminder a working day before with the offer to convene it linked to the first, and
 * when the date passes with nothing convened the chair's manager hears, then their manager.
 */
const text = cards.text;
const PRIYA = 'aaaaaaaa-0000-4000-8000-000000000002';
const DANA = 'aaaaaaaa-0000-4000-8000-0000000000d1';

/** The sample partnership, with a Director of Children's Services above Priya Shah (the chairs' manager). */
function directoryWithDirector(): Directory {
  const data = JSON.parse(readFileSync('config/partnership.sample.json', 'utf8'));
  data.people.push({
    aadObjectId: DANA,
    name: 'Dana Cole',
    email: 'dana.cole@westmoor.gov.example',
    agency: 'wm-csc',
    jobTitle: "Director of Children's Services",
    roles: ['senior-manager'],
  });
  data.people.find((p: { aadObjectId: string }) => p.aadObjectId === PRIYA).managerAadObjectId = DANA;
  return new Directory(checkDirectory(data));
}

const FOLLOW_UP = { ...OUTCOME_ANSWERS, 'Date of the follow-up discussion, if any': '2026-11-30' }; // Monday

describe('an agreed follow-up', () => {
  let world: World;
  let priya: TeamsUser, dana: TeamsUser;
  beforeEach(async () => {
    world = await World.start({ at: '2026-11-23T10:00:00Z', directory: directoryWithDirector() }); // Monday
    [priya, dana] = await world.install('Priya Shah', 'Dana Cole');
  });
  afterEach(async () => world?.stop());

  const seen = (u: TeamsUser, start: string) => u.messages().filter((a) => a.summary?.startsWith(start));

  test('is owned by the chair, reminded a working day before; its date passed with nothing convened, the chair’s manager is told, then theirs a working day later', async () => {
    const { reference, chair } = await discussionWithOutcome(world, undefined, FOLLOW_UP);
    const [record] = await chair.say(`record ${reference}`);
    expect(text(record.attachments[0].content)).toContain('Follow-up: Monday 30 November 2026, owned by Sam Okafor');
    const reminder = `${reference}: the follow-up strategy discussion is agreed for Monday 30 November. Please see that it is convened now.`;
    world.clock.set('2026-11-26T16:00:00Z');
    await world.runDueWork();
    expect(seen(chair, reminder)).toHaveLength(0);
    world.clock.set('2026-11-27T09:00:00Z'); // Friday, the working day before
    await world.runDueWork();
    const card = (await chair.waitForMessage((a) => a.summary === reminder, 'the reminder a working day before')).attachments[0].content;
    expect(cards.buttonTitles(card)).toContain('Convene the follow-up discussion');

    const missed = `${reference}: the follow-up strategy discussion agreed for Monday 30 November, chaired by Sam Okafor, was not convened by that date.`;
    world.clock.set('2026-11-30T16:59:00Z');
    await world.runDueWork();
    expect(seen(priya, missed)).toHaveLength(0);
    world.clock.set('2026-11-30T17:00:00Z');
    await world.runDueWork();
    await priya.waitForMessage((a) => a.summary?.startsWith(missed), 'the chair’s manager told');
    expect(seen(dana, missed)).toHaveLength(0);
    world.clock.set('2026-12-01T17:00:00Z'); // a working day later
    await world.runDueWork();
    await dana.waitForMessage((a) => a.summary?.startsWith(missed), 'their manager told');
    expect(await world.auditActions(reference)).toEqual(expect.arrayContaining(['chased.follow-up-missed']));
    // Recorded in time, the discussion itself is never chased as not held.
    expect(seen(priya, `${reference}: the strategy discussion chaired by`)).toHaveLength(0);
  });

  test('convened from the reminder: filled in from the first discussion, linked both ways, and nobody above is told', async () => {
    const owner = { ...FOLLOW_UP, 'Who sees the follow-up is held (the chair, if left empty)': 'Jordan Reid' };
    const { reference, chair, attendees } = await discussionWithOutcome(world, undefined, owner);
    const jordan = attendees.find((a) => a.who.name === 'Jordan Reid')!;
    const [record] = await chair.say(`record ${reference}`);
    expect(text(record.attachments[0].content)).toContain('Follow-up: Monday 30 November 2026, owned by Jordan Reid');
    world.clock.set('2026-11-27T09:00:00Z');
    await world.runDueWork();
    const reminder = `${reference}: the follow-up strategy discussion is agreed for Monday 30 November. Please see that it is convened now.`;
    const card = (await jordan.waitForMessage((a) => a.summary === reminder, 'the owner’s reminder')).attachments[0].content;
    // The owner sees that it is held; only a chair convenes.
    const refused = await jordan.click(card, 'Convene the follow-up discussion');
    expect(refused.said).toContain('Only people with the chair role can convene a strategy discussion.');

    const form = await chair.invoke('sd.followup.open', { ref: reference });
    expect(cards.input(form.card, 'What the discussion is about').value).toMatch(new RegExp(`^Follow-up to ${reference}: `));
    expect(cards.input(form.card, 'Date').value).toBe('2026-11-30');
    expect(cards.input(form.card, 'Time').value).toBe('09:00');
    // The people invited are filled in too, on the step that asks for them.
    const invited = await chair.click(form.card, 'Next');
    expect(cards.input(invited.card, 'Children’s social care').value).toBe(world.directory.data.people.find((p) => p.name === 'Jordan Reid')!.aadObjectId);
    expect(text(form.card)).toContain(`The follow-up agreed at ${reference}`);
    const convened = await chair.click(form.card, 'Convene and send invitations');
    const second = /^(SD-\d+)/.exec(text(convened.card))?.[1];
    expect(second).toBeDefined();
    expect(second).not.toBe(reference);
    const [first] = await chair.say(`record ${reference}`);
    expect(text(first.attachments[0].content)).toContain(`Its follow-up: ${second}, convened Friday 27 November 2026 at 09:00`);
    const [followUp] = await chair.say(`record ${second}`);
    expect(text(followUp.attachments[0].content)).toContain(`The follow-up agreed at ${reference}`);
    const again = await chair.invoke('sd.followup.open', { ref: reference });
    expect(again.message).toBe(`The follow-up of ${reference} was already convened: ${second}.`);
    // The owner's reminder says so, with nothing left to convene.
    const reminderNow = await world.connector.waitFor(() => {
      const c = world.connector.cardNow(jordan.chatId, jordan.messageIdOf(card)!);
      return c && text(c).startsWith(`${reference}: its follow-up is convened`) && c;
    }, 'the owner’s reminder to say the follow-up is convened');
    expect(text(reminderNow)).toContain(`${second}, on Monday 30 November 2026 at 09:00, chaired by Sam Okafor`);
    expect(cards.buttonTitles(reminderNow)).not.toContain('Convene the follow-up discussion');

    world.clock.set('2026-12-01T17:00:00Z');
    await world.runDueWork();
    expect(seen(priya, `${reference}: the follow-up`)).toHaveLength(0);
    expect(seen(jordan, `${reference}: the follow-up strategy discussion agreed for today`)).toHaveLength(0);
  });
});

describe('a discussion whose time passed with no attendance or outcome', () => {
  test('the chair and the chair’s manager are told at the end of its working day, then their manager a working day later', async () => {
    const world = await World.start({ at: '2026-11-23T10:00:00Z', directory: directoryWithDirector() });
    try {
      const [sam, priya, dana] = await world.install('Sam Okafor', 'Priya Shah', 'Dana Cole');
      await world.install('Jordan Reid', 'Alex Carter', 'Nia Evans', 'Helen Grant', 'Lucy Park', 'Chris Dunn', 'Dee Walsh');
      const [formMessage] = await sam.say('strategy');
      const convened = await sam.click(formMessage.attachments[0].content, 'Convene and send invitations', {
        ...CONVENE_ANSWERS,
        Date: '2026-11-23',
        Time: '11:00',
      });
      const reference = /^(SD-\d+)/.exec(text(convened.card))![1];
      const notHeld = `${reference}: the strategy discussion chaired by Sam Okafor on Monday 23 November 2026 at 11:00 has no attendance and no outcome recorded.`;
      world.clock.set('2026-11-23T16:59:00Z');
      await world.runDueWork();
      expect(priya.messages().filter((a) => a.summary?.startsWith(notHeld))).toHaveLength(0);
      world.clock.set('2026-11-23T17:00:00Z');
      await world.runDueWork();
      await sam.waitForMessage((a) => a.summary?.startsWith(notHeld), 'the chair told');
      await priya.waitForMessage((a) => a.summary?.startsWith(notHeld), 'the chair’s manager told');
      expect(dana.messages().filter((a) => a.summary?.startsWith(notHeld))).toHaveLength(0);
      world.clock.set('2026-11-24T17:00:00Z');
      await world.runDueWork();
      await dana.waitForMessage((a) => a.summary?.startsWith(notHeld), 'their manager told');
      expect(await world.auditActions(reference)).toContain('chased.not-held');
    } finally {
      await world.stop();
    }
  });
});
