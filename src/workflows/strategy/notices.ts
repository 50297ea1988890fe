/** What the strategy discussion use cases tell people, in the domain's words (presented by teams/strategyPresenter). */
import { Acknowledgement, DifferenceResolution, Handover, StrategyDiscussion } from '../../domain/strategyDiscussion';

/** The key of a chair's one live card for a discussion: theirs only, so a chair handed over is no longer updated. */
export const chairCardKey = (reference: string, chair: string) => `${reference}|chair-card|${chair}`;

/** A job set when an outcome version is recorded (requests.ts); a chase it sends goes under `<job>|message`. */
export const versionJob = (reference: string, version: number, what: string) => `sd|${reference}|v${version}|${what}`;

/** The keys of the acknowledgement requests (and reminders) one attendee was sent for one version. */
export const ackRequestKeys = (reference: string, version: number, person: string) => [
  `${reference}|ack|v${version}|${person}`,
  `${versionJob(reference, version, `remind-hours|${person}`)}|message`,
  `${versionJob(reference, version, `remind-next-day|${person}`)}|message`,
];

/** The key of the card telling someone what a hand-over gave them. */
export const handedKey = (reference: string, h: Handover) => `${reference}|handed|${h.kind}|${h.actionId ?? ''}|${h.at}`;

/**
 * Every card that offered to mark an action of the current version done: the reminder on its due
 * day (to its owner then, or their cover) and each "now yours" of a hand-over.
 */
export function actionCardKeys(d: StrategyDiscussion, actionId: string): string[] {
  const version = d.versions[d.versions.length - 1]?.version;
  if (version === undefined) return [];
  return [
    `${versionJob(d.reference, version, `action-due|${actionId}`)}|message`,
    ...(d.handovers ?? []).filter((h) => h.kind === 'action' && h.actionId === actionId && h.version === version).map((h) => handedKey(d.reference, h)),
  ];
}

/** The reminders that offered to convene an agreed follow-up: a working day before and on the day, of each version. */
export const followUpCardKeys = (d: StrategyDiscussion) =>
  d.versions.flatMap(({ version }) => ['follow-up-before', 'follow-up'].map((what) => `${versionJob(d.reference, version, what)}|message`));

export interface StrategyNoticeKinds {
  /** An invitee is invited. */
  'sd.invitation': { discussion: StrategyDiscussion; invitee: string };
  /** An attendee is asked to acknowledge the current version: first, again after an amendment, or reminded. */
  'sd.ack-request': { discussion: StrategyDiscussion; person: string; asked: 'first' | 'amended' | 'reminder' };
  /**
   * The chair's one card for the discussion, replaced in place as it changes: the discussion as
   * convened with each invitee's reply, then the tally of the current version. It lives in the
   * message the chair convened from (teams/ keeps where), under `chairCardKey`; a chair handed the
   * discussion is sent it (`handedBy`, who handed it to them) and it is their live card from then on.
   */
  'sd.chair-card': { discussion: StrategyDiscussion; acks: Acknowledgement[]; handedBy?: string };
  /** The card of a chair who handed the discussion over, replaced by a pointer to who chairs it now. */
  'sd.chair-handed': { discussion: StrategyDiscussion };
  /** An attendee's request for an earlier version, replaced by a pointer to the current one. */
  'sd.ack-superseded': { discussion: StrategyDiscussion; person: string; version: number };
  /** The chair learns an attendee understood the outcome differently: the record is disputed. */
  'sd.different': { person: string; note: string };
  /** A manager (or the chair, when there is none) learns an attendee has not answered. */
  'sd.silence': { discussion: StrategyDiscussion; person: string };
  /** An action's owner: it is due today. */
  'sd.action-due': { discussion: StrategyDiscussion; actionId: string };
  /** An action's earlier cards once it is done: done, by whom and when, nothing left to click. */
  'sd.action-done': { discussion: StrategyDiscussion; actionId: string };
  /** An action's cards held by someone who no longer owns it: whose it is now, nothing to click. */
  'sd.action-handed-on': { discussion: StrategyDiscussion; actionId: string };
  /** The chair and the owner's manager: an action was due today and is not done. */
  'sd.action-overdue': { actionId: string; owner: string };
  /** The follow-up's owner: it is due (a working day before, and on the day), with an offer to convene it. */
  'sd.follow-up-due': { discussion: StrategyDiscussion; date: string; today: boolean };
  /** The reminders of a follow-up once it is convened: which discussion it is, nothing left to convene. */
  'sd.follow-up-convened': { discussion: StrategyDiscussion; followUp: StrategyDiscussion };
  /** Above the chair (`addressedTo`: whom it is for, its reader unless they are away): the follow-up's date passed and none was convened (step 1 the chair's manager, step 2 theirs). */
  'sd.follow-up-missed': { discussion: StrategyDiscussion; date: string; step: 1 | 2; addressedTo: string };
  /** The chair, then above them: the discussion's time passed and no outcome is recorded. */
  'sd.not-held': { discussion: StrategyDiscussion; step: 1 | 2; addressedTo: string };
  /** Someone was handed the chair, the minutes or an action (`handover.kind`). */
  'sd.handed': { discussion: StrategyDiscussion; handover: Handover };
  /** The chair: a professional difference raised from the discussion ended; amend the outcome if it changes the decision. */
  'sd.difference-resolved': { discussion: StrategyDiscussion; resolution: DifferenceResolution };
}
