/** The chair records attendance and the outcome (or amends it); owners mark actions done. */
import { Invalid, Refused } from '../../domain/refusals';
import { isChoice } from '../../domain/choices';
import { checkOutcome, markActionDone, OutcomeInput, recordAttendance, recordOutcome } from '../../domain/outcome';
import { Attendance, ATTENDANCE, attendees, currentVersion, mustBeChair, StrategyDiscussion } from '../../domain/strategyDiscussion';
import { Actor } from '../actor';
import { AttendanceField, OutcomeForm, outcomeInput, outcomeValues } from './forms';
import { FormSteps, notInProgress, OUTCOME_STEPS, problemsOf } from './formSteps';
import { Form } from '../forms';
import { actionCardKeys } from './notices';
import { askForAcknowledgement } from './requests';
import { StrategyUseCase } from './useCase';
import { StrategyView } from './views';

/** The key of the chair's outcome draft of a discussion; the draft names the version it amends under BASE. */
const draftKey = (reference: string) => `outcome|${reference}`;
const BASE = 'baseVersion';

export class Outcomes extends StrategyUseCase {
  private readonly steps = new FormSteps(OUTCOME_STEPS, this.ports.drafts, this.ports.now);

  async attendanceForm(actor: Actor, reference: string): Promise<StrategyView> {
    const d = await this.load(actor, reference);
    mustBeChair(d, actor.person.aadObjectId, 'record attendance');
    return { kind: 'attendance-form', discussion: d };
  }

  async saveAttendance(actor: Actor, reference: string, form: Form<AttendanceField>): Promise<StrategyView> {
    const d = await this.load(actor, reference);
    const attendance: Record<string, Attendance> = {};
    for (const i of d.invitees) {
      const value = form[`att_${i.aadObjectId}`];
      if (isChoice(ATTENDANCE, value)) attendance[i.aadObjectId] = value;
    }
    let updated: StrategyDiscussion;
    try {
      updated = await this.ports.discussions.update(reference, (cur) => recordAttendance(cur, actor.person.aadObjectId, attendance, this.now()));
    } catch (e) {
      if (e instanceof Invalid) return { kind: 'attendance-form', discussion: d, errors: e.problems };
      throw e;
    }
    await this.note(actor, reference, 'attendance.recorded', `${attendees(updated).length} attended besides the chair`);
    // Every invitation now says how its reader was recorded, with no reply left to give.
    await this.tell.replaceLater(
      updated.invitees.map(({ aadObjectId: invitee }) => ({
        kind: 'sd.invitation',
        key: `${reference}|invitation|${invitee}`,
        about: reference,
        to: { person: invitee },
        discussion: updated,
        invitee,
      })),
    );
    return this.open(actor, updated);
  }

  async outcomeForm(actor: Actor, reference: string): Promise<StrategyView> {
    const d = await this.load(actor, reference);
    mustBeChair(d, actor.person.aadObjectId, d.versions.length ? 'amend the outcome' : 'record the outcome');
    if (!d.attendance)
      return { kind: 'attendance-form', discussion: d, errors: ['Record who attended first: they are the people who will acknowledge the outcome.'] };
    return this.open(actor, d);
  }

  /** The chair's outcome form for the latest version, where they left it if they started it (filled in from the latest version when amending). */
  private async open(actor: Actor, d: StrategyDiscussion): Promise<StrategyView> {
    const key = draftKey(d.reference);
    const base = currentVersion(d)?.version ?? 0;
    const saved = await this.steps.draft(key, actor);
    // A draft begun on an earlier version is of no use now: the form starts again from the latest.
    if (saved && saved.answers[BASE] !== String(base)) await this.steps.done(key, actor);
    const prefill = () => ({ ...(base ? outcomeValues(currentVersion(d)!.outcome) : {}), [BASE]: String(base) });
    return { kind: 'outcome-form', discussion: d, ...(await this.steps.open(key, actor, prefill)) };
  }

  /** A step's card sent back: kept, checked, moved on or back. */
  async outcomeStep(actor: Actor, reference: string, baseVersion: number, step: number, move: 'next' | 'back', form: OutcomeForm): Promise<StrategyView> {
    const d = await this.load(actor, reference);
    mustBeChair(d, actor.person.aadObjectId, d.versions.length ? 'amend the outcome' : 'record the outcome');
    const draft = await this.steps.draft(draftKey(reference), actor);
    if (!draft || draft.answers[BASE] !== String(baseVersion) || baseVersion !== (currentVersion(d)?.version ?? 0)) throw notInProgress('outcome form');
    const today = this.ports.calendar.local(this.now()).toISODate()!;
    const moved = await this.steps.move(draft, step, move, form, async (answers) => problemsOf(() => checkOutcome(outcomeInput(answers), d, today)));
    return { kind: 'outcome-form', discussion: d, ...moved };
  }

