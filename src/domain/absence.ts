/**
 * An absence someone says in chat (`away until 2026-12-04 cover Omar Haddad`), or their manager
 * says for them: checked here, kept beside the directory file's own `away`, which it overrides
 * for that person until the file's entry for them changes (whichever was said last wins).
 */
import { DateTime } from 'luxon';
import type { WorkingCalendar } from './calendar';
import type { Absence, Directory, Person } from './directory';
export { fileAwayOf, type StatedAbsence } from './directory';
import { Invalid } from './refusals';

/** The longest absence said in chat: longer leave is a change of staffing, for the directory file. */
export const ABSENCE_MAX_DAYS = 90;

/** The most characters of a name or email Concord reads from `away … cover <name or email>`. */
export const PERSON_WORDS_MAX = 200;

/** The person a name (as the directory has it) or an email names, or the problem with it. */
export function personNamed(directory: Directory, words: string): Person {
  const w = words.trim().toLowerCase();
  if (w.length > PERSON_WORDS_MAX) throw new Invalid([`A name or email has at most ${PERSON_WORDS_MAX} characters.`]);
  const found = directory.data.people.filter((p) => p.email.toLowerCase() === w || p.name.toLowerCase() === w);
  if (found.length === 1) return found[0];
  if (found.length > 1) throw new Invalid([`Several people in the directory are called “${words.trim()}”: give their email instead.`]);
  throw new Invalid([`Nobody in the directory is called “${words.trim()}”: give their name as the directory has it, or their email.`]);
}

/**
 * The absence `person` is on from `from` (today when not given) until `until`, both days
 * included, covered by `cover` (their manager when not given). Dates in the past, an absence
 * longer than ABSENCE_MAX_DAYS, and a cover outside the person's agency, away themselves then,
 * or the person themselves are refused, each said plainly.
 */
export function checkAbsence(
  directory: Directory,
  calendar: WorkingCalendar,
  person: Person,
  req: { from?: string; until: string; cover?: Person },
  now: Date,
): Absence {
  const today = calendar.local(now).startOf('day');
  const problems: string[] = [];
  const day = (iso: string | undefined, what: string): DateTime | undefined => {
    if (iso === undefined) return today;
    const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? DateTime.fromISO(iso, { zone: today.zone }) : undefined;
    if (!d?.isValid) problems.push(`${what} “${iso.slice(0, 20)}” is not a date: write it as YYYY-MM-DD, for example 2026-12-04.`);
    return d?.isValid ? d : undefined;
  };
  const from = day(req.from, 'The first day away');
  const until = day(req.until, 'The last day away');
  const words = (d: DateTime) => d.toFormat('cccc d LLLL yyyy');
  if (from && from < today) problems.push(`The first day away, ${words(from)}, is in the past.`);
  if (until && until < today) problems.push(`The last day away, ${words(until)}, is in the past.`);
  if (from && until && until < from) problems.push('The last day away is before the first.');
  if (until && until.diff(today, 'days').days >= ABSENCE_MAX_DAYS) {
    problems.push(
      `An absence said in chat can last at most ${ABSENCE_MAX_DAYS} days from today; for longer, ask your partnership administrator to mark it in the directory.`,
    );
  }
  const cover = req.cover;
  if (cover) {
    if (cover.aadObjectId === person.aadObjectId) problems.push('You cannot cover for yourself: name someone else, or leave the cover out for your manager.');
    else if (cover.agency !== person.agency) problems.push(`${cover.name} is not in your agency: name a cover in ${directory.agencyOf(person).name}.`);
    else if (from && until && directory.awayOf(cover).some((a) => a.from <= until.toISODate()! && from.toISODate()! <= a.until)) {
      problems.push(`${cover.name} is away themselves during that time: name someone else.`);
    }
  }
  if (problems.length) throw new Invalid(problems);
  return { from: from!.toISODate()!, until: until!.toISODate()!, ...(cover ? { cover: cover.aadObjectId } : {}) };
}
