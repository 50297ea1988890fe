/**
 * The referral and serious-incident rules, in process: the use cases with in-memory ports, the
 * sample directory and a clock set by hand. Milliseconds each; the wire is the e2e tests' job.
 */
import { WorkingCalendar } from '../src/domain/calendar';
import { loadForm } from '../src/formsFile';
import { Actor } from '../src/workflows/actor';
import { CaseAccess } from '../src/workflows/caseAccess';
import { WorkflowServices } from '../src/workflows/workflow';
import { FormSession } from '../src/workflows/referrals/formSession';
import { ReferralSubmission } from '../src/workflows/referrals/submission';
import { StrategyHandOff } from '../src/workflows/referrals/strategyHandOff';
import { FrontDoor } from '../src/workflows/referrals/frontDoor';
import { UndecidedReferrals } from '../src/workflows/referrals/undecided';
import { IncidentClocks } from '../src/workflows/referrals/incidentClock';
import { IncidentReport } from '../src/workflows/referrals/incidentReport';
import { ReferralView } from '../src/workflows/referrals/views';
import { ReferralCards } from '../src/cards/referralCards';
import { text } from './harness/cards';
import { directory, id } from './harness/sampleDiscussion';
import { FixedClock } from './inMemory/clock';
import { InMemoryAudit } from './inMemory/audit';
import { InMemoryReferences } from './inMemory/references';
import { InMemorySchedule } from './inMemory/schedule';
import { RecordingTell } from './inMemory/tell';
import { InMemoryReferrals } from './inMemory/referrals';
import { InMemoryThreads } from './inMemory/threads';

const REFERRAL_ANSWERS = {
  childName: 'Alex Example',
  dateOfBirth: '2026-06-14',
  address: '1 Example Road, Westmoor',
  mother: 'Sam Example, mother',
  father: 'Jo Sample',
  partners: 'None',
  parentalResponsibility: 'Mother',
  whatHappened: '20 November: bruising.',
  seen: 'Bruising on both arms.',
  impact: 'A non-mobile baby with unexplained bruising, at risk of serious injury.',
  childsVoice: 'Too young to speak.',
  parentsKnow: 'yes',
  consent: 'yes',
};
const INCIDENT_ANSWERS = {
  caseReference: 'SD-0142',
  harmed: 'true',
  abuse: 'true',
  incidentDate: '2026-12-20',
  summary: 'Admitted with injuries.',
  otherAgencies: 'Police',
};

function world(at: string) {
  const clock = new FixedClock(new Date(at));
  const p = directory.partnership;
  const calendar = new WorkingCalendar(p.timeZone, p.closureDays, p.timescales.startOfWorkingDay, p.timescales.endOfWorkingDay);
  const audit = new InMemoryAudit(clock.now);
  const jobs = new InMemorySchedule();
  const tell = new RecordingTell();
  const store = new InMemoryReferrals();
  const services: WorkflowServices = {
    // Only `note` and `guard` are used here, and neither reads a discussion.
    access: new CaseAccess(undefined as never, audit),
    tell,
    jobs,
    audit,
    directory,
    calendar,
    references: new InMemoryReferences(),
    now: clock.now,
  };
  const referralForm = new FormSession(loadForm(p.forms.referral), 'referral', store, calendar, clock.now);
  const incidentForm = new FormSession(loadForm(p.forms.seriousIncident), 'incident', store, calendar, clock.now);
  const clocks = new IncidentClocks(services, store);
  const threads = new InMemoryThreads();
  return {
    threads,
    clock,
    audit,
    jobs,
    tell,
    store,
    referralForm,
    incidentForm,
    clocks,
    submission: new ReferralSubmission(services, referralForm, store, { canReach: async () => true }, { threads, nhsNumbers: threads }),
    frontDoor: new FrontDoor(services, store, new StrategyHandOff(services, store, { canReach: async () => true }, threads)),
    undecided: new UndecidedReferrals(services, store),
    incidents: new IncidentReport(services, incidentForm, store, clocks),
  };
}

function actor(name: string): Actor {
  return { person: directory.person(id(name))!, tenantId: 't', activityId: 'a', userId: `29:${name}` };
}

