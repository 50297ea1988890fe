/**
 * What the case-transfer use cases need from the world, in their own words: storage of
 * transfers, the referrals and discussions a transfer starts from, and the shared ports.
 */
import type { WorkingCalendar } from '../../domain/calendar';
import type { Directory } from '../../domain/directory';
import type { Transfer, TransferLink } from '../../domain/transfer';
import type { Referral } from '../../domain/referral';
import type { StrategyDiscussion } from '../../domain/strategyDiscussion';
import type { Actor } from '../actor';
import type { Schedule } from '../jobs';
import type { Tell } from '../notices';
import type { AuditTrail, References } from '../ports';
import type { CaseThreads } from '../governance/ports';

export interface TransferRepository {
  create(t: Transfer): Promise<void>;
  get(reference: string): Promise<Transfer | undefined>;
  /** A step under the etag; `changed` is whether this call recorded anything (a repeat does not). */
  apply(reference: string, change: (t: Transfer) => Transfer): Promise<{ transfer: Transfer; changed: boolean }>;
  /** Every transfer, for the partnership's report. */
  all(): Promise<Transfer[]>;
}

/** The records a transfer can start from: read only, to fill the form in and check the starter may see them. */
export interface TransferOrigins {
  referral(reference: string): Promise<Referral | undefined>;
  discussion(reference: string): Promise<StrategyDiscussion | undefined>;
  /** The referral or discussion shows the transfer started from it. Idempotent. */
  linkTransfer(from: string, link: TransferLink): Promise<void>;
}

/** A step the person took, on the case's audit trail (and, for writes, on the turn: see Actor.recorded). */
export interface CaseNotes {
  note(actor: Actor, subject: string, action: string, detail?: string): Promise<void>;
}

export interface TransferPorts {
  transfers: TransferRepository;
  /** One child, one thread: a transfer started from a referral or discussion is on its thread. */
  threads: CaseThreads;
  origins: TransferOrigins;
  notes: CaseNotes;
  audit: AuditTrail;
  tell: Tell;
  schedule: Schedule;
  references: References;
  directory: Directory;
  calendar: WorkingCalendar;
  now: () => Date;
}
