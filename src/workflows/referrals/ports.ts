/**
 * What the referral and serious-incident use cases need from storage, in their own words:
 * drafts one per person and form, referrals and incidents created once and changed under a guard.
 */
import { Draft, Referral } from '../../domain/referral';
import { SeriousIncident } from '../../domain/seriousIncident';

export interface DraftRepository {
  draft(formId: string, aadObjectId: string): Promise<Draft | undefined>;
  saveDraft(d: Draft): Promise<void>;
  /** Takes the draft for submission; false when another submit (a double click) took it first. */
  claimDraft(formId: string, aadObjectId: string): Promise<boolean>;
}

export interface ReferralRepository extends DraftRepository {
  /** False when a referral with this reference exists already: creating is idempotent. */
  createReferral(r: Referral): Promise<boolean>;
  referral(reference: string): Promise<Referral | undefined>;
  updateReferral(reference: string, change: (r: Referral) => Referral): Promise<Referral>;
  /** False when an incident with this reference exists already. */
  createIncident(si: SeriousIncident): Promise<boolean>;
  incident(reference: string): Promise<SeriousIncident | undefined>;
  updateIncident(reference: string, change: (si: SeriousIncident) => SeriousIncident): Promise<SeriousIncident>;
}

/** Whether Concord can post in a Teams channel yet (it must have been installed in its team). */
export interface ChannelReach {
  canReach(channelId: string): Promise<boolean>;
}
