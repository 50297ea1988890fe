/**
 * The strategy discussion's rules, in-process: the use cases with in-memory ports, the sample
 * directory and a clock that stands still. Milliseconds each; the HTTP tests beside these catch
 * what only the wire catches.
 */
import { WorkingCalendar } from '../src/domain/calendar';
import { status } from '../src/domain/strategyDiscussion';
import { Actor } from '../src/workflows/actor';
import { Job, JobKind } from '../src/workflows/jobs';
import { strategyUseCases, Strategy } from '../src/workflows/strategy';
import { FormValues } from '../src/workflows/strategy/forms';
import { StrategyView } from '../src/workflows/strategy/views';
import { directory, id } from './harness/sampleDiscussion';
import { InMemoryAudit } from './inMemory/audit';
import { FixedClock } from './inMemory/clock';
import { InMemoryDiscussionRepository } from './inMemory/discussionRepository';
import { InMemoryReferences } from './inMemory/references';
import { InMemorySchedule } from './inMemory/schedule';
import { RecordingTell } from './inMemory/tell';
import { InMemoryReferrals } from './inMemory/referrals';

const p = directory.partnership;
const calendar = new WorkingCalendar(p.timeZone, p.closureDays, p.timescales.startOfWorkingDay, p.timescales.endOfWorkingDay);

const actor = (name: string): Actor => ({ person: directory.person(id(name))!, tenantId: 'tenant', activityId: 'activity', userId: `29:${name}` });

/** The convene form as the sample chair fills it in: every core role invited but the ones named in `leaveOut`. */
function conveneForm(values: FormValues = {}): FormValues {
  return {
    formId: 'form-1',
    purpose: 'Bruising on a toddler',
    date: '2026-11-23',
    time: '09:00',
    minuteTaker: id('Dee Walsh'),
    babyOrUnborn: 'false',
    'invite_social-care': id('Jordan Reid'),
    invite_police: id('Alex Carter'),
    invite_health: id('Nia Evans'),
    'invite_gp-child': id('Helen Grant'),
    'invite_gp-parents': id('Ben Ford'),
    invite_education: id('Mark Stone'),
    invite_referrer: id('Nia Evans'),
    ...values,
  };
}

const OUTCOME: FormValues = {
  threshold: 'likely',
  rationale: 'Unexplained bruising and no account given',
  decision: 's47-joint',
  action_1_text: 'Joint visit',
  action_1_owner: id('Jordan Reid'),
  action_1_due: '2026-11-25',
  contributions: 'Police checks; the GP shares records',
  familyShared: 'no',
  familyDetail: 'Risk to the child if told now',
};

type AnyJob = { [K in JobKind]: Job<K> }[JobKind];

function world(at = '2026-11-23T10:00:00Z') {
  const clock = new FixedClock(new Date(at));
  const discussions = new InMemoryDiscussionRepository();
  const audit = new InMemoryAudit(clock.now);
  const schedule = new InMemorySchedule();
  const tell = new RecordingTell();
  const references = new InMemoryReferences();
  const chairCards: string[] = [];
  const s: Strategy = strategyUseCases({
    // No referrals here: a discussion convened from one is tested end to end (test/strategyHandOff.e2e.test.ts).
    referrals: {
      mayConvene: () => Promise.reject(new Error('no referrals in these tests')),
      openElsewhere: () => Promise.resolve(undefined),
      convened: () => Promise.resolve(),
    },
    drafts: new InMemoryReferrals(),
    discussions,
    audit,
    schedule,
    tell,
    references,
    directory,
    calendar,
    now: clock.now,
    minutes: { get: async () => undefined, confirmations: async () => [] },
    chairCards: { soon: (ref) => chairCards.push(ref) },
  });
  /** Runs the chasers due by now, as the sweeper does. */
  const runDue = async (iso: string) => {
    clock.set(new Date(iso));
    for (const job of schedule.takeAllDue(clock.now()) as AnyJob[]) {
      if (job.kind === 'sd.ack.remind') await s.chasers.remindToAcknowledge(job.payload, job.id);
      else if (job.kind === 'sd.ack.manager') await s.chasers.tellManagerOfSilence(job.payload, job.id);
      else if (job.kind === 'sd.action.due') await s.chasers.chaseAction(job.payload, false, job.id);
      else if (job.kind === 'sd.action.overdue') await s.chasers.chaseAction(job.payload, true, job.id);
      else if (job.kind === 'sd.followup.due') await s.chasers.remindFollowUp(job.payload, job.id);
      else if (job.kind === 'sd.followup.remind') await s.chasers.remindFollowUp(job.payload, job.id, false);
      else if (job.kind === 'sd.followup.missed') await s.chasers.followUpMissed(job.payload, job.id);
      else if (job.kind === 'sd.not-held') await s.chasers.notHeld(job.payload, job.id);
    }
  };
  /** Convened, everyone attended, and the sample outcome recorded by the chair. */
  const withOutcome = async (outcome: FormValues = {}) => {
    const chair = actor('Sam Okafor');
    const convened = await s.convening.convene(chair, conveneForm());
    if (convened.kind !== 'convened') throw new Error(`not convened: ${JSON.stringify(convened)}`);
    const d = convened.discussion;
    await s.outcomes.saveAttendance(chair, d.reference, Object.fromEntries(d.invitees.map((i) => [`att_${i.aadObjectId}`, 'attended'])));
    const saved = await s.outcomes.saveOutcome(chair, d.reference, 0, { ...OUTCOME, ...outcome });
    expect(saved.kind).toBe('tally');
    return d.reference;
  };
  return { clock, discussions, audit, schedule, tell, references, chairCards, s, runDue, withOutcome };
}

