/** Convening a strategy discussion and answering its invitation. */
import { randomUUID } from 'node:crypto';
import { convene } from '../../domain/convening';
import { isChoice } from '../../domain/choices';
import { Invalid, Refused, unexpectedInput } from '../../domain/refusals';
import { openElsewhereOf } from '../../domain/openElsewhere';
import { INVITATION_REPLIES, InvitationReply, pendingFollowUp, StrategyDiscussion } from '../../domain/strategyDiscussion';
import { Actor } from '../actor';
import { ConveneForm, conveneRequest, followUpForm } from './forms';
import { CONVENE_STEPS, FormSteps, notInProgress, problemsOf } from './formSteps';
import { StrategyUseCase } from './useCase';
import { StrategyView } from './views';
import { followUpCardKeys } from './notices';
import { chaseTo } from '../cover';
import { coveredBy } from '../../domain/cover';

/** The key of a chair's convene draft: one per case it is convened from (a referral, a first discussion), or none. */
const draftKey = (form: ConveneForm) => `convene|${form.referral || form.followUpOf || 'new'}`;
/** What a convene form was opened from: kept in its draft, not asked on a step. */
const origin = (form: ConveneForm): ConveneForm => ({
  referral: form.referral ?? '',
  followUpOf: form.followUpOf ?? '',
  openElsewhere: form.openElsewhere ?? '',
  invite_referrer: form.referredBy ?? '',
});

export class Convening extends StrategyUseCase {
  private readonly steps = new FormSteps(CONVENE_STEPS, this.ports.drafts, this.ports.now);

  /** Refused unless the person has the chair role. */
  mayConvene(actor: Actor): void {
    if (!actor.person.roles.includes('chair')) {
      throw new Refused(
        'not-chair',
        'Only people with the chair role can convene a strategy discussion. Ask your team manager, or the partnership administrator to give you the role.',
      );
    }
  }

  /** "strategy": the chair's convene form, where they left it if they started one. */
  async conveneForm(actor: Actor): Promise<StrategyView> {
    this.mayConvene(actor);
    return { kind: 'convene-form', chair: actor.person, ...(await this.steps.open(draftKey({}), actor, () => ({}))) };
  }

  /** A step's card sent back (the first step's may start the chair's draft for its case): kept, checked, moved on or back. */
  async conveneStep(actor: Actor, form: ConveneForm, step: number, move: 'next' | 'back'): Promise<StrategyView> {
    this.mayConvene(actor);
    if (form.referral) await this.ports.referrals.mayConvene(form.referral);
    const key = draftKey(form);
    let draft = await this.steps.draft(key, actor);
    if (step > 0 && draft?.id !== form.formId) throw notInProgress('convene form');
    draft ??= this.steps.start(key, actor, origin(form), form.formId || undefined);
    const moved = await this.steps.move(draft, step, move, form, (answers) => problemsOf(() => this.check(actor, answers)));
    return { kind: 'convene-form', chair: actor.person, ...moved };
  }

  /** The domain's rules over the answers so far, as they will be checked when convening. */
  private async check(actor: Actor, form: ConveneForm): Promise<void> {
    const request = conveneRequest(form, actor.person.aadObjectId, this.ports.calendar);
    request.openElsewhere = await this.openElsewhere(form);
    convene(request, 'SD-0000', this.ports.directory, this.now());
  }

  /** Whether another local authority is a core invitee: the referral says, or else the chair on the form. */
  private async openElsewhere(form: ConveneForm) {
    // The referral, not the card, says whether the other authority is a core invitee.
    if (form.referral) return this.ports.referrals.openElsewhere(form.referral);
    // No referral asked: the chair answers the referral's question on the form.
    const answer = openElsewhereOf(form);
    if (answer && !this.ports.directory.neighbouringAuthority(answer.authority)) throw unexpectedInput('"otherAuthority" is not a neighbouring authority');
    return answer;
  }

  /**
   * Convenes the discussion and invites everyone named; the same form submitted twice is one
   * discussion. The answers are the chair's draft of this form (a card of the whole form, from
   * before forms came in steps, is read as it is).
   */
  async convene(actor: Actor, card: ConveneForm): Promise<StrategyView> {
    this.mayConvene(actor);
    const { directory, calendar, references, discussions } = this.ports;
    const key = draftKey(card);
    const saved = await this.steps.draft(key, actor);
    const inProgress = saved && saved.id === card.formId ? saved : undefined;
    if (!inProgress && card.formId) {
      // Its draft is gone because it was convened: a second click shows that discussion.
      const given = await references.given('SD', card.formId);
      const existing = given && (await discussions.get(given));
      if (existing) return { kind: 'convened', discussion: existing };
    }
    const form: ConveneForm = inProgress ? { ...inProgress.answers, formId: inProgress.id } : card;
    const request = conveneRequest(form, actor.person.aadObjectId, calendar);
    if (request.referral) await this.ports.referrals.mayConvene(request.referral);
    request.openElsewhere = await this.openElsewhere(form);
    if (request.followUpOf) await this.followUpOf(actor, request.followUpOf);
    try {
      // Checked before a reference is spent, so a mistake does not leave a gap in the numbering.
      convene(request, 'SD-0000', directory, this.now());
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      const draft = inProgress ?? this.steps.start(key, actor, form, form.formId || undefined);
      return { kind: 'convene-form', chair: actor.person, ...(await this.steps.putRight(draft, e, 'convening')) };
    }
    const { reference, first } = await references.forForm('SD', form.formId || randomUUID());
    if (!first) {
      const existing = await discussions.get(reference);
      if (existing) {
        await this.handedOver(existing);
        return { kind: 'convened', discussion: existing };
      }
      // The reference was reserved but the discussion never stored (a failure in between): this
      // click finishes convening it under the same reference, rather than calling it submitted.
    }
    const d: StrategyDiscussion = convene(request, reference, directory, this.now());
    try {
      await discussions.create(d);
    } catch (e) {
      // A second click racing the first: the discussion the first one stored is the answer.
      const stored = await discussions.get(reference);
      if (stored) return { kind: 'convened', discussion: stored };
      throw e;
    }
    await this.note(actor, d.reference, 'convened', `${d.invitees.length} invited; ${d.omissions.length} core roles left out with a reason`);
    await this.handedOver(d);
    await this.tell.tell(
      d.invitees.map((i) => ({
        kind: 'sd.invitation' as const,
        key: `${d.reference}|invitation|${i.aadObjectId}`,
        about: d.reference,
        // Someone away is invited through their cover, who answers for their place (replyToInvitation).
        ...chaseTo(this.ports, i.aadObjectId),
        reportTo: [d.chair],
        discussion: d,
        invitee: i.aadObjectId,
      })),
    );
    if (inProgress) await this.steps.done(key, actor);
    return { kind: 'convened', discussion: d };
  }

