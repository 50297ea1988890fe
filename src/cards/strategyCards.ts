/**
 * View models for the strategy discussion cards. Every card's first line names only the case
 * reference and what is needed: it is what Teams shows in a notification.
 */
import type { MinutesLine } from '../workflows/minutes/record';
import { decodeOpenElsewhere, describeOpenElsewhere, FAMILY_MOVES, NO_OTHER_AUTHORITY, openElsewhereOf, OTHER_AUTHORITY_PLANS } from '../domain/openElsewhere';
import { randomUUID } from 'node:crypto';
import { WorkingCalendar } from '../domain/calendar';
import { Directory, Person } from '../domain/directory';
import {
  Acknowledgement,
  ANSWERS,
  ATTENDANCE,
  CORE_ROLES,
  currentVersion,
  DECISIONS,
  DifferenceResolution,
  INVITATION_REPLIES,
  Outcome,
  OutcomeVersion,
  resolutionsAwaitingAmendment,
  status,
  STATUS_WORDS,
  StrategyDiscussion,
  tally,
  THRESHOLDS,
} from '../domain/strategyDiscussion';
import { CARD_CHARS, renderCard } from './render';
import { FIELDS, inputsOf, labelWithLimit } from '../domain/limits';
import acknowledgeTemplate, { OUTCOME_CONTAINER } from './templates/strategy/acknowledge';
import acknowledgeOutcomeTemplate, { OutcomeView } from './templates/strategy/acknowledgeOutcome';
import actionDueTemplate from './templates/strategy/actionDue';
import attendanceTemplate from './templates/strategy/attendance';
import conveneTemplate from './templates/strategy/convene';
import convenedTemplate from './templates/strategy/convened';
import followUpDueTemplate from './templates/strategy/followUpDue';
import handoverTemplate from './templates/strategy/handover';
import invitationTemplate from './templates/strategy/invitation';
import outcomeFormTemplate from './templates/strategy/outcomeForm';
import recordTemplate from './templates/strategy/record';
import resolutionBackTemplate from './templates/strategy/resolutionBack';
import tallyTemplate from './templates/strategy/tally';
import supersededTemplate from './templates/superseded';

import { ACTION_ROWS } from '../workflows/strategy/forms';
import { CONVENE_STEPS, FormStep, OUTCOME_STEPS, stepCount } from '../workflows/strategy/formSteps';
import type { FieldProblem } from '../domain/refusals';
import { coreRolesFor } from '../domain/convening';

/** Where a form in steps is: its step (the review after the last), its draft's id, and what to put right. */
export interface FormState {
  step?: number;
  formId?: string;
  beside?: FieldProblem[];
  errors?: string[];
}

type Values = Partial<Record<string, string>>;
type Card = Record<string, unknown>;

export class StrategyCards {
  constructor(
    private readonly directory: Directory,
    private readonly calendar: WorkingCalendar,
  ) {}

  private choice(p: Person) {
    return { title: `${p.name}, ${p.jobTitle}, ${this.directory.agencyOf(p).name}`, value: p.aadObjectId };
  }

  /** Who can be invited for the other authority: its transfer contact and its staff, when they use Concord. */
  private otherAuthorityPeople(authority: string): Person[] {
    const a = this.directory.neighbouringAuthority(authority);
    return this.directory.data.people.filter((p) => !!a && (p.agency === a.agency || p.aadObjectId === a.transferContact.teams));
  }

  private roleLabel(role: string): string {
    return CORE_ROLES.find((r) => r.role === role)?.label ?? 'Invited';
  }

  /** "Step 2 of 5: …" for step `step` of these steps (the review after the last). */
  private progress(steps: FormStep<string>[], step: number, reviewTitle: string): string {
    return `Step ${step + 1} of ${stepCount(steps)}: ${steps[step]?.title ?? reviewTitle}`;
  }

