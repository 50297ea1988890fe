import { format } from 'node:util';
import { Activity, ConfigurationBotFrameworkAuthenticationOptions, InvokeResponse, TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { logger } from '../logger';

/**
 * The Bot Framework adapter, run by Concord's own HTTP edge. `CloudAdapter.process` answers a
 * failure with the error's message as the body and prints the error to the console; Concord
 * runs the activity itself instead, so that what it answers and what it logs are its own.
 */
export class ConcordAdapter extends TeamsAdapter {
  constructor(config: ConfigurationBotFrameworkAuthenticationOptions) {
    super(config);
    this.reuseClients();
  }

  /** Authenticates and runs one activity; an invoke's answer is returned for the HTTP response. */
  runActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, withDates(activity), logic);
  }

  /**
   * botbuilder builds a new connector client and user-token client, each a whole HTTP pipeline, for
   * every activity it receives or sends: about 8% of the bot's CPU in a burst of answers (#19).
   * They hold nothing of the activity (the credentials are the bot's), so one of each per bot id,
   * service URL and audience serves every turn, as the .NET SDK does.
   */
  private reuseClients(): void {
    const auth = this.botFrameworkAuthentication;
    type Claims = Parameters<typeof auth.createUserTokenClient>[0];
    type Factory = ReturnType<typeof auth.createConnectorFactory>;
    const botId = (claims: Claims) => claims.getClaimValue('aud') ?? claims.getClaimValue('appid') ?? '';
    const connectors = new Map<string, ReturnType<Factory['create']>>();
    const userTokens = new Map<string, ReturnType<typeof auth.createUserTokenClient>>();
    const once = <T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> => {
      let made = cache.get(key);
      if (!made) {
        // A service URL comes with each activity: keep the cache from growing without bound.
        if (cache.size >= 100) cache.clear();
        made = make();
        cache.set(key, made);
        made.catch(() => cache.delete(key));
      }
      return made;
    };
    const reusing = (claims: Claims, factory: Factory): Factory => ({
      create: (serviceUrl, audience) => once(connectors, `${botId(claims)}|${serviceUrl}|${audience ?? ''}`, () => factory.create(serviceUrl, audience)),
    });

    const authenticate = auth.authenticateRequest.bind(auth);
    auth.authenticateRequest = async (activity, authHeader) => {
      const result = await authenticate(activity, authHeader);
      return result.connectorFactory ? { ...result, connectorFactory: reusing(result.claimsIdentity, result.connectorFactory) } : result;
    };
    const factoryFor = auth.createConnectorFactory.bind(auth);
    auth.createConnectorFactory = (claims) => reusing(claims, factoryFor(claims));
    const userTokenClientFor = auth.createUserTokenClient.bind(auth);
    auth.createUserTokenClient = (claims) => once(userTokens, botId(claims), () => userTokenClientFor(claims));
  }
}

/** As botbuilder's own validator does: the wire's ISO strings become dates. */
function withDates(activity: Activity): Activity {
  const a = activity as Activity & Record<string, unknown>;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    if (typeof a[field] === 'string') {
      a[raw] = a[field];
      a[field] = new Date(a[field]);
    }
  }
  return a;
}

/**
 * The Bot Framework SDK writes some failures straight to the console (a token whose key is not
 * found, with the whole key set). Routed through Concord's logger instead: one line, its first line
 * only, at warning level, so that no log line bypasses the logger and its redaction.
 */
export function routeSdkConsoleToLogger(): void {
  for (const method of ['error', 'warn'] as const) {
    console[method] = (...args: unknown[]) =>
      logger.warn('Bot Framework SDK', {
        said: format(...args)
          .split('\n')[0]
          .slice(0, 200),
      });
  }
}
