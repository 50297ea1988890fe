/**
 * Referral cards, made to fit a phone: one step of the form at a time, the answers kept between
 * steps. The first line never identifies the child: "Referral: step 2 of 6", "REF-0042: new
 * referral, urgent".
 */
import { openElsewhereOf } from '../domain/openElsewhere';
import { WorkingCalendar } from '../domain/calendar';
import { Directory } from '../domain/directory';
import { AnswerProblem, Answers, FormDefinition, limitOf } from '../domain/forms';
import { inputsOf, labelWithLimit } from '../domain/limits';
import { FRONT_DOOR_DECISIONS, Referral } from '../domain/referral';
import { met, SeriousIncident } from '../domain/seriousIncident';
import { renderCard } from './render';
import dangerTemplate from './templates/referral/danger';
import emergencyTemplate from './templates/referral/emergency';
import draftChoiceTemplate from './templates/referral/draftChoice';
import reviewTemplate, { ReferralReviewView } from './templates/referral/review';
import stepTemplate from './templates/referral/step';
import receiptTemplate from './templates/referral/receipt';
import supersededTemplate from './templates/superseded';
import type { Receipt } from '../workflows/referrals/views';

type Card = Record<string, unknown>;

/** The review card's fields that only some of its uses set. */
const REVIEW_DEFAULTS: Omit<ReferralReviewView, 'headline' | 'sections'> = {
  urgent: false,
  note: '',
  canSubmit: false,
  submitTitle: '',
  submitVerb: '',
  draft: '',
  stepVerb: '',
  lastStep: 0,
  canDecide: false,
  canConvene: false,
  canTransfer: false,
  canNotify: false,
  canReview: false,
  reference: '',
  decisions: [],
  f: inputsOf('frontDoorRationale'),
};

export class ReferralCards {
  constructor(
    private readonly directory: Directory,
    private readonly calendar: WorkingCalendar,
  ) {}

  danger(): Card {
    return renderCard(dangerTemplate, {});
  }

  /** A draft is waiting: continue it or start again, its date in words. */
  draftChoice(savedAt: Date): Card {
    return renderCard(draftChoiceTemplate, { savedOn: this.calendar.describe(savedAt) });
  }

  emergency(): Card {
    const e = this.directory.partnership.emergency;
    const tel = (n: string) => n.replace(/[^\d+]/g, '');
    return renderCard(emergencyTemplate, {
      ...e,
      tel: { emergency: tel(e.emergencyNumber), outOfHours: tel(e.outOfHoursNumber), frontDoor: tel(e.frontDoorNumber) },
    });
  }

  step(form: FormDefinition, index: number, answers: Answers, options: { errors?: AnswerProblem[]; urgent?: boolean; verb: string; noun: string }): Card {
    const step = form.steps[index];
    const last = index === form.steps.length - 1;
    const errors = options.errors ?? [];
    const here = new Set(step.questions.map((q) => q.id));
    const beside = (id: string) =>
      errors
        .filter((e) => e.question === id)
        .map((e) => e.text)
        .join(' ');
    return renderCard(stepTemplate, {
      headline: `${options.noun}: step ${index + 1} of ${form.steps.length}`,
      stepTitle: step.title,
      urgent: !!options.urgent,
      hint: step.hint ?? '',
      errors: errors
        .filter((e) => !here.has(e.question))
        .map((e) => e.text)
        .join(' '),
      step: index,
      verb: options.verb,
      nextTitle: last ? 'Review' : 'Next',
      questions: step.questions.map((q) => ({
        id: q.id,
        type: q.type,
        label: limitOf(q) ? labelWithLimit(q.label, limitOf(q)!.max) : q.label,
        maxLength: limitOf(q)?.max ?? 0,
        value: answers[q.id] ?? (q.type === 'toggle' ? 'false' : ''),
        placeholder: q.placeholder ?? '',
        title: q.title ?? '',
        choices: q.choices ?? [],
        required: !!q.required,
        ifEmpty: `${q.label}: please answer.`,
        problem: beside(q.id),
      })),
    });
  }

