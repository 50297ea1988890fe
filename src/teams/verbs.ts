/**
 * Every card verb and what its card data means, in one table: the verb's parser (cardInput) turns
 * what the client sent into checked, typed values named as the card names its inputs. Routes take
 * their data from here and the test harness types `invoke(verb, data)` by `VerbData`, so a verb or
 * an input renamed on one side only fails the build. The case reference (`ref`) is every verb's,
 * checked by onCardAction before any of these runs.
 */
import { caseReferenceOf, choice, choicesFor, correctionId, count, date, flag, personIds, step, text, version } from './cardInput';
import { CONVENE_STEPS, OUTCOME_STEPS } from '../workflows/strategy/formSteps';
import { unexpectedInput } from '../domain/refusals';
import { HandoverRequest } from '../domain/handover';
import { INVITE_AT_ONCE } from '../domain/limits';
import { ANSWERS, ATTENDANCE, DECISIONS, INVITATION_REPLIES, THRESHOLDS } from '../domain/strategyDiscussion';
import { FRONT_DOOR_DECISIONS } from '../domain/referral';
import { Form } from '../workflows/forms';
import {
  ACTION_ROWS,
  AttendanceField,
  ATTENDANCE_PREFIX,
  ConveneForm,
  HandoverField,
  OutcomeField,
  OutcomeForm,
  OtherAuthorityField,
  OWNER_PREFIX,
} from '../workflows/strategy/forms';
import { CorrectionField, DecisionField, DraftForm } from '../workflows/minutes/forms';
import { RaiseForm, StageField } from '../workflows/differences/forms';
import { ReviewField } from '../workflows/referrals/forms';
import { AcceptanceField, AnswerField, StartForm } from '../workflows/transfer/forms';
import { TRANSFER_ANSWERS } from '../domain/transfer';
import { FAMILY_MOVES, OTHER_AUTHORITY_PLANS } from '../domain/openElsewhere';

type Data = Record<string, unknown>;

/** The replies a person can give to an invitation: "awaiting" is where they start, not an answer. */
const { awaiting: _notAnAnswer, ...REPLIES } = INVITATION_REPLIES;
const FAMILY_SHARED = { yes: 'Yes', no: 'No' };
const DANGER = { yes: 'A child is in danger now', no: 'No' };
const MOVES = { next: 'Next', back: 'Back' };
const ACCEPTANCE_ROUTES = { code: 'With the emailed code', phone: 'By phone or email' };

/** A checklist item's id, as the partnership's directory names them. */
function checklistItem(data: Data, field: string): string {
  const v = data[field];
  if (typeof v === 'string' && /^[a-z0-9-]{1,40}$/.test(v)) return v;
  throw unexpectedInput(`"${field}" is not a checklist item`);
}

/** A key the partnership's directory gives (a neighbouring authority's id), or nothing chosen. */
function directoryKey(data: Data, field: string): void {
  const v = data[field];
  if (v !== undefined && v !== '' && !(typeof v === 'string' && /^[a-z0-9-]{1,40}$/.test(v)))
    throw unexpectedInput(`"${field}" is not one of the card’s choices`);
}

/** Every value as text, never cut short: each field's length is checked against its stated limit, and too much is refused by name. */
function form<F>(data: Data): F {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, text(v)])) as F;
}

/** The outcome form's choices and dates, checked before the form's text is read. */
function outcomeForm(data: Data): OutcomeForm {
  const field = (f: OutcomeField) => f;
  choice(THRESHOLDS, data, field('threshold'));
  choice(DECISIONS, data, field('decision'));
  choice(FAMILY_SHARED, data, field('familyShared'));
  date(data, field('followUpDate'));
  for (let n = 1; n <= ACTION_ROWS; n++) date(data, field(`action_${n}_due`));
  return form(data);
}

/** The minutes draft's one choice, checked before its text is read. */
function draftForm(data: Data): DraftForm {
  choice(DECISIONS, data, 'decision' satisfies keyof DraftForm);
  return form(data);
}

