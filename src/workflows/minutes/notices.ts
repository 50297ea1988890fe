/** What the minutes tell people, kind -> its domain data; teams/minutesPresenter.ts words each one. */
import { Correction, Minutes } from '../../domain/minutes';
import { Decision, Status, StrategyDiscussion } from '../../domain/strategyDiscussion';

export interface MinutesNoticeKinds {
  /** To the minute-taker: write the minutes (or, `reminder`, they are still due). */
  'minutes.write': { discussion: StrategyDiscussion; minutes: Minutes; standing: Status; reminder: boolean };
  /** To the chair and the minute-taker's manager: the deadline passed with nothing circulated. */
  'minutes.overdue': { minutes: Minutes; minuteTaker: string };
  /** To the chair: the draft records a decision other than the acknowledged one. */
  'minutes.contradiction': { decision: Decision };
  /** To a recipient: review (confirm, or ask for a correction) this version; `reminder` when chased. */
  'minutes.review': { discussion: StrategyDiscussion; minutes: Minutes; version: number; reminder: boolean };
  /** A card of an earlier version (`version`; 0: the minute-taker's draft), replaced by a pointer to the latest one. */
  'minutes.superseded': { minutes: Minutes; version: number };
  /** To the chair: a correction is asked for. */
  'minutes.correction-asked': { discussion: StrategyDiscussion; correction: Correction };
  /** To the person who asked: the chair declined their correction; it stays as their dissent. */
  'minutes.correction-declined': { correction: Correction };
  /** To every other recipient: a dissent was added to the record. */
  'minutes.dissent-added': { correction: Correction };
  /** To the recipient's manager (or the chair): a recipient has not confirmed the minutes. */
  'minutes.unconfirmed': { recipient: string; circulatedAt: string };
}

export type MinutesNoticeKind = keyof MinutesNoticeKinds;

/** The keys of the cards one recipient was sent for one version: the request to review it, and its reminder. */
export const reviewCardKeys = (reference: string, version: number, person: string) => [
  `${reference}|minutes|v${version}|${person}`,
  `minutes|${reference}|v${version}|confirm-remind|${person}|message`,
];

/** The keys of the cards asking the minute-taker to write the minutes: the first, and a reminder per hour of `reminderHours` (clock.ts, chasers.ts). */
export const draftCardKeys = (reference: string, reminderHours: number[]) => [
  `${reference}|minutes|draft`,
  ...reminderHours.map((h) => `minutes|${reference}|remind|${h}h|message`),
];