/** Every problem a form's step shows: about the form, and beside its inputs. */
const errorsOf = (v: StrategyView) => (v.kind === 'convene-form' || v.kind === 'outcome-form' ? [...v.errors, ...v.beside.map((p) => p.text)].join(' ') : '');

describe('convening', () => {
  test('a core role left out needs a reason: without one the form comes back, no reference is spent and nobody is invited', async () => {
    const w = world();
    const view = await w.s.convening.convene(actor('Sam Okafor'), conveneForm({ invite_police: '' }));
    expect(view.kind).toBe('convene-form');
    expect(errorsOf(view)).toMatch(/Nobody is invited as Police: invite someone or give the reason/);
    expect(await w.references.next('SD')).toBe('SD-0001');
    expect(w.tell.told).toEqual([]);
  });

  test('with a reason the role is left out on the record, and every invitee is invited once', async () => {
    const w = world();
    const view = await w.s.convening.convene(actor('Sam Okafor'), conveneForm({ invite_police: '', reason_police: 'No police involvement so far' }));
    if (view.kind !== 'convened') throw new Error(view.kind);
    const d = view.discussion;
    expect(d.omissions).toEqual([{ role: 'police', reason: 'No police involvement so far' }]);
    expect(w.tell.told.map((n) => n.kind === 'sd.invitation' && n.invitee)).toEqual(d.invitees.map((i) => i.aadObjectId));
    expect(d.invitees.map((i) => i.aadObjectId)).not.toContain(id('Alex Carter'));
    expect(w.audit.actions(d.reference)).toEqual(['convened']);
  });

  test('for a baby the health visitor or midwife is a core role too', async () => {
    const w = world();
    const view = await w.s.convening.convene(actor('Sam Okafor'), conveneForm({ babyOrUnborn: 'true' }));
    expect(errorsOf(view)).toMatch(/Nobody is invited as Health visitor or midwife/);
  });

  test('the same form submitted twice is one discussion with one set of invitations', async () => {
    const w = world();
    const a = await w.s.convening.convene(actor('Sam Okafor'), conveneForm());
    const b = await w.s.convening.convene(actor('Sam Okafor'), conveneForm());
    expect(a.kind === 'convened' && b.kind === 'convened' && a.discussion.reference === b.discussion.reference).toBe(true);
    expect(w.tell.told.filter((n) => n.kind === 'sd.invitation')).toHaveLength(6);
  });

  test('a convening interrupted after its reference was reserved is finished by the same click again, not reported as submitted', async () => {
    const w = world();
    const create = w.discussions.create.bind(w.discussions);
    let failOnce = true;
    w.discussions.create = async (d) => {
      if (failOnce) {
        failOnce = false;
        throw new Error('storage unavailable');
      }
      return create(d);
    };
    await expect(w.s.convening.convene(actor('Sam Okafor'), conveneForm())).rejects.toThrow('storage unavailable');
    const again = await w.s.convening.convene(actor('Sam Okafor'), conveneForm());
    expect(again.kind === 'convened' && again.discussion.reference).toBe('SD-0001');
    expect(await w.discussions.get('SD-0001')).toBeDefined();
    expect(w.tell.told.filter((n) => n.kind === 'sd.invitation')).toHaveLength(6);
    expect(w.audit.actions('SD-0001')).toEqual(['convened']);
  });

  test('a second click racing the first shows the discussion the first one stored, and invites nobody twice', async () => {
    const w = world();
    const create = w.discussions.create.bind(w.discussions);
    // The racing click stores its discussion while this one is between reserving and storing.
    let raced = false;
    w.discussions.create = async (d) => {
      if (!raced) {
        raced = true;
        await create(d);
      }
      return create(d);
    };
    const view = await w.s.convening.convene(actor('Sam Okafor'), conveneForm());
    expect(view.kind === 'convened' && view.discussion.reference).toBe('SD-0001');
    expect(w.tell.told).toEqual([]);
  });

  test('only a chair convenes', async () => {
    const w = world();
    await expect(w.s.convening.convene(actor('Nia Evans'), conveneForm())).rejects.toThrow(/Only people with the chair role can convene/);
  });
});

