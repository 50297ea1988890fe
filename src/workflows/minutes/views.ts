/** What the person who acted on the minutes sees next, in the domain's words; the edge draws it. */
import { Confirmation, Correction, Minutes } from '../../domain/minutes';
import { Status, StrategyDiscussion } from '../../domain/strategyDiscussion';
import { Said } from '../ports';
import { DraftForm } from './forms';

export type MinutesView =
  /** The writer's draft form: what they typed back (`values`) when it was refused (`errors`). */
  | { kind: 'minutes.draft'; discussion: StrategyDiscussion; minutes: Minutes; standing: Status; values?: DraftForm; errors?: string[]; saved?: string }
  /** One recipient's view of one version of the minutes. */
  | { kind: 'minutes.review'; discussion: StrategyDiscussion; minutes: Minutes; version: number; person: string; confirmation?: Confirmation; error?: string }
  /** The chair's card of one correction. */
  | { kind: 'minutes.correction'; discussion: StrategyDiscussion; correction: Correction; error?: string }
  | Said;

export const said = (text: string): Said => ({ kind: 'said', text });
