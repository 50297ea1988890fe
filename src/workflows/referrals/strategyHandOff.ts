/**
 * The hand-off from a Front Door "strategy discussion" decision to a chair (domain guide §5): the
 * chairs are told at once with a convene form filled in from the referral, a clock runs (the
 * partnership's working days, one by default; urgent: the same working day), and if nothing is
 * convened by then the Front Door managers and the chairs' managers are told. The discussion
 * convened from it is linked both ways, and the referrer and the Front Door are told.
 */
import { OpenElsewhere, openElsewhereOf } from '../../domain/openElsewhere';
import { Person } from '../../domain/directory';
import { linkDiscussion, Referral } from '../../domain/referral';
import { Refused } from '../../domain/refusals';
import { Workflow, WorkflowServices } from '../workflow';
import { Notice } from '../notices';
import { chaseEach } from '../cover';
import { ChannelReach, ReferralRepository } from './ports';
import { showFrontDoor } from './frontDoorCard';
import { CaseThreads } from '../governance/ports';

export class StrategyHandOff extends Workflow {
  constructor(
    services: WorkflowServices,
    private readonly store: ReferralRepository,
    private readonly channels: ChannelReach,
    private readonly threads: CaseThreads,
  ) {
    super(services);
  }

  /** The chairs who convene: those of the agency the partnership names, or every chair. */
  chairs(): Person[] {
    const all = this.directory.withRole('chair');
    const agency = this.directory.partnership.strategyChairsAgency;
    const named = agency ? all.filter((p) => p.agency === agency) : [];
    return named.length ? named : all;
  }

  /** When a chair must have convened it: urgent, the end of the working day it was decided in (or the next one, out of hours). */
  conveneBy(r: Referral, decidedAt: Date): Date {
    if (r.urgent) return this.calendar.endOfWorkingDayAfter(this.calendar.addWorkingHours(decidedAt, 0), 0);
    return this.calendar.endOfWorkingDayAfter(decidedAt, this.directory.partnership.timescales.strategyConveneWorkingDays);
  }

  /** Called once the decision is saved: the clock is set on the referral, the chairs told, the chase scheduled. */
  async decided(reference: string): Promise<Referral> {
    const r = await this.store.updateReferral(reference, (cur) =>
      cur.conveneBy ? cur : { ...cur, conveneBy: this.conveneBy(cur, new Date(cur.decision!.at)).toISOString() },
    );
    await this.jobs.schedule({ id: `ref|${reference}|convene-by`, kind: 'ref.convene.deadline', dueAt: new Date(r.conveneBy!), payload: { ref: reference } });
    const frontDoor = r.decision ? [r.decision.by] : [];
    await this.tell.tell(
      this.chairs().map((chair) => ({
        kind: 'ref.convene-needed' as const,
        key: `${reference}|convene|${chair.aadObjectId}`,
        about: reference,
        to: { person: chair.aadObjectId },
        reportTo: frontDoor,
        referral: r,
        chair,
      })),
    );
    return r;
  }

  /** The clock ran out with nothing convened: the Front Door managers and the chairs' managers are told. */
  async deadlinePassed(p: { ref: string }): Promise<void> {
    const r = await this.store.referral(p.ref);
    if (!r || r.discussion || r.decision?.outcome !== 'strategy-discussion') return;
    const frontDoorManagers = this.directory.withRole('front-door').filter((x) => x.roles.includes('manager'));
    const chairsManagers = this.chairs().map((c) => this.directory.manager(c) ?? c);
    // Someone away is covered (workflows/cover.ts): the chase reaches their cover and says why.
    const told = chaseEach({ directory: this.directory, calendar: this.calendar, now: this.now }, [
      ...new Set([...frontDoorManagers, ...chairsManagers].map((x) => x.aadObjectId)),
    ]);
    await this.audit.record({ subject: p.ref, action: 'referral.not-convened-at-deadline', detail: `${told.length} told` });
    await this.tell.tell(
      told.map(({ for: who, to, cover }) => ({ kind: 'ref.not-convened', key: `${p.ref}|not-convened|${who}`, about: p.ref, to, cover, referral: r })),
    );
  }

  /** Refused unless a chair may convene a discussion from this referral now. */
  async mayConvene(reference: string): Promise<void> {
    const r = /^REF-\d{4,}$/.test(reference) ? await this.store.referral(reference) : undefined;
    if (!r) throw new Refused('not-involved', `The Front Door has not decided on a strategy discussion for ${reference}, so none can be convened from it.`);
    linkDiscussion(r, { reference: 'a new one', chair: '', at: '' });
  }

  async openElsewhere(reference: string): Promise<OpenElsewhere | undefined> {
    const r = await this.store.referral(reference);
    return r && openElsewhereOf(r.answers);
  }

  /** The discussion is convened: the referral shows it, and the referrer and the Front Door are told. Idempotent. */
  async convened(reference: string, discussion: { reference: string; chair: string; convenedAt: string }): Promise<void> {
    const r = await this.store.updateReferral(reference, (cur) =>
      linkDiscussion(cur, { reference: discussion.reference, chair: discussion.chair, at: discussion.convenedAt }),
    );
    await this.audit.record({ subject: reference, action: 'referral.discussion-convened', actorAadObjectId: discussion.chair, detail: discussion.reference });
    // One child, one thread: the discussion is on the referral's thread.
    await this.threads.link(reference, discussion.reference, 'started-from');
    const channel = this.directory.partnership.frontDoorChannelId;
    const inChannel = !!channel && (await this.channels.canReach(channel));
    const frontDoor = this.directory.withRole('front-door').map((p) => p.aadObjectId);
    const notice = (key: string, to: Notice['to'], reportTo?: string[]): Notice => ({
      kind: 'ref.convened',
      key: `${reference}|convened|${key}`,
      about: reference,
      to,
      reportTo,
      referral: r,
    });
    await showFrontDoor({ tell: this.tell, directory: this.directory }, r);
    // The other chairs' convene cards say it is convened; the convening chair's card is their discussion now.
    await Promise.all(
      this.chairs()
        .filter((c) => c.aadObjectId !== discussion.chair)
        .map((c) =>
          this.tell.replace({
            kind: 'ref.convene-taken',
            key: `${reference}|convene|${c.aadObjectId}`,
            about: reference,
            to: { person: c.aadObjectId },
            referral: r,
          }),
        ),
    );
    await this.tell.tell([
      notice('referrer', { person: r.referrer }),
      ...(inChannel ? [notice('front-door', { channel }, frontDoor)] : frontDoor.map((id) => notice(id, { person: id }))),
    ]);
  }
}
