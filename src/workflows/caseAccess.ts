import { isInvolved, mustBeInvolved, StrategyDiscussion } from '../domain/strategyDiscussion';
import { maySee } from '../domain/professionalDifference';
import { Refused } from '../domain/refusals';
import { isCaseReference, referenceForAudit } from '../domain/caseReference';
import { AuditTrail, Reply as CardReply } from './ports';
import { DifferencesRaisedFrom, DiscussionRepository } from './strategy/ports';
import { Actor } from './actor';
import { coveredBy } from '../domain/cover';
import type { CoverLookup } from './cover';

/**
 * What every step on a case shares: loading it only for someone involved, turning a refusal into
 * a clear message and an audit event, and recording what was done.
 */
export class CaseAccess {
  constructor(
    private readonly discussions: DiscussionRepository,
    private readonly audit: AuditTrail,
    private readonly differences?: DifferencesRaisedFrom,
    /** Who is away now: whoever covers someone involved acts for them, so the case opens for them too. */
    private readonly cover?: CoverLookup,
  ) {}

  async guard(actor: Actor, reference: string, step: () => Promise<CardReply>): Promise<CardReply> {
    try {
      return await step();
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      // Only someone shown to be involved writes into a case's trail; anything else, and anything
      // that is not a case reference, goes to the access log.
      const aboutAccess = e.reason === 'not-involved' || e.reason === 'invalid-input' || !isCaseReference(reference);
      await this.audit.record({
        subject: aboutAccess ? 'access' : reference,
        action: `refused.${e.reason}`,
        actorAadObjectId: actor.person.aadObjectId,
        tenantId: actor.tenantId,
        activityId: actor.activityId,
        detail: e.detail ?? (e.reason === 'not-involved' ? `asked for ${referenceForAudit(reference)}` : undefined),
      });
      return { message: e.message };
    }
  }

  /** The discussion, for someone involved in it; anyone else is refused without learning whether it exists. */
  async load(actor: Actor, reference: string, recent = false): Promise<StrategyDiscussion> {
    const valid = /^SD-\d{4,}$/.test(reference);
    const d = valid ? await (recent ? this.discussions.getRecent(reference) : this.discussions.get(reference)) : undefined;
    if (d && (await this.judgesADifferenceFrom(d, actor.person.aadObjectId))) return d;
    if (d && this.coversSomeoneIn(d, actor.person.aadObjectId)) return d;
    mustBeInvolved(d, actor.person.aadObjectId, reference);
    return d;
  }

  /**
   * Everyone at any stage of a professional difference raised from this discussion may read it:
   * a manager asked to judge a dispute about a decision must be able to read the decision.
   */
  private async judgesADifferenceFrom(d: StrategyDiscussion, aadObjectId: string): Promise<boolean> {
    if (isInvolved(d, aadObjectId) || !this.differences) return false;
    return (await this.differences.raisedFrom(d.reference)).some((pd) => maySee(pd, aadObjectId));
  }

  /**
   * The chair, minute-taker, referrer or an invitee is away and this person covers them: a chase
   * they were sent as cover (the follow-up to convene, an action due) must open for them.
   */
  private coversSomeoneIn(d: StrategyDiscussion, aadObjectId: string): boolean {
    if (!this.cover || isInvolved(d, aadObjectId)) return false;
    const { directory, calendar, now } = this.cover;
    const people = [d.chair, d.minuteTaker, d.referrer, ...d.invitees.map((i) => i.aadObjectId)].filter((p): p is string => !!p);
    return !!coveredBy(directory, calendar, aadObjectId, people, now());
  }

  /** Audits a step; every step that records something is noted right after its write. */
  async note(actor: Actor, subject: string, action: string, detail?: string): Promise<void> {
    if (!READS.has(action)) actor.recorded = subject;
    await this.audit.record({ subject, action, actorAadObjectId: actor.person.aadObjectId, tenantId: actor.tenantId, activityId: actor.activityId, detail });
  }
}

/** Audited reads: noting them records nothing of the person's. */
const READS = new Set(['record.viewed', 'record.exported']);