  /**
   * A step of the convene form, or its review (`state.step` past the last step), from the chair's
   * draft; without one, its first step filled in with `values` (a chair's offer from a referral).
   */
  convene(chair: Person, values: Values = {}, state: FormState = {}): Card {
    const v = (k: string) => values[k] ?? '';
    const step = state.step ?? 0;
    const review = step >= CONVENE_STEPS.length;
    const fields = new Set<string>(CONVENE_STEPS[step]?.fields ?? []);
    const problem = (f: string) =>
      (state.beside ?? [])
        .filter((p) => p.field === f)
        .map((p) => p.text)
        .join(' ');
    const minuteTakers = [...this.directory.withRole('minute-taker'), chair].map((p) => this.choice(p));
    const everyone = this.directory.data.people.map((p) => this.choice(p));
    // From the referral (carried back), or as the chair answered on this form when there is none.
    const elsewhere = v('referral') ? decodeOpenElsewhere(values.openElsewhere) : openElsewhereOf(values);
    const roles = CORE_ROLES.filter((r) => r.role !== 'referrer' && (!r.openElsewhereOnly || elsewhere)).map((r) => ({
      role: r.role,
      label: r.babiesOnly
        ? `${r.label} (for a baby or unborn child)`
        : r.openElsewhereOnly
          ? `${r.label} (${this.directory.neighbouringAuthority(elsewhere!.authority)?.name ?? 'not in the directory'})`
          : r.label,
      reasonLabel: labelWithLimit(`If nobody is invited as ${r.label}, why not`, FIELDS.omissionReason.max),
      multi: true,
      value: v(`invite_${r.role}`),
      reason: v(`reason_${r.role}`),
      inviteProblem: problem(`invite_${r.role}`),
      reasonProblem: problem(`reason_${r.role}`),
      choices: (r.openElsewhereOnly ? this.otherAuthorityPeople(elsewhere!.authority) : this.directory.inAgencyOfType(...r.agencyTypes)).map((p) =>
        this.choice(p),
      ),
    }));
    roles.push({
      role: 'referrer',
      label: 'The referrer',
      reasonLabel: labelWithLimit('If the referrer is not invited, why not', FIELDS.omissionReason.max),
      multi: false,
      value: v('invite_referrer'),
      reason: v('reason_referrer'),
      inviteProblem: problem('invite_referrer'),
      reasonProblem: problem('reason_referrer'),
      choices: everyone,
    });
    const single = [
      'purpose',
      'date',
      'time',
      'minuteTaker',
      'babyOrUnborn',
      'invite_other',
      'otherAuthority',
      'otherAuthoritySince',
      'otherAuthorityPlan',
      'familyMoved',
    ] as const;
    return renderCard(conveneTemplate, {
      // One id per filled-in form (its draft's): submitted twice, it is one discussion.
      formId: state.formId || values.formId || randomUUID(),
      referral: v('referral'),
      followUpOf: v('followUpOf'),
      openElsewhere: v('openElsewhere'),
      referredBy: v('invite_referrer'),
      openElsewhereLine:
        elsewhere && (step === 0 || review || fields.has('invite_other-authority'))
          ? `${describeOpenElsewhere(elsewhere, this.directory)}. That authority is a core invitee: invite its contact, or say why not.`
          : '',
      progress: this.progress(CONVENE_STEPS, step, 'Check and convene'),
      step,
      intro: step === 0 || review,
      review,
      errors: (state.errors ?? []).join(' '),
      show: Object.fromEntries(single.map((f) => [f, fields.has(f)])) as Record<(typeof single)[number], boolean>,
      problem: Object.fromEntries(single.map((f) => [f, problem(f)])) as Record<(typeof single)[number], string>,
      f: inputsOf('purpose', 'omissionReason'),
      values: {
        purpose: v('purpose'),
        date: v('date'),
        time: v('time'),
        minuteTaker: v('minuteTaker'),
        babyOrUnborn: v('babyOrUnborn') || 'false',
        invite_other: v('invite_other'),
        otherAuthority: v('otherAuthority'),
        otherAuthoritySince: v('otherAuthoritySince'),
        otherAuthorityPlan: v('otherAuthorityPlan'),
        familyMoved: v('familyMoved'),
      },
      askElsewhere: !v('referral'),
      authorities: [
        { title: 'No, or not known', value: NO_OTHER_AUTHORITY },
        ...this.directory.neighbouringAuthorities().map((a) => ({ title: a.name, value: a.id })),
      ],
      otherPlans: Object.entries(OTHER_AUTHORITY_PLANS).map(([value, title]) => ({ title, value })),
      moves: Object.entries(FAMILY_MOVES).map(([value, title]) => ({ title, value })),
      minuteTakers,
      roles: roles.filter((r) => fields.has(`invite_${r.role}`)),
      everyone,
      facts: review ? this.conveneFacts(values, !!elsewhere) : [],
    });
  }

