import { readFileSync } from 'node:fs';
import { checkForm, FormDefinition } from './domain/forms';
import { DirectoryError } from './directoryFile';

/** Reads a partnership's form and checks it at start-up, so a broken form never reaches a practitioner. */
export function loadForm(file: string): FormDefinition {
  let form: FormDefinition;
  try {
    form = JSON.parse(readFileSync(file, 'utf8')) as FormDefinition;
  } catch (e) {
    throw new DirectoryError(`The form ${file} could not be read: ${(e as Error).message}`);
  }
  const problems = Array.isArray(form?.steps) ? checkForm(form) : ['it has no steps'];
  if (problems.length) throw new DirectoryError(`The form ${file} is not valid:\n- ${problems.join('\n- ')}`);
  return form;
}
