import { readFileSync } from 'node:fs';
import { checkDirectory } from '../src/directoryFile';
import { checkAbsence } from '../src/domain/absence';
import { WorkingCalendar } from '../src/domain/calendar';
import { receiverFor } from '../src/domain/cover';
import { Directory, fileAwayOf } from '../src/domain/directory';
import { Invalid } from '../src/domain/refusals';

const calendar = new WorkingCalendar('Europe/London');
const id = (n: number) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [SAM, DEE, OMAR] = [1, 3, 18].map(id);
const now = new Date('2026-11-24T10:00:00Z'); // Tuesday

function directory(away: Record<string, object[]> = {}): Directory {
  const data = JSON.parse(readFileSync('config/partnership.sample.json', 'utf8'));
  for (const p of data.people) if (away[p.aadObjectId]) p.away = away[p.aadObjectId];
  return new Directory(checkDirectory(data));
}

const problems = (f: () => unknown): string[] => {
  try {
    f();
    return [];
  } catch (e) {
    if (e instanceof Invalid) return e.problems;
    throw e;
  }
};

describe('an absence said in chat (domain/absence.ts)', () => {
  test('starts today unless a first day is given, lasts at most 90 days, both days included', () => {
    const d = directory();
    const dee = d.person(DEE)!;
    expect(checkAbsence(d, calendar, dee, { until: '2026-11-24' }, now)).toEqual({ from: '2026-11-24', until: '2026-11-24' });
    expect(checkAbsence(d, calendar, dee, { from: '2026-12-21', until: '2027-01-04', cover: d.person(OMAR) }, now)).toEqual({
      from: '2026-12-21',
      until: '2027-01-04',
      cover: OMAR,
    });
    expect(problems(() => checkAbsence(d, calendar, dee, { until: '2027-02-21' }, now))).toEqual([]); // day 89
    expect(problems(() => checkAbsence(d, calendar, dee, { until: '2027-02-22' }, now))[0]).toContain('at most 90 days');
    expect(problems(() => checkAbsence(d, calendar, dee, { from: '2026-11-23', until: '2026-11-30' }, now))[0]).toContain('is in the past');
    expect(problems(() => checkAbsence(d, calendar, dee, { from: '2026-12-04', until: '2026-12-01' }, now))).toContain(
      'The last day away is before the first.',
    );
  });

  test('a cover away on any day of the absence is refused; away only before or after it, accepted', () => {
    const d = directory({ [OMAR]: [{ from: '2026-12-01', until: '2026-12-02' }] });
    const dee = d.person(DEE)!;
    const omar = d.person(OMAR)!;
    expect(problems(() => checkAbsence(d, calendar, dee, { from: '2026-12-02', until: '2026-12-04', cover: omar }, now))[0]).toContain('away themselves');
    expect(problems(() => checkAbsence(d, calendar, dee, { from: '2026-12-03', until: '2026-12-04', cover: omar }, now))).toEqual([]);
  });

  test('what was said last wins: said over the file, it stands until the file’s entry for that person changes', () => {
    const d = directory({ [SAM]: [{ from: '2026-11-20', until: '2026-11-30', cover: OMAR }] });
    const sam = d.person(SAM)!;
    expect(receiverFor(d, calendar, SAM, now).person).toBe(OMAR);
    d.state({ person: SAM, away: [], overFile: fileAwayOf(sam), at: now.toISOString(), by: SAM }); // "back"
    expect(receiverFor(d, calendar, SAM, now).person).toBe(SAM);
    // The file is reloaded unchanged for Sam: what he said still stands.
    d.replace(directory({ [SAM]: [{ from: '2026-11-20', until: '2026-11-30', cover: OMAR }] }).data);
    expect(receiverFor(d, calendar, SAM, now).person).toBe(SAM);
    // The administrator changes Sam's entry: the file is newer now.
    d.replace(directory({ [SAM]: [{ from: '2026-11-24', until: '2026-12-04', cover: OMAR }] }).data);
    expect(receiverFor(d, calendar, SAM, now).person).toBe(OMAR);
  });
});
