import { template } from '../../render';

/** The view model this template expands (its `$root`). */
export interface ActionDueView {
  headline: string;
  reference: string;
  actionId: string;
  description: string;
  due: string;
  chair: string;
  doneLine: string;
}

export default template<ActionDueView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '${headline}', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: '${description}', wrap: true },
    { type: 'TextBlock', text: 'Due ${due}. Agreed at the strategy discussion chaired by ${chair}.', wrap: true, isSubtle: true },
    { type: 'TextBlock', $when: "${doneLine != ''}", text: '${doneLine}', weight: 'Bolder', wrap: true },
  ],
  actions: [
    { $when: "${doneLine == ''}", type: 'Action.Execute', title: 'Mark done', verb: 'sd.action.done', data: { ref: '${reference}', actionId: '${actionId}' } },
  ],
} as const);
