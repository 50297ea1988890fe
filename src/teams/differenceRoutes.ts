import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import { DifferencePorts } from '../workflows/differences/ports';
import { raise, raiseForm, raiseFromCorrection, raiseFromOutcome } from '../workflows/differences/raising';
import { accept, askOrAnswer, finalOutcome, propose, view } from '../workflows/differences/resolution';
import { escalate } from '../workflows/differences/stages';
import { record } from '../workflows/differences/record';
import { differenceLog, differenceLogCsv } from '../workflows/differences/log';
import { DifferenceView } from '../workflows/differences/views';
import { Actor } from '../workflows/actor';
import { card, WorkflowRoutes } from './app';
import { FileDelivery } from './files';
import { RecordDocument } from '../documents/document';
import { markdown } from '../documents/markdown';
import { formValues, Guard, onCardAction, Step, text } from './cardAction';
import { actorOf, CardReply } from './turn';
import { referenceIn } from './referenceInText';
import { correctionId, version } from './cardInput';
import { DifferencePresenter } from './differencePresenter';

/** Messages and card actions of professional differences: each runs a use case and presents its view. */
export class DifferenceRoutes implements WorkflowRoutes {
  constructor(
    private readonly ports: DifferencePorts,
    private readonly present: DifferencePresenter,
    private readonly guard: Guard,
    private readonly files: FileDelivery,
  ) {}

  registerCommands(app: Application<TurnState>): void {
    const { ports, guard } = this;
    const shown = (actor: Actor) => (v: DifferenceView) => this.present.view(actor, v);
    app.message(/^\s*escalate\s*$/i, async (context) => this.say(context, this.present.view(actorOf(context), raiseForm())));
    app.message(/^\s*differences(\s+csv)?\s*$/i, async (context) => {
      const actor = actorOf(context);
      const wantCsv = /csv/i.test(context.activity.text ?? '');
      let csv: string | undefined;
      const reply = await guard(actor, 'differences', async () => {
        const rows = await differenceLog(ports, { actor });
        return { message: wantCsv ? (csv = differenceLogCsv(rows)) : this.present.log(rows) };
      });
      await this.say(context, reply);
      if (csv) await this.files.offerCsv(context, 'professional differences.csv', 'The log of professional differences, one line each', csv, { kind: 'report', report: 'differences' });
    });
    // Before the strategy discussion commands: "record PD-0001" and "export PD-0001" are ours.
    app.message(/^\s*(difference|record)\s+PD-\d+\s*$/i, async (context) => {
      const actor = actorOf(context);
      const reference = referenceIn(context);
      await this.say(context, await guard(actor, reference, () => view(ports, { actor, reference }).then(shown(actor))));
    });
    app.message(/^\s*export\s+PD-\d+\s*$/i, async (context) => {
      const actor = actorOf(context);
      const reference = referenceIn(context);
      let doc: RecordDocument | undefined;
      await this.say(context, await guard(actor, reference, async () => ({ message: markdown((doc = await record(ports, { actor, reference }))) })));
      if (doc) await this.files.offerDocument(context, doc, { kind: 'record', ref: reference });
    });
  }

  registerActions(app: Application<TurnState>): void {
    const { ports } = this;
    const on = (verb: string, step: (actor: Actor, data: Record<string, unknown>, reference: string) => Promise<DifferenceView> | DifferenceView, refresh?: Step) =>
      onCardAction(app, verb, this.guard, async (actor, data, ref) => this.present.view(actor, await step(actor, data, ref)), refresh);
    const mine: Step = async (actor, _data, reference) => this.present.view(actor, await view(ports, { actor, reference }));
    const stage = (data: Record<string, unknown>) => version(data, 'stage');
    on('pd.raise.open', () => raiseForm());
    on('pd.raise', (actor, data) => raise(ports, { actor, form: formValues(data) }));
    on('pd.view', (actor, _data, reference) => view(ports, { actor, reference }), mine);
    on('pd.propose', (actor, data, reference) => propose(ports, { actor, reference, stage: stage(data), text: text(data.text) }), mine);
    on('pd.accept', (actor, data, reference) => accept(ports, { actor, reference, stage: stage(data), proposalAt: text(data.proposalAt) }), mine);
    on('pd.escalate', (actor, data, reference) => escalate(ports, { actor, reference, stage: stage(data) }), mine);
    on('pd.ask', (actor, data, reference) => askOrAnswer(ports, { actor, reference, stage: stage(data), what: 'asked', text: text(data.text) }), mine);
    on('pd.answer', (actor, data, reference) => askOrAnswer(ports, { actor, reference, stage: stage(data), what: 'answered', text: text(data.text) }), mine);
    on('pd.final', (actor, data, reference) => finalOutcome(ports, { actor, reference, stage: stage(data), text: text(data.text) }), mine);
    // One click from a strategy discussion's different understanding, or a declined minutes correction.
    on('sd.difference', (actor, data, reference) => raiseFromOutcome(ports, { actor, reference, version: version(data, 'version') }));
    on('minutes.difference', (actor, data, reference) => raiseFromCorrection(ports, { actor, reference, correctionId: correctionId(data, 'id') }));
  }

  private async say(context: TurnContext, reply: CardReply): Promise<void> {
    if ('card' in reply) await context.sendActivity({ attachments: [card(reply.card)] });
    else await context.sendActivity(reply.message);
  }
}
