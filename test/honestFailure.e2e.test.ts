import * as cards from './harness/cards';
import { CHAIR, CONVENE_ANSWERS, ATTENDEES } from './harness/strategyFlow';
import { World } from './harness/world';

test('a step recorded before a later part of the turn fails is reported as on the record, not as "nothing was recorded"', async () => {
  const world = await World.start({ at: '2026-11-23T10:00:00Z' });
  try {
    const chair = world.user(CHAIR);
    await chair.install();
    await world.install(...ATTENDEES);
    const [form] = await chair.say('strategy');
    // The discussion is written, then the invitations cannot be queued: the job table is gone.
    await world.concord.sweeper.stop();
    await world.concord.tables.client('jobs').deleteTable();

    const answer = await chair.click(form.attachments[0].content, 'Convene and send invitations', { ...CONVENE_ANSWERS, Date: '2026-11-23' });
    expect(answer.message).toBe(
      'SD-0001: what you did is on the record, but something went wrong afterwards, so some people may not have been told yet. Please do not repeat it: check it with "record SD-0001" and tell your partnership administrator.',
    );
    const [record] = await chair.say('record SD-0001');
    expect(cards.text(record.attachments[0].content)).toContain('SD-0001');
    expect(await world.auditActions('SD-0001')).toContain('convened');
  } finally {
    await world.concord.tables.client('jobs').createTable();
    await world.stop();
  }
});
