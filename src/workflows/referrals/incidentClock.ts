/**
 * The statutory clocks of a serious incident: the National Panel notified within 5 working days,
 * the rapid review within 15 working days of that notification. Each is recorded by a partnership
 * admin; the admins are reminded on the day it is due and told when it was missed.
 */
import { Invalid, Refused } from '../../domain/refusals';
import { RAPID_REVIEW_WORKING_DAYS, recordPanelNotification, recordRapidReview, SeriousIncident } from '../../domain/seriousIncident';
import { Actor } from '../actor';
import { chaseEach } from '../cover';
import { Workflow, WorkflowServices } from '../workflow';
import { IncidentClock } from './notices';
import { ReferralRepository } from './ports';
import { ReferralView, said } from './views';

export class IncidentClocks extends Workflow {
  constructor(
    services: WorkflowServices,
    private readonly store: ReferralRepository,
  ) {
    super(services);
  }

  /** A reminder at the start of the day it is due, and the deadline itself. */
  async schedule(si: SeriousIncident, which: IncidentClock, due: Date): Promise<void> {
    const reminder = this.calendar.fromLocal(this.calendar.local(due).toISODate()!, this.directory.partnership.timescales.startOfWorkingDay)!;
    await this.jobs.schedule({ id: `si|${si.reference}|${which}|remind`, kind: 'si.remind', dueAt: reminder, payload: { ref: si.reference, which } });
    await this.jobs.schedule({ id: `si|${si.reference}|${which}|due`, kind: 'si.due', dueAt: due, payload: { ref: si.reference, which } });
  }

  private async load(actor: Actor, reference: string): Promise<SeriousIncident> {
    const si = /^SI-\d{4,}$/.test(reference) ? await this.store.incident(reference) : undefined;
    if (!si || (si.raisedBy !== actor.person.aadObjectId && !actor.person.roles.includes('partnership-admin'))) {
      throw new Refused('not-involved', `You are not involved in ${reference}, so Concord cannot show it.`);
    }
    return si;
  }

  async view(actor: Actor, reference: string): Promise<ReferralView> {
    return { kind: 'incident', incident: await this.load(actor, reference), viewer: { admin: actor.person.roles.includes('partnership-admin') } };
  }

  async record(actor: Actor, reference: string, which: IncidentClock, date: string): Promise<ReferralView> {
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
      if (e instanceof Invalid) return said(e.problems.join(' '));
      throw e;
    }
    await this.access.note(actor, reference, which === 'panel' ? 'incident.panel-notified' : 'incident.rapid-review-completed', date);
    if (which === 'panel' && si.rapidReviewDueAt) await this.schedule(si, 'review', new Date(si.rapidReviewDueAt));
    await this.updateCards(si);
    return this.view(actor, reference);
  }

  /** Every admin's cards about the incident (alert, reminders, missed deadlines) show it as it now stands. */
  private async updateCards(si: SeriousIncident): Promise<void> {
    const keys = (id: string) => [
      `${si.reference}|reported|${id}`,
      ...(['panel', 'review'] as const).flatMap((w) => [`${si.reference}|${w}|remind|${id}`, `${si.reference}|${w}|missed|${id}`]),
    ];
    await Promise.all(
      this.admins().flatMap((id) =>
        keys(id).map((key) => this.tell.replace({ kind: 'si.reported', key, about: si.reference, to: { person: id }, incident: si })),
      ),
    );
  }

  /** Open: the clock is set and its step not yet recorded. */
  private async open(p: { ref: string; which: IncidentClock }): Promise<SeriousIncident | undefined> {
    const si = await this.store.incident(p.ref);
    return !si || (p.which === 'panel' ? si.panelNotifiedAt : si.rapidReviewCompletedAt) ? undefined : si;
  }

  async remind(p: { ref: string; which: IncidentClock }): Promise<void> {
    const si = await this.open(p);
    if (!si) return;
    await this.tell.tell(
      this.chased().map(({ for: id, to, cover }) => ({
        kind: 'si.reminder',
        key: `${si.reference}|${p.which}|remind|${id}`,
        about: si.reference,
        to,
        cover,
        incident: si,
        which: p.which,
      })),
    );
  }

  async due(p: { ref: string; which: IncidentClock }): Promise<void> {
    const si = await this.open(p);
    if (!si) return;
    await this.audit.record({ subject: p.ref, action: `incident.${p.which}-deadline-missed` });
    await this.tell.tell(
      this.chased().map(({ for: id, to, cover }) => ({
        kind: 'si.missed',
        key: `${si.reference}|${p.which}|missed|${id}`,
        about: si.reference,
        to,
        cover,
        incident: si,
        which: p.which,
      })),
    );
  }

  /** The admins, each through the cover rule: an admin who is away is chased at their cover. */
  private chased() {
    return chaseEach({ directory: this.directory, calendar: this.calendar, now: this.now }, this.admins());
  }

  admins(): string[] {
    return this.directory.withRole('partnership-admin').map((p) => p.aadObjectId);
  }
}
