import type { Draft } from '../domain/referral';
import type { Drafts } from '../workflows/governance/ports';
import { encodeKey, isNotFound, listJson, Tables } from './tables';

/** Unsubmitted referral and serious-incident forms (the referrals table's `draft` partition), for their retention rule. */
export class DraftRows implements Drafts {
  constructor(private readonly tables: Tables) {}

  async all() {
    const drafts = await listJson<Draft>(this.tables.client('referrals'), 'draft', '');
    return drafts.map((d) => ({
      id: d.id ?? `${d.formId}|${d.startedAt}`,
      formId: d.formId,
      referrer: d.referrer,
      startedAt: d.startedAt,
      updatedAt: d.updatedAt,
    }));
  }

  async remove(formId: string, referrer: string): Promise<void> {
    // The same key ReferralStore writes a person's draft under.
    await this.tables
      .client('referrals')
      .deleteEntity('draft', encodeKey(`${formId}|${referrer.toLowerCase()}`))
      .catch((e: unknown) => (isNotFound(e) ? undefined : Promise.reject(e)));
  }
}
