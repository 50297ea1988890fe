import { WorkingCalendar } from '../../domain/calendar';
import { Directory } from '../../domain/directory';
import { roleHolder, Waiting, waitingInDifference, waitingInDiscussion, waitingInIncident, waitingInReferral } from '../../domain/waiting';
import { Actor } from '../actor';
import { DiscussionRepository } from '../strategy/ports';
import { MinutesRepository } from '../minutes/ports';
import { DifferenceRepository } from '../differences/ports';
import { ReferralRepository } from '../referrals/ports';
import { IndexedCase, WorkIndex } from './ports';

export interface WorklistPorts {
  index: WorkIndex;
  discussions: Pick<DiscussionRepository, 'get' | 'acknowledgements'>;
  minutes: Pick<MinutesRepository, 'get' | 'confirmations'>;
  differences: Pick<DifferenceRepository, 'get'>;
  referrals: Pick<ReferralRepository, 'referral' | 'incident'>;
  directory: Directory;
  calendar: WorkingCalendar;
  now: () => Date;
}

export interface WorkItem {
  reference: string;
  what: string;
  dueAt?: Date;
}

/** What is waiting for one person, soonest deadline first. */
export interface WorklistView {
  kind: 'worklist';
  items: WorkItem[];
}

/**
 * "mine": what is waiting for this person now. The index names the cases they (or a role they
 * hold) were told about; each case says what it is waiting for; a case waiting for nobody is
 * dropped from the index, so the list costs what is open, not everything a person ever saw.
 */
export class Worklist {
  constructor(private readonly p: WorklistPorts) {}

  async mine(actor: Actor): Promise<WorklistView> {
    const me = actor.person.aadObjectId;
    const holders = [me, ...actor.person.roles.map(roleHolder)];
    const indexed = await Promise.all(holders.map(async (h) => ({ holder: h, cases: await this.p.index.casesOf(h) })));
    const byCase = new Map<string, { holder: string; row: IndexedCase }[]>();
    for (const { holder, cases } of indexed) for (const row of cases) byCase.set(row.reference, [...(byCase.get(row.reference) ?? []), { holder, row }]);
    const items: WorkItem[] = [];
    await Promise.all(
      [...byCase].map(async ([reference, rows]) => {
        const waiting = await this.waitingIn(reference);
        if (!waiting.length) await Promise.all(rows.map(({ holder, row }) => this.p.index.remove(holder, row)));
        for (const w of waiting.filter((x) => x.holders.some((h) => holders.includes(h)))) items.push({ reference: w.reference, what: w.what, dueAt: w.dueAt });
      }),
    );
    const far = Number.MAX_SAFE_INTEGER;
    items.sort((a, b) => (a.dueAt?.getTime() ?? far) - (b.dueAt?.getTime() ?? far) || a.reference.localeCompare(b.reference) || a.what.localeCompare(b.what));
    return { kind: 'worklist', items };
  }

  private async waitingIn(reference: string): Promise<Waiting[]> {
    const prefix = reference.split('-')[0];
    if (prefix === 'REF') {
      const r = await this.p.referrals.referral(reference);
      return r ? waitingInReferral(r) : [];
    }
    if (prefix === 'SI') {
      const si = await this.p.referrals.incident(reference);
      return si ? waitingInIncident(si) : [];
    }
    if (prefix === 'PD') {
      const pd = await this.p.differences.get(reference);
      return pd ? waitingInDifference(pd) : [];
    }
    if (prefix === 'SD') {
      const [discussion, acknowledgements, minutes, confirmations] = await Promise.all([
        this.p.discussions.get(reference),
        this.p.discussions.acknowledgements(reference),
        this.p.minutes.get(reference),
        this.p.minutes.confirmations(reference),
      ]);
      const clock = { calendar: this.p.calendar, timescales: this.p.directory.partnership.timescales };
      return discussion ? waitingInDiscussion({ discussion, acknowledgements, minutes, confirmations }, clock, this.p.now()) : [];
    }
    return [];
  }
}
