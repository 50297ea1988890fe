/**
 * Who is asking for the partnership's figures: the Teams SSO token the tab sends, checked as Entra
 * issued it (signature against the key set, issuer of an allowed tenant, audience of this app, not
 * expired), then the person behind it in the directory, with a role that may see the figures.
 */
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, JSONWebKeySet, jwtVerify, JWTVerifyGetKey } from 'jose';
import { Directory, Person, Role } from '../domain/directory';

export const FIGURE_ROLES: Role[] = ['partnership-admin', 'partnership-viewer'];

export interface TabSignInSettings {
  /** Audiences the token may carry: the tab's client id (v2 tokens) and its app ID URI (v1 tokens). */
  audiences: string[];
  /** Entra's signing keys; empty: the local development key file (never with a BOT_ID). */
  jwksUrl: string;
  /** The local development key set (scripts/dev-token.js writes it). */
  devKeyFile: string;
}

export type SignIn =
  | { ok: true; person: Person; tenantId: string }
  /** `reason`: a short slug for the audit; `person`: set when the token was good but the role is missing. */
  | { ok: false; status: 401 | 403; reason: string; message: string; person?: Person; tenantId?: string };

const refused = (status: 401 | 403, reason: string, message: string, who: { person?: Person; tenantId?: string } = {}): SignIn => ({
  ok: false,
  status,
  reason,
  message,
  ...who,
});

export class TabSignIn {
  private readonly remoteKeys: JWTVerifyGetKey | undefined;

  constructor(
    private readonly settings: TabSignInSettings,
    private readonly directory: Directory,
  ) {
    this.remoteKeys = settings.jwksUrl ? createRemoteJWKSet(new URL(settings.jwksUrl)) : undefined;
  }

  private keys(): JWTVerifyGetKey | undefined {
    if (this.remoteKeys) return this.remoteKeys;
    try {
      return createLocalJWKSet((JSON.parse(readFileSync(this.settings.devKeyFile, 'utf8')) as { jwks: JSONWebKeySet }).jwks);
    } catch {
      return undefined;
    }
  }

  /** Issuers Entra uses for the directory's tenants, in v2 and v1 tokens. */
  private issuers(): string[] {
    return this.directory.data.tenants.flatMap((t) => [`https://login.microsoftonline.com/${t.id}/v2.0`, `https://sts.windows.net/${t.id}/`]);
  }

  async check(authorization: string | undefined): Promise<SignIn> {
    const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return refused(401, 'no-token', 'Sign in through Teams to see the partnership’s figures.');
    const keys = this.keys();
    if (!keys || this.settings.audiences.length === 0)
      return refused(401, 'not-configured', 'Sign-in for the Partnership tab is not set up on this Concord (SSO_CLIENT_ID).');
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(token, keys, {
        issuer: this.issuers(),
        audience: this.settings.audiences,
        algorithms: ['RS256'],
        clockTolerance: 60,
      }));
    } catch (e) {
      if (e instanceof errors.JWTExpired) return refused(401, 'expired', 'Your sign-in has expired: reopen the tab.');
      if (e instanceof errors.JWTClaimValidationFailed && e.claim === 'iss')
        return refused(403, 'other-tenant', 'Your organisation is not part of this partnership.');
      return refused(401, 'bad-token', 'Your sign-in could not be checked: reopen the tab.');
    }
    const oid = typeof claims.oid === 'string' ? claims.oid : undefined;
    const tid = typeof claims.tid === 'string' ? claims.tid : undefined;
    if (!oid || !tid || !this.directory.isTenantAllowed(tid)) return refused(403, 'other-tenant', 'Your organisation is not part of this partnership.');
    const person = this.directory.personActing(oid, tid);
    if (!person || person === 'wrong-tenant')
      return refused(403, 'unknown-person', 'You are not in the partnership’s directory: ask a partnership administrator.');
    if (!person.roles.some((r) => FIGURE_ROLES.includes(r)))
      return refused(403, 'no-role', 'Only partnership administrators and viewers can see the partnership’s figures.', { person, tenantId: tid });
    return { ok: true, person, tenantId: tid };
  }
}
