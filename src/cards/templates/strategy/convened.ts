import { template } from '../../render';
import { chairRefresh, discussionEnded } from '../../chairCard';

/** The view model this template expands (its `$root`). */
export interface ConvenedView {
  reference: string;
  /** The chair's Teams id: Teams refreshes the card by itself for them (the same view as the tally's refresh gives before an outcome). */
  userIds: string[];
  ended: boolean;
  when: string;
  warnings: string[];
  invitees: { name: string; role: string; reply: string }[];
  omissions: { role: string; reason: string }[];
}

export default template<ConvenedView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  refresh: chairRefresh,
  body: [
    {
      type: 'TextBlock',
      text: '${reference}: strategy discussion convened',
      weight: 'Bolder',
      size: 'Medium',
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: '${when}',
      wrap: true,
    },
    {
      type: 'TextBlock',
      $data: '${warnings}',
      text: '${$data}',
      color: 'Warning',
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: 'Invited',
      weight: 'Bolder',
      wrap: true,
      separator: true,
    },
    {
      type: 'TextBlock',
      $data: '${invitees}',
      text: '- ${name}, ${role}: ${reply}',
      wrap: true,
      spacing: 'Small',
    },
    {
      type: 'TextBlock',
      $when: '${count(omissions) > 0}',
      text: 'Not invited, with the reason',
      weight: 'Bolder',
      wrap: true,
    },
    {
      type: 'TextBlock',
      $data: '${omissions}',
      text: '- ${role}: ${reason}',
      wrap: true,
      spacing: 'Small',
    },
    {
      type: 'TextBlock',
      text: 'After the discussion, record who attended, then the outcome.',
      isSubtle: true,
      wrap: true,
    },
  ],
  actions: [
    {
      type: 'Action.Execute',
      title: 'Record attendance',
      verb: 'sd.attendance.open',
      data: {
        ref: '${reference}',
      },
    },
    {
      type: 'Action.Execute',
      title: 'Hand over or invite',
      verb: 'sd.handover.open',
      data: {
        ref: '${reference}',
      },
    },
    discussionEnded,
  ],
} as const);
