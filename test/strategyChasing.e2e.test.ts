import * as cards from './harness/cards';
import { ackCard, discussionWithOutcome, OUTCOME_ANSWERS } from './harness/strategyFlow';
import { World } from './harness/world';
import { checkDirectory } from '../src/directoryFile';
import { Directory } from '../src/domain/directory';
import { readFileSync } from 'node:fs';

const text = cards.text;

/** The sample outcome, with actions due on the first working day after Christmas 2026. */
const christmasOutcome = {
  ...OUTCOME_ANSWERS,
  'Action 1 due date': '2026-12-29',
  'Action 2': 'Police checks on the partner, shared with social care',
  'Action 2 owner': 'Alex Carter',
  'Action 2 due date': '2026-12-29',
};

describe('chasing answers at working-day times', () => {
  let world: World;
  // The outcome is recorded on Thursday 24 December 2026 at 15:00: Christmas Day and the Boxing
  // Day substitute (Monday 28th) are not working days.
  beforeAll(async () => {
    world = await World.start({ at: '2026-12-24T15:00:00Z' });
  });
  afterAll(async () => world?.stop());

  test('reminders after 2 hours and at the start of the next working day, the manager after 1 working day, none after an answer', async () => {
    const { reference, chair, attendees } = await discussionWithOutcome(world, undefined, christmasOutcome);
    const [jordan, , nia] = attendees;
    const [tom] = await world.install('Tom Hughes'); // Nia's manager
    await jordan.click(await ackCard(world, jordan, reference), 'I agree');
    const reminder = `${reference}: reminder, the outcome still needs your acknowledgement`;
    const reminders = (p: typeof nia) => p.messages().filter((a) => a.summary === reminder);

    world.clock.set('2026-12-24T16:59:00Z');
    await world.runDueWork();
    expect(reminders(nia)).toHaveLength(0);

    world.clock.set('2026-12-24T17:00:00Z'); // 2 clock hours
    await world.runDueWork();
    await nia.waitForMessage((a) => a.summary === reminder, 'the 2-hour reminder');
    expect(text(reminders(nia)[0].attachments[0].content).split('\n')[0]).toBe(reminder);
    expect(reminders(jordan)).toHaveLength(0); // answered: never reminded

    world.clock.set('2026-12-28T12:00:00Z'); // Christmas, the weekend and the bank holiday: nothing
    await world.runDueWork();
    expect(reminders(nia)).toHaveLength(1);

    world.clock.set('2026-12-29T09:00:00Z'); // the start of the next working day
    await world.runDueWork();
    await world.connector.waitFor(() => reminders(nia).length === 2, 'the next-working-day reminder');

    const managerNotice = `${reference}: Nia Evans has not acknowledged the outcome`;
    world.clock.set('2026-12-29T14:59:00Z');
    await world.runDueWork();
    expect(tom.messages().some((a) => a.text?.startsWith(managerNotice))).toBe(false);
    world.clock.set('2026-12-29T15:00:00Z'); // one working day after 15:00 on Thursday 24th
    await world.runDueWork();
    await tom.waitForMessage((a) => a.text?.startsWith(managerNotice), 'the manager notice');
    expect(jordan.messages().some((a) => a.text?.includes('has not acknowledged'))).toBe(false);
    expect(chair.messages().some((a) => a.text?.startsWith(`${reference}: Jordan Reid has not acknowledged`))).toBe(false);
    expect(await world.auditActions(reference)).toContain('chased.manager');
  });

  test('action owners are chased on the due date; an action not done by the end of it goes to the chair and the owner’s manager', async () => {
    world.clock.set('2026-12-24T15:00:00Z');
    const { reference, chair, attendees } = await discussionWithOutcome(world, undefined, christmasOutcome);
    const [jordan, alex] = attendees;
    const [morgan] = await world.install('Morgan Price'); // Alex's manager
    const due = (n: string) => `${reference}: action ${n} is due today`;

    world.clock.set('2026-12-29T08:59:00Z');
    await world.runDueWork();
    expect(jordan.messages().some((a) => a.summary === due('A1'))).toBe(false);

    world.clock.set('2026-12-29T09:00:00Z');
    await world.runDueWork();
    const jordanDue = await jordan.waitForMessage((a) => a.summary === due('A1'), 'the due-date reminder');
    await alex.waitForMessage((a) => a.summary === due('A2'), 'the due-date reminder');
    const done = await jordan.click(jordanDue.attachments[0].content, 'Mark done');
    expect(text(done.card)).toContain('Done: marked by Jordan Reid');

    world.clock.set('2026-12-29T17:00:00Z');
    await world.runDueWork();
    const overdue = `${reference}: action A2, owned by Alex Carter, was due today and is not marked done.`;
    await morgan.waitForMessage((a) => a.text === overdue, 'the overdue notice');
    await chair.waitForMessage((a) => a.text === overdue, 'the overdue notice');
    expect(chair.messages().some((a) => a.text?.startsWith(`${reference}: action A1, owned by`))).toBe(false);
    expect(await world.auditActions(reference)).toEqual(expect.arrayContaining(['action.done', 'chased.action-overdue']));
  });

  test('an action’s cards follow it: the first owner’s reminder of an action handed on says whose it is now, and one marked done is done on every card of it', async () => {
    world.clock.set('2026-12-24T15:00:00Z');
    const { reference, chair, attendees } = await discussionWithOutcome(world, undefined, christmasOutcome);
    const [jordan, alex] = attendees;
    const due = (n: string) => `${reference}: action ${n} is due today`;
    const offersDone = (card: any) => cards.buttonTitles(card).includes('Mark done');
    const now = (p: typeof jordan, card: object, what: string, says: string) =>
      world.connector.waitFor(() => {
        const c = world.connector.cardNow(p.chatId, p.messageIdOf(card)!);
        return c && text(c).includes(says) && c;
      }, what);

    // A1 is handed from Jordan to Alex before its day: Alex has the "now yours" card, then the reminder.
    const [form] = await chair.say(`handover ${reference}`);
    await chair.click(form.attachments[0].content, 'Save and tell them', { 'Owner of A1: Joint home visit and interview with both parents': 'Alex Carter' });
    const yours = (await alex.waitForMessage((a) => a.summary === `${reference}: action A1 is now yours (given to you by Sam Okafor)`, 'the new owner'))
      .attachments[0].content;
    world.clock.set('2026-12-29T09:00:00Z');
    await world.runDueWork();
    const a1 = (await alex.waitForMessage((a) => a.summary === due('A1'), 'A1 due, to its new owner')).attachments[0].content;
    const a2 = (await alex.waitForMessage((a) => a.summary === due('A2'), 'A2 due')).attachments[0].content;

    await alex.click(a1, 'Mark done');
    expect(offersDone(await now(alex, yours, 'the “now yours” card to say A1 is done', 'Done: marked by Alex Carter'))).toBe(false);

    // A2 is handed on after its reminder reached Alex: his reminder says whose it is, nothing to click.
    const [again] = await chair.say(`handover ${reference}`);
    await chair.click(again.attachments[0].content, 'Save and tell them', {
      'Owner of A2: Police checks on the partner, shared with social care': 'Jordan Reid',
    });
    const handedOn = await now(alex, a2, 'Alex’s A2 reminder to say whose it is now', 'Jordan Reid’s now');
    expect(text(handedOn).split('\n')[0]).toBe(`${reference}: action A2 is Jordan Reid’s now`);
    expect(offersDone(handedOn)).toBe(false);
    expect(jordan.messages().filter((a) => a.summary === `${reference}: action A2 is now yours (given to you by Sam Okafor)`)).toHaveLength(1);
  });
});

