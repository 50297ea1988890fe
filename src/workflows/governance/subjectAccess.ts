/**
 * Subject access and erasure requests, for partnership administrators: everything Concord holds
 * about one child's thread of cases (or about a named professional) as one document, and the
 * erasure of a thread where no legal hold stands in the way, leaving only tombstones.
 */
import { Refused } from '../../domain/refusals';
import { isCaseReference } from '../../domain/caseReference';
import { caseType } from '../../domain/retention';
import { Block, RecordDocument, strong, typed } from '../../documents/document';
import { Actor } from '../actor';
import { AuditRecord } from '../ports';
import { GovernancePorts } from './governancePorts';
import { eraseThread } from './erasure';
import { StoredRow } from './ports';

export const ERASED_WHY = 'erased on a request under UK GDPR Article 17 (right to erasure)';

export class SubjectAccess {
  constructor(private readonly p: GovernancePorts) {}

  /** The document for a subject access request about the child of this case: every case on its thread. */
  async thread(actor: Actor, reference: string): Promise<RecordDocument> {
    this.mustBeAdmin(actor, 'subject access');
    const thread = await this.threadOf(reference);
    const blocks: Block[] = [
      { heading: [`Subject access: everything Concord holds about the child of ${reference}`], level: 1 },
      { item: [`Prepared ${this.p.calendar.describe(this.p.now())} by ${actor.person.name} for a subject access request (UK GDPR Article 15).`] },
      { item: [`Cases on the child’s thread: ${thread.join(', ')}.`] },
      {
        item: [
          'Concord holds workflow state only: the agreed records were exported to each agency’s own case file, which holds more. Messages Concord sent were made from these records; Concord keeps who they went to and when.',
        ],
      },
    ];
    for (const ref of thread) {
      blocks.push({ heading: [`${ref} (${caseType(ref)})`], level: 2 });
      const rows = await this.p.cases.rows(ref);
      blocks.push(...this.rowBlocks(rows));
      blocks.push({ heading: [`${ref}: audit trail`], level: 3 }, ...this.auditBlocks(await this.p.audit.trail(ref)));
    }
    for (const ref of thread) await this.note(actor, ref, 'subject-access.exported', `exported for a subject access request (${thread.length} cases)`);
    return { title: `Subject access ${reference}`, fileName: `subject access ${reference}`, blocks };
  }

  /** Everything Concord holds naming a professional: what they did (the audit trail) and the records that name them. */
  async person(actor: Actor, email: string): Promise<RecordDocument | string> {
    this.mustBeAdmin(actor, 'subject access person');
    const who = this.p.directory.data.people.find((x) => x.email.toLowerCase() === email.trim().toLowerCase());
    if (!who)
      return 'Nobody in the partnership directory has that email address. Concord knows people only by the directory; ask your administrator who held it.';
    const rows = await this.p.cases.rowsNaming(who.aadObjectId);
    const events = await this.p.cases.auditBy(who.aadObjectId);
    const blocks: Block[] = [
      { heading: [`Subject access: everything Concord holds about ${who.name}`], level: 1 },
      { item: [`Prepared ${this.p.calendar.describe(this.p.now())} by ${actor.person.name} for a subject access request (UK GDPR Article 15).`] },
      { item: [`In the directory: ${who.name}, ${who.jobTitle}, ${who.email}, roles ${who.roles.join(', ') || 'none'}.`] },
      // Their absences, from the directory file or said in chat (by them or their manager): personal data too.
      ...this.p.directory.awayOf(who).map((a) => ({
        item: [
          `Away: from ${this.day(a.from)} until ${this.day(a.until)}, covered by ${(this.p.directory.person(a.cover) ?? this.p.directory.manager(who))?.name ?? 'nobody named'}.`,
        ],
      })),
      {
        item: [
          'Records about children are included only where they name this person: they are also the personal data of others (the child and family), and what may be disclosed from them is for the data protection officer to decide (DPA 2018 Schedule 2, Part 3).',
        ],
      },
      { heading: ['What they did (audit trail)'], level: 2 },
      ...this.auditBlocks(events),
      { heading: ['Records that name them'], level: 2 },
    ];
    const cases = [...new Set(rows.map((r) => r.reference))];
    for (const ref of cases) {
      blocks.push(
        { heading: [`${ref} (${caseType(ref)})`], level: 3 },
        ...this.rowBlocks(
          rows.filter((r) => r.reference === ref),
          false,
        ),
      );
    }
    await this.note(actor, 'subject-access', 'subject-access.exported', `a named professional's data: ${events.length} events, ${rows.length} rows`);
    return { title: `Subject access ${who.name}`, fileName: `subject access ${who.name}`, blocks };
  }