  /** The convene form's review: when, what about, and who is invited for each core role (or why nobody). */
  private conveneFacts(values: Values, openElsewhere: boolean): { title: string; value: string }[] {
    const v = (k: string) => values[k] ?? '';
    const names = (ids: string) =>
      ids
        .split(',')
        .filter(Boolean)
        .map((id) => this.directory.nameWithAgency(id))
        .join('; ');
    const when = v('date') ? this.calendar.fromLocal(v('date'), v('time') || '00:00') : undefined;
    const roles = coreRolesFor(v('babyOrUnborn') === 'true', openElsewhere).map((r) => ({
      title: r.label,
      value: names(v(`invite_${r.role}`)) || `Nobody: ${v(`reason_${r.role}`) || 'no reason given yet'}`,
    }));
    return [
      { title: 'When', value: when ? this.calendar.describe(when) : 'not given yet' },
      { title: 'What it is about', value: v('purpose') },
      { title: 'Minute-taker', value: v('minuteTaker') ? this.directory.nameWithAgency(v('minuteTaker')) : 'not chosen yet' },
      ...roles,
      ...(v('invite_other') ? [{ title: 'Others invited', value: names(v('invite_other')) }] : []),
    ];
  }

  convened(d: StrategyDiscussion, chairUserId?: string): Card {
    return renderCard(convenedTemplate, {
      reference: d.reference,
      userIds: chairUserId ? [chairUserId] : [],
      ended: !!d.endedAt,
      when: this.calendar.describe(new Date(d.scheduledAt)),
      warnings: d.warnings,
      invitees: d.invitees.map((i) => ({
        name: this.directory.nameWithAgency(i.aadObjectId),
        role: this.roleLabel(i.role),
        reply: INVITATION_REPLIES[i.reply],
      })),
      omissions: d.omissions.map((o) => ({ role: this.roleLabel(o.role), reason: o.reason })),
    });
  }

  /** The chair's card for handing over, changing the minute-taker, reassigning actions and inviting. */
  handover(d: StrategyDiscussion, errors: string[] = []): Card {
    const people = this.directory.data.people;
    const invited = new Set([d.chair, ...d.invitees.map((i) => i.aadObjectId)]);
    return renderCard(handoverTemplate, {
      reference: d.reference,
      errors: errors.join(' '),
      chair: d.chair,
      minuteTaker: d.minuteTaker,
      chairs: this.directory.withRole('chair').map((p) => this.choice(p)),
      minuteTakers: people.filter((p) => p.roles.includes('minute-taker') || p.roles.includes('chair')).map((p) => this.choice(p)),
      actions: (currentVersion(d)?.outcome.actions ?? [])
        .filter((a) => !a.done)
        .map((a) => ({ id: a.id, label: `Owner of ${a.id}: ${a.description}`, owner: a.ownerAadObjectId })),
      everyone: people.map((p) => this.choice(p)),
      invitable: people.filter((p) => !invited.has(p.aadObjectId)).map((p) => this.choice(p)),
    });
  }

  invitation(d: StrategyDiscussion, inviteeId: string): Card {
    const invitee = d.invitees.find((i) => i.aadObjectId === inviteeId);
    return renderCard(invitationTemplate, {
      reference: d.reference,
      when: this.calendar.describe(new Date(d.scheduledAt)),
      role: this.roleLabel(invitee?.role ?? 'other'),
      chair: this.directory.nameWithAgency(d.chair),
      minuteTaker: this.directory.nameWithAgency(d.minuteTaker),
      purpose: d.purpose,
      reply: invitee && invitee.reply !== 'awaiting' ? INVITATION_REPLIES[invitee.reply] : '',
      attendance: d.attendance ? ATTENDANCE[d.attendance[inviteeId] ?? 'absent'] : '',
    });
  }

