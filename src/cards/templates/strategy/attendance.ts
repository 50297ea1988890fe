import { inputIds } from '../../inputs';
import { AttendanceField } from '../../../workflows/strategy/forms';
import { template } from '../../render';

/** The view model this template expands (its `$root`). */
export interface AttendanceView {
  reference: string;
  errors: string;
  /** One row per invitee: `id` is their directory id, `value` their attendance so far. */
  invitees: { id: string; name: string; value: string }[];
}

const id = inputIds<AttendanceField<'${id}'>>();

export default template<AttendanceView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '${reference}: who attended', weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: 'Everyone marked as attended will be asked to acknowledge the outcome.', wrap: true, isSubtle: true },
    { type: 'TextBlock', $when: "${errors != ''}", text: '${errors}', color: 'Attention', wrap: true },
    {
      type: 'Input.ChoiceSet',
      $data: '${invitees}',
      id: id('att_${id}'),
      label: '${name}',
      style: 'compact',
      value: '${value}',
      choices: [
        { title: 'Attended', value: 'attended' },
        { title: 'Sent apologies', value: 'apologies' },
        { title: 'Sent information only', value: 'information-only' },
        { title: 'Did not attend', value: 'absent' },
      ],
    },
  ],
  actions: [{ type: 'Action.Execute', title: 'Save attendance', verb: 'sd.attendance.save', data: { ref: '${reference}' } }],
} as const);
