/**
 * One real case, driven through Concord over HTTP as people would, from a referral to minutes
 * confirmed by everyone, with every chaser it set run or cancelled; then every row it left in
 * every table. bench/startup.ts clones these rows to seed a long history.
 */
import * as cards from '../test/harness/cards';
import { FRONT_DOOR, installInFrontDoorTeam } from '../test/harness/frontDoor';
import { refer } from '../test/harness/referral';
import { ackCard, ATTENDEES, CHAIR, CONVENE_ANSWERS, OUTCOME_ANSWERS } from '../test/harness/strategyFlow';
import { HOUR, World } from '../test/harness/world';
import { TABLE_NAMES } from '../src/store/tables';
import { Row } from './caseClones';

const MINUTES: Record<string, cards.Answer> = {
  'Information shared by each agency': 'Police: checks on the household. Hospital: findings on admission.',
  'Analysis of risk and needs, in words': 'A non-mobile baby with unexplained injuries and a carer with a history of violence.',
};

async function everyRow(world: World): Promise<Row[]> {
  const rows: Row[] = [];
  for (const table of TABLE_NAMES)
    for await (const e of world.concord.tables.client(table).listEntities<Record<string, unknown>>()) {
      const { etag: _etag, timestamp: _timestamp, ...entity } = e;
      rows.push({ table, entity });
    }
  return rows;
}

const keyOf = (r: Row) => `${r.table}\u0000${String(r.entity.partitionKey)}\u0000${String(r.entity.rowKey)}`;

/**
 * Drives the case and returns the rows it added (those there before, the installs, are left out)
 * with the references it was given. Rows it changed rather than added (counters, a month's
 * figures) belong to the partnership, not to the case.
 */
export async function oneCase(): Promise<{ rows: Row[]; referral: string; discussion: string }> {
  process.env.CONCORD_QUIET = '1';
  const world = await World.start({ at: '2026-11-23T09:00:00Z' });
  try {
    const [nia, kim] = await world.install('Nia Evans', 'Kim Lee', 'Dee Walsh', ...ATTENDEES, CHAIR);
    await installInFrontDoorTeam(world, kim);
    const before = new Set((await everyRow(world)).map(keyOf));

    const referral = await refer(world, nia);
    await kim.inChannel(FRONT_DOOR).click(referral.triage, 'Record the decision', {
      Decision: 'Strategy discussion',
      'Rationale (the referrer is told)': 'Possible significant harm.',
    });
    const chair = world.user(CHAIR);
    const offer = await chair.waitForMessage((a) => a.summary?.startsWith(`${referral.reference}: the Front Door decided`), 'the convene card');
    const { 'What the discussion is about': _prefilled, ...answers } = CONVENE_ANSWERS;
    const convened = await chair.click(offer.attachments[0].content, 'Convene and send invitations', { ...answers, Date: '2026-11-23' });
    const discussion = /^(SD-\d+)/.exec(cards.text(convened.card))![1];
    const attendees = ATTENDEES.map((n) => world.user(n));
    for (const person of attendees) {
      const invitation = await person.waitForMessage((a) => a.summary?.startsWith(`${discussion}:`), 'the invitation');
      await person.click(invitation.attachments[0].content, 'I will attend');
    }
    const attendanceCard = await chair.click(convened.card, 'Record attendance');
    const attended = Object.fromEntries(cards.inputs(attendanceCard.card).map((i) => [i.label, 'Attended']));
    const form = await chair.click(attendanceCard.card, 'Save attendance', attended);
    const tally = await chair.click(form.card, 'Record the outcome and ask attendees to acknowledge', OUTCOME_ANSWERS);
    for (const person of attendees) await person.click(await ackCard(world, person, discussion), 'I agree');
    await chair.click(tally.card, 'The discussion has ended');
    const dee = world.user('Dee Walsh');
    const draft = await dee.waitForMessage((a) => a.summary?.startsWith(`${discussion}: please write the minutes`), 'the drafting card');
    world.clock.advance(2 * HOUR);
    await dee.click(draft.attachments[0].content, 'Circulate the minutes', MINUTES);
    for (const person of [...attendees, chair, nia]) {
      const review = await person.waitForMessage(
        (a) => a.attachments?.[0]?.content?.actions?.some((x: any) => x.verb === 'minutes.confirm' && x.data?.ref === discussion),
        `the minutes of ${discussion}`,
      );
      await person.click(review.attachments[0].content, 'Received and reviewed');
    }
    // Every chaser the case set comes due and is run (or finds nothing left to chase).
    for (let day = 0; day < 30; day++) {
      world.clock.advance(24 * HOUR);
      await world.runDueWork();
    }
    await world.concord.figures.catchUp();
    const rows = (await everyRow(world)).filter((r) => !before.has(keyOf(r)));
    return { rows, referral: referral.reference, discussion };
  } finally {
    await world.stop();
  }
}