describe('acknowledgement', () => {
  test('recording the outcome asks every attendee; the chair’s tally is their own card, not a second message', async () => {
    const w = world();
    const ref = await w.withOutcome();
    const d = (await w.discussions.get(ref))!;
    const asked = w.tell.told.filter((n) => n.kind === 'sd.ack-request');
    expect(asked.map((n) => n.kind === 'sd.ack-request' && [n.person, n.asked])).toEqual(d.invitees.map((i) => [i.aadObjectId, 'first']));
    expect(w.tell.told.filter((n) => 'person' in n.to && n.to.person === id('Sam Okafor'))).toEqual([]);
  });

  test('the first answer stands: a second, different answer shows the first', async () => {
    const w = world();
    const ref = await w.withOutcome();
    const jordan = actor('Jordan Reid');
    const first = await w.s.acknowledgements.acknowledge(jordan, ref, 1, 'agree', '');
    const second = await w.s.acknowledgements.acknowledge(jordan, ref, 1, 'different', 'I understood a single-agency enquiry');
    expect(first.kind === 'acknowledgement' && first.ack?.answer).toBe('agree');
    expect(second.kind === 'acknowledgement' && second.ack?.answer).toBe('agree');
    expect(await w.discussions.acknowledgements(ref)).toHaveLength(1);
    expect(w.tell.told.some((n) => n.kind === 'sd.different')).toBe(false);
    expect(w.chairCards).toEqual([ref]);
  });

  test('a different understanding tells the chair and makes the record disputed', async () => {
    const w = world();
    const ref = await w.withOutcome();
    await w.s.acknowledgements.acknowledge(actor('Nia Evans'), ref, 1, 'different', 'I understood the police would visit alone');
    const told = w.tell.to(id('Sam Okafor'), 'sd.different');
    expect(told.map((n) => [n.person, n.note])).toEqual([[id('Nia Evans'), 'I understood the police would visit alone']]);
    expect(status((await w.discussions.get(ref))!, await w.discussions.acknowledgements(ref))).toBe('disputed');
    const tally = await w.s.acknowledgements.viewTally(actor('Sam Okafor'), ref);
    expect(tally.kind === 'tally' && status(tally.discussion, tally.acks)).toBe('disputed');
  });

  test('a different understanding without saying what is asked for, and nothing is recorded', async () => {
    const w = world();
    const ref = await w.withOutcome();
    const view = await w.s.acknowledgements.acknowledge(actor('Nia Evans'), ref, 1, 'different', ' ');
    expect(view.kind === 'acknowledgement' && view.error).toMatch(/Write what you understood/);
    expect(await w.discussions.acknowledgements(ref)).toEqual([]);
  });

  test('someone who did not attend cannot answer', async () => {
    const w = world();
    const ref = await w.withOutcome();
    await expect(w.s.acknowledgements.acknowledge(actor('Omar Haddad'), ref, 1, 'agree', '')).rejects.toThrow(/not involved|Only the people who attended/);
  });
});

