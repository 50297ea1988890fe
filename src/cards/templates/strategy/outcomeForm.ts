import { inputIds } from '../../inputs';
import { OutcomeField } from '../../../workflows/strategy/forms';
import { template } from '../../render';
import type { InputsOf } from '../../../domain/limits';

/** The view model this template expands (its `$root`). */
export interface OutcomeFormView {
  reference: string;
  title: string;
  button: string;
  amending: boolean;
  baseVersion: number;
  errors: string;
  f: InputsOf<'rationale' | 'action' | 'contributions' | 'familyDetail' | 'amendmentReason' | 'noEnquiryReason'>;
  /** The fields not repeated per action row. */
  values: Record<OutcomeField<never>, string>;
  thresholds: { title: string; value: string }[];
  decisions: { title: string; value: string }[];
  owners: { title: string; value: string }[];
  actionRows: { n: number; label: string; text: string; owner: string; due: string }[];
}

const id = inputIds<OutcomeField<'${n}'>>();

export default template<OutcomeFormView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '${reference}: ${title}', weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', $when: "${errors != ''}", text: '${errors}', color: 'Attention', wrap: true },
    {
      type: 'TextBlock',
      text: 'Is there reasonable cause to suspect that the child is suffering, or is likely to suffer, significant harm (Children Act 1989, s47(1))?',
      wrap: true,
      isSubtle: true,
    },
    {
      type: 'Input.ChoiceSet',
      id: id('threshold'),
      label: 'Reasonable cause to suspect significant harm (s47 threshold)',
      isRequired: true,
      errorMessage: 'Choose whether the threshold is met.',
      style: 'expanded',
      value: '${values.threshold}',
      choices: [{ $data: '${thresholds}', title: '${title}', value: '${value}' }],
    },
    {
      type: 'Input.Text',
      id: id('rationale'),
      label: '${f.rationale.label}',
      isRequired: true,
      errorMessage: 'Give the rationale for the threshold decision.',
      maxLength: '${f.rationale.max}',
      isMultiline: true,
      value: '${values.rationale}',
    },
    {
      type: 'Input.ChoiceSet',
      id: id('decision'),
      label: 'Decision',
      isRequired: true,
      errorMessage: 'Choose the decision.',
      style: 'compact',
      value: '${values.decision}',
      choices: [{ $data: '${decisions}', title: '${title}', value: '${value}' }],
    },
    {
      type: 'Input.Text',
      id: id('noEnquiryReason'),
      label: '${f.noEnquiryReason.label}',
      maxLength: '${f.noEnquiryReason.max}',
      isMultiline: true,
      value: '${values.noEnquiryReason}',
    },
    {
      type: 'Container',
      $data: '${actionRows}',
      separator: true,
      items: [
        { type: 'Input.Text', id: id('action_${n}_text'), label: '${label}', maxLength: '${$root.f.action.max}', value: '${text}' },
        {
          type: 'Input.ChoiceSet',
          id: id('action_${n}_owner'),
          label: 'Action ${n} owner',
          style: 'compact',
          value: '${owner}',
          choices: [{ $data: '${$root.owners}', title: '${title}', value: '${value}' }],
        },
        { type: 'Input.Date', id: id('action_${n}_due'), label: 'Action ${n} due date', value: '${due}' },
      ],
    },
    {
      type: 'Input.Text',
      id: id('contributions'),
      label: '${f.contributions.label}',
      maxLength: '${f.contributions.max}',
      isMultiline: true,
      value: '${values.contributions}',
      separator: true,
    },
    {
      type: 'Input.ChoiceSet',
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
    {
      type: 'Input.Text',
      id: id('familyDetail'),
      label: '${f.familyDetail.label}',
      maxLength: '${f.familyDetail.max}',
      isMultiline: true,
      value: '${values.familyDetail}',
    },
    { type: 'Input.Date', id: id('followUpDate'), label: 'Date of the follow-up discussion, if any', value: '${values.followUpDate}' },
    {
      type: 'Input.ChoiceSet',
      id: id('followUpOwner'),
      label: 'Who sees the follow-up is held (the chair, if left empty)',
      style: 'compact',
      value: '${values.followUpOwner}',
      choices: [{ $data: '${owners}', title: '${title}', value: '${value}' }],
    },
    {
      type: 'Input.Text',
      $when: '${amending}',
      id: id('amendmentReason'),
      label: '${f.amendmentReason.label}',
      maxLength: '${f.amendmentReason.max}',
      isMultiline: true,
      value: '${values.amendmentReason}',
    },
  ],
  actions: [{ type: 'Action.Execute', title: '${button}', verb: 'sd.outcome.save', data: { ref: '${reference}', baseVersion: '${baseVersion}' } }],
} as const);
