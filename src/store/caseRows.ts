import { odata } from '@azure/data-tables';
import type { CaseRows, StoredRow } from '../workflows/governance/ports';
import type { AuditRecord } from '../workflows/ports';
import { decodeKey, encodeKey, isNotFound, Tables, TableName, unpackJson } from './tables';

/**
 * Every case is one partition (its reference) in each table that holds case records: its
 * referral or incident, discussion, versions, answers and minutes, difference and log, transfer,
 * and the outcome of every message sent about it. So a case's whole record is read, or erased,
 * table by table with one partition query each.
 */
const CASE_TABLES: TableName[] = ['referrals', 'discussions', 'differences', 'transfers', 'deliveries'];
/** Any prefix and number: references of workflows added later (TR-…) are found too. */
const REFERENCE = /^[A-Z]{2,4}-\d{4,9}$/;
const SYSTEM = new Set(['partitionKey', 'rowKey', 'etag', 'timestamp', 'odata.etag', 'odata.metadata']);

/** A row's content as written: a JSON document (json, json1…) read back whole, otherwise its own properties. */
function contentOf(r: Record<string, unknown>): unknown {
  if (typeof r.json === 'string') return unpackJson(r);
  return Object.fromEntries(Object.entries(r).filter(([k]) => !SYSTEM.has(k)));
}

export class TableCaseRows implements CaseRows {
  constructor(private readonly tables: Tables) {}

  async references(): Promise<string[]> {
    const found = new Set<string>();
    for (const table of CASE_TABLES.filter((t) => t !== 'deliveries')) {
      for await (const r of this.tables.client(table).listEntities({ queryOptions: { select: ['PartitionKey'] } })) {
        const ref = decodeKey(r.partitionKey!);
        if (REFERENCE.test(ref)) found.add(ref);
      }
    }
    return [...found].sort();
  }

  private async *partition(table: TableName, reference: string) {
    yield* this.tables.client(table).listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${encodeKey(reference)}` } });
  }

  async rows(reference: string): Promise<StoredRow[]> {
    const out: StoredRow[] = [];
    for (const table of CASE_TABLES)
      for await (const r of this.partition(table, reference)) out.push({ table, key: decodeKey(r.rowKey!), content: contentOf(r) });
    return out;
  }

  async erase(reference: string): Promise<number> {
    let n = 0;
    for (const table of CASE_TABLES) {
      const client = this.tables.client(table);
      for await (const r of this.partition(table, reference)) {
        // Gone already (a second erasure at the same moment) is as good as deleted.
        await client.deleteEntity(r.partitionKey!, r.rowKey!).catch((e: unknown) => (isNotFound(e) ? undefined : Promise.reject(e)));
        n++;
      }
    }
    return n;
  }

  async rowsNaming(aadObjectId: string): Promise<(StoredRow & { reference: string })[]> {
    const id = aadObjectId.toLowerCase();
    const out: (StoredRow & { reference: string })[] = [];
    for (const table of CASE_TABLES) {
      for await (const r of this.tables.client(table).listEntities<Record<string, unknown>>()) {
        const reference = decodeKey(r.partitionKey!);
        if (!REFERENCE.test(reference)) continue;
        const content = contentOf(r);
        if (JSON.stringify(content).toLowerCase().includes(id)) out.push({ table, reference, key: decodeKey(r.rowKey!), content });
      }
    }
    return out;
  }

  async auditBy(aadObjectId: string): Promise<AuditRecord[]> {
    const out: AuditRecord[] = [];
    const rows = this.tables.client('audit').listEntities<Record<string, string>>({ queryOptions: { filter: odata`actorAadObjectId eq ${aadObjectId}` } });
    for await (const r of rows) {
      out.push({
        subject: decodeKey(r.partitionKey!),
        action: r.action,
        at: r.at,
        actorAadObjectId: r.actorAadObjectId,
        tenantId: r.tenantId,
        detail: r.detail,
      });
    }
    return out.sort((a, b) => a.at.localeCompare(b.at));
  }
}
