import { inputIds } from '../../inputs';
import { DraftField } from '../../../workflows/minutes/forms';
import { template } from '../../render';
import type { InputsOf } from '../../../domain/limits';

/** The view model this template expands (its `$root`). */
export interface DraftView {
  reference: string;
  due: string;
  late: string;
  saved: string;
  /** Problems that belong to no one field, shown at the buttons. */
  errors: string;
  /** Each field's problem, shown right below it. */
  e: Record<DraftField, string>;
  f: InputsOf<'agencyInformation' | 'analysis' | 'minutesRationale' | 'minutesActions' | 'familyTold' | 'link'>;
  attendance: string[];
  /** Where the outcome stands: "Outcome agreed by all", "Disputed outcome"… never "acknowledged" when it was not. */
  outcomeLabel: string;
  outcomeVersion: number;
  outcomeDecision: string;
  decisions: { title: string; value: string }[];
  values: Record<DraftField, string>;
}

const id = inputIds<DraftField>();

export default template<DraftView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '${reference}: write the minutes, due ${due}', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', $when: "${late != ''}", text: '${late}', color: 'Attention', wrap: true },
    { type: 'TextBlock', $when: "${saved != ''}", text: '${saved}', color: 'Good', wrap: true },
    {
      type: 'TextBlock',
      text: 'Needed to circulate: the information each agency shared, the analysis, the decision, its rationale and what the family is told. A draft can be saved without them.',
      wrap: true,
      isSubtle: true,
    },
    { type: 'TextBlock', text: 'Attendance', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', $data: '${attendance}', text: '- ${$data}', wrap: true, spacing: 'Small' },
    { type: 'TextBlock', text: '${outcomeLabel} (version ${outcomeVersion}): ${outcomeDecision}', weight: 'Bolder', wrap: true },
    {
      type: 'Input.Text',
      id: id('agencyInformation'),
      label: '${f.agencyInformation.label}',
      maxLength: '${f.agencyInformation.max}',
      isMultiline: true,
      value: '${values.agencyInformation}',
    },
    { type: 'TextBlock', $when: "${e.agencyInformation != ''}", text: '${e.agencyInformation}', color: 'Attention', wrap: true, spacing: 'Small' },
    {
      type: 'Input.Text',
      id: id('analysis'),
      label: '${f.analysis.label}',
      maxLength: '${f.analysis.max}',
      isMultiline: true,
      value: '${values.analysis}',
      placeholder: 'The needs and their impact on the child, not a level',
    },
    { type: 'TextBlock', $when: "${e.analysis != ''}", text: '${e.analysis}', color: 'Attention', wrap: true, spacing: 'Small' },
    {
      type: 'Input.ChoiceSet',
      id: id('decision'),
      label: 'Decision',
      style: 'compact',
      value: '${values.decision}',
      choices: [{ $data: '${decisions}', title: '${title}', value: '${value}' }],
    },
    { type: 'TextBlock', $when: "${e.decision != ''}", text: '${e.decision}', color: 'Attention', wrap: true, spacing: 'Small' },
    {
      type: 'Input.Text',
      id: id('rationale'),
      label: '${f.minutesRationale.label}',
      maxLength: '${f.minutesRationale.max}',
      isMultiline: true,
      value: '${values.rationale}',
    },
    { type: 'TextBlock', $when: "${e.rationale != ''}", text: '${e.rationale}', color: 'Attention', wrap: true, spacing: 'Small' },
    {
      type: 'Input.Text',
      id: id('actions'),
      label: '${f.minutesActions.label}',
      maxLength: '${f.minutesActions.max}',
      isMultiline: true,
      value: '${values.actions}',
    },
    { type: 'TextBlock', $when: "${e.actions != ''}", text: '${e.actions}', color: 'Attention', wrap: true, spacing: 'Small' },
    {
      type: 'Input.Text',
      id: id('familyTold'),
      label: '${f.familyTold.label}',
      maxLength: '${f.familyTold.max}',
      isMultiline: true,
      value: '${values.familyTold}',
    },
    { type: 'TextBlock', $when: "${e.familyTold != ''}", text: '${e.familyTold}', color: 'Attention', wrap: true, spacing: 'Small' },
    { type: 'Input.Text', id: id('link'), label: '${f.link.label}', maxLength: '${f.link.max}', value: '${values.link}' },
    { type: 'TextBlock', $when: "${e.link != ''}", text: '${e.link}', color: 'Attention', wrap: true, spacing: 'Small' },
    { type: 'TextBlock', $when: "${errors != ''}", text: '${errors}', color: 'Attention', wrap: true },
  ],
  actions: [
    { type: 'Action.Execute', title: 'Save draft', verb: 'minutes.save', data: { ref: '${reference}' } },
    { type: 'Action.Execute', title: 'Circulate the minutes', verb: 'minutes.circulate', data: { ref: '${reference}' } },
  ],
} as const);
