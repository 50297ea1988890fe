import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import { WorkingCalendar } from '../domain/calendar';
import { Refused } from '../domain/refusals';
import { referenceForAudit } from '../domain/caseReference';
import { Actor } from '../workflows/actor';
import { Worklist } from '../workflows/worklist/worklist';
import { worklistCard } from '../cards/worklistCard';
import { card, WorkflowRoutes } from './app';
import { Guard, onCardAction } from './cardAction';
import { VERB_KEY } from './turnTelemetry';
import { actionData, actionTrigger, actorOf, answerCardAction, CardReply } from './turn';
import { referenceText } from './cardInput';

/** Opens the record of one kind of case (SD, PD, REF, SI), refusing whoever may not see it. */
export type RecordOpener = (actor: Actor, reference: string) => Promise<CardReply>;

/**
 * "mine" (what is waiting for me) and the "record" button every notice and list item carries.
 * The record opens as a message of its own in the same conversation, so the card the button was
 * on (a notice with its own buttons, the list) stays as it was.
 */
export class WorkRoutes implements WorkflowRoutes {
  constructor(
    private readonly worklist: Worklist,
    private readonly openers: Record<'SD' | 'PD' | 'REF' | 'SI' | 'TR', RecordOpener>,
    private readonly guard: Guard,
    private readonly calendar: WorkingCalendar,
    private readonly now: () => Date,
  ) {}

  private async mine(actor: Actor): Promise<CardReply> {
    return { card: worklistCard(await this.worklist.mine(actor), this.calendar, this.now()) };
  }

  private open(actor: Actor, reference: string): Promise<CardReply> {
    const opener = this.openers[reference.split('-')[0] as keyof WorkRoutes['openers']];
    if (!opener)
      throw new Refused('not-involved', 'You are not involved in that case, so Concord cannot show or change it.', `asked for ${referenceForAudit(reference)}`);
    return opener(actor, reference);
  }

  registerCommands(app: Application<TurnState>): void {
    app.message(/^\s*(mine|my work)\s*$/i, async (context) => this.say(context, await this.mine(actorOf(context))));
  }

  registerActions(app: Application<TurnState>): void {
    onCardAction(
      app,
      'mine',
      this.guard,
      (actor) => this.mine(actor),
      (actor) => this.mine(actor),
    );
    app.adaptiveCards.actionExecute('record', async (context) => {
      context.turnState.set(VERB_KEY, 'record');
      const actor = actorOf(context);
      const reference = referenceText(actionData(context).ref);
      if (actionTrigger(context) === 'automatic') return this.answer(context, { message: 'Nothing to refresh.' });
      const reply = await this.guard(actor, reference, () => this.open(actor, reference));
      if ('message' in reply) return this.answer(context, reply);
      await this.say(context, reply);
      return this.answer(context, { message: `${reference}: its record is below.` });
    });
  }

  private async answer(context: TurnContext, reply: CardReply): Promise<string> {
    await answerCardAction(context, reply);
    return '';
  }

  private async say(context: TurnContext, reply: CardReply): Promise<void> {
    if ('card' in reply) await context.sendActivity({ attachments: [card(reply.card)] });
    else await context.sendActivity(reply.message);
  }
}
