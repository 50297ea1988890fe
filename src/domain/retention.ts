/**
 * How long Concord keeps what it holds, per record type: the partnership's rules, with defaults
 * whose sources are in docs/data-protection.md. Concord holds workflow state, not the case file:
 * the agreed record is exported to each agency's own system and kept there under its own schedule.
 */

export interface RetentionRules {
  /** Unsubmitted referral and serious-incident forms: days after they were last changed. */
  draftDays: number;
  /**
   * Cases (referrals, strategy discussions with their minutes, professional differences, serious
   * incidents): days after the last step recorded on any case of the child's thread.
   */
  caseDays: number;
}

export const DEFAULT_RETENTION: RetentionRules = {
  draftDays: 30,
  // Six years after the last step: the Limitation Act 1980's six years, the period local authority
  // schedules commonly use for advice and consultation records. A partnership sets its own.
  caseDays: 6 * 365,
};

export type RetentionRule = keyof RetentionRules;

/** The rule as a tombstone and an audit row say it. */
export function ruleInWords(rule: RetentionRule, rules: RetentionRules): string {
  return rule === 'draftDays'
    ? `unsubmitted forms: ${rules.draftDays} days after last changed`
    : `cases: ${rules.caseDays} days after the last step on the child's thread`;
}

/** The day a record last changed at `last` may be deleted from. */
export function expiresAt(last: Date, days: number): Date {
  return new Date(last.getTime() + days * 86_400_000);
}

/** The kind of record a reference names, in words. */
export function caseType(reference: string): string {
  const prefix = reference.split('-')[0];
  return { REF: 'referral', SD: 'strategy discussion', PD: 'professional difference', SI: 'serious incident', TR: 'case transfer' }[prefix] ?? 'case';
}
