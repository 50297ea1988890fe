import { inputIds } from '../../inputs';
import { ConveneField } from '../../../workflows/strategy/forms';
import { template } from '../../render';
import type { InputsOf } from '../../../domain/limits';
import { besideIt, stepActions, stepHeader, stepReview } from '../../formStep';

/** The fields not repeated per role. */
type Field = ConveneField<never>;

/** The view model this template expands (its `$root`): one step of the convene form, or its review. */
export interface ConveneView {
  formId: string;
  /** What the form was filled in from, carried back with every step: a referral (REF-) or a first discussion (SD-), or ''. */
  referral: string;
  followUpOf: string;
  /** The referral's answer about another local authority (carried back), and that answer in words where it is asked about. */
  openElsewhere: string;
  openElsewhereLine: string;
  /** The referrer it is filled in with (carried, for the first step to start the chair's draft with). */
  referredBy: string;
  /** "Step 2 of 5: Social care, police and health". */
  progress: string;
  step: number;
  /** The first step and the review say what the form was filled in from. */
  intro: boolean;
  review: boolean;
  /** Problems about the form as a whole, or where to put one right. */
  errors: string;
  /** Which of the fields this step asks, and the problem beside each. */
  show: Record<Field, boolean>;
  problem: Record<Field, string>;
  f: InputsOf<'purpose' | 'omissionReason'>;
  values: Record<Field, string>;
  minuteTakers: { title: string; value: string }[];
  /** This step's roles. */
  roles: {
    role: string;
    label: string;
    reasonLabel: string;
    multi: boolean;
    value: string;
    reason: string;
    inviteProblem: string;
    reasonProblem: string;
    choices: { title: string; value: string }[];
  }[];
  everyone: { title: string; value: string }[];
  /** No referral asked about another local authority: the chair is asked, with these choices. */
  askElsewhere: boolean;
  authorities: { title: string; value: string }[];
  otherPlans: { title: string; value: string }[];
  moves: { title: string; value: string }[];
  /** The review: what will be sent. */
  facts: { title: string; value: string }[];
}

const id = inputIds<ConveneField<'${role}'>>();
const shown = (f: Field) => `\${show.${f}}`;
const carried = { formId: '${formId}', referral: '${referral}', followUpOf: '${followUpOf}', openElsewhere: '${openElsewhere}', referredBy: '${referredBy}' };

export default template<ConveneView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    ...stepHeader('Convene a strategy discussion'),
    {
      type: 'TextBlock',
      $when: "${intro && referral != ''}",
      text: 'Convened from referral ${referral}: the referrer and the Front Door are told when you convene it.',
      wrap: true,
    },
    { type: 'TextBlock', $when: "${openElsewhereLine != ''}", text: '${openElsewhereLine}', weight: 'Bolder', wrap: true },
    {
      type: 'TextBlock',
      $when: "${intro && followUpOf != ''}",
      text: 'The follow-up agreed at ${followUpOf}: the new discussion is linked to it.',
      wrap: true,
    },
    {
      type: 'TextBlock',
      $when: '${step == 1}',
      text: 'Invite by role. For each role in the core set, invite someone or say why not.',
      wrap: true,
      isSubtle: true,
    },
    {
      type: 'Input.Text',
      $when: shown('purpose'),
      id: id('purpose'),
      label: '${f.purpose.label}',
      isRequired: true,
      errorMessage: 'Say what the discussion is about.',
      maxLength: '${f.purpose.max}',
      isMultiline: true,
      value: '${values.purpose}',
      placeholder: 'Shown only to the people invited',
    },
    besideIt('problem.purpose'),
    {
      type: 'Input.Date',
      $when: shown('date'),
      id: id('date'),
      label: 'Date',
      isRequired: true,
      errorMessage: 'Choose the date of the discussion.',
      value: '${values.date}',
    },
    besideIt('problem.date'),
    {
      type: 'Input.Time',
      $when: shown('time'),
      id: id('time'),
      label: 'Time',
      isRequired: true,
      errorMessage: 'Choose the time of the discussion.',
      value: '${values.time}',
    },
    {
      type: 'Input.ChoiceSet',
      $when: shown('minuteTaker'),
      id: id('minuteTaker'),
      label: 'Minute-taker',
      isRequired: true,
      errorMessage: 'Choose who takes the minutes.',
      style: 'compact',
      value: '${values.minuteTaker}',
      choices: [{ $data: '${minuteTakers}', title: '${title}', value: '${value}' }],
    },
    besideIt('problem.minuteTaker'),
    {
      type: 'Input.Toggle',
      $when: shown('babyOrUnborn'),
      id: id('babyOrUnborn'),
      title: 'The child is under one, or unborn',
      label: 'Baby or unborn child',
      value: '${values.babyOrUnborn}',
      valueOn: 'true',
      valueOff: 'false',
    },
    {
      // The referral's question, before the invitations: the authority named is a core invitee.
      type: 'Container',
      $when: '${askElsewhere && show.otherAuthority}',
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
          choices: [{ $data: '${choices}', title: '${title}', value: '${value}' }],
        },
        besideIt('inviteProblem'),
        {
          type: 'Input.Text',
          id: id('reason_${role}'),
          label: '${reasonLabel}',
          maxLength: '${$root.f.omissionReason.max}',
          value: '${reason}',
        },
        besideIt('reasonProblem'),
      ],
    },
    {
      type: 'Input.ChoiceSet',
      $when: shown('invite_other'),
      id: id('invite_other'),
      label: 'Others invited',
      isMultiSelect: true,
      style: 'filtered',
      value: '${values.invite_other}',
      separator: true,
      choices: [{ $data: '${everyone}', title: '${title}', value: '${value}' }],
    },
    besideIt('problem.invite_other'),
    stepReview(),
  ],
  actions: stepActions('sd.convene.step', carried, { title: 'Convene and send invitations', verb: 'sd.convene', data: carried }),
} as const);
