import { randomUUID } from 'node:crypto';
import { Directory } from '../domain/directory';
import { AuditLog } from '../store/auditLog';
import { decodeKey, encodeKey, listRows, readJson, statusOf, Tables, updateJson } from '../store/tables';
import { DueJob, JobStore } from '../scheduler/jobStore';
import { JobHandler, Sweeper } from '../scheduler/sweeper';
import { RateLimiter } from './rateLimiter';
import { Address, Messenger, OutboundMessage, SendResult } from './messenger';
import { Delivery, Notify, Replacement } from '../workflows/ports';
import { measure } from '../telemetry';

export type { Delivery };

export interface DeliveryOutcome {
  status: 'delivered' | 'unreachable' | 'failed';
  to: string;
  activityId?: string;
  /** Where the message went, so that it can be replaced later (the chair's live tally). */
  reference?: Address;
  /** It was a card: a newer card about the case may replace it with a pointer to the current one. */
  card?: boolean;
  /** When the update now on the card was made: one made earlier and applied later (retried) is skipped. */
  replacedAt?: string;
  reason?: string;
  at: string;
}

/**
 * Proactive messages go through the durable job queue: a message asked for survives a restart,
 * is throttled per conversation, retried on 429 (after Retry-After) and 5xx (jittered backoff),
 * and ends recorded as delivered, unreachable or failed. The last two are reported.
 */
export class Outbox implements JobHandler<Delivery>, Notify {
  private readonly perConversation = new RateLimiter(7, 1000);
  private readonly perApp = new RateLimiter(50, 1000);

  constructor(
    private readonly jobs: JobStore,
    private readonly sweeper: Sweeper,
    private readonly notifier: Messenger,
    private readonly tables: Tables,
    private readonly audit: AuditLog,
    private readonly directory: Directory,
    private readonly now: () => Date,
  ) {
    sweeper.handle('deliver', this);
    sweeper.handle('replace', {
      // In the lane of that person's sends: a card is never updated out of order with them.
      lane: (job: DueJob<Replacement>) => `deliver|${job.payload.to}`,
      run: async (job: DueJob<Replacement>) => {
        const { subject, key, message, madeAt } = job.payload;
        const sent = await this.outcome(subject, key);
        if (!delivered(sent)) {
          // Its card may still be on its way (queued, or waiting to be tried again): after it, then.
          if (await this.jobs.pendingPayload(`deliver|${key}`)) throw new Error('the card to update is not delivered yet');
          return;
        }
        // A newer update is on the card already (this one was retried, or waited its turn): keep it.
        if (madeAt && sent.replacedAt && sent.replacedAt > madeAt) return;
        await this.update(sent, message);
        if (madeAt) await this.noteReplaced(subject, key, madeAt);
      },
      onGiveUp: async (job: DueJob<Replacement>, error: string) => {
        // The card still shows an earlier state; its buttons are checked against the case when clicked.
        await this.audit.record({ subject: job.payload.subject, action: 'delivery.update-failed', detail: error.slice(0, 120) });
      },
    });
  }

  async send(d: Delivery): Promise<void> {
    await this.sendAll([d]);
  }

  async sendAll(ds: Delivery[]): Promise<void> {
    // In a few transactions, whatever the number of people: a large invitation list is one click.
    await this.jobs.scheduleAll(ds.map((d) => ({ id: `deliver|${d.key}`, kind: 'deliver', dueAt: this.now(), payload: d })));
    this.sweeper.poke();
  }

  outcome(subject: string, key: string): Promise<DeliveryOutcome | undefined> {
    return readJson<DeliveryOutcome>(this.tables.client('deliveries'), encodeKey(subject), encodeKey(key));
  }

