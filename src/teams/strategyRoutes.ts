import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import { StrategyDiscussions } from '../workflows/strategyDiscussions';
import { card, WorkflowRoutes } from './app';
import { formValues, Guard, onCardAction, Step, text } from './cardAction';
import { actorOf, CardReply } from './turn';

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
    const guard: Guard = (actor, ref, step) => d.guard(actor, ref, step);
    const on = (verb: string, step: Step, view?: Step) => onCardAction(app, verb, guard, step, view);
    const viewAck: Step = (actor, data, ref) => d.viewAcknowledgement(actor, ref, Number(data.version));
    const viewTally: Step = (actor, _data, ref) => d.viewTally(actor, ref);
    on('sd.convene.open', async (actor) => d.conveneForm(actor));
    on('sd.convene', (actor, data) => d.convene(actor, formValues(data)));
    on('sd.invitation.reply', (actor, data, ref) => d.replyToInvitation(actor, ref, text(data.reply)));
    on('sd.attendance.open', (actor, _data, ref) => d.attendanceForm(actor, ref));
    on('sd.attendance.save', (actor, data, ref) => d.saveAttendance(actor, ref, formValues(data)));
    on('sd.outcome.open', (actor, _data, ref) => d.outcomeForm(actor, ref));
    on('sd.outcome.save', (actor, data, ref) => d.saveOutcome(actor, ref, Number(data.baseVersion), formValues(data)));
    on('sd.ack', (actor, data, ref) => d.acknowledge(actor, ref, Number(data.version), text(data.answer), text(data.note)), viewAck);
    on('sd.ack.view', viewAck, viewAck);
    on('sd.tally.view', viewTally, viewTally);
    on('sd.action.done', (actor, data, ref) => d.markActionDone(actor, ref, text(data.actionId)));
    on('sd.export', async (actor, _data, ref) => ({ message: await d.exportRecord(actor, ref) }));
  }

  private refFromText(context: TurnContext): string {
    return (/^\s*\S+\s+(\S+)/.exec(context.activity.text ?? '')?.[1] ?? '').toUpperCase().slice(0, 40);
  }

  private async say(context: TurnContext, reply: CardReply): Promise<void> {
    if ('card' in reply) await context.sendActivity({ attachments: [card(reply.card)] });
    else await context.sendActivity(reply.message);
  }
}
