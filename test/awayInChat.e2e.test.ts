import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as cards from './harness/cards';
import { CONVENE_ANSWERS } from './harness/strategyFlow';
import { World } from './harness/world';
import { checkDirectory } from '../src/directoryFile';
import { Directory, DirectoryData } from '../src/domain/directory';
import { startEmbeddedAzurite } from '../src/store/embeddedAzurite';

/**
 * Someone going on leave says so in chat (`away until … cover …`, `back`), or their manager does:
 * checked, audited, stored, said back in words, and every chase finds their cover meanwhile.
 */
const ALEX = 'aaaaaaaa-0000-4000-8000-000000000009';
const OMAR = 'aaaaaaaa-0000-4000-8000-000000000018';
const text = cards.text;

function sampleData(alexAway?: { from: string; until: string; cover?: string }): DirectoryData {
  const data = JSON.parse(readFileSync('config/partnership.sample.json', 'utf8'));
  if (alexAway) data.people.find((p: { aadObjectId: string }) => p.aadObjectId === ALEX).away = [alexAway];
  return checkDirectory(data);
}

/** Sam convenes a discussion inviting the usual people; the invitation's first line. */
async function convene(world: World): Promise<string> {
  const [form] = await world.user('Sam Okafor').say('strategy');
  const convened = await world.user('Sam Okafor').click(form.attachments[0].content, 'Convene and send invitations', {
    ...CONVENE_ANSWERS,
    Date: world.clock.now().toISOString().slice(0, 10),
    Time: '16:00',
  });
  return `${/^(SD-\d+)/.exec(text(convened.card))![1]}: you are invited to a strategy discussion`;
}

const said = async (world: World, who: string, words: string) => (await world.user(who).say(words)).map((a) => a.text).join('\n');

