import { inputIds } from '../../inputs';
import { StartField } from '../../../workflows/transfer/forms';
import { template } from '../../render';
import type { InputsOf } from '../../../domain/limits';

/** The view model this template expands (its `$root`). */
export interface StartView {
  formId: string;
  from: string;
  errors: string;
  f: InputsOf<'caseReferences' | 'transferReason'>;
  values: Record<StartField, string>;
  authorities: { title: string; value: string }[];
  plans: { title: string; value: string }[];
}

const id = inputIds<StartField>();

export default template<StartView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Transfer a case to another local authority', weight: 'Bolder', size: 'Medium', wrap: true },
    {
      type: 'TextBlock',
      text: 'Your authority stays responsible until the receiving authority accepts and the agreed date arrives.',
      wrap: true,
      isSubtle: true,
    },
    { type: 'TextBlock', $when: "${from != ''}", text: 'From ${from}', wrap: true, isSubtle: true },
    { type: 'TextBlock', $when: "${errors != ''}", text: '${errors}', color: 'Attention', wrap: true },
    {
      type: 'Input.ChoiceSet',
      id: id('receiving'),
      label: 'Receiving authority',
      style: 'compact',
      value: '${values.receiving}',
      choices: [{ $data: '${authorities}', title: '${title}', value: '${value}' }],
    },
    {
      type: 'Input.ChoiceSet',
      id: id('plan'),
      label: 'The child’s plan',
      style: 'compact',
      value: '${values.plan}',
      choices: [{ $data: '${plans}', title: '${title}', value: '${value}' }],
    },
    {
      type: 'Input.Text',
      id: id('caseReferences'),
      label: '${f.caseReferences.label}',
      maxLength: '${f.caseReferences.max}',
      value: '${values.caseReferences}',
    },
    {
      type: 'Input.Text',
      id: id('reason'),
      label: '${f.transferReason.label}',
      maxLength: '${f.transferReason.max}',
      isMultiline: true,
      value: '${values.reason}',
    },
    { type: 'Input.Date', id: id('proposedDate'), label: 'Proposed transfer date', value: '${values.proposedDate}' },
  ],
  actions: [{ type: 'Action.Execute', title: 'Start the transfer', verb: 'tr.start', data: { formId: '${formId}', from: '${from}' } }],
} as const);
