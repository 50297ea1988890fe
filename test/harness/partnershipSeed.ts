import * as cards from './cards';
import { discussionWithOutcome } from './strategyFlow';
import { HOUR, World } from './world';
import { answerReferralSteps, FRONT_DOOR, installInFrontDoorTeam } from './frontDoor';

const MINUTES: Record<string, cards.Answer> = {
  'Information shared by each agency': 'Police: checks on the household. Hospital: findings on admission.',
  'Analysis of risk and needs, in words': 'A non-mobile baby with unexplained injuries and a carer with a history of violence.',
};

/** A routine referral, answered step by step. */
export const REFERRAL: Record<string, cards.Answer>[] = [
  {
    'Child’s full name (or “unborn baby of …”)': 'Alex Example',
    'Date of birth, or expected due date if unborn': '2026-06-14',
    Address: '1 Example Road, Westmoor',
    'NHS number, if known': '943 476 5919',
    'GP practice': 'Riverside Medical Practice',
  },
  {
    'Mother or main carer (name, relationship)': 'Sam Example, mother',
    'Father (name, or why not known)': 'Not known',
    'Partners and other adults in the household': 'None',
    'Who holds parental responsibility': 'Mother',
  },
  { 'What happened, with dates': '20 November: bruising.', 'What you saw yourself': 'Bruising.', 'What you were told, and by whom': 'Nothing.' },
  {
    'The child’s needs and the impact on the child': 'A baby with unexplained bruising who needs safe care.',
    'The child’s voice: what they say, or show': 'Too young to speak.',
  },
  { 'Do the parents know about this referral?': 'No', 'Do they consent?': 'Not asked', 'If they do not know or do not consent, why': 'Risk to the baby.' },
  { 'Other agencies involved': 'None', 'Other processes under way (police investigation, court)': 'None known' },
];

/**
 * What the seeded partnership did in November 2026, driven through Concord as people would, so
 * that the figures come from real events. The facts the tests expect follow from it.
 */
export const SEEDED = {
  month: '2026-11',
  discussions: 6,
  minutesWithinDay: 5,
  referrals: 3,
  referralsDecidedInTime: 2,
};

export async function seedPartnership(world: World): Promise<void> {
  await world.install('Dee Walsh');
  // Six strategy discussions convened, ended, and minuted: five within 24 hours, one at 28 hours.
  for (let i = 0; i < SEEDED.discussions; i++) {
    const sd = await discussionWithOutcome(world);
    await sd.chair.click(sd.card, 'The discussion has ended');
    const dee = world.user('Dee Walsh');
    const draft = await dee.waitForMessage((a) => a.summary?.startsWith(`${sd.reference}: please write the minutes`), 'the drafting card');
    world.clock.advance((i === 0 ? 28 : 2) * HOUR);
    const circulated = await dee.click(draft.attachments[0].content, 'Circulate the minutes', MINUTES);
    if (!/circulated/.test(circulated.message ?? '')) throw new Error(`minutes not circulated: ${circulated.said}`);
  }

  // Three referrals: two decided at once (within the deadline), one not decided.
  const [nia, kim] = await world.install('Nia Evans', 'Kim Lee');
  await installInFrontDoorTeam(world, kim);
  for (let i = 0; i < SEEDED.referrals; i++) {
    const [first] = await nia.say('refer');
    const card = await answerReferralSteps(nia, (await nia.click(first.attachments[0].content, 'No')).card, REFERRAL);
    const submitted = await nia.click(card, 'Submit the referral');
    const reference = /(REF-\d{4})/.exec(submitted.said)?.[1];
    if (!reference) throw new Error(`referral not submitted: ${submitted.said}`);
    if (i >= SEEDED.referralsDecidedInTime) continue;
    const triage = await world.connector.waitFor(
      () => world.connector.sentTo(FRONT_DOOR).find((a) => a.summary === `${reference}: new referral`),
      'the triage card',
    );
    const decided = await kim.inChannel(FRONT_DOOR).click(triage.attachments[0].content, 'Record the decision', {
      Decision: 'Strategy discussion',
      'Rationale (the referrer is told)': 'Possible significant harm.',
    });
    if (!/Decided/.test(decided.said)) throw new Error(`referral not decided: ${decided.said}`);
  }

  // Every event sealed, and the figures caught up with them.
  await world.concord.figures.catchUp();
}