  /** The follow-up agreed at `reference`, as a convene form filled in from that discussion and linked to it (where the chair left it, if started). */
  async followUpForm(actor: Actor, reference: string): Promise<StrategyView> {
    this.mayConvene(actor);
    const d = await this.followUpOf(actor, reference);
    const prefill = () => followUpForm(d, pendingFollowUp(d)!.date, this.ports.calendar);
    return { kind: 'convene-form', chair: actor.person, ...(await this.steps.open(draftKey({ followUpOf: reference }), actor, prefill)) };
  }

  /** The discussion a follow-up is convened from: the person is involved in it, and its follow-up is agreed and not yet convened. */
  private async followUpOf(actor: Actor, reference: string): Promise<StrategyDiscussion> {
    const d = await this.load(actor, reference);
    if (d.followUp) throw new Refused('old-version', `The follow-up of ${reference} was already convened: ${d.followUp.reference}.`);
    if (!pendingFollowUp(d)) throw new Refused('no-outcome', `No follow-up discussion is agreed in the outcome of ${reference}.`);
    return d;
  }

  /**
   * What the discussion was convened from learns of it, and its own chase is set: its time passed
   * with no outcome recorded, the chair and their manager hear, then the manager above a working day
   * later. Again after a failure half-way: each step is idempotent.
   */
  private async handedOver(d: StrategyDiscussion): Promise<void> {
    const { calendar, schedule, discussions } = this.ports;
    if (d.referral) await this.ports.referrals.convened(d.referral, d);
    if (d.followUpOf) {
      const followUp = { reference: d.reference, at: d.convenedAt };
      const first = await discussions.update(d.followUpOf, (cur) => (cur.followUp ? cur : { ...cur, followUp }));
      // The reminders that offered to convene it say which discussion it is, with nothing to click.
      if (first.followUp?.reference === d.reference)
        await Promise.all(
          followUpCardKeys(first).map((key) =>
            this.tell.replace({ kind: 'sd.follow-up-convened', key, about: first.reference, to: { person: first.chair }, discussion: first, followUp: d }),
          ),
        );
    }
    // Two working hours for the discussion and its record, then the end of that working day. One job
    // (one write in the chair's click): the first chase sets the next, if it is needed.
    const notHeld = calendar.endOfWorkingDayAfter(calendar.addWorkingHours(new Date(d.scheduledAt), 2), 0);
    await schedule.schedule({ id: `sd|${d.reference}|not-held|1`, kind: 'sd.not-held', dueAt: notHeld, payload: { ref: d.reference, step: 1 } });
  }

  async replyToInvitation(actor: Actor, reference: string, reply: string): Promise<StrategyView> {
    const d = await this.load(actor, reference);
    const invitee = this.answeringFor(d, actor.person.aadObjectId);
    if (!invitee) throw new Refused('not-invitee', `Only the people invited to ${reference} can answer its invitation.`);
    if (!isChoice(INVITATION_REPLIES, reply) || reply === 'awaiting') throw new Invalid(['Choose one of the answers.']);
    // A row of its own, created once: sixty invitees answering at once never contend, and a
    // second click (or Teams delivering the click again) leaves the first answer standing.
    const awaiting = d.invitees.some((i) => i.aadObjectId === invitee && i.reply === 'awaiting');
    if (awaiting && (await this.ports.discussions.addReply(reference, { aadObjectId: invitee, reply, at: this.now().toISOString() }))) {
      const words = INVITATION_REPLIES[reply as InvitationReply];
      await this.note(actor, reference, 'invitation.answered', invitee === actor.person.aadObjectId ? words : `${words}, as cover for ${invitee}`);
      this.ports.chairCards.soon(reference);
    }
    return { kind: 'invitation', discussion: (await this.ports.discussions.get(reference))!, invitee };
  }

  /** Whose invitation this person answers: their own, or that of an invitee away whom they cover now. */
  private answeringFor(d: StrategyDiscussion, me: string): string | undefined {
    if (d.invitees.some((i) => i.aadObjectId === me)) return me;
    const awaiting = d.invitees.filter((i) => i.reply === 'awaiting').map((i) => i.aadObjectId);
    return coveredBy(this.ports.directory, this.ports.calendar, me, awaiting, this.now());
  }
}
