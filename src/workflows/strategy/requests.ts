/**
 * Asking every attendee to acknowledge the current version, showing the chair the tally, and
 * setting the chasers. Every job has a fixed id and every notice a fixed key, so doing it again
 * (a retry of the same save after a failure half-way) completes what is missing and repeats nothing.
 */
import { attendees, currentVersion, StrategyDiscussion } from '../../domain/strategyDiscussion';
import { AnyJob } from '../jobs';
import { Notice } from '../notices';
import { ackRequestKeys, versionJob } from './notices';
import { StrategyPorts } from './ports';

export async function askForAcknowledgement(ports: StrategyPorts, d: StrategyDiscussion): Promise<void> {
  const v = currentVersion(d)!;
  const { calendar, schedule } = ports;
  const t = ports.directory.partnership.timescales;
  const sentAt = new Date(v.recordedAt);
  const id = (what: string) => versionJob(d.reference, v.version, what);
  const jobs: AnyJob[] = attendees(d).flatMap((person) => personJobs(ports, d, person, sentAt));
  for (const a of v.outcome.actions) {
    const payload = { ref: d.reference, version: v.version, actionId: a.id };
    jobs.push(
      { id: id(`action-due|${a.id}`), kind: 'sd.action.due', dueAt: calendar.fromLocal(a.dueDate, t.startOfWorkingDay)!, payload },
      { id: id(`action-overdue|${a.id}`), kind: 'sd.action.overdue', dueAt: calendar.fromLocal(a.dueDate, t.endOfWorkingDay)!, payload },
    );
  }
  if (v.outcome.followUpDate) {
    // The owner is offered to convene it a working day before and on the day; its date passed with
    // nothing convened, the chair's manager hears, then their manager a working day later.
    const payload = { ref: d.reference, version: v.version };
    const day = calendar.fromLocal(v.outcome.followUpDate, t.startOfWorkingDay)!;
    const missed = calendar.fromLocal(v.outcome.followUpDate, t.endOfWorkingDay)!;
    jobs.push(
      { id: id('follow-up-before'), kind: 'sd.followup.remind', dueAt: calendar.startOfWorkingDayBefore(day), payload },
      { id: id('follow-up'), kind: 'sd.followup.due', dueAt: day, payload },
      { id: id('follow-up-missed|1'), kind: 'sd.followup.missed', dueAt: missed, payload: { ...payload, step: 1 } },
      { id: id('follow-up-missed|2'), kind: 'sd.followup.missed', dueAt: calendar.addWorkingDays(missed, 1), payload: { ...payload, step: 2 } },
    );
  }
  // A few round trips whatever the number of attendees: this runs inside the chair's card action, and Teams waits about 5 s.
  await schedule.scheduleAll(jobs);
  const asked = v.version === 1 ? 'first' : 'amended';
  const notices: Notice[] = attendees(d).map((person) => ackRequest(d, person, asked));
  await ports.tell.tell(notices);
  // The chair's tally is the card they recorded the outcome on (its view is their answer); the
  // requests for the version before now point to this one, with nothing left to answer.
  if (v.version > 1) await supersedeRequests(ports, d, v.version - 1);
}

async function supersedeRequests(ports: StrategyPorts, d: StrategyDiscussion, version: number): Promise<void> {
  await ports.tell.replaceLater(
    attendees(d).flatMap((person) =>
      ackRequestKeys(d.reference, version, person).map((key): Notice => ({
        kind: 'sd.ack-superseded',
        key,
        about: d.reference,
        to: { person },
        discussion: d,
        person,
        version,
      })),
    ),
  );
}

/** Someone who joined after the outcome was recorded is asked for the current version now, and chased from now. */
export async function askNewcomer(ports: StrategyPorts, d: StrategyDiscussion, person: string): Promise<void> {
  const v = currentVersion(d);
  if (!v) return;
  await ports.schedule.scheduleAll(personJobs(ports, d, person, ports.now()));
  await ports.tell.tell([ackRequest(d, person, v.version === 1 ? 'first' : 'amended')]);
}

/** One attendee's chasers for the current version: reminders, then their manager. */
function personJobs(ports: StrategyPorts, d: StrategyDiscussion, person: string, sentAt: Date): AnyJob[] {
  const v = currentVersion(d)!;
  const { calendar } = ports;
  const t = ports.directory.partnership.timescales;
  const id = (what: string) => versionJob(d.reference, v.version, what);
  const payload = { ref: d.reference, version: v.version, person };
  return [
    { id: id(`remind-hours|${person}`), kind: 'sd.ack.remind', dueAt: calendar.addClockHours(sentAt, t.acknowledgementFirstReminderHours), payload },
    { id: id(`remind-next-day|${person}`), kind: 'sd.ack.remind', dueAt: calendar.startOfNextWorkingDay(sentAt), payload },
    { id: id(`manager|${person}`), kind: 'sd.ack.manager', dueAt: calendar.addWorkingDays(sentAt, t.acknowledgementManagerWorkingDays), payload },
  ];
}

function ackRequest(d: StrategyDiscussion, person: string, asked: 'first' | 'amended'): Notice {
  const v = currentVersion(d)!;
  return {
    kind: 'sd.ack-request',
    key: `${d.reference}|ack|v${v.version}|${person}`,
    about: d.reference,
    to: { person },
    reportTo: [d.chair],
    discussion: d,
    person,
    asked,
  };
}
