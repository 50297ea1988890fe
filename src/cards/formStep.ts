/**
 * The parts every form in steps shares (convene, outcome): the progress line, the problems beside
 * their inputs, the review's facts, and Next / Back / the one button that does the thing. The form's
 * view model has `progress`, `step`, `review`, `errors` and `facts` for them.
 */

/** The form's title, "Step 2 of 5: …", and the problems about the form as a whole. */
export function stepHeader(title: string) {
  return [
    { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: '${progress}', weight: 'Bolder', wrap: true, spacing: 'Small' },
    { type: 'TextBlock', $when: "${errors != ''}", text: '${errors}', color: 'Attention', wrap: true },
  ];
}

/** The problem with the input just above, if any (`path` names it in the view model). */
export function besideIt(path: string) {
  return { type: 'TextBlock', $when: `\${${path} != ''}`, text: `\${${path}}`, color: 'Attention', wrap: true, spacing: 'Small' };
}

/** The review: each answer under its title. */
export function stepReview() {
  return {
    type: 'Container',
    $when: '${review}',
    items: [
      {
        type: 'Container',
        $data: '${facts}',
        spacing: 'Small',
        items: [
          { type: 'TextBlock', text: '${title}', weight: 'Bolder', wrap: true },
          { type: 'TextBlock', text: '${value}', wrap: true, spacing: 'None' },
        ],
      },
    ],
  };
}

/** Next on a step, the form's own button on its review, and Back after the first step. */
export function stepActions(stepVerb: string, carried: Record<string, string>, done: { title: string; verb: string; data: Record<string, string> }) {
  return [
    { type: 'Action.Execute', $when: '${!review}', title: 'Next', verb: stepVerb, data: { ...carried, step: '${step}', move: 'next' } },
    { type: 'Action.Execute', $when: '${review}', title: done.title, verb: done.verb, data: done.data },
    // Back sends no answers: Teams would not send them while a required one is empty.
    {
      type: 'Action.Execute',
      $when: '${step > 0}',
      title: 'Back',
      verb: stepVerb,
      data: { ...carried, step: '${step}', move: 'back' },
      associatedInputs: 'none',
    },
  ];
}
