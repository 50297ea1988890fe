import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import { Strategy } from '../workflows/strategy';
import { StrategyView } from '../workflows/strategy/views';
import { Actor } from '../workflows/actor';
import { StrategyPresenter } from './strategyPresenter';
import { card, WorkflowRoutes } from './app';
import { exportInChat, FileDelivery } from './files';
import { RecordDocument } from '../documents/document';
import { CardMessages, Guard, onCardAction, Step } from './cardAction';
import { chairCardKey } from '../workflows/strategy/notices';
import { Verb, VerbData } from './verbs';
import { referenceIn } from './referenceInText';
import { actorOf, CardHold, CardReply } from './turn';

export class StrategyRoutes implements WorkflowRoutes {
  constructor(
    private readonly strategy: Strategy,
    private readonly presenter: StrategyPresenter,
    private readonly files: FileDelivery,
    private readonly messages: CardMessages,
  ) {}

  /** Runs a use case and presents its view to the person who acted. */
  private present(actor: Actor, view: StrategyView | Promise<StrategyView>): Promise<CardReply> {
    return Promise.resolve(view).then((v) => ({ ...this.presenter.reply(v, actor), holds: this.chairCard(v, actor) }));
  }

  /**
   * The chair convenes, records attendance and the outcome in one message: it is their live card
   * while it shows the discussion (replies, then the tally), and left alone while it is a form.
   */
  private chairCard(v: StrategyView, actor: Actor): CardHold | undefined {
    if (v.kind === 'said' || v.kind === 'convene-form' || v.discussion.chair !== actor.person.aadObjectId) return undefined;
    const subject = v.discussion.reference;
    if (v.kind === 'convened' || v.kind === 'tally') return { subject, key: chairCardKey(subject, actor.person.aadObjectId), live: true };
    if (v.kind === 'attendance-form' || v.kind === 'outcome-form') return { subject, key: chairCardKey(subject, actor.person.aadObjectId), live: false };
    return undefined;
  }

  /** The record card of a discussion (SD-…), for someone involved in it. */
  openRecord(actor: Actor, ref: string): Promise<CardReply> {
    const s = this.strategy;
    return s.record.guard(actor, ref, () => this.present(actor, s.record.record(actor, ref)));
  }

  registerCommands(app: Application<TurnState>): void {
    const s = this.strategy;
    app.message(/^\s*strategy\s*$/i, async (context) => {
      const actor = actorOf(context);
      await this.say(context, await s.convening.guard(actor, 'access', () => this.present(actor, s.convening.conveneForm(actor))));
    });
    app.message(/^\s*record\s+(\S+)\s*$/i, async (context) => {
      await this.say(context, await this.openRecord(actorOf(context), referenceIn(context)));
    });
    app.message(/^\s*handover\s+(\S+)\s*$/i, async (context) => {
      const actor = actorOf(context);
      const ref = referenceIn(context);
      await this.say(context, await s.handovers.guard(actor, ref, () => this.present(actor, s.handovers.handoverForm(actor, ref))));
    });
    app.message(/^\s*export\s+(\S+)\s*$/i, async (context) => {
      const actor = actorOf(context);
      const ref = referenceIn(context);
      let doc: RecordDocument | undefined;
      await this.say(
        context,
        await s.record.guard(actor, ref, async () => ({
          message: exportInChat((doc = await s.record.exportRecord(actor, ref)), ref, FileDelivery.available(context)),
        })),
      );
      if (doc) await this.files.offerDocument(context, doc, { kind: 'record', ref });
    });
  }

  registerActions(app: Application<TurnState>): void {
    const s = this.strategy;
    const guard: Guard = (actor, ref, step) => s.convening.guard(actor, ref, step);
    const on = <V extends Verb>(verb: V, step: Step<VerbData[V]>, view?: Step<VerbData[V]>) => onCardAction(app, verb, guard, step, view, this.messages);
    const show =
      <V extends Verb>(use: (actor: Actor, data: VerbData[V], ref: string) => StrategyView | Promise<StrategyView>): Step<VerbData[V]> =>
      (actor, data, ref) =>
        this.present(actor, use(actor, data, ref));
    const viewAck = show<'sd.ack.view'>((actor, { version }, ref) => s.acknowledgements.viewAcknowledgement(actor, ref, version));
    const viewTally = show((actor, _data, ref) => s.acknowledgements.viewTally(actor, ref));
    on(
      'sd.convene.open',
      show((actor) => s.convening.conveneForm(actor)),
    );
    on(
      'sd.followup.open',
      show((actor, _data, ref) => s.convening.followUpForm(actor, ref)),
    );
    on(
      'sd.convene.step',
      show<'sd.convene.step'>((actor, { form, step, move }) => s.convening.conveneStep(actor, form, step, move)),
    );
    on(
      'sd.convene',
      show<'sd.convene'>((actor, { form }) => s.convening.convene(actor, form)),
    );
    on(
      'sd.invitation.reply',
      show<'sd.invitation.reply'>((actor, { reply }, ref) => s.convening.replyToInvitation(actor, ref, reply)),
    );
    on(
      'sd.attendance.open',
      show((actor, _data, ref) => s.outcomes.attendanceForm(actor, ref)),
    );
    on(
      'sd.attendance.save',
      show<'sd.attendance.save'>((actor, { form }, ref) => s.outcomes.saveAttendance(actor, ref, form)),
    );
    on(
      'sd.outcome.open',
      show((actor, _data, ref) => s.outcomes.outcomeForm(actor, ref)),
    );
    on(
      'sd.outcome.step',
      show<'sd.outcome.step'>((actor, { baseVersion, step, move, form }, ref) => s.outcomes.outcomeStep(actor, ref, baseVersion, step, move, form)),
    );
    on(
      'sd.outcome.save',
      show<'sd.outcome.save'>((actor, { baseVersion, form }, ref) => s.outcomes.saveOutcome(actor, ref, baseVersion, form)),
    );
    on(
      'sd.ack',
      show<'sd.ack'>((actor, { version, answer, note }, ref) => s.acknowledgements.acknowledge(actor, ref, version, answer, note)),
      viewAck,
    );
    on('sd.ack.view', viewAck, viewAck);
    on('sd.tally.view', viewTally, viewTally);
    on(
      'sd.action.done',
      show<'sd.action.done'>((actor, { actionId }, ref) => s.outcomes.markActionDone(actor, ref, actionId)),
    );
    on(
      'sd.handover.open',
      show((actor, _data, ref) => s.handovers.handoverForm(actor, ref)),
    );
    on(
      'sd.handover.save',
      show<'sd.handover.save'>((actor, { request }, ref) => s.handovers.handOver(actor, ref, request)),
    );
    on('sd.export', async (actor, _data, ref) => ({ message: exportInChat(await s.record.exportRecord(actor, ref), ref, false) }));
  }

  private async say(context: TurnContext, reply: CardReply): Promise<void> {
    if ('card' in reply) await context.sendActivity({ attachments: [card(reply.card)] });
    else await context.sendActivity(reply.message);
  }
}
