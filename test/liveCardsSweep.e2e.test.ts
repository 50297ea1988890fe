/**
 * Every card that shows a case's state, case by case: after a change, every holder's card is
 * updated in place (the connector's PUTs, counted), the current card refreshes itself for its
 * holder only, and a card that is no longer the current one offers nothing to click.
 */
import * as cards from './harness/cards';
import { ackCard, CONVENE_ANSWERS, discussionWithOutcome } from './harness/strategyFlow';
import { World } from './harness/world';
import { TeamsUser } from './harness/teams';
import { FRONT_DOOR, installInFrontDoorTeam } from './harness/frontDoor';
import { refer } from './harness/referral';

let world: World;
beforeAll(async () => {
  world = await World.start();
});
afterAll(async () => world?.stop());

const text = cards.text;
const hasExecute = (card: unknown) => JSON.stringify(card).includes('Action.Execute');

/** The card a message shows now, once it shows what `probe` wants. */
function cardOnceIt(person: TeamsUser, message: string, probe: (text: string) => boolean, what: string): Promise<any> {
  return world.connector.waitFor(() => {
    const c = world.connector.cardNow(person.chatId, message);
    return c && probe(text(c)) && c;
  }, what);
}

describe('the Front Door card in its channel', () => {
  test('refreshes itself for each Front Door person (Universal Actions) to the referral as it stands; someone not involved is refused and audited', async () => {
    const [nia, kim, alex] = await world.install('Nia Evans', 'Kim Lee', 'Alex Carter');
    await installInFrontDoorTeam(world, kim);
    const { reference, triage } = await refer(world, nia);
    const card = triage;
    const frontDoor = world.directory.withRole('front-door').map((p) => `29:${p.aadObjectId}`);
    expect(card.refresh.userIds.filter((id: string) => !frontDoor.includes(id))).toEqual([]);
    expect(card.refresh.userIds).toContain(kim.userId);
    await kim
      .inChannel(FRONT_DOOR)
      .click(card, 'Record the decision', { Decision: 'Strategy discussion', 'Rationale (the referrer is told)': 'Unexplained bruising.' });
    const refreshed = await kim.inChannel(FRONT_DOOR).invoke(card.refresh.action.verb, card.refresh.action.data, 'automatic');
    expect(text(refreshed.card).split('\n')[0]).toBe(`${reference}: referral decided`);
    expect(cards.buttonTitles(refreshed.card)).not.toContain('Record the decision');
    const refused = await alex.invoke(card.refresh.action.verb, card.refresh.action.data, 'automatic');
    expect(refused.message).toContain(`You are not involved in ${reference}`);
    expect((await world.concord.audit.trail('access')).some((e) => e.action === 'refused.not-involved' && e.actorAadObjectId === alex.who.aadObjectId)).toBe(
      true,
    );
  });
});

describe('a discussion handed to another chair', () => {
  test('the new chair’s card becomes the live tally; the old chair’s says who chairs it and is never updated again', async () => {
    const { reference, chair, attendees, card } = await discussionWithOutcome(world);
    const [omar] = await world.install('Omar Haddad');
    const oldMessage = chair.messageIdOf(card)!;
    const [form] = await chair.say(`handover ${reference}`);
    await chair.click(form.attachments[0].content, 'Save and tell them', { Chair: 'Omar Haddad' });
    await cardOnceIt(chair, oldMessage, (t) => t.startsWith(`${reference}: now chaired by Omar Haddad`), 'the old chair’s card to point to the new chair');
    const told = await omar.waitForMessage((a) => a.summary?.startsWith(`${reference}: you now chair`), 'the handed-over discussion');
    const newMessage = world.connector.messageIdOf(told.attachments[0].content)!;
    // Omar's card is his live tally: it refreshes itself for him, and it follows the answers.
    expect(told.attachments[0].content.refresh?.userIds).toEqual([omar.userId]);
    const oldUpdates = world.connector.updatesOf(chair.chatId, oldMessage).length;

    const [jordan] = attendees;
    await jordan.click(await ackCard(world, jordan, reference), 'I agree');
    const now = await cardOnceIt(omar, newMessage, (t) => t.includes('Agree 1'), 'the new chair’s tally to show the answer');
    expect(cards.buttonTitles(now)).toContain('Amend the outcome');
    expect(world.connector.updatesOf(chair.chatId, oldMessage)).toHaveLength(oldUpdates);
    expect(text(world.connector.cardNow(chair.chatId, oldMessage))).toMatch(new RegExp(`^${reference}: now chaired by Omar Haddad`));
    expect(hasExecute(world.connector.cardNow(chair.chatId, oldMessage))).toBe(false);
  });
});

