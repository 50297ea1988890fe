import { odata } from '@azure/data-tables';
import { Confirmation, Minutes } from '../domain/minutes';
import { encodeKey, isConflict, isNotFound, readJson, Tables, updateJson } from './tables';

/**
 * Minutes live in their discussion's partition: one document (drafts, versions, corrections)
 * under its etag, and one row per confirmation, created once.
 */
export class MinutesStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client('discussions');
  }

  /** False when the clock was already started: ending a discussion twice changes nothing. */
  async create(m: Minutes): Promise<boolean> {
    try {
      await this.client.createEntity({ partitionKey: encodeKey(m.reference), rowKey: 'minutes', json: JSON.stringify(m) });
      return true;
    } catch (e) {
      if (isConflict(e)) return false;
      throw e;
    }
  }

  async get(reference: string): Promise<Minutes | undefined> {
    const found = await readJson<Minutes>(this.client, encodeKey(reference), 'minutes');
    if (!found) return undefined;
    const { etag: _etag, ...m } = found;
    return m;
  }

  async update(reference: string, change: (m: Minutes) => Minutes): Promise<Minutes> {
    return (await updateJson<Minutes>(this.client, encodeKey(reference), 'minutes', change))!;
  }

  async confirm(reference: string, c: Confirmation): Promise<boolean> {
    try {
      await this.client.createEntity({ partitionKey: encodeKey(reference), rowKey: confirmKey(c.version, c.aadObjectId), json: JSON.stringify(c) });
      return true;
    } catch (e) {
      if (isConflict(e)) return false;
      throw e;
    }
  }

  async confirmation(reference: string, version: number, aadObjectId: string): Promise<Confirmation | undefined> {
    try {
      const e = await this.client.getEntity<{ json: string }>(encodeKey(reference), confirmKey(version, aadObjectId));
      return JSON.parse(e.json) as Confirmation;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  async confirmations(reference: string): Promise<Confirmation[]> {
    const out: Confirmation[] = [];
    const rows = this.client.listEntities<{ json: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${encodeKey(reference)} and RowKey ge 'mconfirm|' and RowKey lt 'mconfirm|~'` },
    });
    for await (const r of rows) out.push(JSON.parse(r.json) as Confirmation);
    return out;
  }

  /** Every discussion's minutes, for the partnership's measure. A scan: an administrator's report, not a hot path. */
  async all(): Promise<Minutes[]> {
    const out: Minutes[] = [];
    const rows = this.client.listEntities<{ json: string }>({ queryOptions: { filter: odata`RowKey eq 'minutes'` } });
    for await (const r of rows) out.push(JSON.parse(r.json) as Minutes);
    return out;
  }
}

const confirmKey = (version: number, aadObjectId: string) => `mconfirm|${String(version).padStart(4, '0')}|${encodeKey(aadObjectId.toLowerCase())}`;