  /** Every answer, by step, as a person reads them back. */
  private sections(form: FormDefinition, answers: Answers): ReferralReviewView['sections'] {
    return form.steps.map((s) => ({
      title: s.title,
      lines: s.questions
        .filter((q) => (answers[q.id] ?? '').trim() && !(q.type === 'toggle' && answers[q.id] !== 'true'))
        .map((q) => {
          const v = answers[q.id];
          const shown = q.type === 'choice' ? (q.choices?.find((c) => c.value === v)?.title ?? v) : q.type === 'toggle' ? 'yes' : v;
          return `${q.label}: ${shown}`;
        }),
    }));
  }

  review(form: FormDefinition, answers: Answers, urgent: boolean, kind: 'referral' | 'incident', draft: string): Card {
    return renderCard(reviewTemplate, {
      ...REVIEW_DEFAULTS,
      headline: kind === 'referral' ? 'Referral: check and submit' : 'Serious incident: check and submit',
      urgent,
      sections: this.sections(form, answers),
      note:
        kind === 'referral'
          ? 'Submitting sends it to the Front Door, who decide within one working day and tell you the outcome here.'
          : 'Submitting alerts the partnership at once.',
      canSubmit: true,
      submitTitle: kind === 'referral' ? 'Submit the referral' : 'Submit and alert the partnership',
      submitVerb: kind === 'referral' ? 'ref.submit' : 'si.submit',
      draft,
      stepVerb: kind === 'referral' ? 'ref.step' : 'si.step',
      lastStep: form.steps.length - 1,
    });
  }

  /** Where the strategy discussion the Front Door decided on stands: convened (which), or by when. */
  private discussionLine(r: Referral, now: Date): string {
    if (r.discussion)
      return `${r.discussion.reference}, convened ${this.calendar.describe(new Date(r.discussion.at))} by ${this.directory.person(r.discussion.chair)?.name ?? 'a chair'}`;
    if (!r.conveneBy) return 'Not convened yet.';
    const late = new Date(r.conveneBy).getTime() <= now.getTime() ? ' (overdue: the Front Door managers and the chairs’ managers were told)' : '';
    return `Not convened yet: a chair convenes it ${this.calendar.phrase(new Date(r.conveneBy), now)}${late}.`;
  }

  /** A chair's convene card once the discussion was convened (by them or another chair): nothing left to do on it. */
  convened(r: Referral): Card {
    const d = r.discussion!;
    return renderCard(supersededTemplate, {
      headline: `${r.reference}: convened as ${d.reference}`,
      line: `${this.directory.person(d.chair)?.name ?? 'A chair'} convened strategy discussion ${d.reference} ${this.calendar.describe(new Date(d.at))}. Type “record ${r.reference}” to see the referral.`,
    });
  }

  /** The referrer's receipt: the reference, what happens next and by when. */
  receipt(v: Receipt, now: Date): Card {
    const r = v.referral;
    const e = this.directory.partnership.emergency;
    return renderCard(receiptTemplate, {
      headline: `${r.reference}: referral submitted${r.urgent ? ', urgent' : ''}`,
      lines: [
        `Your referral is ${r.reference}. The Front Door will decide ${this.calendar.phrase(new Date(r.decideBy), now)} and you will be told here.`,
        ...(v.frontDoorPeople
          ? [
              `Concord cannot post in the Front Door channel yet, so it was sent to each Front Door person directly (${v.frontDoorPeople.join(', ')}); the channel gets it too once Concord can post there.`,
            ]
          : []),
        ...(v.outOfHours ? [`The Front Door is closed now: call the emergency duty team on ${e.outOfHoursNumber} as well.`] : []),
        `Quote ${r.reference}, not the child’s name, if you contact them.`,
      ],
    });
  }

  /** The referral as the Front Door or the referrer sees it. */
  /**
   * A referral as one viewer sees it. `userIds` (Teams ids, at most 60): the card refreshes itself
   * for them (Universal Actions) to the referral as it stands.
   */
  referral(form: FormDefinition, r: Referral, viewer: { frontDoor: boolean; chair: boolean }, now: Date, error = '', userIds: string[] = []): Card {
    const card = this.referralCard(form, r, viewer, now, error);
    if (!userIds.length || userIds.length > 60) return card;
    return { ...card, refresh: { action: { type: 'Action.Execute', title: 'Refresh', verb: 'ref.view', data: { ref: r.reference } }, userIds } };
  }

