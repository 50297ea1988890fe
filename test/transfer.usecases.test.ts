/**
 * Case transfers, use case by use case, in-process: in-memory ports, a clock that stands still and
 * the sample directory. The same rules as test/transfer.e2e.test.ts, in milliseconds.
 */
import { WorkingCalendar } from '../src/domain/calendar';
import { responsibility, Transfer } from '../src/domain/transfer';
import { Refused } from '../src/domain/refusals';
import { readFileSync } from 'node:fs';
import { checkDirectory, loadDirectory } from '../src/directoryFile';
import { Directory } from '../src/domain/directory';
import { Actor } from '../src/workflows/actor';
import { TransferPorts } from '../src/workflows/transfer/ports';
import { start } from '../src/workflows/transfer/starting';
import { acceptWithCode, answer, checkItem } from '../src/workflows/transfer/answering';
import { transferChasers } from '../src/workflows/transfer/chasers';
import { transferReport } from '../src/workflows/transfer/report';
import { hashCode } from '../src/workflows/transfer/acceptanceCode';
import { TransferView } from '../src/workflows/transfer/views';
import { newAcceptanceCode } from '../src/workflows/transfer/newCode';
import { FixedClock } from './inMemory/clock';
import { InMemoryAudit } from './inMemory/audit';
import { InMemoryReferences } from './inMemory/references';
import { InMemorySchedule } from './inMemory/schedule';
import { RecordingTell } from './inMemory/tell';
import { InMemoryTransfers, noOrigins } from './inMemory/transfers';
import { FactsOf } from '../src/partnership/caseFacts';
import { InMemoryThreads } from './inMemory/threads';

const sampleDirectory = loadDirectory('config/partnership.sample.json');

function concord(at = '2026-11-23T10:00:00Z', directory = sampleDirectory) {
  const clock = new FixedClock(new Date(at));
  const audit = new InMemoryAudit(clock.now);
  const p = directory.partnership;
  const tell = new RecordingTell();
  const schedule = new InMemorySchedule();
  const ports: TransferPorts = {
    transfers: new InMemoryTransfers(),
    threads: new InMemoryThreads(),
    origins: noOrigins,
    notes: audit.notes,
    audit,
    tell,
    schedule,
    references: new InMemoryReferences(),
    directory,
    calendar: new WorkingCalendar(p.timeZone, p.closureDays, p.timescales.startOfWorkingDay, p.timescales.endOfWorkingDay),
    now: clock.now,
  };
  const id = (name: string) => directory.data.people.find((x) => x.name === name)!.aadObjectId;
  const actor = (name: string): Actor => ({ person: directory.person(id(name))!, tenantId: 't', activityId: 'a', userId: `29:${name}` });
  const runDueWork = async (when: string) => {
    clock.set(when);
    for (const job of schedule.takeAllDue(clock.now())) {
      if (job.kind === 'tr.unanswered') await transferChasers['tr.unanswered'](ports, job.payload);
      if (job.kind === 'tr.proposed-date') await transferChasers['tr.proposed-date'](ports, job.payload);
      if (job.kind === 'tr.agreed-date') await transferChasers['tr.agreed-date'](ports, job.payload);
    }
  };
  const startTo = async (receiving: string, plan = 'cp', proposedDate = '2026-12-07') =>
    start(ports, {
      actor: actor('Jordan Reid'),
      form: { receiving, plan, reason: 'Moved.', proposedDate, caseReferences: 'WM 1', formId: `${receiving}-${plan}-${proposedDate}` },
    });
  return { ports, clock, audit, tell, schedule, id, actor, runDueWork, startTo };
}

const transferOf = (v: TransferView): Transfer => {
  if (v.kind === 'tr.transfer' || v.kind === 'tr.started-by-email') return v.transfer;
  throw new Error(`expected a transfer, got ${JSON.stringify(v).slice(0, 300)}`);
};

