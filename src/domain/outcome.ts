/**
 * Recording the outcome of a strategy discussion as a structure, and amending it. An amendment
 * is a new version: earlier versions and their acknowledgements stay on the record.
 */
import {
  AgreedAction,
  Attendance,
  attendees,
  currentVersion,
  Decision,
  DECISIONS,
  mustBeChair,
  Outcome,
  StrategyDiscussion,
  Threshold,
  THRESHOLDS,
} from './strategyDiscussion';
import { FieldProblem, Invalid, Refused } from './refusals';
import { isChoice } from './choices';
import { FIELDS, lengthProblems } from './limits';
import { LEVEL_ONLY } from './forms';

export interface OutcomeInput {
  threshold: string;
  rationale: string;
  decision: string;
  actions: { description: string; owner: string; dueDate: string }[];
  contributions: string;
  familyShared: string;
  familyDetail: string;
  followUpDate: string;
  followUpOwner?: string;
  amendmentReason?: string;
  noEnquiryReason?: string;
}

const S47: Decision[] = ['s47-single', 's47-joint'];
/** Decisions that, with the threshold met, mean no enquiry: they need a reason recorded as such. */
const NO_ENQUIRY: Decision[] = ['no-further-action', 'early-help', 's17-assessment'];

/** Threshold met (reasonable cause to suspect) and yet no enquiry: the outcome carries a flag. */
export function enquiryNotFollowing(o: Pick<Outcome, 'threshold' | 'decision'>): boolean {
  return o.threshold !== 'not-met' && NO_ENQUIRY.includes(o.decision);
}

/** Checks the outcome the chair typed; `today` is the partnership's local date (YYYY-MM-DD). */
export function checkOutcome(input: OutcomeInput, d: StrategyDiscussion, today: string): Outcome {
  // Each problem names the input it is about (as the outcome form names them), to be shown beside it.
  const problems: FieldProblem[] = [];
  const problem = (field: string, text: string | undefined) => text && problems.push({ field, text });
  const tooLong = (field: keyof OutcomeInput, f: (typeof FIELDS)[keyof typeof FIELDS], v: string | undefined, label?: string) =>
    problem(field, lengthProblems([[f, v, label]])[0]);
  if (!isChoice(THRESHOLDS, input.threshold)) problem('threshold', 'Say whether there is reasonable cause to suspect significant harm (the s47 threshold).');
  if (!input.rationale.trim()) problem('rationale', 'Give the rationale for the threshold decision: why it is or is not met.');
  else if (LEVEL_ONLY.test(input.rationale)) problem('rationale', 'Give the rationale for the threshold decision in words: a level alone is not a rationale.');
  if (!isChoice(DECISIONS, input.decision)) problem('decision', 'Choose the decision.');
  const people = new Set([d.chair, ...d.invitees.map((i) => i.aadObjectId)]);
  const actions: AgreedAction[] = [];
  input.actions.forEach((a, i) => {
    const n = i + 1;
    if (!a.description.trim() && !a.owner && !a.dueDate) return;
    if (!a.description.trim()) problem(`action_${n}_text`, `Action ${n}: say what is to be done.`);
    problem(`action_${n}_text`, lengthProblems([[FIELDS.action, a.description, `Action ${n}`]])[0]);
    if (!a.owner) problem(`action_${n}_owner`, `Action ${n}: choose who owns it.`);
    else if (!people.has(a.owner)) problem(`action_${n}_owner`, `Action ${n}: the owner must be someone invited to the discussion.`);
    if (!a.dueDate) problem(`action_${n}_due`, `Action ${n}: give a due date.`);
    else if (a.dueDate < today) problem(`action_${n}_due`, `Action ${n}: the due date ${a.dueDate} is in the past.`);
    actions.push({ id: `A${n}`, description: a.description.trim(), ownerAadObjectId: a.owner, dueDate: a.dueDate });
  });
  const decision = input.decision as Decision;
  if (S47.includes(decision) && actions.length === 0) problem('action_1_text', 'A section 47 enquiry needs at least one action with an owner and a due date.');
  if (input.threshold === 'not-met' && S47.includes(decision)) {
    problem('decision', 'A section 47 enquiry needs reasonable cause to suspect significant harm (the threshold met): check the threshold or the decision.');
  }
  const noEnquiry = isChoice(THRESHOLDS, input.threshold) && enquiryNotFollowing({ threshold: input.threshold, decision });
  if (noEnquiry && !input.noEnquiryReason?.trim()) {
    problem(
      'noEnquiryReason',
      `The threshold is met (reasonable cause to suspect significant harm) but the decision is “${DECISIONS[decision]}”: section 47(1) is a duty to enquire. Give the reason no section 47 enquiry follows, in “If the threshold is met but no section 47 enquiry follows: why”; it is recorded and shown to every attendee.`,
    );
  }
  if (decision === 'further-discussion' && !input.followUpDate) problem('followUpDate', 'Give the date of the further strategy discussion.');
  if (input.followUpDate && input.followUpDate < today) problem('followUpDate', `The follow-up date ${input.followUpDate} is in the past.`);
  if (input.followUpOwner && !people.has(input.followUpOwner))
    problem('followUpOwner', 'The owner of the follow-up must be the chair or someone invited to the discussion.');
  if (input.followUpOwner && !input.followUpDate) problem('followUpDate', 'Give the date of the follow-up discussion its owner is to see held.');
  if (input.familyShared !== 'yes' && input.familyShared !== 'no') problem('familyShared', 'Say whether the outcome is shared with the family.');
  else if (!input.familyDetail.trim()) {
    problem(
      'familyDetail',
      input.familyShared === 'yes' ? 'Say what is shared with the family, when and by whom.' : 'Say why the outcome is not shared with the family.',
    );
  }
  if (!input.contributions.trim()) problem('contributions', 'Say what each agency contributes.');
  if (d.versions.length > 0 && !input.amendmentReason?.trim())
    problem('amendmentReason', 'Give the reason for amending the outcome: every attendee will be asked again.');
  tooLong('rationale', FIELDS.rationale, input.rationale);
  tooLong('contributions', FIELDS.contributions, input.contributions);
  tooLong('familyDetail', FIELDS.familyDetail, input.familyDetail);
  tooLong('amendmentReason', FIELDS.amendmentReason, input.amendmentReason);
  tooLong('noEnquiryReason', FIELDS.noEnquiryReason, input.noEnquiryReason);
  if (problems.length) throw new Invalid(problems);
  return {
    threshold: input.threshold as Threshold,
    rationale: input.rationale.trim(),
    decision,
    actions,
    contributions: input.contributions.trim(),
    family: { shared: input.familyShared === 'yes', detail: input.familyDetail.trim() },
    followUpDate: input.followUpDate || undefined,
    // An agreed follow-up always has an owner: the chair unless the chair names someone else.
    ...(input.followUpDate ? { followUpOwner: input.followUpOwner || d.chair } : {}),
    ...(noEnquiry ? { noEnquiryReason: input.noEnquiryReason!.trim() } : {}),
  };
}

