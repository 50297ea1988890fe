import { readFileSync } from 'node:fs';
import { checkDirectory } from '../src/directoryFile';
import { WorkingCalendar } from '../src/domain/calendar';
import { receiverFor, receiversFor } from '../src/domain/cover';
import { Directory } from '../src/domain/directory';

const sample = () => JSON.parse(readFileSync('config/partnership.sample.json', 'utf8'));
const calendar = new WorkingCalendar('Europe/London');
const id = (n: number) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [SAM, PRIYA, DEE, NIA, TOM, RUTH, OMAR] = [1, 2, 3, 6, 7, 8, 18].map(id);

function withAway(away: Record<string, object[]>): Directory {
  const data = sample();
  for (const p of data.people) if (away[p.aadObjectId]) p.away = away[p.aadObjectId];
  return new Directory(checkDirectory(data));
}

describe('who receives a chase (domain/cover.ts)', () => {
  const at = new Date('2026-12-30T10:00:00Z');

  test('someone not away receives their own; someone away, their named cover, said why in words', () => {
    const d = withAway({ [DEE]: [{ from: '2026-12-21', until: '2027-01-04', cover: OMAR }] });
    expect(receiverFor(d, calendar, NIA, at)).toEqual({ person: NIA });
    expect(receiverFor(d, calendar, DEE, at)).toEqual({ person: OMAR, why: 'Sent to you as cover for Dee Walsh, away until Monday 4 January 2027' });
    // Both days are included; the day after, Dee receives her own again.
    expect(receiverFor(d, calendar, DEE, new Date('2026-12-21T00:30:00Z')).person).toBe(OMAR);
    expect(receiverFor(d, calendar, DEE, new Date('2027-01-04T23:30:00Z')).person).toBe(OMAR); // still the 4th in London
    expect(receiverFor(d, calendar, DEE, new Date('2027-01-05T00:30:00Z')).person).toBe(DEE);
  });

  test('no named cover: their manager; a manager away too passes it up; a loop or nobody above stops at the last person found', () => {
    const d = withAway({
      [NIA]: [{ from: '2026-12-24', until: '2026-12-31' }],
      [TOM]: [{ from: '2026-12-30', until: '2026-12-30' }],
      [SAM]: [{ from: '2026-12-29', until: '2027-01-02', cover: PRIYA }],
      [PRIYA]: [{ from: '2026-12-29', until: '2027-01-02', cover: SAM }],
      [RUTH]: [{ from: '2026-12-29', until: '2027-01-02' }],
    });
    expect(receiverFor(d, calendar, NIA, new Date('2026-12-29T10:00:00Z'))).toEqual({
      person: TOM,
      why: 'Sent to you as cover for Nia Evans, away until Thursday 31 December 2026',
    });
    // Tom is away on the 30th and so is Ruth, his manager, who has nobody above her: she still receives it.
    expect(receiverFor(d, calendar, NIA, at)).toEqual({ person: RUTH, why: 'Sent to you as cover for Nia Evans, away until Thursday 31 December 2026' });
    // Sam and Priya cover each other and both are away: Priya, the last found, receives Sam's.
    expect(receiverFor(d, calendar, SAM, at).person).toBe(PRIYA);
    expect(receiversFor(d, calendar, [SAM, PRIYA], at).map((r) => r.person)).toEqual([PRIYA, SAM]);
  });

  test('a cover who is not in the directory, a span that ends before it starts, or covering oneself is refused, naming the person', () => {
    const data = sample();
    data.people[2].away = [{ from: '2026-12-21', until: '2026-12-20', cover: 'cccccccc-0000-4000-8000-000000000000' }];
    data.people[5].away = [{ from: '2026-12-21', until: '2026-12-22', cover: NIA }];
    let message = '';
    try {
      checkDirectory(data);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('person "Dee Walsh": away from 2026-12-21 until 2026-12-20 is not a time span');
    expect(message).toContain('person "Dee Walsh": cover cccccccc-0000-4000-8000-000000000000 is not in the people list');
    expect(message).toContain('person "Nia Evans": cannot cover for themselves');
  });
});
