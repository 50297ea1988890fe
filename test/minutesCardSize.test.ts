import { MinutesCards } from '../src/cards/minutesCards';
import { StrategyCards } from '../src/cards/strategyCards';
import { minutesRecordLines } from '../src/workflows/minutes/record';
import { CARD_CHARS } from '../src/cards/render';
import { WorkingCalendar } from '../src/domain/calendar';
import { checkContent, circulate, decideCorrection, latest, Minutes, requestCorrection, startClock } from '../src/domain/minutes';
import { directory, id, NOW, sampleDiscussion } from './harness/sampleDiscussion';
import * as cards from './harness/cards';

/** Text of exactly `n` characters that names what it is. */
const typed = (n: number, tag: string) => `${tag}: `.concat('x'.repeat(n)).slice(0, n);

/**
 * Minutes corrected again and again, every field at its limit, must still reach everyone: each
 * review card lists every applied correction and every dissent, and whole they outgrow the
 * message Teams takes, which would refuse the card for every recipient.
 */
test('minutes at every limit, corrected twelve times (six accepted, six declined), reach each recipient on a card Teams takes: the newest corrections whole, the oldest named with where they are whole', () => {
  const d = sampleDiscussion();
  const mc = new MinutesCards(directory, new WorkingCalendar('Europe/London'));
  const content = checkContent({
    agencyInformation: typed(8_000, 'information'),
    analysis: typed(6_000, 'analysis'),
    decision: 's47-joint',
    rationale: typed(3_000, 'rationale'),
    actions: typed(3_000, 'actions'),
    familyTold: typed(2_000, 'family'),
    link: '',
  });
  let m: Minutes = circulate(startClock(d, NOW, 24), d, id('Dee Walsh'), content, NOW);
  const askers = ['Jordan Reid', 'Alex Carter', 'Nia Evans', 'Helen Grant', 'Lucy Park', 'Jordan Reid'];
  for (let n = 1; n <= 12; n++) {
    const v = latest(m)!.version;
    m = requestCorrection(m, d, id(askers[(n - 1) % askers.length]), v, typed(1_000, `wrong ${n}`), typed(1_000, `right ${n}`), NOW);
    m = decideCorrection(m, d, id('Sam Okafor'), `C${n}`, n % 2 === 0, n % 2 === 0 ? '' : typed(1_000, `declined ${n}`), NOW).minutes;
  }
  const v = latest(m)!;
  expect(v.version).toBe(7);
  const card = mc.review(d, m, v, { aadObjectId: id('Lucy Park'), userId: '29:l' }, undefined);
  expect(JSON.stringify(card).length).toBeLessThanOrEqual(CARD_CHARS);
  const shown = cards.text(card);
  // The minutes themselves are always whole.
  for (const field of ['agencyInformation', 'analysis', 'rationale', 'actions', 'familyTold'] as const) expect(shown).toContain(content[field]);
  // The newest accepted correction and the newest dissent are whole.
  expect(shown).toContain(`Correction C12 applied: “${typed(1_000, 'wrong 12')}” now reads “${typed(1_000, 'right 12')}”.`);
  expect(shown).toContain(`The chair declined: ${typed(1_000, 'declined 11')}.`);
  // The oldest is named, with where its wording is whole.
  expect(shown).toContain('Correction C2 applied: its wording is in the export (“export SD-0042”).');
  // Still a card a person can answer.
  expect(cards.buttonTitles(card)).toContain('Received and reviewed');
});

test('the record of a discussion whose minutes were corrected twenty-four times at every limit is a card Teams takes', () => {
  const d = sampleDiscussion();
  const calendar = new WorkingCalendar('Europe/London');
  const m = shortMinutesCorrected(d, 24);
  const record = new StrategyCards(directory, calendar).record(d, [], minutesRecordLines(m, [], directory, calendar, NOW));
  expect(JSON.stringify(record).length).toBeLessThanOrEqual(CARD_CHARS);
  const shown = cards.text(record);
  expect(shown).toContain(`Correction C24 from Jordan Reid: “${typed(1_000, 'wrong 24')}” should say “${typed(1_000, 'right 24')}”; accepted.`);
  expect(shown).toContain('Correction C1 from Jordan Reid, its wording in the export (“export SD-0042”); declined: dissent on the record.');
});

test('even a hundred and fifty corrections at every limit leave review and record cards Teams takes, the rest said to be in the export', () => {
  const d = sampleDiscussion();
  const calendar = new WorkingCalendar('Europe/London');
  const mc = new MinutesCards(directory, calendar);
  const m = shortMinutesCorrected(d, 150);
  const review = mc.review(d, m, latest(m)!, { aadObjectId: id('Lucy Park') }, undefined);
  const record = new StrategyCards(directory, calendar).record(d, [], minutesRecordLines(m, [], directory, calendar, NOW));
  for (const card of [review, record]) {
    expect(JSON.stringify(card).length).toBeLessThanOrEqual(CARD_CHARS);
    expect(cards.text(card)).toContain('in the export (“export SD-0042”)');
  }
});

/** Short minutes, then `times` corrections at every limit from Jordan Reid, each accepted if even, declined (with a reason at its limit) if odd. */
function shortMinutesCorrected(d: ReturnType<typeof sampleDiscussion>, times: number): Minutes {
  const content = checkContent({ agencyInformation: 'a', analysis: 'b', decision: 's47-joint', rationale: 'c', actions: '', familyTold: 'd', link: '' });
  let m = circulate(startClock(d, NOW, 24), d, id('Dee Walsh'), content, NOW);
  for (let n = 1; n <= times; n++) {
    m = requestCorrection(m, d, id('Jordan Reid'), latest(m)!.version, typed(1_000, `wrong ${n}`), typed(1_000, `right ${n}`), NOW);
    m = decideCorrection(m, d, id('Sam Okafor'), `C${n}`, n % 2 === 0, n % 2 === 0 ? '' : typed(1_000, `declined ${n}`), NOW).minutes;
  }
  return m;
}
