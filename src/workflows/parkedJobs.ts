import { createHash } from 'node:crypto';
import { Actor } from './actor';
import { Workflow, WorkflowServices } from './workflow';

/** A job Concord gave up on, as the admins are told of it. */
export interface ParkedJob {
  id: string;
  kind: string;
  dueAt: string;
  attempts: number;
  finishedAt: string;
  payload: Record<string, unknown>;
  /** A short description of the failure that says nothing about the case. */
  category: string;
}

/** The scheduler's parked jobs, as this use case needs them (scheduler/parkedWork.ts implements it). */
export interface ParkedWork {
  parked(): Promise<ParkedJob[]>;
  /** Back in the queue at once; false when it is no longer parked (someone retried it already). */
  retry(id: string): Promise<boolean>;
  /** Run due work now rather than at the next sweep. */
  poke(): void;
  /** Called for each job parked, `firstTime` false when announcing it again after a restart. */
  whenParked(listener: (job: ParkedJob, firstTime: boolean) => Promise<void>): void;
}

/** Where a problem only operators can fix is written (the log). */
export interface ProblemLog {
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The prefix of an alert's delivery key: an alert that cannot be delivered is not alerted about. */
const ALERT = 'job-parked';

/** A short, stable name for a job that an administrator can type: `retry job 3fa9c2`. */
export function handleOf(jobId: string): string {
  return createHash('sha1').update(jobId).digest('hex').slice(0, 6);
}

type Payload = {
  ref?: string;
  stage?: number;
  person?: string;
  manager?: string;
  which?: string;
  // A delivery's payload
  key?: string;
  subject?: string;
  to?: { person?: string; channel?: string };
  message?: { summary?: string };
};

/**
 * A job Concord gave up on is an incident: the partnership admins are told in Teams, once, with
 * the case reference and what did not happen; they can list such jobs and run one again once the
 * cause is fixed.
 */
export class ParkedJobs extends Workflow {
  constructor(
    s: WorkflowServices,
    private readonly work: ParkedWork,
    private readonly log: ProblemLog,
  ) {
    super(s);
    work.whenParked((job, firstTime) => this.alert(job, firstTime));
  }

  /** The case a job belongs to, and what did not happen because it stopped, in plain words. */
  describe(job: Pick<ParkedJob, 'kind' | 'payload'>): { reference?: string; what: string } {
    const p = job.payload as Payload;
    const candidate = job.kind === 'deliver' ? p.subject : p.ref;
    const reference = typeof candidate === 'string' && /^[A-Z]{2,4}-\d{1,6}$/.test(candidate) ? candidate : undefined;
    const name = (id: unknown) => this.directory.person(String(id))?.name ?? 'someone';
    const review = p.which === 'panel' ? 'notification to the National Panel' : 'rapid review';
    const what: Record<string, () => string> = {
      deliver: () => {
        const to = p.to?.person ? name(p.to.person) : 'a Teams channel';
        const about = String(p.message?.summary ?? '').replace(/^[A-Z]{2,4}-\d{1,6}:\s*/, '');
        return `a message to ${to} was not delivered (${about.length > 80 ? `${about.slice(0, 79)}…` : about})`;
      },
      'pd.deadline': () => `the professional difference did not move on from stage ${p.stage} when its deadline passed`,
      'pd.remind': () => `nobody was reminded of the stage ${p.stage} deadline`,
      'pd.approval': () => `${name(p.manager)} has not answered at stage ${p.stage}, and their own manager was not asked`,
      'sd.ack.remind': () => `${name(p.person)} was not reminded to acknowledge the outcome`,
      'sd.ack.manager': () => `the manager of ${name(p.person)} was not told that the outcome is not acknowledged`,
      'sd.action.due': () => 'the owner of an action was not reminded on its due date',
      'sd.action.overdue': () => 'the chair and the owner’s manager were not told that an action is overdue',
      'sd.followup.due': () => 'the owner of the follow-up was not reminded of its date',
      'sd.followup.remind': () => 'the owner of the follow-up was not offered to convene it',
      'sd.followup.missed': () => 'nobody above the chair was told that the follow-up was not convened',
      'sd.not-held': () => 'nobody was told that the discussion has no outcome recorded after its time',
      'ref.convene.deadline': () => 'the managers were not told that no strategy discussion was convened from the referral',
      'minutes.remind': () => 'the minute-taker was not reminded that the minutes are due',
      'minutes.overdue': () => 'nobody was told that the minutes are overdue',
      'minutes.confirm.remind': () => `${name(p.person)} was not reminded to confirm the minutes`,
      'minutes.confirm.manager': () => `the manager of ${name(p.person)} was not told that the minutes are not confirmed`,
      'ref.deadline': () => 'the Front Door managers were not told that the decision on the referral is overdue',
      'ref.to-channel': () => 'the referral was not posted in the Front Door channel (each Front Door person has it in their own chat)',
      'si.remind': () => `nobody was reminded that the ${review} is due`,
      'si.due': () => `nobody was told that the ${review} is overdue`,
    };
    const known = Object.prototype.hasOwnProperty.call(what, job.kind) ? what[job.kind] : undefined;
    return { reference, what: known ? known() : `a scheduled job (${job.kind.slice(0, 40)}) did not run` };
  }

