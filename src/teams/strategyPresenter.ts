/**
 * How the strategy discussion's views and notices look in Teams: the cards of cards/strategyCards
 * and each message's first line. Teams user ids (for a card's refresh) are looked up here.
 */
import { WorkingCalendar } from '../domain/calendar';
import { Directory } from '../domain/directory';
import { currentVersion } from '../domain/strategyDiscussion';
import { StrategyCards } from '../cards/strategyCards';
import { ConversationStore } from '../store/conversations';
import { Actor } from '../workflows/actor';
import { Notice } from '../workflows/notices';
import { OutboundMessage, Reply } from '../workflows/ports';
import { StrategyNoticeKinds } from '../workflows/strategy/notices';
import { StrategyView } from '../workflows/strategy/views';

export type StrategyNoticePresenters = { [K in keyof StrategyNoticeKinds]: (notice: Notice<K>) => Promise<OutboundMessage> | OutboundMessage };

const ASKED = {
  first: 'the outcome needs your acknowledgement',
  amended: 'the outcome was amended and needs your acknowledgement again',
  reminder: 'reminder, the outcome still needs your acknowledgement',
} as const;

export class StrategyPresenter {
  constructor(
    private readonly cards: StrategyCards,
    private readonly conversations: ConversationStore,
    private readonly directory: Directory,
    private readonly calendar: WorkingCalendar,
  ) {}

  /** What the person who acted sees. */
  reply(view: StrategyView, actor: Actor): Reply {
    const c = this.cards;
    switch (view.kind) {
      case 'said':
        return { message: view.text };
      case 'convene-form':
        return { card: c.convene(view.chair, view.draft.answers, { step: view.draft.step, formId: view.draft.id, beside: view.beside, errors: view.errors }) };
      case 'convened':
        return { card: c.convened(view.discussion, view.discussion.chair === actor.person.aadObjectId ? actor.userId : undefined) };
      case 'invitation':
        return { card: c.invitation(view.discussion, view.invitee) };
      case 'attendance-form':
        return { card: c.attendance(view.discussion, view.errors) };
      case 'outcome-form':
        return {
          card: c.outcomeForm(view.discussion, view.draft.answers, { step: view.draft.step, formId: view.draft.id, beside: view.beside, errors: view.errors }),
        };
      case 'tally':
        return { card: c.tally(view.discussion, view.acks, actor.userId) };
      case 'acknowledgement':
        return {
          card: c.acknowledgement(view.discussion, view.version, { aadObjectId: actor.person.aadObjectId, userId: actor.userId }, view.ack, {
            error: view.error,
          }),
        };
      case 'action-done':
        return { card: c.actionDue(view.discussion, view.actionId, `${view.discussion.reference}: action ${view.actionId} is done`) };
      case 'record':
        return { card: c.record(view.discussion, view.acks, view.minutes) };
      case 'handover-form':
        return { card: c.handover(view.discussion, view.errors) };
    }
  }

  private async userId(aadObjectId: string): Promise<string | undefined> {
    return this.conversations.userId(aadObjectId);
  }

  private name(aadObjectId: string): string | undefined {
    return this.directory.person(aadObjectId)?.name;
  }

  /**
   * Why a chase above the chair reaches this person: as the chair's manager, as the manager above
   * them, or as a partnership administrator because nobody above is in the directory.
   */
  private toldAs(addressedTo: string, chair: string): string {
    const chairPerson = this.directory.person(chair);
    const manager = chairPerson && this.directory.manager(chairPerson);
    if (manager?.aadObjectId === addressedTo) return `You are told as ${chairPerson!.name}’s manager`;
    const above = manager && this.directory.manager(manager);
    if (above?.aadObjectId === addressedTo) return `You are told as the manager of ${manager!.name}, ${chairPerson!.name}’s manager`;
    const last = above ?? manager ?? chairPerson;
    return `You are told as a partnership administrator: nobody above ${last?.name ?? 'the chair'} is in the directory`;
  }

  private day(isoDate: string): string {
    return this.calendar.local(this.calendar.fromLocal(isoDate)!).toFormat('cccc d LLLL');
  }