/** A referral filled in to its review, as the cards would leave it. */
async function filledIn(w: ReturnType<typeof world>, who: Actor, form: FormSession, answers: Record<string, string>, urgent = false): Promise<void> {
  await form.start(who, urgent);
  const d = (await form.draft(who))!;
  await w.store.saveDraft({ ...d, answers, step: form.form.steps.length });
}

const cards = (() => {
  const p = directory.partnership;
  return new ReferralCards(directory, new WorkingCalendar(p.timeZone, p.closureDays, p.timescales.startOfWorkingDay, p.timescales.endOfWorkingDay));
})();
/** What the person reads: the words, or the receipt card's text as it was shown when submitted. */
const said = (v: ReferralView) =>
  v.kind === 'said' ? v.text : v.kind === 'receipt' ? text(cards.receipt(v, new Date(v.referral.submittedAt))) : `(a ${v.kind} view)`;

describe('the Front Door deadline: the end of the next working day', () => {
  test('a Monday referral is due by 17:00 on Tuesday', async () => {
    const w = world('2026-11-23T10:00:00Z');
    const nia = actor('Nia Evans');
    await filledIn(w, nia, w.referralForm, REFERRAL_ANSWERS);
    expect(said(await w.submission.submit(nia))).toContain('Your referral is REF-0001. The Front Door will decide by 17:00 on Tuesday 24 November');
    expect(w.store.referrals.get('REF-0001')!.decideBy).toBe('2026-11-24T17:00:00.000Z');
    expect(w.jobs.of('ref.deadline').map((j) => [j.dueAt.toISOString(), j.payload.ref])).toEqual([['2026-11-24T17:00:00.000Z', 'REF-0001']]);
    expect(w.tell.ofKind('ref.new').map((n) => [n.to, n.referral.reference])).toEqual([[{ channel: directory.partnership.frontDoorChannelId }, 'REF-0001']]);
  });

  test('across a weekend and a bank holiday: Friday afternoon before the August bank holiday is due on Tuesday', async () => {
    const w = world('2026-08-28T13:00:00Z');
    const nia = actor('Nia Evans');
    await filledIn(w, nia, w.referralForm, REFERRAL_ANSWERS);
    expect(said(await w.submission.submit(nia))).toContain('by 17:00 on Tuesday 1 September');
    expect(w.jobs.of('ref.deadline')[0].dueAt.toISOString()).toBe('2026-09-01T16:00:00.000Z'); // 17:00 British Summer Time
  });
});

describe('an urgent referral (a child in immediate danger) runs on working hours: 4 by default', () => {
  test('submitted at 10:00 on a Monday: decided by 14:00 the same day', async () => {
    const w = world('2026-11-23T10:00:00Z');
    const nia = actor('Nia Evans');
    await filledIn(w, nia, w.referralForm, REFERRAL_ANSWERS, true);
    const answer = said(await w.submission.submit(nia));
    expect(answer).toContain('The Front Door will decide by 14:00 on Monday 23 November');
    expect(answer).not.toContain('emergency duty team');
    expect(w.jobs.of('ref.deadline').map((j) => j.dueAt.toISOString())).toEqual(['2026-11-23T14:00:00.000Z']);
  });

  test('submitted at 20:00 on Christmas Eve: the working hours start on Tuesday 29 December, and the emergency duty team is named now', async () => {
    const w = world('2026-12-24T20:00:00Z');
    const nia = actor('Nia Evans');
    await filledIn(w, nia, w.referralForm, REFERRAL_ANSWERS, true);
    const answer = said(await w.submission.submit(nia));
    expect(answer).toContain('The Front Door will decide by 13:00 on Tuesday 29 December');
    expect(answer).toContain(`call the emergency duty team on ${directory.partnership.emergency.outOfHoursNumber} as well`);
  });
});

