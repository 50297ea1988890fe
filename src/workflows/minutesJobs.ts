import { Sweeper } from '../scheduler/sweeper';
import { MinutesWorkflow } from './minutes';

type Payload = { ref: string; version: number; person: string; hours: number };

/** The minutes chasers, by job kind. Each checks the record before it says anything. */
export function registerMinutesJobs(sweeper: Sweeper, minutes: MinutesWorkflow): void {
  const p = (payload: Record<string, unknown>) => payload as unknown as Payload;
  sweeper.handle('minutes.remind', { run: (job) => minutes.remindMinuteTaker(p(job.payload), job.id) });
  sweeper.handle('minutes.overdue', { run: (job) => minutes.minutesOverdue(p(job.payload), job.id) });
  sweeper.handle('minutes.confirm.remind', { run: (job) => minutes.chaseConfirmation(p(job.payload), false, job.id) });
  sweeper.handle('minutes.confirm.manager', { run: (job) => minutes.chaseConfirmation(p(job.payload), true, job.id) });
}
