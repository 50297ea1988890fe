/**
 * Governance commands said twice, or by two people at once (two clicks, two devices), have one
 * effect: the first hold and the first link stay as they were made, the audit trail says so once,
 * and the second says plainly that it was already done.
 */
import { answerTo } from './harness/replies';
import * as cards from './harness/cards';
import { CHAIR, CONVENE_ANSWERS } from './harness/strategyFlow';
import { TeamsUser } from './harness/teams';
import { World } from './harness/world';

jest.setTimeout(60_000);

let world: World;
let alison: TeamsUser;
let chair: TeamsUser;
beforeEach(async () => {
  world = await World.start({ at: '2026-11-23T10:00:00Z' });
  [alison, chair] = await world.install('Alison Bright', CHAIR);
  await world.install('Jordan Reid', 'Alex Carter', 'Nia Evans', 'Helen Grant', 'Lucy Park', 'Chris Dunn', 'Dee Walsh');
});
afterEach(async () => world?.stop());

async function convened(): Promise<string> {
  const [form] = await chair.say('strategy');
  const done = await chair.click(form.attachments[0].content, 'Convene and send invitations', CONVENE_ANSWERS);
  return /^(SD-\d{4})/.exec(cards.text(done.card))![1];
}

async function holdRows(): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const r of world.concord.tables.client('governance').listEntities({ queryOptions: { filter: "PartitionKey eq 'hold'" } }))
    out.push(JSON.parse(String(r.json)) as Record<string, unknown>);
  return out;
}

const count = (actions: string[], action: string) => actions.filter((a) => a === action).length;

describe('legal hold', () => {
  test('a second hold keeps the first one’s reason, who and when, and says the case is already on hold; one audit event', async () => {
    const reference = await convened();
    expect((await answerTo(alison, `hold ${reference} Court proceedings in the family court`)).text).toContain(`${reference} is on legal hold`);
    world.clock.advance(3_600_000);
    const again = await answerTo(alison, `hold ${reference} A serious case review`);
    expect(again.text).toBe(
      `${reference} is already on legal hold, placed Monday 23 November 2026 at 10:00 by Alison Bright. Its reason is unchanged; to change it, lift the hold ("lift hold ${reference}") and place it again.`,
    );
    expect(await holdRows()).toEqual([expect.objectContaining({ reference, reason: 'Court proceedings in the family court', at: '2026-11-23T10:00:00.000Z' })]);
    expect(count(await world.auditActions(reference), 'hold.placed')).toBe(1);
  });

  test('two holds at the same moment: one hold, one audit event, both told it is on hold', async () => {
    const reference = await convened();
    const answers = await Promise.all([answerTo(alison, `hold ${reference} Court proceedings`), answerTo(alison, `hold ${reference} A review`)]);
    for (const a of answers) expect(a.text).toMatch(new RegExp(`^${reference} is (already )?on legal hold`));
    expect(await holdRows()).toHaveLength(1);
    expect(count(await world.auditActions(reference), 'hold.placed')).toBe(1);
  });

  test('someone without the role is refused and audited, and nothing is held', async () => {
    const reference = await convened();
    expect((await answerTo(chair, `hold ${reference} Court proceedings`)).text).toBe('Only partnership administrators can do that.');
    expect((await answerTo(chair, `lift hold ${reference}`)).text).toBe('Only partnership administrators can do that.');
    expect((await answerTo(chair, `erase ${reference} confirm`)).text).toBe('Only partnership administrators can do that.');
    expect((await answerTo(chair, `subject access ${reference}`)).text).toBe('Only partnership administrators can do that.');
    const refused = (await world.concord.audit.trail('access')).filter((e) => e.action === 'refused.not-admin').map((e) => e.detail);
    expect(refused).toEqual(['hold', 'lift hold', 'erase', 'subject access']);
    expect(await holdRows()).toEqual([]);
  });
});

describe('linking two cases', () => {
  test('linking two cases again says they are already linked and is audited once', async () => {
    const a = await convened();
    const b = await convened();
    expect((await answerTo(chair, `link ${a} ${b}`)).text).toContain(`${a} and ${b} are now linked`);
    const again = await answerTo(chair, `link ${b} ${a}`);
    expect(again.text).toBe(`${b} and ${a} are already linked as cases of the same child. The thread: ${b}, ${a}.`);
    expect(count(await world.auditActions(a), 'thread.linked')).toBe(1);
    expect(count(await world.auditActions(b), 'thread.linked')).toBe(1);
  });

  test('two links of the same cases at the same moment: audited once on each case', async () => {
    const a = await convened();
    const b = await convened();
    const answers = await Promise.all([answerTo(chair, `link ${a} ${b}`), answerTo(chair, `link ${a} ${b}`)]);
    expect(answers.map((x) => x.text).sort()).toEqual([
      `${a} and ${b} are already linked as cases of the same child. The thread: ${a}, ${b}.`,
      `${a} and ${b} are now linked as cases of the same child. The thread: ${a}, ${b}.`,
    ]);
    expect(count(await world.auditActions(a), 'thread.linked')).toBe(1);
    expect(count(await world.auditActions(b), 'thread.linked')).toBe(1);
  });
});
