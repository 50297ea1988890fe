import { inputIds } from '../../inputs';
import { ReviewField } from '../../../workflows/referrals/forms';
import { template } from '../../render';
import type { InputsOf } from '../../../domain/limits';

/** The view model this template expands (its `$root`). */
export interface ReferralReviewView {
  headline: string;
  urgent: boolean;
  reference: string;
  sections: { title: string; lines: string[] }[];
  note: string;
  canSubmit: boolean;
  submitTitle: string;
  submitVerb: string;
  /** The draft being submitted: a second click finds what the first one submitted. */
  draft: string;
  stepVerb: string;
  lastStep: number;
  canDecide: boolean;
  canConvene: boolean;
  /** The child is known to or moving to another local authority: social care can start a transfer from here. */
  canTransfer: boolean;
  canNotify: boolean;
  canReview: boolean;
  decisions: { title: string; value: string }[];
  f: InputsOf<'frontDoorRationale'>;
}

const id = inputIds<ReviewField>();

export default template<ReferralReviewView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    {
      type: 'TextBlock',
      text: '${headline}',
      weight: 'Bolder',
      wrap: true,
    },
    {
      type: 'TextBlock',
      $when: '${urgent}',
      text: 'Urgent: a child was in immediate danger.',
      color: 'Attention',
      wrap: true,
    },
    {
      type: 'Container',
      $data: '${sections}',
      items: [
        {
          type: 'TextBlock',
          text: '${title}',
          weight: 'Bolder',
          wrap: true,
          separator: true,
        },
        {
          type: 'TextBlock',
          $data: '${lines}',
          text: '${$data}',
          wrap: true,
          spacing: 'Small',
        },
      ],
    },
    {
      type: 'Input.ChoiceSet',
      $when: '${canDecide}',
      id: id('outcome'),
      label: 'Decision',
      isRequired: true,
      errorMessage: 'Choose the decision.',
      style: 'expanded',
      choices: [
        {
          $data: '${decisions}',
          title: '${title}',
          value: '${value}',
        },
      ],
    },
    {
      type: 'Input.Text',
      $when: '${canDecide}',
      id: id('rationale'),
      label: '${f.frontDoorRationale.label}',
      isRequired: true,
      errorMessage: 'Give the rationale: the referrer is told it.',
      maxLength: '${f.frontDoorRationale.max}',
      isMultiline: true,
    },
    {
      type: 'Input.Date',
      $when: '${canNotify || canReview}',
      id: id('date'),
      label: 'Date',
    },
    {
      type: 'TextBlock',
      $when: "${note != ''}",
      text: '${note}',
      wrap: true,
      isSubtle: true,
    },
  ],
  actions: [
    {
      $when: '${canSubmit}',
      type: 'Action.Execute',
      title: '${submitTitle}',
      verb: '${submitVerb}',
      data: { draft: '${draft}' },
    },
    {
      $when: '${canSubmit}',
      type: 'Action.Execute',
      title: 'Back',
      verb: '${stepVerb}',
      data: {
        move: 'back',
        step: '${lastStep}',
      },
    },
    {
      $when: '${canDecide}',
      type: 'Action.Execute',
      title: 'Record the decision',
      verb: 'ref.decide',
      data: {
        ref: '${reference}',
      },
    },
    {
      $when: '${canConvene}',
      type: 'Action.Execute',
      title: 'Convene a strategy discussion',
      verb: 'ref.convene',
      associatedInputs: 'none',
      data: {
        ref: '${reference}',
      },
    },
    {
      $when: '${canTransfer}',
      type: 'Action.Execute',
      title: 'Transfer the case to another authority',
      verb: 'tr.start.open',
      // It needs none of the decision's inputs: Teams must not hold it back for their required fields.
      associatedInputs: 'none',
      data: {
        ref: '${reference}',
      },
    },
    {
      $when: '${canNotify}',
      type: 'Action.Execute',
      title: 'Record the National Panel notification',
      verb: 'si.panel',
      data: {
        ref: '${reference}',
      },
    },
    {
      $when: '${canReview}',
      type: 'Action.Execute',
      title: 'Record the rapid review completed',
      verb: 'si.review',
      data: {
        ref: '${reference}',
      },
    },
  ],
} as const);
