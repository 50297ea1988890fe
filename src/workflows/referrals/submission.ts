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
import { Receipt, ReferralView, said } from './views';
import { frontDoorCopies } from './frontDoorCard';
import { tryChannelLater } from './toChannel';
import { CaseThreads, NhsNumbers } from '../governance/ports';
import { nhsDigits } from '../../domain/nhsNumber';

const ALREADY = 'That referral was already submitted. Type "refer" to make another.';

export class ReferralSubmission extends Workflow {
  constructor(
    services: WorkflowServices,
    private readonly session: FormSession,
    private readonly store: ReferralRepository,
    private readonly channels: ChannelReach,
    private readonly governance: { threads: CaseThreads; nhsNumbers: NhsNumbers },
  ) {
    super(services);
  }

  /** `draftId`: the draft the card was for, so that a second click shows what the first one sent. */
  async submit(actor: Actor, draftId = ''): Promise<ReferralView> {
    const d = await this.session.draft(actor);
    if (!d) return (await this.submitted(actor, draftId)) ?? said(ALREADY);
    const problems = this.session.recheck(d);
    if (problems) return problems;
    const now = this.now();
    const { reference } = await this.references.forForm('REF', FormSession.idOf(d));
    const known = await this.knownCases(reference, d.answers.nhsNumber ?? '', now);
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
      ...(known.length ? { known } : {}),
    };
    // Submitted before, and the draft not taken (a failure, or a double click): that referral stands.
    const r = (await this.store.createReferral(fresh)) ? fresh : ((await this.store.referral(reference)) ?? fresh);
    if (!(await this.session.claim(actor))) return this.receipt(r);
    await this.access.note(actor, r.reference, 'referral.submitted', r.urgent ? 'urgent' : undefined);
    // The links the NHS number made are audited once, on both cases (never the number).
    for (const k of (r.known ?? []).filter((x) => x.at)) {
      await this.access.note(actor, r.reference, 'thread.linked', `linked to ${k.reference} by the same NHS number`);
      await this.audit.record({ subject: k.reference, action: 'thread.linked', detail: `linked to ${r.reference} by the same NHS number` });
    }
    await this.jobs.schedule({ id: `ref|${r.reference}|deadline`, kind: 'ref.deadline', dueAt: new Date(r.decideBy), payload: { ref: r.reference } });
    // A referral must reach someone who can decide, at once: a channel Concord cannot post in yet is
    // not "sent", so then every Front Door person gets it in their own chat.
    const channel = this.directory.partnership.frontDoorChannelId;
    const inChannel = !!channel && (await this.channels.canReach(channel));
    const frontDoor = this.directory.withRole('front-door');
    const receipt = await this.receipt(r);
    const copies = frontDoorCopies(this.directory, r.reference).filter((c) => 'channel' in c.to === inChannel);
    if (channel && !inChannel) await tryChannelLater(this.jobs, this.now(), r.reference, 1);
    await this.tell.tell(
      copies.map((c) => ({
        kind: 'ref.new' as const,
        about: r.reference,
        referral: r,
        reportTo: inChannel ? frontDoor.map((p) => p.aadObjectId) : undefined,
        ...c,
      })),
    );
    return receipt;
  }

  /** The referral this person already submitted from this draft, as its receipt. */
  private async submitted(actor: Actor, draftId: string): Promise<Receipt | undefined> {
    const reference = draftId ? await this.references.given('REF', draftId) : undefined;
    const r = reference ? await this.store.referral(reference) : undefined;
    return r && r.referrer === actor.person.aadObjectId ? this.receipt(r) : undefined;
  }

  private async receipt(r: Referral): Promise<Receipt> {
    const channel = this.directory.partnership.frontDoorChannelId;
    const inChannel = !!channel && (await this.channels.canReach(channel));
    return {
      kind: 'receipt',
      referral: r,
      frontDoorPeople: inChannel ? undefined : this.directory.withRole('front-door').map((p) => p.name),
      // Out of hours the Front Door is closed: an urgent referral also goes to the emergency duty team by phone.
      outOfHours: r.urgent && !this.calendar.isWorkingTime(new Date(r.submittedAt)),
    };
  }

  /**
   * One child, one thread: a referral giving an NHS number that an earlier case gave joins that
   * case's thread, and the Front Door is shown every case on it. Only a keyed hash of the number
   * is kept for matching (see governance/ports.ts).
   */
  private async knownCases(reference: string, nhsNumber: string, now: Date): Promise<{ reference: string; at?: string }[]> {
    const digits = nhsDigits(nhsNumber);
    if (!digits) return [];
    const { threads, nhsNumbers } = this.governance;
    const earlier = await nhsNumbers.remember(digits, reference, now.toISOString());
    for (const e of earlier) await threads.link(reference, e.reference, 'nhs-number');
    if (!earlier.length) return [];
    return (await threads.thread(reference)).map((ref) => ({ reference: ref, at: earlier.find((e) => e.reference === ref)?.at }));
  }
}
