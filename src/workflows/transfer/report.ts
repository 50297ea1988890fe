/**
 * The partnership's transfers report, for its administrators: by month, transfers out of and into
 * the partnership's authorities, how many were accepted and how long acceptance took, declines and
 * lapses. As CSV, neutralised like every other.
 */
import { DateTime } from 'luxon';
import { Refused } from '../../domain/refusals';
import { csv } from '../../documents/csv';
import type { Actor } from '../actor';
import type { TransferPorts } from './ports';

export interface TransferReportRow {
  month: string;
  out: number;
  in: number;
  accepted: number;
  /** Median working days from start to acceptance, of those accepted; '' when none. */
  medianWorkingDaysToAcceptance: string;
  declined: number;
  lapsed: number;
}

export async function transferReport(ports: TransferPorts, cmd: { actor: Actor }): Promise<TransferReportRow[]> {
  if (!cmd.actor.person.roles.includes('partnership-admin')) {
    throw new Refused('not-admin', 'Only partnership administrators can see the transfers report.', 'transfers report');
  }
  const { directory, calendar } = ports;
  // The partnership's own authorities: its social care agencies that are not a neighbour's.
  const neighbours = new Set(directory.neighbouringAuthorities().map((a) => a.agency));
  const ours = new Set(directory.data.agencies.filter((a) => a.type === 'social-care' && !neighbours.has(a.id)).map((a) => a.id));
  const isOurs = (authority: string) => ours.has(directory.neighbouringAuthority(authority)?.agency ?? authority);
  const rows = new Map<string, TransferReportRow & { days: number[] }>();
  for (const t of await ports.transfers.all()) {
    const month = calendar.local(new Date(t.startedAt)).toFormat('yyyy-MM');
    const row = rows.get(month) ?? { month, out: 0, in: 0, accepted: 0, medianWorkingDaysToAcceptance: '', declined: 0, lapsed: 0, days: [] };
    if (isOurs(t.sending.id)) row.out++;
    if (isOurs(t.receiving.id)) row.in++;
    if (t.state === 'declined') row.declined++;
    if (t.state === 'lapsed') row.lapsed++;
    if (t.acceptance) {
      row.accepted++;
      row.days.push(workingDaysBetween(calendar, new Date(t.startedAt), new Date(t.acceptance.at)));
    }
    rows.set(month, row);
  }
  return [...rows.values()]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map(({ days, ...r }) => ({ ...r, medianWorkingDaysToAcceptance: days.length ? String(median(days)) : '' }));
}

function workingDaysBetween(calendar: TransferPorts['calendar'], from: Date, to: Date): number {
  let n = 0;
  for (let d = DateTime.fromJSDate(from).plus({ days: 1 }); d.toJSDate() <= to; d = d.plus({ days: 1 })) if (calendar.isWorkingDay(d)) n++;
  return n;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function transferReportCsv(rows: TransferReportRow[]): string {
  const header = ['month', 'transfers_out', 'transfers_in', 'accepted', 'median_working_days_to_acceptance', 'declined', 'lapsed'];
  return csv(
    header,
    rows.map((r) => [r.month, String(r.out), String(r.in), String(r.accepted), r.medianWorkingDaysToAcceptance, String(r.declined), String(r.lapsed)]),
  );
}
