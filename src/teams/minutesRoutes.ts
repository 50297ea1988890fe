import { Application, TurnState } from '@microsoft/teams-ai';
import { Actor } from '../workflows/actor';
import { CaseAccess } from '../workflows/caseAccess';
import { endDiscussion } from '../workflows/minutes/clock';
import { draftForm, saveDraft } from '../workflows/minutes/drafting';
import { circulate } from '../workflows/minutes/circulation';
import { confirm, review } from '../workflows/minutes/confirmation';
import { askForCorrection, decide } from '../workflows/minutes/corrections';
import { minutesReport } from '../workflows/minutes/measure';
import { MinutesPorts } from '../workflows/minutes/ports';
import { MinutesView } from '../workflows/minutes/views';
import { WorkflowRoutes } from './app';
import { formValues, Guard, onCardAction, Step, text } from './cardAction';
import { actorOf } from './turn';
import { choice, correctionId, flag, version } from './cardInput';
import { referenceIn } from './referenceInText';
import { DECISIONS } from '../domain/strategyDiscussion';
import { MinutesPresenter } from './minutesPresenter';

/** The draft's one choice, checked before its text is read. */
function minutesForm(data: Record<string, unknown>): Record<string, string> {
  choice(DECISIONS, data, 'decision');
  return formValues(data);
}

export class MinutesRoutes implements WorkflowRoutes {
  constructor(
    private readonly ports: MinutesPorts,
    private readonly access: CaseAccess,
    private readonly presenter: MinutesPresenter,
  ) {}

  registerCommands(app: Application<TurnState>): void {
    // The report first: "minutes report" would otherwise read as the minutes of a case called REPORT.
    app.message(/^\s*minutes report(\s+\S+)?\s*$/i, async (context) => {
      const period = (/report\s+(\S+)/i.exec(context.activity.text ?? '')?.[1] ?? '').trim();
      await context.sendActivity((await minutesReport(this.ports, actorOf(context), period)).text);
    });
    app.message(/^\s*minutes\s+(\S+)\s*$/i, async (context) => {
      const actor = actorOf(context);
      const ref = referenceIn(context);
      const reply = await this.access.guard(actor, ref, async () => this.presenter.view(await draftForm(this.ports, actor, ref), actor));
      await context.sendActivity('card' in reply ? { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: reply.card }] } : reply.message);
    });
  }

  registerActions(app: Application<TurnState>): void {
    const p = this.ports;
    const guard: Guard = (actor, ref, step) => this.access.guard(actor, ref, step);
    /** A step whose view is presented to the person who acted. */
    const shown = (use: (actor: Actor, data: Record<string, unknown>, ref: string) => Promise<MinutesView>): Step => async (actor, data, ref) => this.presenter.view(await use(actor, data, ref), actor);
    const on = (verb: string, step: Step, view?: Step) => onCardAction(app, verb, guard, step, view);
    const view = shown((actor, data, ref) => review(p, actor, ref, version(data, 'version')));
    on('minutes.end', shown((actor, _data, ref) => endDiscussion(p, actor, ref)));
    on('minutes.open', shown((actor, _data, ref) => draftForm(p, actor, ref)));
    on('minutes.save', shown((actor, data, ref) => saveDraft(p, actor, ref, minutesForm(data))));
    on('minutes.circulate', shown((actor, data, ref) => circulate(p, actor, ref, minutesForm(data))));
    on('minutes.view', view, view);
    on('minutes.confirm', shown((actor, data, ref) => confirm(p, actor, ref, version(data, 'version'))), view);
    on('minutes.correct', shown((actor, data, ref) => askForCorrection(p, actor, ref, version(data, 'version'), text(data.wrong), text(data.shouldSay))), view);
    on('minutes.decide', shown((actor, data, ref) => decide(p, actor, ref, correctionId(data, 'id'), flag(data, 'accept'), text(data.reason))));
  }
}
