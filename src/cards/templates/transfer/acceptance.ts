import { inputIds } from '../../inputs';
import { AcceptanceField } from '../../../workflows/transfer/forms';
import { template } from '../../render';
import type { InputsOf } from '../../../domain/limits';

/** The view model this template expands (its `$root`). */
export interface AcceptanceView {
  reference: string;
  byCode: boolean;
  title: string;
  responsible: string;
  errors: string;
  code: string;
  f: InputsOf<'acceptedBy'>;
}

const id = inputIds<AcceptanceField>();

export default template<AcceptanceView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '${title}', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: '${responsible}', wrap: true, isSubtle: true },
    { type: 'TextBlock', $when: "${errors != ''}", text: '${errors}', color: 'Attention', wrap: true },
    { type: 'Input.Text', $when: '${byCode}', id: id('code'), label: 'Acceptance code', value: '${code}', maxLength: 20 },
    { type: 'Input.Text', id: id('acceptedBy'), label: '${f.acceptedBy.label}', maxLength: '${f.acceptedBy.max}' },
    { type: 'Input.Date', $when: '${!byCode}', id: id('when'), label: 'Date of the call or email' },
    { type: 'Input.Date', id: id('date'), label: 'Agreed transfer date' },
  ],
  actions: [
    { $when: '${byCode}', type: 'Action.Execute', title: 'Accept with the code', verb: 'tr.accept.code', data: { ref: '${reference}' } },
    { $when: '${!byCode}', type: 'Action.Execute', title: 'Record the acceptance', verb: 'tr.accept.phone', data: { ref: '${reference}' } },
  ],
} as const);
