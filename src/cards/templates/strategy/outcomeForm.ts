import { inputIds } from '../../inputs';
import { OutcomeField } from '../../../workflows/strategy/forms';
import { template } from '../../render';
import type { InputsOf } from '../../../domain/limits';
import { besideIt, stepActions, stepHeader, stepReview } from '../../formStep';

/** The fields not repeated per action row. */
type Field = OutcomeField<never>;

/** The view model this template expands (its `$root`): one step of the outcome form, or its review. */
export interface OutcomeFormView {
  reference: string;
  title: string;
  button: string;
  amending: boolean;
  baseVersion: number;
  /** The chair's draft this form is (its review records it). */
  formId: string;
  /** "Step 2 of 5: Agreed actions". */
  progress: string;
  step: number;
  review: boolean;
  /** Problems about the form as a whole, or where to put one right. */
  errors: string;
  /** Which of the fields this step asks, and the problem beside each. */
  show: Record<Field, boolean>;
  problem: Record<Field, string>;
  f: InputsOf<'rationale' | 'action' | 'contributions' | 'familyDetail' | 'amendmentReason' | 'noEnquiryReason'>;
  values: Record<Field, string>;
  thresholds: { title: string; value: string }[];
  decisions: { title: string; value: string }[];
  owners: { title: string; value: string }[];
  /** This step's action rows. */
  actionRows: { n: number; label: string; text: string; owner: string; due: string; textProblem: string; ownerProblem: string; dueProblem: string }[];
  /** The review: what will be recorded. */
  facts: { title: string; value: string }[];
}

const id = inputIds<OutcomeField<'${n}'>>();
const shown = (f: Field) => `\${show.${f}}`;
const carried = { ref: '${reference}', baseVersion: '${baseVersion}' };

export default template<OutcomeFormView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    ...stepHeader('${reference}: ${title}'),
    {
      type: 'TextBlock',
      $when: shown('threshold'),
      text: 'Is there reasonable cause to suspect that the child is suffering, or is likely to suffer, significant harm (Children Act 1989, s47(1))?',
      wrap: true,
      isSubtle: true,
    },
    {
      type: 'Input.ChoiceSet',
      $when: shown('threshold'),
      id: id('threshold'),
      label: 'Reasonable cause to suspect significant harm (s47 threshold)',
      isRequired: true,
      errorMessage: 'Choose whether the threshold is met.',
      style: 'expanded',
      value: '${values.threshold}',
      choices: [{ $data: '${thresholds}', title: '${title}', value: '${value}' }],
    },
    besideIt('problem.threshold'),
    {
      type: 'Input.Text',
      $when: shown('rationale'),
      id: id('rationale'),
      label: '${f.rationale.label}',
      isRequired: true,
      errorMessage: 'Give the rationale for the threshold decision.',
      maxLength: '${f.rationale.max}',
      isMultiline: true,
      value: '${values.rationale}',
    },
    besideIt('problem.rationale'),
    {
      type: 'Input.ChoiceSet',
      $when: shown('decision'),
      id: id('decision'),
      label: 'Decision',
      isRequired: true,
      errorMessage: 'Choose the decision.',
      style: 'compact',
      value: '${values.decision}',
      choices: [{ $data: '${decisions}', title: '${title}', value: '${value}' }],
    },
    besideIt('problem.decision'),
    {
      type: 'Input.Text',
      $when: shown('noEnquiryReason'),
      id: id('noEnquiryReason'),
      label: '${f.noEnquiryReason.label}',
      maxLength: '${f.noEnquiryReason.max}',
      isMultiline: true,
      value: '${values.noEnquiryReason}',
    },
    besideIt('problem.noEnquiryReason'),
    {
      type: 'Container',
      $data: '${actionRows}',
      separator: true,
      items: [
        { type: 'Input.Text', id: id('action_${n}_text'), label: '${label}', maxLength: '${$root.f.action.max}', value: '${text}' },
        besideIt('textProblem'),
        {
          type: 'Input.ChoiceSet',
          id: id('action_${n}_owner'),
          label: 'Action ${n} owner',
          style: 'compact',
          value: '${owner}',
          choices: [{ $data: '${$root.owners}', title: '${title}', value: '${value}' }],
        },
        besideIt('ownerProblem'),
        { type: 'Input.Date', id: id('action_${n}_due'), label: 'Action ${n} due date', value: '${due}' },
        besideIt('dueProblem'),
      ],
    },
    {
      type: 'Input.Text',
      $when: shown('contributions'),
      id: id('contributions'),
      label: '${f.contributions.label}',
      maxLength: '${f.contributions.max}',
      isMultiline: true,
      value: '${values.contributions}',
      separator: true,
    },
    besideIt('problem.contributions'),
    {
      type: 'Input.ChoiceSet',
      $when: shown('familyShared'),
      id: id('familyShared'),
      label: 'Is the outcome shared with the family?',
      isRequired: true,
      errorMessage: 'Say whether the outcome is shared with the family.',
      style: 'expanded',
      value: '${values.familyShared}',
      choices: [
        { title: 'Yes', value: 'yes' },
        { title: 'No', value: 'no' },
      ],
    },
    besideIt('problem.familyShared'),
    {
      type: 'Input.Text',
      $when: shown('familyDetail'),
      id: id('familyDetail'),
      label: '${f.familyDetail.label}',
      maxLength: '${f.familyDetail.max}',
      isMultiline: true,
      value: '${values.familyDetail}',
    },
    besideIt('problem.familyDetail'),
    {
      type: 'Input.Date',
      $when: shown('followUpDate'),
      id: id('followUpDate'),
      label: 'Date of the follow-up discussion, if any',
      value: '${values.followUpDate}',
    },
    besideIt('problem.followUpDate'),
    {
      type: 'Input.ChoiceSet',
      $when: shown('followUpOwner'),
      id: id('followUpOwner'),
      label: 'Who sees the follow-up is held (the chair, if left empty)',
      style: 'compact',
      value: '${values.followUpOwner}',
      choices: [{ $data: '${owners}', title: '${title}', value: '${value}' }],
    },
    besideIt('problem.followUpOwner'),
    {
      type: 'Input.Text',
      $when: '${amending && show.amendmentReason}',
      id: id('amendmentReason'),
      label: '${f.amendmentReason.label}',
      maxLength: '${f.amendmentReason.max}',
      isMultiline: true,
      value: '${values.amendmentReason}',
    },
    besideIt('problem.amendmentReason'),
    stepReview(),
  ],
  actions: stepActions('sd.outcome.step', carried, { title: '${button}', verb: 'sd.outcome.save', data: { ...carried, formId: '${formId}' } }),
} as const);
