import { Sweeper } from './scheduler/sweeper';
import { chaseConfirmation, minutesOverdue, remindMinuteTaker } from './workflows/minutes/chasers';
import { MinutesPorts } from './workflows/minutes/ports';
import { UndecidedReferrals } from './workflows/referrals/undecided';
import { ReferralToChannel } from './workflows/referrals/toChannel';
import { IncidentClocks } from './workflows/referrals/incidentClock';
import { StrategyHandOff } from './workflows/referrals/strategyHandOff';
import { DifferencePorts } from './workflows/differences/ports';
import { differenceChasers } from './workflows/differences/chasers';
import { StrategyChasers } from './workflows/strategy/chasers';
import { TransferPorts } from './workflows/transfer/ports';
import { transferChasers } from './workflows/transfer/chasers';
import { Retention } from './workflows/governance/retention';

export interface Chasers {
  discussions: StrategyChasers;
  minutes: MinutesPorts;
  differences: DifferencePorts;
  undecidedReferrals: UndecidedReferrals;
  referralToChannel: ReferralToChannel;
  incidentClocks: IncidentClocks;
  strategyHandOff: StrategyHandOff;
  transfers: TransferPorts;
  retention: Retention;
}

/**
 * Which use case runs each kind of due work. Every chaser checks the record before it says
 * anything, so a job that runs twice, or late, does no harm. Payloads are typed by
 * workflows/jobs.ts: a kind handled with the wrong payload does not compile.
 */
export function registerChasers(sweeper: Sweeper, c: Chasers): void {
  sweeper.handle('sd.ack.remind', { run: (job) => c.discussions.remindToAcknowledge(job.payload, job.id) });
  sweeper.handle('sd.ack.manager', { run: (job) => c.discussions.tellManagerOfSilence(job.payload, job.id) });
  sweeper.handle('sd.action.due', { run: (job) => c.discussions.chaseAction(job.payload, false, job.id) });
  sweeper.handle('sd.action.overdue', { run: (job) => c.discussions.chaseAction(job.payload, true, job.id) });
  sweeper.handle('sd.followup.due', { run: (job) => c.discussions.remindFollowUp(job.payload, job.id) });
  sweeper.handle('sd.followup.remind', { run: (job) => c.discussions.remindFollowUp(job.payload, job.id, false) });
  sweeper.handle('sd.followup.missed', { run: (job) => c.discussions.followUpMissed(job.payload, job.id) });
  sweeper.handle('sd.not-held', { run: (job) => c.discussions.notHeld(job.payload, job.id) });
  sweeper.handle('minutes.remind', { run: (job) => remindMinuteTaker(c.minutes, job.payload, job.id) });
  sweeper.handle('minutes.overdue', { run: (job) => minutesOverdue(c.minutes, job.payload, job.id) });
  sweeper.handle('minutes.confirm.remind', { run: (job) => chaseConfirmation(c.minutes, job.payload, false, job.id) });
  sweeper.handle('minutes.confirm.manager', { run: (job) => chaseConfirmation(c.minutes, job.payload, true, job.id) });
  sweeper.handle('pd.deadline', { run: (job) => differenceChasers['pd.deadline'](c.differences, job.payload) });
  sweeper.handle('pd.remind', { run: (job) => differenceChasers['pd.remind'](c.differences, job.payload) });
  sweeper.handle('pd.approval', { run: (job) => differenceChasers['pd.approval'](c.differences, job.payload) });
  sweeper.handle('ref.convene.deadline', { run: (job) => c.strategyHandOff.deadlinePassed(job.payload) });
  sweeper.handle('ref.deadline', { run: (job) => c.undecidedReferrals.deadlinePassed(job.payload) });
  sweeper.handle('ref.to-channel', { run: (job) => c.referralToChannel.tryNow(job.payload) });
  sweeper.handle('si.remind', { run: (job) => c.incidentClocks.remind(job.payload) });
  sweeper.handle('si.due', { run: (job) => c.incidentClocks.due(job.payload) });
  sweeper.handle('tr.unanswered', { run: (job) => transferChasers['tr.unanswered'](c.transfers, job.payload) });
  sweeper.handle('tr.proposed-date', { run: (job) => transferChasers['tr.proposed-date'](c.transfers, job.payload) });
  sweeper.handle('tr.agreed-date', { run: (job) => transferChasers['tr.agreed-date'](c.transfers, job.payload) });
  sweeper.handle('governance.retention', { run: async () => void (await c.retention.run()) });
}
