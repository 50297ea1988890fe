/**
 * The minutes rules, in process: the use cases with in-memory ports, a clock the test moves and
 * the sample directory. What people are told is asserted as notices (domain words); where the
 * wording is the rule (the partnership's deadline), through the Teams presenter too.
 */
import { WorkingCalendar } from '../src/domain/calendar';
import { Directory } from '../src/domain/directory';
import { MinutesCards } from '../src/cards/minutesCards';
import { MinutesPresenter } from '../src/teams/minutesPresenter';
import { Actor } from '../src/workflows/actor';
import { Notice } from '../src/workflows/notices';
import { endDiscussion } from '../src/workflows/minutes/clock';
import { saveDraft } from '../src/workflows/minutes/drafting';
import { circulate } from '../src/workflows/minutes/circulation';
import { confirm, review } from '../src/workflows/minutes/confirmation';
import { askForCorrection, decide } from '../src/workflows/minutes/corrections';
import { chaseConfirmation, minutesOverdue, remindMinuteTaker } from '../src/workflows/minutes/chasers';
import { minutesReport } from '../src/workflows/minutes/measure';
import { minutesRecordLines } from '../src/workflows/minutes/record';
import { MinutesPorts } from '../src/workflows/minutes/ports';
import { FactsOf } from '../src/partnership/caseFacts';
import { MinutesView } from '../src/workflows/minutes/views';
import { directory as sample, id, sampleDiscussion } from './harness/sampleDiscussion';
import { text } from './harness/cards';
import { FixedClock, HOUR } from './inMemory/clock';
import { InMemoryAudit } from './inMemory/audit';
import { InMemorySchedule } from './inMemory/schedule';
import { RecordingTell } from './inMemory/tell';
import { InMemoryCaseAccess, InMemoryDiscussions } from './inMemory/discussions';
import { InMemoryMinutes } from './inMemory/minutes';

const REF = 'SD-0042';
const ENDED = new Date('2026-11-23T10:00:00Z'); // Monday 10:00
const FORM = {
  agencyInformation: 'Police: a history of violence. Hospital: bruising on admission.',
  analysis: 'A non-mobile baby with unexplained bruising.',
  decision: 's47-joint',
  rationale: 'Unexplained injuries',
  actions: 'A1: joint visit',
  familyTold: 'Not shared: risk to the baby',
};

function withDueHours(hours: number): Directory {
  const data = structuredClone(sample.data);
  data.partnership.timescales = { ...data.partnership.timescales, minutesDueHours: hours };
  return new Directory(data);
}

function world(at = ENDED, directory = sample) {
  const clock = new FixedClock(at);
  const p = directory.partnership;
  const calendar = new WorkingCalendar(p.timeZone, p.closureDays, p.timescales.startOfWorkingDay, p.timescales.endOfWorkingDay);
  const audit = new InMemoryAudit(clock.now);
  const discussions = new InMemoryDiscussions([sampleDiscussion()]);
  const tell = new RecordingTell();
  const jobs = new InMemorySchedule();
  const minutes = new InMemoryMinutes();
  const ports: MinutesPorts = {
    access: new InMemoryCaseAccess(discussions, audit),
    minutes,
    discussions,
    tell,
    jobs,
    audit,
    directory,
    calendar,
    now: clock.now,
    chairCard: { soon: () => undefined },
  };
  const presenter = new MinutesPresenter(new MinutesCards(directory, calendar), directory, calendar, { person: async () => undefined }, clock.now);
  const as = (name: string): Actor => ({ person: directory.person(id(name))!, tenantId: 't', activityId: 'a', userId: `29:${name}` });
  /** Runs the minutes chasers due by now, as the sweeper would. */
  const sweep = async () => {
    const now = clock.now();
    for (const j of jobs.takeDue('minutes.remind', now)) await remindMinuteTaker(ports, j.payload, j.id);
    for (const j of jobs.takeDue('minutes.overdue', now)) await minutesOverdue(ports, j.payload, j.id);
    for (const j of jobs.takeDue('minutes.confirm.remind', now)) await chaseConfirmation(ports, j.payload, false, j.id);
    for (const j of jobs.takeDue('minutes.confirm.manager', now)) await chaseConfirmation(ports, j.payload, true, j.id);
  };
  const reportPorts = { ...ports, measures: minutes.measures(new FactsOf(calendar, directory)) };
  return { clock, audit, tell, jobs, minutes, discussions, ports, reportPorts, presenter, as, sweep, calendar };
}

