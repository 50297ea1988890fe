/**
 * The values a card action carries, parsed once at the edge. Card data comes back from the
 * client and anyone can send anything: a value no card offers is refused here (clearly, audited,
 * never repeated back), so workflows only ever see a choice from their table, a whole number,
 * or a real date. An empty value is not forged (an input left blank): the workflow asks for it.
 */
import { DateTime } from 'luxon';
import { isChoice } from '../domain/choices';
import { unexpectedInput } from '../domain/refusals';

type Data = Record<string, unknown>;

/**
 * A value as text: free text is checked against its limits by the use case. A card sends text,
 * or a number or true/false from a button's own data; a list or an object is no input of any
 * card (and turned into text it would be "[object Object]", or fail), so it is refused.
 */
// What no keyboard types: control characters but tab and new lines, U+FFFE/U+FFFF, a lone half of
// a surrogate pair. A forged card can send them; kept, they break exports (Word refuses them) and
// swell a card's JSON sixfold (\u0001).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_TYPED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|\p{Cs}/u;

export function text(v: unknown): string {
  if (typeof v === 'string') {
    if (NOT_TYPED.test(v)) throw unexpectedInput('a text input holds characters no keyboard sends');
    return v;
  }
  if (v === undefined || v === null) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw unexpectedInput('a text input is not text');
}

/** The case reference a card carries, bounded, for the checks that follow; anything but text is no reference. */
export const referenceText = (v: unknown) => (typeof v === 'string' ? v.slice(0, 40) : '');

const blank = (v: unknown) => v === undefined || v === null || v === '';

/** One of the table's own keys, or '' when the input was left blank. */
export function choice<K extends string>(table: Readonly<Record<K, unknown>>, data: Data, field: string, label = field): K | '' {
  const v = data[field];
  if (blank(v)) return '';
  if (isChoice(table, v)) return v;
  throw unexpectedInput(`"${label}" is not one of the card’s choices`);
}

/** The JSON number 3 or the text "3", up to six digits; nothing else ([3], true, "0x3", "03", 3.5). */
function wholeNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= 999_999) return v;
  if (typeof v === 'string' && /^(0|[1-9][0-9]{0,5})$/.test(v)) return Number(v);
  return undefined;
}

/** A version of a record, or a stage of a difference: 1 or more. */
export function version(data: Data, field: string): number {
  const n = wholeNumber(data[field]);
  if (n === undefined || n < 1) throw unexpectedInput(`"${field}" is not a version number`);
  return n;
}

/** A count that may be 0: the version a form was opened on before any outcome, a step of a form. */
export function count(data: Data, field: string): number {
  const n = wholeNumber(data[field]);
  if (n === undefined) throw unexpectedInput(`"${field}" is not a whole number`);
  return n;
}

/** A step of a form in steps: 0 up to `last` (its review); anything else is forged. */
export function step(data: Data, field: string, last: number): number {
  const n = wholeNumber(data[field]);
  if (n === undefined || n > last) throw unexpectedInput(`"${field}" is not a step of the form`);
  return n;
}

/** A toggle or a yes/no button: true or false, as JSON or as text; blank is false. */
export function flag(data: Data, field: string): boolean {
  const v = data[field];
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false' || blank(v)) return false;
  throw unexpectedInput(`"${field}" is not true or false`);
}

/** A date input: YYYY-MM-DD and a real day, or '' when left blank. */
export function date(data: Data, field: string): string {
  const v = data[field];
  if (blank(v)) return '';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && DateTime.fromISO(v).isValid) return v;
  throw unexpectedInput(`"${field}" is not a date`);
}

/** A case reference of one kind (REF-0001, SD-0001) a card carries, or '' when it carries none. */
export function caseReferenceOf(prefix: 'REF' | 'SD', data: Data, field: string): string {
  const v = data[field];
  if (blank(v)) return '';
  if (typeof v === 'string' && new RegExp(`^${prefix}-[0-9]{4,6}$`).test(v)) return v;
  throw unexpectedInput(`"${field}" is not a ${prefix}- reference`);
}

/** A correction to the minutes, as its card names it: C1, C2… */
export function correctionId(data: Data, field: string): string {
  const v = data[field];
  if (typeof v === 'string' && /^C[1-9][0-9]{0,5}$/.test(v)) return v;
  throw unexpectedInput(`"${field}" is not a correction`);
}

/** Every input whose id starts with `prefix` (one per person, say) holds one of the table's choices. */
export function choicesFor<K extends string>(table: Readonly<Record<K, unknown>>, data: Data, prefix: string): void {
  // Named by the prefix only: the rest of the id came from the client.
  for (const field of Object.keys(data)) if (field.startsWith(prefix)) choice(table, data, field, `${prefix}…`);
}

/** Directory ids chosen on a card (a multi-select sends them joined by commas): Entra object ids, at most `max`; '' is none. */
export function personIds(data: Data, field: string, max: number, label = field): string[] {
  const v = data[field];
  if (blank(v)) return [];
  const ids = typeof v === 'string' ? v.split(',').map((x) => x.trim()) : [];
  if (!ids.length || ids.length > max || !ids.every((x) => /^[0-9a-fA-F-]{36}$/.test(x)))
    throw unexpectedInput(`"${label}" is not a choice of people on the card`);
  return ids;
}
