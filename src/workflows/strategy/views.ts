/** What the person who acted on a strategy discussion sees next, in domain words (rendered by teams/strategyPresenter). */
import type { MinutesLine } from '../minutes/record';
import { Person } from '../../domain/directory';
import { Acknowledgement, OutcomeVersion, StrategyDiscussion } from '../../domain/strategyDiscussion';
import { Said } from '../ports';
import { StepState } from './formSteps';

export type StrategyView =
  /** A step of the convene form (the review after the last): `draft.step`, its answers so far, and what to put right. */
  | ({ kind: 'convene-form'; chair: Person } & StepState)
  | { kind: 'convened'; discussion: StrategyDiscussion }
  | { kind: 'invitation'; discussion: StrategyDiscussion; invitee: string }
  | { kind: 'attendance-form'; discussion: StrategyDiscussion; errors?: string[] }
  | ({ kind: 'outcome-form'; discussion: StrategyDiscussion } & StepState)
  /** The chair's tally of the current version. */
  | { kind: 'tally'; discussion: StrategyDiscussion; acks: Acknowledgement[] }
  /** The person's own view of one version: the question, or their answer. */
  | { kind: 'acknowledgement'; discussion: StrategyDiscussion; version: OutcomeVersion; ack?: Acknowledgement; error?: string }
  | { kind: 'action-done'; discussion: StrategyDiscussion; actionId: string }
  | { kind: 'record'; discussion: StrategyDiscussion; acks: Acknowledgement[]; minutes: MinutesLine[] }
  /** The chair's card for handing over, reassigning and inviting. */
  | { kind: 'handover-form'; discussion: StrategyDiscussion; errors?: string[] }
  | Said;
