/**
 * Where a raised difference comes from: the raiser's own different understanding of a strategy
 * discussion outcome, or their own declined correction to its minutes. Checked before anything is
 * written or a reference spent, so a forged origin changes nobody's record; once raised, the link
 * is kept on the record it came from.
 */
import { mustBeInvolved } from '../../domain/strategyDiscussion';
import { Origin, ProfessionalDifference } from '../../domain/professionalDifference';
import { Refused, unexpectedInput } from '../../domain/refusals';
import type { Actor } from '../actor';
import type { DifferencePorts } from './ports';

async function involvedIn(ports: DifferencePorts, actor: Actor, sdRef: string) {
  const d = /^SD-\d{4,}$/.test(sdRef) ? await ports.discussions.get(sdRef) : undefined;
  mustBeInvolved(d, actor.person.aadObjectId, sdRef);
  return d;
}

/** The raiser's own different understanding of a version of an outcome, in a case they are involved in. */
export async function differentUnderstanding(ports: DifferencePorts, actor: Actor, sdRef: string, version: number) {
  const d = await involvedIn(ports, actor, sdRef);
  const ack = await ports.discussions.acknowledgement(sdRef, version, actor.person.aadObjectId);
  const v = d.versions.find((x) => x.version === version);
  if (ack?.answer !== 'different' || !v)
    throw new Refused('not-attendee', `Only an attendee who recorded a different understanding of ${sdRef} can raise a professional difference from it.`);
  return { d, v, ack };
}

/** The raiser's own declined correction to the minutes of a case they are involved in. */
export async function declinedCorrection(ports: DifferencePorts, actor: Actor, sdRef: string, correctionId: string) {
  const d = await involvedIn(ports, actor, sdRef);
  const m = await ports.minutes.get(sdRef);
  const c = m?.corrections.find((x) => x.id === correctionId);
  if (!c || c.by !== actor.person.aadObjectId || c.state !== 'declined') {
    throw new Refused('not-recipient', 'Only the person whose correction was declined can raise it as a professional difference.');
  }
  return { d, c };
}

/** The origin as the raise form carries it back ("kind|reference|detail"), checked. */
export async function originOf(ports: DifferencePorts, actor: Actor, origin: string): Promise<Origin | undefined> {
  if (!origin) return undefined;
  const [kind, reference, detail, ...rest] = origin.split('|');
  if (kind === 'strategy-outcome' && !rest.length && /^[1-9][0-9]{0,5}$/.test(detail ?? '')) {
    await differentUnderstanding(ports, actor, reference, Number(detail));
    return { kind, reference, detail };
  }
  if (kind === 'minutes-correction' && !rest.length && detail) {
    await declinedCorrection(ports, actor, reference, detail);
    return { kind, reference, detail };
  }
  throw unexpectedInput('"origin" is not one Concord gives');
}

/** Keep the link on the record it came from, so the strategy discussion or minutes show it. */
export async function recordOrigin(ports: DifferencePorts, pd: ProfessionalDifference): Promise<void> {
  const o = pd.origin;
  if (!o) return;
  if (o.kind === 'strategy-outcome') {
    const version = Number(o.detail);
    const ack = await ports.discussions.acknowledgement(o.reference, version, pd.raisedBy);
    // Rows created once: the first difference raised from this version stands.
    await ports.discussions.addDifferenceRequest(o.reference, {
      aadObjectId: pd.raisedBy,
      version,
      understood: ack?.note ?? '',
      at: pd.raisedAt,
      difference: pd.reference,
    });
  } else {
    await ports.minutes.markRaised(o.reference, o.detail, { at: pd.raisedAt, difference: pd.reference });
  }
  await ports.audit.record({ subject: o.reference, action: 'difference.raised', actorAadObjectId: pd.raisedBy, detail: pd.reference });
}
