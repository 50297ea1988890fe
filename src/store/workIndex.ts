import { odata } from '@azure/data-tables';
import { IndexedCase, WorkIndex } from '../workflows/worklist/ports';
import { encodeKey, isNotFound, isStale, Tables } from './tables';

/**
 * The worklist index: one partition a holder (a person's Entra id, or a role's holder key), one
 * small row a case. Indexing again rewrites the row (a new etag), so a case that gains work while
 * someone's list is dropping it as settled stays indexed.
 */
export class WorkIndexStore implements WorkIndex {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client('worklists');
  }

  async casesOf(holder: string): Promise<IndexedCase[]> {
    const out: IndexedCase[] = [];
    const rows = this.client.listEntities<{ reference: string }>({ queryOptions: { filter: odata`PartitionKey eq ${key(holder)}` } });
    for await (const r of rows) out.push({ reference: r.reference, version: r.etag });
    return out;
  }

  async add(holders: string[], reference: string): Promise<void> {
    const at = new Date().toISOString();
    await Promise.all(
      [...new Set(holders)].map((h) => this.client.upsertEntity({ partitionKey: key(h), rowKey: encodeKey(reference), reference, at }, 'Replace')),
    );
  }

  async remove(holder: string, indexed: IndexedCase): Promise<void> {
    try {
      await this.client.deleteEntity(key(holder), encodeKey(indexed.reference), { etag: indexed.version });
    } catch (e) {
      if (!isStale(e) && !isNotFound(e)) throw e;
    }
  }
}

const key = (holder: string) => encodeKey(holder.toLowerCase());
