/**
 * How the minutes read in Teams: each view the minutes use cases return becomes a card or a
 * message for the person who acted, and each notice a message (first line: the case reference
 * and what is needed) with its card.
 */
import { WorkingCalendar } from '../domain/calendar';
import { Directory } from '../domain/directory';
import { dueHours, latest } from '../domain/minutes';
import { DECISIONS } from '../domain/strategyDiscussion';
import { MinutesCards } from '../cards/minutesCards';
import { ConversationStore } from '../store/conversations';
import { Actor } from '../workflows/actor';
import { Notice } from '../workflows/notices';
import { MinutesNoticeKind } from '../workflows/minutes/notices';
import { MinutesView } from '../workflows/minutes/views';
import { OutboundMessage, Reply } from '../workflows/ports';

type MinutesPresenters = { [K in MinutesNoticeKind]: (notice: Notice<K>) => Promise<OutboundMessage> | OutboundMessage };

export class MinutesPresenter {
  constructor(
    private readonly cards: MinutesCards,
    private readonly directory: Directory,
    private readonly calendar: WorkingCalendar,
    private readonly conversations: Pick<ConversationStore, 'person'>,
    private readonly now: () => Date,
  ) {}

  /** What the person who acted sees. */
  view(view: MinutesView, actor: Actor): Reply {
    switch (view.kind) {
      case 'said':
        return { message: view.text };
      case 'minutes.draft':
        return {
          card: this.cards.draft(view.discussion, view.minutes, this.now(), {
            standing: view.standing,
            values: view.values,
            errors: view.errors,
            saved: view.saved,
          }),
        };
      case 'minutes.review': {
        const v = view.minutes.versions.find((x) => x.version === view.version)!;
        return {
          card: this.cards.review(view.discussion, view.minutes, v, { aadObjectId: view.person, userId: actor.userId }, view.confirmation, {
            error: view.error,
          }),
        };
      }
      case 'minutes.correction':
        return { card: this.cards.correction(view.discussion, view.correction, view.error ?? '') };
    }
  }

  private name(id: string): string | undefined {
    return this.directory.person(id)?.name;
  }

  /** What each notice says. */
  notices(): MinutesPresenters {
    return {
      'minutes.write': (n) => {
        const due = this.calendar.phrase(new Date(n.minutes.dueAt), this.now());
        return {
          summary: n.reminder ? `${n.about}: reminder, the minutes are due ${due}` : `${n.about}: please write the minutes, due ${due}`,
          card: this.cards.draft(n.discussion, n.minutes, this.now(), { standing: n.standing }),
        };
      },
      'minutes.overdue': (n) => ({
        summary: `${n.about}: the minutes were due ${dueHours(n.minutes)} hours after the discussion ended and have not been circulated by ${this.name(n.minuteTaker) ?? 'the minute-taker'}. The record will show them as late.`,
      }),
      'minutes.contradiction': (n) => ({
        summary: `${n.about}: the draft minutes record a different decision (${DECISIONS[n.decision]}) from the acknowledged outcome. They cannot be circulated until the minutes are corrected or you amend the outcome.`,
      }),
      'minutes.review': async (n) => {
        const person = 'person' in n.to ? n.to.person : '';
        const headline = n.reminder
          ? `${n.about}: reminder, please confirm you received and reviewed the minutes`
          : n.version === 1
            ? `${n.about}: the minutes need your review`
            : `${n.about}: the minutes were corrected (version ${n.version}) and need your review again`;
        const userId = (await this.conversations.person(person))?.userId;
        const v = n.minutes.versions.find((x) => x.version === n.version)!;
        return { summary: headline, card: this.cards.review(n.discussion, n.minutes, v, { aadObjectId: person, userId }, undefined, { headline }) };
      },
      'minutes.superseded': (n) => ({
        summary: n.version === 0 ? `${n.about}: minutes circulated` : `${n.about}: minutes replaced by version ${latest(n.minutes)!.version}`,
        card: this.cards.superseded(n.about, n.minutes, n.version === 0),
      }),
      'minutes.correction-asked': (n) => ({
        summary: `${n.about}: a correction to the minutes is asked for`,
        card: this.cards.correction(n.discussion, n.correction),
      }),
      'minutes.correction-declined': (n) => ({
        summary: `${n.about}: the chair declined your correction ${n.correction.id}. It stays on the record as your agency's dissent; you can raise a professional difference from your minutes card.`,
      }),
      'minutes.dissent-added': (n) => ({
        summary: `${n.about}: a dissent from ${this.name(n.correction.by) ?? 'an attendee'} has been added to the minutes record.`,
      }),
      'minutes.unconfirmed': (n) => ({
        summary: `${n.about}: ${this.name(n.recipient) ?? 'A recipient'} has not confirmed receiving and reviewing the minutes of a strategy discussion, circulated ${this.calendar.describe(new Date(n.circulatedAt))}.`,
      }),
    };
  }
}
