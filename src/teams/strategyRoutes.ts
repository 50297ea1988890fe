import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import { Strategy } from '../workflows/strategy';
import { StrategyView } from '../workflows/strategy/views';
import { Actor } from '../workflows/actor';
import { StrategyPresenter } from './strategyPresenter';
import { card, WorkflowRoutes } from './app';
import { FileDelivery } from './files';
import { RecordDocument } from '../documents/document';
import { markdown } from '../documents/markdown';
import { formValues, Guard, onCardAction, Step, text } from './cardAction';
import { choice, choicesFor, count, date, version } from './cardInput';
import { ANSWERS, ATTENDANCE, DECISIONS, INVITATION_REPLIES, THRESHOLDS } from '../domain/strategyDiscussion';
import { ACTION_ROWS } from '../workflows/strategy/forms';

/** The replies a person can give to an invitation: "awaiting" is where they start, not an answer. */
const { awaiting: _notAnAnswer, ...REPLIES } = INVITATION_REPLIES;
const FAMILY_SHARED = { yes: 'Yes', no: 'No' };

/** The outcome form's choices and dates, checked before the form's text is read. */
function outcomeForm(data: Record<string, unknown>): Record<string, string> {
  choice(THRESHOLDS, data, 'threshold');
  choice(DECISIONS, data, 'decision');
  choice(FAMILY_SHARED, data, 'familyShared');
  date(data, 'followUpDate');
  for (let n = 1; n <= ACTION_ROWS; n++) date(data, `action_${n}_due`);
  return formValues(data);
}
import { referenceIn } from './referenceInText';
import { actorOf, CardReply } from './turn';

export class StrategyRoutes implements WorkflowRoutes {
  constructor(
    private readonly strategy: Strategy,
    private readonly presenter: StrategyPresenter,
    private readonly files: FileDelivery,
  ) {}

  /** Runs a use case and presents its view to the person who acted. */
  private present(actor: Actor, view: StrategyView | Promise<StrategyView>): Promise<CardReply> {
    return Promise.resolve(view).then((v) => this.presenter.reply(v, actor));
  }

  registerCommands(app: Application<TurnState>): void {
    const s = this.strategy;
    app.message(/^\s*strategy\s*$/i, async (context) => {
      const actor = actorOf(context);
      await this.say(context, await s.convening.guard(actor, 'access', () => this.present(actor, s.convening.conveneForm(actor))));
    });
    app.message(/^\s*record\s+(\S+)\s*$/i, async (context) => {
      const actor = actorOf(context);
      const ref = referenceIn(context);
      await this.say(context, await s.record.guard(actor, ref, () => this.present(actor, s.record.record(actor, ref))));
    });
    app.message(/^\s*export\s+(\S+)\s*$/i, async (context) => {
      const actor = actorOf(context);
      const ref = referenceIn(context);
      let doc: RecordDocument | undefined;
      await this.say(context, await s.record.guard(actor, ref, async () => ({ message: markdown((doc = await s.record.exportRecord(actor, ref))) })));
      if (doc) await this.files.offerDocument(context, doc, { kind: 'record', ref });
    });
  }

  registerActions(app: Application<TurnState>): void {
    const s = this.strategy;
    const guard: Guard = (actor, ref, step) => s.convening.guard(actor, ref, step);
    const on = (verb: string, step: Step, view?: Step) => onCardAction(app, verb, guard, step, view);
    const show = (use: (actor: Actor, data: Record<string, unknown>, ref: string) => StrategyView | Promise<StrategyView>): Step =>
      (actor, data, ref) => this.present(actor, use(actor, data, ref));
    const viewAck = show((actor, data, ref) => s.acknowledgements.viewAcknowledgement(actor, ref, version(data, 'version')));
    const viewTally = show((actor, _data, ref) => s.acknowledgements.viewTally(actor, ref));
    on('sd.convene.open', show((actor) => s.convening.conveneForm(actor)));
    on('sd.convene', show((actor, data) => s.convening.convene(actor, formValues(data))));
    on('sd.invitation.reply', show((actor, data, ref) => s.convening.replyToInvitation(actor, ref, choice(REPLIES, data, 'reply'))));
    on('sd.attendance.open', show((actor, _data, ref) => s.outcomes.attendanceForm(actor, ref)));
    on('sd.attendance.save', show((actor, data, ref) => {
      choicesFor(ATTENDANCE, data, 'att_');
      return s.outcomes.saveAttendance(actor, ref, formValues(data));
    }));
    on('sd.outcome.open', show((actor, _data, ref) => s.outcomes.outcomeForm(actor, ref)));
    on('sd.outcome.save', show((actor, data, ref) => s.outcomes.saveOutcome(actor, ref, count(data, 'baseVersion'), outcomeForm(data))));
    on('sd.ack', show((actor, data, ref) => s.acknowledgements.acknowledge(actor, ref, version(data, 'version'), choice(ANSWERS, data, 'answer'), text(data.note))), viewAck);
    on('sd.ack.view', viewAck, viewAck);
    on('sd.tally.view', viewTally, viewTally);
    on('sd.action.done', show((actor, data, ref) => s.outcomes.markActionDone(actor, ref, text(data.actionId))));
    on('sd.export', async (actor, _data, ref) => ({ message: markdown(await s.record.exportRecord(actor, ref)) }));
  }


  private async say(context: TurnContext, reply: CardReply): Promise<void> {
    if ('card' in reply) await context.sendActivity({ attachments: [card(reply.card)] });
    else await context.sendActivity(reply.message);
  }
}
