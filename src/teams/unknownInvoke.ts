/**
 * An invoke Concord has no route for still gets an answer Teams can show (a bare 501 shows the
 * person nothing useful), and an audit description that never holds what the sender put in it:
 * the verb and the invoke's name are chosen by whoever sends the request.
 */
import { Activity, ActivityTypes, TurnContext } from 'botbuilder';
import { answerCardAction, isCardAction } from './turn';

/** Invoke names Teams sends: named in the audit as they are. Any other name could be anything. */
const TEAMS_INVOKES = new Set([
  'adaptiveCard/action',
  'task/fetch',
  'task/submit',
  'tab/fetch',
  'tab/submit',
  'config/fetch',
  'config/submit',
  'composeExtension/query',
  'composeExtension/queryLink',
  'composeExtension/anonymousQueryLink',
  'composeExtension/querySettingUrl',
  'composeExtension/setting',
  'composeExtension/selectItem',
  'composeExtension/submitAction',
  'composeExtension/fetchTask',
  'composeExtension/onCardButtonClicked',
  'signin/verifyState',
  'signin/tokenExchange',
  'fileConsent/invoke',
  'actionableMessage/executeAction',
  'handoff/action',
  'message/submitAction',
  'message/fetchTask',
]);

const UNKNOWN_BUTTON = 'This button is not one Concord knows (the card may be from an older version). Type "help" to start again.';
const NOT_OFFERED = 'Concord does not offer this in Teams. Type "help" in your chat with Concord to see what it can do.';

export function describeInvoke(a: Partial<Activity>): string {
  if (isCardAction(a)) {
    const verb = (a.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
    return typeof verb === 'string' && verb ? `card action: verb not recognised (length ${verb.length})` : 'card action without a verb';
  }
  const name = typeof a.name === 'string' ? a.name : '';
  return TEAMS_INVOKES.has(name) ? `invoke ${name}` : `invoke not recognised (name length ${name.length})`;
}

/** The answer in the shape each kind of invoke expects, so Teams shows the message. */
export async function answerUnknownInvoke(context: TurnContext): Promise<void> {
  const name = context.activity.name ?? '';
  if (isCardAction(context.activity)) return answerCardAction(context, { message: UNKNOWN_BUTTON });
  const body = name.startsWith('task/')
    ? { task: { type: 'message', value: NOT_OFFERED } }
    : name.startsWith('composeExtension/')
      ? { composeExtension: { type: 'message', text: NOT_OFFERED } }
      : { message: NOT_OFFERED };
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}
