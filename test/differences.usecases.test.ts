/**
 * Professional differences, use case by use case, in-process: in-memory ports, a clock that stands
 * still, the sample directory, and every ladder a partnership might configure.
 */
import { WorkingCalendar } from '../src/domain/calendar';
import { Directory } from '../src/domain/directory';
import { currentStage, ladderOf, ProfessionalDifference } from '../src/domain/professionalDifference';
import { Refused } from '../src/domain/refusals';
import { Actor } from '../src/workflows/actor';
import { differenceChasers } from '../src/workflows/differences/chasers';
import { DifferencePorts } from '../src/workflows/differences/ports';
import { raise } from '../src/workflows/differences/raising';
import { accept, askOrAnswer, propose } from '../src/workflows/differences/resolution';
import { escalate } from '../src/workflows/differences/stages';
import { DifferenceView } from '../src/workflows/differences/views';
import { InMemoryDifferences, InMemoryDiscussions, InMemoryMinutes } from './inMemory/differences';
import { FixedClock } from './inMemory/clock';
import { InMemoryAudit } from './inMemory/audit';
import { InMemoryReferences } from './inMemory/references';
import { InMemorySchedule } from './inMemory/schedule';
import { RecordingTell } from './inMemory/tell';
import { LADDERS, partnershipWithLadder } from './harness/ladders';
import { InMemoryThreads } from './inMemory/threads';

function concord(directory: Directory, at: string) {
  const clock = new FixedClock(new Date(at));
  const audit = new InMemoryAudit(clock.now);
  const p = directory.partnership;
  const tell = new RecordingTell();
  const schedule = new InMemorySchedule();
  const ports: DifferencePorts = {
    differences: new InMemoryDifferences(),
    threads: new InMemoryThreads(),
    discussions: new InMemoryDiscussions(),
    minutes: new InMemoryMinutes(),
    notes: audit.notes,
    audit,
    tell,
    schedule,
    references: new InMemoryReferences(),
    directory,
    calendar: new WorkingCalendar(p.timeZone, p.closureDays, p.timescales.startOfWorkingDay, p.timescales.endOfWorkingDay),
    now: clock.now,
  };
  const told = tell.told;
  const id = (name: string) => directory.data.people.find((x) => x.name === name)!.aadObjectId;
  const actor = (name: string): Actor => ({ person: directory.person(id(name))!, tenantId: 't', activityId: 'a', userId: `29:${name}` });
  /** Runs the work due at the clock's time, as the sweeper would. */
  const runDueWork = async (at: string) => {
    clock.set(at);
    for (const job of schedule.takeAllDue(clock.now())) {
      if (job.kind === 'pd.deadline') await differenceChasers['pd.deadline'](ports, job.payload);
      if (job.kind === 'pd.remind') await differenceChasers['pd.remind'](ports, job.payload);
      if (job.kind === 'pd.approval') await differenceChasers['pd.approval'](ports, job.payload);
    }
  };
  const raiseAsNia = async (immediateRisk = false, formId = `f-${Math.random()}`) => {
    const view = await raise(ports, {
      actor: actor('Nia Evans'),
      form: {
        caseReference: 'SD-0142',
        decision: 'No s47 enquiry',
        reasons: 'Bruising on a non-mobile baby',
        outcomeSought: 'A s47 enquiry',
        responding: id('Jordan Reid'),
        immediateRisk: String(immediateRisk),
        formId,
      },
    });
    return difference(view);
  };
  const get = async (ref: string) => (await ports.differences.get(ref))!;
  return { ports, clock, audit, told, schedule, id, actor, runDueWork, raiseAsNia, get };
}

function difference(view: DifferenceView): ProfessionalDifference {
  if (view.kind !== 'pd.raised' && view.kind !== 'pd.difference') throw new Error(`expected a difference, got ${view.kind}`);
  return view.difference;
}

const names = (directory: Directory, ids: string[]) => ids.map((x) => directory.person(x)!.name).sort();

