/**
 * A referral the Front Door channel could not be sent (Concord not yet in its team) went to each
 * Front Door person directly; the channel, where the Front Door works together, gets it too once
 * Concord can post there, while the referral is undecided. Tried every TRY_EVERY_MINUTES.
 */
import type { Schedule } from '../jobs';
import { Workflow, WorkflowServices } from '../workflow';
import { ChannelReach, ReferralRepository } from './ports';
import { frontDoorCopies } from './frontDoorCard';

export const TRY_EVERY_MINUTES = 15;

/** Sets the next try at posting the referral in the channel, `attempt` counting from 1. */
export async function tryChannelLater(jobs: Schedule, now: Date, ref: string, attempt: number): Promise<void> {
  const dueAt = new Date(now.getTime() + TRY_EVERY_MINUTES * 60_000);
  await jobs.schedule({ id: `ref|${ref}|to-channel|${attempt}`, kind: 'ref.to-channel', dueAt, payload: { ref, attempt } });
}

export class ReferralToChannel extends Workflow {
  constructor(
    services: WorkflowServices,
    private readonly store: ReferralRepository,
    private readonly channels: ChannelReach,
  ) {
    super(services);
  }

  async tryNow(p: { ref: string; attempt: number }): Promise<void> {
    const r = await this.store.referral(p.ref);
    const channel = this.directory.partnership.frontDoorChannelId;
    // Decided (everyone who decides already has it), or no channel any more: nothing left to post.
    if (!r || r.decision || !channel) return;
    if (!(await this.channels.canReach(channel))) return tryChannelLater(this.jobs, this.now(), p.ref, p.attempt + 1);
    const copy = frontDoorCopies(this.directory, r.reference).find((c) => 'channel' in c.to)!;
    await this.audit.record({ subject: r.reference, action: 'referral.posted-in-channel', detail: 'the channel could be reached' });
    await this.tell.tell([{ kind: 'ref.new', about: r.reference, referral: r, ...copy }]);
  }
}
