import { inputIds } from '../../inputs';
import { StageField } from '../../../workflows/differences/forms';
import { template } from '../../render';
import type { InputsOf } from '../../../domain/limits';

/** The view model this template expands (its `$root`). */
export interface StageView {
  reference: string;
  userIds: string[];
  stage: number;
  headline: string;
  stageLine: string;
  due: string;
  outcome: string;
  caseReference: string;
  decision: string;
  raisedBy: string;
  responding: string;
  reasons: string;
  outcomeSought: string;
  proposal: string;
  proposalAt: string;
  history: string[];
  error: string;
  f: InputsOf<'stageText'>;
  note: string;
  canAct: boolean;
  /** Can answer the open question: the stage's people, or someone from an earlier stage. */
  canAnswer: boolean;
  canAccept: boolean;
  canPropose: boolean;
  canEscalate: boolean;
  escalateTitle: string;
  canClose: boolean;
}

const id = inputIds<StageField>();

export default template<StageView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  refresh: { action: { type: 'Action.Execute', title: 'Refresh', verb: 'pd.view', data: { ref: '${reference}' } }, userIds: '${userIds}' },
  body: [
    { type: 'TextBlock', text: '${headline}', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: '${stageLine}', wrap: true },
    { type: 'TextBlock', $when: "${due != ''}", text: '${due}', weight: 'Bolder', color: 'Attention', wrap: true },
    { type: 'TextBlock', $when: "${outcome != ''}", text: '${outcome}', weight: 'Bolder', color: 'Good', wrap: true },
    { type: 'TextBlock', text: 'About ${caseReference}: ${decision}', wrap: true },
    { type: 'TextBlock', text: 'Raised by ${raisedBy}', wrap: true, spacing: 'Small' },
    { type: 'TextBlock', text: 'Responding: ${responding}', wrap: true, spacing: 'Small' },
    { type: 'TextBlock', text: 'Why: ${reasons}', wrap: true },
    { type: 'TextBlock', text: 'Outcome sought: ${outcomeSought}', wrap: true },
    { type: 'TextBlock', $when: "${proposal != ''}", text: '${proposal}', wrap: true, weight: 'Bolder', separator: true },
    { type: 'TextBlock', text: 'What has happened', weight: 'Bolder', wrap: true, separator: true },
    { type: 'TextBlock', $data: '${history}', text: '${$data}', wrap: true, size: 'Small', spacing: 'Small' },
    { type: 'TextBlock', $when: "${error != ''}", text: '${error}', color: 'Attention', wrap: true },
    { type: 'TextBlock', $when: "${note != ''}", text: '${note}', wrap: true, isSubtle: true },
    { type: 'Input.Text', $when: '${canAct || canAnswer}', id: id('text'), label: '${f.stageText.label}', maxLength: '${f.stageText.max}', isMultiline: true },
  ],
  actions: [
    {
      $when: '${canAccept}',
      type: 'Action.Execute',
      title: 'Accept this resolution',
      verb: 'pd.accept',
      data: { ref: '${reference}', stage: '${stage}', proposalAt: '${proposalAt}' },
    },
    { $when: '${canPropose}', type: 'Action.Execute', title: 'Propose a resolution', verb: 'pd.propose', data: { ref: '${reference}', stage: '${stage}' } },
    { $when: '${canEscalate}', type: 'Action.Execute', title: '${escalateTitle}', verb: 'pd.escalate', data: { ref: '${reference}', stage: '${stage}' } },
    { $when: '${canAct}', type: 'Action.Execute', title: 'Ask for information', verb: 'pd.ask', data: { ref: '${reference}', stage: '${stage}' } },
    { $when: '${canAnswer}', type: 'Action.Execute', title: 'Give information', verb: 'pd.answer', data: { ref: '${reference}', stage: '${stage}' } },
    { $when: '${canClose}', type: 'Action.Execute', title: 'Record the final outcome', verb: 'pd.final', data: { ref: '${reference}', stage: '${stage}' } },
  ],
} as const);
