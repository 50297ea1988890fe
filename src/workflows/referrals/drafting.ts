/**
 * Starting and filling in a referral: immediate danger first (the emergency route before any
 * question, also when a draft is waiting), then one step at a time; a draft is resumed where it
 * was left, or discarded to start again.
 */
import { Actor } from '../actor';
import { Workflow, WorkflowServices } from '../workflow';
import { FormSession } from './formSession';
import { ReferralView } from './views';

export class ReferralDrafting extends Workflow {
  constructor(
    services: WorkflowServices,
    private readonly session: FormSession,
  ) {
    super(services);
  }

  /** "refer": the danger question comes first, whatever was saved before: a child may be in danger now. */
  refer(_actor: Actor): Promise<ReferralView> {
    return Promise.resolve({ kind: 'danger' });
  }

  async danger(actor: Actor, answer: string): Promise<ReferralView> {
    if (answer === 'yes') {
      await this.session.start(actor, true);
      await this.audit.record({
        subject: 'referrals',
        action: 'referral.immediate-danger',
        actorAadObjectId: actor.person.aadObjectId,
        tenantId: actor.tenantId,
        activityId: actor.activityId,
      });
      return { kind: 'emergency' };
    }
    const draft = await this.session.draft(actor);
    return draft ? { kind: 'draft-choice', savedAt: new Date(draft.updatedAt) } : this.session.start(actor, false);
  }

  /** "Start again": the saved draft is discarded and a new one begins at the first step. */
  async startAgain(actor: Actor): Promise<ReferralView> {
    // Taking the draft (as a submission does) is discarding it: a second click finds none to take.
    // It is offered only after "not in danger now", so the new referral starts as not urgent.
    await this.session.claim(actor);
    return this.session.start(actor, false);
  }

  resume(actor: Actor): Promise<ReferralView> {
    return this.session.start(actor, false);
  }

  step(actor: Actor, values: Record<string, string>, move: string, fromStep: number): Promise<ReferralView> {
    return this.session.move(actor, values, move, fromStep);
  }
}
