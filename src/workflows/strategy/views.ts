/** What the person who acted on a strategy discussion sees next, in domain words (rendered by teams/strategyPresenter). */
import { Person } from '../../domain/directory';
import { Acknowledgement, OutcomeVersion, StrategyDiscussion } from '../../domain/strategyDiscussion';
import { Said } from '../ports';
import { ConveneForm, OutcomeForm } from './forms';

export type StrategyView =
  | { kind: 'convene-form'; chair: Person; values?: ConveneForm; errors?: string[] }
  | { kind: 'convened'; discussion: StrategyDiscussion }
  | { kind: 'invitation'; discussion: StrategyDiscussion; invitee: string }
  | { kind: 'attendance-form'; discussion: StrategyDiscussion; errors?: string[] }
  | { kind: 'outcome-form'; discussion: StrategyDiscussion; values?: OutcomeForm; errors?: string[] }
  /** The chair's tally of the current version. */
  | { kind: 'tally'; discussion: StrategyDiscussion; acks: Acknowledgement[] }
  /** The person's own view of one version: the question, or their answer. */
  | { kind: 'acknowledgement'; discussion: StrategyDiscussion; version: OutcomeVersion; ack?: Acknowledgement; error?: string }
  | { kind: 'action-done'; discussion: StrategyDiscussion; actionId: string }
  | { kind: 'record'; discussion: StrategyDiscussion; acks: Acknowledgement[]; minutes: string[] }
  /** The chair's card for handing over, reassigning and inviting. */
  | { kind: 'handover-form'; discussion: StrategyDiscussion; errors?: string[] }
  | Said;
