/** What the person who acted on a case transfer sees next, in the domain's words. */
import type { Transfer } from '../../domain/transfer';
import type { Said } from '../ports';
import type { StartForm } from './forms';

export type TransferView =
  /** The start form, with what they typed and the problems with it. */
  | { kind: 'tr.start-form'; values: StartForm; errors: string[] }
  /** Their own view of the transfer now: what they can do, if anything. */
  | { kind: 'tr.transfer'; transfer: Transfer; error?: string }
  /**
   * Just started, to a contact outside the partnership's tenants: the summary to email, with the
   * one-time acceptance code (shown once; only its hash is kept).
   */
  | { kind: 'tr.started-by-email'; transfer: Transfer; code: string }
  /** The form for an acceptance by code, or one recorded from a phone call or email. */
  | { kind: 'tr.acceptance-form'; transfer: Transfer; how: 'code' | 'phone'; code?: string; errors: string[] }
  | Said;

export const transferView = (transfer: Transfer, error?: string): TransferView => ({ kind: 'tr.transfer', transfer, error });
