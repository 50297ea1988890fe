import * as cards from './harness/cards';
import { ackCard, CHAIR, discussionWithOutcome } from './harness/strategyFlow';
import { TeamsUser } from './harness/teams';
import { World } from './harness/world';

/**
 * A professional difference raised "from" a strategy discussion writes a link into that
 * discussion's record. The origin travels on the raise form, so it can be forged: it must name
 * a case the raiser is involved in, and an answer of theirs.
 */
const text = cards.text;

let world: World;
beforeEach(async () => {
  world = await World.start();
});
afterEach(async () => world?.stop());

const RAISE = {
  'Case reference (not the child’s name)': 'SD-0001',
  'The decision or action in question': 'The outcome of SD-0001',
  'Your reasons and the evidence': 'I understood something else.',
  'The outcome you are seeking': 'The record corrected',
  'Responding practitioner': 'Sam Okafor',
};

async function raiseWithOrigin(person: TeamsUser, origin: string) {
  const [form] = await person.say('escalate');
  return person.click(form.attachments[0].content, 'Raise the difference', RAISE, { data: { origin } });
}

describe('a raised difference’s origin', () => {
  test('from someone not involved in the case, or naming a case that does not exist: refused, audited, the case untouched, no difference made', async () => {
    const { reference, attendees } = await discussionWithOutcome(world);
    expect(reference).toBe('SD-0001');
    const nia = attendees[2];
    await nia.click(await ackCard(world, nia, reference), 'My understanding is different', {
      'Your note, or what you understood the outcome to be': 'A s47 by social care alone.',
    });
    const [kim, alison] = await world.install('Kim Lee', 'Alison Bright');
    const trailBefore = await world.concord.audit.trail(reference);

    const stranger = await raiseWithOrigin(kim, 'strategy-outcome|SD-0001|1');
    expect(stranger.message).toBe('You are not involved in SD-0001, so Concord cannot show or change it.');
    const missing = await raiseWithOrigin(nia, 'strategy-outcome|SD-0099|1');
    expect(missing.message).toBe('You are not involved in SD-0099, so Concord cannot show or change it.');

    expect(await world.concord.audit.trail(reference)).toEqual(trailBefore);
    const refusals = (await world.concord.audit.trail('access')).filter((e) => e.action === 'refused.not-involved');
    expect(refusals.map((e) => [e.actorAadObjectId, e.detail])).toEqual([
      [kim.who.aadObjectId, 'asked for SD-0001'],
      [nia.who.aadObjectId, 'asked for SD-0099'],
    ]);
    const [log] = await alison.say('differences');
    expect(log.text).toBe('No professional differences have been raised.');

    // Nia's own difference is the first: no reference was spent on the refusals, and it links back.
    const niaCard = (await nia.invoke('sd.ack.view', { ref: reference, version: 1 })).card;
    const form = await nia.click(niaCard, 'Raise a professional difference');
    const raised = await nia.click(form.card, 'Raise the difference', { 'The outcome you are seeking': 'A s47 today.' });
    expect(text(raised.card)).toMatch(/^PD-0001: professional difference raised/);
    const [record] = await world.user(CHAIR).say(`record ${reference}`);
    expect(text(record.attachments[0].content)).toContain('Nia Evans (Westmoor General Hospital) raised professional difference PD-0001 about version 1');
    expect(text(record.attachments[0].content).match(/raised professional difference/g)).toHaveLength(1);
  });

  test('from someone involved, but at an answer that is not theirs, or in a shape Concord never gives: refused and nothing written', async () => {
    const { reference, attendees } = await discussionWithOutcome(world);
    const [jordan] = attendees;
    await jordan.click(await ackCard(world, jordan, reference), 'I agree');
    const [alison] = await world.install('Alison Bright');
    const trailBefore = await world.concord.audit.trail(reference);

    const agreed = await raiseWithOrigin(jordan, `strategy-outcome|${reference}|1`);
    expect(agreed.message).toBe(`Only an attendee who recorded a different understanding of ${reference} can raise a professional difference from it.`);
    const noVersion = await raiseWithOrigin(jordan, `strategy-outcome|${reference}|7`);
    expect(noVersion.message).toBe(`Only an attendee who recorded a different understanding of ${reference} can raise a professional difference from it.`);
    const noCorrection = await raiseWithOrigin(jordan, `minutes-correction|${reference}|C1`);
    expect(noCorrection.message).toBe('Only the person whose correction was declined can raise it as a professional difference.');
    for (const forged of ['constructor|SD-0001|1', `strategy-outcome|${reference}|0x1`, `strategy-outcome|${reference}|1|more`, 'Jane Smith']) {
      const answer = await raiseWithOrigin(jordan, forged);
      expect(answer.message).toMatch(/^This card sent something Concord does not offer, so nothing was recorded\./);
    }

    expect(await world.concord.audit.trail(reference)).toEqual(trailBefore);
    const access = (await world.concord.audit.trail('access')).filter((e) => e.actorAadObjectId === jordan.who.aadObjectId).map((e) => e.action);
    expect(access).toEqual(['refused.not-attendee', 'refused.not-attendee', 'refused.not-recipient', ...Array(4).fill('refused.invalid-input')]);
    expect(JSON.stringify(await world.concord.audit.trail('access'))).not.toContain('Jane');
    const [log] = await alison.say('differences');
    expect(log.text).toBe('No professional differences have been raised.');
  });
});
