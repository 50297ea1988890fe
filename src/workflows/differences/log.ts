/**
 * The partnership's log of professional differences, for its administrators: one row each (the
 * agencies, the state, days per stage, automatic escalations), and the same rows as CSV.
 */
import { currentStage } from '../../domain/professionalDifference';
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

export async function differenceLog(ports: DifferencePorts, cmd: { actor: Actor }): Promise<DifferenceLogRow[]> {
  if (!cmd.actor.person.roles.includes('partnership-admin')) {
    throw new Refused('not-admin', 'Only partnership administrators can see the log of professional differences.', 'differences log');
  }
  const { directory, now } = ports;
  const agency = (id: string) => {
    const p = directory.person(id);
    return p ? directory.agencyOf(p).name : 'unknown';
  };
  const days = (s: { startedAt: string; endedAt?: string }) =>
    ((new Date(s.endedAt ?? now().toISOString()).getTime() - new Date(s.startedAt).getTime()) / 86_400_000).toFixed(1);
  return (await ports.differences.all()).map((pd) => ({
    reference: pd.reference,
    case: pd.caseReference,
    raisedAt: pd.raisedAt.slice(0, 10),
    raisedByAgency: agency(pd.raisedBy),
    respondingAgency: agency(pd.responding),
    state: pd.state,
    stage: String(currentStage(pd).stage),
    stageDays: pd.stages.map((s) => `${s.stage}:${days(s)}`).join(' '),
    autoEscalations: String(pd.log.filter((e) => e.what === 'auto-escalated').length),
  }));
}

export function differenceLogCsv(rows: DifferenceLogRow[]): string {
  const header = ['reference', 'case', 'raised', 'raised_by_agency', 'responding_agency', 'state', 'stage', 'days_per_stage', 'automatic_escalations'];
  return csv(
    header,
    rows.map((r) => Object.values(r) as string[]),
  );
}