  private day(iso: string): string {
    return this.p.calendar.local(this.p.calendar.fromLocal(iso)!).toFormat('cccc d LLLL yyyy');
  }

  /** What erasing the thread would delete, and how to confirm; or why it cannot be erased now. */
  async erase(actor: Actor, reference: string, confirmed: boolean): Promise<string> {
    this.mustBeAdmin(actor, 'erase');
    const thread = await this.threadOf(reference);
    const held = new Set((await this.p.records.holds()).map((h) => h.reference));
    const onHold = thread.filter((r) => held.has(r));
    if (onHold.length) return this.onHold(actor, reference, onHold);
    if (!confirmed)
      return [
        `Erasing ${reference} deletes the records of every case on the child’s thread: ${thread.join(', ')}. Only a tombstone of each is left (reference, type, dates, why), and the audit trail, which holds nothing that identifies the child.`,
        'Erase only where the law allows it: the right to erasure does not apply where Concord’s records are still needed for the partnership’s statutory safeguarding functions (UK GDPR Article 17(3)(b)); your data protection officer decides.',
        `To go ahead, type: erase ${reference} confirm`,
      ].join('\n\n');
    // Checked again once the thread is marked as being erased: a hold placed since still stops it.
    const erased = await eraseThread(this.p, thread, ERASED_WHY, {
      action: 'erased',
      actorAadObjectId: actor.person.aadObjectId,
      tenantId: actor.tenantId,
      activityId: actor.activityId,
    });
    if ('held' in erased) return this.onHold(actor, reference, erased.held);
    return `Erased: ${thread.join(', ')} (${erased.rows} stored records). Only their tombstones and audit trails are left.`;
  }

  private async onHold(actor: Actor, reference: string, onHold: string[]): Promise<string> {
    await this.note(actor, reference, 'refused.on-hold', `erasure refused: ${onHold.join(', ')} on legal hold`);
    return `${reference} cannot be erased: ${onHold.join(', ')} ${onHold.length === 1 ? 'is' : 'are'} on legal hold. Lift the hold first ("lift hold ${onHold[0]}") if the reason for it has ended.`;
  }

  private async threadOf(reference: string): Promise<string[]> {
    if (!isCaseReference(reference)) throw new Refused('not-involved', `Concord holds no case ${reference}.`, 'asked for a case not held');
    const thread = [reference, ...(await this.p.threads.thread(reference))];
    const held = await Promise.all(thread.map(async (r) => (await this.p.cases.rows(r)).length > 0));
    if (!held[0]) throw new Refused('not-involved', `Concord holds no case ${reference}.`, 'asked for a case not held');
    return thread.filter((_r, i) => held[i]);
  }

  private rowBlocks(rows: StoredRow[], withHeadings = true): Block[] {
    if (!rows.length) return [{ item: ['Nothing held.'] }];
    return rows.flatMap((r): Block[] => [
      ...(withHeadings
        ? [{ heading: [`${TABLES[r.table] ?? r.table}: ${r.key}`], level: 3 as const }]
        : [{ item: [strong(`${TABLES[r.table] ?? r.table}: ${r.key}`)] }]),
      ...Object.entries(r.content as Record<string, unknown>).map(([k, v]): Block => ({
        item: [`${k}: `, typed(typeof v === 'string' ? v : JSON.stringify(v))],
      })),
    ]);
  }

  private auditBlocks(events: AuditRecord[]): Block[] {
    if (!events.length) return [{ item: ['No events.'] }];
    return events.map((e) => ({
      item: [
        `${this.p.calendar.local(new Date(e.at)).toFormat('d LLLL yyyy HH:mm')}, ${e.subject}: ${e.action}`,
        ...(e.actorAadObjectId ? [` by ${this.p.directory.person(e.actorAadObjectId)?.name ?? e.actorAadObjectId}`] : []),
        ...(e.detail ? [' (', typed(e.detail), ')'] : []),
      ],
    }));
  }

  private async note(actor: Actor, subject: string, action: string, detail?: string): Promise<void> {
    await this.p.audit.record({ subject, action, actorAadObjectId: actor.person.aadObjectId, tenantId: actor.tenantId, activityId: actor.activityId, detail });
  }

  private mustBeAdmin(actor: Actor, what: string): void {
    if (!actor.person.roles.includes('partnership-admin')) throw new Refused('not-admin', 'Only partnership administrators can do that.', what);
  }
}

const TABLES: Record<string, string> = {
  referrals: 'Referral record',
  discussions: 'Strategy discussion record',
  differences: 'Professional difference record',
  transfers: 'Case transfer record',
  deliveries: 'Message sent',
};
