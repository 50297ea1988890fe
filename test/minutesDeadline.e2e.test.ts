import * as cards from './harness/cards';
import { discussionWithOutcome } from './harness/strategyFlow';
import { HOUR, World } from './harness/world';
import { loadDirectory } from '../src/directoryFile';
import { Directory } from '../src/domain/directory';

const MINUTES: Record<string, cards.Answer> = {
  'Information shared by each agency': 'Police: a history of violence. Hospital: bruising seen on admission.',
  'Analysis of risk and needs, in words': 'A non-mobile baby with unexplained bruising.',
};

/** The sample partnership, with minutes due 48 hours after the discussion ends. */
function partnershipWith48Hours(): Directory {
  const data = loadDirectory('config/partnership.sample.json').data;
  data.partnership.timescales.minutesDueHours = 48;
  return new Directory(data);
}

describe('a partnership whose minutes are due in 48 hours', () => {
  let world: World;
  beforeEach(async () => {
    world = await World.start({ at: '2026-11-23T10:00:00Z', directory: partnershipWith48Hours() });
    await world.install('Dee Walsh', 'Priya Shah');
  });
  afterEach(async () => world?.stop());

  test('due at 48 hours: nobody is told at 24; at 48 the chair and the manager are told of 48 hours; circulated late, the cards say the 48-hour deadline', async () => {
    const sd = await discussionWithOutcome(world);
    const ended = await sd.chair.click(sd.card, 'The discussion has ended');
    expect(ended.message).toContain('The minutes are due by 10:00 on Wednesday 25 November');
    const dee = world.user('Dee Walsh');
    const priya = world.user('Priya Shah');
    const draft = (
      await dee.waitForMessage((a) => a.summary === `${sd.reference}: please write the minutes, due by 10:00 on Wednesday 25 November`, 'the drafting card')
    ).attachments[0].content;

    world.clock.advance(24 * HOUR);
    await world.runDueWork();
    const overdue = `${sd.reference}: the minutes were due`;
    expect(sd.chair.messages().some((a) => a.text?.startsWith(overdue))).toBe(false);

    world.clock.advance(24 * HOUR);
    await world.runDueWork();
    const told = `${sd.reference}: the minutes were due 48 hours after the discussion ended and have not been circulated by Dee Walsh.`;
    await priya.waitForMessage((a) => a.text?.startsWith(told), 'the manager notice');
    await sd.chair.waitForMessage((a) => a.text?.startsWith(told), 'the chair notice');

    world.clock.advance(2 * HOUR);
    const [reopened] = await dee.say(`minutes ${sd.reference}`);
    expect(cards.text(reopened.attachments[0].content)).toContain('The 48 hours have passed: the minutes are late');
    const late = await dee.click(draft, 'Circulate the minutes', MINUTES);
    expect(late.message).toContain('late by 2 hours');
    const review = await sd.chair.waitForMessage((a) => a.summary === `${sd.reference}: the minutes need your review`, 'the minutes');
    expect(cards.text(review.attachments[0].content)).toContain('Circulated late: 2 hours after the 48-hour deadline.');
  });
});
