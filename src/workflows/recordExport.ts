/**
 * The agreed record of a strategy discussion as Markdown: what goes into each agency's own case
 * file. It holds everything on the record, including who answered what and when, and the trail.
 * Every value is passed through `md`: the headings, list items and bold are Concord's alone.
 */
import { WorkingCalendar } from '../domain/calendar';
import { Directory } from '../domain/directory';
import {
  Acknowledgement, ANSWERS, ATTENDANCE, CORE_ROLES, DECISIONS, INVITATION_REPLIES, status, STATUS_WORDS, StrategyDiscussion, THRESHOLDS,
} from '../domain/strategyDiscussion';
import { AuditRecord } from '../store/auditLog';
import { md } from './exportText';

export function exportRecord(d: StrategyDiscussion, acks: Acknowledgement[], minutes: string[], trail: AuditRecord[], directory: Directory, calendar: WorkingCalendar): string {
  const who = (id: string | undefined) => {
    const p = directory.person(id);
    return p ? md(`${p.name} (${p.jobTitle}, ${directory.agencyOf(p).name})`) : 'system';
  };
  const when = (iso: string) => calendar.describe(new Date(iso));
  const role = (r: string) => CORE_ROLES.find((c) => c.role === r)?.label ?? 'Invited';
  const lines: string[] = [
    `# ${d.reference}: strategy discussion record`,
    '',
    `- Status: **${STATUS_WORDS[status(d, acks)]}**`,
    `- Held: ${when(d.scheduledAt)}`,
    `- Chair: ${who(d.chair)}`,
    `- Minute-taker: ${who(d.minuteTaker)}`,
    `- About: ${md(d.purpose)}`,
    ...d.warnings.map((w) => `- Warning: ${md(w)}`),
    '',
    '## Invited and attendance',
    '',
    ...d.invitees.map((i) => `- ${who(i.aadObjectId)}, ${role(i.role)}: ${d.attendance ? ATTENDANCE[d.attendance[i.aadObjectId] ?? 'absent'] : INVITATION_REPLIES[i.reply]}`),
    ...d.omissions.map((o) => `- Not invited as ${role(o.role)}: ${md(o.reason)}`),
  ];
  for (const v of d.versions) {
    const o = v.outcome;
    lines.push(
      '',
      `## Outcome, version ${v.version} (recorded ${when(v.recordedAt)} by ${who(v.recordedBy)})`,
      '',
      ...(v.amendmentReason ? [`- Reason for the amendment: ${md(v.amendmentReason)}`] : []),
      `- Threshold of significant harm: ${THRESHOLDS[o.threshold]}`,
      `- Rationale: ${md(o.rationale)}`,
      `- Decision: ${DECISIONS[o.decision]}`,
      `- Agencies' contributions: ${md(o.contributions)}`,
      `- Family: ${o.family.shared ? 'shared' : 'not shared'}: ${md(o.family.detail)}`,
      ...(o.followUpDate ? [`- Follow-up discussion: ${md(o.followUpDate)}`] : []),
      ...o.actions.map((a) => `- Action ${md(a.id)}: ${md(a.description)}; owner ${who(a.ownerAadObjectId)}; due ${md(a.dueDate)}; ${a.done ? `done ${when(a.done.at)}` : 'open'}`),
      '',
      '### Acknowledgements',
      '',
      ...acks.filter((a) => a.version === v.version).map((a) => `- ${who(a.aadObjectId)}: ${ANSWERS[a.answer]}${a.note ? `: "${md(a.note)}"` : ''} (${when(a.at)})`),
    );
  }
  if (d.differenceRequests.length) {
    lines.push('', '## Professional differences raised', '', ...d.differenceRequests.map((r) => `- ${md(r.difference ?? '')}: ${who(r.aadObjectId)}, version ${r.version}, ${when(r.at)}: "${md(r.understood)}"`));
  }
  if (minutes.length) lines.push('', '## Minutes', '', ...minutes.map((l) => `- ${md(l)}`));
  lines.push('', '## Audit trail', '', ...trail.map((e) => `- ${when(e.at)}: ${md(e.action)} by ${who(e.actorAadObjectId)}${e.detail ? ` (${md(e.detail)})` : ''}`));
  return lines.join('\n');
}
