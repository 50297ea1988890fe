import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import { DifferencePorts } from '../workflows/differences/ports';
import { raise, raiseForm, raiseFromCorrection, raiseFromOutcome } from '../workflows/differences/raising';
import { accept, askOrAnswer, finalOutcome, propose, view } from '../workflows/differences/resolution';
import { escalate } from '../workflows/differences/stages';
import { record } from '../workflows/differences/record';
import { differenceLog, differenceLogCsv, differenceLogRows } from '../workflows/differences/log';
import { DifferenceView } from '../workflows/differences/views';
import { Actor } from '../workflows/actor';
import { card, WorkflowRoutes } from './app';
import { exportInChat, FileDelivery } from './files';
import { RecordDocument } from '../documents/document';
import { CardMessages, Guard, onCardAction, Step } from './cardAction';
import { actorOf, CardReply } from './turn';
import { referenceIn } from './referenceInText';
import { Verb, VerbData } from './verbs';
import { DifferencePresenter } from './differencePresenter';

/** Messages and card actions of professional differences: each runs a use case and presents its view. */
export class DifferenceRoutes implements WorkflowRoutes {
  constructor(
    private readonly ports: DifferencePorts,
    private readonly present: DifferencePresenter,
    private readonly guard: Guard,
    private readonly files: FileDelivery,
    private readonly messages: CardMessages,
  ) {}

  /** A professional difference's card (PD-…), as this person sees it. */
  openRecord(actor: Actor, reference: string): Promise<CardReply> {
    return this.guard(actor, reference, () => view(this.ports, { actor, reference }).then((v) => this.present.view(actor, v)));
  }

  /** The raiser's answer to raising it is their first card of the difference: a later card replaces it with a pointer. */
  private shown(actor: Actor, v: DifferenceView): CardReply {
    const reply = this.present.view(actor, v);
    if (v.kind !== 'pd.raised') return reply;
    const subject = v.difference.reference;
    return { ...reply, holds: { subject, key: `${subject}|raised|${actor.person.aadObjectId}`, live: true } };
  }

  registerCommands(app: Application<TurnState>): void {
    const { ports, guard } = this;
    app.message(/^\s*escalate\s*$/i, async (context) => this.say(context, this.present.view(actorOf(context), raiseForm())));
    app.message(/^\s*differences\s*$/i, async (context) => {
      const actor = actorOf(context);
      await this.say(context, await guard(actor, 'differences', async () => this.present.log(await differenceLog(ports, { actor }))));
    });
    // The whole log as a file, never as a chat message: it grows with every difference, and Teams refuses messages over about 100 KB.
    app.message(/^\s*differences\s+csv\s*$/i, async (context) => {
      const actor = actorOf(context);
      let csv: string | undefined;
      const inPersonalChat = FileDelivery.available(context);
      const reply = await guard(actor, 'differences', async () => {
        const rows = await differenceLogRows(ports, { actor });
        csv = differenceLogCsv(rows);
        return {
          message: inPersonalChat
            ? `The log of ${rows.length} professional differences, one line each, is offered below as a .csv file.`
            : 'The log of professional differences is offered as a .csv file in your personal chat with Concord: type "differences csv" there.',
        };
      });
      await this.say(context, reply);
      if (csv !== undefined)
        await this.files.offerCsv(context, 'professional differences.csv', 'The log of professional differences, one line each', csv, {
          kind: 'report',
          report: 'differences',
        });
    });
    // Before the strategy discussion commands: "record PD-0001" and "export PD-0001" are ours.
    app.message(/^\s*(difference|record)\s+PD-\d+\s*$/i, async (context) => this.say(context, await this.openRecord(actorOf(context), referenceIn(context))));
    app.message(/^\s*export\s+PD-\d+\s*$/i, async (context) => {
      const actor = actorOf(context);
      const reference = referenceIn(context);
      let doc: RecordDocument | undefined;
      await this.say(
        context,
        await guard(actor, reference, async () => ({
          message: exportInChat((doc = await record(ports, { actor, reference })), reference, FileDelivery.available(context)),
        })),
      );
      if (doc) await this.files.offerDocument(context, doc, { kind: 'record', ref: reference });
    });
  }

  registerActions(app: Application<TurnState>): void {
    const { ports } = this;
    const on = <V extends Verb>(
      verb: V,
      step: (actor: Actor, data: VerbData[V], reference: string) => Promise<DifferenceView> | DifferenceView,
      refresh?: Step<VerbData[V]>,
    ) => onCardAction(app, verb, this.guard, async (actor, data, ref) => this.shown(actor, await step(actor, data, ref)), refresh, this.messages);
    const mine: Step<unknown> = async (actor, _data, reference) => this.present.view(actor, await view(ports, { actor, reference }));
    on('pd.raise.open', () => raiseForm());
    on('pd.raise', (actor, { form }) => raise(ports, { actor, form }));
    on('pd.view', (actor, _data, reference) => view(ports, { actor, reference }), mine);
    on('pd.propose', (actor, { stage, text }, reference) => propose(ports, { actor, reference, stage, text }), mine);
    on('pd.accept', (actor, { stage, proposalAt }, reference) => accept(ports, { actor, reference, stage, proposalAt }), mine);
    on('pd.escalate', (actor, { stage }, reference) => escalate(ports, { actor, reference, stage }), mine);
    on('pd.ask', (actor, { stage, text }, reference) => askOrAnswer(ports, { actor, reference, stage, what: 'asked', text }), mine);
    on('pd.answer', (actor, { stage, text }, reference) => askOrAnswer(ports, { actor, reference, stage, what: 'answered', text }), mine);
    on('pd.final', (actor, { stage, text }, reference) => finalOutcome(ports, { actor, reference, stage, text }), mine);
    onCardAction(app, 'pd.log', this.guard, async (actor, { page }) => this.present.log(await differenceLog(ports, { actor, page })));
    // One click from a strategy discussion's different understanding, or a declined minutes correction.
    on('sd.difference', (actor, { version }, reference) => raiseFromOutcome(ports, { actor, reference, version }));
    on('minutes.difference', (actor, { id }, reference) => raiseFromCorrection(ports, { actor, reference, correctionId: id }));
  }

  private async say(context: TurnContext, reply: CardReply): Promise<void> {
    if ('card' in reply) await context.sendActivity({ attachments: [card(reply.card)] });
    else await context.sendActivity(reply.message);
  }
}
