/** The strategy discussion forms' values, read into the domain's requests. */
import { WorkingCalendar } from '../../domain/calendar';
import { ConveneRequest } from '../../domain/convening';
import { OutcomeInput } from '../../domain/outcome';
import type { Outcome } from '../../domain/strategyDiscussion';
import { CoreRole, CORE_ROLES, Invitee, StrategyDiscussion } from '../../domain/strategyDiscussion';
import { FIELDS } from '../../domain/limits';
import { Form } from '../forms';

export type FormValues = Record<string, string>;

/** The convene form's inputs; `Role` is the template's own `${role}` where it repeats a row per role. */
export type ConveneField<Role extends string = CoreRole> =
  'purpose' | 'date' | 'time' | 'minuteTaker' | 'babyOrUnborn' | 'invite_other' | `invite_${Role}` | `reason_${Role}` | OtherAuthorityField;
/** Asked when convening without a referral, by the referral's own question ids (domain/openElsewhere.ts reads them). */
export type OtherAuthorityField = 'otherAuthority' | 'otherAuthoritySince' | 'otherAuthorityPlan' | 'familyMoved';
/** Besides its inputs, the convene form carries what it was filled in from: a referral (REF-) or a first discussion (SD-). */
export type ConveneForm = Form<ConveneField> & {
  formId?: string;
  referral?: string;
  followUpOf?: string;
  /** The referral's answer about another authority, carried only to show it again if the form returns with a problem. */
  openElsewhere?: string;
  /** The referrer a chair's offer from a referral is filled in with: carried by its first step, which starts the chair's draft. */
  referredBy?: string;
};

/** The attendance form: one choice per invitee, named by their directory id. */
export type AttendanceField<Id extends string = string> = `att_${Id}`;
export const ATTENDANCE_PREFIX = 'att_' satisfies AttendanceField<''>;

/** The outcome form's inputs; `Row` is the action row's number (`${n}` in the template). */
export type ActionRowField<Row extends string | number = number> = `action_${Row}_${'text' | 'owner' | 'due'}`;
export type OutcomeField<Row extends string | number = number> =
  | 'threshold'
  | 'rationale'
  | 'decision'
  | 'contributions'
  | 'familyShared'
  | 'familyDetail'
  | 'followUpDate'
  | 'followUpOwner'
  | 'amendmentReason'
  | 'noEnquiryReason'
  | ActionRowField<Row>;
/** The review of the outcome form in steps names the chair's draft it records (`formId`). */
export type OutcomeForm = Form<OutcomeField> & { formId?: string };

/** The hand-over card: the chair, the minute-taker, each action's owner (`owner_A1`…) and who to invite, as directory ids. */
export type HandoverField<ActionId extends string = string> = 'chair' | 'minuteTaker' | 'invite' | `owner_${ActionId}`;
export const OWNER_PREFIX = 'owner_' satisfies HandoverField<''>;

/** The acknowledgement card's one input. */
export type AcknowledgementField = 'note';

/** How many action rows the outcome form has. */
export const ACTION_ROWS = 5;

export function conveneRequest(form: ConveneForm, chair: string, calendar: WorkingCalendar): ConveneRequest {
  const list = (k: ConveneField) =>
    (form[k] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const invitees: ConveneRequest['invitees'] = { other: list('invite_other') };
  const reasons: ConveneRequest['reasons'] = {};
  for (const r of CORE_ROLES) {
    if (r.role !== 'referrer') invitees[r.role] = list(`invite_${r.role}`);
    reasons[r.role] = form[`reason_${r.role}`] ?? '';
  }
  return {
    chair,
    scheduledAt: form.date ? calendar.fromLocal(form.date, form.time || '00:00') : undefined,
    minuteTaker: form.minuteTaker ?? '',
    referrer: list('invite_referrer')[0],
    babyOrUnborn: form.babyOrUnborn === 'true',
    purpose: form.purpose ?? '',
    invitees,
    reasons,
    referral: form.referral || undefined,
    followUpOf: form.followUpOf || undefined,
  };
}

/** The follow-up agreed at `d`, as a convene form filled in from it (same people, roles, reasons, minute-taker) and linked to it. */
export function followUpForm(d: StrategyDiscussion, date: string, calendar: WorkingCalendar): ConveneForm {
  const invited = (role: Invitee['role']) =>
    d.invitees
      .filter((i) => i.role === role)
      .map((i) => i.aadObjectId)
      .join(',');
  const form: ConveneForm = {
    purpose: `Follow-up to ${d.reference}: ${d.purpose}`.slice(0, FIELDS.purpose.max),
    date,
    time: calendar.local(new Date(d.scheduledAt)).toFormat('HH:mm'),
    minuteTaker: d.minuteTaker,
    babyOrUnborn: d.babyOrUnborn ? 'true' : 'false',
    invite_other: invited('other'),
    invite_referrer: d.referrer ?? '',
    followUpOf: d.reference,
  };
  for (const r of CORE_ROLES) if (r.role !== 'referrer') form[`invite_${r.role}`] = invited(r.role);
  for (const o of d.omissions) form[`reason_${o.role}`] = o.reason;
  // The first discussion's answer about another authority, to confirm or change.
  if (d.openElsewhere) {
    const o = d.openElsewhere;
    Object.assign(form, { otherAuthority: o.authority, otherAuthoritySince: o.since ?? '', otherAuthorityPlan: o.plan, familyMoved: o.moved });
  }
  return form;
}

export function outcomeInput(form: OutcomeForm): OutcomeInput {
  return {
    threshold: form.threshold ?? '',
    rationale: form.rationale ?? '',
    decision: form.decision ?? '',
    actions: Array.from({ length: ACTION_ROWS }, (_, i) => ({
      description: form[`action_${i + 1}_text`] ?? '',
      owner: form[`action_${i + 1}_owner`] ?? '',
      dueDate: form[`action_${i + 1}_due`] ?? '',
    })),
    contributions: form.contributions ?? '',
    familyShared: form.familyShared ?? '',
    familyDetail: form.familyDetail ?? '',
    followUpDate: form.followUpDate ?? '',
    followUpOwner: form.followUpOwner ?? '',
    amendmentReason: form.amendmentReason,
    noEnquiryReason: form.noEnquiryReason,
  };
}

/** A recorded outcome as form values, so an amendment starts from what was recorded. */
export function outcomeValues(o: Outcome): OutcomeForm {
  const values: OutcomeForm = {
    threshold: o.threshold,
    rationale: o.rationale,
    decision: o.decision,
    contributions: o.contributions,
    familyShared: o.family.shared ? 'yes' : 'no',
    familyDetail: o.family.detail,
    followUpDate: o.followUpDate ?? '',
    followUpOwner: o.followUpOwner ?? '',
    noEnquiryReason: o.noEnquiryReason ?? '',
  };
  o.actions.forEach((a, i) => {
    values[`action_${i + 1}_text`] = a.description;
    values[`action_${i + 1}_owner`] = a.ownerAadObjectId;
    values[`action_${i + 1}_due`] = a.dueDate;
  });
  return values;
}
