/** The strategy discussion forms' values, read into the domain's requests. */
import { WorkingCalendar } from '../../domain/calendar';
import { ConveneRequest } from '../../domain/convening';
import { OutcomeInput } from '../../domain/outcome';
import { CoreRole, CORE_ROLES } from '../../domain/strategyDiscussion';
import { Form } from '../forms';

export type FormValues = Record<string, string>;

/** The convene form's inputs; `Role` is the template's own `${role}` where it repeats a row per role. */
export type ConveneField<Role extends string = CoreRole> =
  'purpose' | 'date' | 'time' | 'minuteTaker' | 'babyOrUnborn' | 'invite_other' | `invite_${Role}` | `reason_${Role}`;
/** Besides its inputs, the convene form carries what it was filled in from: a referral (REF-) or a first discussion (SD-). */
export type ConveneForm = Form<ConveneField> & { formId?: string; referral?: string; followUpOf?: string };

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
  | 'amendmentReason'
  | 'noEnquiryReason'
  | ActionRowField<Row>;
export type OutcomeForm = Form<OutcomeField>;

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
    amendmentReason: form.amendmentReason,
    noEnquiryReason: form.noEnquiryReason,
  };
}