  private referralCard(form: FormDefinition, r: Referral, viewer: { frontDoor: boolean; chair: boolean }, now: Date, error: string): Card {
    const referrer = this.directory.person(r.referrer);
    const decided = r.decision
      ? `Decided ${this.calendar.describe(new Date(r.decision.at))} by ${this.directory.person(r.decision.by)?.name}: ${FRONT_DOOR_DECISIONS[r.decision.outcome]}. Why: ${r.decision.rationale}`
      : `To be decided ${this.calendar.phrase(new Date(r.decideBy), now)}.`;
    return renderCard(reviewTemplate, {
      ...REVIEW_DEFAULTS,
      headline: `${r.reference}: ${r.decision ? 'referral decided' : 'new referral'}${r.urgent ? ', urgent' : ''}`,
      urgent: r.urgent,
      reference: r.reference,
      sections: [
        {
          title: 'Referred by',
          lines: [
            `${referrer?.name}, ${referrer?.jobTitle}, ${referrer ? this.directory.agencyOf(referrer).name : ''}`,
            `Submitted ${this.calendar.describe(new Date(r.submittedAt))}`,
          ],
        },
        ...this.sections(form, r.answers),
        ...(viewer.frontDoor && r.known?.length ? [{ title: 'Known to Concord', lines: [`known: ${this.knownCases(r.known)}`] }] : []),
        { title: 'Front Door decision', lines: [decided] },
        ...(r.decision?.outcome === 'strategy-discussion' ? [{ title: 'Strategy discussion', lines: [this.discussionLine(r, now)] }] : []),
        ...(r.transfers?.length
          ? [{ title: 'Case transfer', lines: r.transfers.map((l) => `${l.reference} to ${l.to}, started ${this.calendar.describe(new Date(l.at))}`) }]
          : []),
      ],
      note: error,
      canDecide: viewer.frontDoor && !r.decision,
      canConvene: viewer.chair && r.decision?.outcome === 'strategy-discussion' && !r.discussion,
      canTransfer: (viewer.frontDoor || viewer.chair) && !!openElsewhereOf(r.answers),
      decisions: Object.entries(FRONT_DOOR_DECISIONS).map(([value, title]) => ({ value, title })),
    });
  }

  /** "REF-0003 (October 2026), SD-0002": the month a case with the same NHS number was made, where known. */
  private knownCases(known: { reference: string; at?: string }[]): string {
    return known.map((k) => (k.at ? `${k.reference} (${this.calendar.local(new Date(k.at)).toFormat('LLLL yyyy')})` : k.reference)).join(', ');
  }

  incident(form: FormDefinition, si: SeriousIncident, viewer: { admin: boolean }, now: Date): Card {
    const when = (iso?: string) => (iso ? this.calendar.describe(new Date(iso)) : '');
    const clock = (label: string, due: string | undefined, done: string | undefined) => {
      const state = met(done, due);
      if (!due) return `${label}: starts when the National Panel is notified.`;
      if (state === 'open')
        return `${label}: due ${this.calendar.phrase(new Date(due), now)}${now.toISOString() >= due ? ' (overdue: the statutory deadline was missed)' : ''}.`;
      return `${label}: done ${when(done)}, ${state === 'met' ? 'within' : 'after'} the deadline (${when(due)}).`;
    };
    return renderCard(reviewTemplate, {
      ...REVIEW_DEFAULTS,
      headline: `${si.reference}: serious incident reported`,
      reference: si.reference,
      sections: [
        { title: 'Reported by', lines: [`${this.directory.person(si.raisedBy)?.name}, ${when(si.raisedAt)}`] },
        {
          title: 'Statutory timescales',
          lines: [
            clock('Notify the National Panel (5 working days)', si.panelDueAt, si.panelNotifiedAt),
            clock('Rapid review (15 working days from notification)', si.rapidReviewDueAt, si.rapidReviewCompletedAt),
          ],
        },
        ...this.sections(form, si.answers),
      ],
      canNotify: viewer.admin && !si.panelNotifiedAt,
      canReview: viewer.admin && !!si.panelNotifiedAt && !si.rapidReviewCompletedAt,
    });
  }
}