const to = (n: Notice) => ('person' in n.to ? sample.person(n.to.person)?.name : n.to.channel);
const saidText = (v: MinutesView) => (v.kind === 'said' ? v.text : `(a ${v.kind} card)`);
const dueTimes = (w: ReturnType<typeof world>) => [...w.jobs.jobs.values()].map((j) => `${j.kind} ${j.dueAt.toISOString()}`).sort();

describe('the minutes clock', () => {
  test('due 24 clock hours after the end, across a weekend and a clock change: reminders at 12 and 20 hours, overdue at 24', async () => {
    const ended = new Date('2027-03-27T12:00:00Z'); // Saturday 12:00 GMT; the clocks go forward on Sunday
    const w = world(ended);
    const said = await endDiscussion(w.ports, w.as('Sam Okafor'), REF);
    expect(saidText(said)).toBe(
      `${REF}: the discussion is marked as ended. The minutes are due by 13:00 on Sunday 28 March; Dee Walsh has been asked to write them.`,
    );
    expect(dueTimes(w)).toEqual([
      'minutes.overdue 2027-03-28T12:00:00.000Z',
      'minutes.remind 2027-03-28T00:00:00.000Z',
      'minutes.remind 2027-03-28T08:00:00.000Z',
    ]);
    const [write] = w.tell.take();
    expect(write).toMatchObject({ kind: 'minutes.write', about: REF, reminder: false, reportTo: [id('Sam Okafor')] });
    expect(to(write)).toBe('Dee Walsh');
  });

  test('ending twice starts one clock', async () => {
    const w = world();
    await endDiscussion(w.ports, w.as('Sam Okafor'), REF);
    w.clock.advance(HOUR);
    expect(saidText(await endDiscussion(w.ports, w.as('Sam Okafor'), REF))).toBe(
      `${REF} was already marked as ended; the minutes are due by 10:00 on Tuesday 24 November.`,
    );
    expect(w.jobs.of('minutes.overdue')).toHaveLength(1);
  });

  test('the minute-taker is reminded at 12 and 20 hours; at 24 the chair and the minute-taker’s manager are told, and the breach is audited', async () => {
    const w = world();
    await endDiscussion(w.ports, w.as('Sam Okafor'), REF);
    w.tell.take();
    w.clock.advance(12 * HOUR);
    await w.sweep();
    w.clock.advance(8 * HOUR);
    await w.sweep();
    expect(w.tell.take().map((n) => [n.kind, to(n), n.kind === 'minutes.write' && n.reminder])).toEqual([
      ['minutes.write', 'Dee Walsh', true],
      ['minutes.write', 'Dee Walsh', true],
    ]);
    w.clock.advance(4 * HOUR - 1);
    await w.sweep();
    expect(w.tell.take()).toEqual([]);
    w.clock.advance(1);
    await w.sweep();
    const told = w.tell.take();
    expect(told.map((n) => [n.kind, to(n)])).toEqual([
      ['minutes.overdue', 'Sam Okafor'],
      ['minutes.overdue', 'Priya Shah'],
    ]);
    expect(w.audit.events.find((e) => e.action === 'minutes.overdue')).toMatchObject({ subject: REF, detail: 'chair and manager told' });
    expect((await w.presenter.notices()['minutes.overdue'](told[0] as Notice<'minutes.overdue'>)).summary).toBe(
      `${REF}: the minutes were due 24 hours after the discussion ended and have not been circulated by Dee Walsh. The record will show them as late.`,
    );
  });

  test('minutes circulated in time: the later reminder and the overdue notice say nothing', async () => {
    const w = world();
    await endDiscussion(w.ports, w.as('Sam Okafor'), REF);
    w.clock.advance(13 * HOUR);
    await w.sweep();
    const view = await circulate(w.ports, w.as('Dee Walsh'), REF, FORM);
    expect(saidText(view)).toMatch(/circulated to 6 people, within 24 hours\./);
    w.tell.take();
    w.clock.advance(11 * HOUR);
    await w.sweep();
    expect(w.tell.take()).toEqual([]);
    expect(w.audit.actions(REF)).not.toContain('minutes.overdue');
  });

  test('circulated 6 hours late: the person is told, the audit and the record say by how much', async () => {
    const w = world();
    await endDiscussion(w.ports, w.as('Sam Okafor'), REF);
    w.clock.advance(30 * HOUR);
    expect(saidText(await circulate(w.ports, w.as('Dee Walsh'), REF, FORM))).toMatch(/circulated to 6 people, late by 6 hours\./);
    expect(w.audit.events.find((e) => e.action === 'minutes.circulated')?.detail).toBe('version 1 to 6 people, late by 6 hours');
    const m = (await w.minutes.get(REF))!;
    expect(m.lateByMinutes).toBe(360);
    expect(minutesRecordLines(m, [], sample, w.calendar, w.clock.now())[0].whole).toBe('Circulated late, by 6 hours (due Tuesday 24 November 2026 at 10:00).');
  });

  test('a draft that contradicts the acknowledged outcome is refused and the chair is told', async () => {
    const w = world();
    await endDiscussion(w.ports, w.as('Sam Okafor'), REF);
    w.tell.take();
    const view = await circulate(w.ports, w.as('Dee Walsh'), REF, { ...FORM, decision: 'no-further-action' });
    expect(view.kind === 'minutes.draft' && view.errors?.[0]).toMatch(/acknowledged by the attendees \(version 1\)/);
    expect(w.tell.take().map((n) => [n.kind, to(n)])).toEqual([['minutes.contradiction', 'Sam Okafor']]);
    expect((await w.minutes.get(REF))!.versions).toEqual([]);
  });
});

