/**
 * The convene and outcome forms, one phone-sized step at a time (as the referral is): each step's
 * answers are saved as the person's draft of that form for that case, so a card that drops or a
 * Teams closed half-way resumes where it was; a step is checked by the domain's own rules before
 * the next is shown, and the last step is a short review with the one button that does the thing.
 */
import { randomUUID } from 'node:crypto';
import { Draft } from '../../domain/referral';
import { FieldProblem, Invalid, Refused } from '../../domain/refusals';
import { Actor } from '../actor';
import type { ConveneField, FormValues, OutcomeField } from './forms';
import { FormDrafts } from './ports';

/** A card's values: an input left empty may be missing. */
type Values = Partial<Record<string, string>>;

export interface FormStep<F extends string> {
  title: string;
  fields: F[];
}

const roles = <R extends string>(...r: R[]) => r.flatMap((role) => [`invite_${role}` as const, `reason_${role}` as const]);

/** The convene form's question steps; the review follows them. */
export const CONVENE_STEPS: FormStep<ConveneField>[] = [
  {
    title: 'The discussion',
    fields: ['purpose', 'date', 'time', 'minuteTaker', 'babyOrUnborn', 'otherAuthority', 'otherAuthoritySince', 'otherAuthorityPlan', 'familyMoved'],
  },
  { title: 'Social care, police and health', fields: roles('social-care', 'police', 'health') },
  { title: 'GPs, health visitor and school', fields: roles('gp-child', 'gp-parents', 'health-visitor-midwife', 'education') },
  { title: 'The referrer and others', fields: [...roles('other-authority', 'referrer'), 'invite_other'] },
];

const actionRow = (n: number) => [`action_${n}_text`, `action_${n}_owner`, `action_${n}_due`] as const;

/** The outcome form's question steps; the review follows them. */
export const OUTCOME_STEPS: FormStep<OutcomeField>[] = [
  { title: 'Threshold and decision', fields: ['threshold', 'rationale', 'decision', 'noEnquiryReason'] },
  { title: 'Agreed actions', fields: [...actionRow(1), ...actionRow(2), ...actionRow(3)] },
  { title: 'More actions, and what each agency contributes', fields: [...actionRow(4), ...actionRow(5), 'contributions'] },
  { title: 'The family and the follow-up', fields: ['familyShared', 'familyDetail', 'followUpDate', 'followUpOwner', 'amendmentReason'] },
];

/** Steps in all, the review included: "Step 2 of 5". */
export const stepCount = (steps: FormStep<string>[]) => steps.length + 1;

/** Where a form is and what to show: the problems beside their inputs, and a line about the form as a whole. */
export interface StepState {
  draft: Draft;
  beside: FieldProblem[];
  errors: string[];
}

/** The first step asking for one of these problems' inputs (the review when none is asked on a step). */
function stepOfFirst(steps: FormStep<string>[], problems: FieldProblem[]): number {
  const at = steps.findIndex((s) => problems.some((p) => s.fields.includes(p.field)));
  return at < 0 ? steps.length : at;
}

export class FormSteps<F extends string> {
  constructor(
    readonly steps: FormStep<F>[],
    private readonly drafts: FormDrafts,
    private readonly now: () => Date,
  ) {}

  /** The person's draft of this form for this case (`key` names both), if one is in progress. */
  draft(key: string, actor: Actor): Promise<Draft | undefined> {
    return this.drafts.draft(key, actor.person.aadObjectId);
  }

  /** A new draft at the first step, filled in with what the form was opened with. */
  start(key: string, actor: Actor, values: Values, id: string = randomUUID()): Draft {
    const at = this.now().toISOString();
    const answers = Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined));
    return { id, referrer: actor.person.aadObjectId, formId: key, step: 0, answers, urgent: false, startedAt: at, updatedAt: at };
  }

  /** The draft, or a new one, saved and shown at its step. */
  async open(key: string, actor: Actor, prefill: () => Values): Promise<StepState> {
    const draft = (await this.draft(key, actor)) ?? this.start(key, actor, prefill());
    await this.drafts.saveDraft(draft);
    return { draft, beside: [], errors: [] };
  }

  /**
   * A step's card sent back: with Next its answers are kept (an emptied input, left out by Teams, is
   * cleared), and it moves on only when the step's own inputs pass `check`, onto the review only when
   * the whole form does (else to the first step with a problem, marked there); Back keeps the step
   * as it was saved.
   */
  async move(draft: Draft, step: number, move: 'next' | 'back', values: Values, check: (answers: FormValues) => Promise<FieldProblem[]>): Promise<StepState> {
    const answers: FormValues = { ...draft.answers };
    // Back sends no answers (Teams would not send them while a required one is empty): the step keeps what was saved.
    if (move === 'next') for (const f of this.steps[step]?.fields ?? []) answers[f] = (values[f] ?? '').trim();
    let next = Math.max(0, step - 1);
    let beside: FieldProblem[] = [];
    if (move === 'next') {
      const problems = await check(answers);
      const here = problems.filter((p) => this.steps[step]?.fields.includes(p.field as F));
      next = here.length ? step : step + 1;
      beside = here;
      if (next === this.steps.length && problems.length) {
        next = stepOfFirst(this.steps, problems);
        beside = problems.filter((p) => this.steps[next]?.fields.includes(p.field as F));
      }
    }
    const saved = { ...draft, answers, step: next, updatedAt: this.now().toISOString() };
    await this.drafts.saveDraft(saved);
    return { draft: saved, beside, errors: [] };
  }

  /** The whole form refused at the end: back to the step where the first problem is, marked beside its input. */
  async putRight(draft: Draft, e: Invalid, doing: string): Promise<StepState> {
    const step = stepOfFirst(this.steps, e.fields);
    const beside = e.fields.filter((p) => this.steps[step]?.fields.includes(p.field as F));
    const elsewhere = e.problems.filter((t) => !beside.some((p) => p.text === t));
    const saved = { ...draft, step, updatedAt: this.now().toISOString() };
    await this.drafts.saveDraft(saved);
    const errors = step < this.steps.length ? [`Before ${doing}, put right what is marked on this step.`, ...elsewhere] : elsewhere;
    return { draft: saved, beside, errors };
  }

  /** Taken once the thing is done: the draft is gone, and a second click finds none. */
  done(key: string, actor: Actor): Promise<boolean> {
    return this.drafts.claimDraft(key, actor.person.aadObjectId);
  }
}

/** A later step's card is only ever the person's own form in progress: anything else is an old card, or someone else's. */
export function notInProgress(what: string): Refused {
  return new Refused(
    'old-version',
    `This ${what} is not one you have in progress (it was sent, started again, or is someone else’s), so nothing was saved. Open the form again.`,
  );
}

/** The domain's check as problems, none when it passes. */
export async function problemsOf(check: () => unknown): Promise<FieldProblem[]> {
  try {
    await check();
    return [];
  } catch (e) {
    if (e instanceof Invalid) return e.fields;
    throw e;
  }
}
