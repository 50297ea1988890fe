import { template } from '../../render';

/**
 * A submitted referral's card: the form becomes its receipt, with the reference, what happens
 * next and by when. Nothing to click: it has been sent.
 */
export interface ReceiptView {
  /** `REF-0001: referral submitted`: the case reference only. */
  headline: string;
  lines: string[];
}

export default template<ReceiptView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '${headline}', weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', $data: '${lines}', text: '${$data}', wrap: true },
  ],
} as const);