describe('twenty attendees acknowledging at the same moment', () => {
  let world: World;
  beforeAll(async () => {
    // The sample partnership plus twenty practitioners from across the agencies.
    const data = JSON.parse(readFileSync('config/partnership.sample.json', 'utf8'));
    const agencies = ['wm-csc', 'wm-police', 'wm-hospital', 'riverside-gp', 'wm-hv', 'oakfield-school'];
    for (let i = 1; i <= 20; i++) {
      data.people.push({
        aadObjectId: `dddddddd-0000-4000-8000-${String(i).padStart(12, '0')}`,
        name: `Practitioner ${i}`,
        email: `p${i}@westmoor.example`,
        agency: agencies[i % agencies.length],
        jobTitle: 'Practitioner',
        roles: [],
      });
    }
    world = await World.start({ directory: new Directory(checkDirectory(data)) });
  });
  afterAll(async () => world?.stop());

  test('all twenty answers are recorded, none lost', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `Practitioner ${i + 1}`);
    const { reference, chair, attendees } = await discussionWithOutcome(world, [
      'Jordan Reid',
      'Alex Carter',
      'Nia Evans',
      'Helen Grant',
      'Lucy Park',
      'Chris Dunn',
      ...names,
    ]);
    const crowd = attendees.slice(6);
    const cardsFor = await Promise.all(crowd.map((p) => ackCard(world, p, reference)));
    const answers = await Promise.all(crowd.map((p, i) => p.click(cardsFor[i], 'I agree')));
    for (const a of answers) expect(a.said).toContain('Your answer: I agree');
    const view = await chair.invoke('sd.tally.view', { ref: reference });
    expect(text(view.card)).toContain('Agree 20');
    expect(text(view.card)).toContain('Not yet answered 6');
  });
});
