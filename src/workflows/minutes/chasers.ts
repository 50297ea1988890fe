/**
 * Scheduled chasers: the minute-taker reminded before the deadline; the chair and the
 * minute-taker's manager told when it passes; recipients reminded to confirm, then their manager
 * told. Each checks the record first, so a chaser that runs twice, or late, does no harm.
 */
import { latest } from '../../domain/minutes';
import { chaseEach, chaseTo } from '../cover';
import { JobPayloads } from '../jobs';
import { outcomeStanding } from './load';
import { MinutesPorts } from './ports';

export async function remindMinuteTaker(p: MinutesPorts, job: JobPayloads['minutes.remind'], jobId: string): Promise<void> {
  const m = await p.minutes.get(job.ref);
  const d = m && !latest(m) ? await p.discussions.get(job.ref) : undefined;
  if (!m || !d) return;
  await p.tell.tell([
    {
      kind: 'minutes.write',
      key: `${jobId}|message`,
      about: job.ref,
      ...chaseTo(p, d.minuteTaker),
      reportTo: [d.chair],
      discussion: d,
      minutes: m,
      standing: await outcomeStanding(p, d),
      reminder: true,
    },
  ]);
}

export async function minutesOverdue(p: MinutesPorts, job: JobPayloads['minutes.overdue'], jobId: string): Promise<void> {
  const m = await p.minutes.get(job.ref);
  const d = m && !latest(m) ? await p.discussions.get(job.ref) : undefined;
  if (!m || !d) return;
  const taker = p.directory.person(d.minuteTaker);
  const manager = taker && p.directory.manager(taker);
  await p.audit.record({
    subject: job.ref,
    action: 'minutes.overdue',
    actorAadObjectId: d.minuteTaker,
    detail: manager ? 'chair and manager told' : 'chair told; the minute-taker has no manager in the directory',
  });
  const told = chaseEach(
    p,
    [d.chair, manager?.aadObjectId].filter((x): x is string => !!x),
  );
  await p.tell.tell(
    told.map(({ for: who, to, cover }) => ({
      kind: 'minutes.overdue' as const,
      key: `${jobId}|${who}`,
      about: job.ref,
      to,
      cover,
      minutes: m,
      minuteTaker: d.minuteTaker,
    })),
  );
}

/** A recipient who has not confirmed: reminded (`toManager` false), then their manager (or the chair) told. */
export async function chaseConfirmation(p: MinutesPorts, job: JobPayloads['minutes.confirm.remind'], toManager: boolean, jobId: string): Promise<void> {
  const m = await p.minutes.get(job.ref);
  const v = m && latest(m);
  if (!m || v?.version !== job.version || (await p.minutes.confirmation(job.ref, job.version, job.person))) return;
  if (m.corrections.some((c) => c.by === job.person && c.version === job.version && c.state === 'open')) return; // waiting on the chair
  const d = await p.discussions.get(job.ref);
  if (!d) return;
  if (!toManager) {
    await p.tell.tell([
      {
        kind: 'minutes.review',
        key: `${jobId}|message`,
        about: job.ref,
        ...chaseTo(p, job.person),
        reportTo: [d.chair],
        discussion: d,
        minutes: m,
        version: v.version,
        reminder: true,
      },
    ]);
    return;
  }
  const who = p.directory.person(job.person);
  const manager = who && p.directory.manager(who);
  await p.audit.record({ subject: job.ref, action: 'chased.minutes-manager', actorAadObjectId: job.person });
  await p.tell.tell([
    {
      kind: 'minutes.unconfirmed',
      key: `${jobId}|message`,
      about: job.ref,
      ...chaseTo(p, manager?.aadObjectId ?? d.chair),
      recipient: job.person,
      circulatedAt: v.circulatedAt,
    },
  ]);
}
