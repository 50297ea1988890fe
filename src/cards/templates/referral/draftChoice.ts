import { template } from '../../render';

/** The view model this template expands (its `$root`). */
export interface DraftChoiceView {
  /** "Friday 20 November 2026 at 15:04" */
  savedOn: string;
}

/** After "not in danger now": the saved draft, continued or discarded. Button titles fit a 360 px phone. */
export default template<DraftChoiceView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Make a safeguarding referral', weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: 'You have a referral you did not submit, last saved on ${savedOn}.', wrap: true },
    // The date is said here, not on the button: a button title longer than about 20 characters is cut on a phone.
    { type: 'TextBlock', text: 'Continue it, or start again: starting again deletes the draft.', wrap: true, isSubtle: true },
  ],
  actions: [
    { type: 'Action.Execute', title: 'Continue the draft', verb: 'ref.resume', data: {}, style: 'positive' },
    { type: 'Action.Execute', title: 'Start again', verb: 'ref.start-again', data: {} },
  ],
} as const);
