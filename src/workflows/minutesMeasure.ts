/**
 * The partnership's measure of minutes: for a period, how many were circulated within 24 hours,
 * the median time to circulation, and the share confirmed by every recipient.
 */
import { DateTime } from 'luxon';
import { WorkingCalendar } from '../domain/calendar';
import { latest, Minutes } from '../domain/minutes';
import { lateness } from '../cards/minutesCards';
import { AuditTrail } from './ports';
import { MinutesStore } from '../store/minutesStore';
import { Actor } from './actor';

export interface MinutesFigures {
  ended: number;
  circulated: number;
  withinDay: number;
  medianMinutes?: number;
  fullyConfirmed: number;
}

export function figures(all: Minutes[], confirmedBy: Map<string, Set<string>>): MinutesFigures {
  const circulated = all.filter((m) => m.versions.length > 0);
  const durations = circulated.map((m) => (new Date(m.versions[0].circulatedAt).getTime() - new Date(m.endedAt).getTime()) / 60_000).sort((a, b) => a - b);
  const mid = durations.length / 2;
  const median = durations.length === 0 ? undefined : durations.length % 2 ? durations[Math.floor(mid)] : (durations[mid - 1] + durations[mid]) / 2;
  return {
    ended: all.length,
    circulated: circulated.length,
    withinDay: circulated.filter((m) => !m.lateByMinutes).length,
    medianMinutes: median === undefined ? undefined : Math.round(median),
    fullyConfirmed: circulated.filter((m) => {
      const v = latest(m)!;
      const who = confirmedBy.get(`${m.reference}|${v.version}`) ?? new Set();
      return v.recipients.every((r) => who.has(r));
    }).length,
  };
}

export class MinutesMeasure {
  constructor(private readonly store: MinutesStore, private readonly audit: AuditTrail, private readonly calendar: WorkingCalendar, private readonly now: () => Date) {}

  /** `period` is YYYY-MM (a month) or YYYY (a year); empty means this month. */
  async report(actor: Actor, period: string): Promise<string> {
    if (!actor.person.roles.includes('partnership-admin')) {
      await this.audit.record({ subject: 'access', action: 'refused.not-admin', actorAadObjectId: actor.person.aadObjectId, tenantId: actor.tenantId, activityId: actor.activityId, detail: 'minutes report' });
      return 'Only partnership administrators can see the partnership’s minutes measure.';
    }
    const p = period || this.calendar.local(this.now()).toFormat('yyyy-MM');
    if (!/^\d{4}(-\d{2})?$/.test(p)) return 'Give the period as a month (2026-11) or a year (2026): "minutes report 2026-11".';
    const inPeriod = (await this.store.all()).filter((m) => this.calendar.local(new Date(m.endedAt)).toISO()!.startsWith(p));
    const confirmedBy = new Map<string, Set<string>>();
    for (const m of inPeriod) {
      const v = latest(m);
      if (!v) continue;
      const who = (await this.store.confirmations(m.reference)).filter((c) => c.version === v.version).map((c) => c.aadObjectId);
      confirmedBy.set(`${m.reference}|${v.version}`, new Set(who));
    }
    const f = figures(inPeriod, confirmedBy);
    const label = p.length === 4 ? p : DateTime.fromISO(`${p}-01`).toFormat('LLLL yyyy');
    if (f.ended === 0) return `Minutes in ${label}: no strategy discussions ended in this period.`;
    const pct = (n: number) => (f.circulated ? `${Math.round((100 * n) / f.circulated)}%` : 'n/a');
    return [
      `Minutes in ${label}: ${f.ended} discussions ended, ${f.circulated} with minutes circulated.`,
      `- Circulated within 24 hours: ${f.withinDay} of ${f.circulated} (${pct(f.withinDay)})`,
      `- Median time to circulation: ${f.medianMinutes === undefined ? 'n/a' : lateness(f.medianMinutes)}`,
      `- Confirmed by every recipient: ${f.fullyConfirmed} of ${f.circulated} (${pct(f.fullyConfirmed)})`,
    ].join('\n');
  }
}