/** The hand-over card: people chosen by directory id, and each action's owner under `owner_A1`…; any other key of that shape is forged. */
function handoverRequest(data: Data): { request: HandoverRequest } {
  const field = (f: HandoverField) => f;
  const owners: Record<string, string> = {};
  for (const key of Object.keys(data)) {
    if (!key.startsWith(OWNER_PREFIX)) continue;
    if (!/^owner_A[1-9][0-9]?$/.test(key)) throw unexpectedInput(`"${OWNER_PREFIX}…" is not an action on the card`);
    const [owner] = personIds(data, key, 1, `${OWNER_PREFIX}…`);
    if (owner) owners[key.slice(OWNER_PREFIX.length)] = owner;
  }
  const [chair] = personIds(data, field('chair'), 1);
  const [minuteTaker] = personIds(data, field('minuteTaker'), 1);
  return { request: { chair, minuteTaker, owners, invite: personIds(data, field('invite'), INVITE_AT_ONCE) } };
}

/** Next or Back on a step of a form in steps (the review is `steps.length`). */
function moveIn(data: Data, steps: readonly unknown[]): { move: 'next' | 'back'; step: number } {
  const move = choice(MOVES, data, 'move');
  if (!move) throw unexpectedInput('"move" is not Next or Back');
  return { move, step: step(data, 'step', steps.length) };
}

/** The convene form's values (its choices checked), and what it was filled in from (checked to be references). */
function conveneForm(data: Data): ConveneForm {
  const field = (f: OtherAuthorityField) => f;
  // Which authority is checked against the directory by the use case; its shape here.
  directoryKey(data, field('otherAuthority'));
  choice(OTHER_AUTHORITY_PLANS, data, field('otherAuthorityPlan'));
  choice(FAMILY_MOVES, data, field('familyMoved'));
  date(data, field('otherAuthoritySince'));
  const [referredBy] = personIds(data, 'referredBy' satisfies keyof ConveneForm, 1);
  return {
    ...form<ConveneForm>(data),
    referral: caseReferenceOf('REF', data, 'referral'),
    followUpOf: caseReferenceOf('SD', data, 'followUpOf'),
    referredBy: referredBy ?? '',
  };
}

const none = () => ({});
const at = (data: Data) => ({ version: version(data, 'version') });
const stage = (data: Data) => ({ stage: version(data, 'stage') });
const stageText = (data: Data) => ({ ...stage(data), text: text(data['text' satisfies StageField]) });
/** A referral or incident form's step: its ids come from the partnership's forms file. */
const formStep = (data: Data) => ({ form: form<Record<string, string>>(data), move: choice(MOVES, data, 'move'), step: count(data, 'step') });
const clockDate = (data: Data) => ({ date: date(data, 'date' satisfies ReviewField) });

