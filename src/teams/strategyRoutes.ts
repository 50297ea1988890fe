import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import { Actor } from '../workflows/actor';
import { StrategyDiscussions } from '../workflows/strategyDiscussions';
import { card, WorkflowRoutes } from './app';
import { actionData, actionTrigger, actorOf, answerCardAction, CardReply } from './turn';

const text = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** Card data comes back from the client: every value is checked, none trusted. */
function formValues(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, text(v).slice(0, 4000)]));
}

export class StrategyRoutes implements WorkflowRoutes {
  constructor(private readonly discussions: StrategyDiscussions) {}

  registerCommands(app: Application<TurnState>): void {
    app.message(/^\s*strategy\s*$/i, async (context) => {
      const actor = actorOf(context);
      await this.say(context, await this.discussions.guard(actor, 'access', async () => this.discussions.conveneForm(actor)));
    });
    app.message(/^\s*record\s+(\S+)\s*$/i, async (context) => {
      const actor = actorOf(context);
      const ref = this.refFromText(context);
      await this.say(context, await this.discussions.guard(actor, ref, () => this.discussions.record(actor, ref)));
    });
    app.message(/^\s*export\s+(\S+)\s*$/i, async (context) => {
      const actor = actorOf(context);
      const ref = this.refFromText(context);
      await this.say(context, await this.discussions.guard(actor, ref, async () => ({ message: await this.discussions.exportRecord(actor, ref) })));
    });
  }

  registerActions(app: Application<TurnState>): void {
    const d = this.discussions;
    this.on(app, 'sd.convene.open', async (actor) => d.conveneForm(actor));
    this.on(app, 'sd.convene', async (actor, data) => d.convene(actor, formValues(data)));
    this.on(app, 'sd.invitation.reply', async (actor, data, ref) => d.replyToInvitation(actor, ref, text(data.reply)));
    this.on(app, 'sd.attendance.open', async (actor, _data, ref) => d.attendanceForm(actor, ref));
    this.on(app, 'sd.attendance.save', async (actor, data, ref) => d.saveAttendance(actor, ref, formValues(data)));
    this.on(app, 'sd.outcome.open', async (actor, _data, ref) => d.outcomeForm(actor, ref));
    this.on(app, 'sd.outcome.save', async (actor, data, ref) => d.saveOutcome(actor, ref, Number(data.baseVersion), formValues(data)));
    this.on(app, 'sd.ack', async (actor, data, ref) => d.acknowledge(actor, ref, Number(data.version), text(data.answer), text(data.note)), 'sd.ack.view');
    this.on(app, 'sd.ack.view', async (actor, data, ref) => d.viewAcknowledgement(actor, ref, Number(data.version)));
    this.on(app, 'sd.difference', async (actor, data, ref) => d.raiseDifference(actor, ref, Number(data.version)), 'sd.ack.view');
    this.on(app, 'sd.tally.view', async (actor, _data, ref) => d.viewTally(actor, ref));
    this.on(app, 'sd.action.done', async (actor, data, ref) => d.markActionDone(actor, ref, text(data.actionId)));
    this.on(app, 'sd.export', async (actor, _data, ref) => ({ message: await d.exportRecord(actor, ref) }));
  }

  /**
   * One card verb. Teams refreshes cards by itself (trigger "automatic"): that must never record
   * anything, so an automatic call is answered with the person's view (`viewVerb`) or not at all.
   */
  private on(
    app: Application<TurnState>,
    verb: string,
    step: (actor: Actor, data: Record<string, unknown>, ref: string) => Promise<CardReply>,
    viewVerb?: string,
  ): void {
    app.adaptiveCards.actionExecute(verb, async (context) => {
      const actor = actorOf(context);
      const data = actionData(context);
      const ref = text(data.ref).slice(0, 40);
      let reply: CardReply;
      if (actionTrigger(context) === 'automatic' && viewVerb === 'sd.ack.view') {
        reply = await this.discussions.guard(actor, ref, () => this.discussions.viewAcknowledgement(actor, ref, Number(data.version)));
      } else {
        reply = await this.discussions.guard(actor, ref, () => step(actor, data, ref));
      }
      await answerCardAction(context, reply);
      return '';
    });
  }

  private refFromText(context: TurnContext): string {
    return (/^\s*\S+\s+(\S+)/.exec(context.activity.text ?? '')?.[1] ?? '').toUpperCase().slice(0, 40);
  }

  private async say(context: TurnContext, reply: CardReply): Promise<void> {
    if ('card' in reply) await context.sendActivity({ attachments: [card(reply.card)] });
    else await context.sendActivity(reply.message);
  }
}
