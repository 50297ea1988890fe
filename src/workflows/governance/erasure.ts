/**
 * Deleting a case's records, for a retention rule or on request: every row of the case goes, its
 * NHS-number fingerprint and its links too, and a tombstone says what it was and why it went.
 * The audit trail stays: it holds no child's identifiers and is the proof of what happened.
 */
import { caseType } from '../../domain/retention';
import { AuditRecord } from '../ports';
import { GovernancePorts } from './governancePorts';

/** Reading a record is not a step on it: a case read every year would otherwise never expire. */
const NOT_A_STEP = /^(record\.|subject-access|retention\.|hold\.)/;

/** When the case was first and last changed, from its audit trail. */
export function activityOf(trail: AuditRecord[]): { opened?: string; last?: string } {
  const steps = trail.filter((e) => !NOT_A_STEP.test(e.action)).map((e) => e.at);
  return { opened: steps[0], last: steps[steps.length - 1] };
}

/**
 * Erases every case of a thread unless one of them is on legal hold, read after each case is
 * marked as being erased (a hold placed meanwhile sees the mark and is withdrawn): the holds still
 * on the thread if it was kept, else how many stored rows went.
 */
export async function eraseThread(
  p: GovernancePorts,
  thread: string[],
  why: string,
  audit: { action: string; actorAadObjectId?: string; tenantId?: string; activityId?: string },
): Promise<{ held: string[] } | { rows: number }> {
  const marks = await Promise.all(thread.map((r) => p.records.startErasing(r, p.now())));
  try {
    const held = (await p.records.holds()).map((h) => h.reference).filter((r) => thread.includes(r));
    if (held.length) return { held };
    let rows = 0;
    for (const r of thread) rows += await eraseCase(p, r, thread, why, audit);
    return { rows };
  } finally {
    await Promise.all(marks.map((m) => p.records.finishErasing(m)));
  }
}

async function eraseCase(
  p: GovernancePorts,
  reference: string,
  thread: string[],
  why: string,
  audit: { action: string; actorAadObjectId?: string; tenantId?: string; activityId?: string },
): Promise<number> {
  const { opened, last } = activityOf(await p.audit.trail(reference));
  const rows = await p.cases.erase(reference);
  await p.nhsNumbers.forget(reference);
  await p.threads.unlink(reference);
  await p.records.bury({
    reference,
    type: caseType(reference),
    opened,
    lastActivity: last,
    deletedAt: p.now().toISOString(),
    why,
    thread: thread.filter((r) => r !== reference),
  });
  await p.audit.record({ subject: reference, ...audit, detail: `${rows} stored rows ${why}` });
  return rows;
}