export const VERBS = {
  // Anyone: what is waiting for them, and the record of a case (every notice's and list item's button)
  mine: none,
  record: none,
  // Strategy discussions
  'sd.convene.open': none,
  'sd.followup.open': none,
  'sd.convene.step': (data: Data) => ({ ...moveIn(data, CONVENE_STEPS), form: conveneForm(data) }),
  'sd.convene': (data: Data) => ({ form: conveneForm(data) }),
  'sd.invitation.reply': (data: Data) => ({ reply: choice(REPLIES, data, 'reply') }),
  'sd.attendance.open': none,
  'sd.attendance.save': (data: Data) => {
    choicesFor(ATTENDANCE, data, ATTENDANCE_PREFIX);
    return { form: form<Form<AttendanceField>>(data) };
  },
  'sd.outcome.open': none,
  'sd.outcome.step': (data: Data) => ({ ...moveIn(data, OUTCOME_STEPS), baseVersion: count(data, 'baseVersion'), form: outcomeForm(data) }),
  'sd.outcome.save': (data: Data) => ({ baseVersion: count(data, 'baseVersion'), form: outcomeForm(data) }),
  'sd.ack': (data: Data) => ({ ...at(data), answer: choice(ANSWERS, data, 'answer'), note: text(data.note) }),
  'sd.ack.view': at,
  'sd.tally.view': none,
  'sd.action.done': (data: Data) => ({ actionId: text(data.actionId) }),
  'sd.export': none,
  'sd.handover.open': none,
  'sd.handover.save': handoverRequest,
  'sd.difference': at,
  // Minutes
  'minutes.end': none,
  'minutes.open': none,
  'minutes.save': (data: Data) => ({ form: draftForm(data) }),
  'minutes.circulate': (data: Data) => ({ form: draftForm(data) }),
  'minutes.view': at,
  'minutes.confirm': at,
  'minutes.correct': (data: Data) => {
    const field = (f: CorrectionField) => text(data[f]);
    return { ...at(data), wrong: field('wrong'), shouldSay: field('shouldSay') };
  },
  'minutes.decide': (data: Data) => ({ id: correctionId(data, 'id'), accept: flag(data, 'accept'), reason: text(data['reason' satisfies DecisionField]) }),
  'minutes.difference': (data: Data) => ({ id: correctionId(data, 'id') }),
  // Referrals and serious incidents
  'ref.start': none,
  'ref.danger': (data: Data) => ({ danger: choice(DANGER, data, 'danger') }),
  'ref.resume': none,
  'ref.start-again': none,
  'ref.step': formStep,
  'ref.submit': (data: Data) => ({ draft: text(data.draft) }),
  'ref.decide': (data: Data) => ({
    outcome: choice(FRONT_DOOR_DECISIONS, data, 'outcome' satisfies ReviewField),
    rationale: text(data['rationale' satisfies ReviewField]),
  }),
  'ref.convene': none,
  'ref.view': none,
  'si.start': none,
  'si.step': formStep,
  'si.submit': none,
  'si.panel': clockDate,
  'si.review': clockDate,
  // Professional differences
  'pd.raise.open': none,
  'pd.raise': (data: Data) => ({ form: form<RaiseForm>(data) }),
  'pd.view': none,
  'pd.propose': stageText,
  'pd.accept': (data: Data) => ({ ...stage(data), proposalAt: text(data.proposalAt) }),
  'pd.escalate': stage,
  'pd.ask': stageText,
  'pd.answer': stageText,
  'pd.final': stageText,
  /** A page of the partnership's log of differences (no case: `ref` is absent). */
  'pd.log': (data: Data) => ({ page: count(data, 'page') }),
  // Case transfers
  'tr.start.open': none,
  'tr.start': (data: Data) => ({ form: form<StartForm>(data) }),
  'tr.view': none,
  'tr.answer': (data: Data) => ({
    answer: choice(TRANSFER_ANSWERS, data, 'answer'),
    date: date(data, 'date' satisfies AnswerField),
    text: text(data['text' satisfies AnswerField]),
  }),
  'tr.check': (data: Data) => ({ item: checklistItem(data, 'item') }),
  /** `date`: the receiving authority's proposed date, as the sender's card showed it. */
  'tr.date.agree': (data: Data) => ({ date: date(data, 'date') }),
  'tr.acceptance.open': (data: Data) => ({ how: choice(ACCEPTANCE_ROUTES, data, 'how') }),
  'tr.accept.code': (data: Data) => {
    const field = (f: AcceptanceField) => f;
    return { code: text(data[field('code')]).slice(0, 40), acceptedBy: text(data[field('acceptedBy')]), date: date(data, field('date')) };
  },
  'tr.accept.phone': (data: Data) => {
    const field = (f: AcceptanceField) => f;
    return { acceptedBy: text(data[field('acceptedBy')]), when: date(data, field('when')), date: date(data, field('date')) };
  },
  'tr.difference': none,
  /** `codes`: how many codes were issued when the card was drawn (a repeated click issues one). */
  'tr.code.new': (data: Data) => ({ codes: count(data, 'codes') }),
} satisfies Record<string, (data: Data) => object>;

export type Verb = keyof typeof VERBS;
export type VerbData = { [V in Verb]: ReturnType<(typeof VERBS)[V]> };

/** The verb's data, parsed: a value no card offers is refused here (cardInput). */
export function parse<V extends Verb>(verb: V, data: Data): VerbData[V] {
  return VERBS[verb](data) as VerbData[V];
}
