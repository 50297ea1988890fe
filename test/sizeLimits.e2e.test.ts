import * as cards from './harness/cards';
import { UploadSite, wordText } from './harness/uploadSite';
import { FRONT_DOOR, installInFrontDoorTeam } from './harness/frontDoor';
import { REFERRAL } from './harness/partnershipSeed';
import { CARD_CHARS } from '../src/cards/render';
import { ackCard, ATTENDEES, CHAIR, CONVENE_ANSWERS, OUTCOME_ANSWERS } from './harness/strategyFlow';
import { TeamsUser } from './harness/teams';
import { World } from './harness/world';

const text = cards.text;
const START = '2026-11-23T10:00:00Z'; // Monday 10:00

/**
 * Exactly `n` characters of what a practitioner might type, with everything storage has to
 * escape: quotes, backslashes, new lines, curly quotes and accents. Starts and ends with a
 * letter, so what is recorded (trimmed) is exactly what was typed.
 */
function typed(n: number, tag: string): string {
  const line = `${tag}: the carer said "not now" \\ and “left” at 9 — café.\n`;
  return `${line.repeat(Math.ceil(n / line.length)).slice(0, n - 1)}.`;
}

const SOMETHING_WRONG = /Something went wrong/;

/** Every outcome field at its limit, with texts tagged so each version can be told apart. */
function outcomeAtLimits(tag: string, amendment = false): Record<string, cards.Answer> {
  const owners = ['Jordan Reid', 'Alex Carter', 'Nia Evans', 'Helen Grant', 'Lucy Park'];
  const actions = Object.fromEntries(
    owners.flatMap((owner, i) => [
      [`Action ${i + 1}`, typed(1_000, `${tag} action ${i + 1}`)],
      [`Action ${i + 1} owner`, owner],
      [`Action ${i + 1} due date`, '2026-11-27'],
    ]),
  );
  return {
    ...OUTCOME_ANSWERS,
    'Rationale for the threshold decision': typed(8_000, `${tag} rationale`),
    'What each agency contributes': typed(8_000, `${tag} contributions`),
    'What is shared, when and by whom, or why not': typed(4_000, `${tag} family`),
    ...actions,
    ...(amendment ? { 'Reason for the amendment': typed(2_000, `${tag} reason`) } : {}),
  };
}

async function attended(world: World): Promise<{ reference: string; chair: TeamsUser; attendees: TeamsUser[]; form: any }> {
  const chair = world.user(CHAIR);
  await chair.install();
  const attendees = await world.install(...ATTENDEES);
  const [formMessage] = await chair.say('strategy');
  const convened = await chair.click(formMessage.attachments[0].content, 'Convene and send invitations', { ...CONVENE_ANSWERS, Date: '2026-11-23' });
  const reference = /^(SD-\d+)/.exec(text(convened.card))![1];
  const attendanceCard = await chair.click(convened.card, 'Record attendance');
  const all = Object.fromEntries(cards.inputs(attendanceCard.card).map((i) => [i.label, 'Attended']));
  const form = (await chair.click(attendanceCard.card, 'Save attendance', all)).card;
  return { reference, chair, attendees, form };
}

