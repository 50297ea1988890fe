import restify from 'restify';
import { TeamsAdapter, Application, TurnState } from '@microsoft/teams-ai';
import { AuditLog } from './store/auditLog';
import { Tables } from './store/tables';
import { logger } from './logger';

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * HTTP edge: Teams posts activities to /api/messages; operators and load balancers ask /healthz.
 * The body is parsed here, not by restify, so that a malformed request is answered 400 and
 * audited while the server keeps serving.
 */
export function createServer(adapter: TeamsAdapter, app: Application<TurnState>, tables: Tables, audit: AuditLog, parkedJobs: () => Promise<number>): restify.Server {
  const server = restify.createServer({ name: 'concord', handleUncaughtExceptions: false });

  // Parked jobs make the service degraded, not unhealthy: 200, because a load balancer that
  // replaces an instance on a non-2xx answer cannot fix a job parked in storage (docs/decisions.md).
  server.get('/healthz', async (_req, res) => {
    const parked = (await tables.ping()) ? await parkedJobs().catch(() => undefined) : undefined;
    if (parked === undefined) return res.send(503, { status: 'storage unavailable' });
    res.send(200, parked ? { status: 'degraded', parkedJobs: parked } : { status: 'ok' });
  });

  server.post('/api/messages', async (req, res) => {
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (e) {
      // Not the parser's message: it quotes the body, which could be anything.
      const detail = (e as Error).message === 'body too large' ? 'body over 1 MiB' : 'body is not JSON';
      await audit.record({ subject: 'access', action: 'refused.malformed-request', detail }).catch(() => undefined);
      res.send(400, { error: 'The request body must be a JSON Bot Framework activity.' });
      return;
    }
    if (typeof body !== 'object' || body === null || typeof (body as { type?: unknown }).type !== 'string') {
      await audit.record({ subject: 'access', action: 'refused.malformed-request', detail: 'not an activity' }).catch(() => undefined);
      res.send(400, { error: 'The request body must be a Bot Framework activity with a type.' });
      return;
    }
    (req as unknown as { body: unknown }).body = body;
    try {
      await adapter.process(req, res, async (context) => {
        await app.run(context);
      });
    } catch (e) {
      logger.error('request failed', { error: (e as Error).name });
      if (!res.headersSent) res.send(500, { error: 'The request could not be processed.' });
    }
  });

  return server;
}

function readBody(req: restify.Request): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
