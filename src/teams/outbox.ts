import { Directory } from '../domain/directory';
import { AuditLog } from '../store/auditLog';
import { encodeKey, isConflict, Tables } from '../store/tables';
import { DueJob, JobStore } from '../scheduler/jobStore';
import { JobHandler, Sweeper } from '../scheduler/sweeper';
import { RateLimiter } from '../scheduler/rateLimiter';
import { Notifier, OutboundMessage, SendResult, TransientDeliveryError } from './notifier';

export type Recipient = { person: string } | { channel: string };

export interface Delivery {
  /** Deterministic: sending the same key twice delivers once. */
  key: string;
  /** The case it is about (SD-0142), for the record and the audit trail. */
  subject: string;
  to: Recipient;
  message: OutboundMessage;
  /** Who needed to reach the recipient: told by name if the recipient cannot be reached. */
  reportTo?: string[];
}

export interface DeliveryOutcome {
  status: 'delivered' | 'unreachable' | 'failed';
  to: string;
  activityId?: string;
  conversationId?: string;
  reason?: string;
  at: string;
}

const IN_PROCESS_TRIES = 4;
const LONGEST_IN_PROCESS_WAIT_MS = 15_000;

/**
 * Proactive messages go through the durable job queue: a message asked for survives a restart,
 * is throttled per conversation, retried on 429 (after Retry-After) and 5xx (jittered backoff),
 * and ends recorded as delivered, unreachable or failed. The last two are reported.
 */
export class Outbox implements JobHandler {
  private readonly perConversation = new RateLimiter(7, 1000);
  private readonly perApp = new RateLimiter(50, 1000);

  constructor(
    private readonly jobs: JobStore,
    private readonly sweeper: Sweeper,
    private readonly notifier: Notifier,
    private readonly tables: Tables,
    private readonly audit: AuditLog,
    private readonly directory: Directory,
    private readonly now: () => Date,
  ) {
    sweeper.handle('deliver', this);
  }

  async send(d: Delivery): Promise<void> {
    await this.jobs.schedule({ id: `deliver|${d.key}`, kind: 'deliver', dueAt: this.now(), payload: d as unknown as Record<string, unknown> });
    this.sweeper.poke();
  }

  async sendAll(ds: Delivery[]): Promise<void> {
    // Scheduling is a few storage writes each; in parallel so a large invitation list is quick.
    await Promise.all(ds.map((d) => this.jobs.schedule({ id: `deliver|${d.key}`, kind: 'deliver', dueAt: this.now(), payload: d as unknown as Record<string, unknown> })));
    this.sweeper.poke();
  }

  async outcome(subject: string, key: string): Promise<DeliveryOutcome | undefined> {
    try {
      const e = await this.tables.client('deliveries').getEntity<{ json: string }>(encodeKey(subject), encodeKey(key));
      return JSON.parse(e.json) as DeliveryOutcome;
    } catch {
      return undefined;
    }
  }

  async run(job: DueJob): Promise<void> {
    const d = job.payload as unknown as Delivery;
    const target = 'person' in d.to ? d.to.person : d.to.channel;
    let result: SendResult | undefined;
    for (let attempt = 1; !result; attempt++) {
      await this.perConversation.take(target);
      await this.perApp.take('app');
      try {
        result = 'person' in d.to ? await this.notifier.toPerson(d.to.person, d.message) : await this.notifier.toChannel(d.to.channel, d.message);
      } catch (e) {
        if (!(e instanceof TransientDeliveryError)) throw e;
        const wait = e.retryAfterMs ?? Math.min(8000, 250 * 2 ** attempt) * (0.5 + Math.random());
        if (attempt >= IN_PROCESS_TRIES || wait > LONGEST_IN_PROCESS_WAIT_MS) throw e; // the sweeper retries later
        await new Promise((r) => setTimeout(r, wait));
      }
    }
    if (result.status === 'delivered') {
      await this.record(d, { status: 'delivered', to: target, activityId: result.activityId, conversationId: result.conversationId, at: this.now().toISOString() });
    } else {
      await this.unreachable(d, target, 'unreachable', result.reason);
    }
  }

  async onGiveUp(job: DueJob, error: string): Promise<void> {
    const d = job.payload as unknown as Delivery;
    await this.unreachable(d, 'person' in d.to ? d.to.person : d.to.channel, 'failed', `Teams did not accept the message after several tries (${error.slice(0, 120)})`);
  }

  private async unreachable(d: Delivery, target: string, status: 'unreachable' | 'failed', reason: string): Promise<void> {
    await this.record(d, { status, to: target, reason, at: this.now().toISOString() });
    const name = 'person' in d.to ? (this.directory.person(d.to.person)?.name ?? 'someone') : 'the channel';
    await this.audit.record({ subject: d.subject, action: `delivery.${status}`, actorAadObjectId: 'person' in d.to ? d.to.person : undefined, detail: reason });
    for (const who of d.reportTo ?? []) {
      if (who === target) continue;
      await this.send({
        key: `${d.key}|not-reached|${who}`,
        subject: d.subject,
        to: { person: who },
        message: { summary: `${d.subject}: ${name} could not be reached in Teams (${reason}). Please contact them another way.` },
      });
    }
  }

  private async record(d: Delivery, outcome: DeliveryOutcome): Promise<void> {
    const entity = { partitionKey: encodeKey(d.subject), rowKey: encodeKey(d.key), json: JSON.stringify(outcome) };
    try {
      await this.tables.client('deliveries').upsertEntity(entity, 'Replace');
    } catch (e) {
      if (!isConflict(e)) throw e;
    }
  }
}
