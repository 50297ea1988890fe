import { template } from '../../render';
import { chairRefresh, discussionEnded } from '../../chairCard';

/** The view model this template expands (its `$root`). */
export interface TallyView {
  reference: string;
  ended: boolean;
  userIds: string[];
  status: string;
  statusColour: string;
  version: number;
  decision: string;
  agreed: string;
  agreedWithNote: string;
  different: string;
  notAnsweredCount: string;
  answers: string[];
  waitingFor: string;
}

export default template<TallyView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  refresh: chairRefresh,
  body: [
    {
      type: 'TextBlock',
      text: '${reference}: acknowledgements of the outcome',
      weight: 'Bolder',
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: 'Status: ${status}',
      weight: 'Bolder',
      size: 'Medium',
      color: '${statusColour}',
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: 'Version ${version}: ${decision}',
      wrap: true,
    },
    {
      type: 'FactSet',
      facts: [
        {
          title: 'Agree',
          value: '${agreed}',
        },
        {
          title: 'Agree, with a note',
          value: '${agreedWithNote}',
        },
        {
          title: 'Different understanding',
          value: '${different}',
        },
        {
          title: 'Not yet answered',
          value: '${notAnsweredCount}',
        },
      ],
    },
    {
      type: 'TextBlock',
      $data: '${answers}',
      text: '- ${$data}',
      wrap: true,
      spacing: 'Small',
    },
    {
      type: 'TextBlock',
      $when: "${waitingFor != ''}",
      text: 'Waiting for: ${waitingFor}',
      wrap: true,
    },
  ],
  actions: [
    {
      type: 'Action.Execute',
      title: 'Amend the outcome',
      verb: 'sd.outcome.open',
      data: {
        ref: '${reference}',
      },
    },
    {
      type: 'Action.Execute',
      title: 'Refresh',
      verb: 'sd.tally.view',
      data: {
        ref: '${reference}',
      },
    },
    discussionEnded,
  ],
} as const);