  attendance(d: StrategyDiscussion, errors: string[] = []): Card {
    const fromReply = { attending: 'attended', apologies: 'apologies', 'information-only': 'information-only', awaiting: '' } as const;
    return renderCard(attendanceTemplate, {
      reference: d.reference,
      errors: errors.join(' '),
      invitees: d.invitees.map((i) => ({
        id: i.aadObjectId,
        name: this.directory.nameWithAgency(i.aadObjectId),
        value: d.attendance?.[i.aadObjectId] ?? fromReply[i.reply],
      })),
    });
  }

  /** A step of the outcome form, or its review (`state.step` past the last step), from the chair's draft. */
  outcomeForm(d: StrategyDiscussion, values: Values = {}, state: FormState = {}): Card {
    const current = currentVersion(d);
    const v = (k: string) => values[k] ?? '';
    const step = state.step ?? 0;
    const review = step >= OUTCOME_STEPS.length;
    const fields = new Set<string>(OUTCOME_STEPS[step]?.fields ?? []);
    const problem = (f: string) =>
      (state.beside ?? [])
        .filter((p) => p.field === f)
        .map((p) => p.text)
        .join(' ');
    const owners = [d.chair, ...d.invitees.map((i) => i.aadObjectId)]
      .map((id) => this.directory.person(id))
      .filter((p): p is Person => !!p)
      .map((p) => this.choice(p));
    const single = [
      'threshold',
      'rationale',
      'decision',
      'contributions',
      'familyShared',
      'familyDetail',
      'followUpDate',
      'followUpOwner',
      'amendmentReason',
      'noEnquiryReason',
    ] as const;
    return renderCard(outcomeFormTemplate, {
      reference: d.reference,
      title: current ? `amend the outcome (version ${current.version + 1})` : 'record the outcome',
      button: current ? 'Save the amendment and ask everyone again' : 'Record the outcome and ask attendees to acknowledge',
      amending: !!current,
      baseVersion: current?.version ?? 0,
      formId: state.formId ?? '',
      progress: this.progress(OUTCOME_STEPS, step, current ? 'Check and save the amendment' : 'Check and record'),
      step,
      review,
      errors: (state.errors ?? []).join(' '),
      show: Object.fromEntries(single.map((f) => [f, fields.has(f)])) as Record<(typeof single)[number], boolean>,
      problem: Object.fromEntries(single.map((f) => [f, problem(f)])) as Record<(typeof single)[number], string>,
      f: inputsOf('rationale', 'action', 'contributions', 'familyDetail', 'amendmentReason', 'noEnquiryReason'),
      values: Object.fromEntries(single.map((f) => [f, v(f)])) as Record<(typeof single)[number], string>,
      thresholds: Object.entries(THRESHOLDS).map(([value, title]) => ({ value, title })),
      decisions: Object.entries(DECISIONS).map(([value, title]) => ({ value, title })),
      owners,
      actionRows: Array.from({ length: ACTION_ROWS }, (_, i) => i + 1)
        .filter((n) => fields.has(`action_${n}_text`))
        .map((n) => ({
          n,
          label: labelWithLimit(`Action ${n}`, FIELDS.action.max),
          text: v(`action_${n}_text`),
          owner: v(`action_${n}_owner`),
          due: v(`action_${n}_due`),
          textProblem: problem(`action_${n}_text`),
          ownerProblem: problem(`action_${n}_owner`),
          dueProblem: problem(`action_${n}_due`),
        })),
      facts: review ? this.outcomeFacts(values, !!current) : [],
    });
  }

