import * as cards from './cards';
import { CHILD } from './childIdentifiers';
import { answerReferralSteps, FRONT_DOOR } from './frontDoor';
import { TeamsUser } from './teams';
import { World } from './world';

/** A routine referral about the test child, its first step changed by `child` (e.g. another NHS number). */
export function referralAbout(child: Record<string, cards.Answer> = {}): Record<string, cards.Answer>[] {
  return [
    {
      'Child’s full name (or “unborn baby of …”)': CHILD.name,
      'Date of birth, or expected due date if unborn': CHILD.dateOfBirth,
      Address: CHILD.address,
      'NHS number, if known': CHILD.nhsNumber,
      'GP practice': 'Riverside Medical Practice',
      ...child,
    },
    {
      'Mother or main carer (name, relationship)': `${CHILD.mother}, mother`,
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
}

/** The referrer refers (not urgent) and submits; returns the reference and the Front Door's triage card. */
export async function refer(world: World, referrer: TeamsUser, steps = referralAbout()): Promise<{ reference: string; triage: any }> {
  const [first] = await referrer.say('refer');
  const card = await answerReferralSteps(referrer, (await referrer.click(first.attachments[0].content, 'No')).card, steps);
  const submitted = await referrer.click(card, 'Submit the referral');
  const reference = /(REF-\d{4})/.exec(submitted.message ?? '')?.[1];
  if (!reference) throw new Error(`referral not submitted: ${submitted.said}`);
  const triage = await world.connector.waitFor(
    () => world.connector.sentTo(FRONT_DOOR).find((a) => a.summary?.startsWith(`${reference}: new referral`)),
    'the triage card',
  );
  return { reference, triage: triage.attachments[0].content };
}
