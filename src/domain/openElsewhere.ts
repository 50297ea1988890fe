/**
 * A child known or open to another local authority (domain guide §6): the referral asks, and a
 * discussion convened from it shows it and makes that authority a core invitee. Read from the
 * referral's answers by their ids (config/forms/referral.json: otherAuthority, otherAuthoritySince,
 * otherAuthorityPlan, familyMoved), so a partnership's own form keeps working without them.
 */
import { DateTime } from 'luxon';
import type { Answers } from './forms';
import type { Directory } from './directory';
import { PLANS, Plan } from './transfer';

export type Moved = 'no' | 'moved' | 'moving';
const MOVED: Record<Moved, string> = { no: '', moved: 'the family has moved', moving: 'the family is about to move' };

/** The questions' choices, as the referral form and the convene form offer them. */
export const OTHER_AUTHORITY_PLANS = { none: 'No plan', ...PLANS, unknown: 'Not known' };
export const FAMILY_MOVES: Record<Moved, string> = { no: 'No', moved: 'Yes, it has moved', moving: 'Yes, it is about to move' };
/** The answer "no other authority" (the rest are the directory's neighbour ids). */
export const NO_OTHER_AUTHORITY = 'none';

export interface OpenElsewhere {
  /** The neighbouring authority's id in the directory. */
  authority: string;
  /** YYYY-MM-DD, when known. */
  since?: string;
  plan: Plan | 'none' | 'unknown';
  moved: Moved;
}

/** The referral's answer, or undefined when the child is not known to another authority. */
export function openElsewhereOf(answers: Partial<Answers>): OpenElsewhere | undefined {
  const authority = (answers.otherAuthority ?? '').trim();
  if (!authority || authority === NO_OTHER_AUTHORITY) return undefined;
  const plan = answers.otherAuthorityPlan ?? '';
  const moved = answers.familyMoved ?? '';
  return {
    authority,
    since: answers.otherAuthoritySince || undefined,
    plan: plan in PLANS || plan === 'none' ? (plan as Plan | 'none') : 'unknown',
    moved: moved === 'moved' || moved === 'moving' ? moved : 'no',
  };
}

/**
 * The answer as a convene form carries it back ("authority|since|plan|moved"), to show it again
 * when the form returns with a problem; what is recorded is read from the referral itself.
 */
export const encodeOpenElsewhere = (o: OpenElsewhere | undefined): string => (o ? [o.authority, o.since ?? '', o.plan, o.moved].join('|') : '');

export function decodeOpenElsewhere(value: string | undefined): OpenElsewhere | undefined {
  const [authority, since, plan, moved] = (value ?? '').split('|');
  return openElsewhereOf({ otherAuthority: authority ?? '', otherAuthoritySince: since ?? '', otherAuthorityPlan: plan ?? '', familyMoved: moved ?? '' });
}

/** In words, for cards and records: "Known to Northshire Council since Monday 2 March 2026: Child protection plan; the family has moved". */
export function describeOpenElsewhere(o: OpenElsewhere, directory: Directory): string {
  const name = directory.neighbouringAuthority(o.authority)?.name ?? 'another local authority';
  const since = o.since ? ` since ${DateTime.fromISO(o.since, { zone: directory.partnership.timeZone }).toFormat('cccc d LLLL yyyy')}` : '';
  const plan = o.plan === 'none' ? 'no plan' : o.plan === 'unknown' ? 'plan not known' : PLANS[o.plan];
  return `Known to ${name}${since}: ${plan}${MOVED[o.moved] ? `; ${MOVED[o.moved]}` : ''}`;
}
