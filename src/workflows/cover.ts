/**
 * Addressing a chase through the cover rule (domain/cover.ts): every scheduled chaser asks here who
 * receives it, so someone away is covered the same way in every workflow.
 */
import type { WorkingCalendar } from '../domain/calendar';
import { receiverFor, receiversFor } from '../domain/cover';
import type { Directory } from '../domain/directory';
import type { Recipient } from './ports';

export interface CoverLookup {
  directory: Directory;
  calendar: WorkingCalendar;
  now: () => Date;
}

/** Where a chase to this person goes now, and why when it goes to their cover (a notice's `to` and `cover`). */
export function chaseTo(c: CoverLookup, person: string): { to: Recipient; cover?: string } {
  const r = receiverFor(c.directory, c.calendar, person, c.now());
  return r.why ? { to: { person: r.person }, cover: r.why } : { to: { person: r.person } };
}

/** The same for several people: each receiver once, with the person it was first addressed to (`for`). */
export function chaseEach(c: CoverLookup, people: string[]): { for: string; receiver: string; to: Recipient; cover?: string }[] {
  return receiversFor(c.directory, c.calendar, people, c.now()).map((r) => ({
    for: r.for,
    receiver: r.person,
    to: { person: r.person },
    ...(r.why ? { cover: r.why } : {}),
  }));
}
