import { inputIds } from '../../inputs';
import { AnswerField } from '../../../workflows/transfer/forms';
import { template } from '../../render';
import type { InputsOf } from '../../../domain/limits';

/** The view model this template expands (its `$root`): one person's view of a transfer. */
export interface TransferCardView {
  reference: string;
  userIds: string[];
  headline: string;
  /** "Responsible now: …", the same words on every card and record. */
  responsible: string;
  facts: { title: string; value: string }[];
  reason: string;
  lastAnswer: string;
  /** For a contact outside the tenants: what to email, and the one-time code (shown once). */
  summary: string;
  code: string;
  contactNote: string;
  checklist: { id: string; label: string; state: string; canCheck: boolean }[];
  history: string[];
  error: string;
  f: InputsOf<'transferAnswer'>;
  canAnswer: boolean;
  canEnterCode: boolean;
  canRecordPhone: boolean;
  canRaiseDifference: boolean;
  /** The sending authority may issue a new acceptance code; `codes` is how many were issued so far. */
  canIssueCode: boolean;
  /** The receiving authority's proposed date the sender may agree to (YYYY-MM-DD), and it in words. */
  proposedByReceiving: string;
  proposedInWords: string;
  codes: number;
  /** Said to the sending authority when wrong codes locked the code. */
  codeNote: string;
}

const id = inputIds<AnswerField>();

export default template<TransferCardView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  refresh: { action: { type: 'Action.Execute', title: 'Refresh', verb: 'tr.view', data: { ref: '${reference}' } }, userIds: '${userIds}' },
  body: [
    { type: 'TextBlock', text: '${headline}', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: '${responsible}', weight: 'Bolder', color: 'Accent', wrap: true },
    { type: 'FactSet', facts: [{ $data: '${facts}', title: '${title}', value: '${value}' }] },
    { type: 'TextBlock', text: 'Why: ${reason}', wrap: true },
    { type: 'TextBlock', $when: "${lastAnswer != ''}", text: '${lastAnswer}', weight: 'Bolder', wrap: true, separator: true },
    { type: 'TextBlock', $when: "${contactNote != ''}", text: '${contactNote}', wrap: true, isSubtle: true },
    {
      type: 'Container',
      $when: "${summary != ''}",
      style: 'emphasis',
      items: [
        { type: 'TextBlock', text: 'Email this to the receiving authority’s contact', weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: '${summary}', wrap: true, fontType: 'Monospace' },
        { type: 'TextBlock', text: 'One-time acceptance code: ${code}', weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: 'Shown only now: Concord keeps only a hash of it.', isSubtle: true, wrap: true, size: 'Small' },
      ],
    },
    { type: 'TextBlock', $when: "${codeNote != ''}", text: '${codeNote}', color: 'Attention', wrap: true },
    { type: 'TextBlock', text: 'Before the case moves', weight: 'Bolder', wrap: true, separator: true },
    {
      type: 'Container',
      $data: '${checklist}',
      items: [
        { type: 'TextBlock', text: '${state} ${label}', wrap: true, spacing: 'Small' },
        {
          type: 'ActionSet',
          $when: '${canCheck}',
          actions: [{ type: 'Action.Execute', title: 'Done: ${label}', verb: 'tr.check', data: { ref: '${$root.reference}', item: '${id}' } }],
        },
      ],
    },
    { type: 'TextBlock', text: 'What has happened', weight: 'Bolder', wrap: true, separator: true },
    { type: 'TextBlock', $data: '${history}', text: '${$data}', wrap: true, size: 'Small', spacing: 'Small' },
    { type: 'TextBlock', $when: "${error != ''}", text: '${error}', color: 'Attention', wrap: true },
    { type: 'Input.Date', $when: '${canAnswer}', id: id('date'), label: 'Transfer date (to accept, or to propose another)' },
    { type: 'Input.Text', $when: '${canAnswer}', id: id('text'), label: '${f.transferAnswer.label}', maxLength: '${f.transferAnswer.max}', isMultiline: true },
  ],
  actions: [
    { $when: '${canAnswer}', type: 'Action.Execute', title: 'Accept with this date', verb: 'tr.answer', data: { ref: '${reference}', answer: 'accept' } },
    { $when: '${canAnswer}', type: 'Action.Execute', title: 'Propose another date', verb: 'tr.answer', data: { ref: '${reference}', answer: 'propose' } },
    { $when: '${canAnswer}', type: 'Action.Execute', title: 'Ask for information', verb: 'tr.answer', data: { ref: '${reference}', answer: 'ask' } },
    { $when: '${canAnswer}', type: 'Action.Execute', title: 'Decline, with the reason', verb: 'tr.answer', data: { ref: '${reference}', answer: 'decline' } },
    {
      $when: '${canEnterCode}',
      type: 'Action.Execute',
      title: 'Enter the acceptance code',
      verb: 'tr.acceptance.open',
      data: { ref: '${reference}', how: 'code' },
    },
    {
      $when: '${canRecordPhone}',
      type: 'Action.Execute',
      title: 'Record an acceptance by phone or email',
      verb: 'tr.acceptance.open',
      data: { ref: '${reference}', how: 'phone' },
    },
    {
      $when: "${proposedByReceiving != ''}",
      type: 'Action.Execute',
      title: 'Agree to ${proposedInWords}',
      verb: 'tr.date.agree',
      data: { ref: '${reference}', date: '${proposedByReceiving}' },
    },
    {
      $when: '${canIssueCode}',
      type: 'Action.Execute',
      title: 'Issue a new acceptance code',
      verb: 'tr.code.new',
      data: { ref: '${reference}', codes: '${codes}' },
    },
    { $when: '${canRaiseDifference}', type: 'Action.Execute', title: 'Raise a professional difference', verb: 'tr.difference', data: { ref: '${reference}' } },
  ],
} as const);