describe('a draft says what the person last typed', () => {
  test('an optional answer emptied on the card (Teams then leaves it out) is cleared, not kept', async () => {
    const w = world('2026-11-23T10:00:00Z');
    const nia = actor('Nia Evans');
    await w.referralForm.start(nia, false);
    const child = { childName: 'Alex Example', dateOfBirth: '2026-06-14', address: '1 Example Road', nhsNumber: '943 476 5919', gp: 'Riverside' };
    const first = w.referralForm.form.steps[0].questions.map((q) => q.id);
    const given = Object.fromEntries(first.map((id) => [id, (child as Record<string, string>)[id] ?? 'x']));
    await w.referralForm.move(nia, given, 'next', 0);
    const optional = w.referralForm.form.steps[0].questions.find((q) => !q.required)!;
    const { [optional.id]: _cleared, ...without } = given;
    await w.referralForm.move(nia, without, 'next', 0);
    expect((await w.referralForm.draft(nia))!.answers[optional.id]).toBe('');
  });
});

describe('an undecided referral at its deadline', () => {
  test('the Front Door managers are chased, and it is audited', async () => {
    const w = world('2026-11-23T10:00:00Z');
    const nia = actor('Nia Evans');
    await filledIn(w, nia, w.referralForm, REFERRAL_ANSWERS);
    await w.submission.submit(nia);
    w.clock.set('2026-11-24T17:00:00Z');
    await w.undecided.deadlinePassed({ ref: 'REF-0001' });
    const managers = directory.withRole('front-door').filter((p) => p.roles.includes('manager'));
    expect(managers.length).toBeGreaterThan(0);
    expect(w.tell.ofKind('ref.undecided').map((n) => n.to)).toEqual(managers.map((m) => ({ person: m.aadObjectId })));
    expect(w.audit.actions('REF-0001')).toContain('referral.undecided-at-deadline');
  });

  test('a decided referral is not chased', async () => {
    const w = world('2026-11-23T10:00:00Z');
    const nia = actor('Nia Evans');
    await filledIn(w, nia, w.referralForm, REFERRAL_ANSWERS);
    await w.submission.submit(nia);
    const decided = await w.frontDoor.decide(actor('Kim Lee'), 'REF-0001', 'advice', 'Information given to the family.');
    expect(decided.kind).toBe('referral');
    expect(w.tell.ofKind('ref.decided').map((n) => n.to)).toEqual([{ person: nia.person.aadObjectId }]);
    await w.undecided.deadlinePassed({ ref: 'REF-0001' });
    expect(w.tell.ofKind('ref.undecided')).toEqual([]);
    expect(w.audit.actions('REF-0001')).not.toContain('referral.undecided-at-deadline');
  });
});

describe('a "strategy discussion" decision reaches the chairs even after a failure half-way', () => {
  test('telling fails after the decision is saved: the same click again tells every chair and sets the clock, and records nothing new', async () => {
    const w = world('2026-11-23T10:00:00Z');
    const nia = actor('Nia Evans');
    await filledIn(w, nia, w.referralForm, REFERRAL_ANSWERS);
    await w.submission.submit(nia);
    const tell = w.tell.tell.bind(w.tell);
    w.tell.tell = () => Promise.reject(new Error('the outbox is down'));
    await expect(w.frontDoor.decide(actor('Kim Lee'), 'REF-0001', 'strategy-discussion', 'Possible significant harm.')).rejects.toThrow('the outbox is down');
    w.tell.tell = tell;
    const again = await w.frontDoor.decide(actor('Kim Lee'), 'REF-0001', 'strategy-discussion', 'Possible significant harm.');
    expect(again.kind).toBe('referral');
    expect(w.tell.ofKind('ref.convene-needed').map((n) => n.to)).toEqual(directory.withRole('chair').map((c) => ({ person: c.aadObjectId })));
    expect(w.tell.ofKind('ref.decided')).toHaveLength(1);
    expect((await w.store.referral('REF-0001'))!.conveneBy).toBe('2026-11-24T17:00:00.000Z');
    expect(w.audit.actions('REF-0001').filter((a) => a === 'referral.decided')).toHaveLength(1);
    // Another decision by someone else is still refused: the first stands.
    await expect(w.frontDoor.decide(actor('Kim Lee'), 'REF-0001', 'advice', 'x')).rejects.toThrow('REF-0001 was already decided: Strategy discussion.');
  });
});

