/**
 * A strategy discussion and its outcome, as the chair records it and every attendee acknowledges
 * it. Pure rules: no Teams, no storage. Every function either returns the new state or says, in
 * words a practitioner understands, why not.
 */
import { AgencyType } from './directory';
import { Refused } from './refusals';
import { referenceForAudit } from './caseReference';
import type { OpenElsewhere } from './openElsewhere';
import type { TransferLink } from './transfer';

/** The s47(1) threshold, in its words: reasonable cause to suspect significant harm, actual or likely. */
export type Threshold = 'actual' | 'likely' | 'not-met';
export const THRESHOLDS: Record<Threshold, string> = {
  actual: 'Met: reasonable cause to suspect the child is suffering significant harm',
  likely: 'Met: reasonable cause to suspect the child is likely to suffer significant harm',
  'not-met': 'Not met: no reasonable cause to suspect significant harm',
};

export type Decision =
  's47-single' | 's47-joint' | 'police-investigation' | 's17-assessment' | 'early-help' | 'no-further-action' | 'immediate-protection' | 'further-discussion';
export const DECISIONS: Record<Decision, string> = {
  's47-single': 'Section 47 enquiry by children’s social care',
  's47-joint': 'Section 47 enquiry, joint with police',
  'police-investigation': 'Police investigation',
  's17-assessment': 'Child and family assessment (section 17)',
  'early-help': 'Early help',
  'no-further-action': 'No further action',
  'immediate-protection': 'Immediate protective action',
  'further-discussion': 'Further strategy discussion',
};

/** The core set of the domain guide: who should normally be invited, by role. */
export type CoreRole =
  'social-care' | 'police' | 'health' | 'gp-child' | 'gp-parents' | 'health-visitor-midwife' | 'education' | 'other-authority' | 'referrer';
export interface CoreRoleSpec {
  role: CoreRole;
  label: string;
  agencyTypes: AgencyType[];
  /** Only core when the child is a baby or unborn. */
  babiesOnly?: boolean;
  /** Only core when the child is known or open to another local authority (the referral says which). */
  openElsewhereOnly?: boolean;
}
export const CORE_ROLES: CoreRoleSpec[] = [
  { role: 'social-care', label: 'Children’s social care', agencyTypes: ['social-care'] },
  { role: 'police', label: 'Police', agencyTypes: ['police'] },
  { role: 'health', label: 'Health (hospital or community)', agencyTypes: ['hospital', 'health-visiting', 'midwifery'] },
  { role: 'gp-child', label: 'GP for the child', agencyTypes: ['gp'] },
  { role: 'gp-parents', label: 'GP for each parent or carer', agencyTypes: ['gp'] },
  { role: 'health-visitor-midwife', label: 'Health visitor or midwife', agencyTypes: ['health-visiting', 'midwifery'], babiesOnly: true },
  { role: 'education', label: 'School or nursery', agencyTypes: ['education'] },
  { role: 'other-authority', label: 'The other local authority', agencyTypes: [], openElsewhereOnly: true },
  { role: 'referrer', label: 'The referrer', agencyTypes: [] },
];

export type InvitationReply = 'awaiting' | 'attending' | 'apologies' | 'information-only';
export const INVITATION_REPLIES: Record<InvitationReply, string> = {
  awaiting: 'Not yet replied',
  attending: 'Will attend',
  apologies: 'Sent apologies',
  'information-only': 'Will send information only',
};

export interface Invitee {
  aadObjectId: string;
  role: CoreRole | 'other';
  reply: InvitationReply;
}

export type Attendance = 'attended' | 'apologies' | 'information-only' | 'absent';
export const ATTENDANCE: Record<Attendance, string> = {
  attended: 'Attended',
  apologies: 'Sent apologies',
  'information-only': 'Sent information only',
  absent: 'Did not attend',
};

export interface AgreedAction {
  id: string;
  description: string;
  ownerAadObjectId: string;
  /** YYYY-MM-DD, local to the partnership. */
  dueDate: string;
  done?: { at: string; by: string };
}