  /**
   * Records a new version, then asks the attendees to acknowledge it. The version is on the record
   * first; if asking fails part-way, the same click again (same form, same values) finds its own
   * version and completes the asking instead of being refused as out of date.
   */
  async saveOutcome(actor: Actor, reference: string, baseVersion: number, card: OutcomeForm): Promise<StrategyView> {
    const d = await this.load(actor, reference);
    const me = actor.person.aadObjectId;
    mustBeChair(d, me, d.versions.length ? 'amend the outcome' : 'record the outcome');
    const key = draftKey(reference);
    const saved = await this.steps.draft(key, actor);
    // The answers are the chair's draft of this form; a card of the whole form (from before forms came in steps) is read as it is.
    const inProgress = saved && saved.id === card.formId && saved.answers[BASE] === String(baseVersion) ? saved : undefined;
    const form: OutcomeForm = inProgress ? inProgress.answers : card;
    const input = outcomeInput(form);
    const latest = currentVersion(d)?.version ?? 0;
    const v = currentVersion(d);
    if (!inProgress && card.formId && v?.version === baseVersion + 1 && v.recordedBy === me) {
      // The review's button again after its draft was taken by the save: that save is the answer.
      await this.noteVersion(actor, d, true);
      return this.ask(d);
    }
    if (baseVersion !== latest) {
      if (!this.isSameSave(d, me, baseVersion, input)) {
        throw new Refused(
          'old-version',
          `This form was opened on version ${baseVersion} of the outcome of ${reference}, but version ${latest} is now the latest. Open the form again from the latest card.`,
        );
      }
      await this.noteVersion(actor, d, true);
      const view = await this.ask(d);
      if (inProgress) await this.steps.done(key, actor);
      return view;
    }
    let updated: StrategyDiscussion;
    try {
      const outcome = checkOutcome(input, d, this.ports.calendar.local(this.now()).toISODate()!);
      updated = recordOutcome(d, me, outcome, input.amendmentReason, this.now());
      // A new version is a row of its own, created once: of two saves on the same version, the second is refused.
      if (!(await this.ports.discussions.addVersion(reference, currentVersion(updated)!))) {
        throw new Refused('old-version', `The outcome of ${reference} was changed while you were editing it. Open the form again.`);
      }
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      const draft = inProgress ?? this.steps.start(key, actor, { ...form, [BASE]: String(baseVersion) });
      return { kind: 'outcome-form', discussion: d, ...(await this.steps.putRight(draft, e, 'recording the outcome')) };
    }
    await this.noteVersion(actor, updated, false);
    const view = await this.ask(updated);
    if (inProgress) await this.steps.done(key, actor);
    return view;
  }

  private async ask(d: StrategyDiscussion): Promise<StrategyView> {
    await askForAcknowledgement(this.ports, d);
    return { kind: 'tally', discussion: d, acks: await this.ports.discussions.acknowledgements(d.reference) };
  }

  /** Audits the current version; on a retry only if the first attempt did not get that far. */
  private async noteVersion(actor: Actor, d: StrategyDiscussion, retry: boolean): Promise<void> {
    const v = currentVersion(d)!;
    const action = v.version === 1 ? 'outcome.recorded' : 'outcome.amended';
    const detail = `version ${v.version}`;
    if (retry && (await this.ports.audit.trail(d.reference)).some((e) => e.action === action && e.detail === detail)) {
      actor.recorded = d.reference;
      return;
    }
    await this.note(actor, d.reference, action, detail);
  }

  /** Is the latest version this chair's own save of exactly this form on top of `baseVersion`? */
  private isSameSave(d: StrategyDiscussion, me: string, baseVersion: number, input: OutcomeInput): boolean {
    const v = currentVersion(d);
    if (!v || v.version !== baseVersion + 1 || v.recordedBy !== me) return false;
    const before = { ...d, versions: d.versions.filter((x) => x.version <= baseVersion) };
    try {
      const outcome = checkOutcome(input, before, this.ports.calendar.local(new Date(v.recordedAt)).toISODate()!);
      const recorded = { ...v.outcome, actions: v.outcome.actions.map(({ done: _done, ...a }) => a) };
      const reason = baseVersion > 0 ? input.amendmentReason?.trim() : undefined;
      return JSON.stringify(outcome) === JSON.stringify(recorded) && (reason ?? '') === (v.amendmentReason ?? '');
    } catch (e) {
      if (e instanceof Invalid) return false;
      throw e;
    }
  }

  async markActionDone(actor: Actor, reference: string, actionId: string): Promise<StrategyView> {
    const d = await this.load(actor, reference);
    const marked = markActionDone(d, actor.person.aadObjectId, actionId, this.now());
    const done = currentVersion(marked)!.outcome.actions.find((a) => a.id === actionId)!.done!;
    if (marked !== d) await this.ports.discussions.addActionDone(reference, { version: currentVersion(d)!.version, actionId, ...done });
    await this.note(actor, reference, 'action.done', actionId);
    const now = (await this.ports.discussions.get(reference))!;
    // Every other card of the action (its reminder, a "now yours") says it is done, nothing to click.
    const owner = currentVersion(now)!.outcome.actions.find((a) => a.id === actionId)!.ownerAadObjectId;
    await Promise.all(
      actionCardKeys(now, actionId).map((key) =>
        this.tell.replace({ kind: 'sd.action-done', key, about: reference, to: { person: owner }, discussion: now, actionId }),
      ),
    );
    return { kind: 'action-done', discussion: now, actionId };
  }
}
