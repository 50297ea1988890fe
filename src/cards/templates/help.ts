import { template } from '../render';

/** The view model this template expands (its `$root`). */
export interface HelpView {
  name: string;
  agency: string;
  rolesLine: string;
  abilities: { text: string }[];
  buttons: { title: string; verb: string }[];
  adminLine: string;
}

export default template<HelpView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'What you can do with Concord', weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: '${name}, ${agency}', isSubtle: true, spacing: 'None', wrap: true },
    { type: 'TextBlock', text: '${rolesLine}', wrap: true },
    {
      type: 'Container',
      $data: '${abilities}',
      items: [{ type: 'TextBlock', text: '- ${text}', wrap: true, spacing: 'Small' }],
    },
    { type: 'TextBlock', text: '${adminLine}', isSubtle: true, size: 'Small', wrap: true },
  ],
  actions: [{ $data: '${buttons}', type: 'Action.Execute', title: '${title}', verb: '${verb}', data: {} }],
} as const);
