/**
 * No stage stalls: at its deadline a difference moves up by itself, the day it is due everyone at
 * the stage is reminded, and a manager silent for a working day is covered by their own manager.
 * Each checks the difference first, so a job that runs twice, or late, does no harm.
 */
import { coverForSilence, currentStage, escalate, hasActed, joinAsCover } from '../../domain/professionalDifference';
import { chaseEach, chaseTo } from '../cover';
import type { JobPayloads } from '../jobs';
import type { Notice } from '../notices';
import type { DifferencePorts } from './ports';
import { startStage } from './stages';
import { noticeTo, tellNewest } from './steps';
import type { DifferenceNoticeKinds } from './notices';

type StageJob = JobPayloads['pd.deadline'];

async function stillAt(ports: DifferencePorts, p: StageJob) {
  const pd = await ports.differences.get(p.ref);
  return pd && pd.state === 'open' && currentStage(pd).stage === p.stage ? pd : undefined;
}

export async function deadlinePassed(ports: DifferencePorts, p: JobPayloads['pd.deadline']): Promise<void> {
  if (!(await stillAt(ports, p))) return;
  const why = `the stage ${p.stage} deadline passed without a resolution`;
  const { pd: after } = await ports.differences.apply(p.ref, (pd) => escalate(pd, 'system', p.stage, why, ports.now(), ports.directory, ports.calendar));
  await ports.audit.record({ subject: p.ref, action: 'difference.auto-escalated', actorAadObjectId: undefined, detail: `from stage ${p.stage}` });
  if (currentStage(after).stage !== p.stage) await startStage(ports, after, `escalated automatically: ${why}`);
  else await chaseEveryone(ports, `s${p.stage}|overdue`, { kind: 'pd.overdue', difference: after });
}

export async function remind(ports: DifferencePorts, p: JobPayloads['pd.remind']): Promise<void> {
  const pd = await stillAt(ports, p);
  if (pd) await chaseEveryone(ports, `s${p.stage}|remind`, { kind: 'pd.reminder', difference: pd });
}

/** A manager who has not answered within a working day: their own manager is asked, and the silence recorded. */
export async function approvalUnanswered(ports: DifferencePorts, p: JobPayloads['pd.approval']): Promise<void> {
  const pd = await stillAt(ports, p);
  if (!pd || hasActed(pd, p.manager, p.stage)) return;
  // A manager away whose cover took part at the stage was not silent: the cover answered for them.
  const covers = currentStage(pd).participants.filter((x) => x.coverFor === p.manager);
  if (covers.some((c) => hasActed(pd, c.aadObjectId, p.stage))) return;
  const manager = ports.directory.person(p.manager);
  const cover = manager && ports.directory.manager(manager);
  const { pd: after } = await ports.differences.apply(p.ref, (cur) =>
    coverForSilence(cur, p.manager, p.stage, cover, ports.now(), manager?.name ?? 'A manager'),
  );
  await ports.audit.record({
    subject: p.ref,
    action: 'difference.silence',
    actorAadObjectId: p.manager,
    detail: cover ? 'their manager asked' : 'nobody above them',
  });
  if (cover) {
    await tellNewest(ports, after, [
      { ...noticeTo(cover.aadObjectId, `s${p.stage}|cover`, { kind: 'pd.cover', difference: after, silent: p.manager }), ...chaseTo(ports, cover.aadObjectId) },
    ]);
  }
}

/**
 * Both parties and everyone at the stage are chased; whoever is away, through their cover
 * (workflows/cover.ts), who joins the stage for them so that the card they get can be acted on.
 */
async function chaseEveryone(
  ports: DifferencePorts,
  key: string,
  about: DifferenceNoticeKinds['pd.reminder'] & { kind: 'pd.reminder' | 'pd.overdue' },
): Promise<void> {
  let pd = about.difference;
  const people = [...new Set([pd.raisedBy, pd.responding, ...currentStage(pd).participants.map((x) => x.aadObjectId)])];
  const told = chaseEach(ports, people);
  const covers = told.filter((r) => r.cover && !currentStage(pd).participants.some((x) => x.aadObjectId === r.receiver));
  if (covers.some((r) => joinAsCover(pd, r.receiver, r.for) !== pd)) {
    pd = (await ports.differences.apply(pd.reference, (cur) => covers.reduce((d, r) => joinAsCover(d, r.receiver, r.for), cur))).pd;
  }
  return tellNewest(
    ports,
    pd,
    told.map((r): Notice => ({ ...noticeTo(r.for, key, { ...about, difference: pd }), to: r.to, cover: r.cover })),
  );
}

/** Which chaser runs each kind of due work of this workflow (wired in jobHandlers.ts). */
export const differenceChasers = {
  'pd.deadline': deadlinePassed,
  'pd.remind': remind,
  'pd.approval': approvalUnanswered,
} satisfies { [K in keyof JobPayloads & `pd.${string}`]: (ports: DifferencePorts, payload: JobPayloads[K]) => Promise<void> };
