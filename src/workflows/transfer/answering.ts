/**
 * The receiving authority answers: in Teams from its card (accept with a date, propose another
 * date, ask for information, decline with the reason), or from outside the partnership's tenants
 * by the emailed one-time code or an acceptance by phone or email that a partnership person
 * records with who and when. Until the acceptance and the agreed date, the sender stays responsible.
 */
import { DateTime } from 'luxon';
import {
  accepted,
  agreeProposedDate,
  answer as answerTransfer,
  check,
  CODE_ATTEMPTS,
  codeIssuedBy,
  codeLocked,
  isOfReceiving,
  mayRecordAcceptance,
  Transfer,
  wrongCode,
} from '../../domain/transfer';
import { Refused } from '../../domain/refusals';
import { FIELDS, lengthProblems } from '../../domain/limits';
import type { Actor } from '../actor';
import type { TransferPorts } from './ports';
import { codeMatches } from './acceptanceCode';
import { change, isView, load, noticeTo, receivingContact, startOfDay, today, tellNewest } from './steps';
import { transferView, TransferView } from './views';
import { afterFailure } from './failure';

export async function view(ports: TransferPorts, cmd: { actor: Actor; reference: string }): Promise<TransferView> {
  const t = await load(ports, cmd.actor, cmd.reference);
  await ports.notes.note(cmd.actor, cmd.reference, 'record.viewed');
  return transferView(t);
}

/** Once accepted: the day responsibility moves is on the clock, and the sender hears. */
async function afterAcceptance(ports: TransferPorts, t: Transfer): Promise<void> {
  await ports.schedule.schedule({
    id: `${t.reference}|agreed-date`,
    kind: 'tr.agreed-date',
    dueAt: startOfDay(ports, t.agreedDate!),
    payload: { ref: t.reference },
  });
}

export async function answer(ports: TransferPorts, cmd: { actor: Actor; reference: string; what: string; date: string; text: string }): Promise<TransferView> {
  const { actor, reference, what, date, text } = cmd;
  const r = await change(
    ports,
    actor,
    reference,
    (t) => answerTransfer(t, actor.person, what, date, text, ports.now(), today(ports), ports.directory),
    `transfer.${what === 'accept' ? 'accepted' : what === 'propose' ? 'date-proposed' : what === 'ask' ? 'information-asked' : 'declined'}`,
    'in Teams',
  );
  if (isView(r)) return r;
  const t = r.after;
  if (r.changed) {
    await tellNewest(ports, [noticeTo(t.startedBy, `answer|${t.steps.length}`, { kind: 'tr.answered', transfer: t })]);
    if (t.state === 'accepted') await afterAcceptance(ports, t);
    if (t.state === 'declined') await afterFailure(ports, t);
  }
  return transferView(t);
}

/** The form for an acceptance by code or by phone, for someone who may enter it. */
export async function acceptanceForm(
  ports: TransferPorts,
  cmd: { actor: Actor; reference: string; how: 'code' | 'phone'; code?: string },
): Promise<TransferView> {
  const t = await load(ports, cmd.actor, cmd.reference);
  mayEnterAcceptance(ports, cmd.actor, t, cmd.how);
  return { kind: 'tr.acceptance-form', transfer: t, how: cmd.how, code: cmd.code, errors: [] };
}

/**
 * The code is entered by the receiving authority's own people or the partnership person who
 * records acceptances, never by whoever started the transfer: they were shown the code.
 * A phone or email acceptance is recorded only by that partnership person (or an admin).
 */
