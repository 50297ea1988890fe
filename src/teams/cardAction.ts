import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import { Address } from '../delivery/messenger';
import { Actor } from '../workflows/actor';
import { VERB_KEY } from './turnTelemetry';
import { isCaseReference, referenceForAudit } from '../domain/caseReference';
import { Refused } from '../domain/refusals';
import { actionData, actionTrigger, actorOf, answerCardAction, CardHold, CardReply } from './turn';
import { referenceText } from './cardInput';
import { parse, Verb, VerbData } from './verbs';

/** Where live cards are: the message a card action came from becomes the one to update (delivery/outbox). */
export interface CardMessages {
  hold(subject: string, key: string, to: string, reference: Address, activityId: string): Promise<void>;
  letGo(subject: string, key: string): Promise<void>;
}

/**
 * Teams names the message a clicked card is in (replyToId): an answer that is a live card makes
 * that message the one Concord updates for this person. Only in a 1:1 chat: a card in a channel is
 * everyone's, not this person's.
 */
async function keep(context: TurnContext, messages: CardMessages, hold: CardHold): Promise<void> {
  const a = context.activity;
  if (!a.replyToId || a.conversation?.conversationType !== 'personal') return;
  if (!hold.live) return messages.letGo(hold.subject, hold.key);
  await messages.hold(hold.subject, hold.key, actorOf(context).person.aadObjectId, TurnContext.getConversationReference(a), a.replyToId);
}

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
export function onCardAction<V extends Verb>(
  app: Application<TurnState>,
  verb: V,
  guard: Guard,
  step: Step<VerbData[V]>,
  view?: Step<VerbData[V]>,
  messages?: CardMessages,
): void {
  app.adaptiveCards.actionExecute(verb, async (context) => {
    context.turnState.set(VERB_KEY, verb);
    const actor = actorOf(context);
    const data = actionData(context);
    const ref = referenceText(data.ref);
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
    const reply: CardReply = automatic && !view ? { message: 'Nothing to refresh.' } : await guard(actor, ref, run);
    await answerCardAction(context, reply);
    if (reply.holds && messages) await keep(context, messages, reply.holds);
    return '';
  });
}
