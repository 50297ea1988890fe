/**
 * Teams refusing to update a card (a 503 under load) must not turn a recorded decision into
 * "Something went wrong": the person who acted is told what was recorded, and the card is brought
 * up to date from the queue once Teams accepts updates again.
 */
import * as cards from './harness/cards';
import { World } from './harness/world';
import { answerReferralSteps, FRONT_DOOR, installInFrontDoorTeam } from './harness/frontDoor';
import { REFERRAL } from './harness/partnershipSeed';

let world: World;
beforeAll(async () => {
  world = await World.start();
});
afterAll(async () => world?.stop());

test('a Front Door decision is recorded and said to be, though Teams refuses the card’s update; the channel card follows once Teams is back', async () => {
  const [nia, kim] = await world.install('Nia Evans', 'Kim Lee');
  await installInFrontDoorTeam(world, kim);
  const [first] = await nia.say('refer');
  const review = await answerReferralSteps(nia, (await nia.click(first.attachments[0].content, 'No')).card, REFERRAL);
  const reference = /(REF-\d{4})/.exec((await nia.click(review, 'Submit the referral')).said)![1];
  const triage = await world.connector.waitFor(
    () => world.connector.sentTo(FRONT_DOOR).find((a) => a.summary?.startsWith(`${reference}: new referral`)),
    'the triage card',
  );
  const message = world.connector.messageIdOf(triage.attachments[0].content)!;

  world.connector.failAlways({ status: 503 }, FRONT_DOOR);
  const decided = await kim.inChannel(FRONT_DOOR).click(triage.attachments[0].content, 'Record the decision', {
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
