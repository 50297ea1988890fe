import { Activity, ActivityTypes, Middleware, TurnContext } from 'botbuilder';
import { SpanKind } from '@opentelemetry/api';
import { caseReference, inSpan, measure } from '../telemetry';
import { isCardAction } from './turn';

/** Set by the card-action route that answered the turn: a registered verb, never what the client sent. */
export const VERB_KEY = 'concord.verb';

/**
 * Every turn is a span (Application Insights shows it as a request), every message sent to the Bot
 * Connector a dependency span inside it, and every card action's answer time a metric. It runs
 * as adapter middleware, so proactive sends (which the adapter runs as turns of their own) are
 * traced the same way.
 */
export class TurnTelemetry implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const a = context.activity;
    const started = performance.now();
    const proactive = a.type === ActivityTypes.Event && a.name === 'ContinueConversation';
    context.onSendActivities(async (_ctx, activities, send) => {
      // An invoke's answer travels in the HTTP response: nothing goes to the connector.
      if (activities.every((x) => x.type === ActivityTypes.InvokeResponse)) return send();
      return inSpan('connector send', SpanKind.CLIENT, { 'concord.activities': activities.length, 'peer.service': 'Bot Connector' }, () => send());
    });
    context.onUpdateActivity(async (_ctx, _activity, update) =>
      inSpan('connector update', SpanKind.CLIENT, { 'peer.service': 'Bot Connector' }, () => update()),
    );
    if (proactive) return next();
    await inSpan(`turn ${a.type}`, SpanKind.SERVER, { 'concord.activity.type': a.type ?? '', 'concord.invoke.name': invokeName(a) }, async (span) => {
      let failed = true;
      try {
        await next();
        failed = false;
      } finally {
        const verb = context.turnState.get<string | undefined>(VERB_KEY);
        const ref = caseReference((a.value as { action?: { data?: { ref?: unknown } } } | undefined)?.action?.data?.ref);
        if (verb) span.setAttribute('concord.verb', verb);
        if (ref) span.setAttribute('concord.case.reference', ref);
        if (isCardAction(a)) measure.cardAction(verb ?? 'unknown', performance.now() - started, failed ? 'failed' : 'answered');
      }
    });
  }
}

// Invoke names are Teams' own ("adaptiveCard/action"); a client could send anything, so only these.
const KNOWN_INVOKES = new Set(['adaptiveCard/action', 'fileConsent/invoke', 'task/fetch', 'task/submit', 'composeExtension/query', 'signin/verifyState']);
function invokeName(a: Partial<Activity>): string {
  return a.type === ActivityTypes.Invoke && a.name && KNOWN_INVOKES.has(a.name) ? a.name : '';
}
