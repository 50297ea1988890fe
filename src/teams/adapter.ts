import { format } from 'node:util';
import { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { logger } from '../logger';

/**
 * The Bot Framework adapter, run by Concord's own HTTP edge. `CloudAdapter.process` answers a
 * failure with the error's message as the body and prints the error to the console; Concord
 * runs the activity itself instead, so that what it answers and what it logs are its own.
 */
export class ConcordAdapter extends TeamsAdapter {
  /** Authenticates and runs one activity; an invoke's answer is returned for the HTTP response. */
  runActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, withDates(activity), logic);
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