describe('the serious-incident clocks: 5 working days to the National Panel, 15 from it to the rapid review', () => {
  test('reported the Monday before Christmas: the Panel by Wednesday 30 December; notified then, the review by Thursday 21 January', async () => {
    const w = world('2026-12-21T10:00:00Z');
    const jordan = actor('Jordan Reid');
    await filledIn(w, jordan, w.incidentForm, INCIDENT_ANSWERS);
    expect(said(await w.incidents.submit(jordan))).toContain(
      'Reported as SI-0001. The partnership has been alerted; the National Panel must be notified by 17:00 on Wednesday 30 December',
    );
    const admins = directory.withRole('partnership-admin').map((p) => ({ person: p.aadObjectId }));
    expect(w.tell.ofKind('si.reported').map((n) => n.to)).toEqual(admins);
    expect(w.jobs.of('si.due').map((j) => [j.payload.which, j.dueAt.toISOString()])).toEqual([['panel', '2026-12-30T17:00:00.000Z']]);
    expect(w.jobs.of('si.remind').map((j) => [j.payload.which, j.dueAt.toISOString()])).toEqual([['panel', '2026-12-30T09:00:00.000Z']]);

    await w.clocks.remind({ ref: 'SI-0001', which: 'panel' });
    expect(w.tell.ofKind('si.reminder').map((n) => n.which)).toEqual(admins.map(() => 'panel'));

    w.clock.set('2026-12-30T11:00:00Z');
    const alison = actor('Alison Bright');
    const view = await w.clocks.record(alison, 'SI-0001', 'panel', '2026-12-30');
    expect(view.kind).toBe('incident');
    // New Year's Day is a bank holiday.
    expect(w.store.incidents.get('SI-0001')!.rapidReviewDueAt).toBe('2027-01-21T17:00:00.000Z');
    expect(w.jobs.of('si.due').map((j) => [j.payload.which, j.dueAt.toISOString()])).toContainEqual(['review', '2027-01-21T17:00:00.000Z']);
    // The Panel step is done: its deadline passing says nothing.
    await w.clocks.due({ ref: 'SI-0001', which: 'panel' });
    expect(w.tell.ofKind('si.missed')).toEqual([]);

    w.clock.set('2027-01-21T17:00:00Z');
    await w.clocks.due({ ref: 'SI-0001', which: 'review' });
    expect(w.tell.ofKind('si.missed').map((n) => [n.to, n.which])).toEqual(admins.map((a) => [a, 'review']));
    expect(w.audit.actions('SI-0001')).toContain('incident.review-deadline-missed');
  });
});

describe('a partnership admin away over a serious incident’s deadline', () => {
  test('the reminder and the missed deadline reach their cover, saying why', async () => {
    const original = directory.data;
    const away = structuredClone(original);
    away.people.find((p) => p.name === 'Alison Bright')!.away = [{ from: '2026-12-28', until: '2027-01-08', cover: id('Priya Shah') }];
    directory.replace(away);
    try {
      const w = world('2026-12-21T10:00:00Z');
      const jordan = actor('Jordan Reid');
      await filledIn(w, jordan, w.incidentForm, INCIDENT_ANSWERS);
      await w.incidents.submit(jordan);
      w.clock.set('2026-12-30T09:00:00Z');
      await w.clocks.remind({ ref: 'SI-0001', which: 'panel' });
      w.clock.set('2026-12-30T17:00:00Z');
      await w.clocks.due({ ref: 'SI-0001', which: 'panel' });
      const why = 'Sent to you as cover for Alison Bright, away until Friday 8 January 2027';
      for (const kind of ['si.reminder', 'si.missed'] as const) {
        expect(w.tell.ofKind(kind).map((n) => [n.to, n.cover])).toEqual([[{ person: id('Priya Shah') }, why]]);
      }
    } finally {
      directory.replace(original);
    }
  });
});

