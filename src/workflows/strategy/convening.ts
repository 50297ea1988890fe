/** Convening a strategy discussion and answering its invitation. */
import { randomUUID } from 'node:crypto';
import { convene } from '../../domain/convening';
import { isChoice } from '../../domain/choices';
import { Invalid, Refused, unexpectedInput } from '../../domain/refusals';
import { openElsewhereOf } from '../../domain/openElsewhere';
import { INVITATION_REPLIES, InvitationReply, pendingFollowUp, StrategyDiscussion } from '../../domain/strategyDiscussion';
import { Actor } from '../actor';
import { ConveneForm, conveneRequest, followUpForm } from './forms';
import { StrategyUseCase } from './useCase';
import { StrategyView } from './views';
import { chaseTo } from '../cover';
import { coveredBy } from '../../domain/cover';

export class Convening extends StrategyUseCase {
  conveneForm(actor: Actor): StrategyView {
    if (!actor.person.roles.includes('chair')) {
      throw new Refused(
        'not-chair',
        'Only people with the chair role can convene a strategy discussion. Ask your team manager, or the partnership administrator to give you the role.',
      );
    }
    return { kind: 'convene-form', chair: actor.person };
  }

  /** Convenes the discussion and invites everyone named; the same form submitted twice is one discussion. */
  async convene(actor: Actor, form: ConveneForm): Promise<StrategyView> {
    this.conveneForm(actor);
    const { directory, calendar, references, discussions } = this.ports;
    const request = conveneRequest(form, actor.person.aadObjectId, calendar);
    if (request.referral) {
      await this.ports.referrals.mayConvene(request.referral);
      // The referral, not the card, says whether the other authority is a core invitee.
      request.openElsewhere = await this.ports.referrals.openElsewhere(request.referral);
    } else {
      // No referral asked: the chair answers the referral's question on the form.
      request.openElsewhere = openElsewhereOf(form);
      if (request.openElsewhere && !directory.neighbouringAuthority(request.openElsewhere.authority))
        throw unexpectedInput('"otherAuthority" is not a neighbouring authority');
    }
    if (request.followUpOf) await this.followUpOf(actor, request.followUpOf);
    try {
      // Checked before a reference is spent, so a mistake does not leave a gap in the numbering.
      convene(request, 'SD-0000', directory, this.now());
    } catch (e) {
      if (e instanceof Invalid) return { kind: 'convene-form', chair: actor.person, values: form, errors: e.problems };
      throw e;
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
    return { kind: 'convened', discussion: d };
  }

  /** The follow-up agreed at `reference`, as a convene form filled in from that discussion and linked to it. */
  async followUpForm(actor: Actor, reference: string): Promise<StrategyView> {
    this.conveneForm(actor);
    const d = await this.followUpOf(actor, reference);
    return { kind: 'convene-form', chair: actor.person, values: followUpForm(d, pendingFollowUp(d)!.date, this.ports.calendar) };
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
      await discussions.update(d.followUpOf, (first) => (first.followUp ? first : { ...first, followUp }));
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
