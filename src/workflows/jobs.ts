/**
 * Every kind of due work and what it carries: one table, so a job scheduled with the wrong payload,
 * or handled as the wrong kind, does not compile.
 */
import type { Delivery, Replacement } from './ports';

/** A chaser about one person's answer to one version of a record. */
export interface PersonChase {
  ref: string;
  version: number;
  person: string;
}

export interface JobPayloads {
  deliver: Delivery;
  replace: Replacement;
  'sd.ack.remind': PersonChase;
  'sd.ack.manager': PersonChase;
  'sd.action.due': { ref: string; version: number; actionId: string };
  'sd.action.overdue': { ref: string; version: number; actionId: string };
  'sd.followup.due': { ref: string; version: number };
  /** A working day before the follow-up's date: its owner is offered to convene it. */
  'sd.followup.remind': { ref: string; version: number };
  /** The follow-up's date passed with nothing convened: step 1 the chair's manager, step 2 theirs. */
  'sd.followup.missed': { ref: string; version: number; step: 1 | 2 };
  /** The discussion's time passed with no outcome recorded: step 1 the chair and their manager, step 2 the manager's manager. */
  'sd.not-held': { ref: string; step: 1 | 2 };
  'minutes.remind': { ref: string; hours: number };
  'minutes.overdue': { ref: string };
  'minutes.confirm.remind': PersonChase;
  'minutes.confirm.manager': PersonChase;
  'pd.deadline': { ref: string; stage: number };
  'pd.remind': { ref: string; stage: number };
  'pd.approval': { ref: string; stage: number; manager: string };
  'ref.deadline': { ref: string };
  /** A referral sent to each Front Door person because the channel could not be reached: posted there once it can. */
  'ref.to-channel': { ref: string; attempt: number };
  'ref.convene.deadline': { ref: string };
  'si.remind': { ref: string; which: 'panel' | 'review' };
  'si.due': { ref: string; which: 'panel' | 'review' };
  'tr.unanswered': { ref: string };
  'tr.proposed-date': { ref: string };
  'tr.agreed-date': { ref: string };
  /** The nightly retention run (its day is the job's id: one run a day, whatever the number of instances). */
  'governance.retention': { day: string };
}

export type JobKind = keyof JobPayloads;

export interface Job<K extends JobKind = JobKind> {
  /** Deterministic: scheduling the same id twice is one job. */
  id: string;
  kind: K;
  dueAt: Date;
  payload: JobPayloads[K];
}

/** Due work: kept durably, run once at its time. */
export interface Schedule {
  /** False when a job with this id already exists: scheduling is idempotent. */
  schedule<K extends JobKind>(job: Job<K>): Promise<boolean>;
  /**
   * Many jobs at once (a fan-out to every attendee) in a few storage round trips, not one each:
   * it runs inside a person's click. A job whose id already exists is left as it is.
   */
  scheduleAll(jobs: AnyJob[]): Promise<void>;
}

/** A job of any one kind, its payload narrowed by its kind. */
export type AnyJob = { [K in JobKind]: Job<K> }[JobKind];
