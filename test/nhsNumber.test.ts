import { hasValidCheckDigit, nhsDigits, nhsNumberProblem } from '../src/domain/nhsNumber';

describe('the NHS number’s modulus 11 check digit', () => {
  test('a valid number passes however it is grouped', () => {
    for (const n of ['943 476 5919', '9434765919', '943-476-5919', '401 023 2137']) expect(nhsNumberProblem(n)).toBeUndefined();
  });
  test('one digit mistyped, or two swapped, fails the check', () => {
    expect(nhsNumberProblem('943 476 5918')).toContain('not a valid NHS number');
    expect(nhsNumberProblem('934 476 5919')).toContain('not a valid NHS number');
  });
  test('a check that comes out as 10 is never valid; 11 means a check digit of 0', () => {
    // Weights 10 to 2: a 2 at weight 6 sums to 12 (11 - 1 = 10); ones at weights 6 and 5 sum to 11 (11 - 0 = 11, so 0).
    for (const last of '0123456789') expect(hasValidCheckDigit(`000020000${last}`)).toBe(false);
    expect(hasValidCheckDigit('0000110000')).toBe(true);
    expect(hasValidCheckDigit('0000110001')).toBe(false);
  });
  test('anything but ten digits is not an NHS number', () => {
    expect(nhsDigits('943 476 591')).toBeUndefined();
    expect(nhsNumberProblem('Alex')).toBe('an NHS number is 10 digits.');
  });
});