function mayEnterAcceptance(ports: TransferPorts, actor: Actor, t: Transfer, how: 'code' | 'phone'): void {
  const recorder = mayRecordAcceptance(t, actor.person, ports.directory);
  const me = actor.person.aadObjectId;
  const allowed = how === 'phone' ? recorder : (recorder || isOfReceiving(t, actor.person, ports.directory)) && me !== t.startedBy && me !== codeIssuedBy(t);
  if (!allowed) {
    throw new Refused(
      'not-authority',
      how === 'phone'
        ? `Only the partnership person named to record ${t.receiving.name}’s acceptances (or a partnership admin) records an acceptance by phone or email.`
        : `Only ${t.receiving.name}’s contact, or the partnership person who records its acceptances, enters the acceptance code: not whoever started the transfer or was given the code.`,
    );
  }
}

function acceptanceProblems(ports: TransferPorts, acceptedBy: string, date: string, when?: string): string[] {
  const problems: string[] = [];
  if (!acceptedBy.trim()) problems.push('Say who accepted (name and role).');
  if (!date) problems.push('Give the agreed transfer date.');
  else if (date < today(ports)) problems.push('The agreed transfer date is in the past.');
  if (when !== undefined && !when) problems.push('Give the date of the call or email.');
  else if (when && when > today(ports)) problems.push('The call or email cannot be in the future.');
  problems.push(...lengthProblems([[FIELDS.acceptedBy, acceptedBy]]));
  return problems;
}

/**
 * The emailed code: a wrong, expired or already used code is refused, and the refusal audited. The
 * fifth wrong code locks it, the right one included, until the sending authority issues a new one.
 */
export async function acceptWithCode(
  ports: TransferPorts,
  cmd: { actor: Actor; reference: string; code: string; acceptedBy: string; date: string },
): Promise<TransferView> {
  const { actor, reference } = cmd;
  const t = await load(ports, actor, reference);
  mayEnterAcceptance(ports, actor, t, 'code');
  if (!t.code) throw new Refused('wrong-code', `${reference} has no acceptance code: its receiving authority answers in Teams.`, 'no code issued');
  if (t.code.usedAt) throw new Refused('wrong-code', `That acceptance code was already used: ${reference} is ${t.state}.`, 'code already used');
  const askSender = `${ports.directory.person(codeIssuedBy(t))?.name ?? 'the person who sent it'} (${t.sending.name})`;
  if (codeLocked(t)) throw lockedCode(reference, askSender);
  if (!codeMatches(reference, cmd.code, t.code.hash)) await wrongCodeEntered(ports, reference, askSender);
  if (ports.now().toISOString() > t.code.expiresAt)
    throw new Refused('wrong-code', `The acceptance code of ${reference} has expired. Nothing was recorded.`, 'code expired');
  const problems = acceptanceProblems(ports, cmd.acceptedBy, cmd.date);
  if (problems.length) return { kind: 'tr.acceptance-form', transfer: t, how: 'code', code: cmd.code, errors: problems };
  return recordAcceptance(
    ports,
    actor,
    reference,
    { name: cmd.acceptedBy.trim(), at: ports.now().toISOString(), how: 'code', recordedBy: actor.person.aadObjectId },
    cmd.date,
  );
}

/** Counts a wrong code under the etag (two at once are two), and refuses it, saying how many are left. */
async function wrongCodeEntered(ports: TransferPorts, reference: string, askSender: string): Promise<never> {
  const { transfer, changed } = await ports.transfers.apply(reference, wrongCode);
  if (!changed) throw lockedCode(reference, askSender);
  const wrong = transfer.code?.wrongAttempts ?? CODE_ATTEMPTS;
  const left = CODE_ATTEMPTS - wrong;
  const nothing = `That is not the acceptance code of ${reference}. Nothing was recorded.`;
  if (left > 0)
    throw new Refused('wrong-code', `${nothing} ${left} more wrong code${left === 1 ? '' : 's'} will lock it.`, `wrong code (${wrong} of ${CODE_ATTEMPTS})`);
  throw new Refused(
    'wrong-code',
    `${nothing} That was the fifth wrong code, so the code is now locked: ask ${askSender} for a new one.`,
    `wrong code (${wrong} of ${CODE_ATTEMPTS}): locked`,
  );
}

