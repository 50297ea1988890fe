/** The strategy discussion forms' values, read into the domain's requests. */
import { WorkingCalendar } from '../../domain/calendar';
import { ConveneRequest } from '../../domain/convening';
import { OutcomeInput } from '../../domain/outcome';
import { CORE_ROLES } from '../../domain/strategyDiscussion';

export type FormValues = Record<string, string>;

/** How many action rows the outcome form has. */
export const ACTION_ROWS = 5;

export function conveneRequest(form: FormValues, chair: string, calendar: WorkingCalendar): ConveneRequest {
  const list = (k: string) => (form[k] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
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
  };
}

export function outcomeInput(form: FormValues): OutcomeInput {
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
  };
}
