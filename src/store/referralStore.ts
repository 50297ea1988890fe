import { Draft, Referral } from '../domain/referral';
import { SeriousIncident } from '../domain/seriousIncident';
import type { ReferralRepository } from '../workflows/referrals/ports';
import { createOnce, encodeKey, isNotFound, isStale, readJson, Tables, updateJson, upsertJson } from './tables';

/**
 * Referral drafts (one per person and form, so a half-done referral is resumed, also after a
 * restart), submitted referrals, and serious incidents, each a JSON document under its etag.
 */
export class ReferralStore implements ReferralRepository {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.client('referrals');
  }

  private read<T>(pk: string, rk: string): Promise<T | undefined> {
    return readJson<T>(this.client, pk, rk);
  }

  draft(formId: string, aadObjectId: string): Promise<Draft | undefined> {
    return this.read<Draft>('draft', encodeKey(`${formId}|${aadObjectId.toLowerCase()}`));
  }

  async saveDraft(d: Draft): Promise<void> {
    await upsertJson(this.client, 'draft', encodeKey(`${d.formId}|${d.referrer.toLowerCase()}`), d);
  }

  /**
   * Takes the draft for submission: read and deleted under its etag, so of two submits (a double
   * click) one gets the draft and the other nothing.
   */
  async claimDraft(formId: string, aadObjectId: string): Promise<boolean> {
    const rk = encodeKey(`${formId}|${aadObjectId.toLowerCase()}`);
    try {
      const e = await this.client.getEntity('draft', rk);
      await this.client.deleteEntity('draft', rk, { etag: e.etag });
      return true;
    } catch (e) {
      if (isNotFound(e) || isStale(e)) return false;
      throw e;
    }
  }

  createReferral(r: Referral): Promise<boolean> {
    return createOnce(this.client, encodeKey(r.reference), 'referral', r);
  }

  referral(reference: string): Promise<Referral | undefined> {
    return this.read<Referral>(encodeKey(reference), 'referral');
  }

  async updateReferral(reference: string, change: (r: Referral) => Referral): Promise<Referral> {
    return (await updateJson<Referral>(this.client, encodeKey(reference), 'referral', change))!;
  }

  createIncident(si: SeriousIncident): Promise<boolean> {
    return createOnce(this.client, encodeKey(si.reference), 'incident', si);
  }

  incident(reference: string): Promise<SeriousIncident | undefined> {
    return this.read<SeriousIncident>(encodeKey(reference), 'incident');
  }

  async updateIncident(reference: string, change: (si: SeriousIncident) => SeriousIncident): Promise<SeriousIncident> {
    return (await updateJson<SeriousIncident>(this.client, encodeKey(reference), 'incident', change))!;
  }
}