describe('confirming the minutes', () => {
  async function circulated() {
    const w = world();
    await endDiscussion(w.ports, w.as('Sam Okafor'), REF);
    w.clock.advance(2 * HOUR);
    await circulate(w.ports, w.as('Dee Walsh'), REF, FORM);
    return w;
  }

  test('every recipient (attendees, the referrer and the chair, not the minute-taker) is asked to review version 1', async () => {
    const w = await circulated();
    const review1 = w.tell.take().filter((n) => n.kind === 'minutes.review');
    expect(review1.map(to).sort()).toEqual(['Alex Carter', 'Helen Grant', 'Jordan Reid', 'Lucy Park', 'Nia Evans', 'Sam Okafor']);
    expect(review1.every((n) => n.kind === 'minutes.review' && n.version === 1 && !n.reminder)).toBe(true);
  });

  test('those who have not confirmed are reminded after a working day, then their manager (or the chair) told; nobody who confirmed, nor who waits on the chair', async () => {
    const w = await circulated();
    w.tell.take();
    for (const name of ['Alex Carter', 'Helen Grant', 'Lucy Park', 'Sam Okafor']) await confirm(w.ports, w.as(name), REF, 1);
    await askForCorrection(w.ports, w.as('Nia Evans'), REF, 1, 'The visit date', 'Tomorrow');
    w.tell.take();
    w.clock.advance(24 * HOUR); // Tuesday noon: one working day later
    await w.sweep();
    expect(w.tell.take().map((n) => [n.kind, to(n), n.kind === 'minutes.review' && n.reminder])).toEqual([['minutes.review', 'Jordan Reid', true]]);
    w.clock.advance(24 * HOUR);
    await w.sweep();
    const told = w.tell.take();
    expect(told.map((n) => [n.kind, to(n), n.kind === 'minutes.unconfirmed' && sample.person(n.recipient)?.name])).toEqual([
      ['minutes.unconfirmed', 'Sam Okafor', 'Jordan Reid'],
    ]);
    expect(w.audit.events.filter((e) => e.action === 'chased.minutes-manager').map((e) => e.actorAadObjectId)).toEqual([id('Jordan Reid')]);
  });

  test('confirming twice records once; only a recipient confirms, and only the latest version', async () => {
    const w = await circulated();
    await confirm(w.ports, w.as('Alex Carter'), REF, 1);
    const again = await confirm(w.ports, w.as('Alex Carter'), REF, 1);
    expect(again).toMatchObject({ kind: 'minutes.review', version: 1, confirmation: { aadObjectId: id('Alex Carter') } });
    expect(w.audit.actions(REF).filter((a) => a === 'minutes.confirmed')).toHaveLength(1);
    await expect(confirm(w.ports, w.as('Dee Walsh'), REF, 1)).rejects.toMatchObject({ reason: 'not-recipient' });
    await expect(confirm(w.ports, w.as('Alex Carter'), REF, 2)).rejects.toMatchObject({ reason: 'old-version' });
  });
});

