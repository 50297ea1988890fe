import { ackCard, discussionWithOutcome } from './harness/strategyFlow';
import { UploadSite, wordText } from './harness/uploadSite';
import { World } from './harness/world';

/**
 * Agencies file the agreed record in their own case systems as documents: `export` in a personal
 * chat offers a Word document through Teams' file consent, and the file that arrives opens.
 */
let world: World;
let site: UploadSite;
beforeAll(async () => {
  world = await World.start();
  site = await new UploadSite().start();
});
afterAll(async () => {
  await site.stop();
  await world.stop();
});

const DISSENT = 'I understood that social care alone would start a section 47 enquiry today.';
const consentCard = (replies: any[]) =>
  replies.flatMap((r) => r.attachments ?? []).find((a: any) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent');

async function answeredDiscussion() {
  const d = await discussionWithOutcome(world);
  const [jordan, alex, nia] = d.attendees;
  await jordan.click(await ackCard(world, jordan, d.reference), 'I agree');
  await alex.click(await ackCard(world, alex, d.reference), 'I agree, with a note', {
    'Your note, or what you understood the outcome to be': 'Police checks by Friday.',
  });
  await nia.click(await ackCard(world, nia, d.reference), 'My understanding is different', { 'Your note, or what you understood the outcome to be': DISSENT });
  return d;
}

test('export in a personal chat offers a Word document; allowing it uploads a file that opens and holds the outcome, every answer and the dissent', async () => {
  const { reference, attendees } = await answeredDiscussion();
  const nia = attendees[2];
  const replies = await nia.say(`export ${reference}`);
  expect(replies[0].text.split('\n')[0]).toBe(`# ${reference}: strategy discussion record`);
  const consent = consentCard(replies);
  expect(consent.name).toBe(`${reference} strategy discussion record.docx`);
  expect(consent.content.sizeInBytes).toBeGreaterThan(1000);

  const answered = await nia.answerFileConsent(consent, 'accept', site.uploadInfo(consent.name));
  const upload = site.uploads.find((u) => u.name === consent.name)!;
  expect(upload.bytes.length).toBe(consent.content.sizeInBytes);
  expect(upload.contentRange).toBe(`bytes 0-${upload.bytes.length - 1}/${upload.bytes.length}`);
  const doc = wordText(upload.bytes);
  expect(doc).toContain(`${reference}: strategy discussion record`);
  expect(doc).toContain('Decision: Section 47 enquiry, joint with police');
  expect(doc).toContain('Status: Disputed');
  expect(doc).toContain("Jordan Reid (Social Worker, Westmoor Children's Social Care): I agree (");
  expect(doc).toContain('Alex Carter');
  expect(doc).toContain('I agree, with a note: "Police checks by Friday."');
  expect(doc).toContain(`My understanding is different: "${DISSENT}"`);
  expect(answered.flatMap((a) => a.attachments ?? []).map((a: any) => a.contentType)).toContain('application/vnd.microsoft.teams.card.file.info');
  expect(await world.auditActions(reference)).toContain('file.sent');
});

test('declining the file leaves a clear message and uploads nothing', async () => {
  const { reference, attendees } = await answeredDiscussion();
  const jordan = attendees[0];
  const consent = consentCard(await jordan.say(`export ${reference}`));
  const before = site.uploads.length;
  const [reply] = await jordan.answerFileConsent(consent, 'decline');
  expect(reply.text).toBe('No file was sent. Type the export command again whenever you want it.');
  expect(site.uploads.length).toBe(before);
});

test("after a restart the file is made again for the person who allowed it; a consent naming someone else's case is refused", async () => {
  const { reference, attendees } = await answeredDiscussion();
  const alex = attendees[1];
  const consent = consentCard(await alex.say(`export ${reference}`));
  await world.restart();
  await alex.answerFileConsent(consent, 'accept', site.uploadInfo(`again-${consent.name}`));
  expect(wordText(site.uploads.find((u) => u.name === `again-${consent.name}`)!.bytes)).toContain(DISSENT);

  const outsider = world.user('Priya Shah');
  await outsider.install();
  const forged = { ...consent, content: { ...consent.content, acceptContext: { id: 'made-up', kind: 'record', ref: reference } } };
  const [refused] = await outsider.answerFileConsent(forged, 'accept', site.uploadInfo('stolen.docx'));
  expect(refused.text).toMatch(/not involved|only/i);
  expect(site.uploads.some((u) => u.name === 'stolen.docx')).toBe(false);
});

test('a channel has no file consent: export there stays Markdown', async () => {
  const { reference, attendees } = await answeredDiscussion();
  const replies = await attendees[0].inChannel('19:team-channel@thread.tacv2').say(`export ${reference}`);
  expect(consentCard(replies)).toBeUndefined();
});

test('differences csv arrives as a .csv file (the chat message only says so)', async () => {
  const alison = world.user('Alison Bright');
  await alison.install();
  const replies = await alison.say('differences csv');
  const consent = consentCard(replies);
  expect(consent.name).toBe('professional differences.csv');
  await alison.answerFileConsent(consent, 'accept', site.uploadInfo(consent.name));
  const file = site.uploads.find((u) => u.name === consent.name)!.bytes.toString('utf8');
  expect(file.split('\n')[0]).toBe('reference,case,raised,raised_by_agency,responding_agency,state,stage,days_per_stage,automatic_escalations');
  expect(replies[0].text).toBe('The log of 0 professional differences, one line each, is offered below as a .csv file.');
  expect(file.split('\n')).toHaveLength(1);
});