describe('chasing acknowledgements', () => {
  const reminders = (w: ReturnType<typeof world>, name: string) => w.tell.to(id(name), 'sd.ack-request').filter((n) => n.asked === 'reminder');

  test('a reminder after two hours and at the start of the next working day; the manager after a working day; nothing once answered', async () => {
    const w = world('2026-11-23T10:00:00Z'); // a Monday
    const ref = await w.withOutcome();
    await w.s.acknowledgements.acknowledge(actor('Jordan Reid'), ref, 1, 'agree', '');

    await w.runDue('2026-11-23T11:59:00Z');
    expect(reminders(w, 'Nia Evans')).toHaveLength(0);
    await w.runDue('2026-11-23T12:00:00Z');
    expect(reminders(w, 'Nia Evans')).toHaveLength(1);
    expect(reminders(w, 'Jordan Reid')).toHaveLength(0);

    await w.runDue('2026-11-24T09:00:00Z');
    expect(reminders(w, 'Nia Evans')).toHaveLength(2);

    await w.runDue('2026-11-24T09:59:00Z');
    expect(w.tell.told.some((n) => n.kind === 'sd.silence')).toBe(false);
    await w.runDue('2026-11-24T10:00:00Z');
    const silence = w.tell.told.filter((n) => n.kind === 'sd.silence' && n.person === id('Nia Evans'));
    expect(silence.map((n) => n.to)).toEqual([{ person: id('Tom Hughes') }]);
    expect(w.tell.told.some((n) => n.kind === 'sd.silence' && n.person === id('Jordan Reid'))).toBe(false);
    expect(w.audit.events.filter((e) => e.action === 'chased.manager' && e.actorAadObjectId === id('Nia Evans'))).toHaveLength(1);
  });

  test('an answer after the reminders are set stops them all', async () => {
    const w = world();
    const ref = await w.withOutcome();
    await w.s.acknowledgements.acknowledge(actor('Nia Evans'), ref, 1, 'agree', '');
    await w.runDue('2026-11-30T10:00:00Z');
    expect(reminders(w, 'Nia Evans')).toHaveLength(0);
    expect(w.tell.told.some((n) => n.kind === 'sd.silence' && n.person === id('Nia Evans'))).toBe(false);
  });

  test('an amendment asks everyone again; chasers of the replaced version say nothing', async () => {
    const w = world();
    const ref = await w.withOutcome();
    w.clock.set(new Date('2026-11-23T11:00:00Z'));
    await w.s.outcomes.saveOutcome(actor('Sam Okafor'), ref, 1, { ...OUTCOME, amendmentReason: 'The police visit separately' });
    // The request for version 1 now points to version 2 (replaced in place), and version 2 is asked.
    expect(w.tell.to(id('Nia Evans'), 'sd.ack-superseded').map((n) => n.version)).toEqual([1]);
    expect(w.tell.to(id('Nia Evans'), 'sd.ack-request').map((n) => n.asked)).toEqual(['amended']);
    await w.runDue('2026-11-23T12:00:00Z'); // version 1's two hours: version 1 is replaced
    expect(reminders(w, 'Nia Evans')).toHaveLength(0);
    await w.runDue('2026-11-23T13:00:00Z'); // version 2's
    expect(reminders(w, 'Nia Evans')).toHaveLength(1);
  });
});

describe('chasing actions', () => {
  test("the owner on the due date, the chair and the owner's manager at its end if it is not done", async () => {
    const w = world();
    const ref = await w.withOutcome({ action_1_owner: id('Nia Evans') });
    await w.runDue('2026-11-25T08:59:00Z');
    expect(w.tell.told.some((n) => n.kind === 'sd.action-due')).toBe(false);
    await w.runDue('2026-11-25T09:00:00Z');
    expect(w.tell.to(id('Nia Evans'), 'sd.action-due').map((n) => n.actionId)).toEqual(['A1']);
    await w.runDue('2026-11-25T17:00:00Z');
    const overdue = w.tell.told.filter((n) => n.kind === 'sd.action-overdue');
    expect(overdue.map((n) => n.to)).toEqual([{ person: id('Sam Okafor') }, { person: id('Tom Hughes') }]);
    expect(w.audit.actions(ref)).toContain('chased.action-overdue');
  });

  test('an action marked done is not chased', async () => {
    const w = world();
    const ref = await w.withOutcome();
    const view = await w.s.outcomes.markActionDone(actor('Jordan Reid'), ref, 'A1');
    expect(view.kind).toBe('action-done');
    await w.runDue('2026-11-26T10:00:00Z');
    expect(w.tell.told.some((n) => n.kind === 'sd.action-due' || n.kind === 'sd.action-overdue')).toBe(false);
  });
});

