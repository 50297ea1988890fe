import { WorkingCalendar } from '../src/domain/calendar';

const london = new WorkingCalendar('Europe/London');
const at = (iso: string) => new Date(iso);

describe('working days in England and Wales', () => {
  test('Christmas 2026: Friday 25th is Christmas Day and Monday 28th the Boxing Day substitute', () => {
    expect(london.isWorkingDay(at('2026-12-24T12:00:00Z'))).toBe(true);
    expect(london.isWorkingDay(at('2026-12-25T12:00:00Z'))).toBe(false);
    expect(london.isWorkingDay(at('2026-12-28T12:00:00Z'))).toBe(false);
    expect(london.isWorkingDay(at('2026-12-29T12:00:00Z'))).toBe(true);
    // Thursday 24 December 15:00 plus one working day is Tuesday 29 December 15:00.
    expect(london.addWorkingDays(at('2026-12-24T15:00:00Z'), 1)).toEqual(at('2026-12-29T15:00:00Z'));
    expect(london.phrase(london.endOfWorkingDayAfter(at('2026-12-24T15:00:00Z'), 1))).toBe('by 17:00 on Tuesday 29 December');
  });

  test('Easter 2027: Good Friday and Easter Monday are skipped, and the clocks going forward keep the local time', () => {
    expect(london.isWorkingDay(at('2027-03-26T12:00:00Z'))).toBe(false);
    expect(london.isWorkingDay(at('2027-03-29T12:00:00Z'))).toBe(false);
    // Thursday 25 March 10:00 GMT → Tuesday 30 March 10:00 BST, which is 09:00 UTC.
    expect(london.addWorkingDays(at('2027-03-25T10:00:00Z'), 1)).toEqual(at('2027-03-30T09:00:00Z'));
    expect(london.phrase(at('2027-03-30T09:00:00Z'), at('2027-01-01T00:00:00Z'))).toBe('by 10:00 on Tuesday 30 March');
  });

  test('the clocks going back on 25 October 2026 do not move a working-day deadline by an hour', () => {
    // Friday 23 October 10:00 BST (09:00 UTC) → Monday 26 October 10:00 GMT (10:00 UTC).
    expect(london.addWorkingDays(at('2026-10-23T09:00:00Z'), 1)).toEqual(at('2026-10-26T10:00:00Z'));
    expect(london.startOfNextWorkingDay(at('2026-10-23T15:00:00Z'))).toEqual(at('2026-10-26T09:00:00Z'));
  });

  test('24 clock hours cross a weekend and a clock change as real hours', () => {
    expect(london.addClockHours(at('2026-11-27T18:00:00Z'), 24)).toEqual(at('2026-11-28T18:00:00Z'));
    // Saturday 24 October 12:00 BST + 24 hours is Sunday 25 October 11:00 GMT.
    const later = london.addClockHours(at('2026-10-24T11:00:00Z'), 24);
    expect(london.local(later).toFormat('ccc HH:mm')).toBe('Sun 11:00');
  });

  test('the end of the next working day from a Friday before a bank holiday Monday is Tuesday 17:00', () => {
    // Friday 28 August 2026, the summer bank holiday is Monday 31 August.
    expect(london.endOfWorkingDayAfter(at('2026-08-28T14:00:00Z'), 1)).toEqual(at('2026-09-01T16:00:00Z'));
  });

  test("a partnership's own closure days are not working days", () => {
    const withClosure = new WorkingCalendar('Europe/London', ['2026-12-24']);
    expect(withClosure.addWorkingDays(at('2026-12-23T10:00:00Z'), 1)).toEqual(at('2026-12-29T10:00:00Z'));
  });

  test('a year is said only when the deadline is not in the current year', () => {
    expect(london.phrase(at('2027-01-04T17:00:00Z'), at('2026-12-30T10:00:00Z'))).toBe('by 17:00 on Monday 4 January 2027');
  });

  test('the shipped bank holidays cover 2018 to 2030 with their source named', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const data = require('../data/bank-holidays.england-and-wales.json');
    expect(data.source).toMatch(/gov\.uk\/bank-holidays\.json/);
    const years = new Set(data.events.map((e: { date: string }) => e.date.slice(0, 4)));
    for (let y = 2018; y <= 2030; y++) expect(years.has(String(y))).toBe(true);
    expect(data.events).toContainEqual({ date: '2022-09-19', title: 'Bank Holiday for the State Funeral of Queen Elizabeth II' });
  });

  test('working hours count only opening hours on working days: Friday 15:00 + 4 is Monday 11:00; 20:00 + 4 is 13:00 the next working day', () => {
    const c = new WorkingCalendar('Europe/London');
    expect(c.addWorkingHours(new Date('2026-11-27T15:00:00Z'), 4).toISOString()).toBe('2026-11-30T11:00:00.000Z');
    expect(c.addWorkingHours(new Date('2026-11-26T20:00:00Z'), 4).toISOString()).toBe('2026-11-27T13:00:00.000Z');
    expect(c.addWorkingHours(new Date('2026-11-23T07:30:00Z'), 4).toISOString()).toBe('2026-11-23T13:00:00.000Z');
    // British Summer Time: 14:00 local is 13:00 UTC.
    expect(c.addWorkingHours(new Date('2026-07-06T09:00:00Z'), 4).toISOString()).toBe('2026-07-06T13:00:00.000Z');
  });
});
