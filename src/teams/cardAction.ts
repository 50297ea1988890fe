import { Application, TurnState } from '@microsoft/teams-ai';
import { Actor } from '../workflows/actor';
import { VERB_KEY } from './turnTelemetry';
import { isCaseReference, referenceForAudit } from '../domain/caseReference';
import { Refused } from '../domain/refusals';
import { actionData, actionTrigger, actorOf, answerCardAction, CardReply } from './turn';

export type Guard = (actor: Actor, reference: string, step: () => Promise<CardReply>) => Promise<CardReply>;
export type Step = (actor: Actor, data: Record<string, unknown>, ref: string) => Promise<CardReply>;

/** A value from card data, as text: card data comes back from the client and is never trusted. */
export const text = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** Never cut short: each field's length is checked against its stated limit, and too much is refused by name. */
export function formValues(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, text(v)]));
}

/**
 * Registers one card verb. Teams refreshes cards by itself (trigger "automatic"): that must never
 * record anything, so an automatic call runs `view` (the person's own view) or is refused.
 * The case comes first: a card naming something that is not a case reference is about a case the
 * person is not involved in, whatever else it carries. Then the verb's own values are parsed
 * (cardInput), and a forged one is audited with the verb it came with.
 */
export function onCardAction(app: Application<TurnState>, verb: string, guard: Guard, step: Step, view?: Step): void {
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
        return await (automatic ? view! : step)(actor, data, ref);
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
