import http from 'node:http';
import { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector, as Teams would have received it. */
export interface ConnectorCall {
  method: string;
  path: string;
  conversationId?: string;
  activityId?: string;
  body: any;
  at: number;
  /** The id this connector gave a new activity (what Teams later sends as an invoke's replyToId). */
  sentId?: string;
}

type Fault = { status: number; headers?: Record<string, string> };

/**
 * A Bot Connector on 127.0.0.1: records what the bot sends (new activities, replies, updates,
 * new 1:1 conversations) and can be told to fail, as Teams does under load.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  private server!: http.Server;
  private faults: Fault[] = [];
  private permanentFault: { fault: Fault; conversationId?: string } | undefined;
  private counter = 0;
  /** Every send and update is answered this long after it arrives, as a slow Teams would. */
  delayMs = 0;
  /** Sends and updates received and not yet answered. */
  inFlight = 0;
  /** Channels the team has besides General, as Teams lists them. */
  teamChannels: string[] = [];
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }

  /** The next sends fail with these answers, one each, then all is well again. */
  failNext(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  /** Every send (into one conversation, if named) fails until `recover()`. */
  failAlways(fault: Fault, conversationId?: string): void {
    this.permanentFault = { fault, conversationId };
  }

  recover(): void {
    this.permanentFault = undefined;
    this.faults = [];
  }

  /** Activities sent (not updates) into a conversation. */
  sentTo(conversationId: string): any[] {
    return this.calls.filter((c) => c.method === 'POST' && c.conversationId === conversationId && c.path.includes('/activities')).map((c) => c.body);
  }

  updates(conversationId: string): ConnectorCall[] {
    return this.calls.filter((c) => c.method === 'PUT' && c.conversationId === conversationId);
  }

  /** Updates (PUT) of one message. */
  updatesOf(conversationId: string, activityId: string): ConnectorCall[] {
    return this.updates(conversationId).filter((c) => c.activityId === activityId);
  }

  /** The id of the message that carried this card (the very object a test read from `calls`). */
  messageIdOf(card: unknown): string | undefined {
    const call = this.calls.find((c) => (c.method === 'POST' || c.method === 'PUT') && c.body?.attachments?.some((a: any) => a.content === card));
    return call?.method === 'PUT' ? call.activityId : call?.sentId;
  }

  /** The card a message shows now: its latest update, or what was sent. */
  cardNow(conversationId: string, activityId: string): any {
    const updates = this.updatesOf(conversationId, activityId);
    if (updates.length) return updates[updates.length - 1].body?.attachments?.[0]?.content;
    return this.calls.find((c) => c.method === 'POST' && c.sentId === activityId)?.body?.attachments?.[0]?.content;
  }

  async waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 8000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const v = await probe();
      if (v) return v;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? JSON.parse(text) : undefined;
    const path = (req.url ?? '').split('?')[0];
    const m = /^\/v3\/conversations\/([^/]+)(?:\/(activities|members)(?:\/([^/]+))?)?$/.exec(path);
    const call: ConnectorCall = {
      method: req.method ?? '',
      path,
      conversationId: m ? decodeURIComponent(m[1]) : undefined,
      activityId: m?.[3] ? decodeURIComponent(m[3]) : undefined,
      body,
      at: Date.now(),
    };
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    if (req.method !== 'GET' && this.delayMs > 0) {
      this.inFlight++;
      await new Promise((r) => setTimeout(r, this.delayMs));
      this.inFlight--;
    }
    if (req.method !== 'GET') {
      const permanent =
        this.permanentFault && (!this.permanentFault.conversationId || this.permanentFault.conversationId === call.conversationId)
          ? this.permanentFault.fault
          : undefined;
      const fault = this.faults.shift() ?? permanent;
      if (fault) {
        this.calls.push({ ...call, method: `FAILED ${req.method}` });
        return send(fault.status, { error: { code: 'Fault', message: 'injected by the test' } }, fault.headers);
      }
    }
    this.calls.push(call);
    if (req.method === 'POST' && path === '/v3/conversations') {
      const member = body?.members?.[0]?.id ?? 'unknown';
      return send(201, { id: `a:1on1-${member}`, serviceUrl: this.url });
    }
    const team = /^\/v3\/teams\/([^/]+)\/conversations$/.exec(path);
    if (req.method === 'GET' && team) {
      return send(200, { conversations: [{ id: decodeURIComponent(team[1]), name: null }, ...this.teamChannels.map((id) => ({ id, name: 'A channel' }))] });
    }
    if (req.method === 'GET' && m?.[2] === 'members') {
      return send(200, { id: call.activityId, name: 'Member', aadObjectId: call.activityId?.replace(/^29:/, '') });
    }
    if (req.method === 'POST' && m?.[2] === 'activities') {
      call.sentId = `activity-${++this.counter}`;
      return send(201, { id: call.sentId });
    }
    if (req.method === 'PUT' && m?.[2] === 'activities') return send(200, { id: call.activityId });
    return send(404, { error: { code: 'NotFound', message: path } });
  }
}
