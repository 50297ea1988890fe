/**
 * Starting and filling in a referral: immediate danger first (the emergency route before any
 * question), then one step at a time; a draft is resumed where it was left.
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

  /** "refer": a draft is resumed where it was left; otherwise the danger question comes first. */
  async refer(actor: Actor): Promise<ReferralView> {
    const d = await this.session.draft(actor);
    return d ? this.session.show(d) : { kind: 'danger' };
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
    return this.session.start(actor, false);
  }

  resume(actor: Actor): Promise<ReferralView> {
    return this.session.start(actor, false);
  }

  step(actor: Actor, values: Record<string, string>, move: string, fromStep: number): Promise<ReferralView> {
    return this.session.move(actor, values, move, fromStep);
  }
}
