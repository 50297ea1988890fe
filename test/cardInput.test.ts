import { choice, correctionId, count, date, flag, text, version } from '../src/teams/cardInput';
import { isChoice } from '../src/domain/choices';
import { Refused } from '../src/domain/refusals';
import { ANSWERS } from '../src/domain/strategyDiscussion';

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof Refused ? `${e.reason}: ${e.detail}` : String(e);
  }
  return 'accepted';
};

describe('values from a card', () => {
  test('text is text, or a number or true/false from a button’s data; a list or an object is refused, never "[object Object]"', () => {
    expect(text('a note')).toBe('a note');
    expect(text(undefined)).toBe('');
    expect(text(3)).toBe('3');
    expect(text(false)).toBe('false');
    for (const forged of [['a note'], {}, { toString: 'a note' }, [{ a: 1 }]])
      expect(refusal(() => text(forged))).toBe('invalid-input: a text input is not text');
  });

  test('a choice is an own key of its table; built-ins and non-strings are refused, blank is blank', () => {
    expect(choice(ANSWERS, { answer: 'agree' }, 'answer')).toBe('agree');
    expect(choice(ANSWERS, {}, 'answer')).toBe('');
    for (const forged of ['constructor', 'toString', '__proto__', 'hasOwnProperty', ['agree'], 1, true]) {
      expect(isChoice(ANSWERS, forged)).toBe(false);
      expect(refusal(() => choice(ANSWERS, { answer: forged }, 'answer'))).toBe('invalid-input: "answer" is not one of the card’s choices');
    }
  });

  test('a version is the number 3 or the text "3"; nothing else reads as a number', () => {
    expect(version({ v: 3 }, 'v')).toBe(3);
    expect(version({ v: '3' }, 'v')).toBe(3);
    expect(version({ v: 999_999 }, 'v')).toBe(999_999);
    for (const forged of [[1], true, '0x1', '1e0', '01', ' 1', '1 ', 0, '0', -1, 1.5, NaN, Infinity, 1_000_000, '1000000', null, undefined, {}]) {
      expect(refusal(() => version({ v: forged }, 'v'))).toBe('invalid-input: "v" is not a version number');
    }
    expect(count({ n: 0 }, 'n')).toBe(0);
    expect(count({ n: '0' }, 'n')).toBe(0);
    expect(refusal(() => count({ n: '00' }, 'n'))).toBe('invalid-input: "n" is not a whole number');
  });

  test('a correction is named as its card names it', () => {
    expect(correctionId({ id: 'C12' }, 'id')).toBe('C12');
    for (const forged of ['C0', 'c1', 'Jane', 'C1 ', ['C1']])
      expect(refusal(() => correctionId({ id: forged }, 'id'))).toBe('invalid-input: "id" is not a correction');
  });

  test('flags are true or false; dates are real days', () => {
    expect([true, 'true', false, 'false', '', undefined].map((v) => flag({ f: v }, 'f'))).toEqual([true, true, false, false, false, false]);
    expect(refusal(() => flag({ f: 'yes' }, 'f'))).toBe('invalid-input: "f" is not true or false');
    expect(date({ d: '2026-02-28' }, 'd')).toBe('2026-02-28');
    expect(date({ d: '' }, 'd')).toBe('');
    for (const forged of ['2026-02-30', '9', '2026-W48-1', '2026-11-25T00:00', 20261125]) {
      expect(refusal(() => date({ d: forged }, 'd'))).toBe('invalid-input: "d" is not a date');
    }
  });
});
