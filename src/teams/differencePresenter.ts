/**
 * Professional differences as Teams shows them: each notice as a first line (the case reference
 * and what is needed) with the recipient's own stage card, each view as the card or message that
 * answers the person who acted, and the partnership's log as a chat message.
 */
import { DifferenceCards } from '../cards/differenceCards';
import { WorkingCalendar } from '../domain/calendar';
import { Directory } from '../domain/directory';
import { currentStage, participant } from '../domain/professionalDifference';
import { ConversationStore } from '../store/conversations';
import { Actor } from '../workflows/actor';
import { DifferenceNoticeKinds } from '../workflows/differences/notices';
import { DifferenceLogPage } from '../workflows/differences/log';
import { DifferenceView } from '../workflows/differences/views';
import { Notice } from '../workflows/notices';
import { OutboundMessage, Reply } from '../workflows/ports';

type Kind = keyof DifferenceNoticeKinds;

export class DifferencePresenter {
  constructor(
    private readonly cards: DifferenceCards,
    private readonly conversations: ConversationStore,
    private readonly directory: Directory,
    private readonly calendar: WorkingCalendar,
    private readonly now: () => Date,
  ) {}

  /** Each notice's first line: the case reference and what is needed, never the child. */
  private summary(n: Notice<Kind>): string {
    const pd = n.difference;
    const ref = pd.reference;
    const stage = currentStage(pd).stage;
    const name = (id: string) => this.directory.person(id)?.name;
    switch (n.kind) {
      case 'pd.stage-started': {
        // Only the people at the stage act on it; the parties of a managers' stage are kept informed.
        const acts = 'person' in n.to && !!participant(pd, n.to.person);
        if (n.why === 'raised') return `${ref}: a professional difference is raised with you`;
        return `${ref}: now at stage ${stage} (${n.why}), ${acts ? 'and it needs you' : 'for your information'}`;
      }
      case 'pd.proposed':
        return `${ref}: a resolution is proposed; the other side is asked to accept it`;
      case 'pd.information':
        return n.what === 'asked' ? `${ref}: ${name(n.by)} asks for information` : `${ref}: ${name(n.by)} has given information`;
      case 'pd.resolved':
        return `${ref}: resolved at stage ${stage}; both sides accepted the resolution`;
      case 'pd.closed':
        return `${ref}: the partnership has recorded the final outcome; the difference is closed`;
      case 'pd.reminder':
        return `${ref}: stage ${stage} must be resolved or escalated ${this.calendar.phrase(new Date(currentStage(pd).dueAt), this.now())}`;
      case 'pd.overdue':
        return `${ref}: the last stage is past its deadline; the partnership must record the final outcome`;
      case 'pd.cover':
        return `${ref}: ${name(n.silent)} has not answered a professional difference at stage ${stage}; it needs you`;
      case 'pd.superseded':
        return this.cards.supersededHeadline(pd);
    }
  }

  /** The recipient's own stage card, headed by the notice's first line. */
  private async message(n: Notice<Kind>): Promise<OutboundMessage> {
    if (n.kind === 'pd.superseded') return { summary: this.summary(n), card: this.cards.superseded(n.difference) };
    const person = 'person' in n.to ? n.to.person : '';
    const userId = await this.conversations.userId(person);
    const summary = this.summary(n);
    return { summary, card: this.cards.stage(n.difference, { aadObjectId: person, userId }, this.now(), { headline: summary }) };
  }

  presenters(): { [K in Kind]: (notice: Notice<K>) => Promise<OutboundMessage> } {
    const m = (n: Notice<Kind>) => this.message(n);
    return {
      'pd.stage-started': m,
      'pd.proposed': m,
      'pd.information': m,
      'pd.resolved': m,
      'pd.closed': m,
      'pd.reminder': m,
      'pd.overdue': m,
      'pd.cover': m,
      'pd.superseded': m,
    };
  }

  /** What the person who acted sees. */
  view(actor: Actor, view: DifferenceView): Reply {
    const viewer = { aadObjectId: actor.person.aadObjectId, userId: actor.userId };
    switch (view.kind) {
      case 'said':
        return { message: view.text };
      case 'pd.raise-form':
        return { card: this.cards.raiseForm(actor.person, view.values, view.errors, view.origin) };
      case 'pd.difference':
        return { card: this.cards.stage(view.difference, viewer, this.now(), { error: view.error }) };
      case 'pd.raised': {
        const pd = view.difference;
        const e = this.directory.partnership.emergency;
        const emergency = pd.immediateRisk
          ? `If the child is in danger now, call ${e.emergencyNumber}. Out of hours: ${e.outOfHoursNumber}. Front Door: ${e.frontDoorNumber}. The difference starts at stage ${currentStage(pd).stage} and everyone involved has been told.`
          : undefined;
        return { card: this.cards.stage(pd, viewer, this.now(), { headline: `${pd.reference}: professional difference raised`, error: emergency }) };
      }
    }
  }

  /** The log in the chat: counts, then a page of it (a card with buttons to the other pages). */
  log(log: DifferenceLogPage): Reply {
    if (!log.raised) return { message: 'No professional differences have been raised.' };
    return { card: this.cards.log(log) };
  }
}
