/**
 * How each step of a professional difference reads, one line each: on the stage card and in the
 * exported record alike.
 */
import { WorkingCalendar } from './calendar';
import { Directory } from './directory';
import { LogEntry } from './professionalDifference';

const WHAT: Record<LogEntry['what'], string> = {
  raised: 'raised the difference',
  escalated: 'escalated it',
  'auto-escalated': 'Escalated automatically',
  proposed: 'proposed a resolution',
  asked: 'asked for information',
  answered: 'gave information',
  silence: 'No answer',
  resolved: 'accepted the resolution: resolved',
  closed: 'recorded the final outcome: closed',
  overdue: 'The last stage is past its deadline',
};

export function stepLine(e: LogEntry, directory: Directory, calendar: WorkingCalendar): string {
  const who = e.by === 'system' ? '' : `${directory.person(e.by)?.name ?? 'Someone'} `;
  const text = e.text ? `: “${e.text}”` : '';
  return `${calendar.local(new Date(e.at)).toFormat('d LLL HH:mm')}, stage ${e.stage}: ${who}${WHAT[e.what]}${text}`;
}
