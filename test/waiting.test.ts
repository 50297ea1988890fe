import { WorkingCalendar } from '../src/domain/calendar';
import { checkContent, circulate, requestCorrection, startClock } from '../src/domain/minutes';
import { waitingInDiscussion, WaitingClock } from '../src/domain/waiting';
import { directory, id, NOW, sampleDiscussion } from './harness/sampleDiscussion';

const clock: WaitingClock = { calendar: new WorkingCalendar('Europe/London'), timescales: directory.partnership.timescales };
const names = new Map(directory.data.people.map((p) => [p.aadObjectId, p.name]));
/** "Nia Evans: acknowledge the outcome (version 1)", one line each, in the rules' order. */
const said = (items: ReturnType<typeof waitingInDiscussion>) => items.flatMap((w) => w.holders.map((h) => `${names.get(h)}: ${w.what}`));

describe('what a strategy discussion waits for, and from whom', () => {
  test('before the discussion: the invitees who have not replied, by its time, and the chair', () => {
    const d = { ...sampleDiscussion(), versions: [], attendance: undefined, scheduledAt: '2026-11-24T09:00:00.000Z' };
    d.invitees = d.invitees.map((i) => (i.aadObjectId === id('Alex Carter') ? { ...i, reply: 'attending' as const } : i));
    const items = waitingInDiscussion({ discussion: d, acknowledgements: [], confirmations: [] }, clock, NOW);
    expect(said(items)).toEqual([
      'Jordan Reid: reply to the invitation',
      'Nia Evans: reply to the invitation',
      'Helen Grant: reply to the invitation',
      'Lucy Park: reply to the invitation',
      'Sam Okafor: record the attendance and the outcome',
    ]);
    // After its time, an invitation needs no reply: only the chair's record is waited for.
    expect(said(waitingInDiscussion({ discussion: d, acknowledgements: [], confirmations: [] }, clock, new Date('2026-11-24T10:00:00Z')))).toEqual([
      'Sam Okafor: record the attendance and the outcome',
    ]);
  });

  test('circulated minutes wait for each recipient’s confirmation; someone asking for a correction waits for the chair instead', () => {
    const d = { ...sampleDiscussion(), endedAt: NOW.toISOString() };
    const content = checkContent({ agencyInformation: 'a', analysis: 'b', decision: 's47-joint', rationale: 'c', actions: '', familyTold: 'd' });
    let m = circulate(startClock(d, NOW, 24), d, id('Dee Walsh'), content, NOW);
    m = requestCorrection(m, d, id('Nia Evans'), 1, 'wrong', 'right', NOW);
    const acknowledgements = d.invitees.map((i) => ({ version: 1, aadObjectId: i.aadObjectId, answer: 'agree' as const, at: NOW.toISOString() }));
    const confirmations = [{ version: 1, aadObjectId: id('Jordan Reid'), at: NOW.toISOString() }];
    const items = waitingInDiscussion({ discussion: d, acknowledgements, minutes: m, confirmations }, clock, NOW);
    const lines = said(items);
    expect(lines).toContain('Alex Carter: confirm the minutes (version 1)');
    expect(lines).toContain('Sam Okafor: confirm the minutes (version 1)');
    expect(lines).not.toContain('Jordan Reid: confirm the minutes (version 1)');
    expect(lines).not.toContain('Nia Evans: confirm the minutes (version 1)');
    expect(lines).toContain('Sam Okafor: decide correction C1 to the minutes');
    expect(lines).toContain('Jordan Reid: agreed action: Joint visit');
    expect(lines.filter((l) => l.includes('acknowledge'))).toEqual([]);
    // Confirmation is due when the recipient's manager would be told: two working days after circulation.
    expect(items.find((w) => w.what.startsWith('confirm'))!.dueAt).toEqual(new Date('2026-11-25T10:00:00Z'));
  });
});
