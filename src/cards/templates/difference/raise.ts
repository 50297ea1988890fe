import { inputIds } from '../../inputs';
import { RaiseField } from '../../../workflows/differences/forms';
import { template } from '../../render';
import type { InputsOf } from '../../../domain/limits';

/** The view model this template expands (its `$root`). */
export interface RaiseFormView {
  formId: string;
  errors: string;
  f: InputsOf<'caseReference' | 'differenceDecision' | 'differenceReasons' | 'outcomeSought'>;
  origin: string;
  values: Record<RaiseField, string>;
  people: { title: string; value: string }[];
}

const id = inputIds<RaiseField>();

export default template<RaiseFormView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    {
      type: 'TextBlock',
      text: 'Raise a professional difference',
      weight: 'Bolder',
      size: 'Medium',
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: 'You are the person it is raised by; the responding practitioner is asked to resolve it with you. If it is not resolved, it moves up to your managers.',
      wrap: true,
      isSubtle: true,
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
      id: id('caseReference'),
      label: '${f.caseReference.label}',
      isRequired: true,
      errorMessage: 'Give the case reference (SD-0001, REF-0001), not the child’s name.',
      maxLength: '${f.caseReference.max}',
      value: '${values.caseReference}',
    },
    {
      type: 'Input.Text',
      id: id('decision'),
      label: '${f.differenceDecision.label}',
      isRequired: true,
      errorMessage: 'Say which decision or action is in question.',
      maxLength: '${f.differenceDecision.max}',
      isMultiline: true,
      value: '${values.decision}',
    },
    {
      type: 'Input.Text',
      id: id('reasons'),
      label: '${f.differenceReasons.label}',
      isRequired: true,
      errorMessage: 'Give your reasons and the evidence.',
      maxLength: '${f.differenceReasons.max}',
      isMultiline: true,
      value: '${values.reasons}',
    },
    {
      type: 'Input.Text',
      id: id('outcomeSought'),
      label: '${f.outcomeSought.label}',
      isRequired: true,
      errorMessage: 'Say what outcome you are seeking.',
      maxLength: '${f.outcomeSought.max}',
      isMultiline: true,
      value: '${values.outcomeSought}',
    },
    {
      type: 'Input.ChoiceSet',
      id: id('responding'),
      label: 'Responding practitioner',
      isRequired: true,
      errorMessage: 'Choose the responding practitioner.',
      style: 'filtered',
      value: '${values.responding}',
      choices: [
        {
          $data: '${people}',
          title: '${title}',
          value: '${value}',
        },
      ],
    },
    {
      type: 'Input.Toggle',
      id: id('immediateRisk'),
      label: 'Immediate risk',
      title: 'The child is at immediate risk of harm now',
      value: '${values.immediateRisk}',
      valueOn: 'true',
      valueOff: 'false',
    },
  ],
  actions: [
    {
      type: 'Action.Execute',
      title: 'Raise the difference',
      verb: 'pd.raise',
      data: {
        origin: '${origin}',
        formId: '${formId}',
      },
    },
  ],
} as const);
