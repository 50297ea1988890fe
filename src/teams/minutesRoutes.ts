import { Application, TurnState } from '@microsoft/teams-ai';
import { MinutesWorkflow } from '../workflows/minutes';
import { MinutesMeasure } from '../workflows/minutesMeasure';
import { WorkflowRoutes } from './app';
import { formValues, Guard, onCardAction, Step, text } from './cardAction';
import { actorOf } from './turn';
import { choice, correctionId, flag, version } from './cardInput';
import { DECISIONS } from '../domain/strategyDiscussion';

/** The draft's one choice, checked before its text is read. */
function minutesForm(data: Record<string, unknown>): Record<string, string> {
  choice(DECISIONS, data, 'decision');
  return formValues(data);
}

export class MinutesRoutes implements WorkflowRoutes {
  constructor(private readonly minutes: MinutesWorkflow, private readonly measure: MinutesMeasure) {}

  registerCommands(app: Application<TurnState>): void {
    // The report first: "minutes report" would otherwise read as the minutes of a case called REPORT.
    app.message(/^\s*minutes report(\s+\S+)?\s*$/i, async (context) => {
      const period = (/report\s+(\S+)/i.exec(context.activity.text ?? '')?.[1] ?? '').trim();
      await context.sendActivity(await this.measure.report(actorOf(context), period));
    });
    app.message(/^\s*minutes\s+(\S+)\s*$/i, async (context) => {
      const actor = actorOf(context);
      const ref = (/^\s*minutes\s+(\S+)/i.exec(context.activity.text ?? '')?.[1] ?? '').toUpperCase();
      const reply = await this.minutes.guard(actor, ref, () => this.minutes.draftForm(actor, ref));
      await context.sendActivity('card' in reply ? { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: reply.card }] } : reply.message);
    });
  }

  registerActions(app: Application<TurnState>): void {
    const m = this.minutes;
    const guard: Guard = (actor, ref, step) => m.guard(actor, ref, step);
    const on = (verb: string, step: Step, view?: Step) => onCardAction(app, verb, guard, step, view);
    const view: Step = (actor, data, ref) => m.view(actor, ref, version(data, 'version'));
    on('minutes.end', (actor, _data, ref) => m.endDiscussion(actor, ref));
    on('minutes.open', (actor, _data, ref) => m.draftForm(actor, ref));
    on('minutes.save', (actor, data, ref) => m.saveDraft(actor, ref, minutesForm(data)));
    on('minutes.circulate', (actor, data, ref) => m.circulate(actor, ref, minutesForm(data)));
    on('minutes.view', view, view);
    on('minutes.confirm', (actor, data, ref) => m.confirm(actor, ref, version(data, 'version')), view);
    on('minutes.correct', (actor, data, ref) => m.askForCorrection(actor, ref, version(data, 'version'), text(data.wrong), text(data.shouldSay)), view);
    on('minutes.decide', (actor, data, ref) => m.decide(actor, ref, correctionId(data, 'id'), flag(data, 'accept'), text(data.reason)));
  }
}
