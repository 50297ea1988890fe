/** What the minutes use cases need from the world, in their own words; store/ and the edge implement them. */
import { WorkingCalendar } from '../../domain/calendar';
import { Directory } from '../../domain/directory';
import { Confirmation, Correction, CorrectionDecision, CorrectionRequest, Minutes, MinutesVersion } from '../../domain/minutes';
import { Acknowledgement, StrategyDiscussion } from '../../domain/strategyDiscussion';
import { Actor } from '../actor';
import { Schedule } from '../jobs';
import { Tell } from '../notices';
import { AuditTrail } from '../ports';

/** The minutes of each discussion: their clock, draft, versions, corrections and confirmations. */
export interface MinutesRepository {
  /** False when the clock was already started: ending a discussion twice changes nothing. */
  create(m: Minutes): Promise<boolean>;
  get(reference: string): Promise<Minutes | undefined>;
  saveDraft(reference: string, draft: NonNullable<Minutes['draft']>): Promise<void>;
  /** False when this version already exists. `applies` names the accepted correction a later version adds. */
  addVersion(reference: string, v: MinutesVersion, extra?: { applies?: string; lateByMinutes?: number }): Promise<boolean>;
  /** The correction, numbered; undefined when it repeats one already asked for. */
  addCorrection(reference: string, request: CorrectionRequest): Promise<Correction | undefined>;
  /** False when the correction was already decided: the first decision stands. */
  decideCorrection(reference: string, id: string, decision: CorrectionDecision): Promise<boolean>;
  /** False when the correction was already raised as a professional difference. */
  markRaised(reference: string, id: string, raised: { at: string; difference: string }): Promise<boolean>;
  /** False when this person already confirmed this version. */
  confirm(reference: string, c: Confirmation): Promise<boolean>;
  confirmation(reference: string, version: number, aadObjectId: string): Promise<Confirmation | undefined>;
  confirmations(reference: string): Promise<Confirmation[]>;
}

/** One discussion's minutes as the partnership's measure counts them. */
export interface MinutesMeasured {
  circulated: boolean;
  /** Circulated by their deadline (the partnership's `minutesDueHours`). */
  onTime: boolean;
  /** From the end of the discussion to the first circulation. */
  minutesToCirculation?: number;
  /** Every recipient confirmed the latest version. */
  fullyConfirmed: boolean;
}

/**
 * The minutes measure kept month by month as minutes are circulated and confirmed, so that a
 * month's report reads that month and not the partnership's whole history.
 */
export interface MinutesMeasures {
  /** The discussions whose minutes clock started (the discussion ended) in the month, YYYY-MM in the partnership's zone. */
  endedIn(month: string): Promise<MinutesMeasured[]>;
}

/** What the minutes read and write of their discussion: scheduled chasers read it with no actor to check. */
export interface DiscussionsForMinutes {
  get(reference: string): Promise<StrategyDiscussion | undefined>;
  update(reference: string, change: (d: StrategyDiscussion) => StrategyDiscussion): Promise<StrategyDiscussion>;
  /** The answers to the outcome: the minutes say whether it was agreed or disputed. */
  acknowledgements(reference: string): Promise<Acknowledgement[]>;
}

/** A case for someone involved in it, and each step noted on its trail (workflows/caseAccess.ts). */
export interface CaseSteps {
  load(actor: Actor, reference: string): Promise<StrategyDiscussion>;
  note(actor: Actor, subject: string, action: string, detail?: string): Promise<void>;
}

export interface MinutesPorts {
  access: CaseSteps;
  minutes: MinutesRepository;
  discussions: DiscussionsForMinutes;
  tell: Tell;
  jobs: Schedule;
  audit: AuditTrail;
  directory: Directory;
  calendar: WorkingCalendar;
  now: () => Date;
  /** The chair's live card of the discussion (workflows/strategy), shown again once it has ended. */
  chairCard: { soon(reference: string): void };
}
