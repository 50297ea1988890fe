/**
 * Convening a strategy discussion: invitations by role, with the core set checked so that
 * nobody who should be there (the GPs for the child and each parent, for Child Alex) is left out
 * without a reason on the record.
 */
import { Directory } from './directory';
import { CORE_ROLES, CoreRole, Invitee, StrategyDiscussion } from './strategyDiscussion';
import { FieldProblem, Invalid } from './refusals';
import { FIELDS, lengthProblems } from './limits';
import type { OpenElsewhere } from './openElsewhere';

export interface ConveneRequest {
  chair: string;
  /** Local date and time as typed, already turned into an instant by the caller. */
  scheduledAt: Date | undefined;
  minuteTaker: string;
  referrer?: string;
  babyOrUnborn: boolean;
  purpose: string;
  /** Invitees chosen for each core role, and for any other role. */
  invitees: Partial<Record<CoreRole | 'other', string[]>>;
  /** Why a core role has nobody invited. */
  reasons: Partial<Record<CoreRole, string>>;
  /** Read from the referral it is convened from: makes the other authority a core invitee. */
  openElsewhere?: OpenElsewhere;
  /** The referral (REF-) it is convened from, already checked by the caller. */
  referral?: string;
  /** The discussion (SD-) whose follow-up it is, already checked by the caller. */
  followUpOf?: string;
}

const tooLongReason = (role: string, reason: string | undefined) => lengthProblems([[FIELDS.omissionReason, reason, `Why nobody is invited as ${role}`]])[0];

export function coreRolesFor(babyOrUnborn: boolean, openElsewhere = false) {
  return CORE_ROLES.filter((r) => (babyOrUnborn || !r.babiesOnly) && (openElsewhere || !r.openElsewhereOnly));
}

export function convene(req: ConveneRequest, reference: string, directory: Directory, now: Date): StrategyDiscussion {
  // Each problem names the input it is about (as the convene form names them), to be shown beside it.
  const problems: FieldProblem[] = [];
  const problem = (field: string, text: string | undefined) => text && problems.push({ field, text });
  if (!req.scheduledAt) problem('date', 'Give the date and time of the discussion.');
  else if (req.scheduledAt.getTime() < now.getTime() - 24 * 3_600_000) problem('date', 'The date of the discussion is more than a day in the past.');
  if (!req.minuteTaker) problem('minuteTaker', 'Choose a minute-taker: the chair should not also take the minutes.');
  if (!req.purpose.trim()) problem('purpose', 'Say briefly what the discussion is about (shown only to the people invited).');
  problem('purpose', lengthProblems([[FIELDS.purpose, req.purpose]])[0]);

  const invitees: Invitee[] = [];
  const seen = new Set<string>([req.chair]);
  const add = (id: string, role: Invitee['role']) => {
    if (!directory.person(id)) problem(`invite_${role}`, `Someone chosen is not in the directory.`);
    else if (!seen.has(id)) invitees.push({ aadObjectId: id, role, reply: 'awaiting' });
    seen.add(id);
  };
  const omissions: { role: CoreRole; reason: string }[] = [];
  for (const spec of coreRolesFor(req.babyOrUnborn, !!req.openElsewhere)) {
    const chosen = spec.role === 'referrer' ? (req.referrer ? [req.referrer] : []) : (req.invitees[spec.role] ?? []);
    chosen.forEach((id) => add(id, spec.role));
    if (chosen.length === 0) {
      const reason = req.reasons[spec.role]?.trim();
      const long = tooLongReason(spec.label, reason);
      if (!reason) problem(`reason_${spec.role}`, `Nobody is invited as ${spec.label}: invite someone or give the reason.`);
      else if (long) problem(`reason_${spec.role}`, long);
      else omissions.push({ role: spec.role, reason });
    }
  }
  (req.invitees.other ?? []).forEach((id) => add(id, 'other'));
  if (problems.length) throw new Invalid(problems);

  const warnings: string[] = [];
  if (req.minuteTaker === req.chair) {
    warnings.push(
      'The chair is also taking the minutes. The review of Child Alex found this left the chair unable to focus on the discussion: choose a separate minute-taker if you can.',
    );
  }
  return {
    reference,
    scheduledAt: req.scheduledAt!.toISOString(),
    chair: req.chair,
    minuteTaker: req.minuteTaker,
    referrer: req.referrer || undefined,
    ...(req.referral ? { referral: req.referral } : {}),
    ...(req.followUpOf ? { followUpOf: req.followUpOf } : {}),
    ...(req.openElsewhere ? { openElsewhere: req.openElsewhere } : {}),
    babyOrUnborn: req.babyOrUnborn,
    purpose: req.purpose.trim(),
    invitees,
    omissions,
    warnings,
    convenedAt: now.toISOString(),
    versions: [],
    differenceRequests: [],
  };
}