describe('corrections', () => {
  async function asked() {
    const w = world();
    await endDiscussion(w.ports, w.as('Sam Okafor'), REF);
    await circulate(w.ports, w.as('Dee Walsh'), REF, FORM);
    await askForCorrection(w.ports, w.as('Alex Carter'), REF, 1, 'The police checks were not complete', 'The police checks are due on Friday');
    return w;
  }

  test('asked for: the chair is told with the correction; a second click asks nothing more', async () => {
    const w = await asked();
    const told = w.tell.take().filter((n) => n.kind === 'minutes.correction-asked');
    expect(told.map((n) => [to(n), n.kind === 'minutes.correction-asked' && n.correction.id])).toEqual([['Sam Okafor', 'C1']]);
    const again = await askForCorrection(w.ports, w.as('Alex Carter'), REF, 1, 'The police checks were not complete', 'The police checks are due on Friday');
    expect(again.kind).toBe('minutes.review');
    expect(w.tell.take()).toEqual([]);
    expect((await w.minutes.get(REF))!.corrections).toHaveLength(1);
  });

  test('accepted: version 2 applying it goes to every recipient, with new chasers', async () => {
    const w = await asked();
    w.tell.take();
    const view = await decide(w.ports, w.as('Sam Okafor'), REF, 'C1', true, '');
    expect(view).toMatchObject({ kind: 'minutes.correction', correction: { id: 'C1', state: 'accepted' } });
    const m = (await w.minutes.get(REF))!;
    expect(m.versions.map((v) => [v.version, v.reason])).toEqual([
      [1, undefined],
      [2, 'Correction C1 accepted'],
    ]);
    expect(m.versions[1].content.corrections).toEqual([
      { id: 'C1', wrong: 'The police checks were not complete', shouldSay: 'The police checks are due on Friday' },
    ]);
    const told = w.tell.take();
    expect(told.every((n) => n.kind === 'minutes.review' && n.version === 2)).toBe(true);
    expect(told).toHaveLength(6);
    expect(w.jobs.of('minutes.confirm.remind').filter((j) => j.payload.version === 2)).toHaveLength(6);
    expect(w.audit.actions(REF)).toContain('minutes.correction-accepted');
  });

  test('declined needs a reason; declined with one, it stays on the record as the agency’s dissent and everyone is told', async () => {
    const w = await asked();
    w.tell.take();
    const noReason = await decide(w.ports, w.as('Sam Okafor'), REF, 'C1', false, ' ');
    expect(noReason).toMatchObject({ kind: 'minutes.correction', error: 'Give the reason for declining the correction: it stays on the record as a dissent.' });
    expect(w.tell.take()).toEqual([]);
    await decide(w.ports, w.as('Sam Okafor'), REF, 'C1', false, 'The checks were complete');
    const told = w.tell.take();
    expect(told.filter((n) => n.kind === 'minutes.correction-declined').map(to)).toEqual(['Alex Carter']);
    expect(
      told
        .filter((n) => n.kind === 'minutes.dissent-added')
        .map(to)
        .sort(),
    ).toEqual(['Helen Grant', 'Jordan Reid', 'Lucy Park', 'Nia Evans', 'Sam Okafor']);
    const m = (await w.minutes.get(REF))!;
    expect(m.versions).toHaveLength(1);
    expect(minutesRecordLines(m, [], sample, w.calendar, w.clock.now()).map((l) => l.whole)).toContain(
      'Correction C1 from Alex Carter: “The police checks were not complete” should say “The police checks are due on Friday”; declined (The checks were complete): dissent on the record.',
    );
    // A second decision changes nothing and tells nobody.
    await decide(w.ports, w.as('Sam Okafor'), REF, 'C1', true, '');
    expect(w.tell.take()).toEqual([]);
    expect((await w.minutes.get(REF))!.versions).toHaveLength(1);
  });

  test('only the chair decides', async () => {
    const w = await asked();
    await expect(decide(w.ports, w.as('Dee Walsh'), REF, 'C1', true, '')).rejects.toMatchObject({ reason: 'not-chair' });
  });
});

