/**
 * What the outbox needs of whatever carries a message to a person or a channel (Teams' Bot
 * Connector today, implemented in teams/notifier.ts): the outbox knows nothing of Teams.
 */

import type { OutboundMessage } from '../workflows/ports';

export type { OutboundMessage };

/** Where a delivered message went, in the carrier's own terms: kept so it can be replaced later. */
export type Address = Record<string, unknown>;

export type SendResult = { status: 'delivered'; activityId: string; reference: Address } | { status: 'unreachable'; reason: string };

export interface Messenger {
  toPerson(aadObjectId: string, message: OutboundMessage): Promise<SendResult>;
  toChannel(conversationId: string, message: OutboundMessage): Promise<SendResult>;
  /** Replace a message sent earlier, e.g. the chair's live tally. */
  update(reference: Address, activityId: string, message: OutboundMessage): Promise<void>;
}

/** A failure worth trying again later: throttled (429) or the service is unwell (5xx). */
export class TransientDeliveryError extends Error {
  constructor(
    readonly statusCode: number | undefined,
    readonly retryAfterMs: number | undefined,
    message: string,
  ) {
    super(message);
  }

  /** For an administrator, should the delivery be given up on (see the scheduler's `categoryOf`). */
  get category(): string {
    return this.statusCode === undefined ? 'Teams could not be reached' : `Teams did not accept the message (HTTP ${this.statusCode})`;
  }
}
