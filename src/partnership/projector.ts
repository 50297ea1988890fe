import { isCaseReference } from '../domain/caseReference';
import { CaseFacts, FactsOf } from './caseFacts';
import { FiguresStore } from './figuresStore';
import { DiscussionStore } from '../store/discussionStore';
import { DifferenceStore } from '../store/differenceStore';
import { MinutesStore } from '../store/minutesStore';
import { ReferralStore } from '../store/referralStore';
import { TransferStore } from '../store/transferStore';
import { decodeKey } from '../store/tables';
import { logger } from '../logger';

export interface CaseRecords {
  discussions: DiscussionStore;
  minutes: MinutesStore;
  differences: DifferenceStore;
  referrals: ReferralStore;
  transfers: TransferStore;
}

/**
 * Keeps the monthly figures up to date from the audit log. Every step in Concord is an audit
 * event on its case; the audit sealer tells this projector which cases had events (`markPending`,
 * before it seals them, so none is missed if either stops half-way). The projector then recounts
 * each such case from its record (which core roles were invited, when the minutes went out, …),
 * and recounts the months it touched. Recounting, rather than adding, makes a repeated or
 * interrupted pass harmless.
 */
export class FiguresProjector {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = true;

  constructor(
    private readonly store: FiguresStore,
    private readonly records: CaseRecords,
    private readonly facts: FactsOf,
    /** Seals the audit events written so far (the sealer marks their cases for this projector). */
    private readonly sealPending: () => Promise<unknown>,
    private readonly delayMs = 1000,
  ) {}

  /** Everything recorded so far counted now: for tests, benchmarks and a figures check. */
  async catchUp(): Promise<void> {
    await this.sealPending();
    await this.projectPending();
  }

  start(): void {
    this.stopped = false;
    this.soon();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Cases had events: they are marked now, and counted in a moment. */
  async markPending(partitionKeys: string[]): Promise<void> {
    await this.store.markPending(partitionKeys);
    this.soon();
  }

  soon(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.projectPending().catch((e: Error) => logger.error('figures projection failed', { error: e.name }));
    }, this.delayMs);
  }

  /** Counts every marked case now, after any pass under way. Returns how many cases were counted. */
  async projectPending(): Promise<number> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<number> {
    const pending = await this.store.pending();
    const months = new Set<string>();
    let counted = 0;
    for (let i = 0; i < pending.length; i += 16) {
      await Promise.all(
        pending.slice(i, i + 16).map(async (p) => {
          const subject = decodeKey(p.partitionKey);
          const facts = isCaseReference(subject) ? await this.factsOf(subject) : undefined;
          if (!facts) return;
          for (const [month, counters] of facts) {
            await this.store.saveCase(month, subject, counters);
            months.add(month);
          }
          counted++;
        }),
      );
    }
    for (const month of months) await this.store.recount(month);
    // Only now: a pass that stops before here leaves the marks, and the next pass counts again.
    for (let i = 0; i < pending.length; i += 50) await Promise.all(pending.slice(i, i + 50).map((p) => this.store.donePending(p)));
    return counted;
  }

  private async factsOf(reference: string): Promise<CaseFacts | undefined> {
    const r = this.records;
    const kind = reference.slice(0, reference.indexOf('-'));
    if (kind === 'REF') {
      const referral = await r.referrals.referral(reference);
      return referral && this.facts.referral(referral);
    }
    if (kind === 'SI') {
      const incident = await r.referrals.incident(reference);
      return incident && this.facts.incident(incident);
    }
    if (kind === 'TR') {
      const t = await r.transfers.get(reference);
      return t && this.facts.transfer(t);
    }
    if (kind === 'PD') {
      const pd = await r.differences.get(reference);
      return pd && this.facts.difference(pd);
    }
    const [d, acks, minutes, confirmations] = await Promise.all([
      r.discussions.get(reference),
      r.discussions.acknowledgements(reference),
      r.minutes.get(reference),
      r.minutes.confirmations(reference),
    ]);
    return d && this.facts.discussion(d, acks, minutes, confirmations);
  }
}
