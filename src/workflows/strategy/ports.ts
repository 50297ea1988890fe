/**
 * What the strategy discussion use cases need from the world, in their own words. store/ implements
 * the repository; the composition root builds the rest; tests use in-memory ones (test/inMemory/).
 */
import type { ProfessionalDifference } from '../../domain/professionalDifference';
import { WorkingCalendar } from '../../domain/calendar';
import type { OpenElsewhere } from '../../domain/openElsewhere';
import { Directory } from '../../domain/directory';
import type { Draft } from '../../domain/referral';
import { Acknowledgement, DifferenceRequest, DifferenceResolution, InvitationReply, OutcomeVersion, StrategyDiscussion } from '../../domain/strategyDiscussion';
import { AuditTrail, References } from '../ports';
import { Schedule } from '../jobs';
import { Tell } from '../notices';
import { MinutesRepository } from '../minutes/ports';

/** An invitee's answer to an invitation: a row of its own, created once. */
export interface InvitationAnswer {
  aadObjectId: string;
  reply: InvitationReply;
  at: string;
}

export interface ActionDone {
  version: number;
  actionId: string;
  at: string;
  by: string;
}

/**
 * Strategy discussions. The discussion's own fields change under a guard (`update`); everything
 * that grows or that many people write at once is added once (`add…`: false when it already was).
 */
export interface DiscussionRepository {
  get(reference: string): Promise<StrategyDiscussion | undefined>;
  /** A read that may be up to a second old, shared by everyone answering at once. */
  getRecent(reference: string): Promise<StrategyDiscussion | undefined>;
  create(d: StrategyDiscussion): Promise<void>;
  update(reference: string, change: (d: StrategyDiscussion) => StrategyDiscussion): Promise<StrategyDiscussion>;
  addReply(reference: string, reply: InvitationAnswer): Promise<boolean>;
  addVersion(reference: string, version: OutcomeVersion): Promise<boolean>;
  addActionDone(reference: string, done: ActionDone): Promise<boolean>;
  addDifferenceRequest(reference: string, request: DifferenceRequest): Promise<boolean>;
  /** False when this difference's resolution was already written back. */
  addResolution(reference: string, resolution: DifferenceResolution): Promise<boolean>;
  addAcknowledgement(reference: string, ack: Acknowledgement): Promise<boolean>;
  acknowledgement(reference: string, version: number, aadObjectId: string): Promise<Acknowledgement | undefined>;
  acknowledgements(reference: string): Promise<Acknowledgement[]>;
}

/**
 * The chair's live card (replies, then the tally), brought up to date soon after an answer. It is
 * derived from the record, so it need not be durable: whoever implements this may show a burst of
 * answers in one update, and must show the discussion as it is when the update runs.
 */
export interface ChairCardUpdates {
  soon(reference: string): void;
}

/** The referral a discussion is convened from (the referrals workflow keeps it). */
export interface ReferralLink {
  /** Refused unless a discussion may be convened from this referral now. */
  mayConvene(reference: string): Promise<void>;
  /** Whether the referral says the child is known or open to another local authority. */
  openElsewhere(reference: string): Promise<OpenElsewhere | undefined>;
  /** The referral shows the discussion, and the referrer and the Front Door are told. Idempotent. */
  convened(reference: string, discussion: StrategyDiscussion): Promise<void>;
}

/** The professional differences raised from a discussion or its minutes (their origin is that discussion). */
export interface DifferencesRaisedFrom {
  raisedFrom(reference: string): Promise<ProfessionalDifference[]>;
}

/**
 * A person's half-filled convene or outcome form, one per person and form key (the form and its
 * case: "convene|REF-0001", "outcome|SD-0001"), saved at every step and kept with the other
 * unsubmitted forms (and expired with them).
 */
export interface FormDrafts {
  draft(key: string, aadObjectId: string): Promise<Draft | undefined>;
  saveDraft(d: Draft): Promise<void>;
  /** Takes the draft once its form is done; false when another click took it first. */
  claimDraft(key: string, aadObjectId: string): Promise<boolean>;
}

export interface StrategyPorts {
  referrals: ReferralLink;
  drafts: FormDrafts;
  discussions: DiscussionRepository;
  /** The minutes, read for the record. */
  minutes: Pick<MinutesRepository, 'get' | 'confirmations'>;
  /** The differences raised from a discussion: everyone at any stage of one may read the discussion. */
  differences?: DifferencesRaisedFrom;
  audit: AuditTrail;
  schedule: Schedule;
  tell: Tell;
  chairCards: ChairCardUpdates;
  references: References;
  directory: Directory;
  calendar: WorkingCalendar;
  now: () => Date;
}
