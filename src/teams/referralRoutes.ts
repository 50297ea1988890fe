import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import { Referrals } from '../workflows/referrals';
import { SeriousIncidents } from '../workflows/seriousIncidents';
import { card, WorkflowRoutes } from './app';
import { formValues, Guard, onCardAction, Step, text } from './cardAction';
import { actorOf, CardReply } from './turn';
import { choice, count, date } from './cardInput';
import { FRONT_DOOR_DECISIONS } from '../domain/referral';

const DANGER = { yes: 'A child is in danger now', no: 'No' };
const MOVES = { next: 'Next', back: 'Back' };

export class ReferralRoutes implements WorkflowRoutes {
  constructor(private readonly referrals: Referrals, private readonly incidents: SeriousIncidents) {}

  registerCommands(app: Application<TurnState>): void {
    const r = this.referrals;
    const si = this.incidents;
    const refIn = (context: TurnContext, prefix: string) => (new RegExp(`\\b(${prefix}-\\d+)\\b`, 'i').exec(context.activity.text ?? '')?.[1] ?? '').toUpperCase();
    app.message(/^\s*refer\s*$/i, async (context) => this.say(context, await r.refer(actorOf(context))));
    app.message(/^\s*serious incident\s*$/i, async (context) => this.say(context, await si.start(actorOf(context))));
    app.message(/^\s*(referral|record)\s+REF-\d+\s*$/i, async (context) => {
      const actor = actorOf(context);
      const ref = refIn(context, 'REF');
      await this.say(context, await r.guard(actor, ref, () => r.view(actor, ref)));
    });
    app.message(/^\s*(incident|record)\s+SI-\d+\s*$/i, async (context) => {
      const actor = actorOf(context);
      const ref = refIn(context, 'SI');
      await this.say(context, await si.guard(actor, ref, () => si.view(actor, ref)));
    });
  }

  registerActions(app: Application<TurnState>): void {
    const r = this.referrals;
    const si = this.incidents;
    const guard: Guard = (actor, ref, step) => r.guard(actor, ref, step);
    const on = (verb: string, step: Step, view?: Step) => onCardAction(app, verb, guard, step, view);
    on('ref.start', (actor) => r.refer(actor));
    on('ref.danger', (actor, data) => r.danger(actor, choice(DANGER, data, 'danger')));
    on('ref.resume', (actor) => r.resume(actor));
    on('ref.step', (actor, data) => r.step(actor, formValues(data), choice(MOVES, data, 'move'), count(data, 'step')));
    on('ref.submit', (actor) => r.submit(actor));
    on('ref.decide', (actor, data, ref) => r.decide(actor, ref, choice(FRONT_DOOR_DECISIONS, data, 'outcome'), text(data.rationale)));
    on('ref.convene', (actor, _data, ref) => r.convene(actor, ref));
    on('si.start', (actor) => si.start(actor));
    on('si.step', (actor, data) => si.step(actor, formValues(data), choice(MOVES, data, 'move'), count(data, 'step')));
    on('si.submit', (actor) => si.submit(actor));
    on('si.panel', (actor, data, ref) => si.record(actor, ref, 'panel', date(data, 'date')));
    on('si.review', (actor, data, ref) => si.record(actor, ref, 'review', date(data, 'date')));
  }

  private async say(context: TurnContext, reply: CardReply): Promise<void> {
    if ('card' in reply) await context.sendActivity({ attachments: [card(reply.card)] });
    else await context.sendActivity(reply.message);
  }
}
