/** The professional difference cards' inputs, named once (see workflows/forms.ts). */
import { Form } from '../forms';

export type RaiseField = 'caseReference' | 'decision' | 'reasons' | 'outcomeSought' | 'responding' | 'immediateRisk';
export type RaiseForm = Form<RaiseField> & { formId?: string; origin?: string };

/** A proposal, a question, an answer or the final outcome at one stage. */
export type StageField = 'text';
