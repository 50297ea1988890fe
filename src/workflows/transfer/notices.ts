/**
 * What the people of a case transfer are told, in the domain's words. Each notice carries the
 * transfer as it now stands, so every card says who is responsible now.
 */
import type { Transfer } from '../../domain/transfer';

export interface TransferNoticeKinds {
  /** The receiving authority's contact, in Teams, is asked to accept, propose a date, ask or decline. */
  'tr.request': { transfer: Transfer };
  /** The sender hears the receiving authority's answer. */
  'tr.answered': { transfer: Transfer };
  /** The sender agreed to the receiving authority's proposed date: its proposer (and contact) hear it is accepted. */
  'tr.date-agreed': { transfer: Transfer };
  /** No answer within the partnership's working days: the sender's manager is told. */
  'tr.unanswered': { transfer: Transfer };
  /** The agreed date arrived with the checklist incomplete: both managers are told. */
  'tr.checklist-incomplete': { transfer: Transfer };
  /** Declined, or the proposed date passed unaccepted: the partnership admins are told. */
  'tr.failed': { transfer: Transfer };
  /** The agreed date arrived: responsibility has moved. */
  'tr.moved': { transfer: Transfer };
  /** A checklist item was done: the other people's live cards show it (in place, not a new message). */
  'tr.checked': { transfer: Transfer; item: string };
  /** A card sent before, replaced by a pointer to the newer one (of kind `newer`): one live card per person. */
  'tr.superseded': { transfer: Transfer; newer: Exclude<keyof TransferNoticeKinds, 'tr.superseded'> };
}
