/**
 * Retention by rule, in process: a child's thread is judged as one (its last step counts for every
 * case on it), and a legal hold on any of its cases keeps the whole thread.
 */
import { WorkingCalendar } from '../src/domain/calendar';
import { Retention } from '../src/workflows/governance/retention';
import { CaseRows, Drafts, GovernanceRecords, LegalHold, StoredRow, Tombstone } from '../src/workflows/governance/ports';
import { AuditRecord } from '../src/workflows/ports';
import { Actor } from '../src/workflows/actor';
import { directory, id } from './harness/sampleDiscussion';
import { FixedClock } from './inMemory/clock';
import { InMemoryAudit } from './inMemory/audit';
import { InMemorySchedule } from './inMemory/schedule';
import { InMemoryThreads } from './inMemory/threads';

const DAY = 86_400_000;

/** Holds, tombstones, case rows and drafts in memory: one stored row a case is enough here. */
class Records implements GovernanceRecords, CaseRows, Drafts {
  readonly cases = new Map<string, StoredRow[]>();
  readonly held = new Map<string, LegalHold>();
  readonly stones = new Map<string, Tombstone>();
  holds = async () => [...this.held.values()];
  hold = async (h: LegalHold) => this.held.get(h.reference) ?? void this.held.set(h.reference, h);
  lift = async (r: string) => this.held.delete(r);
  readonly marks = new Map<string, string>();
  startErasing = async (r: string, _at: Date) => {
    const mark = `${r}|${this.marks.size + 1}`;
    this.marks.set(mark, r);
    return mark;
  };
  erasing = async (r: string, _now: Date) => [...this.marks.values()].includes(r);
  finishErasing = async (mark: string) => void this.marks.delete(mark);
  bury = async (t: Tombstone) => void this.stones.set(t.reference, t);
  tombstone = async (r: string) => this.stones.get(r);
  references = async () => [...this.cases.keys()].sort();
  rows = async (r: string) => this.cases.get(r) ?? [];
  rowsNaming = async () => [];
  auditBy = async (): Promise<AuditRecord[]> => [];
  all = async () => [];
  remove = async () => undefined;
  erase = async (r: string) => {
    const n = (this.cases.get(r) ?? []).length;
    this.cases.delete(r);
    return n;
  };
}

function world() {
  const clock = new FixedClock(new Date('2026-01-05T10:00:00Z'));
  const p = directory.partnership;
  const audit = new InMemoryAudit(clock.now);
  const records = new Records();
  const threads = new InMemoryThreads();
  const retention = new Retention({
    threads,
    nhsNumbers: threads,
    records,
    cases: records,
    drafts: records,
    audit,
    schedule: new InMemorySchedule(),
    directory,
    calendar: new WorkingCalendar(p.timeZone, p.closureDays, p.timescales.startOfWorkingDay, p.timescales.endOfWorkingDay),
    now: clock.now,
  });
  /** A case with one stored row and a first step now. */
  const open = async (reference: string) => {
    records.cases.set(reference, [{ table: 'referrals', key: 'referral', content: {} }]);
    await audit.record({ subject: reference, action: 'opened' });
  };
  return { clock, audit, records, threads, retention, open };
}

