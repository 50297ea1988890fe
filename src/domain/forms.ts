import { isChoice } from './choices';
import { nhsNumberProblem } from './nhsNumber';

/**
 * Forms as data: each partnership can change its question sets without code. A form is steps of
 * questions; a step is checked before the next is shown, so nothing half-formed is submitted.
 */
import { FIELDS, FORM_CHARS, TextField, tooLong } from './limits';

export type QuestionType = 'text' | 'multiline' | 'date' | 'choice' | 'toggle';

/** Checks a form may ask for beyond "required", named so a partnership's form can use them. */
export type Rule = 'birth-date' | 'not-future' | 'in-words' | 'nhs-number' | 'serious-incident-criteria';

export interface Question {
  id: string;
  label: string;
  type: QuestionType;
  required?: boolean;
  requiredUnless?: { question: string; equals: string };
  choices?: { title: string; value: string }[];
  title?: string;
  placeholder?: string;
  rules?: Rule[];
}

export interface Step {
  id: string;
  title: string;
  hint?: string;
  questions: Question[];
}

export interface FormDefinition {
  id: string;
  title: string;
  steps: Step[];
}

export type Answers = Record<string, string>;

/** How much a free-text question takes; undefined for dates, choices and toggles. */
export function limitOf(q: Question): TextField | undefined {
  return q.type === 'text' ? FIELDS.formText : q.type === 'multiline' ? FIELDS.formMultiline : undefined;
}

/** A level of need alone ("level 3"), never accepted where the needs must be described in words. */
export const LEVEL_ONLY = /^\s*(level|tier)\s*\d+\s*\.?\s*$/i;

/** A problem with an answer, in words for the person filling it in, and the question it is about. */
export interface AnswerProblem {
  question: string;
  text: string;
}

/** Problems with one step's answers, in words for the person filling it in. */
export function checkStep(step: Step, answers: Answers, today: string): string[] {
  return problemsOfStep(step, answers, today).map((p) => p.text);
}

/** Problems with one step's answers, each with its question, so a card can show it beside its input. */
export function problemsOfStep(step: Step, answers: Answers, today: string): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const a = (id: string) => (answers[id] ?? '').trim();
  for (const q of step.questions) {
    const value = a(q.id);
    const required = q.required || (q.requiredUnless && a(q.requiredUnless.question) !== q.requiredUnless.equals);
    if (required && !value) {
      problems.push({ question: q.id, text: `${q.label}: please answer.` });
      continue;
    }
    const long = tooLong(limitOf(q) ?? { label: q.label, max: Infinity }, value, q.label);
    if (long) problems.push({ question: q.id, text: long });
    if (q.type === 'date' && value && !/^\d{4}-\d{2}-\d{2}$/.test(value)) problems.push({ question: q.id, text: `${q.label}: give a date.` });
    if (q.type === 'choice' && value && !(q.choices ?? []).some((c) => c.value === value))
      problems.push({ question: q.id, text: `${q.label}: choose one of the answers.` });
    for (const rule of q.rules ?? []) {
      const problem = RULES[rule](value, answers, today);
      if (problem) problems.push({ question: q.id, text: `${q.label}: ${problem}` });
    }
  }
  return problems;
}

const RULES: Record<Rule, (value: string, answers: Answers, today: string) => string | undefined> = {
  'birth-date': (v, answers, today) => {
    if (!v) return undefined;
    if (answers.unborn === 'true') return v < today ? 'an expected due date cannot be in the past.' : undefined;
    return v > today ? 'a date of birth cannot be in the future (for an unborn baby, tick “The child is not born yet”).' : undefined;
  },
  'not-future': (v, _a, today) => (v && v > today ? 'this date cannot be in the future.' : undefined),
  'in-words': (v) =>
    LEVEL_ONLY.test(v)
      ? 'describe the needs and their impact in words: a level of need alone is not accepted.'
      : v && v.split(/\s+/).length < 5
        ? 'say a little more: what the needs are and how they affect the child.'
        : undefined,
  'nhs-number': (v) => (v ? nhsNumberProblem(v) : undefined),
  'serious-incident-criteria': (_v, a) =>
    a.abuse !== 'true' || (a.died !== 'true' && a.harmed !== 'true')
      ? 'a serious incident needs abuse or neglect known or suspected, and the child to have died or been seriously harmed. If it does not meet these, make a safeguarding referral instead.'
      : undefined,
};

export function checkForm(form: FormDefinition): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const s of form.steps) {
    for (const q of s.questions) {
      if (ids.has(q.id)) problems.push(`question "${q.id}" appears twice`);
      ids.add(q.id);
      if (q.type === 'choice' && !q.choices?.length) problems.push(`question "${q.id}" is a choice with no choices`);
      for (const r of q.rules ?? []) if (!isChoice(RULES, r)) problems.push(`question "${q.id}" names an unknown rule "${String(r)}"`);
    }
  }
  const total = form.steps.flatMap((s) => s.questions).reduce((n, q) => n + (limitOf(q)?.max ?? 0), 0);
  if (total > FORM_CHARS)
    problems.push(
      `its free-text questions take up to ${total.toLocaleString('en-GB')} characters in all, more than the ${FORM_CHARS.toLocaleString('en-GB')} one Teams message can carry to the Front Door: ask fewer questions, or make some one-line`,
    );
  return problems;
}
