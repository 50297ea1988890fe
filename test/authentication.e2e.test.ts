// With a BOT_ID, Concord is reachable from the internet: a request is authenticated before its
// body is read, and what anyone can send without credentials cannot fill the audit log.
import { createSign, generateKeyPairSync, KeyObject, randomUUID } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { loadSettings } from '../src/config';
import { Concord, startConcord } from '../src/concord';
import { EmbeddedStorage, startEmbeddedAzurite } from '../src/store/embeddedAzurite';
import { FakeConnector } from './harness/fakeConnector';
import { TeamsUser, userFor } from './harness/teams';
import { SAMPLE_DIRECTORY, World } from './harness/world';
import { loadDirectory } from '../src/directoryFile';

const BOT_ID = '0b0b0b0b-0000-4000-8000-00000000b07d';

/** The Bot Framework's key endpoint, as login.botframework.com serves it, on loopback. */
class SigningKeys {
  private server!: http.Server;
  url = '';
  readonly kid = 'test-key';
  readonly key = generateKeyPairSync('rsa', { modulusLength: 2048 });

  async start(): Promise<this> {
    const jwk = this.key.publicKey.export({ format: 'jwk' });
    this.server = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url === '/keys') res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid: this.kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] }));
      else res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${this.url}/keys` }));
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

function token(privateKey: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'RS256', typ: 'JWT', kid })}.${part({ iss: 'https://api.botframework.com', aud: BOT_ID, nbf: now - 60, exp: now + 3600, ...claims })}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url')}`;
}

let storage: EmbeddedStorage;
let connector: FakeConnector;
let keys: SigningKeys;
let concord: Concord;

async function concordWithBotId(openIdMetadataUrl: string): Promise<Concord> {
  const settings = loadSettings({
    PORT: '0',
    HOST: '127.0.0.1',
    STORAGE_CONNECTION_STRING: storage.connectionString,
    DIRECTORY_FILE: SAMPLE_DIRECTORY,
    BOT_ID,
    BOT_PASSWORD: 'not-a-real-secret',
    BOT_TENANT_ID: '11111111-1111-4111-8111-111111111111',
  });
  return startConcord(settings, { openIdMetadataUrl });
}

beforeAll(async () => {
  storage = await startEmbeddedAzurite({});
  connector = await new FakeConnector().start();
  keys = await new SigningKeys().start();
  concord = await concordWithBotId(`${keys.url}/.well-known/openidconfiguration`);
});
afterAll(async () => {
  await concord?.stop();
  await keys?.stop();
  await connector?.stop();
  await storage?.stop();
});

async function post(body: string, headers: Record<string, string> = {}, url = concord.url): Promise<{ status: number; text: string }> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, text: await res.text() };
}

const accessRows = async () => (await concord.audit.trail('access')).filter((e) => e.action.startsWith('refused.'));

test('200 malformed bodies without credentials: 401 each, and a handful of audit rows at most', async () => {
  const before = (await accessRows()).length;
  const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => post(i % 2 ? `{"type": "message", ${i}` : `not json ${i}`)));
  expect(answers.map((a) => a.status)).toEqual(Array(200).fill(401));
  expect(JSON.parse(answers[0].text)).toEqual({ error: 'The request could not be authenticated.' });
  const added = (await accessRows()).slice(before);
  expect(added.length).toBeGreaterThanOrEqual(1); // it is on the record that it happened
  expect(added.length).toBeLessThanOrEqual(2);
  expect(added.every((e) => e.action === 'refused.unauthenticated')).toBe(true);
});

test('a forged token (signed by a key the Bot Framework never published) gets 401 with a plain body', async () => {
  const forger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forged = token(forger.privateKey, keys.kid, { serviceurl: connector.url });
  const answer = await post('{"type": "message", "text": "help"}', { authorization: `Bearer ${forged}` });
  expect(answer.status).toBe(401);
  expect(JSON.parse(answer.text)).toEqual({ error: 'The request could not be authenticated.' });
});

test('a well-formed token that cannot be checked (the keys cannot be fetched) gets 401, not 500 with the lookup error', async () => {
  const closed = http.createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
  const nowhere = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/.well-known/openidconfiguration`;
  await new Promise((r) => closed.close(r)); // nothing listens there any more
  const other = await concordWithBotId(nowhere);
  try {
    const answer = await post('{"type": "message", "text": "help"}', { authorization: `Bearer ${token(keys.key.privateKey, keys.kid, {})}` }, other.url);
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.text)).toEqual({ error: 'The request could not be authenticated.' });
  } finally {
    await other.stop();
  }
});

function invokeFromNia(serviceUrl: string) {
  const nia: TeamsUser = userFor(loadDirectory(SAMPLE_DIRECTORY), 'Nia Evans', concord.url, connector);
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: randomUUID(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: nia.userId, aadObjectId: nia.who.aadObjectId, name: nia.who.name },
    recipient: { id: `28:${BOT_ID}`, name: 'Concord' },
    conversation: { id: nia.chatId, conversationType: 'personal', tenantId: nia.who.tenantId },
    channelData: { tenant: { id: nia.who.tenantId } },
    value: { action: { type: 'Action.Execute', verb: 'no.such.verb', data: {} }, trigger: 'manual' },
  };
}

test('a request Teams signed is served (the check refuses the forged, not everything)', async () => {
  const signed = token(keys.key.privateKey, keys.kid, { serviceurl: connector.url });
  // An invoke is answered in the HTTP response: no outbound call (and no token from Entra) needed.
  const answer = await post(JSON.stringify(invokeFromNia(connector.url)), { authorization: `Bearer ${signed}` });
  expect(answer.status).toBe(200);
  expect(answer.text).toMatch(/not one Concord knows/);
});

test("a signed token used for another service URL gets 401 with a plain body (botbuilder's own check; its message is not shown)", async () => {
  const signed = token(keys.key.privateKey, keys.kid, { serviceurl: 'https://smba.trafficmanager.net/elsewhere/' });
  const answer = await post(JSON.stringify(invokeFromNia(connector.url)), { authorization: `Bearer ${signed}` });
  expect(answer.status).toBe(401);
  expect(JSON.parse(answer.text)).toEqual({ error: 'The request could not be authenticated.' });
});

test('without a BOT_ID (loopback only), malformed bodies are still answered 400, and audited a row a minute, not a row each', async () => {
  const world = await World.start();
  try {
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => post(`not json ${i}`, {}, world.concord.url)));
    expect(answers.every((a) => a.status === 400)).toBe(true);
    const rows = (await world.concord.audit.trail('access')).filter((e) => e.action === 'refused.malformed-request');
    expect(rows).toHaveLength(1);
    expect(rows[0].detail).toBe('body is not JSON'); // the parser's message would quote the body
  } finally {
    await world.stop();
  }
});

test('a body over 1 MiB is answered 413 with a plain message, not a dropped connection, and the server goes on serving', async () => {
  const world = await World.start();
  try {
    const big = JSON.stringify({ type: 'message', text: 'x'.repeat(2 * 1024 * 1024) });
    const answer = await post(big, {}, world.concord.url);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toEqual({ error: 'The request body is over 1 MiB: Teams never sends one that large.' });
    expect((await fetch(`${world.concord.url}/healthz`)).status).toBe(200);
    const rows = (await world.concord.audit.trail('access')).filter((e) => e.action === 'refused.malformed-request');
    expect(rows.map((r) => r.detail)).toContain('body over 1 MiB');
  } finally {
    await world.stop();
  }
});
