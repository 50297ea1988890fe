/** What the strategy discussion use cases tell people, in the domain's words (presented by teams/strategyPresenter). */
import { Acknowledgement, StrategyDiscussion } from '../../domain/strategyDiscussion';

/** The key of the chair's one live card for a discussion. */
export const chairCardKey = (reference: string) => `${reference}|chair-card`;

/** The keys of the acknowledgement requests (and reminders) one attendee was sent for one version. */
export const ackRequestKeys = (reference: string, version: number, person: string) => [
  `${reference}|ack|v${version}|${person}`,
  `sd|${reference}|v${version}|remind-hours|${person}|message`,
  `sd|${reference}|v${version}|remind-next-day|${person}|message`,
];

export interface StrategyNoticeKinds {
  /** An invitee is invited. */
  'sd.invitation': { discussion: StrategyDiscussion; invitee: string };
  /** An attendee is asked to acknowledge the current version: first, again after an amendment, or reminded. */
  'sd.ack-request': { discussion: StrategyDiscussion; person: string; asked: 'first' | 'amended' | 'reminder' };
  /**
   * The chair's one card for the discussion, replaced in place as it changes: the discussion as
   * convened with each invitee's reply, then the tally of the current version. It lives in the
   * message the chair convened from (teams/ keeps where), under `chairCardKey`.
   */
  'sd.chair-card': { discussion: StrategyDiscussion; acks: Acknowledgement[] };
  /** An attendee's request for an earlier version, replaced by a pointer to the current one. */
  'sd.ack-superseded': { discussion: StrategyDiscussion; person: string; version: number };
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
