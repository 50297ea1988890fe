import * as cards from './cards';
import { REFERRAL } from './partnershipSeed';
import { answerReferralSteps, FRONT_DOOR } from './frontDoor';
import { TeamsUser } from './teams';
import { World } from './world';

/** A routine referral about the test child (the seed's), its first step changed by `child` (e.g. another NHS number). */
export function referralAbout(child: Record<string, cards.Answer> = {}): Record<string, cards.Answer>[] {
  return [{ ...REFERRAL[0], ...child }, ...REFERRAL.slice(1)];
}

/** The referrer refers (not urgent) and submits; returns the reference and the Front Door's triage card. */
export async function refer(world: World, referrer: TeamsUser, steps = referralAbout()): Promise<{ reference: string; triage: any }> {
  const [first] = await referrer.say('refer');
  const card = await answerReferralSteps(referrer, (await referrer.click(first.attachments[0].content, 'No')).card, steps);
  const submitted = await referrer.click(card, 'Submit the referral');
  const reference = /(REF-\d{4})/.exec(submitted.said)?.[1];
  if (!reference) throw new Error(`referral not submitted: ${submitted.said}`);
  const triage = await world.connector.waitFor(
    () => world.connector.sentTo(FRONT_DOOR).find((a) => a.summary?.startsWith(`${reference}: new referral`)),
    'the triage card',
  );
  return { reference, triage: triage.attachments[0].content };
}
