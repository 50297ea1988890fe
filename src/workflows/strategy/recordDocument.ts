/**
 * The agreed record of a strategy discussion as a document: what goes into each agency's own case
 * file (as Word) or the chat (as Markdown). It holds everything on the record, including who
 * answered what and when, and the trail. Text a person typed is marked `typed`, so that no format
 * can read it as structure.
 */
import { describeOpenElsewhere } from '../../domain/openElsewhere';
import { WorkingCalendar } from '../../domain/calendar';
import { Directory } from '../../domain/directory';
import {
  Acknowledgement,
  ANSWERS,
  ATTENDANCE,
  CORE_ROLES,
  DECISIONS,
  INVITATION_REPLIES,
  status,
  STATUS_WORDS,
  StrategyDiscussion,
  THRESHOLDS,
} from '../../domain/strategyDiscussion';
import { AuditRecord } from '../ports';
import { Block, RecordDocument, Segment, strong, typed } from '../../documents/document';

export function recordDocument(
  d: StrategyDiscussion,
  acks: Acknowledgement[],
  minutes: string[],
  trail: AuditRecord[],
  directory: Directory,
  calendar: WorkingCalendar,
): RecordDocument {
  const who = (id: string | undefined): Segment => {
    const p = directory.person(id);
    return p ? typed(`${p.name} (${p.jobTitle}, ${directory.agencyOf(p).name})`) : 'system';
  };
  const when = (iso: string) => calendar.describe(new Date(iso));
  const role = (r: string) => CORE_ROLES.find((c) => c.role === r)?.label ?? 'Invited';
  const item = (...segments: Segment[]): Block => ({ item: segments });
  const heading = (text: string, level: 2 | 3 = 2): Block => ({ heading: [text], level });
  const blocks: Block[] = [
    { heading: [`${d.reference}: strategy discussion record`], level: 1 },
    item('Status: ', strong(STATUS_WORDS[status(d, acks)])),
    item(`Held: ${when(d.scheduledAt)}`),
    item('Chair: ', who(d.chair)),
    item('Minute-taker: ', who(d.minuteTaker)),
    item('About: ', typed(d.purpose)),
    ...(d.referral ? [item(`Convened from referral ${d.referral}`)] : []),
    ...(d.openElsewhere ? [item(describeOpenElsewhere(d.openElsewhere, directory))] : []),
    ...(d.transfers ?? []).map((l) => item(`Case transfer ${l.reference} to ${l.to}, started ${when(l.at)}`)),
    ...(d.followUpOf ? [item(`The follow-up agreed at ${d.followUpOf}`)] : []),
    ...(d.followUp ? [item(`Its follow-up: ${d.followUp.reference}, convened ${when(d.followUp.at)}`)] : []),
    ...d.warnings.map((w) => item('Warning: ', typed(w))),
    heading('Invited and attendance'),
    ...d.invitees.map((i) =>
      item(who(i.aadObjectId), `, ${role(i.role)}: ${d.attendance ? ATTENDANCE[d.attendance[i.aadObjectId] ?? 'absent'] : INVITATION_REPLIES[i.reply]}`),
    ),
    ...d.omissions.map((o) => item(`Not invited as ${role(o.role)}: `, typed(o.reason))),
  ];
  for (const v of d.versions) {
    const o = v.outcome;
    blocks.push(
      { heading: [`Outcome, version ${v.version} (recorded ${when(v.recordedAt)} by `, who(v.recordedBy), ')'], level: 2 },
      ...(v.amendmentReason ? [item('Reason for the amendment: ', typed(v.amendmentReason))] : []),
      item(`Threshold: ${THRESHOLDS[o.threshold]}`),
      ...(o.noEnquiryReason ? [item(strong('No section 47 enquiry although the threshold is met'), ', because: ', typed(o.noEnquiryReason))] : []),
      item('Rationale: ', typed(o.rationale)),
      item(`Decision: ${DECISIONS[o.decision]}`),
      item("Agencies' contributions: ", typed(o.contributions)),
      item(`Family: ${o.family.shared ? 'shared' : 'not shared'}: `, typed(o.family.detail)),
      ...(o.followUpDate ? [item('Follow-up discussion: ', typed(o.followUpDate), '; owner ', who(o.followUpOwner ?? d.chair))] : []),
      ...o.actions.map((a) =>
        item(
          'Action ',
          typed(a.id),
          ': ',
          typed(a.description),
          '; owner ',
          who(a.ownerAadObjectId),
          '; due ',
          typed(a.dueDate),
          `; ${a.done ? `done ${when(a.done.at)}` : 'open'}`,
        ),
      ),
      heading('Acknowledgements', 3),
      ...acks
        .filter((a) => a.version === v.version)
        .map((a) => item(who(a.aadObjectId), `: ${ANSWERS[a.answer]}`, ...(a.note ? [': "', typed(a.note), '"'] : []), ` (${when(a.at)})`)),
    );
  }
  if (d.differenceRequests.length) {
    blocks.push(
      heading('Professional differences raised'),
      ...d.differenceRequests.map((r) =>
        item(typed(r.difference ?? ''), ': ', who(r.aadObjectId), `, version ${r.version}, ${when(r.at)}: "`, typed(r.understood), '"'),
      ),
    );
  }
  if (d.resolutions?.length) {
    // Written back from each difference as it ended: the agreed record shows what the dispute decided.
    blocks.push(
      heading('Resolutions of professional differences'),
      ...d.resolutions.map((r) => item(typed(r.difference), `, ${r.how} ${when(r.at)} (outcome version ${r.version} then): "`, typed(r.text), '"')),
    );
  }
  if (minutes.length) blocks.push(heading('Minutes'), ...minutes.map((l) => item(typed(l))));
  blocks.push(
    heading('Audit trail'),
    ...trail.map((e) => item(`${when(e.at)}: `, typed(e.action), ' by ', who(e.actorAadObjectId), ...(e.detail ? [' (', typed(e.detail), ')'] : []))),
  );
  return { title: `${d.reference}: strategy discussion record`, fileName: `${d.reference} strategy discussion record`, blocks };
}
