import { inputIds } from '../../inputs';
import { HandoverField } from '../../../workflows/strategy/forms';
import { template } from '../../render';

type Choice = { title: string; value: string };

/** The view model this template expands (its `$root`). */
export interface HandoverView {
  reference: string;
  errors: string;
  chair: string;
  minuteTaker: string;
  chairs: Choice[];
  minuteTakers: Choice[];
  /** One row per action of the current outcome: `id` is A1, A2…, `owner` its owner's directory id. */
  actions: { id: string; label: string; owner: string }[];
  everyone: Choice[];
  /** Everyone who can still be invited: not yet invited, not the chair. */
  invitable: Choice[];
}

const id = inputIds<HandoverField<'${id}'>>();

export default template<HandoverView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '${reference}: who does what', weight: 'Bolder', size: 'Medium', wrap: true },
    {
      type: 'TextBlock',
      text: 'Hand the discussion to another chair, change who takes the minutes, give an action to someone else, or invite someone. Each person is told.',
      wrap: true,
      isSubtle: true,
    },
    { type: 'TextBlock', $when: "${errors != ''}", text: '${errors}', color: 'Attention', wrap: true },
    {
      type: 'Input.ChoiceSet',
      id: id('chair'),
      label: 'Chair',
      style: 'compact',
      value: '${chair}',
      choices: [{ $data: '${chairs}', title: '${title}', value: '${value}' }],
    },
    {
      type: 'Input.ChoiceSet',
      id: id('minuteTaker'),
      label: 'Minute-taker',
      style: 'compact',
      value: '${minuteTaker}',
      choices: [{ $data: '${minuteTakers}', title: '${title}', value: '${value}' }],
    },
    {
      type: 'Input.ChoiceSet',
      $data: '${actions}',
      id: id('owner_${id}'),
      label: '${label}',
      style: 'compact',
      value: '${owner}',
      choices: [{ $data: '${$root.everyone}', title: '${title}', value: '${value}' }],
    },
    {
      type: 'Input.ChoiceSet',
      id: id('invite'),
      label: 'Invite (they get the invitation; once attendance is recorded, they acknowledge the outcome too)',
      style: 'filtered',
      isMultiSelect: true,
      choices: [{ $data: '${invitable}', title: '${title}', value: '${value}' }],
    },
  ],
  actions: [{ type: 'Action.Execute', title: 'Save and tell them', verb: 'sd.handover.save', data: { ref: '${reference}' } }],
} as const);
