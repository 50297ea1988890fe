import { readFileSync } from 'node:fs';
import * as cards from './harness/cards';
import { CHAIR, CONVENE_ANSWERS, discussionWithOutcome } from './harness/strategyFlow';
import { World } from './harness/world';
import { checkDirectory } from '../src/directoryFile';
import { Directory } from '../src/domain/directory';

const text = cards.text;
const CORE = ['Jordan Reid', 'Alex Carter', 'Nia Evans', 'Helen Grant', 'Lucy Park', 'Chris Dunn'];

/** The sample partnership and `n` more practitioners across its agencies. */
function partnershipWith(n: number): Directory {
  const data = JSON.parse(readFileSync('config/partnership.sample.json', 'utf8'));
  const agencies = ['wm-csc', 'wm-police', 'wm-hospital', 'riverside-gp', 'wm-hv', 'oakfield-school'];
  for (let i = 1; i <= n; i++) {
    data.people.push({
      aadObjectId: `cccccccc-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `Practitioner ${i}`,
      email: `p${i}@westmoor.example`,
      agency: agencies[i % agencies.length],
      jobTitle: 'Practitioner',
      roles: [],
    });
  }
  return new Directory(checkDirectory(data));
}

const names = (n: number) => Array.from({ length: n }, (_, i) => `Practitioner ${i + 1}`);

describe('answers given at the same moment are all kept', () => {
  let world: World;
  beforeAll(async () => {
    world = await World.start({ at: '2026-11-23T10:00:00Z', directory: partnershipWith(60) });
  });
  afterAll(async () => world?.stop());

  test('sixty invitees reply at once, each clicking twice: sixty replies kept, each once', async () => {
    const chair = world.user(CHAIR);
    await chair.install();
    const crowd = await world.install(...names(60));
    const [form] = await chair.say('strategy');
    const convened = await chair.click(form.attachments[0].content, 'Convene and send invitations', {
      ...CONVENE_ANSWERS,
      'Others invited': ['Chris Dunn', ...names(60)],
    });
    const reference = /^(SD-\d+)/.exec(text(convened.card))![1];
    const invitations = await Promise.all(
      crowd.map((p) =>
        p.waitForMessage((a) => a.summary === `${reference}: you are invited to a strategy discussion`, 'the invitation').then((m) => m.attachments[0].content),
      ),
    );

    const replies = await Promise.all(crowd.flatMap((p, i) => [p.click(invitations[i], 'I will attend'), p.click(invitations[i], 'I will attend')]));
    for (const r of replies) {
      expect(r.said).not.toMatch(/Something went wrong/);
      expect(r.said).toContain('Will attend');
    }

    const [record] = await chair.say(`record ${reference}`);
    const shown = text(record.attachments[0].content);
    for (const name of names(60)) expect(shown).toMatch(new RegExp(`^- ${name} \\([^)]*\\), Invited: Will attend$`, 'm'));
    const answered = (await world.auditActions(reference)).filter((a) => a === 'invitation.answered');
    expect(answered).toHaveLength(60);
  });

  test('thirty recipients ask for a correction at once, each clicking twice: thirty corrections, numbered C1 to C30 without a gap', async () => {
    const crowd = names(30);
    const sd = await discussionWithOutcome(world, [...CORE, ...crowd]);
    await sd.chair.click(sd.card, 'The discussion has ended');
    const [dee] = await world.install('Dee Walsh');
    const draft = (await dee.waitForMessage((a) => a.summary?.startsWith(`${sd.reference}: please write the minutes`), 'the drafting card')).attachments[0]
      .content;
    await dee.click(draft, 'Circulate the minutes', {
      'Information shared by each agency': 'Police: partner arrested eight months before the birth.',
      'Analysis of risk and needs, in words': 'A non-mobile baby with unexplained bruising; a carer with a history of violence.',
    });
    const people = sd.attendees.slice(CORE.length);
    const reviews = await Promise.all(
      people.map((p) =>
        p.waitForMessage((a) => a.summary === `${sd.reference}: the minutes need your review`, 'the minutes').then((m) => m.attachments[0].content),
      ),
    );

    const asked = await Promise.all(
      people.flatMap((p, i) => {
        const answers = { 'What is wrong (for a correction)': `${p.who.name} was not recorded as attending.`, 'What it should say': `${p.who.name} attended.` };
        return [p.click(reviews[i], 'Ask for a correction', answers), p.click(reviews[i], 'Ask for a correction', answers)];
      }),
    );
    for (const a of asked) {
      expect(a.said).not.toMatch(/Something went wrong/);
      expect(a.said).toMatch(/You asked for correction C\d+; the chair will accept or decline it\./);
    }

    const [record] = await sd.chair.say(`record ${sd.reference}`);
    const shown = text(record.attachments[0].content);
    const numbers = [...shown.matchAll(/Correction C(\d+) from (Practitioner \d+):/g)];
    expect(numbers.map((m) => Number(m[1])).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(new Set(numbers.map((m) => m[2])).size).toBe(30);
    await world.connector.waitFor(
      () => sd.chair.messages().filter((a) => a.summary === `${sd.reference}: a correction to the minutes is asked for`).length === 30 || undefined,
      'the chair to be asked about thirty corrections',
    );
  });
});
