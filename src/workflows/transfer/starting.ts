/**
 * Starting a transfer: the form (blank, or filled in from a referral or discussion that says the
 * child is open to another authority), then the transfer itself, one per form however often it is
 * submitted. The receiving authority is asked in Teams when its contact is in the directory;
 * otherwise the sender is given the summary to email with a one-time acceptance code.
 */
import { randomUUID } from 'node:crypto';
import { contactRoute, mustBeSendingAuthority, start as startTransfer, StartRequest } from '../../domain/transfer';
import { maySeeReferral } from '../../domain/referral';
import { mustBeInvolved } from '../../domain/strategyDiscussion';
import { Invalid, Refused } from '../../domain/refusals';
import type { Actor } from '../actor';
import type { TransferPorts } from './ports';
import type { StartForm } from './forms';
import { issueCode } from './acceptanceCode';
import { noticeTo, receivingContact, startOfDay, today, tellNewest } from './steps';
import { transferView, TransferView } from './views';

/** The blank form, or one filled in from the referral or discussion it is started from. */
export async function startForm(ports: TransferPorts, cmd: { actor: Actor; from?: string }): Promise<TransferView> {
  const { actor, from } = cmd;
  mustBeSendingAuthority(actor.person, ports.directory);
  const values: StartForm = {};
  if (from?.startsWith('REF-')) {
    const r = await ports.origins.referral(from);
    if (!r || !maySeeReferral(r, actor.person)) throw new Refused('not-involved', `You are not involved in ${from}, so Concord cannot show it.`);
    Object.assign(values, { from, caseReferences: from, receiving: r.answers.otherAuthority ?? '', plan: r.answers.otherAuthorityPlan ?? '' });
  } else if (from?.startsWith('SD-')) {
    const d = await ports.origins.discussion(from);
    mustBeInvolved(d, actor.person.aadObjectId, from);
    Object.assign(values, { from, caseReferences: from, receiving: d.openElsewhere?.authority ?? '', plan: d.openElsewhere?.plan ?? '' });
  }
  // A plan of "none" on the referral is no plan to transfer: the sender chooses.
  if (values.plan === 'none') values.plan = '';
  return { kind: 'tr.start-form', values, errors: [] };
}

function request(form: StartForm): StartRequest {
  return {
    receiving: form.receiving ?? '',
    plan: form.plan ?? '',
    reason: form.reason ?? '',
    proposedDate: form.proposedDate ?? '',
    caseReferences: form.caseReferences ?? '',
    from: form.from,
  };
}

export async function start(ports: TransferPorts, cmd: { actor: Actor; form: StartForm }): Promise<TransferView> {
  const { actor, form } = cmd;
  const { directory, calendar, now } = ports;
  if (form.from && !/^(REF|SD)-\d{4,9}$/.test(form.from))
    throw new Refused('invalid-input', 'This card sent something Concord does not offer.', '"from" is not a referral or discussion');
  if (form.from) await startForm(ports, { actor, from: form.from });
  const answerBy = calendar.addWorkingDays(now(), directory.transfers.answerWorkingDays);
  try {
    startTransfer(request(form), 'TR-0000', actor.person, directory, answerBy, now(), today(ports));
  } catch (e) {
    if (e instanceof Invalid) return { kind: 'tr.start-form', values: form, errors: e.problems };
    throw e;
  }
  const { reference, first } = await ports.references.forForm('TR', form.formId || randomUUID());
  if (!first) {
    const existing = await ports.transfers.get(reference);
    if (existing) return transferView(existing);
    // The reference was reserved but the transfer never stored (a failure in between): this click
    // finishes the start under the same reference, rather than calling it submitted.
  }
  const dueBy = (days: number) => calendar.local(calendar.addWorkingDays(now(), days)).toISODate()!;
  let t = startTransfer(request(form), reference, actor.person, directory, answerBy, now(), today(ports), dueBy);
  const authority = directory.neighbouringAuthority(t.receiving.id)!;
  const route = contactRoute(authority);
  // The code exists only in this answer: what is kept is its hash.
  const issued = route === 'email' ? issueCode(reference, now(), directory.transfers.codeValidDays) : undefined;
  const code = issued?.code;
  if (issued) {
    t = {
      ...t,
      code: issued.kept,
      steps: [...t.steps, { at: now().toISOString(), by: actor.person.aadObjectId, what: 'code-issued' }],
    };
  }
  try {
    await ports.transfers.create(t);
  } catch (e) {
    // A second click racing the first: the transfer the first one stored is the answer.
    const stored = await ports.transfers.get(reference);
    if (stored) return transferView(stored);
    throw e;
  }
  if (t.from) await ports.threads.link(t.from, reference, 'started-from');
  await ports.notes.note(actor, reference, 'transfer.started', `to ${t.receiving.id}; ${t.plan} plan; reached by ${route}${t.from ? `; from ${t.from}` : ''}`);
  if (t.from) {
    await ports.origins.linkTransfer(t.from, { reference, to: t.receiving.name, at: t.startedAt });
    await ports.audit.record({ subject: t.from, action: 'transfer.started', actorAadObjectId: actor.person.aadObjectId, detail: reference });
  }
  await ports.schedule.schedule({ id: `${reference}|unanswered`, kind: 'tr.unanswered', dueAt: new Date(t.answerBy), payload: { ref: reference } });
  await ports.schedule.schedule({
    id: `${reference}|proposed-date`,
    kind: 'tr.proposed-date',
    dueAt: startOfDay(ports, t.proposedDate),
    payload: { ref: reference },
  });
  const contact = receivingContact(ports, t);
  if (contact) await tellNewest(ports, [noticeTo(contact, 'request', { kind: 'tr.request', transfer: t })]);
  return code ? { kind: 'tr.started-by-email', transfer: t, code } : transferView(t);
}