  notices(): StrategyNoticePresenters {
    return {
      'sd.invitation': (n) => ({ summary: `${n.about}: you are invited to a strategy discussion`, card: this.cards.invitation(n.discussion, n.invitee) }),
      'sd.ack-request': async (n) => {
        const headline = `${n.about}: ${ASKED[n.asked]}`;
        const person = { aadObjectId: n.person, userId: await this.userId(n.person) };
        return { summary: headline, card: this.cards.acknowledgement(n.discussion, currentVersion(n.discussion)!, person, undefined, { headline }) };
      },
      'sd.chair-card': async (n) => {
        const chair = await this.userId(n.discussion.chair);
        const handed = n.handedBy && `${n.about}: you now chair this strategy discussion (handed over by ${this.name(n.handedBy) ?? 'the chair'})`;
        return currentVersion(n.discussion)
          ? { summary: handed || `${n.about}: acknowledgements of the outcome`, card: this.cards.tally(n.discussion, n.acks, chair) }
          : { summary: handed || `${n.about}: strategy discussion convened`, card: this.cards.convened(n.discussion, chair) };
      },
      'sd.chair-handed': (n) => ({
        summary: `${n.about}: now chaired by ${this.name(n.discussion.chair) ?? 'another chair'}`,
        card: this.cards.handedOver(n.discussion),
      }),
      'sd.ack-superseded': (n) => {
        const current = currentVersion(n.discussion)!.version;
        return {
          summary: `${n.about}: replaced by version ${current}`,
          card: this.cards.acknowledgement(
            n.discussion,
            n.discussion.versions.find((v) => v.version === n.version)!,
            { aadObjectId: n.person },
            undefined,
          ),
        };
      },
      'sd.different': (n) => ({
        summary: `${n.about}: ${this.name(n.person) ?? 'An attendee'} understood the outcome differently. The record now shows the outcome as disputed.`,
        detail: `What they understood: “${n.note}”`,
      }),
      'sd.silence': (n) => ({
        summary: `${n.about}: ${this.name(n.person) ?? 'An attendee'} has not acknowledged the outcome of a strategy discussion chaired by ${this.name(n.discussion.chair)}, sent ${this.calendar.describe(new Date(currentVersion(n.discussion)!.recordedAt))}. Please make sure they answer today.`,
      }),
      'sd.action-due': (n) => {
        const headline = `${n.about}: action ${n.actionId} is due today`;
        return { summary: headline, card: this.cards.actionDue(n.discussion, n.actionId, headline) };
      },
      'sd.action-done': (n) => {
        const headline = `${n.about}: action ${n.actionId} is done`;
        return { summary: headline, card: this.cards.actionDue(n.discussion, n.actionId, headline) };
      },
      'sd.action-handed-on': (n) => {
        const owner = currentVersion(n.discussion)!.outcome.actions.find((a) => a.id === n.actionId)!.ownerAadObjectId;
        const headline = `${n.about}: action ${n.actionId} is ${this.name(owner) ?? 'someone else'}’s now`;
        return { summary: headline, card: this.cards.actionHandedOn(n.discussion, n.actionId, headline) };
      },
      'sd.follow-up-convened': (n) => {
        const f = n.followUp;
        const headline = `${n.about}: its follow-up is convened: ${f.reference}, on ${this.calendar.describe(new Date(f.scheduledAt))}, chaired by ${this.name(f.chair) ?? 'a chair'}`;
        return { summary: headline, card: this.cards.followUpConvened(f, headline) };
      },
      'sd.action-overdue': (n) => ({
        summary: `${n.about}: action ${n.actionId}, owned by ${this.name(n.owner) ?? 'someone'}, was due today and is not marked done.`,
      }),
      'sd.difference-resolved': (n) => {
        const headline = `${n.about}: professional difference ${n.resolution.difference}, raised from this discussion, is ${n.resolution.how}. Amend the outcome if it changes the decision.`;
        return { summary: headline, card: this.cards.resolutionBack(n.discussion, n.resolution, headline) };
      },
      'sd.handed': (n) => {
        const h = n.handover;
        const by = this.name(h.by) ?? 'the chair';
        if (h.kind === 'action') {
          const headline = `${n.about}: action ${h.actionId} is now yours (given to you by ${by})`;
          return { summary: headline, card: this.cards.actionDue(n.discussion, h.actionId!, headline) };
        }
        return {
          summary: `${n.about}: you now take the minutes of this strategy discussion (asked by ${by})`,
          detail: `Type “minutes ${n.about}” to open the draft once the chair has ended the discussion.`,
        };
      },
      'sd.follow-up-due': (n) => {
        const headline = n.today
          ? `${n.about}: the follow-up strategy discussion agreed for today is not convened yet. Convene it now, or arrange cover.`
          : `${n.about}: the follow-up strategy discussion is agreed for ${this.day(n.date)}. Please see that it is convened now.`;
        return { summary: headline, card: this.cards.followUpDue(n.discussion, n.date, headline) };
      },
      'sd.follow-up-missed': (n) => ({
        summary: `${n.about}: the follow-up strategy discussion agreed for ${this.day(n.date)}, chaired by ${this.name(n.discussion.chair)}, was not convened by that date. Please see that it is held.`,
        detail:
          n.step === 2
            ? `${this.toldAs(n.addressedTo, n.discussion.chair)}. ${this.name(n.discussion.chair)}’s manager was told a working day ago and it is still not convened.`
            : `${this.toldAs(n.addressedTo, n.discussion.chair)}; if it is still not convened a working day from now, the manager above is told.`,
      }),
      'sd.not-held': (n) => ({
        summary: `${n.about}: the strategy discussion chaired by ${this.name(n.discussion.chair)} on ${this.calendar.describe(new Date(n.discussion.scheduledAt))} has ${n.discussion.attendance ? 'no outcome' : 'no attendance and no outcome'} recorded. Please see that it is held and recorded.`,
        detail: [
          n.addressedTo === n.discussion.chair ? 'You are told as its chair' : this.toldAs(n.addressedTo, n.discussion.chair),
          n.step === 2
            ? `${this.name(n.discussion.chair)} and their manager were told a working day ago and nothing is recorded yet.`
            : 'If nothing is recorded a working day from now, the manager above is told.',
        ].join('. '),
      }),
    };
  }
}