  /** The outcome form's review: what attendees will be asked to acknowledge. */
  private outcomeFacts(values: Values, amending: boolean): { title: string; value: string }[] {
    const v = (k: string) => values[k] ?? '';
    const actions = Array.from({ length: ACTION_ROWS }, (_, i) => i + 1)
      .filter((n) => v(`action_${n}_text`).trim())
      .map((n) => ({
        title: `Action ${n}`,
        value: `${v(`action_${n}_text`)}. Owner ${this.directory.nameWithAgency(v(`action_${n}_owner`))}, due ${v(`action_${n}_due`) ? this.day(v(`action_${n}_due`)) : 'no date'}`,
      }));
    return [
      { title: 'Threshold', value: THRESHOLDS[v('threshold') as keyof typeof THRESHOLDS] ?? '' },
      { title: 'Decision', value: DECISIONS[v('decision') as keyof typeof DECISIONS] ?? '' },
      ...(v('noEnquiryReason').trim() ? [{ title: 'No s47 enquiry although the threshold is met, because', value: v('noEnquiryReason') }] : []),
      ...actions,
      { title: 'The family', value: `${v('familyShared') === 'yes' ? 'shared' : 'not shared'}: ${v('familyDetail')}` },
      ...(v('followUpDate')
        ? [
            {
              title: 'Follow-up',
              value: `${this.day(v('followUpDate'))}, owned by ${v('followUpOwner') ? this.directory.nameWithAgency(v('followUpOwner')) : 'the chair'}`,
            },
          ]
        : []),
      ...(amending ? [{ title: 'Why it is amended', value: v('amendmentReason') }] : []),
    ];
  }

  private outcomeParts(o: Outcome): Pick<OutcomeView, 'facts' | 'rationale' | 'actions' | 'contributions' | 'family'> {
    return {
      facts: [
        { title: 'Threshold', value: THRESHOLDS[o.threshold] },
        { title: 'Decision', value: DECISIONS[o.decision] },
        // Flagged to everyone asked to acknowledge: s47(1) is a duty to enquire once the threshold is met.
        ...(o.noEnquiryReason ? [{ title: 'No s47 enquiry although the threshold is met, because', value: o.noEnquiryReason }] : []),
        ...(o.followUpDate
          ? [
              {
                title: 'Follow-up',
                value: `${this.day(o.followUpDate)}, owned by ${o.followUpOwner ? this.directory.nameWithAgency(o.followUpOwner) : 'the chair'}`,
              },
            ]
          : []),
      ],
      rationale: o.rationale,
      actions: o.actions.map(
        (a) => `${a.id}: ${a.description}. Owner ${this.directory.nameWithAgency(a.ownerAadObjectId)}, due ${this.day(a.dueDate)}${a.done ? ' (done)' : ''}`,
      ),
      contributions: o.contributions,
      family: o.family.shared ? `shared: ${o.family.detail}` : `not shared: ${o.family.detail}`,
    };
  }

  private day(isoDate: string): string {
    return this.calendar.local(this.calendar.fromLocal(isoDate)!).toFormat('cccc d LLLL yyyy');
  }

  /** The attendee's own view of one outcome version: the question, or their answer. */
  acknowledgement(
    d: StrategyDiscussion,
    version: OutcomeVersion,
    person: { aadObjectId: string; userId?: string },
    ack: Acknowledgement | undefined,
    options: { headline?: string; error?: string } = {},
  ): Card {
    const current = currentVersion(d)!;
    const superseded = version.version !== current.version;
    if (superseded) {
      return renderCard(supersededTemplate, {
        headline: `${d.reference}: replaced by version ${current.version}`,
        line: `The outcome was amended on ${this.calendar.describe(new Date(current.recordedAt))}. Open the card for version ${current.version}, further down this chat, and answer that one.`,
      });
    }
    const request = d.differenceRequests.find((r) => r.aadObjectId === person.aadObjectId && r.version === version.version);
    const card = renderCard(acknowledgeTemplate, {
      reference: d.reference,
      version: version.version,
      userIds: person.userId ? [person.userId] : [],
      headline: options.headline ?? (ack ? `${d.reference}: your acknowledgement is recorded` : `${d.reference}: the outcome needs your acknowledgement`),
      error: options.error ?? '',
      f: inputsOf('acknowledgementNote'),
      canAnswer: !ack,
      yourAnswer: ack ? `Your answer: ${ANSWERS[ack.answer]}${ack.note ? `: “${ack.note}”` : ''} (${this.calendar.describe(new Date(ack.at))})` : '',
      canRaiseDifference: ack?.answer === 'different' && !request,
      differenceLine: request
        ? `You raised professional difference ${request.difference ?? ''} on ${this.calendar.describe(new Date(request.at))}. It is on the record.`
        : ack?.answer === 'different'
          ? 'Your different understanding is on the record and the chair has been told. If it is not resolved, raise a professional difference.'
          : '',
    });
    const outcome = (card.body as { id?: string; items?: unknown[] }[]).find((e) => e.id === OUTCOME_CONTAINER)!;
    outcome.items = this.outcomeElements(d, version);
    return card;
  }

