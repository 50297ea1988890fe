import * as cards from './harness/cards';
import convene from '../src/cards/templates/strategy/convene';
import outcomeForm from '../src/cards/templates/strategy/outcomeForm';
import { DifferenceCards } from '../src/cards/differenceCards';
import convened from '../src/cards/templates/strategy/convened';
import tally from '../src/cards/templates/strategy/tally';
import { helpCard } from '../src/cards/help';
import { MinutesCards } from '../src/cards/minutesCards';
import { WorkingCalendar } from '../src/domain/calendar';
import { startClock } from '../src/domain/minutes';
import { ReferralCards } from '../src/cards/referralCards';
import { loadForm } from '../src/formsFile';
import { directory, id, NOW, sampleDiscussion } from './harness/sampleDiscussion';

/** The templates as Teams receives their structure: inputs and buttons are read by label and title. */
const json = (t: object) => t as Record<string, any>;

test('the convene, outcome and raise forms mark their required fields, each with its error shown beside it (Adaptive Cards 1.5 isRequired and errorMessage)', () => {
  const required: [object, string[]][] = [
    [convene, ['Date', 'Time', 'Minute-taker']],
    [
      new DifferenceCards(directory, new WorkingCalendar('Europe/London')).raiseForm(directory.person(id('Nia Evans'))!, {}, []),
      [
        'Case reference (not the child’s name)',
        'The decision or action in question',
        'Your reasons and the evidence',
        'The outcome you are seeking',
        'Responding practitioner',
      ],
    ],
    [outcomeForm, ['Reasonable cause to suspect significant harm (s47 threshold)', 'Decision', 'Is the outcome shared with the family?']],
  ];
  for (const [template, labels] of required) {
    for (const label of labels) {
      const input = cards.input(json(template), label);
      expect({ label, isRequired: input.isRequired }).toEqual({ label, isRequired: true });
      expect(input.errorMessage).toMatch(/\.$/);
    }
  }
  const purpose = cards.inputs(json(convene)).find((i) => i.id === 'purpose')!;
  expect(purpose.isRequired).toBe(true);
});

test('the chair’s cards have no button title a 360 px phone cuts short', () => {
  // About 30 characters fit one button on a 360 px screen in Teams; longer titles are cut with an ellipsis.
  const long = [convened, tally].flatMap((t) => cards.buttonTitles(json(t))).filter((title) => !title.includes('$') && title.length > 30);
  expect(long).toEqual([]);
});

test('the Front Door card marks the decision and its rationale as required; its other buttons do not wait for them', () => {
  const form = loadForm('config/forms/referral.json');
  const referral = {
    reference: 'REF-0042',
    referrer: id('Nia Evans'),
    answers: {},
    urgent: false,
    submittedAt: NOW.toISOString(),
    decideBy: NOW.toISOString(),
  };
  const card = new ReferralCards(directory, new WorkingCalendar('Europe/London')).referral(form, referral, { frontDoor: true, chair: false }, NOW);
  for (const label of ['Decision', 'Rationale (the referrer is told)']) {
    expect(cards.input(card, label).isRequired).toBe(true);
    expect(cards.input(card, label).errorMessage).toMatch(/\.$/);
  }
  const others = cards.actions(card).filter((a) => a.verb !== 'ref.decide');
  expect(others.filter((a) => a.associatedInputs !== 'none').map((a) => a.title)).toEqual([]);
});

test('the help card says roles in words and offers what is waiting for the person', () => {
  const kim = helpCard(directory, directory.person(id('Kim Lee'))!);
  expect(cards.text(kim)).toContain('You are: Front Door and manager.');
  expect(cards.buttonTitles(kim)[0]).toBe('What is waiting for me');
});

test('the minutes draft gives each agreed action’s due date in words', () => {
  const d = sampleDiscussion();
  const draft = new MinutesCards(directory, new WorkingCalendar('Europe/London')).draft(d, startClock(d, NOW, 24), NOW, {});
  const actions = String(cards.input(draft, 'Actions').value);
  expect(actions).toMatch(/due \w+day \d+ \w+ \d{4}\)/);
  expect(actions).not.toMatch(/\d{4}-\d{2}-\d{2}/);
});

test('the minutes draft says which fields are needed to circulate, and each problem stands beside its field, the rest at the buttons', () => {
  const d = sampleDiscussion();
  const m = startClock(d, NOW, 24);
  const minutesCards = new MinutesCards(directory, new WorkingCalendar('Europe/London'));
  expect(cards.text(minutesCards.draft(d, m, NOW, {}))).toContain(
    'Needed to circulate: the information each agency shared, the analysis, the decision, its rationale and what the family is told.',
  );
  const values = {
    agencyInformation: 'Police: partner arrested.',
    analysis: 'Level 3',
    decision: 's47-joint',
    rationale: '',
    actions: '',
    familyTold: 'Not shared.',
    link: '',
  };
  const errors = [
    'Describe the needs and their impact on the child in words: a level alone is not enough.',
    'Record the rationale for the decision.',
    'The minutes record a different decision.',
  ];
  const card = minutesCards.draft(d, m, NOW, { values, errors }) as Record<string, any>;
  const body: any[] = card.body;
  const after = (id: string) => body[body.findIndex((e) => e.id === id) + 1];
  expect(after('analysis')).toMatchObject({ type: 'TextBlock', text: errors[0], color: 'Attention' });
  expect(after('rationale')).toMatchObject({ type: 'TextBlock', text: errors[1], color: 'Attention' });
  // What belongs to no one field is listed last, just above the buttons.
  expect(body[body.length - 1]).toMatchObject({ type: 'TextBlock', text: errors[2], color: 'Attention' });
  expect(cards.text(card).split(errors[0])).toHaveLength(2); // said once, not also in a paragraph at the top
});
