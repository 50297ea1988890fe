import http from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { Directory } from '../../src/domain/directory';

export const TAB_CLIENT_ID = '7c5b1e52-6a3e-4c1e-9a55-0f4d2b7e8a01';

/**
 * Stands in for Microsoft Entra: a key pair, its public key set served on 127.0.0.1 (what
 * SSO_JWKS_URL points at), and Teams SSO tokens signed with it for people of the directory.
 */
export class TestEntra {
  private constructor(
    private readonly key: KeyLike,
    private readonly server: http.Server,
    readonly jwksUrl: string,
  ) {}

  static async start(): Promise<TestEntra> {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' }] });
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(jwks);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    return new TestEntra(privateKey, server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/keys`);
  }

  /** The settings a World needs to trust these tokens. */
  get env(): Record<string, string> {
    return { SSO_JWKS_URL: this.jwksUrl, SSO_CLIENT_ID: TAB_CLIENT_ID };
  }

  /** A token as Teams' getAuthToken gives it for this person; `options` make it wrong in one way. */
  async tokenFor(
    directory: Directory,
    name: string,
    options: { tenantId?: string; expired?: boolean; audience?: string; key?: KeyLike } = {},
  ): Promise<string> {
    const person = directory.data.people.find((p) => p.name === name);
    if (!person) throw new Error(`${name} is not in the directory`);
    const tid = options.tenantId ?? person.tenantId ?? directory.data.tenants[0].id;
    const now = Math.floor(Date.now() / 1000);
    const iat = options.expired ? now - 7200 : now;
    return new SignJWT({ oid: person.aadObjectId, tid, name: person.name, ver: '2.0' })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })
      .setIssuer(`https://login.microsoftonline.com/${tid}/v2.0`)
      .setAudience(options.audience ?? TAB_CLIENT_ID)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(iat + 3600)
      .sign(options.key ?? this.key);
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
