/**
 * The NHS number: ten digits, the last a modulus 11 check digit (NHS Data Dictionary, "NHS
 * Number"). A number that fails the check was mistyped: matching it to earlier cases would link
 * the wrong child, so it is refused on the form rather than kept.
 */

/** The ten digits of a number written with or without spaces or hyphens (3-3-4), or undefined. */
export function nhsDigits(value: string): string | undefined {
  const m = /^\s*(\d{3})[ -]?(\d{3})[ -]?(\d{4})\s*$/.exec(value);
  return m ? m[1] + m[2] + m[3] : undefined;
}

/** Whether the check digit agrees: weights 10 down to 2 on the first nine digits, 11 minus the remainder mod 11. */
export function hasValidCheckDigit(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  // 11 means 0; 10 means no valid NHS number has these first nine digits.
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** What is wrong with an NHS number as typed, in words for the person filling in the form; undefined when it is right. */
export function nhsNumberProblem(value: string): string | undefined {
  const digits = nhsDigits(value);
  if (!digits) return 'an NHS number is 10 digits.';
  if (!hasValidCheckDigit(digits)) return 'this is not a valid NHS number (its check digit does not match): please check it against the child’s record.';
  return undefined;
}
