/**
 * Retention by rule: once a day, what has outlived the partnership's rule is deleted, leaving a
 * tombstone, and audited. A child's thread goes together (its last step counts for every case on
 * it), and a legal hold on any case of the thread keeps the whole thread.
 */
import { DEFAULT_RETENTION, expiresAt, RetentionRules, ruleInWords } from '../../domain/retention';
import { Refused } from '../../domain/refusals';
import { isCaseReference } from '../../domain/caseReference';
import { FIELDS, tooLong } from '../../domain/limits';
import { Actor } from '../actor';
import { GovernancePorts } from './governancePorts';
import { activityOf, eraseThread } from './erasure';

/** The nightly run: 02:00 in the partnership's zone, out of working hours. */
const RUN_AT_HOUR = 2;

export class Retention {
  constructor(private readonly p: GovernancePorts) {}

  get rules(): RetentionRules {
    return { ...DEFAULT_RETENTION, ...this.p.directory.partnership.retention };
  }

  /** The next nightly run, scheduled once whatever the number of instances (the job id is the day). */
  async scheduleNext(): Promise<void> {
    const local = this.p.calendar.local(this.p.now());
    let at = local.set({ hour: RUN_AT_HOUR, minute: 0, second: 0, millisecond: 0 });
    if (at <= local) at = at.plus({ days: 1 });
    await this.p.schedule.schedule({
      id: `retention|${at.toISODate()}`,
      kind: 'governance.retention',
      dueAt: at.toJSDate(),
      payload: { day: at.toISODate()! },
    });
  }

  /** Deletes what has expired; the next run is scheduled even if this one fails part way (it is retried). */
  async run(): Promise<{ drafts: number; cases: number }> {
    await this.scheduleNext();
    return { drafts: await this.expireDrafts(), cases: await this.expireCases() };
  }

  private async expireDrafts(): Promise<number> {
    const rules = this.rules;
    const why = `deleted under the retention rule "${ruleInWords('draftDays', rules)}"`;
    let n = 0;
    for (const d of await this.p.drafts.all()) {
      if (expiresAt(new Date(d.updatedAt), rules.draftDays) > this.p.now()) continue;
      await this.p.drafts.remove(d.formId, d.referrer);
      const reference = `draft ${d.id}`;
      await this.p.records.bury({
        reference,
        type: d.formId === 'referral' ? 'unsubmitted referral' : `unsubmitted ${d.formId} form`,
        opened: d.startedAt,
        lastActivity: d.updatedAt,
        deletedAt: this.p.now().toISOString(),
        why,
      });
      await this.p.audit.record({
        subject: 'retention',
        action: 'retention.deleted',
        detail: `a form (${d.formId}) started ${d.startedAt.slice(0, 10)} ${why}`,
      });
      n++;
    }
    return n;
  }

  private async expireCases(): Promise<number> {
    const rules = this.rules;
    const why = `deleted under the retention rule "${ruleInWords('caseDays', rules)}"`;
    const held = new Set((await this.p.records.holds()).map((h) => h.reference));
    const seen = new Set<string>();
    let n = 0;
    for (const reference of await this.p.cases.references()) {
      if (seen.has(reference)) continue;
      const thread = [reference, ...(await this.p.threads.thread(reference))];
      for (const r of thread) seen.add(r);
      if (thread.some((r) => held.has(r))) continue;
      const lasts = await Promise.all(thread.map(async (r) => activityOf(await this.p.audit.trail(r)).last));
      // A case with no recorded step is not judged: nothing says when it was last used.
      if (lasts.some((l) => !l)) continue;
      const last = new Date(Math.max(...lasts.map((l) => new Date(l!).getTime())));
      if (expiresAt(last, rules.caseDays) > this.p.now()) continue;
      const erased = await eraseThread(this.p, thread, why, { action: 'retention.deleted' });
      if ('rows' in erased) n += thread.length;
    }
    return n;
  }

  async hold(actor: Actor, reference: string, reason: string): Promise<string> {
    this.mustBeAdmin(actor, 'hold');
    await this.mustExist(reference);
    if (!reason.trim()) return `Say why ${reference} is on hold: hold ${reference} <the reason, e.g. a review or court proceedings>.`;
    const long = tooLong(FIELDS.holdReason, reason);
    if (long) return long;
    const already = await this.p.records.hold({ reference, reason: reason.trim(), by: actor.person.aadObjectId, at: this.p.now().toISOString() });
    if (already) {
      const by = this.p.directory.person(already.by)?.name ?? 'an administrator no longer in the directory';
      return `${reference} is already on legal hold, placed ${this.p.calendar.describe(new Date(already.at))} by ${by}. Its reason is unchanged; to change it, lift the hold ("lift hold ${reference}") and place it again.`;
    }
    // A deletion under way read the holds before this one: withdraw it rather than promise a hold
    // on records that are going (the deletion, seeing it, may stop too: then nothing is lost).
    // Or one began and ended since the case was found: it is gone, and so is the point of the hold.
    const erasing = await this.p.records.erasing(reference, this.p.now());
    if (erasing || !(await this.p.cases.rows(reference)).length) {
      await this.p.records.lift(reference);
      await this.note(actor, reference, 'refused.erasing', 'hold not placed: the case was being deleted or erased');
      return `${reference} is being deleted or erased at this moment, so the hold was not placed. If Concord still has it in a few minutes, place the hold again; if it went, its tombstone says so.`;
    }
    // The reason stays with the hold: typed text never goes into the audit trail.
    await this.note(actor, reference, 'hold.placed');
    const thread = await this.p.threads.thread(reference);
    return `${reference} is on legal hold: nothing on its thread${thread.length ? ` (${thread.join(', ')})` : ''} is deleted or erased until the hold is lifted ("lift hold ${reference}").`;
  }

  async lift(actor: Actor, reference: string): Promise<string> {
    this.mustBeAdmin(actor, 'lift hold');
    if (!isCaseReference(reference) || !(await this.p.records.lift(reference))) return `${reference} is not on legal hold.`;
    await this.note(actor, reference, 'hold.lifted');
    return `The legal hold on ${reference} is lifted: its retention rule applies again.`;
  }

  private async note(actor: Actor, subject: string, action: string, detail?: string): Promise<void> {
    await this.p.audit.record({ subject, action, actorAadObjectId: actor.person.aadObjectId, tenantId: actor.tenantId, activityId: actor.activityId, detail });
  }

  private mustBeAdmin(actor: Actor, what: string): void {
    if (!actor.person.roles.includes('partnership-admin')) throw new Refused('not-admin', 'Only partnership administrators can do that.', what);
  }

  private async mustExist(reference: string): Promise<void> {
    if (!isCaseReference(reference) || !(await this.p.cases.rows(reference)).length)
      throw new Refused('not-involved', `Concord holds no case ${reference}.`, `asked for a case not held`);
  }
}
