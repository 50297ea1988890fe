import { createHash } from 'node:crypto';

/**
 * How the audit trail is made tamper-evident: the shape of the chain that `AuditSealer` writes and
 * `verifyAuditTrail` walks.
 *
 * Every subject's partition is one chain. Once sealed, an event row carries its `position` in the
 * chain (1, 2, …), `prev` (the hash of the event before it) and `hash` (of its own content, its
 * key, its position and `prev`). Each chain's head is checkpointed twice: a row in the chain's
 * own partition, written in the same transaction as the events it seals, and a copy in the ledger
 * partition, so that deleting a whole partition, head included, is noticed too.
 *
 * The partition and row names below start with '|', which `encodeKey` never produces, so they
 * cannot collide with a subject or an event.
 */
export const HEAD_ROW = '|head';
/** One row per event not yet sealed: `<partition>|<event row key>`. */
export const PENDING_PARTITION = '|pending';
/** One row per chain (row key = the chain's partition): its last checkpointed count and hash. */
export const LEDGER_PARTITION = '|chains';

/** The fields of an event that the hash protects, beside its place in the chain. */
export const EVENT_FIELDS = ['at', 'action', 'actorAadObjectId', 'tenantId', 'activityId', 'detail'] as const;

export type EventRow = Record<string, unknown> & { partitionKey: string; rowKey: string };

export interface ChainHead {
  count: number;
  hash: string;
}

export interface ChainPlace {
  rowKey: string;
  position: number;
  prev: string;
}

export function eventHash(partitionKey: string, place: ChainPlace, row: Record<string, unknown>): string {
  const content = EVENT_FIELDS.map((f) => String(row[f] ?? ''));
  return createHash('sha256')
    .update(JSON.stringify([partitionKey, place.rowKey, place.position, place.prev, ...content]))
    .digest('hex');
}

export function isSealed(row: Record<string, unknown>): boolean {
  return typeof row.position === 'number' && row.position > 0;
}
