import type { TableName } from '../src/store/tables';

/** A row as read from a table, without its etag and timestamp. */
export interface Row {
  table: TableName;
  entity: Record<string, unknown>;
}

/** Rows that belong to the partnership, not to the case: counters, a month's figures, the nightly retention job, the NHS-number key. */
export function ofTheCase(r: Row): boolean {
  const pk = String(r.entity.partitionKey);
  const rk = String(r.entity.rowKey);
  if (r.table === 'counters' && pk === 'reference') return false;
  if (r.table === 'figures' && pk === 'months') return false;
  if (r.table === 'governance' && pk === 'key') return false;
  if (r.table === 'jobs' && rk.includes('retention')) return false;
  return true;
}

/** The case's rows under the n-th pair of references; ids that are not the case's get a suffix of n. */
export function cloneFor(rows: Row[], referral: string, discussion: string, n: number): Row[] {
  const ref = `REF-${String(n).padStart(5, '0')}`;
  const sd = `SD-${String(n).padStart(5, '0')}`;
  const hex = n.toString(16).padStart(6, '0');
  return rows.map(({ table, entity }) => {
    let text = JSON.stringify(entity).replaceAll(referral, ref).replaceAll(discussion, sd);
    // Keys that name neither reference: a form session (a UUID) and the NHS number's fingerprint.
    if (table === 'counters') text = text.replace(/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-)[0-9a-f]{6}/, `$1${hex}`);
    if (table === 'governance') text = text.replace(/(nhs\|[0-9a-f]+?)[0-9a-f]{6}"/, `$1${hex}"`);
    return { table, entity: JSON.parse(text) as Record<string, unknown> };
  });
}
