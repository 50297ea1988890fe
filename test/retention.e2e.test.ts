/**
 * Retention by rule (issue 18): what outlives the partnership's rule is deleted by the nightly
 * job, leaving a tombstone, and audited; a legal hold keeps a case until it is lifted.
 */
import { answerTo } from './harness/replies';
import * as cards from './harness/cards';
import { TeamsUser } from './harness/teams';
import { SAMPLE_DIRECTORY, World } from './harness/world';
import { FRONT_DOOR, installInFrontDoorTeam } from './harness/frontDoor';
import { refer, referralAbout } from './harness/referral';
import { loadDirectory } from '../src/directoryFile';
import { Directory } from '../src/domain/directory';
import { GovernanceStore } from '../src/store/governanceStore';

// Each test drives a referral, a discussion and more through the wire: slow on a loaded 2-core machine.
jest.setTimeout(60_000);
const text = cards.text;
const DAY = 86_400_000;

async function tombstones(world: World) {
  const out: Record<string, unknown>[] = [];
  for await (const r of world.concord.tables
    .client('governance')
    .listEntities<Record<string, unknown>>({ queryOptions: { filter: "PartitionKey eq 'tombstone'" } }))
    out.push(JSON.parse(String(r.json)) as Record<string, unknown>);
  return out;
}

describe('unsubmitted drafts: 30 days by default', () => {
  let world: World;
  afterEach(async () => world?.stop());

  test('a draft untouched for 30 days is gone, with a tombstone and an audit event; a newer one stays', async () => {
    world = await World.start({ at: '2026-11-23T10:00:00Z' });
    const [nia, lucy] = await world.install('Nia Evans', 'Lucy Park');
    const startDraft = async (who: TeamsUser) => {
      const first = await answerTo(who, 'refer');
      const step1 = await who.click(first.attachments[0].content, 'No');
      await who.click(step1.card, 'Next', referralAbout()[0]);
    };
    await startDraft(nia);
    world.clock.advance(10 * DAY);
    await startDraft(lucy);

    world.clock.advance(20 * DAY + 17 * 3_600_000); // 24 December, 03:00: Nia's draft is 30 days old, Lucy's 20.
    await world.runDueWork();

    // Past the danger question, a saved draft is offered to continue; Nia's is gone.
    const pastDanger = async (who: TeamsUser) => text((await who.click((await answerTo(who, 'refer')).attachments[0].content, 'No')).card);
    expect(await pastDanger(nia)).toContain('Referral: step 1 of 6');
    expect(await pastDanger(lucy)).toContain('You have a referral you did not submit, last saved on');

    const [stone] = await tombstones(world);
    expect(stone).toMatchObject({
      type: 'unsubmitted referral',
      opened: '2026-11-23T10:00:00.000Z',
      why: 'deleted under the retention rule "unsubmitted forms: 30 days after last changed"',
    });
    expect(await world.auditActions('retention')).toEqual(['retention.deleted']);
  });
});

describe('closed cases: the period the partnership sets, unless on legal hold', () => {
  let world: World;
  let nia: TeamsUser;
  let kim: TeamsUser;
  let alison: TeamsUser;
  beforeEach(async () => {
    const directory = loadDirectory(SAMPLE_DIRECTORY);
    directory.partnership.retention = { caseDays: 90 };
    world = await World.start({ at: '2026-11-23T10:00:00Z', directory: new Directory(directory.data) });
    [nia, kim, alison] = await world.install('Nia Evans', 'Kim Lee', 'Alison Bright');
    await installInFrontDoorTeam(world, kim);
  });
  afterEach(async () => world?.stop());

  const decideNoFurtherAction = async (triage: any) =>
    kim
      .inChannel(FRONT_DOOR)
      .click(triage, 'Record the decision', { Decision: 'No further action', 'Rationale (the referrer is told)': 'Explained by a fall.' });

  test('a case past its retention is deleted and audited, one on legal hold stays until the hold is lifted', async () => {
    const closed = await refer(world, nia);
    await decideNoFurtherAction(closed.triage);
    const held = await refer(world, nia, referralAbout({ 'NHS number, if known': '401 023 2137' }));
    await decideNoFurtherAction(held.triage);

    expect((await answerTo(kim, `hold ${held.reference} Court proceedings`)).text).toBe('Only partnership administrators can do that.');
    const placed = await answerTo(alison, `hold ${held.reference} Court proceedings in the family court`);
    expect(placed.text).toContain(`${held.reference} is on legal hold`);

    world.clock.advance(91 * DAY);
    await world.runDueWork();

    expect((await answerTo(kim, `record ${closed.reference}`)).text).toContain(`You are not involved in ${closed.reference}`);
    expect(text((await answerTo(kim, `record ${held.reference}`)).attachments[0].content)).toContain('No further action');
    const gone = await new GovernanceStore(world.concord.tables).tombstone(closed.reference);
    expect(gone).toMatchObject({
      reference: closed.reference,
      type: 'referral',
      why: 'deleted under the retention rule "cases: 90 days after the last step on the child\'s thread"',
    });
    expect(JSON.stringify(gone)).not.toContain('Alex');
    expect(await world.auditActions(closed.reference)).toContain('retention.deleted');
    expect(await world.auditActions(held.reference)).toEqual(expect.arrayContaining(['hold.placed']));
    expect(JSON.stringify(await world.concord.audit.trail(held.reference))).not.toContain('Court');

    expect((await answerTo(alison, `lift hold ${held.reference}`)).text).toBe(
      `The legal hold on ${held.reference} is lifted: its retention rule applies again.`,
    );
    world.clock.advance(DAY);
    await world.runDueWork();
    expect((await answerTo(kim, `record ${held.reference}`)).text).toContain(`You are not involved in ${held.reference}`);
    expect(await world.auditActions(held.reference)).toEqual(expect.arrayContaining(['hold.lifted', 'retention.deleted']));
  });
});
