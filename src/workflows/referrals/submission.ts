/**
 * Submitting a referral: it is stored under the reference of its draft BEFORE the draft is taken,
 * so a failure between the two leaves the draft, and submitting again finds the same referral
 * rather than losing it. Then the Front Door is told, and the decision deadline is set: the end
 * of the next working day, or for an urgent referral the partnership's working hours (4 by default).
 */
import { Referral } from '../../domain/referral';
import { Actor } from '../actor';
import { Workflow, WorkflowServices } from '../workflow';
import { FormSession } from './formSession';
import { ChannelReach, ReferralRepository } from './ports';
import { ReferralView, said } from './views';

const ALREADY = 'That referral was already submitted. Type "refer" to make another.';

export class ReferralSubmission extends Workflow {
  constructor(
    services: WorkflowServices,
    private readonly session: FormSession,
    private readonly store: ReferralRepository,
    private readonly channels: ChannelReach,
  ) {
    super(services);
  }

  async submit(actor: Actor): Promise<ReferralView> {
    const d = await this.session.draft(actor);
    if (!d) return said(ALREADY);
    const problems = this.session.problems(d);
    if (problems.length) return this.session.show({ ...d, step: 0 }, problems);
    const now = this.now();
    const { reference } = await this.references.forForm('REF', FormSession.idOf(d));
    const fresh: Referral = {
      reference,
      referrer: actor.person.aadObjectId,
      answers: d.answers,
      urgent: d.urgent,
      submittedAt: now.toISOString(),
      // Urgent (a child in immediate danger): hours of working time, not the next working day.
      decideBy: (d.urgent
        ? this.calendar.addWorkingHours(now, this.directory.partnership.timescales.frontDoorUrgentWorkingHours)
        : this.calendar.endOfWorkingDayAfter(now, 1)
      ).toISOString(),
    };
    // Submitted before, and the draft not taken (a failure, or a double click): that referral stands.
    const r = (await this.store.createReferral(fresh)) ? fresh : ((await this.store.referral(reference)) ?? fresh);
    if (!(await this.session.claim(actor))) return said(ALREADY);
    await this.access.note(actor, r.reference, 'referral.submitted', r.urgent ? 'urgent' : undefined);
    await this.jobs.schedule({ id: `ref|${r.reference}|deadline`, kind: 'ref.deadline', dueAt: new Date(r.decideBy), payload: { ref: r.reference } });
    // A referral must reach someone who can decide, at once: a channel Concord cannot post in yet is
    // not "sent", so then every Front Door person gets it in their own chat.
    const channel = this.directory.partnership.frontDoorChannelId;
    const inChannel = !!channel && (await this.channels.canReach(channel));
    const frontDoor = this.directory.withRole('front-door');
    await this.tell.tell(
      inChannel
        ? [
            {
              kind: 'ref.new',
              key: `${r.reference}|front-door`,
              about: r.reference,
              to: { channel },
              reportTo: frontDoor.map((p) => p.aadObjectId),
              referral: r,
            },
          ]
        : frontDoor.map((p) => ({
            kind: 'ref.new' as const,
            key: `${r.reference}|front-door|${p.aadObjectId}`,
            about: r.reference,
            to: { person: p.aadObjectId },
            referral: r,
          })),
    );
    const where = inChannel
      ? ''
      : ` Concord cannot post in the Front Door channel yet, so it was sent to each Front Door person directly (${frontDoor.map((p) => p.name).join(', ')}).`;
    // Out of hours the Front Door is closed: an urgent referral also goes to the emergency duty team by phone.
    const outOfHours =
      r.urgent && !this.calendar.isWorkingTime(now)
        ? ` The Front Door is closed now: call the emergency duty team on ${this.directory.partnership.emergency.outOfHoursNumber} as well.`
        : '';
    return said(
      `Your referral is ${r.reference}. The Front Door will decide ${this.calendar.phrase(new Date(r.decideBy), now)} and you will be told here. Quote ${r.reference}, not the child’s name, if you contact them.${where}${outOfHours}`,
    );
  }
}
