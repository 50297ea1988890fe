/**
 * Referral triage: a practitioner refers from chat, immediate danger first; the Front Door
 * decides within one working day, with a rationale; the referrer hears back in their chat.
 */
import { decide, FRONT_DOOR_DECISIONS, maySeeReferral, Referral } from '../domain/referral';
import { Invalid, Refused } from '../domain/refusals';
import { ReferralCards } from '../cards/referralCards';
import { StrategyCards } from '../cards/strategyCards';
import { ReferralStore } from '../store/referralStore';
import { Reply as CardReply } from './ports';
import { Actor } from './actor';
import { Workflow, WorkflowServices } from './workflow';
import { FormSession } from './formSession';
import { FIELDS } from '../domain/limits';

export class Referrals extends Workflow {
  constructor(
    services: WorkflowServices,
    private readonly session: FormSession,
    private readonly store: ReferralStore,
    private readonly cards: ReferralCards,
    private readonly strategyCards: StrategyCards,
  ) {
    super(services);
  }

  /** "refer": a draft is resumed where it was left; otherwise the danger question comes first. */
  async refer(actor: Actor): Promise<CardReply> {
    const d = await this.session.draft(actor);
    return d ? this.session.show(d) : { card: this.cards.danger() };
  }

  async danger(actor: Actor, answer: string): Promise<CardReply> {
    if (answer === 'yes') {
      await this.session.start(actor, true);
      await this.audit.record({ subject: 'referrals', action: 'referral.immediate-danger', actorAadObjectId: actor.person.aadObjectId, tenantId: actor.tenantId, activityId: actor.activityId });
      return { card: this.cards.emergency() };
    }
    return this.session.start(actor, false);
  }

  resume(actor: Actor): Promise<CardReply> {
    return this.session.start(actor, false);
  }

  step(actor: Actor, values: Record<string, string>, move: string, fromStep: number): Promise<CardReply> {
    return this.session.move(actor, values, move, fromStep);
  }

  async submit(actor: Actor): Promise<CardReply> {
    const d = await this.session.draft(actor);
    if (!d) return { message: 'That referral was already submitted. Type "refer" to make another.' };
    const problems = this.session.problems(d);
    if (problems.length) return this.session.show({ ...d, step: 0 }, problems);
    if (!(await this.session.claim(actor))) return { message: 'That referral was already submitted. Type "refer" to make another.' };
    const now = this.now();
    const r: Referral = {
      reference: await this.references.next('REF'),
      referrer: actor.person.aadObjectId,
      answers: d.answers,
      urgent: d.urgent,
      submittedAt: now.toISOString(),
      decideBy: this.calendar.endOfWorkingDayAfter(now, 1).toISOString(),
    };
    await this.store.createReferral(r);
    await this.access.note(actor, r.reference, 'referral.submitted', r.urgent ? 'urgent' : undefined);
    await this.jobs.schedule({ id: `ref|${r.reference}|deadline`, kind: 'ref.deadline', dueAt: new Date(r.decideBy), payload: { ref: r.reference } });
    const channel = this.directory.partnership.frontDoorChannelId;
    const frontDoor = this.directory.withRole('front-door').map((p) => p.aadObjectId);
    const message = { summary: `${r.reference}: new referral${r.urgent ? ', urgent' : ''}`, card: this.cards.referral(this.session.form, r, { frontDoor: true, chair: false }, now) };
    if (channel) await this.outbox.send({ key: `${r.reference}|front-door`, subject: r.reference, to: { channel }, message, reportTo: frontDoor });
    else await this.outbox.sendAll(frontDoor.map((id) => ({ key: `${r.reference}|front-door|${id}`, subject: r.reference, to: { person: id }, message })));
    return {
      message: `Your referral is ${r.reference}. The Front Door will decide ${this.calendar.phrase(new Date(r.decideBy), now)} and you will be told here. Quote ${r.reference}, not the child’s name, if you contact them.`,
    };
  }

  private async load(actor: Actor, reference: string): Promise<Referral> {
    const r = /^REF-\d{4,}$/.test(reference) ? await this.store.referral(reference) : undefined;
    if (!r || !maySeeReferral(r, actor.person)) throw new Refused('not-involved', `You are not involved in ${reference}, so Concord cannot show it. You can see the referrals you made.`);
    return r;
  }

  async view(actor: Actor, reference: string): Promise<CardReply> {
    const r = await this.load(actor, reference);
    return { card: this.cards.referral(this.session.form, r, this.viewer(actor), this.now()) };
  }

  private viewer(actor: Actor) {
    return { frontDoor: actor.person.roles.includes('front-door'), chair: actor.person.roles.includes('chair') };
  }

  async decide(actor: Actor, reference: string, outcome: string, rationale: string): Promise<CardReply> {
    const before = await this.load(actor, reference);
    let r: Referral;
    try {
      r = await this.store.updateReferral(reference, (cur) => decide(cur, actor.person, outcome, rationale, this.now()));
    } catch (e) {
      if (e instanceof Invalid) return { card: this.cards.referral(this.session.form, before, this.viewer(actor), this.now(), e.problems.join(' ')) };
      throw e;
    }
    const decision = r.decision!;
    await this.access.note(actor, reference, 'referral.decided', FRONT_DOOR_DECISIONS[decision.outcome]);
    await this.outbox.send({
      key: `${reference}|decision`,
      subject: reference,
      to: { person: r.referrer },
      message: { summary: `${reference}: the Front Door decided: ${FRONT_DOOR_DECISIONS[decision.outcome]}.`, detail: `Why: ${decision.rationale}` },
    });
    return { card: this.cards.referral(this.session.form, r, this.viewer(actor), this.now()) };
  }

  /** "Strategy discussion" offers to convene one with the referral's details filled in. */
  async convene(actor: Actor, reference: string): Promise<CardReply> {
    const r = await this.load(actor, reference);
    if (!actor.person.roles.includes('chair')) throw new Refused('not-chair', 'Only people with the chair role can convene a strategy discussion.');
    const a = r.answers;
    return {
      card: this.strategyCards.convene(actor.person, {
        purpose: `Referral ${r.reference}${r.urgent ? ' (urgent)' : ''}: ${a.whatHappened ?? ''}`.slice(0, FIELDS.purpose.max),
        invite_referrer: r.referrer,
        babyOrUnborn: a.unborn === 'true' ? 'true' : 'false',
      }),
    };
  }

  async deadlinePassed(p: { ref: string }): Promise<void> {
    const r = await this.store.referral(p.ref);
    if (!r || r.decision) return;
    const managers = this.directory.withRole('front-door').filter((x) => x.roles.includes('manager'));
    const tell = managers.length ? managers : this.directory.withRole('front-door');
    await this.audit.record({ subject: p.ref, action: 'referral.undecided-at-deadline' });
    await this.outbox.sendAll(
      tell.map((m) => ({
        key: `${p.ref}|chase|${m.aadObjectId}`,
        subject: p.ref,
        to: { person: m.aadObjectId },
        message: { summary: `${p.ref}: this referral${r.urgent ? ' (urgent)' : ''} was due a decision by the end of the working day and has none. Please decide it now.` },
      })),
    );
  }
}