export interface Outcome {
  threshold: Threshold;
  rationale: string;
  decision: Decision;
  actions: AgreedAction[];
  contributions: string;
  family: { shared: boolean; detail: string };
  followUpDate?: string;
  /** Who sees that the follow-up is held (the chair unless the chair names someone else). */
  followUpOwner?: string;
  /**
   * Why no section 47 enquiry follows although the threshold is met (s47(1) is a duty to enquire
   * where there is reasonable cause to suspect significant harm): recorded as such and flagged.
   */
  noEnquiryReason?: string;
}

export interface OutcomeVersion {
  version: number;
  outcome: Outcome;
  recordedAt: string;
  recordedBy: string;
  amendmentReason?: string;
}

export interface DifferenceRequest {
  aadObjectId: string;
  version: number;
  understood: string;
  at: string;
  /** The professional difference it was raised as. */
  difference?: string;
}

export type HandoverKind = 'chair' | 'minute-taker' | 'action' | 'invited';

/** A change of who does what after convening (domain/handover.ts). */
export interface Handover {
  kind: HandoverKind;
  at: string;
  by: string;
  /** Who had it before (absent for someone invited). */
  from?: string;
  to: string;
  /** For an action: which one, in which version of the outcome. */
  version?: number;
  actionId?: string;
  /** For someone invited after attendance was recorded: they take part from now on, and acknowledge. */
  joined?: boolean;
}

/**
 * A professional difference raised from this discussion (a different understanding of its outcome)
 * or from its minutes (a declined correction), as it ended: written back into the record, so the
 * record never reads as if nothing happened.
 */
export interface DifferenceResolution {
  difference: string;
  from: 'outcome' | 'minutes';
  how: 'resolved' | 'closed';
  text: string;
  at: string;
  /** The outcome version current when it ended: a later version is the chair's amendment. */
  version: number;
}

export interface StrategyDiscussion {
  reference: string;
  scheduledAt: string;
  chair: string;
  minuteTaker: string;
  referrer?: string;
  babyOrUnborn: boolean;
  /** What the discussion is about, shown only inside cards to the people involved. */
  purpose: string;
  invitees: Invitee[];
  omissions: { role: CoreRole; reason: string }[];
  warnings: string[];
  convenedAt: string;
  attendance?: Record<string, Attendance>;
  attendanceRecordedAt?: string;
  versions: OutcomeVersion[];
  differenceRequests: DifferenceRequest[];
  /** The referral it was convened from (REF-), when the Front Door decided on it. */
  referral?: string;
  /** The discussion whose agreed follow-up this is (SD-). */
  followUpOf?: string;
  /** The follow-up discussion convened from this one's agreed follow-up. */
  followUp?: { reference: string; at: string };
  /** The child is known or open to another local authority (from the referral): that authority is a core invitee. */
  openElsewhere?: OpenElsewhere;
  /** Case transfers started from it (TR-). */
  transfers?: TransferLink[];
  /** When the chair marked the discussion ended: the minutes are due the partnership's `minutesDueHours` clock hours later. */
  endedAt?: string;
  /** Who handed what to whom after convening, oldest first. */
  handovers?: Handover[];
  /** Professional differences raised from it, as they ended (rows of their own, added once). */
  resolutions?: DifferenceResolution[];
}

export type Answer = 'agree' | 'agree-with-note' | 'different';
export const ANSWERS: Record<Answer, string> = {
  agree: 'I agree',
  'agree-with-note': 'I agree, with a note',
  different: 'My understanding is different',
};

export interface Acknowledgement {
  version: number;
  aadObjectId: string;
  answer: Answer;
  note?: string;
  at: string;
}

export type Status = 'no-outcome' | 'awaiting' | 'agreed-by-all' | 'disputed';
export const STATUS_WORDS: Record<Status, string> = {
  'no-outcome': 'No outcome recorded yet',
  awaiting: 'Awaiting acknowledgement',
  'agreed-by-all': 'Agreed by all',
  disputed: 'Disputed',
};

