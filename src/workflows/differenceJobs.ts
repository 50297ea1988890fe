import { Sweeper } from '../scheduler/sweeper';
import { ProfessionalDifferences } from './differences';

type Payload = { ref: string; stage: number; manager: string };

/** The professional difference chasers: deadlines escalate, reminders, silent managers covered. */
export function registerDifferenceJobs(sweeper: Sweeper, differences: ProfessionalDifferences): void {
  const p = (payload: Record<string, unknown>) => payload as unknown as Payload;
  sweeper.handle('pd.deadline', { run: (job) => differences.deadlinePassed(p(job.payload)) });
  sweeper.handle('pd.remind', { run: (job) => differences.remind(p(job.payload)) });
  sweeper.handle('pd.approval', { run: (job) => differences.approvalUnanswered(p(job.payload)) });
}