const lockedCode = (reference: string, askSender: string) =>
  new Refused(
    'wrong-code',
    `The acceptance code of ${reference} is locked after five wrong codes. Nothing was recorded. Ask ${askSender} for a new code.`,
    'code locked',
  );

/** An acceptance received by phone or email, recorded with who accepted and when. */
export async function recordPhoneAcceptance(
  ports: TransferPorts,
  cmd: { actor: Actor; reference: string; acceptedBy: string; when: string; date: string },
): Promise<TransferView> {
  const { actor, reference } = cmd;
  const t = await load(ports, actor, reference);
  mayEnterAcceptance(ports, actor, t, 'phone');
  const problems = acceptanceProblems(ports, cmd.acceptedBy, cmd.date, cmd.when);
  if (problems.length) return { kind: 'tr.acceptance-form', transfer: t, how: 'phone', errors: problems };
  const at = DateTime.fromISO(cmd.when, { zone: ports.directory.partnership.timeZone }).set({ hour: 12 }).toUTC().toISO()!;
  return recordAcceptance(ports, actor, reference, { name: cmd.acceptedBy.trim(), at, how: 'phone', recordedBy: actor.person.aadObjectId }, cmd.date);
}

async function recordAcceptance(ports: TransferPorts, actor: Actor, reference: string, acceptance: Parameters<typeof accepted>[1], date: string) {
  const r = await change(
    ports,
    actor,
    reference,
    (t) => accepted(t, acceptance, date),
    'transfer.accepted',
    acceptance.how === 'code' ? 'by acceptance code' : 'by phone or email, recorded',
  );
  if (isView(r)) return r;
  if (r.changed) {
    await afterAcceptance(ports, r.after);
    if (r.after.startedBy !== actor.person.aadObjectId) {
      await tellNewest(ports, [noticeTo(r.after.startedBy, 'answer|accepted', { kind: 'tr.answered', transfer: r.after })]);
    }
  }
  return transferView(r.after);
}

/** The sender agrees to the receiving authority's proposed date: accepted for it, its clock set, the proposer told. */
export async function agreeDate(ports: TransferPorts, cmd: { actor: Actor; reference: string; date: string }): Promise<TransferView> {
  const { actor, reference, date } = cmd;
  const r = await change(
    ports,
    actor,
    reference,
    (t) => agreeProposedDate(t, actor.person, date, ports.now(), today(ports), ports.directory),
    'transfer.date-agreed',
    'the receiving authority’s proposed date',
  );
  if (isView(r)) return r;
  const t = r.after;
  if (r.changed) {
    await afterAcceptance(ports, t);
    const told = [...new Set([t.acceptance!.aadObjectId!, receivingContact(ports, t)].filter((x): x is string => !!x))];
    await tellNewest(
      ports,
      told.map((person) => noticeTo(person, 'date-agreed', { kind: 'tr.date-agreed', transfer: t })),
    );
  }
  return transferView(t);
}

/** The sending authority ticks off what must be done before the case moves. */
export async function checkItem(ports: TransferPorts, cmd: { actor: Actor; reference: string; item: string }): Promise<TransferView> {
  const r = await change(ports, cmd.actor, cmd.reference, (t) => check(t, cmd.actor.person, cmd.item, ports.now()), 'transfer.checked', `item ${cmd.item}`);
  if (isView(r)) return r;
  if (r.changed) {
    // The other side's live card shows it in place: nobody is messaged for a tick.
    const t = r.after;
    const others = [t.startedBy, receivingContact(ports, t)].filter((p): p is string => !!p && p !== cmd.actor.person.aadObjectId);
    await Promise.all(others.map((p) => ports.tell.replaceNewest(noticeTo(p, `checked|${cmd.item}`, { kind: 'tr.checked', transfer: t, item: cmd.item }))));
  }
  return transferView(r.after);
}
