/**
 * Case transfers as Teams shows them: each notice as a first line (the case reference and what is
 * needed, never the child) with the recipient's own transfer card, each view as the card or
 * message that answers the person who acted, and the partnership's report as a chat message.
 */
import { TransferCards } from '../cards/transferCards';
import { Directory } from '../domain/directory';
import { ConversationStore } from '../store/conversations';
import { codesIssued } from '../domain/transfer';
import { md } from '../documents/markdown';
import { Actor } from '../workflows/actor';
import { Notice } from '../workflows/notices';
import { OutboundMessage, Reply } from '../workflows/ports';
import { TransferNoticeKinds } from '../workflows/transfer/notices';
import { TransferReportRow } from '../workflows/transfer/report';
import { TransferView } from '../workflows/transfer/views';
import type { Presenters } from './tell';

type Kind = keyof TransferNoticeKinds;

const ANSWERED = { accept: 'accepted the transfer', propose: 'proposes another date', ask: 'asks for information', decline: 'declined the transfer' };

export class TransferPresenter {
  constructor(
    private readonly cards: TransferCards,
    private readonly directory: Directory,
    private readonly now: () => Date,
    private readonly conversations?: Pick<ConversationStore, 'userId'>,
  ) {}

  /** Each notice's first line: the case reference and what is needed. */
  private summary(n: Notice<Kind>): string {
    const t = n.transfer;
    const ref = t.reference;
    switch (n.kind) {
      case 'tr.request':
        return `${ref}: ${t.sending.name} asks ${t.receiving.name} to accept a case transfer; your answer is needed`;
      case 'tr.answered':
        return `${ref}: ${t.receiving.name} ${t.state === 'accepted' ? 'accepted the transfer' : ANSWERED[t.lastAnswer?.what ?? 'ask']}`;
      case 'tr.date-agreed':
        return `${ref}: ${t.sending.name} agreed the date you proposed; the transfer is accepted`;
      case 'tr.unanswered':
        return `${ref}: ${t.receiving.name} has not answered the transfer request in ${this.directory.transfers.answerWorkingDays} working days`;
      case 'tr.checklist-incomplete':
        return `${ref}: the agreed transfer date has arrived with the checklist incomplete`;
      case 'tr.failed':
        return t.state === 'declined'
          ? `${ref}: ${t.receiving.name} declined the transfer; ${t.sending.name} stays responsible`
          : `${ref}: the proposed transfer date passed without acceptance; ${t.sending.name} stays responsible`;
      case 'tr.moved':
        return `${ref}: responsibility has moved to ${t.receiving.name} today`;
      case 'tr.checked':
        return `${ref}: checklist item done: ${t.checklist.find((i) => i.id === n.item)?.label ?? n.item}`;
      case 'tr.superseded':
        return `${ref}: ${this.since(n)}; the newer card is further down this chat`;
    }
  }

  /** What happened since a card was sent, in words after the reference: why it is no longer the current one. */
  private since(n: Notice<'tr.superseded'>): string {
    const t = n.transfer;
    switch (n.newer) {
      case 'tr.request':
        return `${t.receiving.name} is asked to accept`;
      case 'tr.answered':
        return t.state === 'accepted' ? `accepted by ${t.receiving.name}` : `${t.receiving.name} ${ANSWERED[t.lastAnswer?.what ?? 'ask']}`;
      case 'tr.date-agreed':
        return `accepted: ${t.sending.name} agreed the date ${t.receiving.name} proposed`;
      case 'tr.unanswered':
        return `not answered by ${t.receiving.name} in time`;
      case 'tr.checklist-incomplete':
        return 'the agreed date arrived with the checklist incomplete';
      case 'tr.failed':
        return t.state === 'declined' ? `declined by ${t.receiving.name}` : 'lapsed: the proposed date passed without acceptance';
      case 'tr.moved':
        return `responsibility moved to ${t.receiving.name}`;
      case 'tr.checked':
        return 'a checklist item was done';
    }
  }

  /** Each reader's own card, which Teams refreshes by itself for them (Universal Actions: their Teams id). */
  private async notice(n: Notice<Kind>): Promise<OutboundMessage> {
    const summary = this.summary(n);
    if (n.kind === 'tr.superseded') return { summary, card: this.cards.superseded(summary) };
    const person = 'person' in n.to ? this.directory.person(n.to.person) : undefined;
    if (!person) return { summary };
    const userId = await this.conversations?.userId(person.aadObjectId);
    return { summary, card: this.cards.transfer(n.transfer, { ...person, userId }, this.now(), { headline: summary }) };
  }

  presenters(): Pick<Presenters, Kind> {
    const p = (n: Notice<Kind>) => this.notice(n);
    return {
      'tr.request': p,
      'tr.answered': p,
      'tr.date-agreed': p,
      'tr.unanswered': p,
      'tr.checklist-incomplete': p,
      'tr.failed': p,
      'tr.moved': p,
      'tr.checked': p,
      'tr.superseded': p,
    };
  }

  view(actor: Actor, v: TransferView): Reply {
    const viewer = { ...actor.person, userId: actor.userId };
    switch (v.kind) {
      case 'said':
        return { message: v.text };
      case 'tr.start-form':
        return { card: this.cards.startForm(v.values, v.errors) };
      case 'tr.transfer':
        return { card: this.cards.transfer(v.transfer, viewer, this.now(), { error: v.error }) };
      case 'tr.started-by-email':
        return {
          card: this.cards.transfer(v.transfer, viewer, this.now(), {
            code: v.code,
            headline: `${v.transfer.reference}: ${codesIssued(v.transfer) > 1 ? 'a new acceptance code' : 'started'}; email the summary below`,
          }),
        };
      case 'tr.acceptance-form':
        return { card: this.cards.acceptanceForm(v.transfer, v.how, this.now(), v.code, v.errors) };
    }
  }

  report(rows: TransferReportRow[]): string {
    if (!rows.length) return 'No case transfers yet.';
    return [
      '**Case transfers by month**',
      ...rows.map(
        (r) =>
          `- ${md(r.month)}: ${r.out} out, ${r.in} in; ${r.accepted} accepted${r.medianWorkingDaysToAcceptance ? ` (median ${r.medianWorkingDaysToAcceptance} working days to acceptance)` : ''}; ${r.declined} declined; ${r.lapsed} lapsed`,
      ),
    ].join('\n');
  }
}
