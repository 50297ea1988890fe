/**
 * The strategy discussion's scheduled chasers. Each checks the record before it says anything, so
 * a job that runs twice, or late, or after the answer came, does no harm.
 */
import { currentVersion, pendingFollowUp, StrategyDiscussion } from '../../domain/strategyDiscussion';
import { chaseEach, chaseTo } from '../cover';
import { PersonChase } from '../jobs';
import { StrategyUseCase } from './useCase';

export class StrategyChasers extends StrategyUseCase {
  /** The discussion, if this person's answer to this version is still missing and the version still current. */
  private async stillWaiting(ref: string, version: number, person: string): Promise<StrategyDiscussion | undefined> {
    const d = await this.ports.discussions.get(ref);
    if (!d || currentVersion(d)?.version !== version) return undefined;
    return (await this.ports.discussions.acknowledgement(ref, version, person)) ? undefined : d;
  }

  async remindToAcknowledge(p: PersonChase, jobId: string): Promise<void> {
    const d = await this.stillWaiting(p.ref, p.version, p.person);
    if (!d) return;
    await this.tell.tell([
      {
        kind: 'sd.ack-request',
        key: `${jobId}|message`,
        about: p.ref,
        ...chaseTo(this.ports, p.person),
        reportTo: [d.chair],
        discussion: d,
        person: p.person,
        asked: 'reminder',
      },
    ]);
  }

  /** After the working days allowed, the silent attendee's manager is told (the chair, when the directory names none). */
  async tellManagerOfSilence(p: PersonChase, jobId: string): Promise<void> {
    const d = await this.stillWaiting(p.ref, p.version, p.person);
    if (!d) return;
    const { directory } = this.ports;
    const who = directory.person(p.person);
    const manager = who && directory.manager(who);
    await this.ports.audit.record({
      subject: p.ref,
      action: 'chased.manager',
      actorAadObjectId: p.person,
      detail: manager ? 'manager told' : 'no manager in the directory: chair told',
    });
    await this.tell.tell([
      {
        kind: 'sd.silence',
        key: `${jobId}|message`,
        about: p.ref,
        ...chaseTo(this.ports, manager?.aadObjectId ?? d.chair),
        reportTo: [d.chair],
        discussion: d,
        person: p.person,
      },
    ]);
  }

  /** On the due date the owner is reminded; at its end, if not done, the chair and the owner's manager are told. */
  async chaseAction(p: { ref: string; version: number; actionId: string }, overdue: boolean, jobId: string): Promise<void> {
    const d = await this.ports.discussions.get(p.ref);
    const a = d && currentVersion(d)?.outcome.actions.find((x) => x.id === p.actionId);
    if (!d || !a || a.done || currentVersion(d)?.version !== p.version) return;
    if (!overdue) {
      await this.tell.tell([
        {
          kind: 'sd.action-due',
          key: `${jobId}|message`,
          about: p.ref,
          ...chaseTo(this.ports, a.ownerAadObjectId),
          reportTo: [d.chair],
          discussion: d,
          actionId: a.id,
        },
      ]);
      return;
    }
    const { directory } = this.ports;
    const owner = directory.person(a.ownerAadObjectId);
    const manager = owner && directory.manager(owner);
    const told = chaseEach(
      this.ports,
      [d.chair, manager?.aadObjectId].filter((x): x is string => !!x),
    );
    await this.ports.audit.record({ subject: p.ref, action: 'chased.action-overdue', actorAadObjectId: a.ownerAadObjectId, detail: a.id });
    await this.tell.tell(
      told.map(({ for: who, ...to }) => ({
        kind: 'sd.action-overdue' as const,
        key: `${jobId}|${who}`,
        about: p.ref,
        to: to.to,
        cover: to.cover,
        actionId: a.id,
        owner: a.ownerAadObjectId,
      })),
    );
  }

  /** The follow-up still to be convened from this version of the outcome, if it is. */
  private async followUpPending(p: { ref: string; version: number }) {
    const d = await this.ports.discussions.get(p.ref);
    const pending = d && currentVersion(d)?.version === p.version ? pendingFollowUp(d) : undefined;
    return d && pending ? { d, ...pending } : undefined;
  }

  /** A working day before the follow-up's date, and on the day: its owner, with the offer to convene it. */
  async remindFollowUp(p: { ref: string; version: number }, jobId: string, today = true): Promise<void> {
    const f = await this.followUpPending(p);
    if (!f) return;
    await this.tell.tell([
      {
        kind: 'sd.follow-up-due',
        key: `${jobId}|message`,
        about: p.ref,
        ...chaseTo(this.ports, f.owner),
        reportTo: [f.d.chair],
        discussion: f.d,
        date: f.date,
        today,
      },
    ]);
  }

  /** The follow-up's date passed with nothing convened: the chair's manager (step 1), then theirs (step 2). */
  async followUpMissed(p: { ref: string; version: number; step: 1 | 2 }, jobId: string): Promise<void> {
    const f = await this.followUpPending(p);
    if (!f) return;
    const told = this.above(f.d.chair, p.step);
    await this.ports.audit.record({ subject: p.ref, action: 'chased.follow-up-missed', detail: `step ${p.step}` });
    await this.tell.tell(
      chaseEach(this.ports, told).map(({ for: who, to, cover }) => ({
        kind: 'sd.follow-up-missed' as const,
        key: `${jobId}|${who}`,
        addressedTo: who,
        about: p.ref,
        to,
        cover,
        discussion: f.d,
        date: f.date,
        step: p.step,
      })),
    );
  }

  /** The discussion's time passed and no outcome is recorded: the chair and their manager (step 1), then the manager's manager (step 2). */
  async notHeld(p: { ref: string; step: 1 | 2 }, jobId: string): Promise<void> {
    const d = await this.ports.discussions.get(p.ref);
    if (!d || d.versions.length > 0) return;
    const told = p.step === 1 ? [d.chair, ...this.above(d.chair, 1)] : this.above(d.chair, 2);
    if (p.step === 1) {
      const next = this.ports.calendar.addWorkingDays(this.now(), 1);
      await this.ports.schedule.schedule({ id: `sd|${p.ref}|not-held|2`, kind: 'sd.not-held', dueAt: next, payload: { ref: p.ref, step: 2 } });
    }
    await this.ports.audit.record({ subject: p.ref, action: 'chased.not-held', detail: `step ${p.step}` });
    await this.tell.tell(
      chaseEach(this.ports, [...new Set(told)]).map(({ for: who, to, cover }) => ({
        kind: 'sd.not-held' as const,
        key: `${jobId}|${who}`,
        addressedTo: who,
        about: p.ref,
        to,
        cover,
        discussion: d,
        step: p.step,
      })),
    );
  }

  /**
   * Who hears when the chair's hand-off slips: their manager (step 1), their manager's manager
   * (step 2); with nobody above in the directory, the partnership admins, so it never goes unheard.
   */
  private above(chair: string, step: 1 | 2): string[] {
    const { directory } = this.ports;
    let who = directory.person(chair);
    for (let i = 0; i < step && who; i++) who = directory.manager(who);
    return who ? [who.aadObjectId] : directory.administrators().map((a) => a.aadObjectId);
  }
}
