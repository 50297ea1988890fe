import { Application, TurnState } from '@microsoft/teams-ai';
import { Actor } from '../workflows/actor';
import { CaseAccess } from '../workflows/caseAccess';
import { endDiscussion } from '../workflows/minutes/clock';
import { draftForm, saveDraft } from '../workflows/minutes/drafting';
import { circulate } from '../workflows/minutes/circulation';
import { confirm, review } from '../workflows/minutes/confirmation';
import { askForCorrection, decide } from '../workflows/minutes/corrections';
import { minutesReport } from '../workflows/minutes/measure';
import { MinutesMeasures, MinutesPorts } from '../workflows/minutes/ports';
import { MinutesView } from '../workflows/minutes/views';
import { WorkflowRoutes } from './app';
import { CardMessages, Guard, onCardAction, Step } from './cardAction';
import { chairCardKey } from '../workflows/strategy/notices';
import { actorOf } from './turn';
import { referenceIn } from './referenceInText';
import { MinutesPresenter } from './minutesPresenter';
import { Verb, VerbData } from './verbs';

export class MinutesRoutes implements WorkflowRoutes {
  constructor(
    private readonly ports: MinutesPorts,
    private readonly access: CaseAccess,
    private readonly presenter: MinutesPresenter,
    private readonly measures: MinutesMeasures,
    private readonly messages: CardMessages,
  ) {}

  registerCommands(app: Application<TurnState>): void {
    // The report first: "minutes report" would otherwise read as the minutes of a case called REPORT.
    app.message(/^\s*minutes report(\s+\S+)?\s*$/i, async (context) => {
      const period = (/report\s+(\S+)/i.exec(context.activity.text ?? '')?.[1] ?? '').trim();
      await context.sendActivity((await minutesReport({ ...this.ports, measures: this.measures }, actorOf(context), period)).text);
    });
    app.message(/^\s*minutes\s+(\S+)\s*$/i, async (context) => {
      const actor = actorOf(context);
      const ref = referenceIn(context);
      const reply = await this.access.guard(actor, ref, async () => this.presenter.view(await draftForm(this.ports, actor, ref), actor));
      await context.sendActivity(
        'card' in reply ? { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: reply.card }] } : reply.message,
      );
    });
  }

  registerActions(app: Application<TurnState>): void {
    const p = this.ports;
    const guard: Guard = (actor, ref, step) => this.access.guard(actor, ref, step);
    /** A step whose view is presented to the person who acted. */
    const shown =
      <V extends Verb>(use: (actor: Actor, data: VerbData[V], ref: string) => Promise<MinutesView>): Step<VerbData[V]> =>
      async (actor, data, ref) =>
        this.presenter.view(await use(actor, data, ref), actor);
    const on = <V extends Verb>(verb: V, step: Step<VerbData[V]>, view?: Step<VerbData[V]>) => onCardAction(app, verb, guard, step, view);
    const view = shown<'minutes.view'>((actor, { version }, ref) => review(p, actor, ref, version));
    // A chair who also takes the minutes drafts them on their card: no update may wipe the draft.
    onCardAction(
      app,
      'minutes.end',
      guard,
      async (actor, _data, ref) => {
        const v = await endDiscussion(p, actor, ref);
        const reply = this.presenter.view(v, actor);
        return v.kind === 'minutes.draft' ? { ...reply, holds: { subject: ref, key: chairCardKey(ref, actor.person.aadObjectId), live: false } } : reply;
      },
      undefined,
      this.messages,
    );
    on(
      'minutes.open',
      shown((actor, _data, ref) => draftForm(p, actor, ref)),
    );
    on(
      'minutes.save',
      shown<'minutes.save'>((actor, { form }, ref) => saveDraft(p, actor, ref, form)),
    );
    on(
      'minutes.circulate',
      shown<'minutes.circulate'>((actor, { form }, ref) => circulate(p, actor, ref, form)),
    );
    on('minutes.view', view, view);
    on(
      'minutes.confirm',
      shown<'minutes.confirm'>((actor, { version }, ref) => confirm(p, actor, ref, version)),
      view,
    );
    on(
      'minutes.correct',
      shown<'minutes.correct'>((actor, { version, wrong, shouldSay }, ref) => askForCorrection(p, actor, ref, version, wrong, shouldSay)),
      view,
    );
    on(
      'minutes.decide',
      shown<'minutes.decide'>((actor, { id, accept, reason }, ref) => decide(p, actor, ref, id, accept, reason)),
    );
  }
}