describe('away and back, said in chat', () => {
  let world: World;
  let stopped = false;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'concord-away-'));
  beforeAll(async () => {
    world = await World.start({ at: '2026-11-24T10:00:00Z', storage: await startEmbeddedAzurite({ dataDir }), directory: new Directory(sampleData()) });
    await world.install('Sam Okafor', 'Jordan Reid', 'Alex Carter', 'Nia Evans', 'Helen Grant', 'Lucy Park', 'Chris Dunn', 'Dee Walsh', 'Omar Haddad');
    await world.install('Priya Shah', 'Tom Hughes', 'Morgan Price');
  });
  afterAll(async () => {
    if (!stopped) await world?.stop();
  });

  test('a person sets their own absence with a cover: said back in words, audited, and the next invitation reaches the cover saying why', async () => {
    const [help] = await world.user('Jordan Reid').say('help');
    expect(text(help.attachments[0].content)).toContain('Going on leave? Say who covers');
    const answer = await said(world, 'Jordan Reid', 'away until 2026-12-04 cover Omar Haddad');
    expect(answer).toBe(
      'You are away from Tuesday 24 November 2026 until Friday 4 December 2026; Omar Haddad covers for you. Everything Concord would send you meanwhile goes to them, saying why. Type “back” when you return.',
    );
    expect(await world.auditActions('directory')).toContain('absence.set');
    expect(await said(world, 'Jordan Reid', 'away')).toContain(
      'You are away from Tuesday 24 November 2026 until Friday 4 December 2026; Omar Haddad covers for you.',
    );

    const invited = await convene(world);
    const covered = await world.user('Omar Haddad').waitForMessage((a) => a.summary === invited, 'the invitation, at Jordan’s cover');
    expect(text(covered.attachments[0].content).split('\n')[1]).toBe('Sent to you as cover for Jordan Reid, away until Friday 4 December 2026');
    expect(
      world
        .user('Jordan Reid')
        .messages()
        .some((a) => a.summary === invited),
    ).toBe(false);
  });

  test('what cannot be an absence is refused with a clear message and an audit event, and changes nothing', async () => {
    const refusals = [
      ['away until 2026-11-20 cover Omar Haddad', 'The last day away, Friday 20 November 2026, is in the past.'],
      ['away until 2027-06-01 cover Omar Haddad', 'An absence said in chat can last at most 90 days'],
      ['away until 2026-12-04 cover Alex Carter', 'Alex Carter is not in your agency'],
      ['away until 2026-12-04 cover Kim Nobody', 'Nobody in the directory is called “Kim Nobody”'],
      ['away until 2026-12-04 cover Dee Walsh', 'You cannot cover for yourself'],
      ['away until 2026-13-45 cover Omar Haddad', 'is not a date'],
      ['away until 2026-12-04 cover Jordan Reid', 'Jordan Reid is away themselves'],
    ];
    const before = (await world.auditActions('directory')).filter((a) => a === 'refused.invalid-absence').length;
    for (const [words, message] of refusals) expect(await said(world, 'Dee Walsh', words)).toContain(message);
    const after = (await world.auditActions('directory')).filter((a) => a === 'refused.invalid-absence').length;
    expect(after - before).toBe(refusals.length);
    expect(await said(world, 'Dee Walsh', 'away')).toBe('You are not marked away.');
  });

  test('a manager sets it for someone in their agency; nobody else can', async () => {
    expect(await said(world, 'Priya Shah', 'away for Dee Walsh until 2026-11-27 cover Sam Okafor')).toBe(
      'Dee Walsh is away from Tuesday 24 November 2026 until Friday 27 November 2026; Sam Okafor covers for them. Everything Concord would send them meanwhile goes to Sam Okafor, saying why. Dee Walsh is told.',
    );
    await world.user('Dee Walsh').waitForMessage((a) => a.text?.startsWith('Concord: Priya Shah marked you away') ?? false, 'Dee told');
    expect(await said(world, 'Tom Hughes', 'away for Dee Walsh until 2026-11-27')).toContain(
      'Only a manager in Dee Walsh’s agency, or a partnership administrator, can say Dee Walsh is away.',
    );
    expect(await said(world, 'Nia Evans', 'away for Dee Walsh until 2026-11-27')).toContain('Only a manager in Dee Walsh’s agency');
    expect(await world.auditActions('directory')).toEqual(expect.arrayContaining(['absence.set', 'refused.not-manager']));
    expect(await said(world, 'Priya Shah', 'back for Dee Walsh')).toBe(
      'Dee Walsh is no longer marked away: what Concord sends reaches them again. Dee Walsh is told.',
    );
  });

  test('“back” ends it: the next invitation reaches the person themselves', async () => {
    expect(await said(world, 'Jordan Reid', 'back')).toBe('Welcome back: you are no longer marked away, and what Concord sends reaches you again.');
    expect(await world.auditActions('directory')).toContain('absence.cleared');
    const invited = await convene(world);
    await world.user('Jordan Reid').waitForMessage((a) => a.summary === invited, 'Jordan’s own invitation');
  });

  test('the directory’s own away still works; one said in chat after it wins, is kept across a restart, and a later change to the file wins again', async () => {
    // Jordan is away again, said in chat; then the file marks Alex away (his manager covers), and
    // Concord restarts on the same storage with a new directory object.
    await said(world, 'Jordan Reid', 'away until 2026-12-04 cover Omar Haddad');
    stopped = true;
    await world.stop();
    const fresh = new Directory(sampleData({ from: '2026-11-20', until: '2026-12-11' }));
    const again = await World.start({ at: '2026-11-24T12:00:00Z', storage: await startEmbeddedAzurite({ dataDir }), directory: fresh });
    try {
      await again.install(
        'Sam Okafor',
        'Jordan Reid',
        'Alex Carter',
        'Nia Evans',
        'Helen Grant',
        'Lucy Park',
        'Chris Dunn',
        'Dee Walsh',
        'Morgan Price',
        'Omar Haddad',
      );
      let invited = await convene(again);
      await again.user('Morgan Price').waitForMessage((a) => a.summary === invited, 'the file’s away: Alex’s manager covers');
      // Jordan's absence was kept in storage: his invitation reaches his cover.
      await again
        .user('Omar Haddad')
        .waitForMessage((a) => a.summary === invited && text(a.attachments[0].content).includes('as cover for Jordan Reid'), 'Jordan away, across the restart');
      expect(
        again
          .user('Jordan Reid')
          .messages()
          .some((a) => a.summary === invited),
      ).toBe(false);

      // Alex says he is back early: newer than the file, so it wins.
      expect(await said(again, 'Alex Carter', 'back')).toContain('Welcome back');
      invited = await convene(again);
      await again.user('Alex Carter').waitForMessage((a) => a.summary === invited, 'Alex back: his own invitation');

      // The administrator then changes Alex's away in the file: the file is newer now.
      fresh.replace(sampleData({ from: '2026-11-24', until: '2026-12-18', cover: OMAR }));
      invited = await convene(again);
      await again
        .user('Omar Haddad')
        .waitForMessage(
          (a) =>
            a.summary === invited &&
            text(a.attachments[0].content).split('\n')[1] === 'Sent to you as cover for Alex Carter, away until Friday 18 December 2026',
          'the file’s newer away',
        );
    } finally {
      await again.stop();
    }
  });
});
