/**
 * The transfer's clocks: no answer in the partnership's working days tells the sender's manager;
 * the proposed date passing unaccepted lapses it (the partnership admins are told); the agreed
 * date arriving moves responsibility, and with the checklist incomplete both managers are told.
 * Each checks the transfer first, so a job that runs twice, or late, does no harm.
 */
import { checklistComplete, lapse } from '../../domain/transfer';
import type { JobPayloads } from '../jobs';
import type { TransferPorts } from './ports';
import { afterFailure } from './failure';
import { managerOf, noticeTo, receivingContact, tellNewest } from './steps';
import { chaseTo } from '../cover';

export async function unanswered(ports: TransferPorts, p: JobPayloads['tr.unanswered']): Promise<void> {
  const t = await ports.transfers.get(p.ref);
  if (!t || t.state !== 'awaiting' || t.steps.some((s) => s.what === 'date-proposed' || s.what === 'information-asked')) return;
  const manager = managerOf(ports, t.startedBy);
  await ports.audit.record({
    subject: t.reference,
    action: 'transfer.unanswered',
    detail: manager ? 'the sender’s manager told' : 'the sender has no manager in the directory',
  });
  const to = manager ?? t.startedBy;
  await tellNewest(ports, [{ ...noticeTo(to, 'unanswered', { kind: 'tr.unanswered', transfer: t }), ...chaseTo(ports, to) }]);
}

export async function proposedDateReached(ports: TransferPorts, p: JobPayloads['tr.proposed-date']): Promise<void> {
  const t = await ports.transfers.get(p.ref);
  if (!t || t.state !== 'awaiting') return;
  const { transfer: after, changed } = await ports.transfers.apply(p.ref, (cur) => lapse(cur, ports.now()));
  if (!changed) return;
  await ports.audit.record({ subject: t.reference, action: 'transfer.lapsed', detail: 'the proposed date passed without acceptance' });
  await afterFailure(ports, after);
}

export async function agreedDateReached(ports: TransferPorts, p: JobPayloads['tr.agreed-date']): Promise<void> {
  const t = await ports.transfers.get(p.ref);
  if (!t || t.state !== 'accepted') return;
  const sides = [t.startedBy, receivingContact(ports, t)].filter((x): x is string => !!x);
  await ports.audit.record({ subject: t.reference, action: 'transfer.responsibility-moved', detail: `to ${t.receiving.id}` });
  await tellNewest(
    ports,
    sides.map((person) => noticeTo(person, 'moved', { kind: 'tr.moved', transfer: t })),
  );
  if (checklistComplete(t)) return;
  const managers = [...new Set(sides.map((id) => managerOf(ports, id) ?? id))];
  await ports.audit.record({
    subject: t.reference,
    action: 'transfer.checklist-incomplete',
    detail: `${t.checklist.filter((i) => !i.done).length} items open; ${managers.length} managers told`,
  });
  await tellNewest(
    ports,
    managers.map((person) => ({ ...noticeTo(person, 'checklist-incomplete', { kind: 'tr.checklist-incomplete', transfer: t }), ...chaseTo(ports, person) })),
  );
}

/** Which chaser runs each kind of due work of this workflow (wired in jobHandlers.ts). */
export const transferChasers = {
  'tr.unanswered': unanswered,
  'tr.proposed-date': proposedDateReached,
  'tr.agreed-date': agreedDateReached,
} satisfies { [K in keyof JobPayloads & `tr.${string}`]: (ports: TransferPorts, payload: JobPayloads[K]) => Promise<void> };
