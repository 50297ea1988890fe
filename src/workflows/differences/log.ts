/**
 * The partnership's log of professional differences, for its administrators: one row each (the
 * agencies, the state, days per stage, automatic escalations), read from each difference's
 * summary row. In chat a page at a time under a summary of the whole log; the same rows as CSV.
 */
import { DifferenceSummary } from '../../domain/professionalDifference';
import { Refused } from '../../domain/refusals';
import { csv } from '../../documents/csv';
import type { Actor } from '../actor';
import type { DifferencePorts } from './ports';

export interface DifferenceLogRow {
  reference: string;
  case: string;
  raisedAt: string;
  raisedByAgency: string;
  respondingAgency: string;
  state: string;
  stage: string;
  stageDays: string;
  autoEscalations: string;
}

/** Rows on one page of the log in chat: a page stays a few kilobytes, far under Teams' message limit. */
export const LOG_PAGE_SIZE = 25;

/** One page of the log, newest first, under counts of the whole log. */
export interface DifferenceLogPage {
  raised: number;
  open: number;
  resolved: number;
  closed: number;
  /** 1 is the newest. */
  page: number;
  pages: number;
  rows: DifferenceLogRow[];
}

async function summaries(ports: DifferencePorts, actor: Actor): Promise<DifferenceSummary[]> {
  if (!actor.person.roles.includes('partnership-admin')) {
    throw new Refused('not-admin', 'Only partnership administrators can see the log of professional differences.', 'differences log');
  }
  // References are numbered in order: PD-0002 was raised after PD-0001 (PD-10000 after PD-9999).
  return (await ports.differences.summaries()).sort((a, b) => a.reference.length - b.reference.length || a.reference.localeCompare(b.reference));
}

function rowOf(ports: DifferencePorts, s: DifferenceSummary): DifferenceLogRow {
  const { directory, now } = ports;
  const agency = (id: string) => {
    const p = directory.person(id);
    return p ? directory.agencyOf(p).name : 'unknown';
  };
  const days = (st: { startedAt: string; endedAt?: string }) =>
    ((new Date(st.endedAt ?? now().toISOString()).getTime() - new Date(st.startedAt).getTime()) / 86_400_000).toFixed(1);
  return {
    reference: s.reference,
    case: s.caseReference,
    raisedAt: s.raisedAt.slice(0, 10),
    raisedByAgency: agency(s.raisedBy),
    respondingAgency: agency(s.responding),
    state: s.state,
    stage: String(s.stages[s.stages.length - 1].stage),
    stageDays: s.stages.map((st) => `${st.stage}:${days(st)}`).join(' '),
    autoEscalations: String(s.autoEscalations),
  };
}

/** A page of the log (1 is the newest; a page past the end shows the last). */
export async function differenceLog(ports: DifferencePorts, cmd: { actor: Actor; page?: number }): Promise<DifferenceLogPage> {
  const all = (await summaries(ports, cmd.actor)).reverse();
  const pages = Math.max(1, Math.ceil(all.length / LOG_PAGE_SIZE));
  const page = Math.min(Math.max(1, cmd.page ?? 1), pages);
  const count = (state: DifferenceSummary['state']) => all.filter((s) => s.state === state).length;
  return {
    raised: all.length,
    open: count('open'),
    resolved: count('resolved'),
    closed: count('closed'),
    page,
    pages,
    rows: all.slice((page - 1) * LOG_PAGE_SIZE, page * LOG_PAGE_SIZE).map((s) => rowOf(ports, s)),
  };
}

/** Every row, oldest first, for the CSV file. */
export async function differenceLogRows(ports: DifferencePorts, cmd: { actor: Actor }): Promise<DifferenceLogRow[]> {
  return (await summaries(ports, cmd.actor)).map((s) => rowOf(ports, s));
}

export function differenceLogCsv(rows: DifferenceLogRow[]): string {
  const header = ['reference', 'case', 'raised', 'raised_by_agency', 'responding_agency', 'state', 'stage', 'days_per_stage', 'automatic_escalations'];
  return csv(
    header,
    rows.map((r) => Object.values(r) as string[]),
  );
}
