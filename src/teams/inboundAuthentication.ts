import { ConfigurationBotFrameworkAuthentication, ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { logger } from '../logger';

/** The issuer of the tokens the Bot Framework's channels (Teams) send to bots (botframework-connector's AuthenticationConstants). */
const CHANNEL_TOKEN_ISSUER = 'https://api.botframework.com';
/** Concord is a Teams bot: the signing key must be endorsed for Teams. */
const CHANNEL = 'msteams';

const JWT = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

function issuerOf(payload: string): unknown {
  try {
    return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iss?: unknown }).iss;
  } catch {
    return undefined;
  }
}

/**
 * Checks the bearer token of a request to /api/messages before its body is read: signed by a
 * key the Bot Framework publishes for Teams, issued to this bot, not expired. botbuilder's own
 * validation runs again on the activity (it also checks the token's service URL against the
 * activity's); this one lets the edge answer 401 without parsing, auditing or storing anything.
 */
export class InboundAuthentication {
  private readonly auth: ConfigurationBotFrameworkAuthentication;

  constructor(config: ConfigurationBotFrameworkAuthenticationOptions) {
    this.auth = new ConfigurationBotFrameworkAuthentication(config);
  }

  /** Undefined for a valid token; otherwise why not, in words that quote nothing of the token. */
  async refusal(header: string | undefined): Promise<string | undefined> {
    if (!header) return 'no Authorization header';
    const jwt = JWT.exec(header);
    if (!jwt) return 'the Authorization header is not a bearer token';
    // Only the Bot Framework's channels call Concord. A token from another issuer (the Emulator,
    // a skill) would make botbuilder look up that issuer's keys: refused before any lookup.
    if (issuerOf(jwt[2]) !== CHANNEL_TOKEN_ISSUER) return 'the token is not from the Bot Framework';
    try {
      await this.auth.authenticateStreamingRequest(header, CHANNEL);
      return undefined;
    } catch (e) {
      // Invalid signature, wrong audience, expired, or the keys could not be fetched: either way
      // the request is not known to come from Teams. The last is the operator's to fix.
      const error = e as Error & { statusCode?: number };
      if (error.name === 'FetchError' || error.statusCode === 500)
        logger.error('the Bot Framework signing keys could not be fetched: requests are refused', { error: error.name });
      return `the token could not be verified (${error.name})`;
    }
  }
}
