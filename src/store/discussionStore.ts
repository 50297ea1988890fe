import { withReassignedActions } from '../domain/handover';
import { Acknowledgement, DifferenceRequest, DifferenceResolution, OutcomeVersion, StrategyDiscussion } from '../domain/strategyDiscussion';
import { ActionDone, DiscussionRepository, InvitationAnswer } from '../workflows/strategy/ports';
import { createTogether, GroupCommit, Outcome } from './groupCommit';
import { createOnce, encodeKey, isConflict, isStale, jsonEntity, listJson, listRows, readJson, Tables, ConcurrencyError } from './tables';

/**
 * Strategy discussions, one partition each. The discussion itself (who, when, attendance) is one
 * small row changed under its etag by the chair alone. Everything that grows, or that many people
 * write at once, is a row of its own, created once and never rewritten: each invitee's reply,
 * each outcome version, each action marked done, each difference raised from an outcome, each
 * acknowledgement. So sixty people answering at once never contend, the same click delivered
 * twice records once, and no version copies another: the discussion cannot outgrow its storage.
 */
/** How stale a discussion read for an acknowledgement may be: see `getRecent`. */
const RECENT_MS = 1000;

const CORE = 'discussion';
/** The discussion's own rows sort right after it: one range query reads them all. */
const PART = 'discussion|';
const pad = (n: number) => String(n).padStart(4, '0');
const person = (aadObjectId: string) => encodeKey(aadObjectId.toLowerCase());
const replyKey = (aadObjectId: string) => `${PART}reply|${person(aadObjectId)}`;
const versionKey = (version: number) => `${PART}version|${pad(version)}`;
const doneKey = (version: number, actionId: string) => `${PART}done|${pad(version)}|${encodeKey(actionId)}`;
const requestKey = (version: number, aadObjectId: string) => `${PART}request|${pad(version)}|${person(aadObjectId)}`;
const resolutionKey = (difference: string) => `${PART}resolution|${encodeKey(difference)}`;

type Row = { rowKey: string; etag: string; doc: unknown };
type Answer = ReturnType<typeof jsonEntity>;