describe('case transfer use cases', () => {
  test('responsibility moves only with acceptance and the agreed date, and the words say so', () => {
    const t = {
      sending: { id: 'wm-csc', name: 'Westmoor' },
      receiving: { id: 'northshire', name: 'Northshire' },
      state: 'awaiting',
    } as Transfer;
    const zone = 'Europe/London';
    expect(responsibility(t, '2026-12-10', zone)).toBe('Responsible now: Westmoor, until Northshire accepts and the agreed date arrives');
    const accepted: Transfer = { ...t, state: 'accepted', agreedDate: '2026-12-07', acceptance: { name: 'Fiona', at: '2026-11-23T10:00:00Z', how: 'teams' } };
    expect(responsibility(accepted, '2026-12-06', zone)).toBe(
      'Responsible now: Westmoor until Monday 7 December 2026, then Northshire (accepted by Fiona on Monday 23 November 2026)',
    );
    expect(responsibility(accepted, '2026-12-07', zone)).toBe(
      'Responsible now: Northshire since Monday 7 December 2026 (accepted by Fiona on Monday 23 November 2026); before that Westmoor',
    );
  });

  test('the checklist is the partnership’s, by plan; the form’s problems come back on it, and no reference is spent on them', async () => {
    const c = concord();
    const cp = transferOf(await c.startTo('northshire', 'cp'));
    expect(cp.reference).toBe('TR-0001');
    expect(cp.checklist.map((i) => i.id)).toEqual(['assessment', 'plan-reviewed', 'cp-conference']);
    const lac = transferOf(await c.startTo('northshire', 'lac'));
    expect(lac.checklist.map((i) => i.id)).toEqual(['assessment', 'plan-reviewed', 'lac-review']);
    const bad = await start(c.ports, {
      actor: c.actor('Jordan Reid'),
      form: { receiving: 'nowhere', plan: 'x', reason: '', proposedDate: '2026-11-01', caseReferences: 'a'.repeat(201), formId: 'bad' },
    });
    expect(bad.kind === 'tr.start-form' && bad.errors).toEqual([
      'Choose the receiving authority.',
      'Choose the child’s plan.',
      'Say why the case transfers (the family moved, or is about to).',
      'The proposed transfer date is in the past.',
      expect.stringContaining('at most 200 characters'),
    ]);
    expect(transferOf(await c.startTo('eastvale', 'cin')).reference).toBe('TR-0003');
    // The same form twice is one transfer.
    expect(transferOf(await c.startTo('eastvale', 'cin')).reference).toBe('TR-0003');
  });

  test('a checklist item’s due date is its own rule in the partnership’s file, whatever its id', async () => {
    const data = JSON.parse(readFileSync('config/partnership.sample.json', 'utf8'));
    data.partnership.transfers = {
      checklist: [
        { id: 'cp-conference', label: 'Transfer-in conference held', plans: ['cp'], withinWorkingDays: 10 },
        { id: 'health-handover', label: 'Health visitor handover', withinWorkingDays: 3 },
        { id: 'assessment', label: 'Assessment completed' },
      ],
    };
    const c = concord('2026-11-23T10:00:00Z', new Directory(checkDirectory(data)));
    const t = transferOf(await c.startTo('northshire', 'cp'));
    // Monday 23 November: 10 working days is Monday 7 December, 3 is Thursday 26 November.
    expect(t.checklist.map((i) => [i.id, i.dueBy])).toEqual([
      ['cp-conference', '2026-12-07'],
      ['health-handover', '2026-11-26'],
      ['assessment', undefined],
    ]);
    // The sample's own conference is due in 15 working days, from the item itself.
    const sample = transferOf(await concord().startTo('northshire', 'cp'));
    expect(sample.checklist.find((i) => i.id === 'cp-conference')?.dueBy).toBe('2026-12-14');
  });

  test('a start interrupted after its reference was reserved is finished by the same click again, not reported as submitted', async () => {
    const c = concord();
    const store = c.ports.transfers;
    const create = store.create.bind(store);
    let failOnce = true;
    store.create = async (t) => {
      if (failOnce) {
        failOnce = false;
        throw new Error('storage unavailable');
      }
      return create(t);
    };
    await expect(c.startTo('northshire', 'cp')).rejects.toThrow('storage unavailable');
    const again = transferOf(await c.startTo('northshire', 'cp'));
    expect(again.reference).toBe('TR-0001');
    expect(await c.ports.transfers.get('TR-0001')).toBeDefined();
    await c.runDueWork('2026-11-25T10:00:01Z');
    expect(c.tell.to(c.id('Sam Okafor'), 'tr.unanswered').map((n) => n.about)).toEqual(['TR-0001']);
  });

  test('a proposed date or a question is an answer: the sender’s manager is told only of silence', async () => {
    const c = concord();
    const quiet = transferOf(await c.startTo('northshire', 'cp', '2026-12-07'));
    const asked = transferOf(await c.startTo('northshire', 'cin', '2026-12-07'));
    await answer(c.ports, { actor: c.actor('Fiona Nash'), reference: asked.reference, what: 'propose', date: '2026-12-14', text: '' });
    await c.runDueWork('2026-11-25T10:00:01Z');
    const toSam = c.tell.to(c.id('Sam Okafor'), 'tr.unanswered');
    expect(toSam.map((n) => n.about)).toEqual([quiet.reference]);
  });

  test('only the receiving authority answers; a date in the past and a decline without a reason are refused on the card', async () => {
    const c = concord();
    const t = transferOf(await c.startTo('northshire'));
    await expect(answer(c.ports, { actor: c.actor('Jordan Reid'), reference: t.reference, what: 'accept', date: '2026-12-07', text: '' })).rejects.toThrow(
      Refused,
    );
    const past = await answer(c.ports, { actor: c.actor('Fiona Nash'), reference: t.reference, what: 'accept', date: '2026-11-20', text: '' });
    expect(past.kind === 'tr.transfer' && past.error).toBe('The date is in the past.');
    const noReason = await answer(c.ports, { actor: c.actor('Fiona Nash'), reference: t.reference, what: 'decline', date: '', text: ' ' });
    expect(noReason.kind === 'tr.transfer' && noReason.error).toBe('Give the reason for declining.');
    // The checklist is the sending authority's.
    await expect(checkItem(c.ports, { actor: c.actor('Fiona Nash'), reference: t.reference, item: 'assessment' })).rejects.toThrow(
      /Only the sending authority/,
    );
  });

  test('an emailed code is kept only as a hash, expires, and is spent by the acceptance', async () => {
    const c = concord();
    const view = await c.startTo('eastvale', 'cin');
    if (view.kind !== 'tr.started-by-email') throw new Error('expected the summary and code');
    const stored = (await c.ports.transfers.get(view.transfer.reference))!;
    expect(stored.code?.hash).toBe(hashCode(view.transfer.reference, view.code));
    expect(JSON.stringify(stored)).not.toContain(view.code);
    c.clock.set('2026-12-08T10:00:00Z'); // 15 days on: past the 14 the code is valid
    await expect(
      acceptWithCode(c.ports, { actor: c.actor('Priya Shah'), reference: view.transfer.reference, code: view.code, acceptedBy: 'Pat', date: '2026-12-20' }),
    ).rejects.toThrow('The acceptance code of TR-0001 has expired. Nothing was recorded.');
  });

  test('a new acceptance code is issued once per card, by the sending authority only; the one who issued it cannot enter it', async () => {
    const c = concord();
    const started = await c.startTo('eastvale', 'cin');
    if (started.kind !== 'tr.started-by-email') throw new Error('expected the summary and code');
    const reference = started.transfer.reference;
    await expect(newAcceptanceCode(c.ports, { actor: c.actor('Alison Bright'), reference, seen: 1 })).rejects.toThrow(/Only the sending authority/);
    // Priya records Eastvale's acceptances and is of the sending authority: she may issue one, then not enter it.
    const first = await newAcceptanceCode(c.ports, { actor: c.actor('Priya Shah'), reference, seen: 1 });
    if (first.kind !== 'tr.started-by-email') throw new Error(first.kind);
    // The same click delivered again issues nothing more: the code shown first still works.
    const again = await newAcceptanceCode(c.ports, { actor: c.actor('Priya Shah'), reference, seen: 1 });
    expect(again.kind === 'tr.transfer' && again.error).toMatch(/A new acceptance code was issued since this card was drawn/);
    expect((await c.ports.transfers.get(reference))!.code?.hash).toBe(hashCode(reference, first.code));
    expect(c.audit.actions(reference).filter((a) => a === 'transfer.code-issued')).toHaveLength(1);
    const enter = (name: string, code: string) => acceptWithCode(c.ports, { actor: c.actor(name), reference, code, acceptedBy: 'Pat', date: '2026-12-20' });
    await expect(enter('Priya Shah', first.code)).rejects.toThrow(/not whoever started the transfer/);
    await expect(enter('Alison Bright', started.code)).rejects.toThrow(/That is not the acceptance code/);
    expect(transferOf(await enter('Alison Bright', first.code)).state).toBe('accepted');
  });

  test('the report counts by month of the start: out, accepted with the working days it took, declined', async () => {
    const c = concord('2026-11-20T10:00:00Z'); // Friday
    const t = transferOf(await c.startTo('northshire'));
    c.clock.set('2026-11-24T10:00:00Z'); // Tuesday: 2 working days on
    await answer(c.ports, { actor: c.actor('Fiona Nash'), reference: t.reference, what: 'accept', date: '2026-12-07', text: '' });
    const d = transferOf(await c.startTo('northshire', 'cin'));
    await answer(c.ports, { actor: c.actor('Fiona Nash'), reference: d.reference, what: 'decline', date: '', text: 'No tenancy.' });
    const rows = await transferReport(c.ports, { actor: c.actor('Alison Bright') });
    expect(rows).toEqual([{ month: '2026-11', out: 2, in: 0, accepted: 1, medianWorkingDaysToAcceptance: '2', declined: 1, lapsed: 0 }]);
    // The Partnership tab counts the same, in the month each started.
    const facts = new FactsOf(c.ports.calendar, c.ports.directory);
    expect(facts.transfer((await c.ports.transfers.get(t.reference))!).get('2026-11')).toEqual({
      'transfers.started': 1,
      'transfers.accepted': 1,
      'transfers.acceptanceDays': 2,
    });
    expect(facts.transfer((await c.ports.transfers.get(d.reference))!).get('2026-11')).toEqual({ 'transfers.started': 1, 'transfers.declined': 1 });
  });
});
