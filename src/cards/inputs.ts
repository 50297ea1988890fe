/**
 * A template's input ids, written through its form's field type (workflows/<workflow>/forms.ts):
 * an id that is not a field of the form fails tsc. A repeated row's id keeps the template's own
 * expression (`action_${n}_text`), so the form type is given that expression as its parameter.
 */
export const inputIds =
  <Field extends string>() =>
  <Id extends Field>(id: Id): Id =>
    id;