  /**
   * The outcome's elements, expanded once per discussion read and version, not once per person:
   * everyone answering within the same second shares one read (DiscussionStore.getRecent), and
   * the fan-out of a new version tells everyone from one. A later read (an action marked done, a
   * new chair) is a new object, expanded afresh.
   */
  private readonly outcomes = new WeakMap<StrategyDiscussion, Map<number, unknown[]>>();

  private outcomeElements(d: StrategyDiscussion, version: OutcomeVersion): unknown[] {
    const byVersion = this.outcomes.get(d) ?? new Map<number, unknown[]>();
    this.outcomes.set(d, byVersion);
    let items = byVersion.get(version.version);
    if (!items) {
      const expanded = renderCard(acknowledgeOutcomeTemplate, {
        version: version.version,
        when: this.calendar.describe(new Date(d.scheduledAt)),
        chair: this.directory.nameWithAgency(d.chair),
        amendmentReason: version.amendmentReason ?? '',
        ...this.outcomeParts(version.outcome),
      });
      items = expanded.body as unknown[];
      byVersion.set(version.version, items);
    }
    return items;
  }

  /** The card of a chair who handed the discussion over: who chairs it now, nothing to click. */
  handedOver(d: StrategyDiscussion): Card {
    return renderCard(supersededTemplate, {
      headline: `${d.reference}: now chaired by ${this.directory.person(d.chair)?.name ?? 'another chair'}`,
      line: `You handed this strategy discussion over. Type “record ${d.reference}” to see it as it is now.`,
    });
  }

  tally(d: StrategyDiscussion, acks: Acknowledgement[], chairUserId?: string): Card {
    const v = currentVersion(d)!;
    const t = tally(d, acks);
    const s = status(d, acks);
    return renderCard(tallyTemplate, {
      reference: d.reference,
      ended: !!d.endedAt,
      userIds: chairUserId ? [chairUserId] : [],
      status: STATUS_WORDS[s],
      statusColour: s === 'disputed' ? 'Attention' : s === 'agreed-by-all' ? 'Good' : 'Default',
      version: v.version,
      decision: DECISIONS[v.outcome.decision],
      agreed: String(t.agreed),
      agreedWithNote: String(t.agreedWithNote),
      different: String(t.different),
      notAnsweredCount: String(t.notAnswered.length),
      answers: t.answers
        .filter((a) => a.ack)
        .map((a) => `${this.directory.nameWithAgency(a.aadObjectId)}: ${ANSWERS[a.ack!.answer]}${a.ack!.note ? `: “${a.ack!.note}”` : ''}`),
      waitingFor: t.notAnswered.map((id) => this.directory.nameWithAgency(id)).join(', '),
    });
  }

  /** The record's status: after a difference raised from it ended, never a bare "Disputed" as if nothing happened. */
  private statusLine(d: StrategyDiscussion, acks: Acknowledgement[]): string {
    const words = STATUS_WORDS[status(d, acks)];
    const pending = resolutionsAwaitingAmendment(d);
    if (!pending.length) return words;
    return `${words}, then ${pending.map((r) => `${r.difference} ${r.how} ${this.calendar.describe(new Date(r.at))}`).join('; ')}: the chair is asked to amend the outcome`;
  }

