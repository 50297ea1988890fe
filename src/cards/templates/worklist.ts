import { template } from '../render';

/** The view model this template expands (its `$root`). */
export interface WorklistCardView {
  intro: string;
  items: { reference: string; what: string; due: string }[];
}

/** "mine": one small block a piece of work, each with its deadline and a button to its record; fits a phone. */
export default template<WorklistCardView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'What is waiting for you', weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: '${intro}', wrap: true, isSubtle: true, spacing: 'None' },
    {
      type: 'Container',
      $data: '${items}',
      separator: true,
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: '${reference}: ${what}', wrap: true, weight: 'Bolder' },
        { type: 'TextBlock', $when: "${due != ''}", text: '${due}', wrap: true, isSubtle: true, spacing: 'None' },
        { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Open ${reference}', verb: 'record', data: { ref: '${reference}' } }] },
      ],
    },
  ],
  actions: [{ type: 'Action.Execute', title: 'Check again', verb: 'mine', data: {} }],
} as const);