describe('the minutes measure', () => {
  test('for partnership admins: ended, circulated within the deadline, the median time and those confirmed by everyone', async () => {
    const w = world();
    await endDiscussion(w.ports, w.as('Sam Okafor'), REF);
    w.clock.advance(20 * HOUR);
    await circulate(w.ports, w.as('Dee Walsh'), REF, FORM);
    for (const name of ['Alex Carter', 'Helen Grant', 'Lucy Park', 'Sam Okafor', 'Jordan Reid', 'Nia Evans']) await confirm(w.ports, w.as(name), REF, 1);
    // A second discussion, circulated 6 hours late.
    w.discussions.add({ ...sampleDiscussion(), reference: 'SD-0043' });
    w.clock.set(new Date('2026-11-25T10:00:00Z'));
    await endDiscussion(w.ports, w.as('Sam Okafor'), 'SD-0043');
    w.clock.advance(30 * HOUR);
    await circulate(w.ports, w.as('Dee Walsh'), 'SD-0043', FORM);
    expect((await minutesReport(w.reportPorts, w.as('Alison Bright'), '2026-11')).text).toBe(
      [
        'Minutes in November 2026: 2 discussions ended, 2 with minutes circulated.',
        '- Circulated within 24 hours: 1 of 2 (50%)',
        '- Median time to circulation: 25 hours',
        '- Confirmed by every recipient: 1 of 2 (50%)',
      ].join('\n'),
    );
    expect((await minutesReport(w.reportPorts, w.as('Alison Bright'), '2026-10')).text).toBe(
      'Minutes in October 2026: no strategy discussions ended in this period.',
    );
  });

  test('anyone else is refused, and the refusal audited', async () => {
    const w = world();
    expect((await minutesReport(w.reportPorts, w.as('Sam Okafor'), '')).text).toBe(
      'Only partnership administrators can see the partnership’s minutes measure.',
    );
    expect(w.audit.events).toMatchObject([{ subject: 'access', action: 'refused.not-admin', detail: 'minutes report' }]);
  });
});

describe('a partnership whose minutes are due in 48 hours', () => {
  test('every clock follows it: reminders where the partnership set them, overdue at 48 hours, not 24', async () => {
    const w = world(ENDED, withDueHours(48));
    const said = await endDiscussion(w.ports, w.as('Sam Okafor'), REF);
    expect(saidText(said)).toBe(
      `${REF}: the discussion is marked as ended. The minutes are due by 10:00 on Wednesday 25 November; Dee Walsh has been asked to write them.`,
    );
    expect(dueTimes(w)).toEqual([
      'minutes.overdue 2026-11-25T10:00:00.000Z',
      'minutes.remind 2026-11-23T22:00:00.000Z',
      'minutes.remind 2026-11-24T06:00:00.000Z',
    ]);
    w.tell.take();
    w.clock.advance(24 * HOUR);
    await w.sweep();
    expect(w.tell.take().map((n) => n.kind)).toEqual(['minutes.write', 'minutes.write']);
    w.clock.advance(24 * HOUR);
    await w.sweep();
    const [overdue] = w.tell.take();
    expect((await w.presenter.notices()['minutes.overdue'](overdue as Notice<'minutes.overdue'>)).summary).toBe(
      `${REF}: the minutes were due 48 hours after the discussion ended and have not been circulated by Dee Walsh. The record will show them as late.`,
    );
  });

  test('every wording follows it: the draft card, the circulation message, the review card, the record and the measure', async () => {
    const w = world(ENDED, withDueHours(48));
    await endDiscussion(w.ports, w.as('Sam Okafor'), REF);
    w.clock.advance(49 * HOUR);
    const late = w.presenter.view(await saveDraft(w.ports, w.as('Dee Walsh'), REF, FORM), w.as('Dee Walsh'));
    expect('card' in late && text(late.card)).toContain('The 48 hours have passed: the minutes are late');
    expect(saidText(await circulate(w.ports, w.as('Dee Walsh'), REF, FORM))).toMatch(/late by 1 hour\./);
    const reviewed = w.presenter.view(await review(w.ports, w.as('Alex Carter'), REF, 1), w.as('Alex Carter'));
    expect('card' in reviewed && text(reviewed.card)).toContain('Circulated late: 1 hour after the 48-hour deadline.');

    const onTime = world(ENDED, withDueHours(48));
    await endDiscussion(onTime.ports, onTime.as('Sam Okafor'), REF);
    onTime.clock.advance(40 * HOUR);
    expect(saidText(await circulate(onTime.ports, onTime.as('Dee Walsh'), REF, FORM))).toMatch(/circulated to 6 people, within 48 hours\./);
    expect(minutesRecordLines(await onTime.minutes.get(REF), [], sample, onTime.calendar, onTime.clock.now())[0].whole).toBe('Circulated within 48 hours.');
    expect((await minutesReport(onTime.reportPorts, onTime.as('Alison Bright'), '2026-11')).text).toContain('- Circulated within 48 hours: 1 of 1 (100%)');
  });
});
