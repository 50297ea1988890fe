/**
 * The partnership's measure of minutes: for a period, how many were circulated within their
 * deadline (the partnership's `minutesDueHours`), the median time to circulation, and the share
 * confirmed by every recipient.
 */
import { DateTime } from 'luxon';
import { lateness } from '../../domain/minutes';
import { Actor } from '../actor';
import { Said } from '../ports';
import { MinutesMeasured, MinutesMeasures, MinutesPorts } from './ports';
import { said } from './views';

interface MinutesFigures {
  ended: number;
  circulated: number;
  /** Circulated by their deadline. */
  onTime: number;
  medianMinutes?: number;
  fullyConfirmed: number;
}

function figures(all: MinutesMeasured[]): MinutesFigures {
  const circulated = all.filter((m) => m.circulated);
  const durations = circulated.map((m) => m.minutesToCirculation ?? 0).sort((a, b) => a - b);
  const mid = durations.length / 2;
  const median = durations.length === 0 ? undefined : durations.length % 2 ? durations[Math.floor(mid)] : (durations[mid - 1] + durations[mid]) / 2;
  return {
    ended: all.length,
    circulated: circulated.length,
    onTime: circulated.filter((m) => m.onTime).length,
    medianMinutes: median === undefined ? undefined : Math.round(median),
    fullyConfirmed: circulated.filter((m) => m.fullyConfirmed).length,
  };
}

type MeasurePorts = Pick<MinutesPorts, 'audit' | 'directory' | 'calendar' | 'now'> & { measures: MinutesMeasures };

/** `period` is YYYY-MM (a month) or YYYY (a year); empty means this month. */
export async function minutesReport(p: MeasurePorts, actor: Actor, period: string): Promise<Said> {
  if (!actor.person.roles.includes('partnership-admin')) {
    await p.audit.record({
      subject: 'access',
      action: 'refused.not-admin',
      actorAadObjectId: actor.person.aadObjectId,
      tenantId: actor.tenantId,
      activityId: actor.activityId,
      detail: 'minutes report',
    });
    return said('Only partnership administrators can see the partnership’s minutes measure.');
  }
  const at = period || p.calendar.local(p.now()).toFormat('yyyy-MM');
  if (!/^\d{4}(-\d{2})?$/.test(at)) return said('Give the period as a month (2026-11) or a year (2026): "minutes report 2026-11".');
  // Only the period's own months are read: a year is its twelve.
  const months = at.length === 4 ? Array.from({ length: 12 }, (_, i) => `${at}-${String(i + 1).padStart(2, '0')}`) : [at];
  const inPeriod = (await Promise.all(months.map((m) => p.measures.endedIn(m)))).flat();
  const f = figures(inPeriod);
  const label = at.length === 4 ? at : DateTime.fromISO(`${at}-01`).toFormat('LLLL yyyy');
  if (f.ended === 0) return said(`Minutes in ${label}: no strategy discussions ended in this period.`);
  const pct = (n: number) => (f.circulated ? `${Math.round((100 * n) / f.circulated)}%` : 'n/a');
  return said(
    [
      `Minutes in ${label}: ${f.ended} discussions ended, ${f.circulated} with minutes circulated.`,
      `- Circulated within ${p.directory.partnership.timescales.minutesDueHours} hours: ${f.onTime} of ${f.circulated} (${pct(f.onTime)})`,
      `- Median time to circulation: ${f.medianMinutes === undefined ? 'n/a' : lateness(f.medianMinutes)}`,
      `- Confirmed by every recipient: ${f.fullyConfirmed} of ${f.circulated} (${pct(f.fullyConfirmed)})`,
    ].join('\n'),
  );
}
