import * as cards from './harness/cards';
import convene from '../src/cards/templates/strategy/convene';
import outcomeForm from '../src/cards/templates/strategy/outcomeForm';
import convened from '../src/cards/templates/strategy/convened';
import tally from '../src/cards/templates/strategy/tally';

/** The templates as Teams receives their structure: inputs and buttons are read by label and title. */
const json = (t: object) => t as Record<string, any>;

test('the convene and outcome forms mark their required fields, each with its error shown beside it (Adaptive Cards 1.5 isRequired and errorMessage)', () => {
  const required: [object, string[]][] = [
    [convene, ['Date', 'Time', 'Minute-taker']],
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
