/**
 * Every card that shows a case's state, case by case: after a change, every holder's card is
 * updated in place (the connector's PUTs, counted), the current card refreshes itself for its
 * holder only, and a card that is no longer the current one offers nothing to click.
 */
import * as cards from './harness/cards';
import { ackCard, discussionWithOutcome } from './harness/strategyFlow';
import { World } from './harness/world';
import { TeamsUser } from './harness/teams';

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