describe.each(Object.entries(LADDERS))('with %s', (_ladder, stages) => {
  const directory = partnershipWithLadder(stages);
  const ladder = ladderOf(directory);

  test('at each stage’s deadline an unresolved difference moves up by itself, its new people told why; past the last, the partnership is told', async () => {
    const c = concord(directory, '2026-11-23T10:00:00Z'); // Monday
    const pd = await c.raiseAsNia();
    for (const spec of ladder.slice(0, -1)) {
      const due = currentStage(await c.get(pd.reference)).dueAt;
      expect(due).toBe(c.ports.calendar.endOfWorkingDayAfter(new Date(currentStage(await c.get(pd.reference)).startedAt), spec.workingDays).toISOString());
      await c.runDueWork(new Date(new Date(due).getTime() - 60_000).toISOString());
      expect(currentStage(await c.get(pd.reference)).stage).toBe(spec.stage);
      await c.runDueWork(due);
      const now = await c.get(pd.reference);
      expect(currentStage(now).stage).toBe(spec.stage + 1);
      const started = c.told.filter((n) => n.kind === 'pd.stage-started' && n.key.startsWith(`${pd.reference}|s${spec.stage + 1}|start|`));
      expect(started.map((n) => 'why' in n && n.why)).toContain(`escalated automatically: the stage ${spec.stage} deadline passed without a resolution`);
      for (const p of currentStage(now).participants) expect(started.some((n) => 'person' in n.to && n.to.person === p.aadObjectId)).toBe(true);
    }
    const last = await c.get(pd.reference);
    expect(
      names(
        directory,
        currentStage(last).participants.map((p) => p.aadObjectId),
      ),
    ).toEqual(['Alison Bright']);
    await c.runDueWork(currentStage(last).dueAt);
    expect((await c.get(pd.reference)).state).toBe('open');
    expect(c.told.some((n) => n.kind === 'pd.overdue' && 'person' in n.to && n.to.person === c.id('Alison Bright'))).toBe(true);
    expect(c.audit.actions(pd.reference).filter((a) => a === 'difference.auto-escalated')).toHaveLength(ladder.length);
  });

  test('a resolution takes effect only when the other side accepts that same proposal', async () => {
    const c = concord(directory, '2026-11-23T10:00:00Z');
    const pd = await c.raiseAsNia();
    const first = difference(
      await propose(c.ports, { actor: c.actor('Nia Evans'), reference: pd.reference, stage: 1, text: 'Social care starts a s47 enquiry.' }),
    );
    await expect(accept(c.ports, { actor: c.actor('Nia Evans'), reference: pd.reference, stage: 1, proposalAt: first.proposal!.at })).rejects.toThrow(
      new Refused('same-side', 'The resolution must be accepted by the other side, not the side that proposed it.'),
    );
    c.clock.set('2026-11-23T11:00:00Z');
    const second = difference(
      await propose(c.ports, { actor: c.actor('Nia Evans'), reference: pd.reference, stage: 1, text: 'A s47 enquiry and a reconvened discussion.' }),
    );
    await expect(accept(c.ports, { actor: c.actor('Jordan Reid'), reference: pd.reference, stage: 1, proposalAt: first.proposal!.at })).rejects.toThrow(
      /has been replaced/,
    );
    expect((await c.get(pd.reference)).state).toBe('open');
    const resolved = difference(await accept(c.ports, { actor: c.actor('Jordan Reid'), reference: pd.reference, stage: 1, proposalAt: second.proposal!.at }));
    expect(resolved.state).toBe('resolved');
    expect(resolved.resolution).toMatchObject({ text: 'A s47 enquiry and a reconvened discussion.', agreedBy: [c.id('Nia Evans'), c.id('Jordan Reid')] });
    expect(c.told.filter((n) => n.kind === 'pd.resolved').map((n) => 'person' in n.to && n.to.person)).toEqual([c.id('Nia Evans')]);
    expect(c.audit.actions(pd.reference)).toEqual(['difference.raised', 'difference.proposed', 'difference.proposed', 'difference.resolved']);
  });

  test('a manager silent for a working day is covered by their own manager, asked in their place', async () => {
    const c = concord(directory, '2026-12-01T10:00:00Z'); // Tuesday
    const pd = await c.raiseAsNia();
    const managers = ladder.find((s) => s.participants === 'line-managers')!;
    for (let stage = 1; stage < managers.stage; stage++) await escalate(c.ports, { actor: c.actor('Jordan Reid'), reference: pd.reference, stage });
    expect(
      names(
        directory,
        currentStage(await c.get(pd.reference)).participants.map((p) => p.aadObjectId),
      ),
    ).toEqual(['Sam Okafor', 'Tom Hughes']);
    // Sam answers (he asks for information); Tom does not.
    await askOrAnswer(c.ports, { actor: c.actor('Sam Okafor'), reference: pd.reference, stage: managers.stage, what: 'asked', text: 'What did the ward see?' });
    await c.runDueWork('2026-12-02T09:59:00Z');
    expect(c.told.some((n) => n.kind === 'pd.cover')).toBe(false);
    await c.runDueWork('2026-12-02T10:00:00Z');
    const cover = c.told.filter((n) => n.kind === 'pd.cover');
    expect(cover.map((n) => 'person' in n.to && n.to.person)).toEqual([c.id('Ruth Abbott')]);
    expect(cover[0]).toMatchObject({ silent: c.id('Tom Hughes') });
    const after = await c.get(pd.reference);
    expect(after.log.some((e) => e.what === 'silence' && e.about === c.id('Tom Hughes'))).toBe(true);
    expect(c.audit.actions(pd.reference)).toContain('difference.silence');
  });

  test('immediate risk starts at the first stage of senior managers or above, everyone told at once', async () => {
    const c = concord(directory, '2026-11-23T10:00:00Z');
    const pd = await c.raiseAsNia(true);
    const senior = ladder.find((s) => s.participants === 'senior-managers' || s.participants === 'partnership')!;
    expect(currentStage(pd).stage).toBe(senior.stage);
    const people = currentStage(pd).participants.map((p) => p.aadObjectId);
    expect(names(directory, people)).toEqual(senior.participants === 'partnership' ? ['Alison Bright'] : ['Priya Shah', 'Ruth Abbott']);
    for (const p of [...people, c.id('Jordan Reid')]) {
      expect(c.told.find((n) => 'person' in n.to && n.to.person === p)).toMatchObject({
        kind: 'pd.stage-started',
        why: 'raised because the child is at immediate risk',
      });
    }
    expect(pd.log[0].text).toBe(`The child is at immediate risk: started at stage ${senior.stage}.`);
    // Resolved or escalated within 1 working day (the default), not the stage's usual deadline.
    expect(currentStage(pd).dueAt).toBe('2026-11-24T17:00:00.000Z');
  });

  test('raised on Thursday 24 December 2026, the first stage is due after Christmas, the weekend and the Boxing Day substitute', async () => {
    const c = concord(directory, '2026-12-24T11:00:00Z');
    const pd = await c.raiseAsNia();
    // Working days after the 24th: Tuesday 29, Wednesday 30 (25 Christmas, 28 the Boxing Day substitute).
    const expected = ['2026-12-29T17:00:00.000Z', '2026-12-30T17:00:00.000Z'][ladder[0].workingDays - 1];
    expect(currentStage(pd).dueAt).toBe(expected);
    await c.runDueWork(new Date(new Date(expected).getTime() - 60_000).toISOString());
    expect(currentStage(await c.get(pd.reference)).stage).toBe(1);
    expect(c.told.some((n) => n.kind === 'pd.reminder' && n.difference.reference === pd.reference)).toBe(true);
    await c.runDueWork(expected);
    expect(currentStage(await c.get(pd.reference)).stage).toBe(2);
  });
});

