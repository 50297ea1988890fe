import { DateTime } from 'luxon';
import bankHolidays from '../../data/bank-holidays.england-and-wales.json';

/**
 * Working-day arithmetic in the partnership's time zone. Instants are UTC `Date`s; days are
 * counted on the local calendar so a clock change never moves a deadline by an hour.
 */
export class WorkingCalendar {
  private readonly closed: Set<string>;

  constructor(
    readonly timeZone: string,
    closureDays: string[] = [],
    private readonly startOfDay = '09:00',
    private readonly endOfDay = '17:00',
  ) {
    this.closed = new Set([...bankHolidays.events.map((e) => e.date), ...closureDays]);
  }

  local(instant: Date): DateTime {
    return DateTime.fromJSDate(instant, { zone: this.timeZone });
  }

  isWorkingDay(instant: Date | DateTime): boolean {
    const d = instant instanceof Date ? this.local(instant) : instant;
    return d.weekday <= 5 && !this.closed.has(d.toISODate()!);
  }

  /** N working days later at the same local time of day (a Thursday 15:00 + 1 is Friday 15:00). */
  addWorkingDays(instant: Date, days: number): Date {
    let d = this.local(instant);
    for (let left = days; left > 0;) {
      d = d.plus({ days: 1 });
      if (this.isWorkingDay(d)) left--;
    }
    return d.toJSDate();
  }

  /** The end of the Nth working day after the instant's own day: "by the end of the next working day". */
  endOfWorkingDayAfter(instant: Date, days: number): Date {
    return this.at(this.addWorkingDays(this.startOf(instant), days), this.endOfDay);
  }

  /** The start of the first working day after the instant's day (09:00 by default). */
  startOfNextWorkingDay(instant: Date): Date {
    return this.at(this.addWorkingDays(this.startOf(instant), 1), this.startOfDay);
  }

  /** The start of the last working day before the instant's day: "a working day before" a date. */
  startOfWorkingDayBefore(instant: Date): Date {
    let d = this.local(instant).startOf('day');
    do d = d.minus({ days: 1 });
    while (!this.isWorkingDay(d));
    return this.at(d.toJSDate(), this.startOfDay);
  }

  /**
   * N hours of working time later: only the hours between the start and the end of working days
   * count, so 4 working hours from 15:00 on a Friday end at 11:00 on Monday, and from 20:00 they
   * start at the next working day's opening.
   */
  addWorkingHours(instant: Date, hours: number): Date {
    let left = hours * 3_600_000;
    let at = this.local(instant);
    for (;;) {
      const open = DateTime.fromJSDate(this.at(at.toJSDate(), this.startOfDay), { zone: this.timeZone });
      const close = DateTime.fromJSDate(this.at(at.toJSDate(), this.endOfDay), { zone: this.timeZone });
      if (this.isWorkingDay(at) && at < close) {
        const from = at < open ? open : at;
        const available = close.toMillis() - from.toMillis();
        if (left <= available) return from.plus({ milliseconds: left }).toJSDate();
        left -= available;
      }
      at = at.plus({ days: 1 }).startOf('day');
    }
  }

  /** Is this instant within working hours on a working day? */
  isWorkingTime(instant: Date): boolean {
    const d = this.local(instant);
    return this.isWorkingDay(d) && d >= this.local(this.at(instant, this.startOfDay)) && d < this.local(this.at(instant, this.endOfDay));
  }

  /** "24 hours" is 24 clock hours, across weekends and clock changes. */
  addClockHours(instant: Date, hours: number): Date {
    return new Date(instant.getTime() + hours * 3_600_000);
  }

  /** A deadline in words: "by 17:00 on Tuesday 29 December". The year is said when it is not this one. */
  phrase(instant: Date, now?: Date): string {
    const d = this.local(instant);
    const sameYear = !now || this.local(now).year === d.year;
    return `by ${d.toFormat('HH:mm')} on ${d.toFormat(sameYear ? 'cccc d LLLL' : 'cccc d LLLL yyyy')}`;
  }

  /** A moment in words, for records: "Thursday 24 December 2026 at 15:04". */
  describe(instant: Date): string {
    return this.local(instant).toFormat("cccc d LLLL yyyy 'at' HH:mm");
  }

  /** A local date and time typed into a card (YYYY-MM-DD, HH:mm) as an instant. */
  fromLocal(date: string, time = '00:00'): Date | undefined {
    const d = DateTime.fromISO(`${date}T${time}`, { zone: this.timeZone });
    return d.isValid ? d.toJSDate() : undefined;
  }

  private startOf(instant: Date): Date {
    return this.local(instant).startOf('day').toJSDate();
  }

  private at(instant: Date, hhmm: string): Date {
    const [hour, minute] = hhmm.split(':').map(Number);
    return this.local(instant).set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
  }
}
