/** The minutes cards' inputs, named once (see workflows/forms.ts). */
import { Form } from '../forms';

export type DraftField = 'agencyInformation' | 'analysis' | 'decision' | 'rationale' | 'actions' | 'familyTold' | 'link';
export type DraftForm = Form<DraftField>;

/** A recipient asking for a correction. */
export type CorrectionField = 'wrong' | 'shouldSay';

/** The writer declining a correction. */
export type DecisionField = 'reason';
