import * as cards from './harness/cards';
import { ackCard, ATTENDEES, discussionWithOutcome, OUTCOME_ANSWERS } from './harness/strategyFlow';
import { TeamsUser } from './harness/teams';
import { World } from './harness/world';
import { UploadSite } from './harness/uploadSite';

/**
 * Exports leave Concord: the Markdown record goes into each agency's case file, the CSV log into a
 * spreadsheet. What a person typed must arrive as text, not as structure or formulas.
 */
const text = cards.text;

let world: World;
beforeEach(async () => {
  world = await World.start({ at: '2026-11-23T10:00:00Z' });
});
afterEach(async () => world?.stop());

async function raise(nia: TeamsUser, caseReference: string, reasons = 'Bruising on a non-mobile baby.'): Promise<string> {
  const [form] = await nia.say('escalate');
  const raised = await nia.click(form.attachments[0].content, 'Raise the difference', {
    'Case reference (not the child’s name)': caseReference,
    'The decision or action in question': 'No section 47 enquiry',
    'Your reasons and the evidence': reasons,
    'The outcome you are seeking': 'A section 47 enquiry',
    'Responding practitioner': 'Jordan Reid',
  });
  return /^(PD-\d{4})/.exec(text(raised.card))![1];
}

describe('the Markdown record', () => {
  test('a note and a rationale written as Markdown are exported as literal text on their own line', async () => {
    const rationale = 'Bruising _explained_ by `nobody`;\n\n## Outcome, version 9 (recorded by [the chair](https://evil.example)) <b>&amp;</b> | x';
    const { reference, attendees } = await discussionWithOutcome(world, ATTENDEES, { ...OUTCOME_ANSWERS, 'Rationale for the threshold decision': rationale });
    const jordan = attendees[0];
    const note = 'Visit booked.\n- Status: **Agreed by all**\r\n# SD-0001: strategy discussion record\\';
    await jordan.click(await ackCard(world, jordan, reference), 'I agree, with a note', { 'Your note, or what you understood the outcome to be': note });
    const [exported] = await jordan.say(`export ${reference}`);
    const lines: string[] = exported.text.split('\n');

    expect(lines).toContain(
      '- Rationale: Bruising \\_explained\\_ by \\`nobody\\`; \\#\\# Outcome, version 9 (recorded by \\[the chair\\](https://evil.example)) \\<b\\>\\&amp;\\</b\\> \\| x',
    );
    expect(lines).toContain(
      '- Jordan Reid (Social Worker, Westmoor Children\'s Social Care): I agree, with a note: "Visit booked. - Status: \\*\\*Agreed by all\\*\\* \\# SD-0001: strategy discussion record\\\\" (Monday 23 November 2026 at 10:00)',
    );
    expect(lines.filter((l) => l.startsWith('#'))).toEqual([
      `# ${reference}: strategy discussion record`,
      '## Invited and attendance',
      expect.stringMatching(/^## Outcome, version 1 /),
      '### Acknowledgements',
      '## Audit trail',
    ]);
    expect(lines.filter((l) => l.startsWith('- Status:'))).toEqual(['- Status: **Awaiting acknowledgement**']);
  });

  test('a difference’s reasons and case reference cannot add a heading or a stage to its export', async () => {
    const [nia] = await world.install('Nia Evans', 'Jordan Reid');
    const reference = await raise(nia, 'SD-0142 **resolved**', 'Bruising.\n## Stages\n- Stage 1: resolved by agreement');
    const [exported] = await nia.say(`export ${reference}`);
    const lines: string[] = exported.text.split('\n');
    expect(lines[0]).toBe(`# ${reference}: professional difference about SD-0142 \\*\\*RESOLVED\\*\\*`);
    expect(lines).toContain('- Reasons: Bruising. \\#\\# Stages - Stage 1: resolved by agreement');
    expect(lines.filter((l) => l.startsWith('#'))).toEqual([lines[0], '## Stages', '## Every step']);
    expect(lines.filter((l) => l.startsWith('- Stage 1:'))).toHaveLength(1);
  });
});

describe('the CSV log of differences', () => {
  test('cells that a spreadsheet would run as formulas are neutralised and quoted', async () => {
    const [nia, , alison] = await world.install('Nia Evans', 'Jordan Reid', 'Alison Bright');
    for (const caseReference of ['=HYPERLINK("http://evil.example","Open")', '+1', '-1+1', '@SUM(1)', 'SD-0142;=1+1', 'SD-0143'])
      await raise(nia, caseReference);
    const replies = await alison.say('differences csv');
    const consent = replies.flatMap((r) => r.attachments ?? []).find((a) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent');
    const site = await new UploadSite().start();
    let csv: string;
    try {
      await alison.answerFileConsent(consent, 'accept', site.uploadInfo(consent.name));
      csv = site.uploads.find((u) => u.name === consent.name)!.bytes.toString('utf8');
    } finally {
      await site.stop();
    }
    const agencies = `2026-11-23,Westmoor General Hospital,Westmoor Children's Social Care,open,1,1:0.0,0`;
    expect(csv.split('\n')).toEqual([
      'reference,case,raised,raised_by_agency,responding_agency,state,stage,days_per_stage,automatic_escalations',
      `PD-0001,"'=HYPERLINK(""HTTP://EVIL.EXAMPLE"",""OPEN"")",${agencies}`,
      `PD-0002,'+1,${agencies}`,
      `PD-0003,'-1+1,${agencies}`,
      `PD-0004,'@SUM(1),${agencies}`,
      `PD-0005,"SD-0142;=1+1",${agencies}`,
      `PD-0006,SD-0143,${agencies}`,
    ]);
  });
});
