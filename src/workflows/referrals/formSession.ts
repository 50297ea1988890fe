/**
 * Walking a person through a form one card at a time: answers are saved at every step (a draft
 * survives closing Teams and a restart), checked before moving on, and reviewed before submit.
 */
import { randomUUID } from 'node:crypto';
import { WorkingCalendar } from '../../domain/calendar';
import { AnswerProblem, Answers, FormDefinition, problemsOfStep } from '../../domain/forms';
import { Draft } from '../../domain/referral';
import { Actor } from '../actor';
import { DraftRepository } from './ports';
import { FormKind, ReferralView, said } from './views';

export class FormSession {
  constructor(
    readonly form: FormDefinition,
    readonly kind: FormKind,
    private readonly store: DraftRepository,
    private readonly calendar: WorkingCalendar,
    private readonly now: () => Date,
  ) {}

  private get noun(): string {
    return this.kind === 'referral' ? 'referral' : 'serious incident';
  }

  draft(actor: Actor): Promise<Draft | undefined> {
    return this.store.draft(this.form.id, actor.person.aadObjectId);
  }

  /** The one filled-in form a draft is: its submissions share one reference. */
  static idOf(d: Draft): string {
    return d.id ?? `${d.formId}|${d.referrer}|${d.startedAt}`;
  }

  async start(actor: Actor, urgent: boolean): Promise<ReferralView> {
    const existing = await this.draft(actor);
    const now = this.now().toISOString();
    const d: Draft = existing
      ? { ...existing, urgent: existing.urgent || urgent, updatedAt: now }
      : { id: randomUUID(), referrer: actor.person.aadObjectId, formId: this.form.id, step: 0, answers: {}, urgent, startedAt: now, updatedAt: now };
    await this.store.saveDraft(d);
    return this.show(d);
  }

  show(draft: Draft, errors: AnswerProblem[] = []): ReferralView {
    return { kind: 'draft', form: this.kind, draft, errors };
  }

  /** The answers on the card are kept when the person goes on; "next" only when they pass. */
  async move(actor: Actor, values: Record<string, string>, move: string, fromStep: number): Promise<ReferralView> {
    const d = await this.draft(actor);
    if (!d) return said(`That ${this.noun} is no longer in progress (it was submitted, or never started). Type "refer" to start one.`);
    const step = this.form.steps[fromStep];
    const answers: Answers = { ...d.answers };
    // Teams leaves an emptied input out of the card's data: a question of this step with no value
    // was cleared, so it is cleared here too rather than keeping the old answer. Back sends no
    // answers at all (a required one may be empty): the step keeps what was saved.
    if (move !== 'back') for (const q of step?.questions ?? []) answers[q.id] = (values[q.id] ?? '').trim();
    const today = this.calendar.local(this.now()).toISODate()!;
    let next = d.step;
    let errors: AnswerProblem[] = [];
    if (move === 'back') next = Math.max(0, Math.min(fromStep, this.form.steps.length) - 1);
    else if (step) {
      errors = problemsOfStep(step, answers, today);
      next = errors.length ? fromStep : fromStep + 1;
    }
    const saved: Draft = { ...d, answers, step: next, updatedAt: this.now().toISOString() };
    await this.store.saveDraft(saved);
    return this.show(saved, errors);
  }

  /**
   * Everything checked again at submit: a draft edited across versions of the form cannot slip
   * through. Shown on the first step with a problem, each problem beside its question.
   */
  recheck(d: Draft): ReferralView | undefined {
    const today = this.calendar.local(this.now()).toISODate()!;
    const problems = this.form.steps.map((s) => problemsOfStep(s, d.answers, today));
    const step = problems.findIndex((p) => p.length > 0);
    return step < 0 ? undefined : this.show({ ...d, step }, problems.flat());
  }

  /** Takes the draft once its submission is stored; false when another submit (a double click) took it first. */
  claim(actor: Actor): Promise<boolean> {
    return this.store.claimDraft(this.form.id, actor.person.aadObjectId);
  }
}
