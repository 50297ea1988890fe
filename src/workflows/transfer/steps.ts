/**
 * What every step on a transfer shares: loading it only for someone of either authority, applying
 * a change under the etag so a repeated click records, audits and tells nothing twice, and who
 * hears of it.
 */
import { DateTime } from 'luxon';
import { mustSee, Transfer } from '../../domain/transfer';
import { Invalid } from '../../domain/refusals';
import type { Actor } from '../actor';
import type { Notice } from '../notices';
import type { TransferNoticeKinds } from './notices';
import type { TransferPorts } from './ports';
import { transferView, TransferView } from './views';

/** The transfer, for someone of either authority (or who records its acceptance); anyone else learns nothing of it. */
export async function load(ports: TransferPorts, actor: Actor, reference: string): Promise<Transfer> {
  const t = /^TR-\d{4,}$/.test(reference) ? await ports.transfers.get(reference) : undefined;
  mustSee(t, actor.person, ports.directory, reference);
  return t;
}

/** Today in the partnership's zone, YYYY-MM-DD. */
export const today = (ports: TransferPorts): string => ports.calendar.local(ports.now()).toISODate()!;

/** The start of a local date, as an instant: when responsibility moves. */
export const startOfDay = (ports: TransferPorts, isoDate: string): Date =>
  DateTime.fromISO(isoDate, { zone: ports.directory.partnership.timeZone }).startOf('day').toJSDate();

export type Changed = { before: Transfer; after: Transfer; changed: boolean };

/** Applies a step under the etag; problems with what the person typed come back on their own card. */
export async function change(
  ports: TransferPorts,
  actor: Actor,
  reference: string,
  apply: (t: Transfer) => Transfer,
  audit: string,
  detail?: string,
): Promise<Changed | TransferView> {
  const before = await load(ports, actor, reference);
  try {
    const { transfer: after, changed } = await ports.transfers.apply(reference, apply);
    if (changed) await ports.notes.note(actor, reference, audit, detail);
    return { before, after, changed };
  } catch (e) {
    if (e instanceof Invalid) return transferView(before, e.problems.join(' '));
    throw e;
  }
}

export const isView = (r: Changed | TransferView): r is TransferView => 'kind' in r;

type About = { [K in keyof TransferNoticeKinds]: { kind: K } & TransferNoticeKinds[K] }[keyof TransferNoticeKinds];

/** One person is told; the person who started the transfer hears if they cannot be reached. */
export function noticeTo(person: string, key: string, about: About): Notice {
  const t = about.transfer;
  return { key: `${t.reference}|${key}|${person}`, about: t.reference, to: { person }, reportTo: [t.startedBy], ...about };
}

/** The receiving authority's contact in Teams, when it has one. */
export function receivingContact(ports: TransferPorts, t: Transfer): string | undefined {
  const id = ports.directory.neighbouringAuthority(t.receiving.id)?.transferContact.teams;
  return ports.directory.person(id)?.aadObjectId;
}

/** A person's manager, when the directory names one. */
export function managerOf(ports: TransferPorts, id: string | undefined): string | undefined {
  const p = ports.directory.person(id);
  return p ? ports.directory.manager(p)?.aadObjectId : undefined;
}

/**
 * Each notice's card becomes its reader's live one: every card they were sent (or acted on)
 * before about the transfer points to it, with nothing left to click.
 */
export async function tellNewest(ports: TransferPorts, notices: Notice[]): Promise<void> {
  await ports.tell.tell(notices);
  await Promise.all(notices.filter(isTold).map((n) => ports.tell.replaceEarlier({ ...n, kind: 'tr.superseded', newer: n.kind })));
}

type Told = Exclude<keyof TransferNoticeKinds, 'tr.superseded'>;
const isTold = (n: Notice): n is Notice<Told> => n.kind.startsWith('tr.') && n.kind !== 'tr.superseded';