describe('chasing the follow-up', () => {
  test('its owner is reminded the working day before (a Friday for a Monday) and on the day; missed, the chair’s manager, then, with nobody above her, the partnership admins', async () => {
    const w = world();
    const ref = await w.withOutcome({ followUpDate: '2026-11-30', followUpOwner: id('Jordan Reid') });
    await w.runDue('2026-11-27T09:00:00Z');
    expect(w.tell.to(id('Jordan Reid'), 'sd.follow-up-due').map((n) => [n.date, n.today])).toEqual([['2026-11-30', false]]);
    await w.runDue('2026-11-30T09:00:00Z');
    expect(w.tell.to(id('Jordan Reid'), 'sd.follow-up-due').map((n) => n.today)).toEqual([false, true]);
    await w.runDue('2026-11-30T17:00:00Z');
    expect(w.tell.ofKind('sd.follow-up-missed').map((n) => [n.to, n.step])).toEqual([[{ person: id('Priya Shah') }, 1]]);
    await w.runDue('2026-12-01T17:00:00Z');
    expect(w.tell.ofKind('sd.follow-up-missed').map((n) => [n.to, n.step])).toEqual([
      [{ person: id('Priya Shah') }, 1],
      [{ person: id('Alison Bright') }, 2],
    ]);
    expect(w.audit.actions(ref).filter((a) => a === 'chased.follow-up-missed')).toHaveLength(2);
  });

  test('an owner who is not invited is refused; a follow-up convened in time stops every chase', async () => {
    const w = world();
    const refused = await w.s.outcomes.saveOutcome(actor('Sam Okafor'), await w.withOutcome(), 1, {
      ...OUTCOME,
      followUpDate: '2026-11-30',
      followUpOwner: id('Omar Haddad'),
      amendmentReason: 'A follow-up is needed',
    });
    expect(errorsOf(refused)).toContain('The owner of the follow-up must be the chair or someone invited');
    const w2 = world();
    const ref = await w2.withOutcome({ followUpDate: '2026-11-30' });
    const form = await w2.s.convening.followUpForm(actor('Sam Okafor'), ref);
    if (form.kind !== 'convene-form') throw new Error(form.kind);
    const convened = await w2.s.convening.convene(actor('Sam Okafor'), { formId: form.draft.id, followUpOf: ref });
    if (convened.kind !== 'convened') throw new Error(JSON.stringify(convened));
    expect(convened.discussion.followUpOf).toBe(ref);
    expect((await w2.discussions.get(ref))!.followUp?.reference).toBe(convened.discussion.reference);
    await w2.runDue('2026-12-02T17:00:00Z');
    expect(w2.tell.told.some((n) => n.kind === 'sd.follow-up-due' || n.kind === 'sd.follow-up-missed')).toBe(false);
  });
});

describe('recording the outcome is recoverable', () => {
  test('a storage failure after the version is recorded keeps it on the record, and the same click again asks everyone and sets the chasers', async () => {
    const w = world();
    const chair = actor('Sam Okafor');
    const convened = await w.s.convening.convene(chair, conveneForm());
    if (convened.kind !== 'convened') throw new Error(convened.kind);
    const ref = convened.discussion.reference;
    await w.s.outcomes.saveAttendance(chair, ref, Object.fromEntries(convened.discussion.invitees.map((i) => [`att_${i.aadObjectId}`, 'attended'])));

    w.schedule.failNext = true;
    await expect(w.s.outcomes.saveOutcome(chair, ref, 0, OUTCOME)).rejects.toThrow(/storage did not answer/);
    expect((await w.discussions.get(ref))!.versions.map((v) => v.version)).toEqual([1]);
    expect(chair.recorded).toBe(ref); // told "on the record", never "nothing was recorded"
    expect(w.tell.told.some((n) => n.kind === 'sd.ack-request')).toBe(false);

    w.clock.set(new Date('2026-11-23T10:01:00Z'));
    const again = await w.s.outcomes.saveOutcome(actor('Sam Okafor'), ref, 0, OUTCOME);
    expect(again.kind).toBe('tally');
    expect(w.tell.told.filter((n) => n.kind === 'sd.ack-request')).toHaveLength(convened.discussion.invitees.length);
    expect(w.audit.actions(ref).filter((a) => a === 'outcome.recorded')).toHaveLength(1);
    await w.runDue('2026-11-23T12:00:00Z'); // two hours after the version was recorded
    expect(w.tell.to(id('Nia Evans'), 'sd.ack-request').map((n) => n.asked)).toEqual(['first', 'reminder']);
    expect(w.schedule.jobs.has(`sd|${ref}|v1|action-overdue|A1`)).toBe(true);
  });

  test('a different form on the old version is still refused as out of date', async () => {
    const w = world();
    const ref = await w.withOutcome();
    await expect(w.s.outcomes.saveOutcome(actor('Sam Okafor'), ref, 0, { ...OUTCOME, rationale: 'Something else entirely' })).rejects.toThrow(
      /version 1 is now the latest/,
    );
  });
});
