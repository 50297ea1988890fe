/** What the referral and serious-incident workflows tell others, kind -> its domain data. */
import { Person } from '../../domain/directory';
import { Referral } from '../../domain/referral';
import { SeriousIncident } from '../../domain/seriousIncident';

export type IncidentClock = 'panel' | 'review';

export interface ReferralNotices {
  /** The Front Door: a new referral to decide. */
  'ref.new': { referral: Referral };
  /** The referrer: the Front Door's decision and why. */
  'ref.decided': { referral: Referral };
  /** A chair: the Front Door decided on a strategy discussion; convene it (a form filled in from the referral). */
  'ref.convene-needed': { referral: Referral; chair: Person };
  /** The Front Door managers and the chairs' managers: no strategy discussion was convened by the deadline. */
  'ref.not-convened': { referral: Referral };
  /** A chair's convene card once another chair convened it: it points to the discussion, nothing to click. */
  'ref.convene-taken': { referral: Referral };
  /** The referrer and the Front Door: the strategy discussion was convened. */
  'ref.convened': { referral: Referral };
  /** The Front Door managers: the referral is past its decision deadline with no decision. */
  'ref.undecided': { referral: Referral };
  /** The partnership admins: a serious incident was reported. */
  'si.reported': { incident: SeriousIncident };
  /** The partnership admins: a statutory step is due today. */
  'si.reminder': { incident: SeriousIncident; which: IncidentClock };
  /** The partnership admins: a statutory deadline passed with the step not done. */
  'si.missed': { incident: SeriousIncident; which: IncidentClock };
}
