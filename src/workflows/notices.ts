/**
 * What a use case tells people, in the domain's words: who, about which case, and what (the kind
 * and its data), never a rendered card. The edge (teams/tell.ts) turns each kind into a message.
 * Each workflow adds its kinds to `NoticeKinds`, kind -> the data that kind carries.
 */
import type { Recipient } from './ports';
import type { MinutesNoticeKinds } from './minutes/notices';
import type { ReferralNotices } from './referrals/notices';
import type { DifferenceNoticeKinds } from './differences/notices';
import type { StrategyNoticeKinds } from './strategy/notices';
import type { TransferNoticeKinds } from './transfer/notices';

// Each workflow adds its members here, e.g. 'sd.ack-request': { discussion: StrategyDiscussion; version: number }.
export interface NoticeKinds extends MinutesNoticeKinds, ReferralNotices, DifferenceNoticeKinds, StrategyNoticeKinds, TransferNoticeKinds {
  /** Free words to someone about a case (kept while workflows move to kinds of their own). */
  said: { summary: string; detail?: string };
}

export type NoticeKind = keyof NoticeKinds;

interface NoticeBase {
  /** Deterministic: telling the same key twice tells once. */
  key: string;
  /** The case (SD-0142) or 'Concord' for notices that are about no case. */
  about: string;
  to: Recipient;
  /** Who needed to reach the recipient: told by name if the recipient cannot be reached. */
  reportTo?: string[];
  /** Why it reaches someone other than the person it is for (they are away: workflows/cover.ts), said in the message. */
  cover?: string;
}

export type Notice<K extends NoticeKind = NoticeKind> = { [P in K]: NoticeBase & { kind: P } & NoticeKinds[P] }[K];

/** Telling people, after the change that calls for it is saved. Durable and idempotent by key. */
export interface Tell {
  tell(notices: Notice[]): Promise<void>;
  /** Replace the message sent earlier under this notice's key (the chair's live tally). False when it never went. */
  replace(notice: Notice): Promise<boolean>;
  /**
   * Replace the messages sent earlier under these notices' keys, from the queue: for many cards at
   * once (every invitation, every request of an amended version), so the click does not wait for
   * Teams to take each update. A key never sent is left alone.
   */
  replaceLater(notices: Notice[]): Promise<void>;
  /**
   * Replace every card sent earlier to the notice's recipient about its case (all but the one
   * under the notice's own key) with this notice: one live card per case per person.
   */
  replaceEarlier(notice: Notice): Promise<void>;
  /**
   * Replace the newest card sent to the notice's recipient about its case (their live one, the
   * others pointing to it) with this notice: a change they need not be told of anew. False when
   * they were sent none.
   */
  replaceNewest(notice: Notice): Promise<boolean>;
}
