/** A referral still undecided at its deadline: the Front Door managers (or, with none, the Front Door) are chased. */
import { chaseEach } from '../cover';
import { Workflow, WorkflowServices } from '../workflow';
import { ReferralRepository } from './ports';

export class UndecidedReferrals extends Workflow {
  constructor(
    services: WorkflowServices,
    private readonly store: ReferralRepository,
  ) {
    super(services);
  }

  async deadlinePassed(p: { ref: string }): Promise<void> {
    const r = await this.store.referral(p.ref);
    if (!r || r.decision) return;
    const managers = this.directory.withRole('front-door').filter((x) => x.roles.includes('manager'));
    const chased = managers.length ? managers : this.directory.withRole('front-door');
    await this.audit.record({ subject: p.ref, action: 'referral.undecided-at-deadline' });
    await this.tell.tell(
      chaseEach(
        { directory: this.directory, calendar: this.calendar, now: this.now },
        chased.map((m) => m.aadObjectId),
      ).map(({ for: who, to, cover }) => ({ kind: 'ref.undecided', key: `${p.ref}|chase|${who}`, about: p.ref, to, cover, referral: r })),
    );
  }
}