describe('minutes corrected into a new version', () => {
  const MINUTES = {
    'Information shared by each agency': 'Police: partner arrested for domestic abuse eight months before the birth. Hospital: bruising seen on admission.',
    'Analysis of risk and needs, in words': 'A non-mobile baby with unexplained bruising; a carer with a history of violence.',
  };
  const reviewOf = (person: TeamsUser, reference: string, version: number) =>
    person.waitForMessage(
      (a) => a.attachments?.[0]?.content?.actions?.some((x: any) => x.verb === 'minutes.confirm' && x.data?.ref === reference && x.data?.version === version),
      `the minutes of ${reference} v${version}`,
    );

  test('every recipient’s version-1 minutes card says it was replaced, with nothing left to click', async () => {
    const { reference, chair, attendees, card } = await discussionWithOutcome(world);
    await chair.click(card, 'The discussion has ended');
    const dee = world.user('Dee Walsh');
    await dee.install();
    const draft = await dee.waitForMessage((a) => a.summary?.startsWith(`${reference}: please write the minutes`), 'the drafting card');
    await dee.click(draft.attachments[0].content, 'Circulate the minutes', MINUTES);
    const [jordan, alex, nia] = attendees;
    const v1 = new Map<TeamsUser, string>();
    for (const p of [jordan, alex, nia]) v1.set(p, world.connector.messageIdOf((await reviewOf(p, reference, 1)).attachments[0].content)!);
    // Jordan has confirmed version 1 already: his card is replaced too.
    await jordan.click(world.connector.cardNow(jordan.chatId, v1.get(jordan)!), 'Received and reviewed');
    await nia.click(world.connector.cardNow(nia.chatId, v1.get(nia)!), 'Ask for a correction', {
      'What is wrong (for a correction)': 'The hospital said the bruising was on both arms.',
      'What it should say': 'Bruising on both upper arms, photographed.',
    });
    const correction = await chair.waitForMessage((a) => a.summary === `${reference}: a correction to the minutes is asked for`, 'the correction');
    await chair.click(correction.attachments[0].content, 'Accept the correction');
    for (const [person, message] of v1) {
      await reviewOf(person, reference, 2);
      const now = await cardOnceIt(
        person,
        message,
        (t) => t.startsWith(`${reference}: minutes replaced by version 2`),
        `${person.who.name}'s version-1 minutes to be replaced`,
      );
      expect(hasExecute(now)).toBe(false);
      expect(world.connector.updatesOf(person.chatId, message).length).toBeGreaterThan(0);
    }
  });
});

