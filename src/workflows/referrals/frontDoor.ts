/**
 * The Front Door's side of a referral: who may see it, the decision with its rationale (the
 * referrer is told), and, once a strategy discussion is decided, a chair's pre-filled convene offer.
 */
import { decide, FRONT_DOOR_DECISIONS, maySeeReferral, Referral } from '../../domain/referral';
import { Invalid, Refused } from '../../domain/refusals';
import { FIELDS } from '../../domain/limits';
import { Actor } from '../actor';
import { Workflow, WorkflowServices } from '../workflow';
import { ReferralRepository } from './ports';
import { ConveneOffer, ReferralView, ReferralViewer } from './views';
import { StrategyHandOff } from './strategyHandOff';
import { showFrontDoor } from './frontDoorCard';
import { Person } from '../../domain/directory';
import { openElsewhereOf } from '../../domain/openElsewhere';

export class FrontDoor extends Workflow {
  constructor(
    services: WorkflowServices,
    private readonly store: ReferralRepository,
    private readonly handOff: StrategyHandOff,
  ) {
    super(services);
  }

  private async load(actor: Actor, reference: string): Promise<Referral> {
    const r = /^REF-\d{4,}$/.test(reference) ? await this.store.referral(reference) : undefined;
    if (!r || !maySeeReferral(r, actor.person))
      throw new Refused('not-involved', `You are not involved in ${reference}, so Concord cannot show it. You can see the referrals you made.`);
    return r;
  }

  private viewer(actor: Actor): ReferralViewer {
    return { frontDoor: actor.person.roles.includes('front-door'), chair: actor.person.roles.includes('chair') };
  }

  async view(actor: Actor, reference: string): Promise<ReferralView> {
    return { kind: 'referral', referral: await this.load(actor, reference), viewer: this.viewer(actor) };
  }

  async decide(actor: Actor, reference: string, outcome: string, rationale: string): Promise<ReferralView> {
    const before = await this.load(actor, reference);
    // The same decision again (Teams delivering the click twice, or a retry after a failure half-way):
    // nothing new is recorded, and whoever was not yet told is told.
    if (before.decision?.by === actor.person.aadObjectId && before.decision.outcome === outcome) {
      return { kind: 'referral', referral: await this.handOn(before), viewer: this.viewer(actor) };
    }
    let r: Referral;
    try {
      r = await this.store.updateReferral(reference, (cur) => decide(cur, actor.person, outcome, rationale, this.now()));
    } catch (e) {
      if (e instanceof Invalid) return { kind: 'referral', referral: before, viewer: this.viewer(actor), error: e.problems.join(' ') };
      throw e;
    }
    await this.access.note(actor, reference, 'referral.decided', FRONT_DOOR_DECISIONS[r.decision!.outcome]);
    return { kind: 'referral', referral: await this.handOn(r), viewer: this.viewer(actor) };
  }

  /** The referrer is told the decision, a strategy discussion is handed to the chairs, the Front Door's cards show it. Idempotent. */
  private async handOn(decided: Referral): Promise<Referral> {
    const { reference } = decided;
    await this.tell.tell([{ kind: 'ref.decided', key: `${reference}|decision`, about: reference, to: { person: decided.referrer }, referral: decided }]);
    const r = decided.decision!.outcome === 'strategy-discussion' ? await this.handOff.decided(reference) : decided;
    await showFrontDoor({ tell: this.tell, directory: this.directory }, r);
    return r;
  }

  /** "Strategy discussion" offers to convene one with the referral's details filled in. */
  async convene(actor: Actor, reference: string): Promise<ReferralView> {
    const r = await this.load(actor, reference);
    if (!actor.person.roles.includes('chair')) throw new Refused('not-chair', 'Only people with the chair role can convene a strategy discussion.');
    return conveneOffer(r, actor.person);
  }
}

/** A chair's convene form, filled in from the referral and linked to it. */
export function conveneOffer(r: Referral, chair: Person): ConveneOffer {
  const a = r.answers;
  return {
    kind: 'convene-offer',
    chair,
    referral: r.reference,
    purpose: `Referral ${r.reference}${r.urgent ? ' (urgent)' : ''}: ${a.whatHappened ?? ''}`.slice(0, FIELDS.purpose.max),
    referrer: r.referrer,
    babyOrUnborn: a.unborn === 'true',
    openElsewhere: openElsewhereOf(a),
  };
}
