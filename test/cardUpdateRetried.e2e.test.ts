/**
 * Teams refusing to update a card (a 503 under load) must not turn a recorded decision into
 * "Something went wrong": the person who acted is told what was recorded, and the card is brought
 * up to date from the queue once Teams accepts updates again.
 */
import * as cards from './harness/cards';
import { World } from './harness/world';
import { FRONT_DOOR, installInFrontDoorTeam } from './harness/frontDoor';
import { refer } from './harness/referral';
import { ATTENDEES, CONVENE_ANSWERS } from './harness/strategyFlow';

let world: World;

/** A queued job of this kind that Teams refused, waiting for its next try. */
async function waiting(kind: string): Promise<boolean> {
  for await (const row of world.concord.tables.client('jobs').listEntities<{ kind: string; attempts: number }>())
    if (row.kind === kind && String(row.rowKey).startsWith('due|') && Number(row.attempts) >= 1) return true;
  return false;
}

beforeAll(async () => {
  world = await World.start();
});
afterAll(async () => world?.stop());

test('a Front Door decision is recorded and said to be, though Teams refuses the card’s update; the channel card follows once Teams is back', async () => {
  const [nia, kim] = await world.install('Nia Evans', 'Kim Lee');
  await installInFrontDoorTeam(world, kim);
  const { reference, triage } = await refer(world, nia);
  const message = world.connector.messageIdOf(triage)!;

  world.connector.failAlways({ status: 503 }, FRONT_DOOR);
  const decided = await kim.inChannel(FRONT_DOOR).click(triage, 'Record the decision', {
    Decision: 'Strategy discussion',
    'Rationale (the referrer is told)': 'Unexplained bruising.',
  });
  expect(decided.said).not.toContain('Something went wrong');
  const [record] = await kim.say(`record ${reference}`);
  expect(cards.text(record.attachments[0].content)).toContain('Strategy discussion');

  world.connector.recover();
  const updated = await world.connector.waitFor(() => {
    const now = world.connector.cardNow(FRONT_DOOR, message);
    return now && cards.text(now).split('\n')[0] === `${reference}: referral decided` && now;
  }, 'the channel card to show the decision');
  expect(cards.buttonTitles(updated)).not.toContain('Record the decision');
});

test('two updates of one card, the first refused by Teams and tried again after the second went through: the card keeps the newer', async () => {
  const [sam, jordan] = await world.install('Sam Okafor', 'Jordan Reid', ...ATTENDEES.slice(1));
  const [form] = await sam.say('strategy');
  const convened = await sam.click(form.attachments[0].content, 'Convene and send invitations', {
    ...CONVENE_ANSWERS,
    Date: world.clock.now().toISOString().slice(0, 10),
  });
  const reference = /^(SD-\d+)/.exec(cards.text(convened.card))![1];
  const invitation = await jordan.waitForMessage((a) => a.summary?.startsWith(`${reference}:`), 'the invitation');
  const message = jordan.messageIdOf(invitation.attachments[0].content)!;
  const attendance = async (jordanWas: string) => {
    const form = await sam.click(convened.card, 'Record attendance');
    const answers = Object.fromEntries(cards.inputs(form.card).map((i) => [i.label, String(i.label).startsWith('Jordan Reid') ? jordanWas : 'Attended']));
    await sam.click(form.card, 'Save attendance', answers);
  };

  // Jordan recorded absent, by mistake: Teams refuses the update of his invitation (it is tried again later).
  world.connector.failAlways({ status: 503 }, jordan.chatId);
  await attendance('Did not attend');
  await world.connector.waitFor(() => waiting('replace'), 'the refused update to wait to be tried again');
  world.connector.recover();
  // Corrected at once: this update goes through.
  await attendance('Attended');
  const shows = (what: string) => cards.text(world.connector.cardNow(jordan.chatId, message)).includes(what);
  await world.connector.waitFor(() => shows('The chair recorded you as: Attended'), 'the invitation to say Jordan attended');
  // The first update's retry comes due after the second: it must not put "did not attend" back.
  world.clock.advance(15 * 60_000);
  await world.runDueWork();
  expect(shows('The chair recorded you as: Did not attend')).toBe(false);
  expect(shows('The chair recorded you as: Attended')).toBe(true);
});

test('a card updated before Teams has taken it (its delivery waiting to be tried again) arrives, then shows the update', async () => {
  const [sam, jordan] = [world.user('Sam Okafor'), world.user('Jordan Reid')];
  // Teams refuses Jordan's invitation for now: its delivery waits to be tried again.
  world.connector.failAlways({ status: 503 }, jordan.chatId);
  const [form] = await sam.say('strategy');
  const convened = await sam.click(form.attachments[0].content, 'Convene and send invitations', {
    ...CONVENE_ANSWERS,
    Date: world.clock.now().toISOString().slice(0, 10),
  });
  const reference = /^(SD-\d+)/.exec(cards.text(convened.card))![1];
  await world.connector.waitFor(() => waiting('deliver'), 'the invitation to wait to be tried again');
  const attendance = await sam.click(convened.card, 'Record attendance');
  await sam.click(attendance.card, 'Save attendance', Object.fromEntries(cards.inputs(attendance.card).map((i) => [i.label, 'Attended'])));

  world.connector.recover();
  let card: any;
  for (let i = 0; i < 6 && !card; i++) {
    world.clock.advance(15 * 60_000);
    await world.runDueWork();
    const invitation = jordan.messages().find((a) => a.summary?.startsWith(`${reference}:`));
    const now = invitation && world.connector.cardNow(jordan.chatId, jordan.messageIdOf(invitation.attachments[0].content)!);
    if (now && cards.text(now).includes('The chair recorded you as: Attended')) card = now;
  }
  expect(card).toBeDefined();
  expect(cards.buttonTitles(card)).not.toContain('I will attend');
});