  /**
   * The record card: whole while it fits a Teams message. A discussion amended again and again
   * with long outcomes would not (Teams refuses the message outright), so then each replaced
   * version is shown by its heading and a pointer to the export, which always holds every version
   * whole; the current version stays whole.
   */
  record(d: StrategyDiscussion, acks: Acknowledgement[], minutes: MinutesLine[] = []): Card {
    const whole = this.recordCard(
      d,
      acks,
      minutes.map((l) => l.whole),
      false,
    );
    if (JSON.stringify(whole).length <= CARD_CHARS) return whole;
    // Then the minutes' corrections too, oldest first, by their heading and where they are whole.
    const shortenable = minutes.flatMap((l, i) => (l.short ? [i] : []));
    for (let named = 0; named <= shortenable.length; named++) {
      const shortened = new Set(shortenable.slice(0, named));
      const card = this.recordCard(
        d,
        acks,
        minutes.map((l, i) => (shortened.has(i) ? l.short! : l.whole)),
        true,
      );
      if (JSON.stringify(card).length <= CARD_CHARS) return card;
    }
    // So many corrections that even their names do not fit: one line for them all, where the first was.
    const folded = minutes.flatMap((l, i) =>
      !l.short
        ? [l.whole]
        : i === shortenable[0]
          ? [`${shortenable.length} corrections to the minutes: each, and who asked, is in the export (“export ${d.reference}”).`]
          : [],
    );
    return this.recordCard(d, acks, folded, true);
  }

  private recordCard(d: StrategyDiscussion, acks: Acknowledgement[], minutesLines: string[], replacedInShort: boolean): Card {
    const current = d.versions.length;
    return renderCard(recordTemplate, {
      minutes: minutesLines,
      reference: d.reference,
      status: this.statusLine(d, acks),
      links: this.links(d),
      canTransfer: !!d.openElsewhere,
      when: this.calendar.describe(new Date(d.scheduledAt)),
      chair: this.directory.nameWithAgency(d.chair),
      minuteTaker: this.directory.nameWithAgency(d.minuteTaker),
      purpose: d.purpose,
      people: d.invitees.map(
        (i) =>
          `${this.directory.nameWithAgency(i.aadObjectId)}, ${this.roleLabel(i.role)}: ${d.attendance ? ATTENDANCE[d.attendance[i.aadObjectId] ?? 'absent'] : INVITATION_REPLIES[i.reply]}`,
      ),
      omissions: d.omissions.map((o) => `${this.roleLabel(o.role)}, because ${o.reason}`),
      handovers: (d.handovers ?? []).map((h) => {
        const when = this.calendar.describe(new Date(h.at));
        const who = (id: string | undefined) => this.directory.person(id)?.name ?? 'someone';
        if (h.kind === 'invited') return `${when}: ${who(h.by)} invited ${who(h.to)}${h.joined ? ', who joined after attendance was recorded' : ''}.`;
        const what = h.kind === 'chair' ? 'the chair' : h.kind === 'minute-taker' ? 'the minutes' : `action ${h.actionId}`;
        return `${when}: ${who(h.by)} handed ${what} from ${who(h.from)} to ${who(h.to)}.`;
      }),
      versions: d.versions.map((v) => {
        if (replacedInShort && v.version < current)
          return {
            version: v.version,
            recorded: this.calendar.describe(new Date(v.recordedAt)),
            amendmentReason: '',
            summary: `Replaced by version ${v.version + 1}. Too long to show here with the versions after it: this version and every answer to it are in the export, whole (“export ${d.reference}”).`,
            actions: [],
            answers: [],
          };
        const parts = this.outcomeParts(v.outcome);
        return {
          version: v.version,
          recorded: this.calendar.describe(new Date(v.recordedAt)),
          amendmentReason: v.amendmentReason ?? '',
          summary: `${parts.facts.map((f) => `${f.title}: ${f.value}`).join('. ')}. Why: ${parts.rationale}`,
          actions: parts.actions,
          answers: acks
            .filter((a) => a.version === v.version)
            .map(
              (a) =>
                `${this.directory.nameWithAgency(a.aadObjectId)}: ${ANSWERS[a.answer]}${a.note ? `: “${a.note}”` : ''} (${this.calendar.describe(new Date(a.at))})`,
            ),
        };
      }),
      differences: [
        ...d.differenceRequests.map(
          (r) =>
            `${this.directory.nameWithAgency(r.aadObjectId)} raised professional difference ${r.difference ?? ''} about version ${r.version}: “${r.understood}”`,
        ),
        ...this.resolutionLines(d),
      ],
    });
  }

