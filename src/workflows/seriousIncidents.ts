/**
 * The serious-incident route: the partnership is alerted at once, and the statutory clock is
 * tracked: the National Panel notified within 5 working days, the rapid review completed within
 * 15 working days of that notification, with reminders and a record of whether each was met.
 */
import { Invalid, Refused } from '../domain/refusals';
import { PANEL_WORKING_DAYS, RAPID_REVIEW_WORKING_DAYS, recordPanelNotification, recordRapidReview, SeriousIncident } from '../domain/seriousIncident';
import { ReferralCards } from '../cards/referralCards';
import { ReferralStore } from '../store/referralStore';
import { Reply as CardReply } from './ports';
import { Actor } from './actor';
import { Workflow, WorkflowServices } from './workflow';
import { FormSession } from './formSession';

export class SeriousIncidents extends Workflow {
  constructor(
    services: WorkflowServices,
    private readonly session: FormSession,
    private readonly store: ReferralStore,
    private readonly cards: ReferralCards,
  ) {
    super(services);
  }

  start(actor: Actor): Promise<CardReply> {
    return this.session.start(actor, false);
  }

  step(actor: Actor, values: Record<string, string>, move: string, fromStep: number): Promise<CardReply> {
    return this.session.move(actor, values, move, fromStep);
  }

  private admins(): string[] {
    return this.directory.withRole('partnership-admin').map((p) => p.aadObjectId);
  }

  async submit(actor: Actor): Promise<CardReply> {
    const d = await this.session.draft(actor);
    if (!d) return { message: 'That serious incident was already reported.' };
    const problems = this.session.problems(d);
    if (problems.length) return this.session.show({ ...d, step: 0 }, problems);
    if (!(await this.session.claim(actor))) return { message: 'That serious incident was already reported.' };
    const now = this.now();
    const si: SeriousIncident = {
      reference: await this.references.next('SI'),
      raisedBy: actor.person.aadObjectId,
      answers: d.answers,
      raisedAt: now.toISOString(),
      panelDueAt: this.calendar.endOfWorkingDayAfter(now, PANEL_WORKING_DAYS).toISOString(),
      log: [{ at: now.toISOString(), by: actor.person.aadObjectId, what: 'Reported' }],
    };
    await this.store.createIncident(si);
    await this.access.note(actor, si.reference, 'incident.reported');
    await this.scheduleClock(si, 'panel', new Date(si.panelDueAt));
    await this.alertAdmins(si, `${si.reference}: serious incident reported; the National Panel must be notified ${this.calendar.phrase(new Date(si.panelDueAt), now)}`, 'reported');
    return { message: `Reported as ${si.reference}. The partnership has been alerted; the National Panel must be notified ${this.calendar.phrase(new Date(si.panelDueAt), now)}.` };
  }

  private async scheduleClock(si: SeriousIncident, which: 'panel' | 'review', due: Date): Promise<void> {
    const reminder = this.calendar.fromLocal(this.calendar.local(due).toISODate()!, this.directory.partnership.timescales.startOfWorkingDay)!;
    await this.jobs.schedule({ id: `si|${si.reference}|${which}|remind`, kind: 'si.remind', dueAt: reminder, payload: { ref: si.reference, which } });
    await this.jobs.schedule({ id: `si|${si.reference}|${which}|due`, kind: 'si.due', dueAt: due, payload: { ref: si.reference, which } });
  }

  private async alertAdmins(si: SeriousIncident, summary: string, key: string): Promise<void> {
    await this.outbox.sendAll(
      this.admins().map((id) => ({
        key: `${si.reference}|${key}|${id}`,
        subject: si.reference,
        to: { person: id },
        message: { summary, card: this.cards.incident(this.session.form, si, { admin: true }, this.now()) },
      })),
    );
  }

  private async load(actor: Actor, reference: string): Promise<SeriousIncident> {
    const si = /^SI-\d{4,}$/.test(reference) ? await this.store.incident(reference) : undefined;
    if (!si || (si.raisedBy !== actor.person.aadObjectId && !actor.person.roles.includes('partnership-admin'))) {
      throw new Refused('not-involved', `You are not involved in ${reference}, so Concord cannot show it.`);
    }
    return si;
  }

  async view(actor: Actor, reference: string): Promise<CardReply> {
    const si = await this.load(actor, reference);
    return { card: this.cards.incident(this.session.form, si, { admin: actor.person.roles.includes('partnership-admin') }, this.now()) };
  }

  async record(actor: Actor, reference: string, which: 'panel' | 'review', date: string): Promise<CardReply> {
    await this.load(actor, reference);
    const at = date ? this.calendar.fromLocal(date, this.calendar.local(this.now()).toFormat('HH:mm')) : undefined;
    let si: SeriousIncident;
    try {
      if (!at) throw new Invalid(['Give the date.']);
      if (at.getTime() > this.now().getTime() + 60_000) throw new Invalid(['The date cannot be in the future.']);
      si = await this.store.updateIncident(reference, (cur) =>
        which === 'panel'
          ? recordPanelNotification(cur, actor.person, date, at, (from) => this.calendar.endOfWorkingDayAfter(from, RAPID_REVIEW_WORKING_DAYS))
          : recordRapidReview(cur, actor.person, at),
      );
    } catch (e) {
      if (e instanceof Invalid) return { message: e.problems.join(' ') };
      throw e;
    }
    await this.access.note(actor, reference, which === 'panel' ? 'incident.panel-notified' : 'incident.rapid-review-completed', date);
    if (which === 'panel' && si.rapidReviewDueAt) await this.scheduleClock(si, 'review', new Date(si.rapidReviewDueAt));
    return this.view(actor, reference);
  }

  async remind(p: { ref: string; which: 'panel' | 'review' }): Promise<void> {
    const si = await this.store.incident(p.ref);
    if (!si || (p.which === 'panel' ? si.panelNotifiedAt : si.rapidReviewCompletedAt)) return;
    const due = p.which === 'panel' ? si.panelDueAt : si.rapidReviewDueAt!;
    const what = p.which === 'panel' ? 'the National Panel must be notified' : 'the rapid review must be completed';
    await this.alertAdmins(si, `${p.ref}: reminder, ${what} ${this.calendar.phrase(new Date(due), this.now())}`, `${p.which}|remind`);
  }

  async due(p: { ref: string; which: 'panel' | 'review' }): Promise<void> {
    const si = await this.store.incident(p.ref);
    if (!si || (p.which === 'panel' ? si.panelNotifiedAt : si.rapidReviewCompletedAt)) return;
    const what = p.which === 'panel' ? 'The National Panel has not been notified' : 'The rapid review has not been completed';
    await this.audit.record({ subject: p.ref, action: `incident.${p.which}-deadline-missed` });
    await this.alertAdmins(si, `${p.ref}: ${what} and the statutory deadline has passed. The record shows it as missed.`, `${p.which}|missed`);
  }
}
