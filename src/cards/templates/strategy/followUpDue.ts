import { template } from '../../render';

/** The view model this template expands (its `$root`). */
export interface FollowUpDueView {
  headline: string;
  reference: string;
  date: string;
  chair: string;
  purpose: string;
}

/** The follow-up's owner: it is due, with the offer to convene it filled in from the first discussion. */
export default template<FollowUpDueView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '${headline}', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: 'Agreed for ${date} at the strategy discussion chaired by ${chair}: ${purpose}', wrap: true },
    {
      type: 'TextBlock',
      text: 'Convene it from here: the form is filled in from ${reference} and the new discussion is linked to it. If its date passes with nothing convened, the chair’s manager is told.',
      wrap: true,
      isSubtle: true,
    },
  ],
  actions: [{ type: 'Action.Execute', title: 'Convene the follow-up discussion', verb: 'sd.followup.open', data: { ref: '${reference}' } }],
} as const);
