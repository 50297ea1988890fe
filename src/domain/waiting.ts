/**
 * What a case is waiting for, and from whom: the rules behind each person's "mine" list. Each
 * case says what is outstanding in it now; a case with nothing outstanding is settled. Work any
 * holder of a role may take (the Front Door deciding a referral) is held by the role itself.
 */
import { WorkingCalendar } from './calendar';
import { Timescales } from './directory';
import { Confirmation, latest, Minutes } from './minutes';
import { currentStage, ProfessionalDifference } from './professionalDifference';
import { Referral } from './referral';
import { SeriousIncident } from './seriousIncident';
import { Acknowledgement, attendees, currentVersion, StrategyDiscussion } from './strategyDiscussion';

/** A role's holder key: work waiting for whoever of the role takes it. */
export const roleHolder = (role: string) => `role:${role}`;

export interface Waiting {
  reference: string;
  /** Entra object ids, or `roleHolder(role)`. */
  holders: string[];
  /** What is to be done, in words after the reference: "acknowledge the outcome (version 2)". */
  what: string;
  /** When it is due, if it has a deadline. */
  dueAt?: Date;
}

/** The clocks the rules need: the partnership's working days and timescales. */
export interface WaitingClock {
  calendar: WorkingCalendar;
  timescales: Timescales;
}

export function waitingInReferral(r: Referral): Waiting[] {
  if (r.decision?.outcome === 'strategy-discussion' && !r.discussion) {
    return [
      {
        reference: r.reference,
        holders: [roleHolder('chair')],
        what: 'convene the strategy discussion',
        dueAt: r.conveneBy ? new Date(r.conveneBy) : undefined,
      },
    ];
  }
  if (r.decision) return [];
  return [
    {
      reference: r.reference,
      holders: [roleHolder('front-door')],
      what: r.urgent ? 'decide the urgent referral' : 'decide the referral',
      dueAt: new Date(r.decideBy),
    },
  ];
}

/** A serious incident waits for the partnership admins: the National Panel notified, then the rapid review. */
export function waitingInIncident(si: SeriousIncident): Waiting[] {
  const holders = [roleHolder('partnership-admin')];
  if (!si.panelNotifiedAt) return [{ reference: si.reference, holders, what: 'notify the National Panel', dueAt: new Date(si.panelDueAt) }];
  if (si.rapidReviewCompletedAt) return [];
  return [{ reference: si.reference, holders, what: 'complete the rapid review', dueAt: si.rapidReviewDueAt ? new Date(si.rapidReviewDueAt) : undefined }];
}

export function waitingInDifference(pd: ProfessionalDifference): Waiting[] {
  if (pd.state !== 'open') return [];
  const stage = currentStage(pd);
  const dueAt = new Date(stage.dueAt);
  const proposal = pd.proposal;
  return stage.participants.map((p) => ({
    reference: pd.reference,
    holders: [p.aadObjectId],
    what: !p.side
      ? `record the final outcome (stage ${stage.stage})`
      : proposal && proposal.by !== p.aadObjectId && proposal.side !== p.side
        ? `a resolution is proposed at stage ${stage.stage}: accept it or escalate`
        : `stage ${stage.stage}: resolve or escalate`,
    dueAt,
  }));
}

export interface DiscussionState {
  discussion: StrategyDiscussion;
  acknowledgements: Acknowledgement[];
  minutes?: Minutes;
  confirmations: Confirmation[];
}

export function waitingInDiscussion({ discussion: d, acknowledgements, minutes, confirmations }: DiscussionState, clock: WaitingClock, now: Date): Waiting[] {
  const out: Waiting[] = [];
  const add = (holders: string[], what: string, dueAt?: Date) => holders.length && out.push({ reference: d.reference, holders, what, dueAt });
  const scheduledAt = new Date(d.scheduledAt);
  const v = currentVersion(d);
  if (!v) {
    // Before the discussion, invitees are asked to reply; after it, only the chair's record is due.
    if (now < scheduledAt) {
      add(
        d.invitees.filter((i) => i.reply === 'awaiting' && i.aadObjectId !== d.chair).map((i) => i.aadObjectId),
        'reply to the invitation',
        scheduledAt,
      );
    }
    add([d.chair], d.attendance ? 'record the outcome' : 'record the attendance and the outcome', scheduledAt);
    return out;
  }
  const answered = new Set(acknowledgements.filter((a) => a.version === v.version).map((a) => a.aadObjectId));
  for (const id of attendees(d).filter((a) => !answered.has(a))) {
    add(
      [id],
      `acknowledge the outcome (version ${v.version})`,
      clock.calendar.addWorkingDays(new Date(v.recordedAt), clock.timescales.acknowledgementManagerWorkingDays),
    );
  }
  for (const a of v.outcome.actions.filter((x) => !x.done)) {
    add([a.ownerAadObjectId], `agreed action: ${a.description}`, clock.calendar.fromLocal(a.dueDate, clock.timescales.endOfWorkingDay));
  }
  if (!d.endedAt && !minutes) add([d.chair], 'say the discussion has ended, to start the minutes clock');
  if (minutes) {
    const last = latest(minutes);
    if (!last) add([d.minuteTaker], 'write and circulate the minutes', new Date(minutes.dueAt));
    else {
      const confirmed = new Set(confirmations.filter((c) => c.version === last.version).map((c) => c.aadObjectId));
      const correcting = new Set(minutes.corrections.filter((c) => c.version === last.version && c.state === 'open').map((c) => c.by));
      const due = clock.calendar.addWorkingDays(new Date(last.circulatedAt), clock.timescales.minutesConfirmManagerWorkingDays);
      for (const id of last.recipients.filter((r) => !confirmed.has(r) && !correcting.has(r))) add([id], `confirm the minutes (version ${last.version})`, due);
    }
    for (const c of minutes.corrections.filter((x) => x.state === 'open')) add([d.chair], `decide correction ${c.id} to the minutes`);
  }
  return out;
}