describe('the National Panel clock runs from when the authority became aware', () => {
  test('aware on Monday 14 December, reported on Monday 21: the Panel is due by 17:00 that Monday, not on 30 December', async () => {
    const w = world('2026-12-21T10:00:00Z');
    const jordan = actor('Jordan Reid');
    await filledIn(w, jordan, w.incidentForm, { ...INCIDENT_ANSWERS, incidentDate: '2026-12-13', awareDate: '2026-12-14' });
    expect(said(await w.incidents.submit(jordan))).toContain('the National Panel must be notified by 17:00 on Monday 21 December.');
    expect(w.jobs.of('si.due').map((j) => j.dueAt.toISOString())).toEqual(['2026-12-21T17:00:00.000Z']);
  });

  test('aware on 7 December and reported on the 21st: the deadline has passed, and the reporter is told to notify today', async () => {
    const w = world('2026-12-21T10:00:00Z');
    const jordan = actor('Jordan Reid');
    await filledIn(w, jordan, w.incidentForm, { ...INCIDENT_ANSWERS, incidentDate: '2026-12-06', awareDate: '2026-12-07' });
    expect(said(await w.incidents.submit(jordan))).toContain('That deadline has already passed: notify the Panel today.');
    expect(w.jobs.of('si.due').map((j) => j.dueAt.toISOString())).toEqual(['2026-12-14T17:00:00.000Z']);
  });
});

describe('a submission survives storage failing between storing it and taking the draft', () => {
  test.each(['createReferral', 'claimDraft'] as const)(
    'storage fails at %s: submitting again gives the one referral, and the Front Door is told once',
    async (failing) => {
      const w = world('2026-11-23T10:00:00Z');
      const nia = actor('Nia Evans');
      await filledIn(w, nia, w.referralForm, REFERRAL_ANSWERS);
      w.store.failOnce(failing);
      await expect(w.submission.submit(nia)).rejects.toThrow('storage did not answer');
      expect(w.tell.told).toEqual([]);
      expect(said(await w.submission.submit(nia))).toMatch(/^REF-0001: referral submitted\nYour referral is REF-0001\./);
      expect([...w.store.referrals.keys()]).toEqual(['REF-0001']);
      expect(w.tell.ofKind('ref.new').map((n) => n.referral.reference)).toEqual(['REF-0001']);
      expect(await w.store.draft('referral', nia.person.aadObjectId)).toBeUndefined();
    },
  );

  test.each(['createIncident', 'claimDraft'] as const)(
    'a serious incident: storage fails at %s, and reporting again gives the one incident',
    async (failing) => {
      const w = world('2026-12-21T10:00:00Z');
      const jordan = actor('Jordan Reid');
      await filledIn(w, jordan, w.incidentForm, INCIDENT_ANSWERS);
      w.store.failOnce(failing);
      await expect(w.incidents.submit(jordan)).rejects.toThrow('storage did not answer');
      expect(said(await w.incidents.submit(jordan))).toMatch(/^Reported as SI-0001\./);
      expect([...w.store.incidents.keys()]).toEqual(['SI-0001']);
    },
  );
});

describe('a submission interrupted after its reference was reserved', () => {
  test('a referral whose store failed is stored by the same click again, under the same reference, and reaches the Front Door', async () => {
    const w = world('2026-11-23T10:00:00Z');
    const nia = actor('Nia Evans');
    await filledIn(w, nia, w.referralForm, REFERRAL_ANSWERS);
    w.store.failOnce('createReferral');
    await expect(w.submission.submit(nia)).rejects.toThrow('storage did not answer');
    expect(said(await w.submission.submit(nia))).toContain('Your referral is REF-0001.');
    expect(w.store.referrals.get('REF-0001')).toBeDefined();
    expect(w.tell.ofKind('ref.new').map((n) => n.about)).toContain('REF-0001');
  });

  test('a serious incident whose store failed is stored by the same report again, under the same reference, and the admins are alerted', async () => {
    const w = world('2026-12-21T10:00:00Z');
    const jordan = actor('Jordan Reid');
    await filledIn(w, jordan, w.incidentForm, INCIDENT_ANSWERS);
    w.store.failOnce('createIncident');
    await expect(w.incidents.submit(jordan)).rejects.toThrow('storage did not answer');
    expect(said(await w.incidents.submit(jordan))).toContain('Reported as SI-0001.');
    expect(w.tell.ofKind('si.reported').length).toBeGreaterThan(0);
  });
});
