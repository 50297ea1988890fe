/**
 * A new acceptance code, issued by the sending authority when the last one was locked by wrong
 * codes, expired or was lost: shown once with the summary to email again, the old one dead.
 */
import { codeLocked, codesIssued, reissueCode } from '../../domain/transfer';
import type { Actor } from '../actor';
import type { TransferPorts } from './ports';
import { issueCode } from './acceptanceCode';
import { change, isView, load } from './steps';
import { transferView, TransferView } from './views';

const STALE = 'A new acceptance code was issued since this card was drawn. If you do not have it, issue another: only the newest works.';

/** `seen`: the codes issued when the person's card was drawn, so a repeated click issues one code, not two. */
export async function newAcceptanceCode(ports: TransferPorts, cmd: { actor: Actor; reference: string; seen: number }): Promise<TransferView> {
  const { actor, reference } = cmd;
  const t = await load(ports, actor, reference);
  if (codesIssued(t) !== cmd.seen) return transferView(t, STALE);
  const { code, kept } = issueCode(reference, ports.now(), ports.directory.transfers.codeValidDays);
  const why = codeLocked(t) ? '; the last one was locked' : t.code && ports.now().toISOString() > t.code.expiresAt ? '; the last one had expired' : '';
  const r = await change(
    ports,
    actor,
    reference,
    (cur) => (codesIssued(cur) === cmd.seen ? reissueCode(cur, actor.person, kept, ports.now()) : cur),
    'transfer.code-issued',
    `a new code${why}`,
  );
  if (isView(r)) return r;
  if (!r.changed) return transferView(r.after, STALE);
  return { kind: 'tr.started-by-email', transfer: r.after, code };
}
