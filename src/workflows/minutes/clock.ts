/**
 * The minutes clock: when the chair marks the discussion ended, the minutes are due the
 * partnership's `minutesDueHours` clock hours later; the minute-taker is asked to write them and
 * reminded at the partnership's hours, and the chasers (chasers.ts) are set.
 */
import { startClock } from '../../domain/minutes';
import { draftCardKeys } from './notices';
import { mustBeChair } from '../../domain/strategyDiscussion';
import { Actor } from '../actor';
import { outcomeStanding } from './load';
import { MinutesPorts } from './ports';
import { MinutesView, said } from './views';

export async function endDiscussion(p: MinutesPorts, actor: Actor, reference: string): Promise<MinutesView> {
  const d = await p.access.load(actor, reference);
  mustBeChair(d, actor.person.aadObjectId, 'mark the discussion as ended');
  const t = p.directory.partnership.timescales;
  const now = p.now();
  const m = startClock(d, now, t.minutesDueHours);
  await p.discussions.update(reference, (cur) => (cur.endedAt ? cur : { ...cur, endedAt: m.endedAt }));
  if (!(await p.minutes.create(m))) {
    const existing = (await p.minutes.get(reference))!;
    return said(`${reference} was already marked as ended; the minutes are due ${p.calendar.phrase(new Date(existing.dueAt), now)}.`);
  }
  await p.access.note(actor, reference, 'discussion.ended', `minutes due ${m.dueAt}`);
  p.chairCard.soon(reference);
  const due = new Date(m.dueAt);
  for (const h of t.minutesReminderHours) {
    await p.jobs.schedule({
      id: `minutes|${reference}|remind|${h}h`,
      kind: 'minutes.remind',
      dueAt: p.calendar.addClockHours(new Date(m.endedAt), h),
      payload: { ref: reference, hours: h },
    });
  }
  await p.jobs.schedule({ id: `minutes|${reference}|overdue`, kind: 'minutes.overdue', dueAt: due, payload: { ref: reference } });
  if (d.minuteTaker === d.chair) return { kind: 'minutes.draft', discussion: d, minutes: m, standing: await outcomeStanding(p, d) };
  await p.tell.tell([
    {
      kind: 'minutes.write',
      key: draftCardKeys(reference, [])[0],
      about: reference,
      to: { person: d.minuteTaker },
      reportTo: [d.chair],
      discussion: d,
      minutes: m,
      standing: await outcomeStanding(p, d),
      reminder: false,
    },
  ]);
  return said(
    `${reference}: the discussion is marked as ended. The minutes are due ${p.calendar.phrase(due, now)}; ${p.directory.person(d.minuteTaker)?.name} has been asked to write them.`,
  );
}
