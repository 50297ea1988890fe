/**
 * A transfer that failed (declined, or its proposed date passed unaccepted) is the partnership's
 * concern: its admins are told, and where the child has a child protection plan the sender is
 * offered a professional difference in one click, filled in from the transfer.
 */
import { isOfSending, Transfer } from '../../domain/transfer';
import { Refused } from '../../domain/refusals';
import type { Actor } from '../actor';
import type { TransferPorts } from './ports';
import { load, noticeTo, receivingContact, tellNewest } from './steps';
import { chaseTo } from '../cover';
import type { RaiseForm } from '../differences/forms';

export async function afterFailure(ports: TransferPorts, t: Transfer): Promise<void> {
  const admins = ports.directory.administrators().map((p) => p.aadObjectId);
  const people = [...new Set([...admins, t.startedBy])];
  await tellNewest(
    ports,
    people.map((p) => ({ ...noticeTo(p, `failed|${t.state}`, { kind: 'tr.failed', transfer: t }), ...chaseTo(ports, p) })),
  );
}

/** The raise form's values for a transfer that failed, when the child has a child protection plan. */
export function differenceFromTransfer(t: Transfer, responding: string | undefined): RaiseForm {
  const what = t.state === 'declined' ? `declined by ${t.receiving.name}` : `not accepted by ${t.receiving.name} by the proposed date`;
  return {
    caseReference: t.reference,
    decision: `Transfer ${t.reference} of a child protection plan from ${t.sending.name}: ${what}`,
    reasons: t.state === 'declined' && t.lastAnswer?.text ? `${t.receiving.name}’s reason: ${t.lastAnswer.text}` : '',
    outcomeSought: `${t.receiving.name} accepts the transfer with an agreed date, and a transfer-in child protection conference is held`,
    responding: responding ?? '',
  };
}

/** One click from a failed transfer of a child protection plan: the raise form, filled in. */
export async function differenceOffer(ports: TransferPorts, cmd: { actor: Actor; reference: string }): Promise<RaiseForm> {
  const t = await load(ports, cmd.actor, cmd.reference);
  if (!(t.state === 'declined' || t.state === 'lapsed') || t.plan !== 'cp' || !isOfSending(t, cmd.actor.person)) {
    throw new Refused(
      'not-authority',
      `Only the sending authority raises a professional difference from ${t.reference}, once a child protection plan transfer is declined or lapsed.`,
    );
  }
  const answeredBy = t.lastAnswer ? ports.directory.person(t.lastAnswer.by)?.aadObjectId : undefined;
  return differenceFromTransfer(t, answeredBy ?? (t.state === 'lapsed' ? receivingContact(ports, t) : undefined));
}
