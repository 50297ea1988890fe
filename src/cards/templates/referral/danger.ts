import { template } from '../../render';

/** The view model this template expands. */
export type DangerView = Record<string, never>;

export default template<DangerView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Make a safeguarding referral', weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: 'Is a child in immediate danger now?', weight: 'Bolder', wrap: true },
  ],
  actions: [
    { type: 'Action.Execute', title: 'Yes, a child is in danger now', verb: 'ref.danger', data: { danger: 'yes' }, style: 'destructive' },
    { type: 'Action.Execute', title: 'No', verb: 'ref.danger', data: { danger: 'no' } },
    { type: 'Action.Execute', title: 'Report a serious incident instead', verb: 'si.start', data: {} },
  ],
} as const);
