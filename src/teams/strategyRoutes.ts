import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import { StrategyDiscussions } from '../workflows/strategyDiscussions';
import { card, WorkflowRoutes } from './app';
import { FileDelivery } from './files';
import { RecordDocument } from '../documents/document';
import { markdown } from '../documents/markdown';
import { formValues, Guard, onCardAction, Step, text } from './cardAction';
import { choice, choicesFor, count, date, version } from './cardInput';
import { ANSWERS, ATTENDANCE, DECISIONS, INVITATION_REPLIES, THRESHOLDS } from '../domain/strategyDiscussion';
import { ACTION_ROWS } from '../cards/strategyCards';

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
    private readonly discussions: StrategyDiscussions,
    private readonly files: FileDelivery,
  ) {}

  registerCommands(app: Application<TurnState>): void {
    app.message(/^\s*strategy\s*$/i, async (context) => {
      const actor = actorOf(context);
      await this.say(context, await this.discussions.guard(actor, 'access', async () => this.discussions.conveneForm(actor)));
    });
    app.message(/^\s*record\s+(\S+)\s*$/i, async (context) => {
      const actor = actorOf(context);
      const ref = referenceIn(context);
      await this.say(context, await this.discussions.guard(actor, ref, () => this.discussions.record(actor, ref)));
    });
    app.message(/^\s*export\s+(\S+)\s*$/i, async (context) => {
      const actor = actorOf(context);
      const ref = referenceIn(context);
      let doc: RecordDocument | undefined;
      await this.say(context, await this.discussions.guard(actor, ref, async () => ({ message: markdown((doc = await this.discussions.exportRecord(actor, ref))) })));
      if (doc) await this.files.offerDocument(context, doc, { kind: 'record', ref });
    });
  }

  registerActions(app: Application<TurnState>): void {
    const d = this.discussions;
    const guard: Guard = (actor, ref, step) => d.guard(actor, ref, step);
    const on = (verb: string, step: Step, view?: Step) => onCardAction(app, verb, guard, step, view);
    const viewAck: Step = (actor, data, ref) => d.viewAcknowledgement(actor, ref, version(data, 'version'));
    const viewTally: Step = (actor, _data, ref) => d.viewTally(actor, ref);
    on('sd.convene.open', async (actor) => d.conveneForm(actor));
    on('sd.convene', (actor, data) => d.convene(actor, formValues(data)));
    on('sd.invitation.reply', (actor, data, ref) => d.replyToInvitation(actor, ref, choice(REPLIES, data, 'reply')));
    on('sd.attendance.open', (actor, _data, ref) => d.attendanceForm(actor, ref));
    on('sd.attendance.save', (actor, data, ref) => {
      choicesFor(ATTENDANCE, data, 'att_');
      return d.saveAttendance(actor, ref, formValues(data));
    });
    on('sd.outcome.open', (actor, _data, ref) => d.outcomeForm(actor, ref));
    on('sd.outcome.save', (actor, data, ref) => d.saveOutcome(actor, ref, count(data, 'baseVersion'), outcomeForm(data)));
    on('sd.ack', (actor, data, ref) => d.acknowledge(actor, ref, version(data, 'version'), choice(ANSWERS, data, 'answer'), text(data.note)), viewAck);
    on('sd.ack.view', viewAck, viewAck);
    on('sd.tally.view', viewTally, viewTally);
    on('sd.action.done', (actor, data, ref) => d.markActionDone(actor, ref, text(data.actionId)));
    on('sd.export', async (actor, _data, ref) => ({ message: markdown(await d.exportRecord(actor, ref)) }));
  }


  private async say(context: TurnContext, reply: CardReply): Promise<void> {
    if ('card' in reply) await context.sendActivity({ attachments: [card(reply.card)] });
    else await context.sendActivity(reply.message);
  }
}
