import { StrategyCards } from '../src/cards/strategyCards';
import { WorkingCalendar } from '../src/domain/calendar';
import { attendees } from '../src/domain/strategyDiscussion';
import { directory, id, NOW, sampleDiscussion } from './harness/sampleDiscussion';
import * as cards from './harness/cards';

/**
 * The acknowledgement card is on the answer's hot path: fifty attendees answering within a second
 * share one read of the discussion, and its outcome (dates in words, names, the templated facts)
 * is the same for all of them. It is expanded once for that read; each person's part is their own.
 */
function counted(): { calendar: WorkingCalendar; describes: () => number } {
  const calendar = new WorkingCalendar('Europe/London');
  let n = 0;
  const describe = calendar.describe.bind(calendar);
  calendar.describe = (at: Date) => (n++, describe(at));
  return { calendar, describes: () => n };
}

test('fifty cards of one discussion read describe its outcome once, and each is the card the person would otherwise get', () => {
  const d = sampleDiscussion();
  const v = d.versions[0];
  const { calendar, describes } = counted();
  const sd = new StrategyCards(directory, calendar);
  const people = Array.from({ length: 50 }, (_, i) => ({ aadObjectId: attendees(d)[i % attendees(d).length], userId: `29:p${i}` }));
  const many = people.map((p) => sd.acknowledgement(d, v, p, undefined));
  expect(describes()).toBe(1);

  // The same cards as a fresh expansion would give (a new StrategyCards shares nothing).
  const fresh = new StrategyCards(directory, new WorkingCalendar('Europe/London'));
  people.forEach((p, i) => expect(JSON.stringify(many[i])).toBe(JSON.stringify(fresh.acknowledgement(structuredClone(d), v, p, undefined))));
  expect(many[3]).toMatchObject({ refresh: { userIds: ['29:p3'] } });
});

test('each person still sees their own answer and note; a new read shows what changed since (an action marked done)', () => {
  const d = sampleDiscussion();
  const v = d.versions[0];
  const sd = new StrategyCards(directory, new WorkingCalendar('Europe/London'));
  const nia = { aadObjectId: id('Nia Evans'), userId: '29:nia' };
  const alex = { aadObjectId: id('Alex Carter'), userId: '29:alex' };
  const asked = sd.acknowledgement(d, v, alex, undefined);
  const answered = sd.acknowledgement(d, v, nia, {
    version: 1,
    aadObjectId: nia.aadObjectId,
    answer: 'agree-with-note',
    note: 'Police checks by Friday.',
    at: NOW.toISOString(),
  });
  expect(cards.text(answered)).toContain('Your answer: I agree, with a note: “Police checks by Friday.”');
  expect(cards.text(asked)).not.toContain('Your answer');
  expect(cards.actions(asked).map((a) => a.title)).toContain('I agree');
  expect(cards.actions(answered).map((a) => a.title)).not.toContain('I agree');

  const reread = structuredClone(d);
  const action = reread.versions[0].outcome.actions[0];
  action.done = { at: NOW.toISOString(), by: action.ownerAadObjectId };
  expect(cards.text(sd.acknowledgement(d, v, alex, undefined))).not.toContain('(done)');
  expect(cards.text(sd.acknowledgement(reread, reread.versions[0], alex, undefined))).toContain('(done)');
});
