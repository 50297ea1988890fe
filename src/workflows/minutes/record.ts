/** The minutes as lines of the case record: lateness, versions, who confirmed when, corrections and dissent. */
import { WorkingCalendar } from '../../domain/calendar';
import { Directory } from '../../domain/directory';
import { Confirmation, dueHours, latest, lateness, Minutes } from '../../domain/minutes';

/** A line of the record; a correction's also in `short`, naming it without its wording, for a card that would not fit whole. */
export interface MinutesLine {
  whole: string;
  short?: string;
}

export function minutesRecordLines(
  m: Minutes | undefined,
  confirmations: Confirmation[],
  directory: Directory,
  calendar: WorkingCalendar,
  now: Date,
): MinutesLine[] {
  return m ? lines(m, confirmations, directory, calendar, now) : [];
}

function lines(m: Minutes, confirmations: Confirmation[], directory: Directory, calendar: WorkingCalendar, now: Date): MinutesLine[] {
  const who = (id: string) => directory.person(id)?.name ?? 'someone';
  const when = (iso: string) => calendar.describe(new Date(iso));
  const lines: MinutesLine[] = [];
  const v = latest(m);
  if (!v) {
    lines.push({
      whole:
        now.getTime() > new Date(m.dueAt).getTime()
          ? `Not circulated: they were due ${when(m.dueAt)} and are late.`
          : `Due ${calendar.phrase(new Date(m.dueAt), now)}.`,
    });
    return lines;
  }
  lines.push({
    whole: m.lateByMinutes ? `Circulated late, by ${lateness(m.lateByMinutes)} (due ${when(m.dueAt)}).` : `Circulated within ${dueHours(m)} hours.`,
  });
  for (const version of m.versions) {
    const confirmed = confirmations.filter((c) => c.version === version.version);
    lines.push({
      whole: `Version ${version.version}, circulated ${when(version.circulatedAt)} by ${who(version.circulatedBy)} to ${version.recipients.length} people${version.reason ? ` (${version.reason})` : ''}: confirmed by ${confirmed.length} of ${version.recipients.length}.`,
    });
    for (const c of confirmed) lines.push({ whole: `Received and reviewed by ${who(c.aadObjectId)}, ${when(c.at)}.` });
  }
  const missing = v.recipients.filter((r) => !confirmations.some((c) => c.version === v.version && c.aadObjectId === r));
  if (missing.length) lines.push({ whole: `Not yet confirmed: ${missing.map(who).join(', ')}.` });
  for (const c of m.corrections) {
    const state = c.state === 'open' ? 'awaiting the chair' : c.state === 'accepted' ? 'accepted' : `declined (${c.decision?.reason}): dissent on the record`;
    const raised = c.differenceAt ? `; raised as professional difference ${c.difference ?? ''}` : '';
    lines.push({
      whole: `Correction ${c.id} from ${who(c.by)}: “${c.wrong}” should say “${c.shouldSay}”; ${state}${raised}.`,
      short: `Correction ${c.id} from ${who(c.by)}, its wording in the export (“export ${m.reference}”); ${c.state === 'declined' ? 'declined: dissent on the record' : state}${raised}.`,
    });
  }
  return lines;
}