describe('long text: every limit stated up front, refused by name beyond it, kept whole within it', () => {
  let world: World;
  beforeEach(async () => {
    world = await World.start({ at: START });
  });
  afterEach(async () => world?.stop());

  test('a 40,000-character outcome is refused naming the limit; an outcome with every field at its limit is recorded, amended twice and shown exactly', async () => {
    const { reference, chair, attendees, form } = await attended(world);
    const rationale = cards.input(form, 'Rationale for the threshold decision');
    expect(rationale.label).toBe('Rationale for the threshold decision (up to 8,000 characters)');
    expect(rationale.maxLength).toBe(8000);
    // The actions are the next step's.
    const firstStep = Object.fromEntries(Object.entries(OUTCOME_ANSWERS).filter(([label]) => cards.findInput(form, label)));
    const actions = await chair.click(form, 'Next', firstStep);
    expect(cards.input(actions.card, 'Action 1').maxLength).toBe(1000);

    const tooLong = await chair.click(form, 'Record the outcome and ask attendees to acknowledge', {
      ...OUTCOME_ANSWERS,
      'Rationale for the threshold decision': typed(40_000, 'long'),
    });
    expect(tooLong.said).toContain('Rationale for the threshold decision: at most 8,000 characters can be recorded, this has 40,000.');
    expect(tooLong.said).not.toMatch(SOMETHING_WRONG);
    const [before] = await chair.say(`record ${reference}`);
    expect(text(before.attachments[0].content)).toContain('No outcome recorded yet');

    const first = outcomeAtLimits('v1');
    const tally = await chair.click(tooLong.card, 'Record the outcome and ask attendees to acknowledge', first);
    expect(tally.said).toContain(`${reference}: acknowledgements of the outcome`);
    // Every attendee is sent the whole outcome: nothing is lost between recording and telling.
    const ack = text(await ackCard(world, attendees[0], reference, 1));
    for (const field of ['Rationale for the threshold decision', 'What each agency contributes', 'What is shared, when and by whom, or why not']) {
      expect(ack).toContain(first[field] as string);
    }

    let card = tally.card;
    for (const tag of ['v2', 'v3']) {
      const amendForm = await chair.click(card, 'Amend the outcome');
      const amended = await chair.click(amendForm.card, 'Save the amendment and ask everyone again', outcomeAtLimits(tag, true));
      expect(amended.said).not.toMatch(SOMETHING_WRONG);
      expect(amended.said).toContain(`${reference}: acknowledgements of the outcome`);
      card = amended.card;
    }

    // Every attendee answers version 3 with the longest note.
    for (const [i, person] of attendees.entries())
      await person.click(await ackCard(world, person, reference, 3), 'I agree, with a note', {
        'Your note, or what you understood the outcome to be': typed(2_000, `note ${i}`),
      });

    // The record card fits a Teams message: the current version and every answer to it whole,
    // each replaced version by its heading and where to read it whole.
    const [record] = await chair.say(`record ${reference}`);
    expect(JSON.stringify(record).length).toBeLessThanOrEqual(CARD_CHARS);
    const shown = text(record.attachments[0].content);
    const v3 = outcomeAtLimits('v3', true);
    expect(shown).toContain(`Why: ${String(v3['Rationale for the threshold decision'])}`);
    expect(shown).toContain(`A1: ${String(v3['Action 1'])}. Owner Jordan Reid`);
    expect(shown).toContain(`A5: ${String(v3['Action 5'])}. Owner Lucy Park`);
    expect(shown).toContain(`Amended: ${String(v3['Reason for the amendment'])}`);
    for (const i of attendees.keys()) expect(shown).toContain(typed(2_000, `note ${i}`));
    for (const version of [1, 2]) {
      expect(shown).toContain(
        `Replaced by version ${version + 1}. Too long to show here with the versions after it: this version and every answer to it are in the export, whole (“export ${reference}”).`,
      );
    }
    expect(shown).not.toContain(String(outcomeAtLimits('v1')['Rationale for the threshold decision']));
    // The export is too long for one Teams message: said so, and it is whole in the Word document.
    const replies = await chair.say(`export ${reference}`);
    expect(replies[0].text).toMatch(
      new RegExp(
        `^${reference}: strategy discussion record: too long for a chat message \\([0-9,]+ characters\\)\\. Allow the Word document below: it holds the whole record\\.$`,
      ),
    );
    const consent = replies.flatMap((r) => r.attachments ?? []).find((a: any) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent');
    const site = await new UploadSite().start();
    try {
      await chair.answerFileConsent(consent, 'accept', site.uploadInfo(consent.name));
      const doc = wordText(site.uploads.find((u) => u.name === consent.name)!.bytes);
      for (const tag of ['v1', 'v2', 'v3']) expect(doc).toContain(String(outcomeAtLimits(tag, tag !== 'v1')['Rationale for the threshold decision']));
      for (const i of attendees.keys()) expect(doc).toContain(typed(2_000, `note ${i}`));
    } finally {
      await site.stop();
    }
    // From a card's button (no file can be offered there): where to have it whole.
    expect((await chair.invoke('sd.export', { ref: reference })).message).toMatch(
      /too long for a chat message \([0-9,]+ characters\)\. Type "export SD-\d{4}" in your personal chat with Concord to have it whole as a Word document\.$/,
    );
    expect(text(await ackCard(world, attendees[5], reference, 3))).toContain(outcomeAtLimits('v3')['What each agency contributes'] as string);
  });

  test('40,000-character minutes are refused naming the limit, as a draft and when circulated; minutes at every limit are circulated, corrected three times and shown exactly', async () => {
    const { reference, chair, attendees, form } = await attended(world);
    const tally = await chair.click(form, 'Record the outcome and ask attendees to acknowledge', OUTCOME_ANSWERS);
    await chair.click(tally.card, 'The discussion has ended');
    const dee = await world.install('Dee Walsh').then(([u]) => u);
    const draft = (await dee.waitForMessage((a) => a.summary?.startsWith(`${reference}: please write the minutes`), 'the drafting card')).attachments[0]
      .content;
    const info = cards.input(draft, 'Information shared by each agency');
    expect(info.label).toBe('Information shared by each agency (up to 8,000 characters)');
    expect(info.maxLength).toBe(8000);

    const forty = {
      'Information shared by each agency': typed(40_000, 'long'),
      'Analysis of risk and needs, in words': 'A baby with unexplained bruising and a violent carer.',
    };
    const notSaved = await dee.click(draft, 'Save draft', forty);
    expect(notSaved.said).toContain('Information shared by each agency: at most 8,000 characters can be recorded, this has 40,000.');
    expect(notSaved.said).not.toContain('Draft saved');
    const notCirculated = await dee.click(draft, 'Circulate the minutes', forty);
    expect(notCirculated.said).toContain('Information shared by each agency: at most 8,000 characters can be recorded, this has 40,000.');
    expect(notCirculated.said).not.toMatch(SOMETHING_WRONG);

    const minutes = {
      'Information shared by each agency': typed(8_000, 'information'),
      'Analysis of risk and needs, in words': typed(6_000, 'analysis'),
      'Rationale for the decision': typed(3_000, 'rationale'),
      Actions: typed(3_000, 'actions'),
      'What the family is told': typed(2_000, 'family'),
    };
    const saved = await dee.click(draft, 'Save draft', minutes);
    expect(saved.said).toContain('Draft saved');
    const circulated = await dee.click(saved.card, 'Circulate the minutes', minutes);
    expect(circulated.message).toContain(`${reference}: the minutes were circulated to 7 people`);

    const correctors = attendees.slice(0, 3);
    for (const [i, person] of correctors.entries()) {
      const version = i + 1;
      const review = (
        await person.waitForMessage(
          (a) => a.attachments?.[0]?.content?.actions?.some((x: any) => x.verb === 'minutes.correct' && x.data?.version === version),
          `the minutes v${version}`,
        )
      ).attachments[0].content;
      const asked = await person.click(review, 'Ask for a correction', {
        'What is wrong (for a correction)': typed(1_000, `wrong ${version}`),
        'What it should say': typed(1_000, `right ${version}`),
      });
      expect(asked.said).toContain(`You asked for correction C${version}`);
      const correction = (
        await chair.waitForMessage(
          (a) => a.summary === `${reference}: a correction to the minutes is asked for` && text(a.attachments[0].content).includes(`correction C${version}`),
          `correction C${version}`,
        )
      ).attachments[0].content;
      const accepted = await chair.click(correction, 'Accept the correction');
      expect(accepted.said).toContain('Accepted: a new version of the minutes has been circulated.');
    }

    const v4 = text(
      (await attendees[4].waitForMessage((a) => a.summary === `${reference}: the minutes were corrected (version 4) and need your review again`, 'version 4'))
        .attachments[0].content,
    );
    for (const value of Object.values(minutes)) expect(v4).toContain(value);
    for (const version of [1, 2, 3])
      expect(v4).toContain(`Correction C${version} applied: “${typed(1_000, `wrong ${version}`)}” now reads “${typed(1_000, `right ${version}`)}”.`);
    const [record] = await chair.say(`record ${reference}`);
    const shown = text(record.attachments[0].content);
    expect(shown).toContain('Version 4, circulated');
    for (const version of [1, 2, 3])
      expect(shown).toContain(
        `Correction C${version} from ${correctors[version - 1].who.name}: “${typed(1_000, `wrong ${version}`)}” should say “${typed(1_000, `right ${version}`)}”; accepted.`,
      );
  });

  test('a professional difference with every field at its limit, and a long exchange at stage 1, still escalates at its deadline', async () => {
    const [nia, jordan, tom, sam] = await world.install('Nia Evans', 'Jordan Reid', 'Tom Hughes', 'Sam Okafor');
    const [formMessage] = await nia.say('escalate');
    const form = formMessage.attachments[0].content;
    expect(cards.input(form, 'Your reasons and the evidence').label).toBe('Your reasons and the evidence (up to 8,000 characters)');
    const tooLong = await nia.click(form, 'Raise the difference', {
      'Case reference (not the child’s name)': 'SD-0142',
      'The decision or action in question': 'No section 47 enquiry',
      'Your reasons and the evidence': typed(40_000, 'reasons'),
      'The outcome you are seeking': 'A section 47 enquiry',
      'Responding practitioner': 'Jordan Reid',
    });
    expect(tooLong.said).toContain('Your reasons and the evidence: at most 8,000 characters can be recorded, this has 40,000.');

    const raised = await nia.click(tooLong.card, 'Raise the difference', {
      'Case reference (not the child’s name)': `SD-0142 ${'X'.repeat(92)}`,
      'The decision or action in question': typed(2_000, 'decision'),
      'Your reasons and the evidence': typed(8_000, 'reasons'),
      'The outcome you are seeking': typed(2_000, 'sought'),
      'Responding practitioner': 'Jordan Reid',
    });
    const reference = /^(PD-\d{4})/.exec(text(raised.card))![1];
    expect(text(raised.card)).toContain(`Why: ${typed(8_000, 'reasons')}`);

    // Eight rounds of questions, answers and proposals at the limit: more than one table property
    // could ever hold, were the difference one document.
    let niaCard = raised.card;
    let jordanCard = (await jordan.waitForMessage((a) => a.summary === `${reference}: a professional difference is raised with you`, 'the difference'))
      .attachments[0].content;
    for (let round = 1; round <= 8; round++) {
      const asked = await nia.click(niaCard, 'Ask for information', { 'Your proposal, question or information': typed(2_000, `question ${round}`) });
      expect(asked.said).toContain(typed(2_000, `question ${round}`));
      niaCard = asked.card;
      const proposed = await jordan.click(jordanCard, 'Propose a resolution', { 'Your proposal, question or information': typed(2_000, `proposal ${round}`) });
      expect(proposed.said).toContain(typed(2_000, `proposal ${round}`));
      jordanCard = proposed.card;
    }

    world.clock.set('2026-11-25T17:00:00Z'); // the end of the second working day
    await world.runDueWork();
    const moved = `${reference}: now at stage 2 (escalated automatically: the stage 1 deadline passed without a resolution), and it needs you`;
    const tomCard = (await tom.waitForMessage((a) => a.summary === moved, 'Nia’s manager to be told')).attachments[0].content;
    await sam.waitForMessage((a) => a.summary === moved, 'Jordan’s manager to be told');
    expect(text(tomCard)).toContain('Stage 2 of 4');
    const [record] = await nia.say(`record ${reference}`);
    for (const c of [tomCard, record]) expect(JSON.stringify(c).length).toBeLessThanOrEqual(CARD_CHARS);
    const shown = text(record.attachments[0].content);
    expect(shown).toContain('Stage 2 of 4');
    expect(shown).toContain(`Nia Evans asked for information: “${typed(2_000, 'question 8')}”`);
    expect(shown).toContain(`Jordan Reid proposed a resolution: “${typed(2_000, 'proposal 8')}”`);
  });
});

describe('the longest referral', () => {
  let world: World;
  beforeEach(async () => {
    world = await World.start({ at: START });
  });
  afterEach(async () => world?.stop());

  test('a referral with every answer at its limit reaches the Front Door whole, on a card that fits a Teams message', async () => {
    const [nia, kim] = await world.install('Nia Evans', 'Kim Lee');
    await installInFrontDoorTeam(world, kim);
    const [first] = await nia.say('refer');
    let card = (await nia.click(first.attachments[0].content, 'No')).card;
    const typedIn: string[] = [];
    for (let i = 0; i < REFERRAL.length; i++) {
      const answers: Record<string, cards.Answer> = { ...REFERRAL[i] };
      for (const input of cards.inputs(card)) {
        if (input.type !== 'Input.Text' || !input.maxLength || /NHS number/.test(input.label)) continue;
        const label = String(input.label).replace(/ \(up to [\d,]+ characters\)$/, '');
        const answer = typed(input.maxLength, `${input.id}`);
        answers[label] = answer;
        typedIn.push(answer);
      }
      card = (await nia.click(card, i === REFERRAL.length - 1 ? 'Review' : 'Next', answers)).card;
    }
    // The review card, then the Front Door's, carry every answer whole and fit a Teams message.
    expect(JSON.stringify(card).length).toBeLessThanOrEqual(CARD_CHARS);
    const submitted = await nia.click(card, 'Submit the referral');
    const reference = /(REF-\d{4})/.exec(submitted.said)![1];
    const triage = await world.connector.waitFor(
      () => world.connector.sentTo(FRONT_DOOR).find((a) => a.summary?.startsWith(`${reference}: new referral`)),
      'the triage card',
    );
    expect(JSON.stringify(triage).length).toBeLessThanOrEqual(CARD_CHARS);
    const shown = cards.text(triage.attachments[0].content);
    for (const t of typedIn) expect(shown).toContain(t);
  });
});
