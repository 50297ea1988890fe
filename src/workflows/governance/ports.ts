import type { AuditRecord } from '../ports';

/**
 * What information governance needs from storage, in its own words: the thread of one child's
 * cases, the keyed fingerprints of NHS numbers, legal holds, tombstones, and every row a case has.
 */

/** Why two cases are on one thread (kept beside the link, for the record). */
export type LinkReason = 'started-from' | 'nhs-number' | 'by-hand';

/**
 * One child, one thread: the cases that concern the same child. Any workflow that starts a case
 * from another adds the link with one call: `threads.link(from, started, 'started-from')`.
 */
export interface CaseThreads {
  /** Links two cases both ways; linking again changes nothing (not even why they were linked). False when they already were. */
  link(a: string, b: string, why: LinkReason): Promise<boolean>;
  /** Every case on this case's thread, directly linked or through others, in reference order, itself excluded. */
  thread(reference: string): Promise<string[]>;
  /** Removes a case from every thread (its erasure): the links are about it. */
  unlink(reference: string): Promise<void>;
}

/** An earlier case that gave the same NHS number, and when. */
export interface KnownCase {
  reference: string;
  at: string;
}

/**
 * NHS numbers, kept only as a keyed hash (HMAC-SHA256 under a partnership key), so storage alone
 * cannot tell whose number it is, yet the same number finds the same cases.
 */
export interface NhsNumbers {
  /** The earlier cases with this number; this case is remembered with it from now on. */
  remember(nhsNumber: string, reference: string, at: string): Promise<KnownCase[]>;
  forget(reference: string): Promise<void>;
}

export interface LegalHold {
  reference: string;
  /** Why (a review, court proceedings): typed by an administrator, so kept here and never in the audit trail. */
  reason: string;
  by: string;
  at: string;
}

/** What is left of a record deleted under a retention rule or erased: no content, only that it was and why it went. */
export interface Tombstone {
  /** The case reference, or `draft <id>` for an unsubmitted form. */
  reference: string;
  /** In words: "referral", "strategy discussion", "unsubmitted referral draft"… */
  type: string;
  /** When the record was first made and last changed, as far as Concord knew. */
  opened?: string;
  lastActivity?: string;
  deletedAt: string;
  /** "deleted under the retention rule …" or "erased on a request under UK GDPR Article 17". */
  why: string;
  /** The other cases on its thread when it went. */
  thread?: string[];
}

/** Erasing a thread takes seconds; a mark older than this was left by a process that stopped. */
export const ERASING_MS = 10 * 60_000;

export interface GovernanceRecords {
  holds(): Promise<LegalHold[]>;
  /** Places the hold, or returns the one already on the case, unchanged: a hold is placed once. */
  hold(h: LegalHold): Promise<LegalHold | undefined>;
  /** False when there was no hold. */
  lift(reference: string): Promise<boolean>;
  /**
   * Marks a case as being deleted or erased, before its holds are read for the last time: a hold
   * placed meanwhile sees the mark and is withdrawn, and a deletion that sees a hold stops, so no
   * hold is ever answered "placed" on records that then go. Returns the mark, to remove after.
   */
  startErasing(reference: string, at: Date): Promise<string>;
  /** Whether a mark made in the last ERASING_MS is on the case (one left by a crash lapses). */
  erasing(reference: string, now: Date): Promise<boolean>;
  finishErasing(mark: string): Promise<void>;
  bury(t: Tombstone): Promise<void>;
  tombstone(reference: string): Promise<Tombstone | undefined>;
}

/** One stored row of a case, as it is, for a subject access export. */
export interface StoredRow {
  /** Where it is kept: discussions, differences, referrals, deliveries. */
  table: string;
  key: string;
  content: unknown;
}

/** Every case's rows, wherever they are kept (each case is one partition in each table). */
export interface CaseRows {
  /** Every case reference Concord holds records of. */
  references(): Promise<string[]>;
  rows(reference: string): Promise<StoredRow[]>;
  /** Deletes every row of the case from every table; the audit trail stays (it holds nothing that identifies a child). */
  erase(reference: string): Promise<number>;
  /** The rows, in any case, that name this person (by Entra object id). */
  rowsNaming(aadObjectId: string): Promise<(StoredRow & { reference: string })[]>;
  /** Every audit event of this person's actions, in any trail. */
  auditBy(aadObjectId: string): Promise<AuditRecord[]>;
}

/** Unsubmitted forms, for their retention rule. */
export interface Drafts {
  all(): Promise<{ id: string; formId: string; referrer: string; startedAt: string; updatedAt: string }[]>;
  remove(formId: string, referrer: string): Promise<void>;
}