describe('a case transfer', () => {
  let tw: World;
  beforeAll(async () => {
    tw = await World.start({ at: '2026-11-23T10:00:00Z' }); // Monday
  });
  afterAll(async () => tw?.stop());

  test('each step leaves every person one live card: the cards they had before point to it, with nothing to click', async () => {
    const [jordan, fiona] = await tw.install('Jordan Reid', 'Fiona Nash');
    const [form] = await jordan.say('transfer');
    const started = await jordan.click(form.attachments[0].content, 'Start the transfer', {
      'Receiving authority': 'Northshire Council',
      'The child’s plan': 'Child protection plan',
      'The child’s case reference(s), not their name': 'WM-CSC 40122',
      'Why the case transfers': 'Mother and baby moved to the other authority on 16 November.',
      'Proposed transfer date': '2026-12-07',
    });
    const reference = /(TR-\d{4})/.exec(text(started.card))![1];
    const jordanStart = jordan.messageIdOf(started.card)!;
    const request = await fiona.waitForMessage((a) => a.summary?.startsWith(`${reference}: Westmoor`), 'the request');
    const fionaRequest = tw.connector.messageIdOf(request.attachments[0].content)!;
    const accepted = await fiona.click(request.attachments[0].content, 'Accept with this date', {
      'Transfer date (to accept, or to propose another)': '2026-12-07',
    });
    expect(hasExecute(accepted.card)).toBe(true); // her live card, in the message she clicked
    const told = await jordan.waitForMessage((a) => a.summary === `${reference}: Northshire Council accepted the transfer`, 'the acceptance');
    const jordanTold = tw.connector.messageIdOf(told.attachments[0].content)!;
    const pointed = async (person: TeamsUser, message: string, what: string) => {
      const now = await tw.connector.waitFor(() => {
        const c = tw.connector.cardNow(person.chatId, message);
        return c && text(c).startsWith(`${reference}: ${what}`) && c;
      }, `${person.who.name}'s earlier card to say "${what}"`);
      expect(hasExecute(now)).toBe(false);
      expect(tw.connector.updatesOf(person.chatId, message).length).toBeGreaterThan(0);
    };
    // Jordan's card from starting it points to the newer one.
    await pointed(jordan, jordanStart, 'accepted');

    // Jordan ticks a checklist item: Fiona's live card (the one she accepted on) shows it, in place.
    const fionaUpdates = tw.connector.updatesOf(fiona.chatId, fionaRequest).length;
    await jordan.click(told.attachments[0].content, 'Done: The current assessment is completed');
    await tw.connector.waitFor(() => {
      const c = tw.connector.updatesOf(fiona.chatId, fionaRequest).length > fionaUpdates && tw.connector.cardNow(fiona.chatId, fionaRequest);
      return c && text(c).includes('Done (Jordan Reid') && c;
    }, 'Fiona’s live card to show the item done');

    // The agreed date: both sides are told; every card they had before points to that one.
    tw.clock.set('2026-12-07T00:00:30Z');
    await tw.runDueWork();
    await jordan.waitForMessage((a) => a.summary?.startsWith(`${reference}: responsibility has moved`), 'the move');
    await fiona.waitForMessage((a) => a.summary?.startsWith(`${reference}: responsibility has moved`), 'the move');
    await pointed(jordan, jordanTold, 'responsibility moved');
    await pointed(fiona, fionaRequest, 'responsibility moved');
  });

  test('a transfer card sent to someone refreshes itself for them alone, to the transfer as it stands; anyone else is refused and audited', async () => {
    const [jordan, fiona, alex] = await tw.install('Jordan Reid', 'Fiona Nash', 'Alex Carter');
    const [form] = await jordan.say('transfer');
    const started = await jordan.click(form.attachments[0].content, 'Start the transfer', {
      'Receiving authority': 'Northshire Council',
      'The child’s plan': 'Child in need plan',
      'The child’s case reference(s), not their name': 'WM-CSC 40123',
      'Why the case transfers': 'The family moved on 16 November.',
      'Proposed transfer date': '2026-12-21',
    });
    const reference = /(TR-\d{4})/.exec(text(started.card))![1];
    const request = (await fiona.waitForMessage((a) => a.summary?.startsWith(`${reference}: Westmoor`), 'the request')).attachments[0].content;
    expect(request.refresh.userIds).toEqual([fiona.userId]);
    await jordan.click(started.card, 'Done: The current assessment is completed');
    const refreshed = await fiona.invoke(request.refresh.action.verb, request.refresh.action.data, 'automatic');
    expect(text(refreshed.card)).toContain('Done (Jordan Reid');
    expect(cards.buttonTitles(refreshed.card)).toContain('Accept with this date');
    const refused = await alex.invoke(request.refresh.action.verb, request.refresh.action.data, 'automatic');
    expect(refused.message).toContain(`${reference} is yours, so Concord cannot show or change it`);
    expect((await tw.concord.audit.trail('access')).some((e) => e.action === 'refused.not-involved' && e.actorAadObjectId === alex.who.aadObjectId)).toBe(true);
  });
});

/**
 * The sweep: each card kind that shows a case's state and was not covered above. Each row makes
 * the change, names every holder's message, and says what each card must say afterwards; every
 * one must have been updated in place (a PUT) and offer no step that is no longer open.
 */
