import restify from 'restify';
import { Activity } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import { ConcordAdapter } from './adapter';
import { InboundAuthentication } from './inboundAuthentication';
import { RefusalTally } from '../refusalTally';
import { Tables } from '../store/tables';
import { logger } from '../logger';

const MAX_BODY_BYTES = 1024 * 1024;

export interface Edge {
  tables: Tables;
  /** Why storage cannot be used just now (the embedded Azurite is down, or cannot save), if known. */
  storageProblem: () => string | undefined;
  /** With a BOT_ID: every request must carry a valid Bot Framework token. */
  authentication: InboundAuthentication | undefined;
  refusals: RefusalTally;
  /** How many jobs the sweeper gave up on: the service is degraded while any are parked. */
  parkedJobs: () => Promise<number>;
}

/**
 * HTTP edge: Teams posts activities to /api/messages; operators and load balancers ask /healthz.
 * With a BOT_ID the token is checked first: a request without a valid one is answered 401 before
 * its body is read. The body is parsed here, not by restify, so that a malformed request is
 * answered 400 while the server keeps serving. Refusals here are audited through a tally, as
 * anyone can send them.
 */
export function createServer(adapter: ConcordAdapter, app: Application<TurnState>, edge: Edge): restify.Server {
  const server = restify.createServer({ name: 'concord', handleUncaughtExceptions: false });

  // Parked jobs make the service degraded, not unhealthy: 200, because a load balancer that
  // replaces an instance on a non-2xx answer cannot fix a job parked in storage (docs/decisions.md).
  server.get('/healthz', async (_req, res) => {
    const problem = edge.storageProblem() ?? ((await edge.tables.ping()) ? undefined : 'storage unavailable');
    const parked = problem ? undefined : await edge.parkedJobs().catch(() => undefined);
    // Nothing returned: restify 12 logs (on its own, bypassing Concord's logger) any value an async handler returns.
    if (parked === undefined) res.send(503, { status: problem ?? 'storage unavailable' });
    else res.send(200, parked ? { status: 'degraded', parkedJobs: parked } : { status: 'ok' });
  });

  server.post('/api/messages', async (req, res) => {
    if (edge.authentication) {
      const refusal = await edge.authentication.refusal(req.header('authorization') || undefined);
      if (refusal) {
        req.resume(); // never read
        await edge.refusals.refuse('refused.unauthenticated', refusal);
        res.send(401, { error: 'The request could not be authenticated.' });
        return;
      }
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (e) {
      if (e instanceof TooLarge) {
        await edge.refusals.refuse('refused.malformed-request', 'body over 1 MiB');
        // The rest of the body is not read: the connection closes once this answer is sent.
        res.setHeader('connection', 'close');
        res.send(413, { error: 'The request body is over 1 MiB: Teams never sends one that large.' });
        return;
      }
      // Not the parser's message: it quotes the body, which could be anything.
      await edge.refusals.refuse('refused.malformed-request', 'body is not JSON');
      res.send(400, { error: 'The request body must be a JSON Bot Framework activity.' });
      return;
    }
    if (typeof body !== 'object' || body === null || typeof (body as { type?: unknown }).type !== 'string') {
      await edge.refusals.refuse('refused.malformed-request', 'not an activity');
      res.send(400, { error: 'The request body must be a Bot Framework activity with a type.' });
      return;
    }
    try {
      const invoke = await adapter.runActivity(req.header('authorization') || '', body as Activity, async (context) => {
        await app.run(context);
      });
      res.send(invoke?.status ?? 200, invoke?.body);
    } catch (e) {
      // A token valid for Teams but not for this activity (its service URL, say) fails here.
      const status = (e as { statusCode?: number }).statusCode;
      if (status === 401 || status === 403) {
        await edge.refusals.refuse('refused.unauthenticated', 'the token does not match the activity');
        if (!res.headersSent) res.send(401, { error: 'The request could not be authenticated.' });
        return;
      }
      logger.error('request failed', { error: (e as Error).name });
      if (!res.headersSent) res.send(500, { error: 'The request could not be processed.' });
    }
  });

  return server;
}

class TooLarge extends Error {}

function readBody(req: restify.Request): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        // Stop keeping it, not the socket: the sender is answered 413 rather than cut off.
        req.off('data', onData);
        chunks.length = 0;
        req.resume();
        reject(new TooLarge());
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
