import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import { ProfessionalDifferences } from '../workflows/differences';
import { card, WorkflowRoutes } from './app';
import { FileDelivery } from './files';
import { RecordDocument } from '../documents/document';
import { markdown } from '../documents/markdown';
import { formValues, Guard, onCardAction, Step, text } from './cardAction';
import { actorOf, CardReply } from './turn';
import { referenceIn } from './referenceInText';
import { correctionId, version } from './cardInput';

export class DifferenceRoutes implements WorkflowRoutes {
  constructor(
    private readonly differences: ProfessionalDifferences,
    private readonly files: FileDelivery,
  ) {}

  registerCommands(app: Application<TurnState>): void {
    const pd = this.differences;
    app.message(/^\s*escalate\s*$/i, async (context) => this.say(context, pd.raiseForm(actorOf(context))));
    app.message(/^\s*differences(\s+csv)?\s*$/i, async (context) => {
      const log = await pd.list(actorOf(context), /csv/i.test(context.activity.text ?? ''));
      await context.sendActivity(log.message);
      if (log.csv) await this.files.offerCsv(context, 'professional differences.csv', 'The log of professional differences, one line each', log.csv, { kind: 'report', report: 'differences' });
    });
    // Before the strategy discussion commands: "record PD-0001" and "export PD-0001" are ours.
    app.message(/^\s*(difference|record)\s+PD-\d+\s*$/i, async (context) => {
      const actor = actorOf(context);
      await this.say(context, await pd.guard(actor, referenceIn(context), () => pd.view(actor, referenceIn(context))));
    });
    app.message(/^\s*export\s+PD-\d+\s*$/i, async (context) => {
      const actor = actorOf(context);
      const ref = referenceIn(context);
      let doc: RecordDocument | undefined;
      await this.say(context, await pd.guard(actor, ref, async () => ({ message: markdown((doc = await pd.record(actor, ref))) })));
      if (doc) await this.files.offerDocument(context, doc, { kind: 'record', ref });
    });
  }

  registerActions(app: Application<TurnState>): void {
    const pd = this.differences;
    const guard: Guard = (actor, ref, step) => pd.guard(actor, ref, step);
    const on = (verb: string, step: Step, view?: Step) => onCardAction(app, verb, guard, step, view);
    const view: Step = (actor, _data, ref) => pd.view(actor, ref);
    const stage = (data: Record<string, unknown>) => version(data, 'stage');
    on('pd.raise.open', async (actor) => pd.raiseForm(actor));
    on('pd.raise', (actor, data) => pd.raise(actor, formValues(data)));
    on('pd.view', view, view);
    on('pd.propose', (actor, data, ref) => pd.propose(actor, ref, stage(data), text(data.text)), view);
    on('pd.accept', (actor, data, ref) => pd.accept(actor, ref, stage(data), text(data.proposalAt)), view);
    on('pd.escalate', (actor, data, ref) => pd.escalate(actor, ref, stage(data)), view);
    on('pd.ask', (actor, data, ref) => pd.askOrAnswer(actor, ref, stage(data), 'asked', text(data.text)), view);
    on('pd.answer', (actor, data, ref) => pd.askOrAnswer(actor, ref, stage(data), 'answered', text(data.text)), view);
    on('pd.final', (actor, data, ref) => pd.finalOutcome(actor, ref, stage(data), text(data.text)), view);
    // One click from a strategy discussion's different understanding, or a declined minutes correction.
    on('sd.difference', (actor, data, ref) => pd.raiseFromOutcome(actor, ref, version(data, 'version')));
    on('minutes.difference', (actor, data, ref) => pd.raiseFromCorrection(actor, ref, correctionId(data, 'id')));
  }

  private async say(context: TurnContext, reply: CardReply): Promise<void> {
    if ('card' in reply) await context.sendActivity({ attachments: [card(reply.card)] });
    else await context.sendActivity(reply.message);
  }
}
