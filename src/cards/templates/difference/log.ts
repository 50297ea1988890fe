import { template } from '../../render';

/** The view model this template expands (its `$root`). */
export interface DifferenceLogView {
  summary: string;
  pageLine: string;
  rows: string[];
  hasNewer: boolean;
  newer: number;
  hasOlder: boolean;
  older: number;
}

/** One page of the partnership's log of professional differences, with buttons to the pages either side. */
export default template<DifferenceLogView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '${summary}', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: '${pageLine}', isSubtle: true, wrap: true, spacing: 'Small' },
    { type: 'TextBlock', $data: '${rows}', text: '- ${$data}', wrap: true, spacing: 'Small' },
    { type: 'TextBlock', text: 'Type "differences csv" for the whole log as a file.', isSubtle: true, wrap: true },
  ],
  actions: [
    { $when: '${hasNewer}', type: 'Action.Execute', title: 'Newer', verb: 'pd.log', data: { page: '${newer}' } },
    { $when: '${hasOlder}', type: 'Action.Execute', title: 'Older', verb: 'pd.log', data: { page: '${older}' } },
  ],
} as const);
