/** The case-transfer cards' inputs, named once (see workflows/forms.ts). */
import { Form } from '../forms';

export type StartField = 'receiving' | 'plan' | 'reason' | 'proposedDate' | 'caseReferences';
export type StartForm = Form<StartField> & { formId?: string; from?: string };

/** The receiving authority's answer. */
export type AnswerField = 'date' | 'text';

/** An acceptance entered with the emailed code, or recorded from a phone call or email. */
export type AcceptanceField = 'code' | 'acceptedBy' | 'date' | 'when';
