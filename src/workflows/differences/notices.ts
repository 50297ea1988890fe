/**
 * What the people of a professional difference are told, in the domain's words. Each notice
 * carries the difference as it now stands: the edge shows each person their own view of it.
 */
import type { ProfessionalDifference } from '../../domain/professionalDifference';

export interface DifferenceNoticeKinds {
  /** A stage began: `why` in the protocol's words ("raised", "escalated automatically: …"). */
  'pd.stage-started': { difference: ProfessionalDifference; why: string };
  /** A resolution is proposed: the other side is asked to accept it. */
  'pd.proposed': { difference: ProfessionalDifference };
  /** Someone at the stage asked for, or gave, information. */
  'pd.information': { difference: ProfessionalDifference; by: string; what: 'asked' | 'answered' };
  /** Both sides accepted the same resolution. */
  'pd.resolved': { difference: ProfessionalDifference };
  /** The partnership recorded the final outcome. */
  'pd.closed': { difference: ProfessionalDifference };
  /** The current stage is due soon: resolve or escalate. */
  'pd.reminder': { difference: ProfessionalDifference };
  /** The last stage is past its deadline: the partnership must record the final outcome. */
  'pd.overdue': { difference: ProfessionalDifference };
  /** A card sent earlier, now pointing to the current one (the difference moved on). */
  'pd.superseded': { difference: ProfessionalDifference };
  /** A manager stayed silent; their own manager is asked instead. */
  'pd.cover': { difference: ProfessionalDifference; silent: string };
}
