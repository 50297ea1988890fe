/** A referral from a practitioner to the Front Door, and the Front Door's decision on it. */
import type { TransferLink } from './transfer';
import { Answers } from './forms';
import { Person } from './directory';
import { Invalid, Refused } from './refusals';
import { isChoice } from './choices';
import { FIELDS, lengthProblems } from './limits';

export type FrontDoorDecision = 'strategy-discussion' | 'assessment' | 'early-help' | 'advice' | 'no-further-action';
export const FRONT_DOOR_DECISIONS: Record<FrontDoorDecision, string> = {
  'strategy-discussion': 'Strategy discussion',
  assessment: 'Child and family assessment (section 17)',
  'early-help': 'Early help',
  advice: 'Information and advice',
  'no-further-action': 'No further action',
};

export interface Draft {
  /** One filled-in form: submitting it twice, or again after a failure, gives one referral. (Absent on drafts saved before it existed.) */
  id?: string;
  referrer: string;
  formId: string;
  step: number;
  answers: Answers;
  urgent: boolean;
  startedAt: string;
  updatedAt: string;
}

export interface Referral {
  reference: string;
  /** Case transfers started from it (TR-). */
  transfers?: TransferLink[];
  referrer: string;
  answers: Answers;
  urgent: boolean;
  submittedAt: string;
  decideBy: string;
  decision?: { outcome: FrontDoorDecision; rationale: string; by: string; at: string };
  /** Once the Front Door decides on a strategy discussion: a chair convenes it by then. */
  conveneBy?: string;
  /** The strategy discussion convened from this referral. */
  discussion?: { reference: string; chair: string; at: string };
  /**
   * Cases Concord already held about the same child when the referral came (an earlier case with
   * the same NHS number, and the cases on its thread), for the Front Door: `at` is when a case
   * with that number was made, where known.
   */
  known?: { reference: string; at?: string }[];
}

/** The referrer, the Front Door, and, once the Front Door decides on a strategy discussion, the chairs who convene it. */
export function maySeeReferral(r: Referral, person: Person): boolean {
  return (
    r.referrer === person.aadObjectId ||
    person.roles.includes('front-door') ||
    (r.decision?.outcome === 'strategy-discussion' && person.roles.includes('chair'))
  );
}

/**
 * The strategy discussion convened from this referral, or why not: one discussion a referral, and
 * only once the Front Door decided on one.
 */
export function linkDiscussion(r: Referral, discussion: { reference: string; chair: string; at: string }): Referral {
  if (r.decision?.outcome !== 'strategy-discussion')
    throw new Refused('not-involved', `The Front Door has not decided on a strategy discussion for ${r.reference}, so none can be convened from it.`);
  if (r.discussion && r.discussion.reference !== discussion.reference)
    throw new Refused('old-version', `${r.reference} already has its strategy discussion, ${r.discussion.reference}.`);
  return r.discussion ? r : { ...r, discussion };
}

export function decide(r: Referral, by: Person, outcome: string, rationale: string, now: Date): Referral {
  if (!by.roles.includes('front-door')) throw new Refused('not-front-door', `Only the Front Door decides on referrals.`);
  if (r.decision) throw new Refused('old-version', `${r.reference} was already decided: ${FRONT_DOOR_DECISIONS[r.decision.outcome]}.`);
  const problems: string[] = [];
  if (!isChoice(FRONT_DOOR_DECISIONS, outcome)) problems.push('Choose the decision.');
  if (!rationale.trim()) problems.push('Give the rationale: the referrer is told the decision and the reason.');
  problems.push(...lengthProblems([[FIELDS.frontDoorRationale, rationale, 'The rationale']]));
  if (problems.length) throw new Invalid(problems);
  return { ...r, decision: { outcome: outcome as FrontDoorDecision, rationale: rationale.trim(), by: by.aadObjectId, at: now.toISOString() } };
}
