/**
 * Outcomes flow back: a professional difference raised from a strategy discussion (a different
 * understanding of its outcome) or from its minutes (a declined correction) is written, as it
 * ended, into that discussion's record, and the chair is asked to amend the outcome if the
 * resolution changes the decision. In Child Alex the resolution never reached the discussion it
 * came from: the record went on reading "no further action".
 */
import { currentVersion } from '../../domain/strategyDiscussion';
import type { ProfessionalDifference } from '../../domain/professionalDifference';
import type { DifferencePorts } from './ports';

export async function writeBack(ports: DifferencePorts, pd: ProfessionalDifference): Promise<void> {
  const o = pd.origin;
  if (!o || !pd.resolution || pd.state === 'open') return;
  const d = await ports.discussions.get(o.reference);
  if (!d) return;
  const resolution = {
    difference: pd.reference,
    from: o.kind === 'strategy-outcome' ? ('outcome' as const) : ('minutes' as const),
    how: pd.state,
    text: pd.resolution.text,
    at: pd.resolution.at,
    version: currentVersion(d)?.version ?? 0,
  };
  // A row created once: a repeated click writes, audits and tells nothing twice.
  if (!(await ports.discussions.addResolution(o.reference, resolution))) return;
  await ports.audit.record({ subject: o.reference, action: 'difference.resolution-recorded', detail: pd.reference });
  await ports.tell.tell([
    {
      kind: 'sd.difference-resolved',
      key: `${o.reference}|resolution|${pd.reference}`,
      about: o.reference,
      to: { person: d.chair },
      discussion: (await ports.discussions.get(o.reference)) ?? d,
      resolution,
    },
  ]);
}