describe('raising', () => {
  test('a raise interrupted after its reference was reserved is finished by the same click again, not reported as submitted', async () => {
    const c = concord(partnershipWithLadder(), '2026-11-23T10:00:00Z');
    const store = c.ports.differences;
    const create = store.create.bind(store);
    let failOnce = true;
    store.create = async (pd) => {
      if (failOnce) {
        failOnce = false;
        throw new Error('storage unavailable');
      }
      return create(pd);
    };
    await expect(c.raiseAsNia(false, 'form-1')).rejects.toThrow('storage unavailable');
    const again = await c.raiseAsNia(false, 'form-1');
    expect(again.reference).toBe('PD-0001');
    expect(await c.ports.differences.get('PD-0001')).toBeDefined();
    expect(c.told.filter((n) => n.kind === 'pd.stage-started').length).toBeGreaterThan(0);
    expect(c.audit.actions('PD-0001')).toContain('difference.raised');
  });

  test('a second click racing the first shows the difference the first one stored', async () => {
    const c = concord(partnershipWithLadder(), '2026-11-23T10:00:00Z');
    const store = c.ports.differences;
    const create = store.create.bind(store);
    // The racing click stores its difference while this one is between reserving and storing.
    let raced = false;
    store.create = async (pd) => {
      if (!raced) {
        raced = true;
        await create(pd);
      }
      return create(pd);
    };
    const view = await c.raiseAsNia(false, 'form-1');
    expect(view.reference).toBe('PD-0001');
    expect(c.audit.actions('PD-0001')).toEqual([]);
  });
});