describe('retention judges a child’s thread as one', () => {
  test('a referral past the period stays while the discussion it led to is still being worked on; both go once the thread is quiet', async () => {
    const w = world();
    await w.open('REF-0001');
    w.clock.advance(2000 * DAY);
    await w.open('SD-0001');
    await w.threads.link('REF-0001', 'SD-0001', 'started-from');
    await w.open('REF-0002'); // another child, as old as SD-0001
    w.clock.advance(200 * DAY); // REF-0001 is 2,200 days old; its thread's last step 200 days

    expect(await w.retention.run()).toEqual({ drafts: 0, cases: 0 });
    expect(await w.records.references()).toEqual(['REF-0001', 'REF-0002', 'SD-0001']);

    w.clock.advance(2000 * DAY);
    expect(await w.retention.run()).toEqual({ drafts: 0, cases: 3 });
    expect(w.records.stones.get('REF-0001')).toMatchObject({ type: 'referral', thread: ['SD-0001'] });
    expect(w.audit.actions('SD-0001')).toEqual(['opened', 'retention.deleted']);
  });

  test('a legal hold on one case of a thread keeps every case of it; reading a record is not a step', async () => {
    const w = world();
    await w.open('REF-0001');
    await w.open('SD-0001');
    await w.threads.link('REF-0001', 'SD-0001', 'started-from');
    await w.records.hold({ reference: 'SD-0001', reason: 'court', by: 'x', at: '' });
    w.clock.advance(2191 * DAY);
    await w.audit.record({ subject: 'REF-0001', action: 'record.viewed' });

    expect(await w.retention.run()).toEqual({ drafts: 0, cases: 0 });
    await w.records.lift('SD-0001');
    expect(await w.retention.run()).toEqual({ drafts: 0, cases: 2 });
  });
});

describe('a legal hold and a deletion at the same moment', () => {
  /** A referral and the discussion it led to, untouched past the retention period. */
  const quietThread = async () => {
    const w = world();
    await w.open('REF-0001');
    await w.open('SD-0001');
    await w.threads.link('REF-0001', 'SD-0001', 'started-from');
    w.clock.advance(2200 * DAY);
    return w;
  };
  const alison: Actor = { person: directory.person(id('Alison Bright'))!, tenantId: 't', activityId: 'a', userId: '29:alison' };

  test('a hold placed while the nightly deletion is part-way through a thread is never answered "on hold" for records that then go', async () => {
    const w = await quietThread();
    // An administrator places a hold on SD-0001 just as the deletion has removed REF-0001.
    let said = '';
    const erase = w.records.erase;
    w.records.erase = async (r: string) => {
      const n = await erase(r);
      if (r === 'REF-0001') said = await w.retention.hold(alison, 'SD-0001', 'Court proceedings');
      return n;
    };
    await w.retention.run();
    const kept = await w.records.references();
    if (said.startsWith('SD-0001 is on legal hold')) expect(kept).toContain('SD-0001');
    else
      expect(said).toBe(
        'SD-0001 is being deleted or erased at this moment, so the hold was not placed. If Concord still has it in a few minutes, place the hold again; if it went, its tombstone says so.',
      );
    expect(kept.includes('SD-0001') || !(await w.records.holds()).some((h) => h.reference === 'SD-0001')).toBe(true);
  });

  test('a hold that lands after the deletion began but before it read the holds again stops it: nothing on the thread goes', async () => {
    const w = await quietThread();
    // The nightly job read the holds at its start (none); a hold lands as it marks the thread.
    const mark = w.records.startErasing;
    w.records.startErasing = async (r: string, at: Date) => {
      if (r === 'SD-0001') await w.records.hold({ reference: 'SD-0001', reason: 'court', by: 'x', at: '' });
      return mark(r, at);
    };
    expect(await w.retention.run()).toEqual({ drafts: 0, cases: 0 });
    expect(await w.records.references()).toEqual(['REF-0001', 'SD-0001']);
    expect(w.records.marks.size).toBe(0);
  });

  test('a hold asked for just as an erasure finished (marks gone, the case too) is not answered "on hold"', async () => {
    const w = world();
    await w.open('SD-0001');
    const hold = w.records.hold;
    w.records.hold = async (h) => {
      await w.records.erase('SD-0001'); // the whole erasure ran between finding the case and placing the hold
      return hold(h);
    };
    const said = await w.retention.hold(alison, 'SD-0001', 'Court proceedings');
    expect(said).toMatch(/^SD-0001 is being deleted or erased at this moment, so the hold was not placed\./);
    expect(await w.records.holds()).toEqual([]);
  });
});
