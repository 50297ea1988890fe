/**
 * The identifiers of the (fictional) child the tests type into Concord, in one place, and the
 * check that none of them, nor anything shaped like an NHS number, ever reaches an audit row.
 * Every end-to-end world runs the check when it stops.
 */
import { decodeKey, Tables } from '../../src/store/tables';

export const CHILD = {
  name: 'Alex Example',
  dateOfBirth: '2026-06-14',
  address: '1 Example Road, Westmoor',
  nhsNumber: '943 476 5919',
  /** Also identifying: the child's mother, as the referral tests name her. */
  mother: 'Sam Example',
};

const IDENTIFIERS = [CHILD.name, CHILD.dateOfBirth, '14 June 2026', '14/06/2026', CHILD.address, 'Example Road', CHILD.mother];
/** A name cut short still names the child: error messages quote the first ten or so characters of their input. */
const NAME_PREFIXES = [CHILD.name, CHILD.mother, CHILD.address].map((n) => n.slice(0, 8));

/** Ten digits, grouped 3-3-4 or not, and not part of a longer number. */
const NHS_NUMBER_SHAPE = /(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)/;

/** What in this text identifies the test child, or looks like an NHS number. */
export function childIdentifiersIn(text: string): string[] {
  const lower = text.toLowerCase();
  const found = IDENTIFIERS.filter((i) => lower.includes(i.toLowerCase()));
  if (!found.length) found.push(...NAME_PREFIXES.filter((i) => lower.includes(i.toLowerCase())));
  const nhs = NHS_NUMBER_SHAPE.exec(text);
  return nhs ? [...found, `an NHS-number-shaped "${nhs[0]}"`] : found;
}

/** The audit fields a person or the code writes; keys, times and hashes are Concord's own. */
const SCANNED = ['action', 'detail', 'actorAadObjectId', 'tenantId', 'activityId'] as const;

/** Every audit row that holds a child identifier, described as "subject action: what was found". */
export async function auditRowsWithChildIdentifiers(tables: Tables): Promise<string[]> {
  const leaks: string[] = [];
  for await (const r of tables.client('audit').listEntities<Record<string, unknown>>()) {
    // Concord's own bookkeeping partitions (pending markers, the ledger) start with '|'.
    if (r.partitionKey!.startsWith('|')) continue;
    const subject = decodeKey(r.partitionKey!);
    const text = [subject, ...SCANNED.map((f) => String(r[f] ?? ''))].join('\n');
    const found = childIdentifiersIn(text);
    if (found.length) leaks.push(`${subject} ${String(r.action)}: ${found.join(', ')}`);
  }
  return leaks;
}
