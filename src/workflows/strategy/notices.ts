/** What the strategy discussion use cases tell people, in the domain's words (presented by teams/strategyPresenter). */
import { Acknowledgement, StrategyDiscussion } from '../../domain/strategyDiscussion';

export interface StrategyNoticeKinds {
  /** An invitee is invited. */
  'sd.invitation': { discussion: StrategyDiscussion; invitee: string };
  /** An attendee is asked to acknowledge the current version: first, again after an amendment, or reminded. */
  'sd.ack-request': { discussion: StrategyDiscussion; person: string; asked: 'first' | 'amended' | 'reminder' };
  /** The chair's live tally of the current version (replaced as answers arrive). */
  'sd.tally': { discussion: StrategyDiscussion; acks: Acknowledgement[] };
  /** The chair learns an attendee understood the outcome differently: the record is disputed. */
  'sd.different': { person: string; note: string };
  /** A manager (or the chair, when there is none) learns an attendee has not answered. */
  'sd.silence': { discussion: StrategyDiscussion; person: string };
  /** An action's owner: it is due today. */
  'sd.action-due': { discussion: StrategyDiscussion; actionId: string };
  /** The chair and the owner's manager: an action was due today and is not done. */
  'sd.action-overdue': { actionId: string; owner: string };
  /** The chair: the follow-up discussion agreed for today is due. */
  'sd.follow-up-due': Record<never, never>;
}
