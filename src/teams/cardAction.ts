import { Application, TurnState } from '@microsoft/teams-ai';
import { Actor } from '../workflows/actor';
import { VERB_KEY } from './turnTelemetry';
import { isCaseReference, referenceForAudit } from '../domain/caseReference';
import { Refused } from '../domain/refusals';
import { actionData, actionTrigger, actorOf, answerCardAction, CardReply } from './turn';
import { text } from './cardInput';
import { parse, Verb, VerbData } from './verbs';

export type Guard = (actor: Actor, reference: string, step: () => Promise<CardReply>) => Promise<CardReply>;
/** One verb's work, given its parsed data (`VerbData[verb]`). */
export type Step<D> = (actor: Actor, data: D, ref: string) => Promise<CardReply>;

/**
 * Registers one card verb. Teams refreshes cards by itself (trigger "automatic"): that must never
 * record anything, so an automatic call runs `view` (the person's own view) or is refused.
 * The case comes first: a card naming something that is not a case reference is about a case the
 * person is not involved in, whatever else it carries. Then the verb's own values are parsed
 * (teams/verbs.ts), and a forged one is audited with the verb it came with.
 */
export function onCardAction<V extends Verb>(app: Application<TurnState>, verb: V, guard: Guard, step: Step<VerbData[V]>, view?: Step<VerbData[V]>): void {
  app.adaptiveCards.actionExecute(verb, async (context) => {
    context.turnState.set(VERB_KEY, verb);
    const actor = actorOf(context);
    const data = actionData(context);
    const ref = text(data.ref).slice(0, 40);
    const automatic = actionTrigger(context) === 'automatic';
    const run = async () => {
      if (data.ref !== undefined && !isCaseReference(ref)) {
        throw new Refused('not-involved', 'You are not involved in that case, so Concord cannot show or change it.', `asked for ${referenceForAudit(ref)}`);
      }
      try {
        return await (automatic ? view! : step)(actor, parse(verb, data), ref);
      } catch (e) {
        if (e instanceof Refused && e.reason === 'invalid-input') throw new Refused(e.reason, e.message, `${verb}: ${e.detail}`);
        throw e;
      }
    };
    const reply = automatic && !view ? { message: 'Nothing to refresh.' } : await guard(actor, ref, run);
    await answerCardAction(context, reply);
    return '';
  });
}
