/** A step someone may not take, or input that cannot be accepted: both end as a clear message. */

/** Why someone may not do something: the audit event is `refused.<reason>`. */
export type Refusal =
  | 'not-chair'
  | 'not-attendee'
  | 'not-invitee'
  | 'not-involved'
  | 'old-version'
  | 'no-outcome'
  | 'attendance-first'
  | 'not-action-owner'
  | 'not-minute-writer'
  | 'not-recipient'
  | 'not-participant'
  | 'same-side'
  | 'not-front-door'
  | 'not-admin'
  | 'not-manager'
  | 'not-authority'
  | 'wrong-code'
  | 'invalid-input';

export class Refused extends Error {
  /** `detail` is for the audit row: bounded, and never what a person typed. */
  constructor(
    readonly reason: Refusal,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

/**
 * A value no card of Concord's offers (a forged answer, a version that is not a whole number):
 * refused without repeating it, since it could be anything, a child's name included.
 */
export function unexpectedInput(problem: string): Refused {
  return new Refused(
    'invalid-input',
    'This card sent something Concord does not offer, so nothing was recorded. Open the latest card in this chat and try again.',
    problem,
  );
}

/** A problem with one input of a form, named as the form names it: shown beside that input. */
export interface FieldProblem {
  field: string;
  text: string;
}

/** Problems with what someone typed: shown on their card so they can put it right. */
export class Invalid extends Error {
  readonly problems: string[];
  /** The problems that are about one input, to be shown beside it (the rest are about the whole form). */
  readonly fields: FieldProblem[];

  constructor(problems: (string | FieldProblem)[]) {
    const texts = problems.map((p) => (typeof p === 'string' ? p : p.text));
    super(texts.join(' '));
    this.problems = texts;
    this.fields = problems.filter((p): p is FieldProblem => typeof p !== 'string');
  }
}
