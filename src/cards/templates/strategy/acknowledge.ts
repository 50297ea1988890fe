import { inputIds } from '../../inputs';
import { AcknowledgementField } from '../../../workflows/strategy/forms';
import { template } from '../../render';
import type { InputsOf } from '../../../domain/limits';

/** The view model this template expands (its `$root`). */
export interface AcknowledgementView {
  reference: string;
  version: number;
  userIds: string[];
  headline: string;
  when: string;
  chair: string;
  amendmentReason: string;
  facts: { title: string; value: string }[];
  rationale: string;
  actions: string[];
  contributions: string;
  family: string;
  error: string;
  f: InputsOf<'acknowledgementNote'>;
  canAnswer: boolean;
  yourAnswer: string;
  canRaiseDifference: boolean;
  differenceLine: string;
}

const id = inputIds<AcknowledgementField>();

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
    { type: 'TextBlock', text: 'Outcome of the strategy discussion on ${when}, version ${version}, recorded by ${chair}.', wrap: true, isSubtle: true },
    { type: 'TextBlock', $when: "${amendmentReason != ''}", text: 'Amended: ${amendmentReason}', wrap: true, color: 'Warning' },
    { type: 'FactSet', facts: [{ $data: '${facts}', title: '${title}', value: '${value}' }] },
    { type: 'TextBlock', text: 'Why: ${rationale}', wrap: true },
    { type: 'TextBlock', $when: '${count(actions) > 0}', text: 'Actions', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', $data: '${actions}', text: '- ${$data}', wrap: true, spacing: 'Small' },
    { type: 'TextBlock', text: 'Agencies: ${contributions}', wrap: true },
    { type: 'TextBlock', text: 'Family: ${family}', wrap: true },
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
