import { withReassignedActions } from '../../src/domain/handover';
import { Acknowledgement, DifferenceRequest, DifferenceResolution, OutcomeVersion, StrategyDiscussion } from '../../src/domain/strategyDiscussion';
import { ActionDone, DiscussionRepository, InvitationAnswer } from '../../src/workflows/strategy/ports';

const copy = <T>(x: T): T => structuredClone(x);

/** The strategy discussion repository in memory, with the store's rules: each answer, version and mark is added once. */
export class InMemoryDiscussionRepository implements DiscussionRepository {
  private readonly discussions = new Map<string, StrategyDiscussion>();
  private readonly rows = new Map<string, unknown>();
  /** Set to make the next write of this kind fail, as storage can. */
  failNext?: 'addVersion';

  private once(key: string, row: unknown): boolean {
    if (this.rows.has(key)) return false;
    this.rows.set(key, copy(row));
    return true;
  }

  private of<T>(prefix: string): T[] {
    return [...this.rows].filter(([k]) => k.startsWith(prefix)).map(([, v]) => copy(v as T));
  }

  async get(reference: string): Promise<StrategyDiscussion | undefined> {
    const d = this.discussions.get(reference);
    if (!d) return undefined;
    const replies = this.of<InvitationAnswer>(`${reference}|reply|`);
    const done = this.of<ActionDone>(`${reference}|done|`);
    const versions = this.of<OutcomeVersion>(`${reference}|version|`)
      .sort((a, b) => a.version - b.version)
      .map((v) => ({
        ...v,
        outcome: {
          ...v.outcome,
          actions: v.outcome.actions.map((a) => {
            const mark = done.find((x) => x.version === v.version && x.actionId === a.id);
            return mark ? { ...a, done: { at: mark.at, by: mark.by } } : a;
          }),
        },
      }));
    return withReassignedActions({
      ...copy(d),
      invitees: d.invitees.map((i) => ({ ...i, reply: replies.find((r) => r.aadObjectId === i.aadObjectId)?.reply ?? i.reply })),
      versions,
      differenceRequests: this.of<DifferenceRequest>(`${reference}|request|`),
      resolutions: this.of<DifferenceResolution>(`${reference}|resolution|`),
    });
  }

  getRecent(reference: string): Promise<StrategyDiscussion | undefined> {
    return this.get(reference);
  }

  async create(d: StrategyDiscussion): Promise<void> {
    if (this.discussions.has(d.reference)) throw new Error(`${d.reference} exists`);
    this.discussions.set(d.reference, copy({ ...d, versions: [], differenceRequests: [] }));
  }

  async update(reference: string, change: (d: StrategyDiscussion) => StrategyDiscussion): Promise<StrategyDiscussion> {
    const current = await this.get(reference);
    if (!current) throw new Error(`${reference} does not exist`);
    const next = change(current);
    const stored = this.discussions.get(reference)!.invitees;
    const invitees = [...stored, ...next.invitees.filter((i) => !stored.some((s) => s.aadObjectId === i.aadObjectId))];
    this.discussions.set(reference, copy({ ...next, invitees, versions: [], differenceRequests: [] }));
    return next;
  }

  async addReply(reference: string, reply: InvitationAnswer): Promise<boolean> {
    return this.once(`${reference}|reply|${reply.aadObjectId}`, reply);
  }

  async addVersion(reference: string, version: OutcomeVersion): Promise<boolean> {
    if (this.failNext === 'addVersion') {
      this.failNext = undefined;
      throw new Error('storage did not answer');
    }
    return this.once(`${reference}|version|${String(version.version).padStart(4, '0')}`, version);
  }

  async addActionDone(reference: string, done: ActionDone): Promise<boolean> {
    return this.once(`${reference}|done|${done.version}|${done.actionId}`, done);
  }

  async addDifferenceRequest(reference: string, request: DifferenceRequest): Promise<boolean> {
    return this.once(`${reference}|request|${request.version}|${request.aadObjectId}`, request);
  }

  async addResolution(reference: string, resolution: DifferenceResolution): Promise<boolean> {
    return this.once(`${reference}|resolution|${resolution.difference}`, resolution);
  }

  async addAcknowledgement(reference: string, ack: Acknowledgement): Promise<boolean> {
    return this.once(`${reference}|ack|${ack.version}|${ack.aadObjectId}`, ack);
  }

  async acknowledgement(reference: string, version: number, aadObjectId: string): Promise<Acknowledgement | undefined> {
    const a = this.rows.get(`${reference}|ack|${version}|${aadObjectId}`) as Acknowledgement | undefined;
    return a && copy(a);
  }

  async acknowledgements(reference: string): Promise<Acknowledgement[]> {
    return this.of<Acknowledgement>(`${reference}|ack|`).sort((a, b) => a.version - b.version || a.at.localeCompare(b.at));
  }
}