  /** The chair: a difference raised from the discussion ended; the way to amend the outcome. */
  resolutionBack(d: StrategyDiscussion, r: DifferenceResolution, headline: string): Card {
    const o = currentVersion(d)?.outcome;
    return renderCard(resolutionBackTemplate, {
      headline,
      reference: d.reference,
      about: `${r.difference}, ${r.how} on ${this.calendar.describe(new Date(r.at))}, raised from ${r.from === 'outcome' ? 'the outcome' : 'the minutes'}:`,
      resolution: `“${r.text}”`,
      decision: o ? `${DECISIONS[o.decision]} (version ${currentVersion(d)!.version})` : 'none recorded',
    });
  }

  /** What the record says of each difference that ended: its resolution, and whether the outcome was amended since. */
  private resolutionLines(d: StrategyDiscussion): string[] {
    const v = currentVersion(d)?.version ?? 0;
    return (d.resolutions ?? []).map(
      (r) =>
        `${r.difference}, raised from ${r.from === 'outcome' ? 'this outcome' : 'these minutes'}, was ${r.how} on ${this.calendar.describe(new Date(r.at))}: “${r.text}”. ${
          r.version >= v ? `Version ${v} predates it: the chair is asked to amend the outcome.` : `The outcome was amended since (now version ${v}).`
        }`,
    );
  }

  /** The follow-up's owner: it is due, with a button to convene it. */
  followUpDue(d: StrategyDiscussion, date: string, headline: string): Card {
    return renderCard(followUpDueTemplate, {
      headline,
      reference: d.reference,
      date: this.day(date),
      chair: this.directory.nameWithAgency(d.chair),
      purpose: d.purpose,
    });
  }

  /** The hand-offs on either side of a discussion, as the record shows them. */
  links(d: StrategyDiscussion): string[] {
    return [
      ...(d.openElsewhere ? [describeOpenElsewhere(d.openElsewhere, this.directory)] : []),
      ...(d.transfers ?? []).map((l) => `Case transfer ${l.reference} to ${l.to}, started ${this.calendar.describe(new Date(l.at))}`),
      ...(d.referral ? [`Convened from referral ${d.referral}`] : []),
      ...(d.followUpOf ? [`The follow-up agreed at ${d.followUpOf}`] : []),
      ...(d.followUp ? [`Its follow-up: ${d.followUp.reference}, convened ${this.calendar.describe(new Date(d.followUp.at))}`] : []),
    ];
  }

  /** A card of an action its reader no longer owns: whose it is now, nothing to click. */
  actionHandedOn(d: StrategyDiscussion, actionId: string, headline: string): Card {
    const a = currentVersion(d)!.outcome.actions.find((x) => x.id === actionId)!;
    const h = [...(d.handovers ?? [])].reverse().find((x) => x.kind === 'action' && x.actionId === actionId);
    return renderCard(supersededTemplate, {
      headline,
      line: `${a.description}: handed to ${this.directory.nameWithAgency(a.ownerAadObjectId)}${h ? ` by ${this.directory.nameWithAgency(h.by)} on ${this.calendar.describe(new Date(h.at))}` : ''}.`,
    });
  }

  /** A reminder of a follow-up that is convened now: which discussion it is, nothing left to convene. */
  followUpConvened(followUp: StrategyDiscussion, headline: string): Card {
    return renderCard(supersededTemplate, {
      headline,
      line: `Type “record ${followUp.reference}” to open it.`,
    });
  }

  actionDue(d: StrategyDiscussion, actionId: string, headline: string): Card {
    const a = currentVersion(d)!.outcome.actions.find((x) => x.id === actionId)!;
    return renderCard(actionDueTemplate, {
      headline,
      reference: d.reference,
      actionId,
      description: a.description,
      due: this.day(a.dueDate),
      chair: this.directory.nameWithAgency(d.chair),
      doneLine: a.done ? `Done: marked by ${this.directory.nameWithAgency(a.done.by)} on ${this.calendar.describe(new Date(a.done.at))}` : '',
    });
  }
}
