/**
 * What the professional-differences use cases need from the world, in their own words: storage
 * of differences, the cases a difference can be raised from, and the shared ports.
 */
import type { WorkingCalendar } from '../../domain/calendar';
import type { Directory } from '../../domain/directory';
import type { DifferenceSummary, ProfessionalDifference } from '../../domain/professionalDifference';
import type { Acknowledgement, DifferenceRequest, DifferenceResolution, StrategyDiscussion } from '../../domain/strategyDiscussion';
import type { Minutes } from '../../domain/minutes';
import type { Actor } from '../actor';
import type { Schedule } from '../jobs';
import type { Tell } from '../notices';
import type { AuditTrail, References } from '../ports';
import type { CaseThreads } from '../governance/ports';

export interface DifferenceRepository {
  create(pd: ProfessionalDifference): Promise<void>;
  get(reference: string): Promise<ProfessionalDifference | undefined>;
  /** A step under the etag; `changed` is whether this call recorded anything (a repeat does not). */
  apply(reference: string, change: (pd: ProfessionalDifference) => ProfessionalDifference): Promise<{ pd: ProfessionalDifference; changed: boolean }>;
  /** Every difference's summary row, for the partnership's log: small rows, not the differences themselves. */
  summaries(): Promise<DifferenceSummary[]>;
}

/** A strategy discussion a difference is raised from: the raiser's answer, and the link kept on it. */
export interface OutcomeLinks {
  get(reference: string): Promise<StrategyDiscussion | undefined>;
  acknowledgement(reference: string, version: number, aadObjectId: string): Promise<Acknowledgement | undefined>;
  addDifferenceRequest(reference: string, request: DifferenceRequest): Promise<boolean>;
  /** The difference's resolution written back into the discussion's record: false when it already was. */
  addResolution(reference: string, resolution: DifferenceResolution): Promise<boolean>;
}

/** Minutes a difference is raised from: the declined correction, and the link kept on it. */
export interface CorrectionLinks {
  get(reference: string): Promise<Minutes | undefined>;
  markRaised(reference: string, id: string, raised: { at: string; difference: string }): Promise<boolean>;
}

/** A step the person took, on the case's audit trail (and, for writes, on the turn: see Actor.recorded). */
export interface CaseNotes {
  note(actor: Actor, subject: string, action: string, detail?: string): Promise<void>;
}

export interface DifferencePorts {
  differences: DifferenceRepository;
  /** One child, one thread: a difference raised from a discussion is on its thread. */
  threads: CaseThreads;
  discussions: OutcomeLinks;
  minutes: CorrectionLinks;
  notes: CaseNotes;
  audit: AuditTrail;
  tell: Tell;
  schedule: Schedule;
  references: References;
  directory: Directory;
  calendar: WorkingCalendar;
  now: () => Date;
}
