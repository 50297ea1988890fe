/** The referral cards' inputs, named once (see workflows/forms.ts). A form step's ids come from the partnership's forms file. */

/** The Front Door's decision, and an incident clock's date, on the referral's review card. */
export type ReviewField = 'outcome' | 'rationale' | 'date';
