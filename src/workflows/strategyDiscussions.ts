/**
 * Strategy discussion use cases: load, decide (domain), save, then tell people. Each step checks
 * who may act, records an audit event, and answers with what the person should now see.
 */
import { randomUUID } from 'node:crypto';
import { acknowledge } from '../domain/acknowledgement';
import { convene, ConveneRequest } from '../domain/convening';
import { Actor } from './actor';
import { Workflow, WorkflowServices } from './workflow';
import { checkOutcome, markActionDone, recordAttendance, recordOutcome } from '../domain/outcome';
import { ANSWERS, Attendance, ATTENDANCE, attendees, CORE_ROLES, currentVersion, INVITATION_REPLIES, InvitationReply, mustBeChair, StrategyDiscussion } from '../domain/strategyDiscussion';
import { Invalid, Refused } from '../domain/refusals';
import { isChoice } from '../domain/choices';
import { ACTION_ROWS, StrategyCards } from '../cards/strategyCards';
import { DiscussionStore } from '../store/discussionStore';
import { Delivery, Reply as CardReply } from './ports';
import { exportRecord } from './recordExport';
import { RecordDocument } from '../documents/document';
import { minutesRecordLines } from './minutes/record';
import { MinutesStore } from '../store/minutesStore';
import { logger } from '../logger';

type Values = Record<string, string>;

const TALLY_DELAY_MS = 1000;

export class StrategyDiscussions extends Workflow {
  private readonly pendingTallies = new Map<string, NodeJS.Timeout>();

  constructor(
    services: WorkflowServices,
    private readonly store: DiscussionStore,
    private readonly cards: StrategyCards,
    private readonly minutes: MinutesStore,
  ) {
    super(services);
  }

  private async minutesLines(reference: string): Promise<string[]> {
    return minutesRecordLines(await this.minutes.get(reference), await this.minutes.confirmations(reference), this.directory, this.calendar, this.now());
  }

  private load(actor: Actor, reference: string, recent = false): Promise<StrategyDiscussion> {
    return this.access.load(actor, reference, recent);
  }

  private note(actor: Actor, subject: string, action: string, detail?: string): Promise<void> {
    return this.access.note(actor, subject, action, detail);
  }

  // ---- Convening ----

  conveneForm(actor: Actor): CardReply {
    if (!actor.person.roles.includes('chair')) {
      throw new Refused('not-chair', 'Only people with the chair role can convene a strategy discussion. Ask your team manager, or the partnership administrator to give you the role.');
    }
    return { card: this.cards.convene(actor.person) };
  }

