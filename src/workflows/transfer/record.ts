/**
 * A transfer as a document for each authority's own case file (Word) or the chat (Markdown): who
 * is responsible now, the two authorities, the plan, the dates, the checklist and every step.
 */
import { DateTime } from 'luxon';
import { dateInWords, PLANS, responsibility, STEP_WORDS, TransferStep } from '../../domain/transfer';
import { Block, RecordDocument, Segment, strong, typed } from '../../documents/document';
import type { Actor } from '../actor';
import type { TransferPorts } from './ports';
import { load, today } from './steps';

export async function record(ports: TransferPorts, cmd: { actor: Actor; reference: string }): Promise<RecordDocument> {
  const { directory, calendar } = ports;
  const t = await load(ports, cmd.actor, cmd.reference);
  await ports.notes.note(cmd.actor, cmd.reference, 'record.exported');
  const zone = directory.partnership.timeZone;
  const who = (id: string): Segment => typed(id === 'system' ? 'Concord (deadline)' : (directory.person(id)?.name ?? id));
  const day = (d: string) => dateInWords(d, zone);
  const item = (...segments: Segment[]): Block => ({ item: segments });
  const step = (s: TransferStep): Block =>
    item(
      `${calendar.describe(new Date(s.at))}: `,
      who(s.by),
      ` ${STEP_WORDS[s.what]}`,
      ...(s.date ? [` ${day(s.date)}`] : []),
      ...(s.text ? [' “', typed(s.text), '”'] : []),
    );
  const accepted = t.acceptance
    ? [
        item(
          'Accepted by ',
          typed(t.acceptance.name),
          ` on ${day(DateTime.fromISO(t.acceptance.at, { zone }).toISODate()!)} (${t.acceptance.how === 'teams' ? 'in Teams' : t.acceptance.how === 'code' ? 'by the emailed acceptance code' : 'by phone or email'}`,
          ...(t.acceptance.recordedBy ? ['; recorded by ', who(t.acceptance.recordedBy)] : []),
          ')',
        ),
      ]
    : [];
  return {
    title: `${t.reference}: case transfer`,
    fileName: `${t.reference} case transfer`,
    blocks: [
      { heading: [`${t.reference}: case transfer from ${t.sending.name} to ${t.receiving.name}`], level: 1 },
      item(strong(responsibility(t, today(ports), zone))),
      item('State: ', strong(t.state)),
      item('Case reference(s): ', typed(t.caseReferences)),
      item(`Plan: ${PLANS[t.plan]}`),
      item('Reason: ', typed(t.reason)),
      item(`Proposed date: ${day(t.proposedDate)}`),
      ...(t.agreedDate ? [item(`Agreed date: ${day(t.agreedDate)}`)] : []),
      ...accepted,
      item('Started by ', who(t.startedBy), ` ${calendar.describe(new Date(t.startedAt))}`),
      { heading: ['Before the case moves'], level: 2 },
      ...t.checklist.map((i) =>
        item(i.done ? '[done] ' : '[to do] ', i.label, ...(i.dueBy ? [` (by ${day(i.dueBy)})`] : []), ...(i.done ? [' (', who(i.done.by), ')'] : [])),
      ),
      { heading: ['Every step'], level: 2 },
      ...t.steps.map(step),
    ],
  };
}