export function recordAttendance(d: StrategyDiscussion, actor: string, attendance: Record<string, Attendance>, now: Date): StrategyDiscussion {
  mustBeChair(d, actor, 'record attendance');
  if (d.versions.length > 0) throw new Refused('old-version', `The outcome of ${d.reference} is already recorded; attendance can no longer change.`);
  const missing = d.invitees.filter((i) => !attendance[i.aadObjectId]);
  if (missing.length) throw new Invalid([`Say for each invitee whether they attended (${missing.length} not answered).`]);
  const present = Object.values(attendance).filter((a) => a === 'attended').length;
  if (present === 0) throw new Invalid(['Nobody is marked as attended.']);
  return { ...d, attendance, attendanceRecordedAt: now.toISOString() };
}

export function recordOutcome(d: StrategyDiscussion, actor: string, outcome: Outcome, amendmentReason: string | undefined, now: Date): StrategyDiscussion {
  mustBeChair(d, actor, d.versions.length ? 'amend the outcome' : 'record the outcome');
  if (!d.attendance) throw new Refused('attendance-first', `Record who attended ${d.reference} first: they are the people who will acknowledge the outcome.`);
  if (attendees(d).length === 0) throw new Invalid(['Nobody but the chair attended, so nobody can acknowledge the outcome.']);
  const version = (currentVersion(d)?.version ?? 0) + 1;
  return {
    ...d,
    versions: [
      ...d.versions,
      { version, outcome, recordedAt: now.toISOString(), recordedBy: actor, amendmentReason: version > 1 ? amendmentReason?.trim() : undefined },
    ],
  };
}

export function markActionDone(d: StrategyDiscussion, actor: string, actionId: string, now: Date): StrategyDiscussion {
  const v = currentVersion(d);
  const action = v?.outcome.actions.find((a) => a.id === actionId);
  if (!v || !action) throw new Refused('old-version', `That action is no longer part of the outcome of ${d.reference}.`);
  if (action.ownerAadObjectId !== actor && d.chair !== actor) {
    throw new Refused('not-action-owner', `Only the owner of the action or the chair can mark it done.`);
  }
  if (action.done) return d;
  const actions = v.outcome.actions.map((a) => (a.id === actionId ? { ...a, done: { at: now.toISOString(), by: actor } } : a));
  return { ...d, versions: [...d.versions.slice(0, -1), { ...v, outcome: { ...v.outcome, actions } }] };
}
