/**
 * Who receives a chase addressed to someone: the person, or, while the directory marks them away,
 * whoever covers for them (their named cover, else their manager); away is the directory file's or
 * what they said in chat (domain/absence.ts). In Child Alex the follow-up
 * discussion fell into a holiday; a chase that waits in an empty inbox is no chase at all.
 */
import type { WorkingCalendar } from './calendar';
import type { Absence, Directory, Person } from './directory';

export interface Receiver {
  /** The aadObjectId of whoever receives it. */
  person: string;
  /** Why it reaches them and not the person it is for; absent when it reaches that person. */
  why?: string;
}

/** The absence this person is on that day (YYYY-MM-DD, local), if any: the directory's, or one said in chat. */
export function absenceOn(directory: Directory, person: Person, day: string): Absence | undefined {
  return directory.awayOf(person).find((a) => a.from <= day && day <= a.until);
}

/**
 * The receiver of something addressed to `aadObjectId` at `at`. A cover who is away too passes it
 * on to their own cover; a chain that comes back on itself, or reaches nobody, stops at the last
 * person found, so a chase is never dropped.
 */
export function receiverFor(directory: Directory, calendar: WorkingCalendar, aadObjectId: string, at: Date): Receiver {
  const day = calendar.local(at).toISODate()!;
  const addressed = directory.person(aadObjectId);
  let current = addressed;
  let first: Absence | undefined;
  const seen = new Set<string>();
  while (current && !seen.has(current.aadObjectId)) {
    seen.add(current.aadObjectId);
    const absence = absenceOn(directory, current, day);
    if (!absence) break;
    first ??= absence;
    const next = directory.person(absence.cover ?? current.managerAadObjectId);
    if (!next || seen.has(next.aadObjectId)) break;
    current = next;
  }
  if (!addressed || !current || !first || current === addressed) return { person: aadObjectId };
  const until = calendar.local(calendar.fromLocal(first.until)!).toFormat('cccc d LLLL yyyy');
  return { person: current.aadObjectId, why: `Sent to you as cover for ${addressed.name}, away until ${until}` };
}

/** The receivers of something addressed to several people, each receiver once (the first reason kept). */
export function receiversFor(directory: Directory, calendar: WorkingCalendar, people: string[], at: Date): (Receiver & { for: string })[] {
  const out = new Map<string, Receiver & { for: string }>();
  for (const p of people) {
    const r = receiverFor(directory, calendar, p, at);
    if (!out.has(r.person)) out.set(r.person, { ...r, for: p });
  }
  return [...out.values()];
}

/** The first of these people whose chases reach `aadObjectId` at `at` because they are away: whom that person acts for. */
export function coveredBy(directory: Directory, calendar: WorkingCalendar, aadObjectId: string, people: string[], at: Date): string | undefined {
  const me = directory.person(aadObjectId)?.aadObjectId;
  if (!me) return undefined;
  return people.find((p) => p !== me && receiverFor(directory, calendar, p, at).person === me);
}
