/**
 * Reporting a serious incident: the form one step at a time, then the partnership admins are
 * alerted at once and the National Panel clock starts. As with a referral, the incident is stored
 * before its draft is taken, so a failure in between loses nothing.
 */
import { PANEL_WORKING_DAYS, SeriousIncident } from '../../domain/seriousIncident';
import { Actor } from '../actor';
import { Workflow, WorkflowServices } from '../workflow';
import { FormSession } from './formSession';
import { IncidentClocks } from './incidentClock';
import { ReferralRepository } from './ports';
import { ReferralView, said } from './views';

const ALREADY = 'That serious incident was already reported.';

export class IncidentReport extends Workflow {
  constructor(
    services: WorkflowServices,
    private readonly session: FormSession,
    private readonly store: ReferralRepository,
    private readonly clocks: IncidentClocks,
  ) {
    super(services);
  }

  start(actor: Actor): Promise<ReferralView> {
    return this.session.start(actor, false);
  }

  step(actor: Actor, values: Record<string, string>, move: string, fromStep: number): Promise<ReferralView> {
    return this.session.move(actor, values, move, fromStep);
  }

  async submit(actor: Actor): Promise<ReferralView> {
    const d = await this.session.draft(actor);
    if (!d) return said(ALREADY);
    const problems = this.session.recheck(d);
    if (problems) return problems;
    const now = this.now();
    const { reference } = await this.references.forForm('SI', FormSession.idOf(d));
    const fresh: SeriousIncident = {
      reference,
      raisedBy: actor.person.aadObjectId,
      answers: d.answers,
      raisedAt: now.toISOString(),
      // Working Together: the 5 working days run from when the local authority became aware.
      panelDueAt: this.calendar.endOfWorkingDayAfter(this.awareAt(d.answers.awareDate, now), PANEL_WORKING_DAYS).toISOString(),
      log: [{ at: now.toISOString(), by: actor.person.aadObjectId, what: 'Reported' }],
    };
    const si = (await this.store.createIncident(fresh)) ? fresh : ((await this.store.incident(reference)) ?? fresh);
    if (!(await this.session.claim(actor))) return said(ALREADY);
    await this.access.note(actor, si.reference, 'incident.reported');
    await this.clocks.schedule(si, 'panel', new Date(si.panelDueAt));
    await this.tell.tell(
      this.clocks.admins().map((id) => ({ kind: 'si.reported', key: `${si.reference}|reported|${id}`, about: si.reference, to: { person: id }, incident: si })),
    );
    const due = new Date(si.panelDueAt);
    const late = due.getTime() < now.getTime() ? ' That deadline has already passed: notify the Panel today.' : '';
    return said(`Reported as ${si.reference}. The partnership has been alerted; the National Panel must be notified ${this.calendar.phrase(due, now)}.${late}`);
  }

  /** When the authority became aware, as the form gives it; today when left empty. */
  private awareAt(date: string | undefined, now: Date): Date {
    if (!date || date >= this.calendar.local(now).toISODate()!) return now;
    return this.calendar.fromLocal(date, this.directory.partnership.timescales.startOfWorkingDay)!;
  }
}