export function currentVersion(d: StrategyDiscussion): OutcomeVersion | undefined {
  return d.versions[d.versions.length - 1];
}

/** Who must acknowledge: everyone who attended, except the chair, whose record it is. */
export function attendees(d: StrategyDiscussion): string[] {
  const attended = Object.entries(d.attendance ?? {})
    .filter(([id, a]) => a === 'attended' && id !== d.chair)
    .map(([id]) => id);
  // Someone invited after attendance was recorded takes part from then on: they acknowledge too.
  const joined = (d.handovers ?? []).filter((h) => h.kind === 'invited' && h.joined && h.to !== d.chair).map((h) => h.to);
  return [...new Set([...attended, ...joined])];
}

export function isInvolved(d: StrategyDiscussion, aadObjectId: string): boolean {
  return (
    d.chair === aadObjectId ||
    d.minuteTaker === aadObjectId ||
    d.referrer === aadObjectId ||
    d.invitees.some((i) => i.aadObjectId === aadObjectId) ||
    // Whoever handed something over, or was handed it (an action's new owner), keeps the record in reach.
    (d.handovers ?? []).some((h) => h.from === aadObjectId || h.to === aadObjectId)
  );
}

export function status(d: StrategyDiscussion, acks: Acknowledgement[]): Status {
  const v = currentVersion(d);
  if (!v) return 'no-outcome';
  const current = acks.filter((a) => a.version === v.version);
  if (current.some((a) => a.answer === 'different')) return 'disputed';
  const answered = new Set(current.map((a) => a.aadObjectId));
  return attendees(d).every((id) => answered.has(id)) ? 'agreed-by-all' : 'awaiting';
}

export function tally(d: StrategyDiscussion, acks: Acknowledgement[]) {
  const v = currentVersion(d);
  const current = acks.filter((a) => v && a.version === v.version);
  const byPerson = new Map(current.map((a) => [a.aadObjectId, a]));
  const expected = attendees(d);
  return {
    agreed: current.filter((a) => a.answer === 'agree').length,
    agreedWithNote: current.filter((a) => a.answer === 'agree-with-note').length,
    different: current.filter((a) => a.answer === 'different').length,
    notAnswered: expected.filter((id) => !byPerson.has(id)),
    answers: expected.map((id) => ({ aadObjectId: id, ack: byPerson.get(id) })),
  };
}

/** The follow-up agreed in the current outcome, with its owner, while none has been convened from it. */
export function pendingFollowUp(d: StrategyDiscussion): { date: string; owner: string } | undefined {
  const o = currentVersion(d)?.outcome;
  if (!o?.followUpDate || d.followUp) return undefined;
  return { date: o.followUpDate, owner: o.followUpOwner ?? d.chair };
}

export function mustBeChair(d: StrategyDiscussion, aadObjectId: string, doing: string): void {
  if (d.chair !== aadObjectId) throw new Refused('not-chair', `Only the chair of ${d.reference} can ${doing}.`);
}

export function mustBeInvolved(d: StrategyDiscussion | undefined, aadObjectId: string, reference: string): asserts d is StrategyDiscussion {
  // The same answer whether the discussion does not exist or the person is not involved:
  // a stranger learns nothing about which cases exist.
  if (!d || !isInvolved(d, aadObjectId)) {
    throw new Refused(
      'not-involved',
      `You are not involved in ${reference}, so Concord cannot show or change it.`,
      `asked for ${referenceForAudit(reference)}`,
    );
  }
}

/** The resolutions that came after the current version: the chair is asked to amend it. */
export function resolutionsAwaitingAmendment(d: StrategyDiscussion): DifferenceResolution[] {
  const v = currentVersion(d);
  return v ? (d.resolutions ?? []).filter((r) => r.version >= v.version) : [];
}
