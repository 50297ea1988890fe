import { template } from '../../render';

/** The view model this template expands (its `$root`). */
export interface StepView {
  headline: string;
  stepTitle: string;
  urgent: boolean;
  hint: string;
  errors: string;
  step: number;
  verb: string;
  nextTitle: string;
  questions: {
    id: string;
    type: string;
    label: string;
    maxLength: number;
    value: string;
    placeholder: string;
    title: string;
    choices: { title: string; value: string }[];
    /** Always required (Teams marks it and checks it on the phone); a question required only sometimes is checked by Concord. */
    required: boolean;
    /** What Teams says beside an empty required input. */
    ifEmpty: string;
    /** What is wrong with the answer, shown right below it. */
    problem: string;
  }[];
}

export default template<StepView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '${headline}', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: '${stepTitle}', weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', $when: '${urgent}', text: 'Urgent: a child was in immediate danger.', color: 'Attention', wrap: true },
    { type: 'TextBlock', $when: "${hint != ''}", text: '${hint}', wrap: true, isSubtle: true },
    { type: 'TextBlock', $when: "${errors != ''}", text: '${errors}', color: 'Attention', wrap: true },
    {
      type: 'Container',
      $data: '${questions}',
      items: [
        {
          $when: "${type == 'text' || type == 'multiline'}",
          type: 'Input.Text',
          isMultiline: "${type == 'multiline'}",
          id: '${id}',
          isRequired: '${required}',
          errorMessage: '${ifEmpty}',
          label: '${label}',
          maxLength: '${maxLength}',
          value: '${value}',
          placeholder: '${placeholder}',
        },
        {
          $when: "${type == 'date'}",
          type: 'Input.Date',
          id: '${id}',
          isRequired: '${required}',
          errorMessage: '${ifEmpty}',
          label: '${label}',
          value: '${value}',
        },
        {
          $when: "${type == 'choice'}",
          type: 'Input.ChoiceSet',
          style: 'expanded',
          id: '${id}',
          isRequired: '${required}',
          errorMessage: '${ifEmpty}',
          label: '${label}',
          value: '${value}',
          choices: [{ $data: '${choices}', title: '${title}', value: '${value}' }],
        },
        {
          $when: "${type == 'toggle'}",
          type: 'Input.Toggle',
          id: '${id}',
          label: '${label}',
          title: '${title}',
          value: '${value}',
          valueOn: 'true',
          valueOff: 'false',
        },
        { $when: "${problem != ''}", type: 'TextBlock', text: '${problem}', color: 'Attention', wrap: true, spacing: 'Small' },
      ],
    },
  ],
  actions: [
    { type: 'Action.Execute', title: '${nextTitle}', verb: '${verb}', data: { move: 'next', step: '${step}' } },
    // Back sends no answers: Teams would not send them while a required one is empty.
    { $when: '${step > 0}', type: 'Action.Execute', title: 'Back', verb: '${verb}', data: { move: 'back', step: '${step}' }, associatedInputs: 'none' },
  ],
} as const);
