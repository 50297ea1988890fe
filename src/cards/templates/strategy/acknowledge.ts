import { inputIds } from '../../inputs';
import { AcknowledgementField } from '../../../workflows/strategy/forms';
import { template } from '../../render';
import type { InputsOf } from '../../../domain/limits';

/**
 * The view model this template expands (its `$root`): the person's own part of the card. The
 * outcome, the same for everyone asked, is expanded on its own (acknowledgeOutcome.ts) and put in
 * the `outcome` container.
 */
export interface AcknowledgementView {
  reference: string;
  version: number;
  userIds: string[];
  headline: string;
  error: string;
  f: InputsOf<'acknowledgementNote'>;
  canAnswer: boolean;
  yourAnswer: string;
  canRaiseDifference: boolean;
  differenceLine: string;
}

const id = inputIds<AcknowledgementField>();

/** Where the outcome's own elements go. */
export const OUTCOME_CONTAINER = 'outcome';

export default template<AcknowledgementView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  refresh: {
    action: { type: 'Action.Execute', title: 'Refresh', verb: 'sd.ack.view', data: { ref: '${reference}', version: '${version}' } },
    userIds: '${userIds}',
  },
  body: [
    { type: 'TextBlock', text: '${headline}', weight: 'Bolder', wrap: true },
    { type: 'Container', id: OUTCOME_CONTAINER, items: [] },
    { type: 'TextBlock', $when: "${error != ''}", text: '${error}', color: 'Attention', wrap: true },
    {
      type: 'Input.Text',
      $when: '${canAnswer}',
      id: id('note'),
      label: '${f.acknowledgementNote.label}',
      maxLength: '${f.acknowledgementNote.max}',
      isMultiline: true,
    },
    { type: 'TextBlock', $when: "${yourAnswer != ''}", text: '${yourAnswer}', weight: 'Bolder', wrap: true, separator: true },
    { type: 'TextBlock', $when: "${differenceLine != ''}", text: '${differenceLine}', wrap: true },
  ],
  actions: [
    { $when: '${canAnswer}', type: 'Action.Execute', title: 'I agree', verb: 'sd.ack', data: { ref: '${reference}', version: '${version}', answer: 'agree' } },
    {
      $when: '${canAnswer}',
      type: 'Action.Execute',
      title: 'I agree, with a note',
      verb: 'sd.ack',
      data: { ref: '${reference}', version: '${version}', answer: 'agree-with-note' },
    },
    {
      $when: '${canAnswer}',
      type: 'Action.Execute',
      title: 'My understanding is different',
      verb: 'sd.ack',
      data: { ref: '${reference}', version: '${version}', answer: 'different' },
    },
    {
      $when: '${canRaiseDifference}',
      type: 'Action.Execute',
      title: 'Raise a professional difference',
      verb: 'sd.difference',
      data: { ref: '${reference}', version: '${version}' },
    },
  ],
} as const);
