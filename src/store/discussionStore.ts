import { odata } from '@azure/data-tables';
import { Acknowledgement, StrategyDiscussion } from '../domain/strategyDiscussion';
import { encodeKey, isConflict, isNotFound, readJson, Tables, updateJson } from './tables';

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
    const found = await readJson<StrategyDiscussion>(this.client, encodeKey(reference), 'discussion');
    if (!found) return undefined;
    const { etag: _etag, ...d } = found;
    return d;
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
  async addAcknowledgement(reference: string, ack: Acknowledgement): Promise<boolean> {
    try {
      await this.client.createEntity({ partitionKey: encodeKey(reference), rowKey: ackKey(ack.version, ack.aadObjectId), json: JSON.stringify(ack) });
      return true;
    } catch (e) {
      if (isConflict(e)) return false;
      throw e;
    }
  }

  async acknowledgement(reference: string, version: number, aadObjectId: string): Promise<Acknowledgement | undefined> {
    try {
      const e = await this.client.getEntity<{ json: string }>(encodeKey(reference), ackKey(version, aadObjectId));
      return JSON.parse(e.json) as Acknowledgement;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  async acknowledgements(reference: string): Promise<Acknowledgement[]> {
    const out: Acknowledgement[] = [];
    const rows = this.client.listEntities<{ json: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${encodeKey(reference)} and RowKey ge 'ack|' and RowKey lt 'ack|~'` },
    });
    for await (const r of rows) out.push(JSON.parse(r.json) as Acknowledgement);
    return out.sort((a, b) => a.version - b.version || a.at.localeCompare(b.at));
  }
}

const ackKey = (version: number, aadObjectId: string) => `ack|${String(version).padStart(4, '0')}|${encodeKey(aadObjectId.toLowerCase())}`;
