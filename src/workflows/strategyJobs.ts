import { Sweeper } from '../scheduler/sweeper';
import { StrategyDiscussions } from './strategyDiscussions';

type Payload = { ref: string; version: number; person: string; actionId: string };

/** The strategy discussion chasers, by job kind. Each checks the record before it says anything. */
export function registerStrategyJobs(sweeper: Sweeper, discussions: StrategyDiscussions): void {
  const p = (payload: Record<string, unknown>) => payload as unknown as Payload;
  sweeper.handle('sd.ack.remind', { run: (job) => discussions.remindToAcknowledge(p(job.payload), job.id) });
  sweeper.handle('sd.ack.manager', { run: (job) => discussions.tellManagerOfSilence(p(job.payload), job.id) });
  sweeper.handle('sd.action.due', { run: (job) => discussions.chaseAction(p(job.payload), false, job.id) });
  sweeper.handle('sd.action.overdue', { run: (job) => discussions.chaseAction(p(job.payload), true, job.id) });
  sweeper.handle('sd.followup.due', { run: (job) => discussions.remindFollowUp(p(job.payload), job.id) });
}
