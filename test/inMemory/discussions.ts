import { Actor } from '../../src/workflows/actor';
import { AuditTrail } from '../../src/workflows/ports';
import { Acknowledgement, mustBeInvolved, StrategyDiscussion } from '../../src/domain/strategyDiscussion';

/** Strategy discussions in memory. */
export class InMemoryDiscussions {
  private readonly byRef = new Map<string, StrategyDiscussion>();
  constructor(discussions: StrategyDiscussion[] = []) {
    for (const d of discussions) this.add(d);
  }
  add(d: StrategyDiscussion): void {
    this.byRef.set(d.reference, structuredClone(d));
  }
  async get(reference: string): Promise<StrategyDiscussion | undefined> {
    const d = this.byRef.get(reference);
    return d && structuredClone(d);
  }
  async update(reference: string, change: (d: StrategyDiscussion) => StrategyDiscussion): Promise<StrategyDiscussion> {
    const next = change(structuredClone(this.byRef.get(reference)!));
    this.byRef.set(reference, structuredClone(next));
    return next;
  }
  /** The answers to each discussion's outcome, added by a test. */
  readonly answers: (Acknowledgement & { reference: string })[] = [];
  async acknowledgements(reference: string): Promise<Acknowledgement[]> {
    return this.answers.filter((a) => a.reference === reference);
  }
}

/** CaseAccess's load and note over in-memory discussions: only someone involved gets the case. */
export class InMemoryCaseAccess {
  constructor(
    private readonly discussions: InMemoryDiscussions,
    private readonly audit: AuditTrail,
  ) {}
  async load(actor: Actor, reference: string): Promise<StrategyDiscussion> {
    const d = await this.discussions.get(reference);
    mustBeInvolved(d, actor.person.aadObjectId, reference);
    return d;
  }
  async note(actor: Actor, subject: string, action: string, detail?: string): Promise<void> {
    await this.audit.record({ subject, action, actorAadObjectId: actor.person.aadObjectId, tenantId: actor.tenantId, activityId: actor.activityId, detail });
  }
}
