import { Acknowledgement, StrategyDiscussion } from '../domain/strategyDiscussion';
import { createOnce, encodeKey, listJson, readJson, Tables, updateJson } from './tables';

/**
 * Strategy discussions, one partition each: the discussion document (updated under its etag)
 * and one row per acknowledgement. An acknowledgement is created, never updated, under the key
 * (version, person): twenty people answering at once never contend, and the same click
 * delivered twice records once.
 */
/** How stale a discussion read for an acknowledgement may be: see `getRecent`. */
const RECENT_MS = 1000;

export class DiscussionStore {
  private readonly recent = new Map<string, { at: number; read: Promise<StrategyDiscussion | undefined> }>();

  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client('discussions');
  }

  async create(d: StrategyDiscussion): Promise<void> {
    await this.client.createEntity({ partitionKey: encodeKey(d.reference), rowKey: 'discussion', json: JSON.stringify(d) });
  }

  async get(reference: string): Promise<StrategyDiscussion | undefined> {
    return readJson<StrategyDiscussion>(this.client, encodeKey(reference), 'discussion');
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

  /** Applies a change under the etag, re-reading and re-applying if someone else wrote first. */
  async update(reference: string, change: (d: StrategyDiscussion) => StrategyDiscussion): Promise<StrategyDiscussion> {
    const updated = (await updateJson<StrategyDiscussion>(this.client, encodeKey(reference), 'discussion', change))!;
    this.recent.set(reference, { at: Date.now(), read: Promise.resolve(updated) });
    return updated;
  }

  /** False when this person already answered this version: the first answer stands. */
  addAcknowledgement(reference: string, ack: Acknowledgement): Promise<boolean> {
    return createOnce(this.client, encodeKey(reference), ackKey(ack.version, ack.aadObjectId), ack);
  }

  acknowledgement(reference: string, version: number, aadObjectId: string): Promise<Acknowledgement | undefined> {
    return readJson<Acknowledgement>(this.client, encodeKey(reference), ackKey(version, aadObjectId));
  }

  async acknowledgements(reference: string): Promise<Acknowledgement[]> {
    const all = await listJson<Acknowledgement>(this.client, encodeKey(reference), 'ack|');
    return all.sort((a, b) => a.version - b.version || a.at.localeCompare(b.at));
  }
}

const ackKey = (version: number, aadObjectId: string) => `ack|${String(version).padStart(4, '0')}|${encodeKey(aadObjectId.toLowerCase())}`;
