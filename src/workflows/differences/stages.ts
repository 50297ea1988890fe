/**
 * Moving up the ladder: a stage begins with its people told and its chasers set (deadline,
 * reminder, and for managers' stages the approval chaser), whether a side escalated or the
 * deadline did.
 */
import { currentStage, escalate as escalateDifference, ladderOf, ProfessionalDifference } from '../../domain/professionalDifference';
import { managersDecide, stageOf } from '../../domain/escalationLadder';
import type { Actor } from '../actor';
import type { DifferencePorts } from './ports';
import { change, refusedOrView, tellEveryone } from './steps';
import { differenceView, DifferenceView } from './views';

/** `raisedBy`: when it starts because it was raised, the person who raised it (they know; their card shows it). */
export async function startStage(ports: DifferencePorts, pd: ProfessionalDifference, why: string, raisedBy?: string): Promise<void> {
  const { schedule, calendar, directory } = ports;
  const cur = currentStage(pd);
  const due = new Date(cur.dueAt);
  const job = `pd|${pd.reference}|s${cur.stage}`;
  await schedule.schedule({ id: `${job}|deadline`, kind: 'pd.deadline', dueAt: due, payload: { ref: pd.reference, stage: cur.stage } });
  const reminderAt = calendar.fromLocal(calendar.local(due).toISODate()!, directory.partnership.timescales.startOfWorkingDay)!;
  if (reminderAt.getTime() > ports.now().getTime()) {
    await schedule.schedule({ id: `${job}|remind`, kind: 'pd.remind', dueAt: reminderAt, payload: { ref: pd.reference, stage: cur.stage } });
  }
  if (managersDecide(stageOf(ladderOf(directory), cur.stage))) {
    const approvalDue = calendar.addWorkingDays(new Date(cur.startedAt), directory.partnership.escalation.approvalWorkingDays);
    for (const p of cur.participants.filter((x) => x.side)) {
      await schedule.schedule({
        id: `${job}|approval|${p.aadObjectId}`,
        kind: 'pd.approval',
        dueAt: approvalDue,
        payload: { ref: pd.reference, stage: cur.stage, manager: p.aadObjectId },
      });
    }
  }
  await tellEveryone(ports, `s${cur.stage}|start`, { kind: 'pd.stage-started', difference: pd, why }, raisedBy);
}

/** A side at the practitioners' stage escalates; a manager approves the escalation. */
export async function escalate(ports: DifferencePorts, cmd: { actor: Actor; reference: string; stage: number }): Promise<DifferenceView> {
  const { actor, reference, stage } = cmd;
  const who = actor.person.name;
  const r = await change(
    ports,
    actor,
    reference,
    // The log names who escalated; a person's escalation carries no words of its own to repeat.
    (pd) => escalateDifference(pd, actor.person.aadObjectId, stage, '', ports.now(), ports.directory, ports.calendar),
    'difference.escalated',
  );
  if (refusedOrView(r)) return r;
  if (r.changed) await startStage(ports, r.after, `${who} escalated it from stage ${stage}`);
  return differenceView(r.after);
}