  /** Replace a message delivered earlier under `key`, or still on its way. False when it was never sent. */
  async replace(subject: string, key: string, message: OutboundMessage): Promise<boolean> {
    const madeAt = this.madeAt();
    let sent = await this.outcome(subject, key);
    if (!delivered(sent)) {
      // Still to be delivered (queued, or retried after Teams refused it): updated once it is.
      const pending = await this.jobs.pendingPayload<Delivery>(`deliver|${key}`);
      if (pending) {
        await this.replaceLater([{ subject, key, to: 'person' in pending.to ? pending.to.person : pending.to.channel, message, madeAt }]);
        return true;
      }
      // Or delivered between the two reads.
      sent = await this.outcome(subject, key);
      if (!delivered(sent)) return false;
    }
    try {
      await this.update(sent, message);
      await this.noteReplaced(subject, key, madeAt);
    } catch {
      // What changed is recorded already: the person who acted is told so, and the card is brought
      // up to date by the queue (retried, reported if it never can be, and never over a newer
      // update) instead of the click failing after the fact.
      await this.replaceLater([{ subject, key, to: sent.to, message, madeAt }]);
    }
    return true;
  }

  async replaceLater(replacements: Replacement[]): Promise<void> {
    if (!replacements.length) return;
    // Unique ids: a later change to the same card queues its own update; `madeAt` keeps an older
    // one from landing over it, whichever runs last.
    const at = this.now().toISOString();
    await this.jobs.scheduleAll(
      replacements.map((r) => ({
        id: `replace|${r.key}|${at}|${randomUUID().slice(0, 8)}`,
        kind: 'replace',
        dueAt: this.now(),
        payload: { ...r, madeAt: r.madeAt ?? this.madeAt() },
      })),
    );
    this.sweeper.poke();
  }

  private sequence = 0;

  /**
   * When an update was made, in an order that sorts as text: the wall-clock time (not Concord's
   * clock, which a test or a replay may set back), then a count within this process.
   */
  private madeAt(): string {
    return `${new Date().toISOString()}#${String(this.sequence++).padStart(12, '0')}`;
  }

  /** The card now shows the update made at `madeAt`, unless a newer one got there first. */
  private async noteReplaced(subject: string, key: string, madeAt: string): Promise<void> {
    await updateJson<DeliveryOutcome>(this.tables.client('deliveries'), encodeKey(subject), encodeKey(key), (row) =>
      row.replacedAt && row.replacedAt >= madeAt ? undefined : { ...row, replacedAt: madeAt },
    );
  }

  /** An update counts against Teams' limits like a send: per conversation and for the app. */
  private async update(sent: DeliveryOutcome, message: OutboundMessage): Promise<void> {
    await this.perConversation.take(sent.to);
    await this.perApp.take('app');
    await this.notifier.update(sent.reference!, sent.activityId!, message);
  }

  /**
   * A message Concord did not send proactively but answered into (a card the person clicked, now
   * showing a live view): recorded as delivered under `key`, so `replace` updates it from now on.
   */
  async hold(subject: string, key: string, to: string, reference: Address, activityId: string): Promise<void> {
    await this.record({ key, subject }, { status: 'delivered', to, activityId, reference, card: true, at: this.now().toISOString() });
  }

  /** The keys of the cards delivered to `to` (a person or a channel) about `subject`. */
  async cardsTo(subject: string, to: string): Promise<string[]> {
    const rows = await listRows<DeliveryOutcome>(this.tables.client('deliveries'), encodeKey(subject), '', '\x7f');
    return rows.filter((r) => r.doc.status === 'delivered' && r.doc.card && r.doc.to === to).map((r) => decodeKey(r.rowKey));
  }

  /** The key of the newest card delivered (or held) for `to` about `subject`: their live one. */
  async newestCardTo(subject: string, to: string): Promise<string | undefined> {
    const rows = await listRows<DeliveryOutcome>(this.tables.client('deliveries'), encodeKey(subject), '', '\x7f');
    const cards = rows.filter((r) => r.doc.status === 'delivered' && r.doc.card && r.doc.to === to);
    cards.sort((a, b) => a.doc.at.localeCompare(b.doc.at));
    const newest = cards[cards.length - 1];
    return newest && decodeKey(newest.rowKey);
  }

  /** The held message shows something else now (a form being filled in): no more updates to it. */
  async letGo(subject: string, key: string): Promise<void> {
    await this.tables
      .client('deliveries')
      .deleteEntity(encodeKey(subject), encodeKey(key))
      .catch((e: unknown) => {
        if (statusOf(e) !== 404) throw e;
      });
  }

