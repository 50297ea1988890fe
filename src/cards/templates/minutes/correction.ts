import { inputIds } from '../../inputs';
import { DecisionField } from '../../../workflows/minutes/forms';
import { template } from '../../render';
import type { InputsOf } from '../../../domain/limits';

/** The view model this template expands (its `$root`). */
export interface CorrectionView {
  reference: string;
  by: string;
  id: string;
  version: number;
  wrong: string;
  shouldSay: string;
  f: InputsOf<'declineReason'>;
  decided: string;
  error: string;
}

const id = inputIds<DecisionField>();

export default template<CorrectionView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '${reference}: a correction to the minutes is asked for', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: '${by} asks for correction ${id} to version ${version}.', wrap: true },
    { type: 'TextBlock', text: 'What is wrong: ${wrong}', wrap: true },
    { type: 'TextBlock', text: 'What it should say: ${shouldSay}', wrap: true },
    { type: 'TextBlock', $when: "${decided != ''}", text: '${decided}', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', $when: "${error != ''}", text: '${error}', color: 'Attention', wrap: true },
    {
      type: 'Input.Text',
      $when: "${decided == ''}",
      id: id('reason'),
      label: '${f.declineReason.label}',
      maxLength: '${f.declineReason.max}',
      isMultiline: true,
    },
  ],
  actions: [
    {
      $when: "${decided == ''}",
      type: 'Action.Execute',
      title: 'Accept the correction',
      verb: 'minutes.decide',
      data: { ref: '${reference}', id: '${id}', accept: true },
    },
    {
      $when: "${decided == ''}",
      type: 'Action.Execute',
      title: 'Decline the correction',
      verb: 'minutes.decide',
      data: { ref: '${reference}', id: '${id}', accept: false },
    },
  ],
} as const);
