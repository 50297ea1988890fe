import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import { ReferralDrafting } from '../workflows/referrals/drafting';
import { ReferralSubmission } from '../workflows/referrals/submission';
import { FrontDoor } from '../workflows/referrals/frontDoor';
import { IncidentReport } from '../workflows/referrals/incidentReport';
import { IncidentClocks } from '../workflows/referrals/incidentClock';
import { ReferralView } from '../workflows/referrals/views';
import { card, WorkflowRoutes } from './app';
import { Guard, onCardAction } from './cardAction';
import { actorOf, CardReply } from './turn';
import { Verb, VerbData } from './verbs';
import { Actor } from '../workflows/actor';
import { ReferralPresenter } from './referralPresenter';
import { referenceIn } from './referenceInText';

export interface ReferralUseCases {
  drafting: ReferralDrafting;
  submission: ReferralSubmission;
  frontDoor: FrontDoor;
}

export interface IncidentUseCases {
  report: IncidentReport;
  clocks: IncidentClocks;
}

type ViewStep<V extends Verb> = (actor: Actor, data: VerbData[V], ref: string) => Promise<ReferralView>;

export class ReferralRoutes implements WorkflowRoutes {
  constructor(
    private readonly referrals: ReferralUseCases,
    private readonly incidents: IncidentUseCases,
    private readonly presenter: ReferralPresenter,
  ) {}

  /** A referral's card (REF-…), for its referrer and the Front Door. */
  openReferral(actor: Actor, ref: string): Promise<CardReply> {
    const { frontDoor } = this.referrals;
    return frontDoor.guard(actor, ref, async () => this.presenter.reply(await frontDoor.view(actor, ref)));
  }

  /** A serious incident's card (SI-…), for who reported it and the partnership admins. */
  openIncident(actor: Actor, ref: string): Promise<CardReply> {
    const { clocks } = this.incidents;
    return clocks.guard(actor, ref, async () => this.presenter.reply(await clocks.view(actor, ref)));
  }

  registerCommands(app: Application<TurnState>): void {
    const { drafting } = this.referrals;
    const { report } = this.incidents;
    app.message(/^\s*refer\s*$/i, async (context) => this.say(context, this.presenter.reply(await drafting.refer(actorOf(context)))));
    app.message(/^\s*serious incident\s*$/i, async (context) => this.say(context, this.presenter.reply(await report.start(actorOf(context)))));
    app.message(/^\s*(referral|record)\s+REF-\d+\s*$/i, async (context) => this.say(context, await this.openReferral(actorOf(context), referenceIn(context))));
    app.message(/^\s*(incident|record)\s+SI-\d+\s*$/i, async (context) => this.say(context, await this.openIncident(actorOf(context), referenceIn(context))));
  }

  registerActions(app: Application<TurnState>): void {
    const { drafting, submission, frontDoor } = this.referrals;
    const { report, clocks } = this.incidents;
    const guard: Guard = (actor, ref, step) => frontDoor.guard(actor, ref, step);
    const on = <V extends Verb>(verb: V, step: ViewStep<V>) =>
      onCardAction(app, verb, guard, async (actor, data, ref) => this.presenter.reply(await step(actor, data, ref)));
    on('ref.start', (actor) => drafting.refer(actor));
    on('ref.danger', (actor, { danger }) => drafting.danger(actor, danger));
    on('ref.resume', (actor) => drafting.resume(actor));
    on('ref.start-again', (actor) => drafting.startAgain(actor));
    on('ref.step', (actor, { form, move, step }) => drafting.step(actor, form, move, step));
    on('ref.submit', (actor, { draft }) => submission.submit(actor, draft));
    on('ref.decide', (actor, { outcome, rationale }, ref) => frontDoor.decide(actor, ref, outcome, rationale));
    on('ref.convene', (actor, _data, ref) => frontDoor.convene(actor, ref));
    // The Front Door card's refresh (Universal Actions): the referral as it stands, for this person.
    const viewReferral = async (actor: Actor, _data: unknown, ref: string) => this.presenter.reply(await frontDoor.view(actor, ref));
    onCardAction(app, 'ref.view', guard, viewReferral, viewReferral);
    on('si.start', (actor) => report.start(actor));
    on('si.step', (actor, { form, move, step }) => report.step(actor, form, move, step));
    on('si.submit', (actor) => report.submit(actor));
    on('si.panel', (actor, { date }, ref) => clocks.record(actor, ref, 'panel', date));
    on('si.review', (actor, { date }, ref) => clocks.record(actor, ref, 'review', date));
  }

  private async say(context: TurnContext, reply: CardReply): Promise<void> {
    if ('card' in reply) await context.sendActivity({ attachments: [card(reply.card)] });
    else await context.sendActivity(reply.message);
  }
}
