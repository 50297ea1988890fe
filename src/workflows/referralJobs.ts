import { Sweeper } from '../scheduler/sweeper';
import { Referrals } from './referrals';
import { SeriousIncidents } from './seriousIncidents';

type Payload = { ref: string; which: 'panel' | 'review' };

/** Referral and serious-incident deadlines. Each checks the record before it says anything. */
export function registerReferralJobs(sweeper: Sweeper, referrals: Referrals, incidents: SeriousIncidents): void {
  const p = (payload: Record<string, unknown>) => payload as unknown as Payload;
  sweeper.handle('ref.deadline', { run: (job) => referrals.deadlinePassed(p(job.payload)) });
  sweeper.handle('si.remind', { run: (job) => incidents.remind(p(job.payload)) });
  sweeper.handle('si.due', { run: (job) => incidents.due(p(job.payload)) });
}
