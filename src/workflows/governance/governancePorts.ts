import { WorkingCalendar } from '../../domain/calendar';
import { Directory } from '../../domain/directory';
import { Schedule } from '../jobs';
import { AuditTrail } from '../ports';
import { CaseRows, CaseThreads, Drafts, GovernanceRecords, NhsNumbers } from './ports';

/** Everything the information-governance use cases need, built once by the composition root. */
export interface GovernancePorts {
  threads: CaseThreads;
  nhsNumbers: NhsNumbers;
  records: GovernanceRecords;
  cases: CaseRows;
  drafts: Drafts;
  audit: AuditTrail;
  schedule: Schedule;
  directory: Directory;
  calendar: WorkingCalendar;
  now: () => Date;
}
