/**
 * Subject access and erasure requests (issue 18): an administrator exports everything Concord
 * holds about a child's thread, or about a named professional, as one document; erasing a thread
 * leaves only tombstones, and a legal hold stops it.
 */
import { answerTo } from './harness/replies';
import { TeamsUser } from './harness/teams';
import { World } from './harness/world';
import { FRONT_DOOR, installInFrontDoorTeam } from './harness/frontDoor';
import { ackCard, discussionWithOutcome } from './harness/strategyFlow';
import { refer } from './harness/referral';
import { UploadSite, wordText } from './harness/uploadSite';
import { CHILD } from './harness/childIdentifiers';

// Each test drives a referral, a discussion and more through the wire: slow on a loaded 2-core machine.
jest.setTimeout(60_000);
const consentCard = (replies: any[]) =>
  replies.flatMap((r) => r.attachments ?? []).find((a: any) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent');

describe('subject access and erasure', () => {
  let world: World;
  let site: UploadSite;
  let nia: TeamsUser;
  let kim: TeamsUser;
  let alison: TeamsUser;
  beforeEach(async () => {
    world = await World.start({ at: '2026-11-23T10:00:00Z' });
    site = await new UploadSite().start();
    [nia, kim, alison] = await world.install('Nia Evans', 'Kim Lee', 'Alison Bright');
    await installInFrontDoorTeam(world, kim);
  });
  afterEach(async () => {
    await site?.stop();
    await world?.stop();
  });

  /** A referral, the strategy discussion it led to (linked), an acknowledgement: one child's thread. */
  async function thread() {
    const referral = await refer(world, nia);
    await kim.inChannel(FRONT_DOOR).click(referral.triage, 'Record the decision', {
      Decision: 'Strategy discussion',
      'Rationale (the referrer is told)': 'Possible significant harm.',
    });
    const sd = await discussionWithOutcome(world);
    const jordan = sd.attendees[0];
    await jordan.click(await ackCard(world, jordan, sd.reference), 'I agree, with a note', {
      'Your note, or what you understood the outcome to be': 'Visit on Tuesday.',
    });
    await sd.chair.say(`link ${referral.reference} ${sd.reference}`);
    return { referral: referral.reference, sd };
  }

  async function document(who: TeamsUser, command: string): Promise<string> {
    const replies = await who.say(command);
    const consent = consentCard(replies);
    expect(consent).toBeDefined();
    await who.answerFileConsent(consent, 'accept', site.uploadInfo(consent.name));
    return wordText(site.uploads.find((u) => u.name === consent.name)!.bytes);
  }

  test('the export of a thread holds every linked case’s records, versions, answers, messages sent and audit trail', async () => {
    const { referral, sd } = await thread();
    expect((await answerTo(kim, `subject access ${referral}`)).text).toBe('Only partnership administrators can do that.');
    await alison.inChannel(FRONT_DOOR).say(`subject access ${referral}`);
    const inChannel = world.connector.sentTo(FRONT_DOOR).filter((a) => a.type === 'message' && !a.attachments?.length);
    expect(inChannel[inChannel.length - 1].text).toContain('in your personal chat');

    const doc = await document(alison, `subject access ${referral}`);
    expect(doc).toContain(`Subject access: everything Concord holds about the child of ${referral}`);
    expect(doc).toContain(`Cases on the child’s thread: ${referral}, ${sd.reference}.`);
    expect(doc).toContain(`${referral} (referral)`);
    expect(doc).toContain(`${sd.reference} (strategy discussion)`);
    expect(doc).toContain(CHILD.name); // the referral's record itself
    expect(doc).toContain('Visit on Tuesday.'); // an acknowledgement
    expect(doc).toContain('Unexplained injuries in a non-mobile baby'); // the outcome version
    expect(doc).toContain('Message sent'); // who was told, when
    expect(doc).toContain(`${referral}: audit trail`);
    expect(doc).toContain('referral.submitted by Nia Evans');
    expect(doc).toContain('thread.linked by Sam Okafor');
    expect(await world.auditActions(sd.reference)).toContain('subject-access.exported');
  });

  test('the export about a named professional holds what they did and the records that name them', async () => {
    const { referral } = await thread();
    const [tom] = await world.install('Tom Hughes');
    await tom.say('away for Nia Evans until 2026-12-04 cover Ruth Abbott');
    const doc = await document(alison, 'subject access person nia.evans@westmoor-nhs.example');
    expect(doc).toContain('Away: from Monday 23 November 2026 until Friday 4 December 2026, covered by Ruth Abbott.');
    expect(doc).toContain('Subject access: everything Concord holds about Nia Evans');
    expect(doc).toContain(`${referral}: referral.submitted`);
    expect(doc).toContain(`${referral} (referral)`);
    expect((await answerTo(alison, 'subject access person nobody@example.org')).text).toContain('Nobody in the partnership directory');
  });

  test('erasure of a thread is refused while any case on it is on legal hold, then leaves only tombstones', async () => {
    const { referral, sd } = await thread();
    const ask = await answerTo(alison, `erase ${referral}`);
    expect(ask.text).toContain(`deletes the records of every case on the child’s thread: ${referral}, ${sd.reference}`);
    expect(ask.text).toContain(`erase ${referral} confirm`);
    expect((await answerTo(sd.chair, `record ${sd.reference}`)).attachments).toBeDefined(); // nothing erased yet

    await alison.say(`hold ${sd.reference} Rapid review under way`);
    expect((await answerTo(alison, `erase ${referral} confirm`)).text).toContain(`${referral} cannot be erased: ${sd.reference} is on legal hold`);
    await alison.say(`lift hold ${sd.reference}`);

    expect((await answerTo(alison, `erase ${referral} confirm`)).text).toMatch(new RegExp(`^Erased: ${referral}, ${sd.reference} \\(\\d+ stored records\\)`));
    for (const table of ['referrals', 'discussions', 'differences', 'deliveries'] as const) {
      for (const ref of [referral, sd.reference]) {
        const rows = world.concord.tables.client(table).listEntities({ queryOptions: { filter: `PartitionKey eq '${ref}'` } });
        for await (const r of rows) throw new Error(`${table} still holds ${ref}/${r.rowKey}`);
      }
    }
    const stones: string[] = [];
    for await (const r of world.concord.tables
      .client('governance')
      .listEntities<Record<string, unknown>>({ queryOptions: { filter: "PartitionKey eq 'tombstone'" } }))
      stones.push(String(r.json));
    expect(stones).toHaveLength(2);
    for (const s of stones) {
      expect(s).toContain('erased on a request under UK GDPR Article 17');
      expect(s).not.toContain(CHILD.name);
    }
    // Nothing of the NHS number is left to match a later referral, and no link remains.
    for await (const r of world.concord.tables.client('governance').listEntities()) expect(r.partitionKey).toMatch(/^(tombstone|key|hold)$/);
    expect((await answerTo(sd.chair, `record ${sd.reference}`)).text).toContain(`You are not involved in ${sd.reference}`);
    expect(await world.auditActions(sd.reference)).toContain('erased');
  });

  test('a message about a case still waiting to go when the case is erased is never sent', async () => {
    const referral = await refer(world, nia);
    await world.concord.sweeper.stop(); // the message to the referrer waits in the queue
    await kim.inChannel(FRONT_DOOR).click(referral.triage, 'Record the decision', {
      Decision: 'No further action',
      'Rationale (the referrer is told)': 'Explained by a fall at nursery.',
    });
    expect((await answerTo(alison, `erase ${referral.reference} confirm`)).text).toMatch(/^Erased: /);
    await world.runDueWork();
    expect(nia.messages().some((a) => String(a.summary ?? '').startsWith(`${referral.reference}: the Front Door decided`))).toBe(false);
  });
});
