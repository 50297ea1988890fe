import { Draft, Referral } from '../../src/domain/referral';
import { SeriousIncident } from '../../src/domain/seriousIncident';
import { ReferralRepository } from '../../src/workflows/referrals/ports';

/** Referrals, incidents and drafts in memory; `failOnce` makes one operation fail as storage can. */
export class InMemoryReferrals implements ReferralRepository {
  readonly drafts = new Map<string, Draft>();
  readonly referrals = new Map<string, Referral>();
  readonly incidents = new Map<string, SeriousIncident>();
  private failing = new Set<keyof ReferralRepository>();

  failOnce(operation: keyof ReferralRepository): void {
    this.failing.add(operation);
  }

  private check(operation: keyof ReferralRepository): void {
    if (this.failing.delete(operation)) throw new Error(`storage did not answer (${operation})`);
  }

  private static key(formId: string, aadObjectId: string): string {
    return `${formId}|${aadObjectId.toLowerCase()}`;
  }

  async draft(formId: string, aadObjectId: string): Promise<Draft | undefined> {
    this.check('draft');
    return structuredClone(this.drafts.get(InMemoryReferrals.key(formId, aadObjectId)));
  }

  async saveDraft(d: Draft): Promise<void> {
    this.check('saveDraft');
    this.drafts.set(InMemoryReferrals.key(d.formId, d.referrer), structuredClone(d));
  }

  async claimDraft(formId: string, aadObjectId: string): Promise<boolean> {
    this.check('claimDraft');
    return this.drafts.delete(InMemoryReferrals.key(formId, aadObjectId));
  }

  async createReferral(r: Referral): Promise<boolean> {
    this.check('createReferral');
    if (this.referrals.has(r.reference)) return false;
    this.referrals.set(r.reference, structuredClone(r));
    return true;
  }

  async referral(reference: string): Promise<Referral | undefined> {
    this.check('referral');
    return structuredClone(this.referrals.get(reference));
  }

  async updateReferral(reference: string, change: (r: Referral) => Referral): Promise<Referral> {
    this.check('updateReferral');
    const r = change(structuredClone(this.referrals.get(reference)!));
    this.referrals.set(reference, r);
    return structuredClone(r);
  }

  async createIncident(si: SeriousIncident): Promise<boolean> {
    this.check('createIncident');
    if (this.incidents.has(si.reference)) return false;
    this.incidents.set(si.reference, structuredClone(si));
    return true;
  }

  async incident(reference: string): Promise<SeriousIncident | undefined> {
    this.check('incident');
    return structuredClone(this.incidents.get(reference));
  }

  async updateIncident(reference: string, change: (si: SeriousIncident) => SeriousIncident): Promise<SeriousIncident> {
    this.check('updateIncident');
    const si = change(structuredClone(this.incidents.get(reference)!));
    this.incidents.set(reference, si);
    return structuredClone(si);
  }
}
