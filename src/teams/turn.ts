import { Activity, ActivityTypes, TurnContext } from 'botbuilder';
import { Actor } from '../workflows/actor';
import { Reply } from '../workflows/ports';

const ACTOR_KEY = 'concord.actor';

export function setActor(context: TurnContext, actor: Actor): void {
  context.turnState.set(ACTOR_KEY, actor);
}

export function actorOf(context: TurnContext): Actor {
  const actor = context.turnState.get<Actor | undefined>(ACTOR_KEY);
  if (!actor) throw new Error('turn has no resolved actor');
  return actor;
}

export function tenantOf(activity: Partial<Activity>): string | undefined {
  return activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

export function isCardAction(activity: Partial<Activity>): boolean {
  return activity.type === ActivityTypes.Invoke && activity.name === 'adaptiveCard/action';
}

/**
 * Which live card the answer is, so that Concord can update that message later: `live` when the
 * card shows the case's state (updated as it changes), not live when it is a form being filled in
 * (an update would wipe what the person is typing).
 */
export interface CardHold {
  subject: string;
  key: string;
  live: boolean;
}

/** What a card action answers: a card that replaces the clicker's card (perhaps a live one), or a short message. */
export type CardReply = Reply & { holds?: CardHold };

/**
 * Answer a Universal Action ourselves rather than through teams-ai's return value: teams-ai turns
 * any returned card with `refresh` into "replace for all", which would show one person's view to
 * everyone. Set here, the invoke response is only ever the clicker's own view.
 */
export async function answerCardAction(context: TurnContext, reply: CardReply): Promise<void> {
  const body =
    'card' in reply
      ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: reply.card }
      : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: reply.message };
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}

/** Tell the person something in whatever form the activity allows. */
export async function tell(context: TurnContext, message: string): Promise<void> {
  if (isCardAction(context.activity)) await answerCardAction(context, { message });
  else if (context.activity.type === ActivityTypes.Invoke) {
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: { message } } });
  } else await context.sendActivity(message);
}

/** Data a card action carries, with the values of the card's inputs merged in by Teams. */
export function actionData(context: TurnContext): Record<string, unknown> {
  return (context.activity.value as { action?: { data?: Record<string, unknown> } })?.action?.data ?? {};
}

export function actionTrigger(context: TurnContext): 'manual' | 'automatic' {
  return (context.activity.value as { trigger?: string })?.trigger === 'automatic' ? 'automatic' : 'manual';
}