export class DiscussionStore implements DiscussionRepository {
  private readonly recent = new Map<string, { at: number; read: Promise<StrategyDiscussion | undefined> }>();

  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client('discussions');
  }

  async create(d: StrategyDiscussion): Promise<void> {
    await this.client.createEntity(jsonEntity(encodeKey(d.reference), CORE, { ...d, versions: [], differenceRequests: [] }));
  }

  /** The discussion row and its own rows, in one query. */
  private async rows(reference: string): Promise<{ core?: Row; parts: Row[] }> {
    const rows = await listRows<unknown>(this.client, encodeKey(reference), CORE, `${PART}~`);
    return { core: rows.find((r) => r.rowKey === CORE), parts: rows.filter((r) => r.rowKey.startsWith(PART)) };
  }

  async get(reference: string): Promise<StrategyDiscussion | undefined> {
    const { core, parts } = await this.rows(reference);
    return core && assemble(core.doc as StrategyDiscussion, parts);
  }

  /**
   * A read shared by everyone answering the same discussion within a second: fifty attendees
   * answering at once cost one read, not fifty. Safe for acknowledgements because an answer is
   * stored under its own version: if another instance amended the outcome within that second, the
   * answer is kept against the version the person saw, and they are asked again for the new one.
   */
  async getRecent(reference: string): Promise<StrategyDiscussion | undefined> {
    const hit = this.recent.get(reference);
    if (hit && Date.now() - hit.at < RECENT_MS) return hit.read;
    const read = this.get(reference);
    this.recent.set(reference, { at: Date.now(), read });
    read.catch(() => this.recent.delete(reference));
    if (this.recent.size > 1000) this.recent.delete(this.recent.keys().next().value!);
    return read;
  }

  /**
   * Changes the discussion's own fields (attendance, when it ended) under the etag, re-reading and
   * re-applying if someone else wrote first. Answers, versions and the rest are rows: use their
   * own methods; what `change` does to them is not written here.
   */
  async update(reference: string, change: (d: StrategyDiscussion) => StrategyDiscussion, attempts = 8): Promise<StrategyDiscussion> {
    for (let i = 0; i < attempts; i++) {
      const { core, parts } = await this.rows(reference);
      if (!core) throw new Error(`${reference} does not exist`);
      const stored = core.doc as StrategyDiscussion;
      const next = change(assemble(stored, parts));
      // Invitees only grow (someone invited after convening), and their replies are rows of their
      // own; versions and requests written here are a legacy document's.
      const invitees = [...stored.invitees, ...next.invitees.filter((i) => !stored.invitees.some((s) => s.aadObjectId === i.aadObjectId))];
      const row = { ...next, invitees, versions: stored.versions ?? [], differenceRequests: stored.differenceRequests ?? [] };
      try {
        if (JSON.stringify(row) !== JSON.stringify(stored)) {
          await this.client.updateEntity(jsonEntity(encodeKey(reference), CORE, row), 'Replace', { etag: core.etag });
        }
        this.recent.delete(reference);
        return next;
      } catch (e) {
        if (!isStale(e)) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * 20 * (i + 1)));
      }
    }
    throw new ConcurrencyError(reference);
  }

  /** False when this invitee already answered: the first answer stands. */
  async addReply(reference: string, reply: InvitationAnswer): Promise<boolean> {
    return this.created(reference, await createOnce(this.client, encodeKey(reference), replyKey(reply.aadObjectId), reply));
  }

  /** False when this version already exists: someone else recorded it first. */
  async addVersion(reference: string, version: OutcomeVersion): Promise<boolean> {
    return this.created(reference, await createOnce(this.client, encodeKey(reference), versionKey(version.version), version));
  }

  /** False when the action was already marked done: the first mark stands. */
  async addActionDone(reference: string, done: ActionDone): Promise<boolean> {
    return this.created(reference, await createOnce(this.client, encodeKey(reference), doneKey(done.version, done.actionId), done));
  }

  /** False when this person already raised a difference from this version. */
  async addDifferenceRequest(reference: string, request: DifferenceRequest): Promise<boolean> {
    return this.created(reference, await createOnce(this.client, encodeKey(reference), requestKey(request.version, request.aadObjectId), request));
  }

  /** False when this difference's resolution was already written back: the first stands. */
  async addResolution(reference: string, resolution: DifferenceResolution): Promise<boolean> {
    return this.created(reference, await createOnce(this.client, encodeKey(reference), resolutionKey(resolution.difference), resolution));
  }

  private created(reference: string, created: boolean): boolean {
    this.recent.delete(reference);
    return created;
  }

  /**
   * False when this person already answered this version: the first answer stands. Answers arriving
   * while another is being written are written together, one transaction per discussion.
   */
  async addAcknowledgement(reference: string, ack: Acknowledgement): Promise<boolean> {
    return this.answers.add(jsonEntity(encodeKey(reference), ackKey(ack.version, ack.aadObjectId), ack));
  }

  private readonly answers = new GroupCommit<Answer, boolean>(async (group) => {
    const outcomes = new Map<Answer, Outcome<boolean>>();
    const byDiscussion = new Map<string, Answer[]>();
    for (const a of group) byDiscussion.set(a.partitionKey, [...(byDiscussion.get(a.partitionKey) ?? []), a]);
    await Promise.all(
      [...byDiscussion.values()].map(async (answers) => {
        // A refused transaction is written one by one: each person's own "already answered" (409) stands.
        const errors = await createTogether(this.client, answers);
        answers.forEach((a, i) => outcomes.set(a, errors[i] === undefined ? { value: true } : isConflict(errors[i]) ? { value: false } : { error: errors[i] }));
      }),
    );
    return group.map((a) => outcomes.get(a)!);
  });

  acknowledgement(reference: string, version: number, aadObjectId: string): Promise<Acknowledgement | undefined> {
    return readJson<Acknowledgement>(this.client, encodeKey(reference), ackKey(version, aadObjectId));
  }

  async acknowledgements(reference: string): Promise<Acknowledgement[]> {
    const all = await listJson<Acknowledgement>(this.client, encodeKey(reference), 'ack|');
    return all.sort((a, b) => a.version - b.version || a.at.localeCompare(b.at));
  }
}

const ackKey = (version: number, aadObjectId: string) => `ack|${pad(version)}|${person(aadObjectId)}`;

/**
 * The discussion as the domain sees it: its row, with the rows that belong to it read back in.
 * A discussion stored before answers were rows keeps its own versions and replies, and gains the new.
 */
function assemble(stored: StrategyDiscussion, parts: Row[]): StrategyDiscussion {
  const of = <T>(kind: string) => parts.filter((p) => p.rowKey.startsWith(`${PART}${kind}|`)).map((p) => p.doc as T);
  const replies = new Map(of<InvitationAnswer>('reply').map((r) => [r.aadObjectId, r.reply]));
  const done = of<ActionDone>('done');
  const versions = [...(stored.versions ?? []), ...of<OutcomeVersion>('version')]
    .sort((a, b) => a.version - b.version)
    .map((v) => {
      const marks = done.filter((x) => x.version === v.version);
      if (!marks.length) return v;
      const actions = v.outcome.actions.map((a) => {
        const mark = a.done ? undefined : marks.find((x) => x.actionId === a.id);
        return mark ? { ...a, done: { at: mark.at, by: mark.by } } : a;
      });
      return { ...v, outcome: { ...v.outcome, actions } };
    });
  return withReassignedActions({
    ...stored,
    invitees: stored.invitees.map((i) => (i.reply === 'awaiting' && replies.has(i.aadObjectId) ? { ...i, reply: replies.get(i.aadObjectId)! } : i)),
    versions,
    differenceRequests: [...(stored.differenceRequests ?? []), ...of<DifferenceRequest>('request')].sort((a, b) => a.at.localeCompare(b.at)),
    resolutions: of<DifferenceResolution>('resolution').sort((a, b) => a.at.localeCompare(b.at)),
  });
}
