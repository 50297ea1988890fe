import * as cards from './harness/cards';
import { TeamsUser } from './harness/teams';
import { World } from './harness/world';
import { answerReferralSteps, FRONT_DOOR, installInFrontDoorTeam } from './harness/frontDoor';
import { REFERRAL } from './harness/partnershipSeed';
import { CONVENE_ANSWERS } from './harness/strategyFlow';

/**
 * A Front Door "strategy discussion" decision reaches the people who can convene it (domain guide
 * §5): every chair at once, with a convene form filled in from the referral, and a clock; nothing
 * convened by then, the managers above are told; the discussion convened carries the referral both ways.
 */
const text = cards.text;

async function referAndDecide(world: World, nia: TeamsUser, kim: TeamsUser, urgent = false): Promise<string> {
  const [first] = await nia.say('refer');
  const start = urgent
    ? (await nia.click((await nia.click(first.attachments[0].content, 'Yes, a child is in danger now')).card, 'Continue the referral (urgent)')).card
    : (await nia.click(first.attachments[0].content, 'No')).card;
  const submitted = await nia.click(await answerReferralSteps(nia, start, REFERRAL), 'Submit the referral');
  const reference = /(REF-\d{4})/.exec(submitted.said)![1];
  const summary = `${reference}: new referral${urgent ? ', urgent' : ''}`;
  const triage = await world.connector.waitFor(() => world.connector.sentTo(FRONT_DOOR).find((a) => a.summary === summary), 'the triage card');
  world.clock.advance(60 * 60_000);
  const decided = await kim.inChannel(FRONT_DOOR).click(triage.attachments[0].content, 'Record the decision', {
    Decision: 'Strategy discussion',
    'Rationale (the referrer is told)': 'Possible significant harm.',
  });
  expect(decided.said).toContain('Strategy discussion');
  return reference;
}

describe('a Front Door "strategy discussion" decision reaches a chair', () => {
  let world: World;
  let nia: TeamsUser, kim: TeamsUser, sam: TeamsUser, omar: TeamsUser, priya: TeamsUser;
  beforeEach(async () => {
    world = await World.start({ at: '2026-11-23T10:00:00Z' }); // Monday
    [nia, kim, sam, omar, priya] = await world.install('Nia Evans', 'Kim Lee', 'Sam Okafor', 'Omar Haddad', 'Priya Shah');
    await world.install('Jordan Reid', 'Alex Carter', 'Helen Grant', 'Lucy Park', 'Chris Dunn', 'Dee Walsh');
    await installInFrontDoorTeam(world, kim);
  });
  afterEach(async () => world?.stop());

  test('every chair is told within the turn with a pre-filled convene card; not convened by the end of the next working day, the Front Door managers and the chairs’ managers are told; convening links both ways', async () => {
    const reference = await referAndDecide(world, nia, kim);
    const asked = `${reference}: the Front Door decided on a strategy discussion. Please convene it by 17:00 on Tuesday 24 November.`;
    // Within the turn: the messages are on their way before the decision's answer came back.
    const samCard = (await sam.waitForMessage((a) => a.summary === asked, 'the convene card')).attachments[0].content;
    const omarCard = (await omar.waitForMessage((a) => a.summary === asked, 'the convene card')).attachments[0].content;
    expect(cards.input(samCard, 'What the discussion is about').value).toMatch(new RegExp(`^Referral ${reference}: `));
    expect(text(samCard)).toContain(`Convened from referral ${reference}`);
    const [before] = await kim.say(`record ${reference}`);
    expect(text(before.attachments[0].content)).toContain('Not convened yet: a chair convenes it by 17:00 on Tuesday 24 November.');

    world.clock.set('2026-11-24T16:59:00Z');
    await world.runDueWork();
    const late = `${reference}: the Front Door decided on a strategy discussion and none was convened by 17:00 on Tuesday 24 November. Please see that a chair convenes it now.`;
    expect(kim.messages().some((a) => a.summary === late)).toBe(false);
    world.clock.set('2026-11-24T17:00:00Z');
    await world.runDueWork();
    await kim.waitForMessage((a) => a.summary === late, 'the Front Door manager’s chase');
    await priya.waitForMessage((a) => a.summary === late, 'the chairs’ manager’s chase');
    expect(sam.messages().some((a) => a.summary === late)).toBe(false);

    // The referrer is filled in from the referral (on the step that asks for it): not answered here,
    // and yet the core role is not left out.
    const { 'What the discussion is about': _prefilled, 'The referrer': _referrer, ...answers } = CONVENE_ANSWERS;
    const convened = await sam.click(samCard, 'Convene and send invitations', { ...answers, Date: '2026-11-25' });
    const sd = /^(SD-\d+)/.exec(text(convened.card))![1];
    const [record] = await sam.say(`record ${sd}`);
    expect(text(record.attachments[0].content)).toContain(`Convened from referral ${reference}`);
    const [exported] = await sam.say(`export ${sd}`);
    expect(exported.text).toContain(`Convened from referral ${reference}`);
    const [referral] = await kim.say(`record ${reference}`);
    expect(text(referral.attachments[0].content)).toContain(`${sd}, convened Tuesday 24 November 2026 at 17:00 by Sam Okafor`);
    const told = `${reference}: strategy discussion ${sd} was convened.`;
    await nia.waitForMessage((a) => a.summary === told, 'the referrer told');
    await world.connector.waitFor(() => world.connector.sentTo(FRONT_DOOR).find((a) => a.summary === told), 'the Front Door told');
    expect(await world.auditActions(reference)).toContain('referral.discussion-convened');

    // The other chair's convene card now says it was convened, with nothing left to click.
    const omarMessage = world.connector.messageIdOf(omarCard)!;
    const omarNow = await world.connector.waitFor(() => {
      const c = world.connector.cardNow(omar.chatId, omarMessage);
      return c && text(c).startsWith(`${reference}: convened as ${sd}`) && c;
    }, 'the other chair’s card to say it was convened');
    expect(JSON.stringify(omarNow)).not.toContain('Action.Execute');
    // One discussion a referral: the other chair's card is refused, naming the one convened.
    const second = await omar.click(omarCard, 'Convene and send invitations', { ...answers, Date: '2026-11-25' });
    expect(second.said).toContain(`${reference} already has its strategy discussion, ${sd}.`);
    const [omarView] = await omar.say(`record ${reference}`);
    expect(text(omarView.attachments[0].content)).toContain(`${sd}, convened`);
    expect(cards.buttonTitles(omarView.attachments[0].content)).not.toContain('Convene a strategy discussion');
  });

  test('an urgent referral: the chairs convene the same working day', async () => {
    const reference = await referAndDecide(world, nia, kim, true);
    const asked = `${reference}: the Front Door decided on a strategy discussion (urgent). Please convene it by 17:00 on Monday 23 November.`;
    await sam.waitForMessage((a) => a.summary === asked, 'the urgent convene card');
    world.clock.set('2026-11-23T17:00:00Z');
    await world.runDueWork();
    await priya.waitForMessage(
      (a) => a.summary?.startsWith(`${reference}: the Front Door decided on a strategy discussion (urgent) and none was convened`),
      'the chase',
    );
  });

  test('a convene card naming something that is not a referral is refused at the edge', async () => {
    const forged = await sam.invoke('sd.convene', { formId: 'forged', referral: 'Alex Example' } as never);
    expect(forged.message).toContain('This card sent something Concord does not offer');
    expect((await world.concord.audit.trail('access')).some((e) => e.action === 'refused.invalid-input')).toBe(true);
  });
});
