/**
 * How much a person can write in each field, in one place. Each limit is stated on the card before
 * anyone types (the input's label and its maxLength), checked again when the card comes back (card
 * data is never trusted), and refused with the field's name and its limit: never cut short.
 *
 * The figures keep every card Concord sends under Teams' message size (100 KB in UTF-16, 80 KB
 * recommended: the acknowledgement card carries a whole outcome, the review card whole minutes),
 * and so every stored row well under Azure Tables' 1 MiB entity. Longer material belongs in the
 * agency's own case file; the minutes have a link for it.
 */

export interface TextField {
  /** The field's label on its card, without the limit. */
  label: string;
  /** The most characters (UTF-16 code units, as the card's maxLength counts them) it takes. */
  max: number;
}

const field = (label: string, max: number): TextField => ({ label, max });

export const FIELDS = {
  // Convening.
  purpose: field('What the discussion is about', 2_000),
  omissionReason: field('Why nobody is invited for a core role', 1_000),
  // The outcome.
  rationale: field('Rationale for the threshold decision', 8_000),
  action: field('Action', 1_000),
  contributions: field('What each agency contributes', 8_000),
  familyDetail: field('What is shared, when and by whom, or why not', 4_000),
  amendmentReason: field('Reason for the amendment', 2_000),
  noEnquiryReason: field('If the threshold is met but no section 47 enquiry follows: why', 4_000),
  acknowledgementNote: field('Your note, or what you understood the outcome to be', 2_000),
  // The minutes.
  agencyInformation: field('Information shared by each agency', 8_000),
  analysis: field('Analysis of risk and needs, in words', 6_000),
  minutesRationale: field('Rationale for the decision', 3_000),
  minutesActions: field('Actions', 3_000),
  familyTold: field('What the family is told', 2_000),
  link: field('Link to a longer document (optional)', 2_000),
  correctionWrong: field('What is wrong (for a correction)', 1_000),
  correctionShouldSay: field('What it should say', 1_000),
  declineReason: field('Reason, if you decline', 1_000),
  // Professional differences.
  caseReference: field('Case reference (not the child’s name)', 100),
  differenceDecision: field('The decision or action in question', 2_000),
  differenceReasons: field('Your reasons and the evidence', 8_000),
  outcomeSought: field('The outcome you are seeking', 2_000),
  stageText: field('Your proposal, question or information', 2_000),
  // Case transfer between local authorities.
  caseReferences: field('The child’s case reference(s), not their name', 200),
  transferReason: field('Why the case transfers', 2_000),
  transferAnswer: field('Your reason, question or note', 2_000),
  acceptedBy: field('Who accepted (name and role)', 200),
  // Referrals and serious incidents: questions are data, limited by their kind.
  frontDoorRationale: field('Rationale (the referrer is told)', 4_000),
  formText: field('A one-line answer', 500),
  formMultiline: field('A longer answer', 2_500),
  // Information governance.
  holdReason: field('Why the case is on legal hold', 500),
} as const;

export type FieldName = keyof typeof FIELDS;

const number = (n: number) => n.toLocaleString('en-GB');

/** The label a card shows: the limit stated before anyone types. */
export function labelWithLimit(label: string, max: number): string {
  return `${label} (up to ${number(max)} characters)`;
}

/** What a card template needs for one input: its label with the limit, and the limit itself. */
export function inputOf(f: TextField, label = f.label): { label: string; max: number } {
  return { label: labelWithLimit(label, f.max), max: f.max };
}

/** The card inputs for several fields, by name: `${f.rationale.label}`, `${f.rationale.max}` in a template. */
export type InputsOf<K extends FieldName> = Record<K, { label: string; max: number }>;

export function inputsOf<K extends FieldName>(...names: K[]): InputsOf<K> {
  return Object.fromEntries(names.map((n) => [n, inputOf(FIELDS[n])])) as InputsOf<K>;
}

/**
 * The problem with a text that is too long, naming the field and its limit, or undefined. It says
 * how long the text is, never what it says: it may identify a child.
 */
export function tooLong(f: TextField, value: string | undefined, label = f.label): string | undefined {
  const length = (value ?? '').trim().length;
  if (length <= f.max) return undefined;
  return `${label}: at most ${number(f.max)} characters can be recorded, this has ${number(length)}. Shorten it: the detail can stay in your agency's case file.`;
}

/** Every problem with these fields' lengths. */
export function lengthProblems(checks: [TextField, string | undefined, string?][]): string[] {
  return checks.map(([f, v, label]) => tooLong(f, v, label)).filter((p): p is string => !!p);
}

/**
 * The most a referral or incident form's free-text questions may take in all: the Front Door's
 * card carries every answer whole, and must stay a message Teams takes. Measured: the referral
 * form (28,500 characters at its limits) makes a card of 35,000 JSON characters, under the
 * 40,000 (80 KB in UTF-16) every long card keeps to. A partnership's form asking for more is
 * refused at start-up, naming this.
 */
export const FORM_CHARS = 32_000;

/** The most people one hand-over card can invite at once: a partnership's whole core set many times over. */
export const INVITE_AT_ONCE = 60;
