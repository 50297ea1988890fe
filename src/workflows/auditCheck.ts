/**
 * `verify audit`: a partnership administrator asks whether the audit trail is exactly as Concord
 * wrote it, and is told in words which events were changed, deleted or reordered, and where.
 */
import { WorkingCalendar } from '../domain/calendar';
import { AuditTrail } from './ports';
import { Actor } from './actor';

/** Where a problem is: a subject's trail and the position (1 = first event) in it. */
export type AuditProblem =
  | { kind: 'edited'; subject: string; position: number; of: number; action: string; at: string }
  | { kind: 'deleted'; subject: string; from: number; to: number; of: number }
  | { kind: 'swapped'; subject: string; positions: [number, number]; of: number }
  | { kind: 'added'; subject: string; position: number; of: number }
  | { kind: 'checkpoint-removed'; subject: string; of: number };

export interface AuditVerification {
  trails: number;
  events: number;
  problems: AuditProblem[];
}

/** Checking the stored audit trail against its seals (store/auditVerifier.ts implements it). */
export interface AuditVerifying {
  verify(): Promise<AuditVerification>;
}

export class AuditCheck {
  constructor(
    private readonly verifier: AuditVerifying,
    private readonly audit: AuditTrail,
    private readonly calendar: WorkingCalendar,
    private readonly now: () => Date,
  ) {}

  async verify(actor: Actor): Promise<string> {
    const who = { actorAadObjectId: actor.person.aadObjectId, tenantId: actor.tenantId, activityId: actor.activityId };
    if (!actor.person.roles.includes('partnership-admin')) {
      await this.audit.record({ subject: 'access', action: 'refused.not-admin', ...who, detail: 'verify audit' });
      return 'Only partnership administrators can verify the audit trail.';
    }
    const { trails, events, problems } = await this.verifier.verify();
    await this.audit.record({
      subject: 'audit',
      action: problems.length ? 'audit.tampered' : 'audit.verified',
      ...who,
      detail: `${events} events in ${trails} trails, ${problems.length} problems`,
    });
    const checked = `Checked ${this.calendar.describe(this.now())}.`;
    const counted = `${plural(events, 'event')} in ${plural(trails, 'trail')}`;
    if (problems.length === 0) {
      return `The audit trail verifies: all ${counted} are exactly as Concord recorded them, in order, and none is missing. ${checked}`;
    }
    return [
      `The audit trail does not verify: ${plural(problems.length, 'problem')} found. ` +
        'It was changed in storage, outside Concord: tell your data protection officer and keep this message.',
      '',
      ...problems.map((p) => `- ${this.describe(p)}`),
      '',
      `${counted} checked; everything else verifies. ${checked}`,
    ].join('\n');
  }

  private describe(p: AuditProblem): string {
    const trail = trailName(p.subject);
    switch (p.kind) {
      case 'edited':
        return `${trail}, event ${p.position} of ${p.of} (${safeAction(p.action)}, ${this.when(p.at)}): changed after it was recorded.`;
      case 'deleted': {
        const which = p.from === p.to ? `event ${p.from}` : `events ${p.from} to ${p.to}`;
        return `${trail}, ${which} of ${p.of}: deleted${p.from === 1 && p.to === p.of ? ' (the whole trail)' : ''}.`;
      }
      case 'swapped':
        return `${trail}, events ${p.positions[0]} and ${p.positions[1]} of ${p.of}: swapped (their order was changed).`;
      case 'added':
        return `${trail}, event ${p.position} of ${p.of}: added afterwards (it is not in the trail’s checkpoint).`;
      case 'checkpoint-removed':
        return `${trail}: its checkpoint was deleted, so events deleted from its end cannot be ruled out.`;
    }
  }

  private when(at: string): string {
    const d = new Date(at);
    return Number.isNaN(d.getTime()) ? 'time unreadable' : this.calendar.local(d).toFormat('d LLL yyyy HH:mm');
  }
}

/** Only what Concord itself writes is echoed: a tampered row may hold anything. */
function trailName(subject: string): string {
  if (/^[A-Z]{2,4}-\d{1,6}$/.test(subject)) return subject;
  return /^[a-z-]{1,20}$/.test(subject) ? `the ${subject} trail` : 'a trail with an unexpected name';
}

function safeAction(action: string): string {
  return /^[a-z0-9.-]{1,60}$/.test(action) ? action : 'an unreadable action';
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;
}