  async convene(actor: Actor, form: Values): Promise<CardReply> {
    this.conveneForm(actor);
    const list = (k: string) => (form[k] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const invitees: ConveneRequest['invitees'] = { other: list('invite_other') };
    const reasons: ConveneRequest['reasons'] = {};
    for (const r of CORE_ROLES) {
      if (r.role !== 'referrer') invitees[r.role] = list(`invite_${r.role}`);
      reasons[r.role] = form[`reason_${r.role}`] ?? '';
    }
    const request: ConveneRequest = {
      chair: actor.person.aadObjectId,
      scheduledAt: form.date ? this.calendar.fromLocal(form.date, form.time || '00:00') : undefined,
      minuteTaker: form.minuteTaker ?? '',
      referrer: list('invite_referrer')[0],
      babyOrUnborn: form.babyOrUnborn === 'true',
      purpose: form.purpose ?? '',
      invitees,
      reasons,
    };
    let d: StrategyDiscussion;
    try {
      // Checked before a reference is spent, so a mistake does not leave a gap in the numbering.
      convene(request, 'SD-0000', this.directory, this.now());
    } catch (e) {
      if (e instanceof Invalid) return { card: this.cards.convene(actor.person, form, e.problems) };
      throw e;
    }
    const { reference, first } = await this.references.forForm('SD', form.formId || randomUUID());
    if (!first) {
      const existing = await this.store.get(reference);
      return existing ? { card: this.cards.convened(existing) } : { message: `This form was already submitted as ${reference}.` };
    }
    d = convene(request, reference, this.directory, this.now());
    await this.store.create(d);
    await this.note(actor, d.reference, 'convened', `${d.invitees.length} invited; ${d.omissions.length} core roles left out with a reason`);
    await this.outbox.sendAll(
      d.invitees.map((i) => ({
        key: `${d.reference}|invitation|${i.aadObjectId}`,
        subject: d.reference,
        to: { person: i.aadObjectId },
        message: { summary: `${d.reference}: you are invited to a strategy discussion`, card: this.cards.invitation(d, i.aadObjectId) },
        reportTo: [d.chair],
      })),
    );
    return { card: this.cards.convened(d) };
  }

  async replyToInvitation(actor: Actor, reference: string, reply: string): Promise<CardReply> {
    const d = await this.load(actor, reference);
    const me = actor.person.aadObjectId;
    if (!d.invitees.some((i) => i.aadObjectId === me)) throw new Refused('not-invitee', `Only the people invited to ${reference} can answer its invitation.`);
    if (!isChoice(INVITATION_REPLIES, reply) || reply === 'awaiting') throw new Invalid(['Choose one of the answers.']);
    // A row of its own, created once: sixty invitees answering at once never contend, and a
    // second click (or Teams delivering the click again) leaves the first answer standing.
    const awaiting = d.invitees.some((i) => i.aadObjectId === me && i.reply === 'awaiting');
    if (awaiting && (await this.store.addReply(reference, { aadObjectId: me, reply: reply as InvitationReply, at: this.now().toISOString() }))) {
      await this.note(actor, reference, 'invitation.answered', INVITATION_REPLIES[reply as InvitationReply]);
    }
    return { card: this.cards.invitation((await this.store.get(reference))!, me) };
  }

  // ---- Attendance and outcome (the chair) ----

  async attendanceForm(actor: Actor, reference: string): Promise<CardReply> {
    const d = await this.load(actor, reference);
    mustBeChair(d, actor.person.aadObjectId, 'record attendance');
    return { card: this.cards.attendance(d) };
  }

  async saveAttendance(actor: Actor, reference: string, form: Values): Promise<CardReply> {
    const d = await this.load(actor, reference);
    const attendance: Record<string, Attendance> = {};
    for (const i of d.invitees) {
      const value = form[`att_${i.aadObjectId}`];
      if (isChoice(ATTENDANCE, value)) attendance[i.aadObjectId] = value as Attendance;
    }
    let updated: StrategyDiscussion;
    try {
      updated = await this.store.update(reference, (cur) => recordAttendance(cur, actor.person.aadObjectId, attendance, this.now()));
    } catch (e) {
      if (e instanceof Invalid) return { card: this.cards.attendance(d, e.problems) };
      throw e;
    }
    await this.note(actor, reference, 'attendance.recorded', `${attendees(updated).length} attended besides the chair`);
    return { card: this.cards.outcomeForm(updated) };
  }

  async outcomeForm(actor: Actor, reference: string): Promise<CardReply> {
    const d = await this.load(actor, reference);
    mustBeChair(d, actor.person.aadObjectId, d.versions.length ? 'amend the outcome' : 'record the outcome');
    if (!d.attendance) return { card: this.cards.attendance(d, ['Record who attended first: they are the people who will acknowledge the outcome.']) };
    return { card: this.cards.outcomeForm(d) };
  }

  async saveOutcome(actor: Actor, reference: string, baseVersion: number, form: Values): Promise<CardReply> {
    const d = await this.load(actor, reference);
    mustBeChair(d, actor.person.aadObjectId, d.versions.length ? 'amend the outcome' : 'record the outcome');
    const latest = currentVersion(d)?.version ?? 0;
    if (baseVersion !== latest) {
      throw new Refused('old-version', `This form was opened on version ${baseVersion} of the outcome of ${reference}, but version ${latest} is now the latest. Open the form again from the latest card.`);
    }
    const input = {
      threshold: form.threshold ?? '',
      rationale: form.rationale ?? '',
      decision: form.decision ?? '',
      actions: Array.from({ length: ACTION_ROWS }, (_, i) => ({
        description: form[`action_${i + 1}_text`] ?? '',
        owner: form[`action_${i + 1}_owner`] ?? '',
        dueDate: form[`action_${i + 1}_due`] ?? '',
      })),
      contributions: form.contributions ?? '',
      familyShared: form.familyShared ?? '',
      familyDetail: form.familyDetail ?? '',
      followUpDate: form.followUpDate ?? '',
      amendmentReason: form.amendmentReason,
    };
    let updated: StrategyDiscussion;
    try {
      const outcome = checkOutcome(input, d, this.calendar.local(this.now()).toISODate()!);
      updated = recordOutcome(d, actor.person.aadObjectId, outcome, input.amendmentReason, this.now());
      // A new version is a row of its own, created once: of two saves on the same version, the second is refused.
      if (!(await this.store.addVersion(reference, currentVersion(updated)!))) {
        throw new Refused('old-version', `The outcome of ${reference} was changed while you were editing it. Open the form again.`);
      }
    } catch (e) {
      if (e instanceof Invalid) return { card: this.cards.outcomeForm(d, { ...form, threshold: form.threshold ?? '' }, e.problems) };
      throw e;
    }
    const v = currentVersion(updated)!;
    await this.note(actor, reference, v.version === 1 ? 'outcome.recorded' : 'outcome.amended', `version ${v.version}`);
    await this.askForAcknowledgement(updated);
    return { card: this.cards.tally(updated, await this.store.acknowledgements(reference), actor.userId) };
  }

  /** Sends the current version to every attendee and the live tally to the chair, and sets the chasers. */
  private async askForAcknowledgement(d: StrategyDiscussion): Promise<void> {
    const v = currentVersion(d)!;
    const t = this.directory.partnership.timescales;
    const sentAt = this.now();
    // In parallel: this runs inside the chair's card action, and Teams waits about 5 s.
    const deliveries: Delivery[] = await Promise.all(
      attendees(d).map(async (id) => {
        const base = { ref: d.reference, version: v.version, person: id };
        const [address] = await Promise.all([
          this.conversations.person(id),
          this.jobs.schedule({ id: `sd|${d.reference}|v${v.version}|remind-hours|${id}`, kind: 'sd.ack.remind', dueAt: this.calendar.addClockHours(sentAt, t.acknowledgementFirstReminderHours), payload: base }),
          this.jobs.schedule({ id: `sd|${d.reference}|v${v.version}|remind-next-day|${id}`, kind: 'sd.ack.remind', dueAt: this.calendar.startOfNextWorkingDay(sentAt), payload: base }),
          this.jobs.schedule({ id: `sd|${d.reference}|v${v.version}|manager|${id}`, kind: 'sd.ack.manager', dueAt: this.calendar.addWorkingDays(sentAt, t.acknowledgementManagerWorkingDays), payload: base }),
        ]);
        const headline = v.version === 1 ? `${d.reference}: the outcome needs your acknowledgement` : `${d.reference}: the outcome was amended and needs your acknowledgement again`;
        return {
          key: `${d.reference}|ack|v${v.version}|${id}`,
          subject: d.reference,
          to: { person: id },
          message: { summary: headline, card: this.cards.acknowledgement(d, v, { aadObjectId: id, userId: address?.userId }, undefined, { headline }) },
          reportTo: [d.chair],
        };
      }),
    );
    const chairUserId = (await this.conversations.person(d.chair))?.userId;
    deliveries.push({
      key: `${d.reference}|tally|v${v.version}`,
      subject: d.reference,
      to: { person: d.chair },
      message: { summary: `${d.reference}: acknowledgements of the outcome`, card: this.cards.tally(d, [], chairUserId) },
    });
    await Promise.all(
      v.outcome.actions.flatMap((a) => [
        this.jobs.schedule({ id: `sd|${d.reference}|v${v.version}|action-due|${a.id}`, kind: 'sd.action.due', dueAt: this.calendar.fromLocal(a.dueDate, t.startOfWorkingDay)!, payload: { ref: d.reference, version: v.version, actionId: a.id } }),
        this.jobs.schedule({ id: `sd|${d.reference}|v${v.version}|action-overdue|${a.id}`, kind: 'sd.action.overdue', dueAt: this.calendar.fromLocal(a.dueDate, t.endOfWorkingDay)!, payload: { ref: d.reference, version: v.version, actionId: a.id } }),
      ]),
    );
    if (v.outcome.followUpDate) {
      await this.jobs.schedule({
        id: `sd|${d.reference}|v${v.version}|follow-up`,
        kind: 'sd.followup.due',
        dueAt: this.calendar.fromLocal(v.outcome.followUpDate, t.startOfWorkingDay)!,
        payload: { ref: d.reference, version: v.version },
      });
    }
    await this.outbox.sendAll(deliveries);
  }

  // ---- Acknowledgement (each attendee) ----

  /**
   * The hot path: up to fifty people answer within seconds of the outcome arriving, and Teams
   * gives up after about five. A shared recent read of the discussion, then two writes: the
   * answer (409: already answered, the first answer stands) and its audit event.
   * Reminders are not cancelled here: each checks for an answer before it says anything.
   */
  async acknowledge(actor: Actor, reference: string, version: number, answer: string, note: string): Promise<CardReply> {
    const d = await this.load(actor, reference, true);
    const me = { aadObjectId: actor.person.aadObjectId, userId: actor.userId };
    let ack;
    try {
      ack = acknowledge(d, me.aadObjectId, version, answer, note ?? '', this.now());
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      const v = d.versions.find((x) => x.version === version)!;
      const already = await this.store.acknowledgement(reference, version, me.aadObjectId);
      return { card: this.cards.acknowledgement(d, v, me, already, already ? {} : { error: e.problems.join(' ') }) };
    }
    const v = currentVersion(d)!;
    if (!(await this.store.addAcknowledgement(reference, ack))) {
      // A second click, or Teams delivering the same action twice: show what was recorded.
      return { card: this.cards.acknowledgement(d, v, me, await this.store.acknowledgement(reference, version, me.aadObjectId)) };
    }
    await this.note(actor, reference, 'acknowledged', `version ${version}: ${ANSWERS[ack.answer]}`);
    this.tallyLater(reference, version);
    if (ack.answer === 'different') {
      await this.outbox.send({
        key: `${reference}|different|v${version}|${me.aadObjectId}`,
        subject: reference,
        to: { person: d.chair },
        message: {
          summary: `${reference}: ${actor.person.name} understood the outcome differently. The record now shows the outcome as disputed.`,
          detail: `What they understood: “${ack.note}”`,
        },
      });
    }
    return { card: this.cards.acknowledgement(d, v, me, ack) };
  }

  async viewAcknowledgement(actor: Actor, reference: string, version: number): Promise<CardReply> {
    const d = await this.load(actor, reference);
    const me = actor.person.aadObjectId;
    const v = d.versions.find((x) => x.version === version);
    if (!v) throw new Refused('old-version', `${reference} has no outcome version ${version}.`);
    if (!attendees(d).includes(me) && d.chair !== me) throw new Refused('not-attendee', `Only the people who attended ${reference} acknowledge its outcome.`);
    const ack = await this.store.acknowledgement(reference, version, me);
    return { card: this.cards.acknowledgement(d, v, { aadObjectId: me, userId: actor.userId }, ack) };
  }

  /**
   * The chair's tally message is derived from the answers, so its update need not be durable: it
   * waits a moment so a burst of answers is shown in one update, not fifty. If the service
   * restarts in between, the chair's card refreshes itself when opened, or with its Refresh button.
   */
  private tallyLater(reference: string, version: number): void {
    if (this.pendingTallies.has(reference)) return;
    const timer = setTimeout(() => {
      this.pendingTallies.delete(reference);
      this.refreshTally({ ref: reference, version }).catch((e: Error) => logger.warn('tally update failed', { error: e.message }));
    }, TALLY_DELAY_MS);
    this.pendingTallies.set(reference, timer);
  }

  /** On shutdown: drop tally updates not yet made (the chair's card refreshes itself when opened). */
  stop(): void {
    for (const t of this.pendingTallies.values()) clearTimeout(t);
    this.pendingTallies.clear();
  }

  async viewTally(actor: Actor, reference: string): Promise<CardReply> {
    const d = await this.load(actor, reference);
    mustBeChair(d, actor.person.aadObjectId, 'see the tally of acknowledgements');
    if (!currentVersion(d)) return { card: this.cards.convened(d) };
    return { card: this.cards.tally(d, await this.store.acknowledgements(reference), actor.userId) };
  }

  // ---- Actions ----

  async markActionDone(actor: Actor, reference: string, actionId: string): Promise<CardReply> {
    const d = await this.load(actor, reference);
    const marked = markActionDone(d, actor.person.aadObjectId, actionId, this.now());
    const done = currentVersion(marked)!.outcome.actions.find((a) => a.id === actionId)!.done!;
    if (marked !== d) await this.store.addActionDone(reference, { version: currentVersion(d)!.version, actionId, ...done });
    await this.note(actor, reference, 'action.done', actionId);
    return { card: this.cards.actionDue((await this.store.get(reference))!, actionId, `${reference}: action ${actionId} is done`) };
  }

  // ---- The record ----

  async record(actor: Actor, reference: string): Promise<CardReply> {
    const d = await this.load(actor, reference);
    await this.note(actor, reference, 'record.viewed');
    return { card: this.cards.record(d, await this.store.acknowledgements(reference), await this.minutesLines(reference)) };
  }

  async exportRecord(actor: Actor, reference: string): Promise<RecordDocument> {
    const d = await this.load(actor, reference);
    await this.note(actor, reference, 'record.exported');
    const minutes = await this.minutesLines(reference);
    return exportRecord(d, await this.store.acknowledgements(reference), minutes, await this.audit.trail(reference), this.directory, this.calendar);
  }

  // ---- Chasing (scheduled jobs) ----

  /** Is this person's answer to this version still missing, and is the version still current? */
  private async stillWaiting(ref: string, version: number, person: string): Promise<StrategyDiscussion | undefined> {
    const d = await this.store.get(ref);
    if (!d || currentVersion(d)?.version !== version) return undefined;
    return (await this.store.acknowledgement(ref, version, person)) ? undefined : d;
  }

  async remindToAcknowledge(p: { ref: string; version: number; person: string }, jobId: string): Promise<void> {
    const d = await this.stillWaiting(p.ref, p.version, p.person);
    if (!d) return;
    const userId = (await this.conversations.person(p.person))?.userId;
    const headline = `${p.ref}: reminder, the outcome still needs your acknowledgement`;
    await this.outbox.send({
      key: `${jobId}|message`,
      subject: p.ref,
      to: { person: p.person },
      message: { summary: headline, card: this.cards.acknowledgement(d, currentVersion(d)!, { aadObjectId: p.person, userId }, undefined, { headline }) },
      reportTo: [d.chair],
    });
  }

  async tellManagerOfSilence(p: { ref: string; version: number; person: string }, jobId: string): Promise<void> {
    const d = await this.stillWaiting(p.ref, p.version, p.person);
    if (!d) return;
    const who = this.directory.person(p.person);
    const manager = who && this.directory.manager(who);
    const to = manager?.aadObjectId ?? d.chair;
    await this.audit.record({ subject: p.ref, action: 'chased.manager', actorAadObjectId: p.person, detail: manager ? 'manager told' : 'no manager in the directory: chair told' });
    await this.outbox.send({
      key: `${jobId}|message`,
      subject: p.ref,
      to: { person: to },
      message: {
        summary: `${p.ref}: ${who?.name ?? 'An attendee'} has not acknowledged the outcome of a strategy discussion chaired by ${this.directory.person(d.chair)?.name}, sent ${this.calendar.describe(new Date(currentVersion(d)!.recordedAt))}. Please make sure they answer today.`,
      },
      reportTo: [d.chair],
    });
  }

  async refreshTally(p: { ref: string; version: number }): Promise<void> {
    const d = await this.store.get(p.ref);
    if (!d || currentVersion(d)?.version !== p.version) return;
    const chairUserId = (await this.conversations.person(d.chair))?.userId;
    await this.outbox.replace(p.ref, `${p.ref}|tally|v${p.version}`, {
      summary: `${p.ref}: acknowledgements of the outcome`,
      card: this.cards.tally(d, await this.store.acknowledgements(p.ref), chairUserId),
    });
  }

  async chaseAction(p: { ref: string; version: number; actionId: string }, overdue: boolean, jobId: string): Promise<void> {
    const d = await this.store.get(p.ref);
    const a = d && currentVersion(d)?.outcome.actions.find((x) => x.id === p.actionId);
    if (!d || !a || a.done || currentVersion(d)?.version !== p.version) return;
    if (!overdue) {
      const headline = `${p.ref}: action ${a.id} is due today`;
      await this.outbox.send({ key: `${jobId}|message`, subject: p.ref, to: { person: a.ownerAadObjectId }, message: { summary: headline, card: this.cards.actionDue(d, a.id, headline) }, reportTo: [d.chair] });
      return;
    }
    const owner = this.directory.person(a.ownerAadObjectId);
    const manager = owner && this.directory.manager(owner);
    const tell = [...new Set([d.chair, manager?.aadObjectId].filter((x): x is string => !!x))];
    await this.audit.record({ subject: p.ref, action: 'chased.action-overdue', actorAadObjectId: a.ownerAadObjectId, detail: a.id });
    await this.outbox.sendAll(
      tell.map((who) => ({
        key: `${jobId}|${who}`,
        subject: p.ref,
        to: { person: who },
        message: { summary: `${p.ref}: action ${a.id}, owned by ${owner?.name ?? 'someone'}, was due today and is not marked done.` },
      })),
    );
  }

  async remindFollowUp(p: { ref: string; version: number }, jobId: string): Promise<void> {
    const d = await this.store.get(p.ref);
    if (!d || currentVersion(d)?.version !== p.version) return;
    await this.outbox.send({
      key: `${jobId}|message`,
      subject: p.ref,
      to: { person: d.chair },
      message: { summary: `${p.ref}: the follow-up strategy discussion agreed for today is due. If it cannot happen, arrange cover now.` },
    });
  }
}
