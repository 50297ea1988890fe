import { inputIds } from '../../inputs';
import { ConveneField } from '../../../workflows/strategy/forms';
import { template } from '../../render';
import type { InputsOf } from '../../../domain/limits';

/** The view model this template expands (its `$root`). */
export interface ConveneView {
  formId: string;
  /** What the form was filled in from, carried back when it is submitted: a referral (REF-) or a first discussion (SD-), or ''. */
  referral: string;
  followUpOf: string;
  /** The referral's answer about another local authority (carried back), and that answer in words. */
  openElsewhere: string;
  openElsewhereLine: string;
  errors: string;
  f: InputsOf<'purpose' | 'omissionReason'>;
  /** The fields not repeated per role. */
  values: Record<ConveneField<never>, string>;
  minuteTakers: { title: string; value: string }[];
  roles: { role: string; label: string; reasonLabel: string; multi: boolean; value: string; reason: string; choices: { title: string; value: string }[] }[];
  everyone: { title: string; value: string }[];
  /** No referral asked about another local authority: the chair is asked, with these choices. */
  askElsewhere: boolean;
  authorities: { title: string; value: string }[];
  otherPlans: { title: string; value: string }[];
  moves: { title: string; value: string }[];
}

const id = inputIds<ConveneField<'${role}'>>();

export default template<ConveneView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    {
      type: 'TextBlock',
      text: 'Convene a strategy discussion',
      weight: 'Bolder',
      size: 'Medium',
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: 'Invite by role. For each role in the core set, invite someone or say why not.',
      wrap: true,
      isSubtle: true,
    },
    {
      type: 'TextBlock',
      $when: "${referral != ''}",
      text: 'Convened from referral ${referral}: the referrer and the Front Door are told when you convene it.',
      wrap: true,
    },
    {
      type: 'TextBlock',
      $when: "${openElsewhereLine != ''}",
      text: '${openElsewhereLine}',
      weight: 'Bolder',
      wrap: true,
    },
    {
      type: 'TextBlock',
      $when: "${followUpOf != ''}",
      text: 'The follow-up agreed at ${followUpOf}: the new discussion is linked to it.',
      wrap: true,
    },
    {
      type: 'TextBlock',
      $when: "${errors != ''}",
      text: '${errors}',
      color: 'Attention',
      wrap: true,
    },
    {
      type: 'Input.Text',
      id: id('purpose'),
      label: '${f.purpose.label}',
      isRequired: true,
      errorMessage: 'Say what the discussion is about.',
      maxLength: '${f.purpose.max}',
      isMultiline: true,
      value: '${values.purpose}',
      placeholder: 'Shown only to the people invited',
    },
    {
      type: 'Input.Date',
      id: id('date'),
      label: 'Date',
      isRequired: true,
      errorMessage: 'Choose the date of the discussion.',
      value: '${values.date}',
    },
    {
      type: 'Input.Time',
      id: id('time'),
      label: 'Time',
      isRequired: true,
      errorMessage: 'Choose the time of the discussion.',
      value: '${values.time}',
    },
    {
      type: 'Input.ChoiceSet',
      id: id('minuteTaker'),
      label: 'Minute-taker',
      isRequired: true,
      errorMessage: 'Choose who takes the minutes.',
      style: 'compact',
      value: '${values.minuteTaker}',
      choices: [
        {
          $data: '${minuteTakers}',
          title: '${title}',
          value: '${value}',
        },
      ],
    },
    {
      type: 'Input.Toggle',
      id: id('babyOrUnborn'),
      title: 'The child is under one, or unborn',
      label: 'Baby or unborn child',
      value: '${values.babyOrUnborn}',
      valueOn: 'true',
      valueOff: 'false',
    },
    {
      // The referral's question, where the invitations start: the authority named is a core invitee.
      type: 'Container',
      $when: '${askElsewhere}',
      separator: true,
      items: [
        {
          type: 'Input.ChoiceSet',
          id: id('otherAuthority'),
          label: 'Is the child, or an unborn baby’s family, known or open to another local authority?',
          style: 'compact',
          value: '${values.otherAuthority}',
          choices: [{ $data: '${$root.authorities}', title: '${title}', value: '${value}' }],
        },
        { type: 'Input.Date', id: id('otherAuthoritySince'), label: 'Known or open to it since', value: '${values.otherAuthoritySince}' },
        {
          type: 'Input.ChoiceSet',
          id: id('otherAuthorityPlan'),
          label: 'The plan there',
          style: 'compact',
          value: '${values.otherAuthorityPlan}',
          choices: [{ $data: '${$root.otherPlans}', title: '${title}', value: '${value}' }],
        },
        {
          type: 'Input.ChoiceSet',
          id: id('familyMoved'),
          label: 'Has the family moved, or is it about to move, between authorities?',
          style: 'compact',
          value: '${values.familyMoved}',
          choices: [{ $data: '${$root.moves}', title: '${title}', value: '${value}' }],
        },
      ],
    },
    {
      type: 'Container',
      $data: '${roles}',
      separator: true,
      items: [
        {
          type: 'Input.ChoiceSet',
          id: id('invite_${role}'),
          label: '${label}',
          isMultiSelect: '${multi}',
          style: 'filtered',
          value: '${value}',
          choices: [
            {
              $data: '${choices}',
              title: '${title}',
              value: '${value}',
            },
          ],
        },
        {
          type: 'Input.Text',
          id: id('reason_${role}'),
          label: '${reasonLabel}',
          maxLength: '${$root.f.omissionReason.max}',
          value: '${reason}',
        },
      ],
    },
    {
      type: 'Input.ChoiceSet',
      id: id('invite_other'),
      label: 'Others invited',
      isMultiSelect: true,
      style: 'filtered',
      value: '${values.invite_other}',
      separator: true,
      choices: [
        {
          $data: '${everyone}',
          title: '${title}',
          value: '${value}',
        },
      ],
    },
  ],
  actions: [
    {
      type: 'Action.Execute',
      title: 'Convene and send invitations',
      verb: 'sd.convene',
      data: {
        formId: '${formId}',
        referral: '${referral}',
        followUpOf: '${followUpOf}',
        openElsewhere: '${openElsewhere}',
      },
    },
  ],
} as const);
