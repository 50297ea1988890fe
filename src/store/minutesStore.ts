import { odata } from '@azure/data-tables';
import { Confirmation, Minutes } from '../domain/minutes';
import { createOnce, encodeKey, listJson, readJson, Tables, updateJson } from './tables';

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
  create(m: Minutes): Promise<boolean> {
    return createOnce(this.client, encodeKey(m.reference), 'minutes', m);
  }

  get(reference: string): Promise<Minutes | undefined> {
    return readJson<Minutes>(this.client, encodeKey(reference), 'minutes');
  }

  async update(reference: string, change: (m: Minutes) => Minutes): Promise<Minutes> {
    return (await updateJson<Minutes>(this.client, encodeKey(reference), 'minutes', change))!;
  }

  confirm(reference: string, c: Confirmation): Promise<boolean> {
    return createOnce(this.client, encodeKey(reference), confirmKey(c.version, c.aadObjectId), c);
  }

  confirmation(reference: string, version: number, aadObjectId: string): Promise<Confirmation | undefined> {
    return readJson<Confirmation>(this.client, encodeKey(reference), confirmKey(version, aadObjectId));
  }

  confirmations(reference: string): Promise<Confirmation[]> {
    return listJson<Confirmation>(this.client, encodeKey(reference), 'mconfirm|');
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
