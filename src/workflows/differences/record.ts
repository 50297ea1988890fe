/**
 * A professional difference as a document for an agency's own case file (Word) or the chat
 * (Markdown): what it is about, each stage with its people, and every step.
 */
import { currentStage } from '../../domain/professionalDifference';
import { stepLine } from '../../domain/differenceSteps';
import { Block, RecordDocument, Segment, strong, typed } from '../../documents/document';
import type { Actor } from '../actor';
import type { DifferencePorts } from './ports';
import { load } from './steps';

export async function record(ports: DifferencePorts, cmd: { actor: Actor; reference: string }): Promise<RecordDocument> {
  const { directory, calendar } = ports;
  const pd = await load(ports, cmd.actor, cmd.reference);
  await ports.notes.note(cmd.actor, cmd.reference, 'record.exported');
  // Names and every typed value are marked typed: the headings, list items and bold are Concord's alone.
  const who = (id: string): Segment => typed(id === 'system' ? 'Concord (deadline)' : (directory.person(id)?.name ?? 'someone'));
  const when = (iso: string) => calendar.describe(new Date(iso));
  const item = (...segments: Segment[]): Block => ({ item: segments });
  const join = (ids: string[], sep: string): Segment[] => ids.flatMap((id, i) => (i ? [sep, who(id)] : [who(id)]));
  return {
    title: `${pd.reference}: professional difference`,
    fileName: `${pd.reference} professional difference`,
    blocks: [
      { heading: [`${pd.reference}: professional difference about `, typed(pd.caseReference)], level: 1 },
      item('State: ', strong(pd.state), `, stage ${currentStage(pd).stage}`),
      item('Raised by: ', who(pd.raisedBy), '; responding: ', who(pd.responding)),
      item('Decision in question: ', typed(pd.decision)),
      item('Reasons: ', typed(pd.reasons)),
      item('Outcome sought: ', typed(pd.outcomeSought)),
      item(`Immediate risk: ${pd.immediateRisk ? 'yes' : 'no'}`),
      ...(pd.resolution
        ? [item('Outcome: ', typed(pd.resolution.text), ' (agreed by ', ...join(pd.resolution.agreedBy, ' and '), `, ${when(pd.resolution.at)})`)]
        : []),
      { heading: ['Stages'], level: 2 },
      ...pd.stages.map((st) =>
        item(
          `Stage ${st.stage}: ${when(st.startedAt)} to ${st.endedAt ? `${when(st.endedAt)} (${st.ended})` : `now (due ${when(st.dueAt)})`}; `,
          ...join(
            st.participants.map((p) => p.aadObjectId),
            ', ',
          ),
        ),
      ),
      { heading: ['Every step'], level: 2 },
      ...pd.log.map((e) => item(typed(stepLine(e, directory, calendar)))),
    ],
  };
}