  /** Messages to one conversation go in the order they were asked for; conversations side by side. */
  lane(job: DueJob<Delivery>): string {
    const d = job.payload;
    return `deliver|${'person' in d.to ? d.to.person : d.to.channel}`;
  }

  async run(job: DueJob<Delivery>): Promise<void> {
    const d = job.payload;
    const target = 'person' in d.to ? d.to.person : d.to.channel;
    // A job taken over after its lease ran out (its instance died mid-send) may have been sent:
    // its record says so. Only a delivery that failed for good (and is being retried) goes again.
    // A case deleted or erased since the message was asked for (its tombstone, store/governanceStore.ts)
    // is never messaged about: the message would carry what was deleted. Read beside the outcome, no extra wait.
    const [earlier, erased] = await Promise.all([
      this.outcome(d.subject, d.key),
      readJson(this.tables.client('governance'), 'tombstone', encodeKey(d.subject)),
    ]);
    if (erased) return;
    if (earlier && earlier.status !== 'failed') return;
    await this.perConversation.take(target);
    await this.perApp.take('app');
    // A TransientDeliveryError (429, 5xx) goes back to the queue, which waits for Retry-After or
    // backs off with jitter. The connector client has already honoured a short Retry-After and
    // retried 5xx a few times itself.
    const result: SendResult = 'person' in d.to ? await this.notifier.toPerson(d.to.person, d.message) : await this.notifier.toChannel(d.to.channel, d.message);
    if (result.status === 'delivered') {
      measure.delivery('sent');
      await this.record(d, {
        status: 'delivered',
        to: target,
        activityId: result.activityId,
        reference: result.reference,
        card: !!d.message.card,
        at: this.now().toISOString(),
      });
    } else {
      await this.unreachable(d, target, 'unreachable', result.reason);
    }
  }

  async onGiveUp(job: DueJob<Delivery>, error: string): Promise<void> {
    const d = job.payload;
    await this.unreachable(
      d,
      'person' in d.to ? d.to.person : d.to.channel,
      'failed',
      `Teams did not accept the message after several tries (${error.slice(0, 120)})`,
    );
  }

  private async unreachable(d: Delivery, target: string, status: 'unreachable' | 'failed', reason: string): Promise<void> {
    measure.delivery(status);
    await this.record(d, { status, to: target, reason, at: this.now().toISOString() });
    const person = 'person' in d.to ? this.directory.person(d.to.person) : undefined;
    const name = 'person' in d.to ? (person?.name ?? 'someone') : 'the channel';
    await this.audit.record({ subject: d.subject, action: `delivery.${status}`, actorAadObjectId: 'person' in d.to ? d.to.person : undefined, detail: reason });
    for (const who of d.reportTo ?? []) {
      if (who === target) continue;
      // Once per case and person, not per message: a second version of the outcome tells nobody anew.
      await this.send({
        key: `${d.subject}|not-reached|${target}|${who}`,
        subject: d.subject,
        to: { person: who },
        message: {
          summary: `${d.subject}: ${name} could not be reached in Teams (${reason}). Please contact them another way.`,
          detail: person ? `${person.name}, ${person.jobTitle}: ${person.email}` : undefined,
        },
      });
    }
  }

  /** The latest outcome of a delivery (a retried delivery's 'failed' can become 'delivered'). */
  private async record(d: Pick<Delivery, 'subject' | 'key'>, outcome: DeliveryOutcome): Promise<void> {
    await this.tables
      .client('deliveries')
      .upsertEntity({ partitionKey: encodeKey(d.subject), rowKey: encodeKey(d.key), json: JSON.stringify(outcome) }, 'Replace');
  }
}

/** A delivery that reached Teams, with where it is: only that can be updated. */
function delivered(sent: DeliveryOutcome | undefined): sent is DeliveryOutcome & { reference: Address; activityId: string } {
  return sent?.status === 'delivered' && !!sent.reference && !!sent.activityId;
}