  /**
   * Tells every partnership admin, under delivery keys fixed by the job and the moment it was
   * parked: announcing the same parking again (after a restart) sends nothing new.
   */
  private async alert(job: ParkedJob, firstTime: boolean): Promise<void> {
    const { reference, what } = this.describe(job);
    const subject = reference ?? 'jobs';
    if (firstTime) {
      await this.audit.record({ subject, action: 'job.parked', detail: `${job.kind} after ${job.attempts} attempts: ${job.category}` });
    }
    if (job.kind === 'deliver' && String((job.payload as Payload).key).startsWith(`${ALERT}|`)) return;
    const admins = this.directory.withRole('partnership-admin');
    if (!admins.length) this.log.error('a job was parked and the directory has no partnership admin to tell', { kind: job.kind });
    const handle = handleOf(job.id);
    await this.tell.tell(
      admins.map((a) => ({
        kind: 'said',
        key: `${ALERT}|${job.id}|${job.finishedAt}|${a.aadObjectId}`,
        about: subject,
        to: { person: a.aadObjectId },
        summary: `${reference ?? 'Concord'}: ${what}. Concord tried ${job.attempts} times and has stopped trying.`,
        detail: `Why: ${job.category}. When the cause is fixed, type "retry job ${handle}" to run it again. "jobs" lists every job that has stopped.`,
      })),
    );
  }

  private async refuseUnlessAdmin(actor: Actor, what: string): Promise<string | undefined> {
    if (actor.person.roles.includes('partnership-admin')) return undefined;
    await this.audit.record({
      subject: 'access',
      action: 'refused.not-admin',
      actorAadObjectId: actor.person.aadObjectId,
      tenantId: actor.tenantId,
      activityId: actor.activityId,
      detail: what,
    });
    return 'Only partnership administrators can see and retry the jobs Concord has stopped trying.';
  }

  /** `jobs`: every parked job, with its case, what did not happen, when, how often it was tried and why it failed. */
  async list(actor: Actor): Promise<string> {
    const refused = await this.refuseUnlessAdmin(actor, 'jobs');
    if (refused) return refused;
    const parked = await this.work.parked();
    if (!parked.length) return 'No jobs have stopped: everything Concord was to do has run, or is waiting for its time.';
    const when = (iso: string) => this.calendar.describe(new Date(iso));
    return [
      `Jobs Concord has stopped trying: ${parked.length}.`,
      ...parked.map((job) => {
        const { reference, what } = this.describe(job);
        return `- **${handleOf(job.id)}** ${reference ? `${reference}: ` : ''}${what}. Due ${when(job.dueAt)}; stopped ${when(job.finishedAt)} after ${job.attempts} attempts. Why: ${job.category}.`;
      }),
      `When the cause is fixed, type "retry job" and the job's code (e.g. "retry job ${handleOf(parked[0].id)}") to run it again.`,
    ].join('\n');
  }

  /** `retry job <code>`: back in the queue at once, with its attempts counted afresh. */
  async retry(actor: Actor, handle: string): Promise<string> {
    const refused = await this.refuseUnlessAdmin(actor, 'retry job');
    if (refused) return refused;
    const code = handle.trim().toLowerCase();
    const job = (await this.work.parked()).find((j) => handleOf(j.id) === code);
    if (!job) return `No stopped job has the code "${code.slice(0, 12)}". Type "jobs" to see the jobs Concord has stopped trying, with their codes.`;
    const { reference, what } = this.describe(job);
    if (!(await this.work.retry(job.id))) return `Job ${code} is no longer stopped: someone has retried it already.`;
    await this.audit.record({
      subject: reference ?? 'jobs',
      action: 'job.retried',
      actorAadObjectId: actor.person.aadObjectId,
      tenantId: actor.tenantId,
      activityId: actor.activityId,
      detail: job.kind,
    });
    this.work.poke();
    return `Job ${code} runs again now (${reference ? `${reference}: ` : ''}${what}). If it fails again, the partnership admins are told again.`;
  }
}
