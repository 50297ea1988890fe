/** A step someone may not take, or input that cannot be accepted: both end as a clear message. */

/** Why someone may not do something: the audit event is `refused.<reason>`. */
export type Refusal =
  | 'not-chair' | 'not-attendee' | 'not-invitee' | 'not-involved' | 'old-version' | 'no-outcome'
  | 'attendance-first' | 'not-action-owner' | 'not-minute-writer' | 'not-recipient' | 'not-participant'
  | 'same-side' | 'not-front-door' | 'not-admin';

export class Refused extends Error {
  constructor(readonly reason: Refusal, message: string) {
    super(message);
  }
}

/** Problems with what someone typed: shown on their card so they can put it right. */
export class Invalid extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
  }
}