describe('every other card that shows a case’s state follows it', () => {
  let sw: World;
  beforeAll(async () => {
    sw = await World.start({ at: '2026-11-23T10:00:00Z' }); // Monday
  });
  afterAll(async () => sw?.stop());

  const CONVENE_ANSWERS_TODAY = () => ({ ...CONVENE_ANSWERS, Date: sw.clock.now().toISOString().slice(0, 10) });
  type Held = { person: TeamsUser; message: string };
  type Row = {
    change: () => Promise<{ reference: string; holders: Held[]; after: () => Promise<void> }>;
    now: RegExp | string;
    gone: string[];
    superseded: boolean;
  };
  const holderOf = async (person: TeamsUser, firstLine: string): Promise<Held> => {
    const m = await person.waitForMessage((a) => typeof a.summary === 'string' && a.summary.startsWith(firstLine), `"${firstLine}"`);
    return { person, message: sw.connector.messageIdOf(m.attachments[0].content)! };
  };

  const rows: Record<string, Row> = {
    'every invitation, once the chair records attendance: it says how they were recorded, with no reply left to give': {
      change: async () => {
        const chair = sw.user('Sam Okafor');
        await chair.install();
        const people = await sw.install('Jordan Reid', 'Alex Carter', 'Nia Evans', 'Helen Grant', 'Lucy Park', 'Chris Dunn');
        const [form] = await chair.say('strategy');
        const convened = await chair.click(form.attachments[0].content, 'Convene and send invitations', { ...CONVENE_ANSWERS_TODAY() });
        const reference = /^(SD-\d{4})/.exec(text(convened.card))![1];
        const holders = await Promise.all(people.map((p) => holderOf(p, `${reference}: you are invited`)));
        return {
          reference,
          holders,
          after: async () => {
            const attendance = await chair.click(convened.card, 'Record attendance');
            const all = Object.fromEntries(cards.inputs(attendance.card).map((i) => [i.label, 'Attended']));
            await chair.click(attendance.card, 'Save attendance', all);
          },
        };
      },
      now: 'The chair recorded you as: Attended',
      gone: ['I will attend', 'I cannot attend (apologies)', 'I will send information only'],
      superseded: false,
    },
    'the minute-taker’s card, once the minutes are circulated: it says so and offers nothing to click': {
      change: async () => {
        const { reference, chair, card } = await discussionWithOutcome(sw);
        await chair.click(card, 'The discussion has ended');
        const dee = sw.user('Dee Walsh');
        await dee.install();
        const held = await holderOf(dee, `${reference}: please write the minutes`);
        return {
          reference,
          holders: [held],
          after: async () => {
            // Circulated from the draft reopened by `minutes SD-…`: the card first sent is another message.
            const [reopened] = await dee.say(`minutes ${reference}`);
            await dee.click(reopened.attachments[0].content, 'Circulate the minutes', {
              'Information shared by each agency': 'Police: partner arrested for domestic abuse before the birth.',
              'Analysis of risk and needs, in words': 'A non-mobile baby with unexplained bruising.',
            });
          },
        };
      },
      now: /: minutes circulated$/m,
      gone: ['Save draft', 'Circulate the minutes'],
      superseded: true,
    },
    'every partnership admin’s serious-incident card, once the Panel is notified: the step shows as done, its button gone': {
      change: async () => {
        const [jordan, alison] = await sw.install('Jordan Reid', 'Alison Bright');
        const [form] = await jordan.say('serious incident');
        const step1 = await jordan.click(form.attachments[0].content, 'Next', {
          'Case reference (not the child’s name)': 'SD-0142',
          'The child has been seriously harmed': true,
          'Date of the incident': '2026-11-22',
          'Abuse or neglect is known or suspected': true,
        });
        const review = await jordan.click(step1.card, 'Review', {
          'Summary of events': 'A baby admitted with head injuries.',
          'Agencies involved': 'Hospital, police',
        });
        const reference = /(SI-\d{4})/.exec((await jordan.click(review.card, 'Submit and alert the partnership')).message)![1];
        const holders = await Promise.all(
          sw.directory.withRole('partnership-admin').map((p) => holderOf(sw.user(p.name), `${reference}: serious incident reported`)),
        );
        return {
          reference,
          holders,
          after: async () => {
            const [view] = await alison.say(`incident ${reference}`);
            await alison.click(view.attachments[0].content, 'Record the National Panel notification', { Date: '2026-11-23' });
          },
        };
      },
      now: 'Notify the National Panel (5 working days): done',
      gone: ['Record the National Panel notification'],
      superseded: false,
    },
  };

  test.each(Object.keys(rows))('%s', async (name) => {
    const row = rows[name];
    const { reference, holders, after } = await row.change();
    const before = holders.map((h) => sw.connector.updatesOf(h.person.chatId, h.message).length);
    await after();
    for (const [i, h] of holders.entries()) {
      const now = await sw.connector.waitFor(() => {
        const c = sw.connector.updatesOf(h.person.chatId, h.message).length > before[i] && sw.connector.cardNow(h.person.chatId, h.message);
        return c && (typeof row.now === 'string' ? text(c).includes(row.now) : row.now.test(text(c))) && c;
      }, `${h.person.who.name}'s card of ${reference} to be updated`);
      expect(cards.buttonTitles(now).filter((t) => row.gone.includes(t))).toEqual([]);
      if (row.superseded) expect(hasExecute(now)).toBe(false);
    }
  });
});
