import { TeamsUser } from './harness/teams';
import { ackCard, discussionWithOutcome } from './harness/strategyFlow';
import { World } from './harness/world';
import * as cards from './harness/cards';

/**
 * Partners in other tenants: Helen Grant is a GP in the NHS tenant (her home identity) and a guest
 * in the council's tenant, where a guest has an object id of its own. Both are her; neither is
 * anyone's from the other tenant.
 */
const NHS = '22222222-2222-4222-8222-222222222222';
const COUNCIL = '11111111-1111-4111-8111-111111111111';
const HOME = 'aaaaaaaa-0000-4000-8000-000000000011';
const GUEST = 'bbbbbbbb-0000-4000-8000-000000000011';

let world: World;
beforeAll(async () => {
  world = await World.start();
});
afterAll(() => world.stop());

const as = (aadObjectId: string, tenantId: string) => new TeamsUser({ aadObjectId, name: 'Helen Grant', tenantId }, () => world.concord.url, world.connector);

test('a GP with a home and a guest identity acts under both and is one person in the record', async () => {
  const { reference, chair } = await discussionWithOutcome(world);
  const guest = as(GUEST, COUNCIL);
  await guest.install();
  // Concord reaches her where she last was (the card may already be in her home chat); the card
  // is hers whichever identity she answers it under.
  const card = await Promise.any([ackCard(world, world.user('Helen Grant'), reference), ackCard(world, guest, reference)]);
  const answered = await guest.click(card, 'I agree');
  expect(cards.text(answered.card)).toContain('Your answer: I agree');

  const again = await as(HOME, NHS).click(card, 'My understanding is different', { 'Your note, or what you understood the outcome to be': 'Another view' });
  expect(again.said).not.toContain('Your answer: My understanding is different');

  const tally = cards.text((await chair.invoke('sd.tally.view', { ref: reference })).card);
  expect(tally).toContain('Agree 1');
  expect(tally).toContain('Different understanding 0');
  const trail = await world.concord.audit.trail(reference);
  expect(trail.filter((e) => e.action.startsWith('acknowledg')).map((e) => e.actorAadObjectId)).toEqual([HOME]);
});

test('an identity arriving from a tenant it does not belong to is refused and audited', async () => {
  for (const [id, tenant] of [
    [HOME, COUNCIL],
    [GUEST, NHS],
  ]) {
    const [reply] = await as(id, tenant).say('help');
    expect(reply.text).toContain('Concord cannot act for this account from this organisation');
  }
  const refusals = (await world.concord.audit.trail('access')).filter((e) => e.action === 'refused.wrong-tenant');
  expect(refusals.map((e) => e.actorAadObjectId).sort()).toEqual([HOME, GUEST].sort());
});
