import { template } from '../../render';

/** The view model this template expands (its `$root`). */
export interface ResolutionBackView {
  headline: string;
  reference: string;
  /** "PD-0001, resolved on Tuesday 29 December 2026 (raised from version 1 of the outcome):" */
  about: string;
  resolution: string;
  decision: string;
}

export default template<ResolutionBackView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '${headline}', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: '${about}', wrap: true, isSubtle: true },
    { type: 'TextBlock', text: '${resolution}', wrap: true },
    { type: 'TextBlock', text: 'The outcome on record: ${decision}', wrap: true },
    {
      type: 'TextBlock',
      text: 'If the resolution changes the decision, amend the outcome: it becomes a new version and everyone is asked to acknowledge it again. The resolution is on the record either way.',
      wrap: true,
      isSubtle: true,
    },
  ],
  actions: [{ type: 'Action.Execute', title: 'Amend the outcome', verb: 'sd.outcome.open', data: { ref: '${reference}' } }],
} as const);
